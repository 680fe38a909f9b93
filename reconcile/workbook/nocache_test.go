package workbook

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/merge"
)

// dropCachedValues rewrites path as openpyxl or pandas save a workbook:
// every formula kept, none of its cached values.
func dropCachedValues(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	out := path + ".tmp"
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(w)
	cached := regexp.MustCompile(`(<f[^>]*>[^<]*</f>)<v>[^<]*</v>`)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			b = cached.ReplaceAll(b, []byte("$1"))
		}
		fw, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	zr.Close()
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if err := os.Rename(out, path); err != nil {
		t.Fatal(err)
	}
}

// TestShipmentDecisionsWithoutCachedValues: decisions typed in the
// Shipments sheet of a workbook saved without formula values (the
// Sources cell is a HYPERLINK) are read from the formula; a decision
// whose row cannot be told, or that is not a command, is listed as not
// applied with its row and reason instead of vanishing.
func TestShipmentDecisionsWithoutCachedValues(t *testing.T) {
	t.Parallel()
	d := testData(t)
	path := filepath.Join(t.TempDir(), "audit.xlsx")
	if _, err := Write(context.Background(), d, path, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetShipments)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i + 1
	}
	cell := func(c string, r int) string { s, _ := excelize.CoordinatesToCellName(col[c], r); return s }
	id := func(r int) string { return rows[r-1][col["Shipment ID"]-1] }
	src := func(r int) string { return rows[r-1][col["Sources"]-1] }
	f.SetCellStr(SheetShipments, cell("Decision", 2), "exclude: container row")
	f.SetCellStr(SheetShipments, cell("Decision", 3), "merge "+id(4))
	f.SetCellStr(SheetShipments, cell("Decision", 5), "exlcude typo")
	f.SetCellStr(SheetShipments, cell("Decision", 6), "split")
	// Row 6 loses its link formula too: nothing tells its source rows.
	f.SetCellStr(SheetShipments, cell("Sources", 6), "")
	want2, want3, want4 := src(2), src(3), src(4)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	dropCachedValues(t, path)

	ex, err := Read(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ex.ShipmentEdits {
		got = append(got, d.Op+" "+d.Row+" "+d.Other)
	}
	want := []string{merge.OpExclude + " " + want2 + " ", merge.OpMerge + " " + want3 + " " + want4}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("decisions read back:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	un := strings.Join(ex.Unapplied, "\n")
	for _, w := range []string{`Shipments row 5: "exlcude typo" not applied: not one of the commands`,
		`Shipments row 6: "split" not applied: the row's Sources cell is empty`} {
		if !strings.Contains(un, w) {
			t.Errorf("not applied: want %q in\n%s", w, un)
		}
	}
}

func TestLinkText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a.xlsx!S:1; ", 30)
	for _, tc := range []struct{ formula, want string }{
		{`HYPERLINK("#'a.xlsx'!A4","a.xlsx!S:4; b.csv:7")`, "a.xlsx!S:4; b.csv:7"},
		{`=HYPERLINK("#'it''s'!A4","say ""hi"".csv:3")`, `say "hi".csv:3`},
		{`HYPERLINK("#'a'!A4","` + long[:250] + `"&"` + long[250:] + `")`, strings.TrimSpace(long)},
		{`SUM(A1:A3)`, ""},
		{`HYPERLINK("#'a'!A4")`, ""},
		{``, ""},
	} {
		if got := linkText(tc.formula); got != tc.want {
			t.Errorf("linkText(%q) = %q, want %q", tc.formula, got, tc.want)
		}
	}
}
