package workbook

import (
	"testing"
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
