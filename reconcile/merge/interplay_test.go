package merge

import (
	"testing"

	"tradecheck/reconcile"
)

// TestContainerLinesWithExportAndImport: an import declaration, the B/L
// feed's two container lines and the Chinese export declaration of one
// shipment are one shipment, with the containers' value added.
func TestContainerLinesWithExportAndImport(t *testing.T) {
	t.Parallel()
	imp := row{src: 0, cons: 1, ship: 2, decl: "10702070/031022/0001037", date: "2022-10-03", hs: "880730", net: 4200, usd: 186000, origin: "CN"}
	c1 := row{src: 1, cons: 1, ship: 2, bl: "COSU6312340007", cont: "TGHU3054137", date: "2022-09-29", hs: "880730", gross: 2300, usd: 90000}
	c2 := row{src: 1, cons: 1, ship: 2, bl: "COSU6312340007", cont: "TGHU3054266", date: "2022-09-29", hs: "880730", gross: 2260, usd: 96000}
	exp := row{src: 2, cons: 1, ship: 2, decl: "223120220000123456", date: "2022-09-01", hs: "880730", net: 4200, usd: 186000, origin: "CN"}
	in := input([]row{imp, c1, c2, exp})
	in.Sources[2].Flow = reconcile.FlowExport
	res, _ := reconcileAndList(t, in)
	if got := groups(res); got != "0+1+2+3" {
		t.Fatalf("shipments %q, want one of all four rows", got)
	}
	sh := &res.Shipments[0]
	if v := sh.ValueUSD(in.Records); !v.Valid || v.Value != 186000 {
		t.Errorf("value %v, want 186000", v)
	}
}

// TestIdenticalContainerGroups: a firm's two identical loads of one day,
// each a B/L of two container lines, against two identical declarations:
// the ties pair in row order, each declaration with one B/L's two
// containers, and no row is left without a shipment or counted twice.
func TestIdenticalContainerGroups(t *testing.T) {
	t.Parallel()
	decl := row{src: 0, cons: 1, ship: 2, decl: "10702070/031022/0001037", date: "2022-10-03", hs: "880730", net: 4200, usd: 186000}
	decl2 := decl
	decl2.decl = "10702070/031022/0001038"
	cont := func(bl, c string, gross, usd float64) row {
		return row{src: 1, cons: 1, ship: 2, bl: bl, cont: c, date: "2022-10-01", hs: "880730", gross: gross, usd: usd}
	}
	rows := []row{decl, decl2,
		cont("COSU6312340007", "TGHU3054137", 2300, 90000), cont("COSU6312340007", "TGHU3054266", 2260, 96000),
		cont("COSU6312340008", "TGHU3054271", 2300, 90000), cont("COSU6312340008", "TGHU3054287", 2260, 96000)}
	in := input(rows)
	res, _ := reconcileAndList(t, in)
	if got := groups(res); got != "0+2+3 1+4+5" {
		t.Fatalf("shipments %q, want each declaration with one B/L's containers", got)
	}
	total := 0.0
	for i := range res.Shipments {
		if v := res.Shipments[i].ValueUSD(in.Records); v.Valid {
			total += v.Value
		}
	}
	if total != 372000 {
		t.Errorf("total value %v, want 372000", total)
	}
}
