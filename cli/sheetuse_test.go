package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// twoSheetBook writes a register split over sheets A and B (3 shipments
// each, 1 t apiece) and a Summary pivot of it by consignee and half-year.
func twoSheetBook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet string, r int, row []any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.SetSheetName("Sheet1", "Summary")
	set("Summary", 1, []any{"Consignee", "H1 t", "H2 t", "Total USD"})
	set("Summary", 2, []any{"ALFA LLC", 3, 3, 60000})
	for si, sh := range []string{"A", "B"} {
		f.NewSheet(sh)
		set(sh, 1, []any{"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"})
		for i := 0; i < 3; i++ {
			set(sh, i+2, []any{fmt.Sprintf("1070/%d%d", si, i), fmt.Sprintf("2022-%02d-10", 1+6*si+i), "ALFA LLC", 1000, 10000})
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
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
	f := excelize.NewFile()
	defer f.Close()
	set := func(sheet string, r int, row []any) {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.SetSheetName("Sheet1", first)
	set(first, 1, []any{"Consignee", "Net weight, kg", "Value, USD"})
	set(first, 2, []any{"ALFA LLC", kg[0], 30000})
	set(first, 3, []any{"BETA LLC", kg[1], 30000})
	f.NewSheet("Register")
	set("Register", 1, []any{"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"})
	for i := 0; i < 6; i++ {
		set("Register", i+2, []any{fmt.Sprintf("1070/%d", i), fmt.Sprintf("2022-%02d-10", i+1), []string{"ALFA LLC", "BETA LLC"}[i%2], 1000, 10000})
	}
	path := filepath.Join(t.TempDir(), "party.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
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
