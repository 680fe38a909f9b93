package totals

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// importExport merges one import row (preferred, value in TRY only) with
// the export declaration of the same goods (FOB in TRY and in USD), as
// a Russian import register and a Turkish export register give them.
func importExport(t *testing.T) ([]merge.Shipment, []reconcile.Record) {
	t.Helper()
	recs := []reconcile.Record{
		{Source: reconcile.Provenance{File: "a.xlsx", Sheet: "A", Row: 4}, Date: d("2022-07-18"), DeclarationID: "10418010/180722/0001222",
			HSCode: "6211430000", NetKg: num(6400), Value: num(5333333.33), Currency: "TRY"},
		{Source: reconcile.Provenance{File: "c.xlsx", Sheet: "C", Row: 4}, Date: d("2022-07-11"), DeclarationID: "10418010/180722/0001222",
			HSCode: "621143000000", NetKg: num(6400), Value: num(5203703.7), Currency: "TRY", ValueUSD: num(281000)},
	}
	in := merge.Input{Records: recs, SourceOf: []int32{0, 1},
		Sources: []merge.Source{{Name: "a.xlsx", Granularity: reconcile.GranularityShipment, Rank: 0},
			{Name: "c.xlsx", Granularity: reconcile.GranularityShipment, Rank: 1}},
		Consignee: []int32{0, 0}, Shipper: []int32{1, 1}}
	res, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Shipments) != 1 || len(res.Shipments[0].Rows) != 2 {
		t.Fatalf("want one shipment from both rows, got %d", len(res.Shipments))
	}
	return res.Shipments, recs
}

func TestApplyTakesValueFromPreferredRow(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		rates     []Rate
		usd       float64
		currency  string
		basis     string
		fallback  string // Used of the fallback discrepancy, "" when none
		rateUsing []int
	}{
		{"preferred row converted with the user's rate, not the other row's USD", []Rate{{Currency: "TRY", ToUSD: 0.054}, {Currency: "EUR", ToUSD: 1.05}},
			288000, "TRY", BasisConverted, "", []int{1, 0}},
		{"no rate for the preferred row's currency: the other row's USD, said so", []Rate{{Currency: "EUR", ToUSD: 1.05}},
			281000, "TRY", BasisValueUSD, "281000 USD from c.xlsx!C:4", []int{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			shs, recs := importExport(t)
			ds := Apply(shs, recs, WeightNet, tc.rates)
			sh := &shs[0]
			if !sh.USD.Valid || sh.USD.Value < tc.usd-0.01 || sh.USD.Value > tc.usd+0.01 {
				t.Errorf("USD: got %v, want %v", sh.USD, tc.usd)
			}
			if !strings.HasPrefix(sh.USDBasis, tc.basis) {
				t.Errorf("basis: got %q, want %q…", sh.USDBasis, tc.basis)
			}
			v, cur := sh.Value(recs)
			wantRow := 0
			if tc.fallback != "" {
				wantRow = 1
			}
			if want := recs[sh.Rows[wantRow]]; cur != tc.currency || v != want.Value || sh.ValueUSD(recs) != want.ValueUSD {
				t.Errorf("value %v %s / USD %v: want all from %s", v, cur, sh.ValueUSD(recs), want.Source)
			}
			got := ""
			for _, x := range ds {
				if x.Kind == merge.KindFallback && x.Field == reconcile.FieldValue {
					got = x.Used
					if !strings.Contains(x.Rule, "no rate for TRY") {
						t.Errorf("fallback rule %q does not say why", x.Rule)
					}
				}
			}
			if got != tc.fallback {
				t.Errorf("fallback note: got %q, want %q", got, tc.fallback)
			}
			if uses := RateUses(shs, recs, tc.rates); !slices.Equal(uses, tc.rateUsing) {
				t.Errorf("rate uses: got %v, want %v", uses, tc.rateUsing)
			}
			// A second Apply with the rate given goes back to the preferred row.
			Apply(shs, recs, WeightNet, []Rate{{Currency: "TRY", ToUSD: 0.054}})
			if v, _ := sh.Value(recs); v != recs[sh.Rows[0]].Value || sh.USD.Value < 287999 || sh.USD.Value > 288001 {
				t.Errorf("re-applied with a TRY rate: value %v, USD %v; want the preferred row's", v, sh.USD)
			}
		})
	}
}
