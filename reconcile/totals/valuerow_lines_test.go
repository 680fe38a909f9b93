package totals

import (
	"context"
	"math"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// TestFallbackValueOfContainerLines: the preferred row (a declaration in
// CNY) has no rate, so the value falls back to the B/L feed, whose two
// container lines give 90,000 and 96,000 USD. The fallback must take the
// group's added value, 186,000 USD, as the Value USD column shows it, not the
// first container line's 90,000.
func TestFallbackValueOfContainerLines(t *testing.T) {
	t.Parallel()
	src := func(file string, row int) reconcile.Provenance {
		return reconcile.Provenance{File: file, Sheet: "S", Row: row}
	}
	party := func(n string) reconcile.Party { return reconcile.Party{Names: []string{n}} }
	recs := []reconcile.Record{
		{Source: src("decl.xlsx", 2), Date: d("2022-10-03"), DeclarationID: "10702070/031022/0001037", HSCode: "880730",
			Consignee: party("C1"), NetKg: num(4200), Value: num(1290000), Currency: "CNY"},
		{Source: src("bl.xlsx", 2), Date: d("2022-09-29"), BillOfLading: "COSU6312340007", Container: "TGHU3054137", HSCode: "880730",
			Consignee: party("C1"), GrossKg: num(2300), ValueUSD: num(90000)},
		{Source: src("bl.xlsx", 3), Date: d("2022-09-29"), BillOfLading: "COSU6312340007", Container: "TGHU3054266", HSCode: "880730",
			Consignee: party("C1"), GrossKg: num(2260), ValueUSD: num(96000)},
	}
	in := merge.Input{Records: recs, SourceOf: []int32{0, 1, 1},
		Sources: []merge.Source{{Name: "decl.xlsx", Granularity: reconcile.GranularityShipment, Rank: 0},
			{Name: "bl.xlsx", Granularity: reconcile.GranularityShipment, Rank: 1}},
		Consignee: []int32{1, 1, 1}, Shipper: []int32{2, 2, 2}}
	res, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Shipments) != 1 {
		t.Fatalf("want one shipment of the declaration and its container lines, got %d", len(res.Shipments))
	}
	Apply(res.Shipments, recs, WeightNet, nil)
	sh := &res.Shipments[0]
	if !sh.USD.Valid || math.Abs(sh.USD.Value-186000) > 0.01 {
		t.Errorf("USD %v (%s), want 186000 (the container lines added)", sh.USD, sh.USDBasis)
	}
	// The Value USD column shows the fallback row's value: the same figure.
	if v := sh.ValueUSD(recs); !v.Valid || math.Abs(v.Value-186000) > 0.01 {
		t.Errorf("value USD %v, want the same 186000 as the USD", v)
	}
}
