package merge

import (
	"context"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// row is a compact test record: source index, consignee and shipper
// entity, declaration, item, date, HS code, net kg, USD.
type row struct {
	src      int32
	cons     int32
	ship     int32
	decl     string
	item     string
	date     string
	hs       string
	net      float64
	usd      float64
	origin   string
	currency string
	bl       string  // bill of lading
	cont     string  // container
	gross    float64 // gross kg
}

func day(s string) reconcile.Date {
	if len(s) == 7 {
		t, _ := time.Parse("2006-01", s)
		return reconcile.Date{Time: t, Precision: reconcile.PrecisionMonth}
	}
	t, _ := time.Parse("2006-01-02", s)
	return reconcile.Date{Time: t, Precision: reconcile.PrecisionDay}
}

func input(rows []row, monthly ...int32) Input {
	in := Input{Sources: []Source{{Name: "a.xlsx", Granularity: reconcile.GranularityShipment, Rank: 9}, {Name: "b.xlsx", Granularity: reconcile.GranularityShipment, Rank: 9}, {Name: "c.csv", Granularity: reconcile.GranularityShipment, Rank: 9}}}
	for _, m := range monthly {
		in.Sources[m].Granularity = reconcile.GranularityMonthly
	}
	files := []string{"a.xlsx", "b.xlsx", "c.csv"}
	for i, r := range rows {
		rec := reconcile.Record{
			Source:        reconcile.Provenance{File: files[r.src], Sheet: "S", Row: i + 2},
			Date:          day(r.date),
			DeclarationID: r.decl, ItemNo: r.item, HSCode: r.hs, OriginCountry: r.origin,
			Consignee: reconcile.Party{Names: []string{"C" + string(rune('0'+r.cons))}},
		}
		if r.net > 0 {
			rec.NetKg = reconcile.Num(r.net)
		}
		if r.gross > 0 {
			rec.GrossKg = reconcile.Num(r.gross)
		}
		rec.BillOfLading, rec.Container = r.bl, r.cont
		if r.usd > 0 {
			if r.currency != "" {
				rec.Value, rec.Currency = reconcile.Num(r.usd), r.currency
			} else {
				rec.ValueUSD = reconcile.Num(r.usd)
			}
		}
		in.Records = append(in.Records, rec)
		in.SourceOf = append(in.SourceOf, r.src)
		in.Consignee = append(in.Consignee, r.cons)
		in.Shipper = append(in.Shipper, r.ship)
	}
	return in
}

// groups renders the shipments as "0+1 2 3" (record indexes per shipment,
// sorted by first record).
func groups(res *Result) string {
	byFirst := map[int32]string{}
	var firsts []int32
	for _, sh := range res.Shipments {
		min := sh.Rows[0]
		for _, x := range sh.Rows {
			if x < min {
				min = x
			}
		}
		var parts []string
		rows := append([]int32{}, sh.Rows...)
		sortInt32(rows)
		for _, x := range rows {
			parts = append(parts, itoa(int(x)))
		}
		byFirst[min] = strings.Join(parts, "+")
		firsts = append(firsts, min)
	}
	sortInt32(firsts)
	var out []string
	for _, f := range firsts {
		out = append(out, byFirst[f])
	}
	return strings.Join(out, " ")
}

func sortInt32(s []int32) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func TestReconcileRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rows []row
		opt  Options
		want string
	}{
		{"same declaration and item across sources", []row{
			{src: 0, cons: 1, ship: 2, decl: "10702030/140622/0012345", item: "1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 1, cons: 1, ship: 2, decl: "10702030-140622-0012345", item: "001", date: "2022-06-15", hs: "930320", net: 100},
		}, DefaultOptions(), "0+1"},
		{"same declaration, different items are two lines", []row{
			{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 1, cons: 1, decl: "D1", item: "2", date: "2022-06-14", hs: "930320", net: 100},
		}, DefaultOptions(), "0 1"},
		{"item on one side only: same declaration and HS-6 is the same", []row{
			{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 1, cons: 1, decl: "D1", date: "2022-06-14", hs: "930320", net: 100},
		}, DefaultOptions(), "0+1"},
		{"item on one side only: another HS-6 is another item", []row{
			{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 1, cons: 1, decl: "D1", date: "2022-06-14", hs: "930330", net: 100},
		}, DefaultOptions(), "0 1"},
		{"different declarations never merge even if all else agrees", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", date: "2022-06-14", hs: "930320", net: 100},
			{src: 1, cons: 1, ship: 2, decl: "D2", date: "2022-06-14", hs: "930320", net: 100},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: one side without declaration", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", date: "2022-06-14", hs: "9303200000", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-16", hs: "930320", net: 1009},
		}, DefaultOptions(), "0+1"},
		{"fuzzy: date outside tolerance", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-18", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: wider date tolerance", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-18", hs: "930320", net: 1000},
		}, Options{DateToleranceDays: 5, WeightTolerancePct: 1}, "0+1"},
		{"fuzzy: weight outside 1%", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1011},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: different consignee entity", []row{
			{src: 0, cons: 1, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 3, date: "2022-06-14", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: different shippers", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 3, date: "2022-06-14", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: shipper unknown on one side", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: -1, date: "2022-06-14", hs: "930320", net: 1000},
		}, DefaultOptions(), "0+1"},
		{"fuzzy: different HS-6", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930330", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"fuzzy: unknown consignee never matches", []row{
			{src: 0, cons: -1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: -1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"same source rows never merge (one row per source)", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 0, cons: 1, ship: 2, date: "2022-06-15", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
		{"one-to-one: the closer row wins", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-16", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1001},
		}, DefaultOptions(), "0+2 1"},
		{"no chaining: A~B, B~C but not A~C", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06-10", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-13", hs: "930320", net: 1000},
			{src: 2, cons: 1, ship: 2, date: "2022-06-16", hs: "930320", net: 1000},
		}, DefaultOptions(), "0+1 2"},
		{"three sources all agreeing form one shipment", []row{
			{src: 0, cons: 1, ship: 2, decl: "D9", date: "2022-06-10", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-11", hs: "930320", net: 1000},
			{src: 2, cons: 1, ship: 2, date: "2022-06-12", hs: "930320", net: 1000},
		}, DefaultOptions(), "0+1+2"},
		{"two declaration groups never join through a row without one", []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", date: "2022-06-10", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-10", hs: "930320", net: 1000},
			{src: 2, cons: 1, ship: 2, decl: "D2", date: "2022-06-10", hs: "930320", net: 1000},
		}, DefaultOptions(), "0+1 2"},
		{"month-precision dates do not fuzzy-match", []row{
			{src: 0, cons: 1, ship: 2, date: "2022-06", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, date: "2022-06-01", hs: "930320", net: 1000},
		}, DefaultOptions(), "0 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), input(tc.rows), tc.opt, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			for _, sh := range res.Shipments {
				if len(sh.Reasons) != len(sh.Rows) {
					t.Errorf("%s: %d reasons for %d rows", sh.ID, len(sh.Reasons), len(sh.Rows))
				}
				for k, r := range sh.Reasons {
					if k > 0 && r == "" {
						t.Errorf("%s row %d: no reason", sh.ID, k)
					}
				}
			}
		})
	}
}

