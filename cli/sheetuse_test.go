package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBook writes a workbook at dir/name with one sheet per entry of
// names, each the rows given for it from row 1.
func writeBook(t *testing.T, name string, names []string, rows map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range names {
		if i == 0 {
			f.SetSheetName("Sheet1", sh)
		} else {
			f.NewSheet(sh)
		}
		for r, row := range rows[sh] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// twoSheetBook writes a register split over sheets A and B (3 shipments
// each, 1 t apiece) and a Summary pivot of it by consignee and half-year.
func twoSheetBook(t *testing.T) string {
	t.Helper()
	rows := map[string][][]any{"Summary": {{"Consignee", "H1 t", "H2 t", "Total USD"}, {"ALFA LLC", 3, 3, 60000}}}
	for si, sh := range []string{"A", "B"} {
		rows[sh] = [][]any{{"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"}}
		for i := 0; i < 3; i++ {
			rows[sh] = append(rows[sh], []any{fmt.Sprintf("1070/%d%d", si, i), fmt.Sprintf("2022-%02d-10", 1+6*si+i), "ALFA LLC", 1000, 10000})
		}
	}
	return writeBook(t, "book.xlsx", []string{"Summary", "A", "B"}, rows)
}

func TestSkipAndIncludeSheet(t *testing.T) {
	book := twoSheetBook(t)
	dir := filepath.Dir(book)
	out := filepath.Join(dir, "out.xlsx")
	cases := []struct {
		name string
		args []string
		want []string
		code int
	}{
		{"summary left out by itself", []string{"reconcile", "-o", out, book},
			[]string{"counted: 6 shipments, 6.000 t", "[Summary]: left out, 1 row(s) not counted: a summary sheet", "--include-sheet 'book.xlsx!Summary'"}, ExitOK},
		{"skip one sheet", []string{"reconcile", "--skip-sheet", "book.xlsx!B", "-o", out, book},
			[]string{"counted: 3 shipments, 3.000 t", "[B]: left out, 3 row(s) not counted: left out by the user"}, ExitOK},
		{"decisions replay the skip", []string{"reconcile", "--decisions", out, "-o", filepath.Join(dir, "again.xlsx"), book},
			[]string{"counted: 3 shipments, 3.000 t", "[B]: left out"}, ExitOK},
		{"include the summary", []string{"reconcile", "--include-sheet", "book.xlsx!Summary", "-o", filepath.Join(dir, "inc.xlsx"), book},
			[]string{"counted: 7 shipments"}, ExitOK},
		{"unknown sheet", []string{"reconcile", "--skip-sheet", "book.xlsx!C", "-o", filepath.Join(dir, "typo.xlsx"), book},
			[]string{"book.xlsx!C: the file has no such sheet"}, ExitInput},
		{"unknown file", []string{"reconcile", "--skip-sheet", "other.xlsx!B", "-o", filepath.Join(dir, "x.xlsx"), book},
			[]string{"no input file is named"}, ExitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runRec(c.args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s%s", code, c.code, stdout, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stdout+stderr, w) {
					t.Errorf("output does not say %q:\n%s%s", w, stdout, stderr)
				}
			}
		})
	}
}

// partyBook writes a register of 6 declarations (1 t apiece, 3 per
// consignee) after a sheet named first holding one row per consignee with
// kg and USD as given: a summary by party, without a column per period.
func partyBook(t *testing.T, first string, kg [2]float64) string {
	t.Helper()
	rows := map[string][][]any{
		first:      {{"Consignee", "Net weight, kg", "Value, USD"}, {"ALFA LLC", kg[0], 30000}, {"BETA LLC", kg[1], 30000}},
		"Register": {{"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"}},
	}
	for i := 0; i < 6; i++ {
		rows["Register"] = append(rows["Register"], []any{fmt.Sprintf("1070/%d", i), fmt.Sprintf("2022-%02d-10", i+1), []string{"ALFA LLC", "BETA LLC"}[i%2], 1000, 10000})
	}
	return writeBook(t, "party.xlsx", []string{first, "Register"}, rows)
}

// A sheet of one row per consignee whose figures are the register's sums
// by consignee is left out (it was counted on top of the register: 8
// shipments, 8 t); one whose figures are its own is counted, with the flag
// that would leave it out.
func TestPartySummarySheet(t *testing.T) {
	cases := []struct {
		name  string
		sheet string
		kg    [2]float64
		args  []string
		want  []string
	}{
		{"sums of the register", "Sheet2", [2]float64{3000, 3000}, nil,
			[]string{"counted: 6 shipments, 6.000 t", "[Sheet2]: left out, 2 row(s) not counted: a summary sheet, not shipments: one row per consignee", `equal the sums of sheet "Register" by consignee`, "--include-sheet 'party.xlsx!Sheet2'"}},
		{"included", "Sheet2", [2]float64{3000, 3000}, []string{"--include-sheet", "party.xlsx!Sheet2"},
			[]string{"counted: 8 shipments, 12.000 t"}},
		{"figures of its own", "Extra", [2]float64{500, 700}, nil,
			[]string{"counted: 8 shipments, 7.200 t", "one row per consignee, with no date or shipment number: if its rows are totals", "--skip-sheet 'party.xlsx!Extra'"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			book := partyBook(t, c.sheet, c.kg)
			args := append(append([]string{"reconcile"}, c.args...), "-o", filepath.Join(filepath.Dir(book), "out.xlsx"), book)
			code, stdout, stderr := runRec(args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s%s", code, stdout, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stdout+stderr, w) {
					t.Errorf("output does not say %q:\n%s%s", w, stdout, stderr)
				}
			}
		})
	}
}
