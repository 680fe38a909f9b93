package totals

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// TestShipmentCountCountsConsignments: a declaration with three goods
// items is three rows that total weight and value, but one shipment;
// two rows of one bill of lading (goods of two HS codes, which stay rows of their own) are one; a row without either is
// its own. Groups that split a declaration's items count it in each.
func TestShipmentCountCountsConsignments(t *testing.T) {
	t.Parallel()
	src := func(i int) reconcile.Provenance { return reconcile.Provenance{File: "d.xlsx", Sheet: "ДТ", Row: i} }
	item := func(row int, decl, no, hs string, kg float64) reconcile.Record {
		return reconcile.Record{Source: src(row), Date: d("2023-02-15"), DeclarationID: decl, ItemNo: no, HSCode: hs,
			NetKg: num(kg), ValueUSD: num(kg * 100)}
	}
	recs := []reconcile.Record{
		item(2, "10005030/150223/0001703", "1", "8807300000", 500),
		item(3, "10005030/150223/0001703", "2", "8525890000", 300),
		item(4, "10005030/150223/0001703", "3", "8526920000", 550),
		item(5, "10005030/160223/0001800", "1", "8807300000", 100),
		{Source: src(6), Date: d("2023-02-20"), BillOfLading: "COSU6312340007", Container: "MSCU1234565", HSCode: "6211430000", NetKg: num(1000), ValueUSD: num(1)},
		{Source: src(7), Date: d("2023-02-20"), BillOfLading: "COSU6312340007", Container: "TGHU1234566", HSCode: "6307909800", NetKg: num(1200), ValueUSD: num(1)},
		{Source: src(8), Date: d("2023-02-21"), HSCode: "6211430000", NetKg: num(10), ValueUSD: num(1)},
	}
	n := len(recs)
	in := merge.Input{Records: recs, SourceOf: make([]int32, n), Sources: []merge.Source{{Name: "d.xlsx", Granularity: reconcile.GranularityShipment}},
		Consignee: make([]int32, n), Shipper: make([]int32, n)}
	res, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Shipments) != n {
		t.Fatalf("%d shipment rows, want %d (items and containers stay rows)", len(res.Shipments), n)
	}
	Apply(res.Shipments, recs, WeightNet, nil)
	all := Compute(res.Shipments, ByNone, Filter{}, lab)
	if all.Total.Shipments != 4 || all.Total.Items != n || all.Total.Tonnes < 3.66-1e-9 || all.Total.Tonnes > 3.66+1e-9 {
		t.Errorf("total: %d shipments / %d items / %.3f t, want 4 / %d / 3.660", all.Total.Shipments, all.Total.Items, all.Total.Tonnes, n)
	}
	if !strings.Contains(strings.Join(all.Notes, " "), "7 shipment rows are 4 shipments") {
		t.Errorf("notes do not say items were counted as one: %q", all.Notes)
	}
	byHS := Compute(res.Shipments, ByHSHeading, Filter{}, lab)
	for _, g := range byHS.Groups {
		want := map[string]int{"HS8807": 2, "HS8525": 1, "HS8526": 1, "HS6211": 2, "HS6307": 1}[g.Key]
		if g.Measures.Shipments != want {
			t.Errorf("%s: %d shipments, want %d", g.Key, g.Measures.Shipments, want)
		}
	}
}
