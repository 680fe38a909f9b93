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
