package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/claims"
)

// splitRegister writes one register row per month in months over one
// sheet per entry of sheets (each sheet gets the months listed for it),
// and a feed CSV repeating every row with a number of its own, so that no
// row merges and every one looks alike.
func splitRegister(t *testing.T, sheets map[string][]int) (book, feed string) {
	t.Helper()
	dir := t.TempDir()
	f := excelize.NewFile()
	defer f.Close()
	var b strings.Builder
	b.WriteString("Declaration number,Date,Consignee,HS code,Net weight kg\n")
	first := true
	for name, months := range sheets {
		if first {
			f.SetSheetName("Sheet1", name)
			first = false
		} else {
			f.NewSheet(name)
		}
		head := []any{"Declaration number", "Date", "Consignee", "HS code", "Net weight kg"}
		f.SetSheetRow(name, "A1", &head)
		for i, m := range months {
			row := []any{fmt.Sprintf("10702030/%02d0622/00%d", m, i), fmt.Sprintf("2022-%02d-10", m), "OOO TEKHKRIM", "930320", 1000 + 10*m}
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			f.SetSheetRow(name, cell, &row)
			fmt.Fprintf(&b, "99%02d%d,2022-%02d-09,OOO TEKHKRIM,930320,%d\n", m, i, m, 1000+10*m)
		}
	}
	book, feed = filepath.Join(dir, "register.xlsx"), filepath.Join(dir, "feed.csv")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(feed, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return book, feed
}

// The overlap is judged per file: a register split by quarter (1 or 2
// look-alike rows a sheet, under the threshold of 3) warns as a whole,
// as the same rows on one sheet do; and the claims see the file's sheets
// together cover the year.
func TestOverlapAndCoveragePerFile(t *testing.T) {
	quarters := map[string][]int{"Q1": {1, 2}, "Q2": {4}, "Q3": {7, 9}, "Q4": {12}}
	cases := []struct {
		name    string
		sheets  map[string][]int
		covered bool
	}{
		{"split by quarter", quarters, true},
		{"one sheet", map[string][]int{"All": {1, 2, 4, 7, 9, 12}}, true},
		// Sheets up to September: the year is not covered.
		{"three quarters", map[string][]int{"Q1": {1, 2, 3}, "Q2": {4, 6}, "Q3": {7, 9}}, false},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			book, feed := splitRegister(t, tt.sheets)
			res, err := Run(context.Background(), NewProject(book, feed), nil)
			if err != nil {
				t.Fatal(err)
			}
			warned := 0
			for _, w := range res.Warnings() {
				if strings.HasPrefix(w.Text, "possible double counting between feed.csv and register.xlsx") {
					warned++
				}
			}
			if warned != 1 {
				t.Errorf("%d double-counting warnings between the files, want 1: %q", warned, res.Warnings())
			}
			c := claims.Claim{ID: "V1", Measure: claims.Shipments, Comparator: claims.AtLeast, Figure: 1,
				Filters: claims.Filters{From: "2022-01-01", To: "2022-12-31"}}
			d := res.ClaimsData()
			d.Sources = dropSource(d.Sources, "feed.csv") // the feed alone would cover the year
			v := claims.Check(d, c)
			if v.Covered != tt.covered {
				t.Errorf("covered = %v, want %v (%s; sources %+v)", v.Covered, tt.covered, v.Gap, d.Sources)
			}
		})
	}
}

func dropSource(cs []claims.Coverage, name string) []claims.Coverage {
	var out []claims.Coverage
	for _, c := range cs {
		if c.Source != name {
			out = append(out, c)
		}
	}
	return out
}
