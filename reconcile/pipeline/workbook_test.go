package pipeline

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

func writeSamples(t *testing.T) (*Result, string) {
	t.Helper()
	res := runSamples(t)
	out := filepath.Join(t.TempDir(), "audit.xlsx")
	if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
		t.Fatalf("WriteWorkbook: %v", err)
	}
	return res, out
}

func rowsOf(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet) // small test workbooks only
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	return rows
}

func TestWorkbookReopen(t *testing.T) {
	t.Parallel()
	res, out := writeSamples(t)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Run("sheets and headers", func(t *testing.T) {
		got := f.GetSheetList()
		for i, want := range workbook.FixedSheets {
			if i >= len(got) || got[i] != want {
				t.Fatalf("sheet %d: got %v, want %s first", i, got, want)
			}
		}
		headers := map[string][]string{
			workbook.SheetSummary: workbook.SummaryHeader, workbook.SheetShipments: workbook.ShipmentsHeader,
			workbook.SheetEntities: workbook.EntitiesHeader, workbook.SheetReview: workbook.ReviewHeader,
			workbook.SheetDiscrepancies: workbook.DiscrepanciesHeader, workbook.SheetSources: workbook.SourcesHeader,
			workbook.SheetRates: workbook.RatesHeader, workbook.SheetClaims: workbook.ClaimsHeader,
			workbook.SheetMethod: workbook.MethodHeader,
		}
		for sheet, want := range headers {
			rows := rowsOf(t, f, sheet)
			if len(rows) == 0 {
				t.Errorf("%s: empty", sheet)
				continue
			}
			if got := rows[0][:min(len(rows[0]), len(want))]; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("%s header: got %q, want %q", sheet, got, want)
			}
		}
		sheets := 0
		for _, fr := range res.Files {
			sheets += len(fr.Sheets)
		}
		if n := len(got) - len(workbook.FixedSheets); n != sheets {
			t.Errorf("got %d per-source sheets (%v), want %d", n, got[len(workbook.FixedSheets):], sheets)
		}
	})
	t.Run("marker", func(t *testing.T) {
		p, err := f.GetDocProps()
		if err != nil || p.Category != workbook.Marker {
			t.Errorf("Category: got %q (%v), want %q", p.Category, err, workbook.Marker)
		}
		if _, err := read.Open(out, read.Options{}); !errors.Is(err, reconcile.ErrOwnOutput) {
			t.Errorf("reader on the output: got %v, want ErrOwnOutput", err)
		}
	})
	t.Run("summary cached values equal engine totals", func(t *testing.T) {
		rows := rowsOf(t, f, workbook.SheetSummary)
		want := map[string]totals.Group{}
		for _, g := range []totals.GroupBy{totals.ByConsignee, totals.ByShipper} {
			for _, grp := range res.Totals(g, totals.Filter{}).Groups {
				want[string(g)+"|"+grp.Key] = grp
			}
		}
		n := 0
		for r, row := range rows[1:] {
			if len(row) < 6 || row[0] == "" {
				continue
			}
			n++
			cell := "D" + strconv.Itoa(r+2)
			g, ok := want[row[2]+"|"+row[0]]
			if !ok {
				t.Errorf("row %d: entity %s %s not in engine totals", r+2, row[2], row[0])
				continue
			}
			// A COUNTIFS counts rows: where goods items of one declaration
			// are one shipment, the count stands without it.
			fm, _ := f.GetCellFormula(workbook.SheetSummary, cell)
			if wantF := g.Measures.Items == g.Measures.Shipments; strings.HasPrefix(fm, "COUNTIFS(") != wantF {
				t.Errorf("%s: got formula %q, want a COUNTIFS: %v (%d rows, %d shipments)", cell, fm, wantF, g.Measures.Items, g.Measures.Shipments)
			}
			ships, _ := f.GetCellValue(workbook.SheetSummary, "D"+strconv.Itoa(r+2), excelize.Options{RawCellValue: true})
			tn, _ := f.GetCellValue(workbook.SheetSummary, "E"+strconv.Itoa(r+2), excelize.Options{RawCellValue: true})
			usd, _ := f.GetCellValue(workbook.SheetSummary, "F"+strconv.Itoa(r+2), excelize.Options{RawCellValue: true})
			if ships != strconv.Itoa(g.Measures.Shipments) || !near(tn, g.Tonnes) || !near(usd, g.ValueUSD) {
				t.Errorf("%s %s: cached %s / %s / %s, engine %d / %v / %v", row[2], row[0], ships, tn, usd, g.Measures.Shipments, g.Tonnes, g.ValueUSD)
			}
		}
		if n != len(want)-countUnknown(want) {
			t.Errorf("summary rows: got %d, want %d", n, len(want)-countUnknown(want))
		}
	})
	t.Run("every input row once in per-source sheets", func(t *testing.T) {
		for _, fr := range res.Files {
			for _, s := range fr.Sheets {
				if s.NoTable {
					continue
				}
				name := outputSheet(t, f, filepath.Base(fr.Path), s.Sheet)
				rows := rowsOf(t, f, name)
				counted, skipped, dup, seen := 0, 0, 0, map[string]bool{}
				for _, row := range rows {
					if len(row) < 3 {
						continue
					}
					if seen[row[0]] {
						t.Errorf("%s: source row %s twice", name, row[0])
					}
					seen[row[0]] = true
					switch {
					case row[2] == "counted":
						counted++
					case strings.HasPrefix(row[2], "skipped"):
						skipped++
					case strings.HasPrefix(row[2], "duplicate of S"):
						dup++
					}
				}
				if counted+dup != s.Rows {
					t.Errorf("%s: counted %d + duplicates %d, want %d records", name, counted, dup, s.Rows)
				}
			}
		}
	})
}

func countUnknown(m map[string]totals.Group) int {
	n := 0
	for k := range m {
		if strings.HasSuffix(k, "|(unknown)") {
			n++
		}
	}
	return n
}

func near(cell string, want float64) bool {
	if cell == "" {
		return want == 0
	}
	v, err := strconv.ParseFloat(cell, 64)
	return err == nil && math.Abs(v-want) <= 1e-6*math.Max(1, math.Abs(want))
}

// outputSheet finds a source sheet's per-source sheet via the Sources sheet.
func outputSheet(t *testing.T, f *excelize.File, file, sheet string) string {
	t.Helper()
	for _, row := range rowsOf(t, f, workbook.SheetSources)[1:] {
		if len(row) > 15 && row[0] == file && row[1] == sheet {
			return row[15]
		}
	}
	t.Fatalf("no Sources row for %s %q", file, sheet)
	return ""
}