func TestDuplicatesCountedOnce(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000, usd: 5},
		{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000, usd: 5},
		{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000, usd: 5},
	}
	res, err := Reconcile(context.Background(), input(rows), DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicates != 1 || res.DuplicateOf[1] != 0 {
		t.Errorf("duplicates: got %d (DuplicateOf %v), want row 1 a duplicate of row 0", res.Duplicates, res.DuplicateOf)
	}
	if got := groups(res); got != "0+2" {
		t.Errorf("shipments: got %q, want %q", got, "0+2")
	}
	if sh := res.Shipments[0]; len(sh.Duplicates) != 1 || sh.Duplicates[0] != 1 || res.ShipmentOf[1] != 0 {
		t.Errorf("duplicate not attached to its shipment: %+v, ShipmentOf %v", sh.Duplicates, res.ShipmentOf)
	}
}

func TestDecisions(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000},
		{src: 1, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000},
		{src: 2, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
	}
	in := input(rows)
	tests := []struct {
		name      string
		decisions []Decision
		want      string
		excluded  string
	}{
		{"none", nil, "0+1+2", ""},
		{"split a row out", []Decision{{Op: OpSplit, Row: "c.csv!S:4", Reason: "different truck"}}, "0+1 2", ""},
		{"split the declaration row", []Decision{{Op: OpSplit, Row: "b.xlsx!S:3"}}, "0+2 1", ""},
		{"exclude", []Decision{{Op: OpExclude, Row: "c.csv!S:4", Reason: "re-export"}}, "0+1+2", "re-export"},
		{"exclude then include", []Decision{{Op: OpExclude, Row: "c.csv!S:4"}, {Op: OpInclude, Row: "c.csv!S:4"}}, "0+1+2", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), in, DefaultOptions(), tc.decisions, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			var ex []string
			for _, sh := range res.Shipments {
				if sh.Excluded {
					ex = append(ex, sh.ExcludeReason)
					if sh.Counted() || !strings.HasPrefix(sh.Status(), "excluded") {
						t.Errorf("excluded shipment %s: Counted %v, Status %q", sh.ID, sh.Counted(), sh.Status())
					}
				}
			}
			if got := strings.Join(ex, ","); got != tc.excluded {
				t.Errorf("excluded: got %q, want %q", got, tc.excluded)
			}
			if tc.name == "split a row out" {
				for _, sh := range res.Shipments {
					if len(sh.Rows) == 1 && sh.Rows[0] == 2 && !strings.Contains(sh.Reasons[0], "split out by the user: different truck") {
						t.Errorf("split reason: got %q", sh.Reasons[0])
					}
				}
			}
		})
	}
}

