package pipeline

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/internal/lotest"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

func TestLibreOfficeRecalculatesSummary(t *testing.T) {
	bin := lotest.Soffice(t)
	profile := lotest.RecalcProfile(t)

	// The canary proves the profile really recalculates: its cached value
	// is wrong on purpose and must come back corrected.
	canary := filepath.Join(t.TempDir(), "canary.xlsx")
	cf := excelize.NewFile()
	cf.SetCellValue("Sheet1", "A1", 2)
	cf.SetCellValue("Sheet1", "A2", 3)
	if _, err := cf.NewSheet("Sheet2"); err != nil {
		t.Fatal(err)
	}
	sw, err := cf.NewStreamWriter("Sheet2")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{Formula: "Sheet1!A1+Sheet1!A2", Value: 999}}); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := cf.SaveAs(canary); err != nil {
		t.Fatal(err)
	}
	if v := cachedValue(t, canary, "Sheet2", "A1"); v != "999" {
		t.Fatalf("canary before: got cached %q, want 999", v)
	}
	if v := cachedValue(t, lotest.ConvertXLSX(t, bin, profile, canary), "Sheet2", "A1"); v != "5" {
		t.Fatalf("canary after LibreOffice: got %q, want 5 — the profile did not force recalculation", v)
	}

	res, out := writeSamples(t)
	recalc := lotest.ConvertXLSX(t, bin, profile, out)
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

func cachedValue(t *testing.T, path, sheet, cell string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}
