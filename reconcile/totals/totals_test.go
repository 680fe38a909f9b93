package totals

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

func d(s string) reconcile.Date {
	t, _ := time.Parse("2006-01-02", s)
	return reconcile.Date{Time: t, Precision: reconcile.PrecisionDay}
}

func num(v float64) reconcile.Number { return reconcile.Num(v) }

var lab = Labels{
	EntityID:   func(e int32) string { return []string{"E-A", "E-B", "E-C"}[e] },
	EntityName: func(e int32) string { return []string{"Alpha", "Beta", "Gamma"}[e] },
}

// fixture reconciles five records into S1–S4 and the monthly line M1
// (superseded by S1's month); S4 is excluded by a decision.
func fixture() ([]merge.Shipment, []reconcile.Record) {
	src := func(i int) reconcile.Provenance { return reconcile.Provenance{File: "f.xlsx", Sheet: "S", Row: i} }
	recs := []reconcile.Record{
		{Source: src(2), Date: d("2022-06-14"), DeclarationID: "D1", OriginCountry: "CN", DispatchCountry: "TR", DestinationCountry: "RU",
			HSCode: "6307909800", Description: "Body armour vests", NetKg: num(2000), GrossKg: num(2100), ValueUSD: num(250000), Quantity: num(200), QuantityUnit: "pcs"},
		{Source: src(3), Date: d("2022-07-01"), DeclarationID: "D2", OriginCountry: "TR", DispatchCountry: "TR", DestinationCountry: "RU",
			HSCode: "6307909800", Description: "Armour plates", GrossKg: num(1500), Value: num(1000000), Currency: "RUB"},
		{Source: src(4), Date: d("2022-12-31"), DeclarationID: "D3", OriginCountry: "CN", DispatchCountry: "AE", DestinationCountry: "RU",
			HSCode: "8806", Description: "Drone parts", NetKg: num(300), Value: num(100), Currency: "EUR"},
		{Source: src(5), Date: d("2023-01-02"), DeclarationID: "D4", HSCode: "8806", NetKg: num(50), ValueUSD: num(10)},
		{Source: reconcile.Provenance{File: "m.csv", Row: 2}, Date: reconcile.Date{Time: d("2022-06-01").Time, Precision: reconcile.PrecisionMonth},
			HSCode: "6307", NetKg: num(5000), ValueUSD: num(1)},
	}
	in := merge.Input{Records: recs, SourceOf: []int32{0, 0, 0, 0, 1},
		Sources:   []merge.Source{{Name: "f.xlsx", Granularity: reconcile.GranularityShipment}, {Name: "m.csv", Granularity: reconcile.GranularityMonthly}},
		Consignee: []int32{0, 0, 1, -1, 0}, Shipper: []int32{1, 2, 2, 2, -1}}
	res, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(),
		[]merge.Decision{{Op: merge.OpExclude, Row: "f.xlsx!S:5"}}, nil)
	if err != nil {
		panic(err)
	}
	return res.Shipments, recs
}

func TestApply(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		weight string
		rates  []Rate
		tonnes []string // per shipment: value or basis prefix when none
		usd    []string
	}{
		{"net with gross fallback, no rates", WeightNet, nil,
			[]string{"2", "1.5 gross (net missing)", "0.3", "0.05", "5"},
			[]string{"250000", "no USD equivalent", "no USD equivalent", "10", "1"}},
		{"gross throughout", WeightGross, nil,
			[]string{"2.1", "1.5 gross", "no weight", "no weight", "no weight"},
			[]string{"250000", "no USD equivalent", "no USD equivalent", "10", "1"}},
		{"rates by month and all months", WeightNet, []Rate{{Currency: "RUB", Month: "2022-07", ToUSD: 0.016}, {Currency: "EUR", ToUSD: 1.05}, {Currency: "RUB", Month: "2022-06", ToUSD: 99}},
			[]string{"2", "1.5 gross (net missing)", "0.3", "0.05", "5"},
			[]string{"250000", "16000", "105", "10", "1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			shs, recs := fixture()
			ds := Apply(shs, recs, tc.weight, tc.rates)
			for i, sh := range shs {
				got := sh.TonnesBasis
				if sh.Tonnes.Valid {
					got = ftoa(sh.Tonnes.Value) + " " + sh.TonnesBasis
				}
				if !strings.HasPrefix(got, tc.tonnes[i]) || (sh.Tonnes.Valid && !strings.HasPrefix(tc.tonnes[i], ftoa(sh.Tonnes.Value))) {
					t.Errorf("%s tonnes: got %q, want %q", sh.ID, got, tc.tonnes[i])
				}
				gotUSD := sh.USDBasis
				if sh.USD.Valid {
					gotUSD = ftoa(sh.USD.Value)
				}
				if !strings.HasPrefix(gotUSD, tc.usd[i]) {
					t.Errorf("%s USD: got %q, want %q", sh.ID, gotUSD, tc.usd[i])
				}
			}
			kinds := map[string]int{}
			for _, x := range ds {
				kinds[x.Kind]++
			}
			if tc.weight == WeightNet && kinds[merge.KindFallback] != 1 {
				t.Errorf("fallback discrepancies: got %d, want 1", kinds[merge.KindFallback])
			}
			if tc.rates == nil && kinds[merge.KindNoUSD] != 2 {
				t.Errorf("no_usd discrepancies: got %d, want 2", kinds[merge.KindNoUSD])
			}
		})
	}
}