func TestConflictsAndPreference(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 500, origin: "CN"},
		{src: 1, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-15", hs: "930320", net: 1200, usd: 500, origin: "TR"},
	}
	t.Run("default prefers the first listed source", func(t *testing.T) {
		in := input(rows)
		res, _ := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
		sh := res.Shipments[0]
		if sh.NetKg(in.Records).Value != 1000 || sh.Origin != "CN" {
			t.Errorf("used: got %v kg from %s, want 1000 kg, CN", sh.NetKg(in.Records).Value, sh.Origin)
		}
		fields := map[reconcile.Field]Discrepancy{}
		for _, d := range res.Discrepancies {
			fields[d.Field] = d
		}
		for _, f := range []reconcile.Field{reconcile.FieldDate, reconcile.FieldNetWeight, reconcile.FieldOriginCountry} {
			d, ok := fields[f]
			if !ok {
				t.Errorf("no discrepancy for %s", f)
				continue
			}
			if len(d.Values) != 2 || d.Used == "" || d.Kind != KindConflict {
				t.Errorf("%s: got %+v, want both values and the one used", f, d)
			}
		}
		if _, ok := fields[reconcile.FieldValueUSD]; ok {
			t.Error("equal USD values reported as a conflict")
		}
	})
	t.Run("user preference", func(t *testing.T) {
		in := input(rows)
		in.Sources[1].Rank = 0
		res, _ := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
		if sh := res.Shipments[0]; sh.NetKg(in.Records).Value != 1200 || sh.Origin != "TR" {
			t.Errorf("used: got %v kg from %s, want 1200 kg, TR", sh.NetKg(in.Records).Value, sh.Origin)
		}
	})
	t.Run("USD over converted", func(t *testing.T) {
		r := []row{
			{src: 0, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 40000, currency: "RUB"},
			{src: 1, cons: 1, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000, usd: 500},
		}
		in := input(r)
		res, _ := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
		sh := res.Shipments[0]
		if usd := sh.ValueUSD(in.Records); sh.Rows[0] != 1 || !usd.Valid || usd.Value != 500 {
			t.Errorf("preferred row %d, USD %v: want row 1 (gives USD)", sh.Rows[0], usd)
		}
	})
}

func TestMonthlyAggregatesNeverMixed(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
		{src: 2, cons: 1, ship: 2, date: "2022-06", hs: "9303", net: 1000},
		{src: 2, cons: 1, ship: 2, date: "2022-07", hs: "9303", net: 700},
	}
	res, err := Reconcile(context.Background(), input(rows, 2), DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := groups(res); got != "0 1 2" {
		t.Fatalf("got %q, want aggregates kept apart", got)
	}
	for _, sh := range res.Shipments {
		switch sh.Rows[0] {
		case 1:
			if !sh.Monthly || !sh.Superseded || sh.Counted() || !strings.HasPrefix(sh.ID, "M") {
				t.Errorf("June aggregate: %+v, want monthly, superseded, not counted", sh)
			}
		case 2:
			if !sh.Monthly || sh.Superseded || !sh.Counted() {
				t.Errorf("July aggregate: want counted (no shipment-level data for July)")
			}
		}
	}
}

func TestNormalizeDeclaration(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"10702030/140622/0012345", "107020301406220012345"},
		{" 10702030-140622-0012345 ", "107020301406220012345"},
		{"bl-ABC 123", "BLABC123"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := NormalizeDeclaration(tc.in); got != tc.want {
			t.Errorf("NormalizeDeclaration(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{{"001", "1"}, {"1.0", "1"}, {"", ""}, {"A-2", "A2"}} {
		if got := NormalizeItem(tc.in); got != tc.want {
			t.Errorf("NormalizeItem(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Reconcile(ctx, input([]row{{src: 0, cons: 1, date: "2022-06-14", hs: "930320", net: 1}}), DefaultOptions(), nil, nil)
	if err != reconcile.ErrCanceled {
		t.Errorf("got %v, want ErrCanceled", err)
	}
}

// A country-level aggregate (Comtrade: month, HS, countries, no
// consignee) is left out when shipment-level rows of the same month carry
// goods on a route it could cover, and counted when none do: a new user's
// China→Russia aggregates were added on top of the shipments they repeat.
func TestCountryAggregatesSuperseded(t *testing.T) {
	t.Parallel()
	rows := []row{
		{src: 0, cons: 1, ship: 2, date: "2022-03-14", hs: "0306170000", net: 9800, origin: "CN"},
		{src: 2, cons: -1, ship: -1, date: "2022-03", hs: "030617", net: 9800, origin: "CN"},
		{src: 2, cons: -1, ship: -1, date: "2022-03", hs: "030617", net: 5000, origin: "VN"},
		{src: 2, cons: -1, ship: -1, date: "2022-04", hs: "030617", net: 7000, origin: "CN"},
	}
	res, err := Reconcile(context.Background(), input(rows, 2), DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int32]bool{1: true, 2: false, 3: false} // row → superseded
	for _, sh := range res.Shipments {
		if w, ok := want[sh.Rows[0]]; ok && (sh.Superseded != w || !sh.Monthly) {
			t.Errorf("aggregate row %d: monthly %v superseded %v, want superseded %v", sh.Rows[0], sh.Monthly, sh.Superseded, w)
		}
	}
}
