package pipeline

import (
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/internal/lotest"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// TestLibreOfficeRecalculatesSummary has headless LibreOffice recalculate
// the samples' audit workbook and checks that every Summary and Totals
// formula gives the engine's figure.
func TestLibreOfficeRecalculatesSummary(t *testing.T) {
	t.Parallel()
	recalculate := lotest.Recalculator(t)

	res, out := writeSamples(t)
	recalc := recalculate(out)
	f, err := excelize.OpenFile(recalc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]totals.Group{}
	for _, g := range []totals.GroupBy{totals.ByConsignee, totals.ByShipper} {
		for _, grp := range res.Totals(g, totals.Filter{}).Groups {
			want[string(g)+"|"+grp.Key] = grp
		}
	}
	checked := 0
	for i, row := range rows[1:] {
		if len(row) < 6 || row[0] == "" {
			continue
		}
		g, ok := want[row[2]+"|"+row[0]]
		if !ok {
			t.Errorf("row %d: %s %s not in engine totals", i+2, row[2], row[0])
			continue
		}
		checked++
		if row[3] != strconv.Itoa(g.Measures.Shipments) || !near(row[4], g.Tonnes) || !near(row[5], g.ValueUSD) {
			t.Errorf("%s %s (%s): LibreOffice %s / %s / %s, engine %d / %v / %v", row[2], row[1], row[0], row[3], row[4], row[5], g.Measures.Shipments, g.Tonnes, g.ValueUSD)
		}
	}
	if checked == 0 {
		t.Fatal("no Summary rows checked")
	}
	// Totals tables too.
	trows, _ := f.GetRows(workbook.SheetTotals, excelize.Options{RawCellValue: true})
	tables := map[string]totals.Group{}
	titles := map[string]totals.GroupBy{}
	for _, g := range TotalsSheetGroups {
		titles[workbook.TotalsTitle(g)] = g
		for _, grp := range res.Totals(g, totals.Filter{}).Groups {
			tables[string(g)+"|"+grp.Key] = grp
		}
	}
	tchecked := 0
	var cur totals.GroupBy
	for _, row := range trows {
		if len(row) > 0 {
			if g, ok := titles[row[0]]; ok {
				cur = g
			}
		}
		if len(row) < 5 || row[0] == "Key" || row[0] == "Total" {
			continue
		}
		g, ok := tables[string(cur)+"|"+row[0]]
		if !ok || row[0] == "(unknown)" {
			continue
		}
		tchecked++
		if row[2] != strconv.Itoa(g.Measures.Shipments) || !near(row[3], g.Tonnes) || !near(row[4], g.ValueUSD) {
			t.Errorf("Totals %s: LibreOffice %s / %s / %s, engine %d / %v / %v", row[0], row[2], row[3], row[4], g.Measures.Shipments, g.Tonnes, g.ValueUSD)
		}
	}
	t.Logf("LibreOffice recalculated %d Summary rows and %d Totals rows; all equal the engine", checked, tchecked)
}
