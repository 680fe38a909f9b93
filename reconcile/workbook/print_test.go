package workbook

import (
	"strings"
	"testing"

	"tradecheck/reconcile/claims"
)

// TestPrintSetup reads the page setup back: every sheet fits a whole
// number of pages across and runs on down (FitToHeight 0: a sheet shrunk
// onto one page is unreadable), wide sheets take more pages across, and
// the header row (and a wide sheet's ID columns) repeat on every page.
func TestPrintSetup(t *testing.T) {
	f := writeAndOpen(t, testData(t))
	across := map[string]int{}
	for _, sh := range f.GetSheetList() {
		props, err := f.GetSheetProps(sh)
		if err != nil {
			t.Fatal(err)
		}
		lay, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage || lay.FitToWidth == nil || lay.FitToHeight == nil {
			t.Errorf("%s: not fitted to the page width (fitToPage %v, layout %+v)", sh, props.FitToPage, lay)
			continue
		}
		if *lay.FitToHeight != 0 || *lay.FitToWidth < 1 {
			t.Errorf("%s: fit %d across, %d down; want at least 1 across, 0 (as many as needed) down", sh, *lay.FitToWidth, *lay.FitToHeight)
		}
		across[sh] = *lay.FitToWidth
	}
	for sh, want := range map[string]int{SheetSummary: 1, SheetMonthly: 1, SheetRates: 1, SheetClaims: 3} {
		if across[sh] != want {
			t.Errorf("%s prints %d pages across, want %d", sh, across[sh], want)
		}
	}
	titles, areas := map[string]string{}, map[string]string{}
	for _, dn := range f.GetDefinedName() {
		switch dn.Name {
		case "_xlnm.Print_Titles":
			titles[dn.Scope] = dn.RefersTo
		case "_xlnm.Print_Area":
			areas[dn.Scope] = dn.RefersTo
		}
	}
	for sh, want := range map[string]string{
		SheetSummary:   "'Summary'!$1:$1",
		SheetShipments: "'Shipments'!$A:$A,'Shipments'!$1:$1",
		SheetClaims:    "'Claims'!$A:$A,'Claims'!$1:$1",
		"Summary.csv":  "'Summary.csv'!$A:$C,'Summary.csv'!$1:$1",
	} {
		if titles[sh] != want {
			t.Errorf("%s print titles %q, want %q", sh, titles[sh], want)
		}
	}
	if _, ok := titles[SheetTotals]; ok {
		t.Errorf("Totals repeats a row although its tables each have their own header: %q", titles[SheetTotals])
	}
	if got, want := areas[SheetClaims], "Claims!$A:$O"; got != want {
		t.Errorf("Claims print area %q, want %q (claim columns, not the JSON and links)", got, want)
	}
}

func TestPageFit(t *testing.T) {
	for _, c := range []struct {
		name   string
		widths []float64
		orient string
		across int
	}{
		{"narrow", []float64{10, 10, 14, 40, 12}, "portrait", 1},
		{"summary", []float64{12, 40, 11, 11, 14, 16, 44, 10}, "landscape", 1},
		{"two pages", []float64{100, 100, 100}, "landscape", 2},
		{"claims", []float64{9, 50, 14, 12, 13, 24, 40, 14, 13, 13, 17, 80, 10, 50, 40}, "landscape", 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			o, a := pageFit(c.widths)
			if o != c.orient || a != c.across {
				t.Errorf("pageFit = %s, %d; want %s, %d", o, a, c.orient, c.across)
			}
		})
	}
}

func TestWrapLines(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string
		width float64
		want  int
	}{
		{"empty", "", 20, 1},
		{"fits", "ru_register_2022.xlsx", 44, 1},
		{"file list breaks after a comma, not mid-name", "panjiva_ru_electronics_2022_flat.csv, ru_register_2022_quarterly.xlsx", 44, 2},
		// 62 characters are under two widths, but no two names share a line.
		{"characters alone would say two lines", strings.Repeat("x", 19) + ", " + strings.Repeat("y", 19) + ", " + strings.Repeat("z", 19), 42, 3},
		{"four names, four lines", "panjiva_ru_electronics_2022_flat.csv, ru_register_2022_quarterly.xlsx, ua_mytnyi_reiestr_2022.csv, uz_import_portal_export.xlsx", 42, 4},
		{"a word wider than the column breaks inside", strings.Repeat("x", 50), 20, 3},
		{"line breaks count", "a\nb\nc", 20, 3},
		{"Chinese characters are two columns wide", "义乌市华通贸易有限公司 YIWU HUATONG TRADING CO., LTD", 40, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := wrapLines(c.text, c.width); got != c.want {
				t.Errorf("got %d lines, want %d", got, c.want)
			}
		})
	}
}

// Rows made tall by a wrapped cell print every cell at the top: bottom
// (the default) put the other cells a line or more below the wrapped
// text's start, so the claim looked offset from its row.
func TestTallRowsAlignTop(t *testing.T) {
	d := testData(t)
	c := claims.Claim{ID: "C1", Text: strings.Repeat("a long claim that wraps ", 8), Measure: claims.Shipments,
		Comparator: claims.AtLeast, Figure: 1}
	d.Claims = []claims.Verdict{{Claim: c, Kind: claims.Supported, Reason: strings.Repeat("a long reason ", 30), Lower: 2, Upper: 2}}
	f := writeAndOpen(t, d)
	for _, c := range []struct{ sheet, cell string }{
		{SheetSummary, "A2"}, {SheetSummary, "B2"}, {SheetSummary, "C2"}, {SheetSummary, "D2"}, {SheetSummary, "F2"}, {SheetSummary, "G2"},
		{SheetClaims, "A2"}, {SheetClaims, "B2"}, {SheetClaims, "C2"}, {SheetClaims, "E2"}, {SheetClaims, "K2"}, {SheetClaims, "L2"},
	} {
		t.Run(c.sheet+"!"+c.cell, func(t *testing.T) {
			id, err := f.GetCellStyle(c.sheet, c.cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Alignment == nil || st.Alignment.Vertical != "top" {
				t.Errorf("vertical alignment %+v, want top", st.Alignment)
			}
		})
	}
}