func ftoa(v float64) string { return strconvF(v) }

func TestComputeGroupsAndFilters(t *testing.T) {
	t.Parallel()
	shs, recs := fixture()
	Apply(shs, recs, WeightNet, []Rate{{Currency: "RUB", ToUSD: 0.016}})
	tests := []struct {
		name   string
		by     GroupBy
		f      Filter
		want   string // key:shipments:tonnes, groups in order
		notes  []string
		totals string
	}{
		{"by consignee", ByConsignee, Filter{}, "E-A:2:3.5 E-B:1:0.3", []string{"gross weight", "left out: shipment-level", "no USD equivalent", "converted"}, "3:3.8"},
		{"by route", ByRoute, Filter{}, "CN>TR>RU:1:2 TR>TR>RU:1:1.5 CN>AE>RU:1:0.3", nil, "3:3.8"},
		{"by HS heading", ByHSHeading, Filter{}, "HS6307:2:3.5 HS8806:1:0.3", nil, "3:3.8"},
		{"by month", ByMonth, Filter{}, "M2022-06:1:2 M2022-07:1:1.5 M2022-12:1:0.3", nil, "3:3.8"},
		{"by shipper", ByShipper, Filter{}, "E-B:1:2 E-C:2:1.8", nil, "3:3.8"},
		{"include excluded and superseded", ByNone, Filter{IncludeExcluded: true, IncludeSuperseded: true}, "all:5:8.85", []string{"monthly aggregate"}, "5:8.85"},
		{"date range inclusive", ByNone, Filter{From: d("2022-06-14").Time, To: d("2022-07-01").Time}, "all:2:3.5", nil, "2:3.5"},
		{"HS prefix", ByNone, Filter{HSPrefixes: []string{"8806"}}, "all:1:0.3", nil, "1:0.3"},
		{"HS prefix with dots", ByNone, Filter{HSPrefixes: []string{"6307.90"}}, "all:2:3.5", nil, "2:3.5"},
		{"origin", ByNone, Filter{Origin: []string{"cn"}}, "all:2:2.3", nil, "2:2.3"},
		{"any country", ByNone, Filter{Countries: []string{"AE"}}, "all:1:0.3", nil, "1:0.3"},
		{"entity in either role", ByNone, Filter{Entities: []string{"E-B"}}, "all:2:2.3", nil, "2:2.3"},
		{"any of several entities", ByNone, Filter{Entities: []string{"E-C", "E-B"}}, "all:3:3.8", nil, "3:3.8"},
		{"consignee", ByNone, Filter{Consignee: []string{"E-B"}}, "all:1:0.3", nil, "1:0.3"},
		{"description words, any case", ByNone, Filter{DescriptionContains: "ARMOUR vest"}, "all:1:2", nil, "1:2"},
		{"nothing", ByNone, Filter{DescriptionContains: "rifles"}, "", nil, "0:0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tbl := Compute(shs, tc.by, tc.f, lab)
			var parts []string
			for _, g := range tbl.Groups {
				parts = append(parts, g.Key+":"+itoa(g.Measures.Shipments+g.AggregateRows)+":"+ftoa(round3(g.Tonnes)))
				if len(g.Shipments) != g.Measures.Shipments+g.AggregateRows {
					t.Errorf("%s: %d shipments listed, %d counted", g.Key, len(g.Shipments), g.Measures.Shipments+g.AggregateRows)
				}
			}
			if got := strings.Join(parts, " "); got != tc.want {
				t.Errorf("groups: got %q, want %q", got, tc.want)
			}
			if got := itoa(tbl.Total.Shipments+tbl.Total.AggregateRows) + ":" + ftoa(round3(tbl.Total.Tonnes)); got != tc.totals {
				t.Errorf("total: got %q, want %q", got, tc.totals)
			}
			all := strings.Join(tbl.Notes, " | ")
			for _, n := range tc.notes {
				if !strings.Contains(all, n) {
					t.Errorf("notes %q: want one mentioning %q", all, n)
				}
			}
		})
	}
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

func TestKeysAreSafeCriteria(t *testing.T) {
	t.Parallel()
	shs, _ := fixture()
	for _, g := range GroupBys {
		for i := range shs {
			k, _ := Key(g, &shs[i], lab)
			if k == "" || strings.ContainsAny(k, "*?~") || strings.ContainsAny(k[:1], "<>=0123456789") {
				t.Errorf("%s key %q of %s is not a safe COUNTIFS criterion", g, k, shs[i].ID)
			}
		}
	}
}

func TestFmtKgRoundsForDisplay(t *testing.T) {
	for in, want := range map[float64]string{770.018407312: "770.018", 1200.5: "1200.5", 2000: "2000", 0.0004: "0"} {
		if got := fmtKg(in); got != want {
			t.Errorf("fmtKg(%v) = %q, want %q", in, got, want)
		}
	}
}
