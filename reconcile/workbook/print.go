package workbook

import (
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// Printing. An editor prints the workbook (or exports it to PDF) and
// expects every page readable: no sheet shrunk onto one page, the header
// on every page, no chart cut in two. Each sheet is fitted to a whole
// number of pages across (never down: FitToHeight 0 lets it run on), as
// few as keep the type at about 62% or more (a 7 pt print of 11 pt text); a sheet wider than one page
// repeats its identifying columns on every page and prints a band of rows
// left to right before going down.

// Characters of default column width a page holds at 100%: about 120 on
// A4 or Letter landscape, 85 portrait, with the default margins.
const (
	landscapeChars = 120
	portraitChars  = 85
	// minScale is the smallest print scale a sheet is fitted to before it
	// takes one more page across.
	minScale = 0.62
)

// pageFit is how a sheet of the given printed column widths is laid out:
// orientation and the number of pages across.
func pageFit(widths []float64) (orientation string, across int) {
	sum := 0.0
	for _, x := range widths {
		sum += x
	}
	if sum <= portraitChars/minScale {
		return "portrait", 1
	}
	return "landscape", max(1, int(math.Ceil(sum/(landscapeChars/minScale))))
}

// printedColumns is how many of a sheet's leading columns are printed:
// Shipments prints its shipment columns (A through Status; the helper
// columns stay on screen), Claims its claim columns (not the Claim JSON
// nor the shipment links past it); every other sheet all of them.
func printedColumns(sheet string, widths []float64) int {
	switch sheet {
	case SheetShipments:
		return min(len(widths), colIndex(ShipmentsHeader, "Status"))
	case SheetClaims:
		return min(len(widths), colIndex(ClaimsHeader, "Notes"))
	}
	return len(widths)
}

func colIndex(hdr []string, name string) int {
	for i, h := range hdr {
		if h == name {
			return i + 1
		}
	}
	return len(hdr)
}

// setPrint sets sheet's page layout for its printed column widths. It is
// a sheet property: call it before the sheet's stream is made.
func (w *writer) setPrint(sheet string, widths []float64) error {
	orient, across := pageFit(widths[:printedColumns(sheet, widths)])
	fit, zero := true, 0
	if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	opts := &excelize.PageLayoutOptions{Orientation: &orient, FitToWidth: &across, FitToHeight: &zero}
	if across > 1 {
		over := "overThenDown"
		opts.PageOrder = &over
	}
	return w.f.SetPageLayout(sheet, opts)
}

// printTitles names the rows (the header row) and columns repeated on
// every printed page of each sheet. Defined names are made up front in
// sheet order (see autoFilters), so it is called from there.
func (w *writer) printTitles() error {
	type titles struct {
		sheet     string
		row, cols int // header row (0: none); leading columns repeated
	}
	var ts []titles
	for _, s := range FixedSheets {
		switch s {
		case SheetTotals:
			// Several tables, each with its own header: no row repeats.
		case SheetShipments, SheetClaims:
			ts = append(ts, titles{s, 1, 1}) // the ID names the row on every page
		default:
			ts = append(ts, titles{s, 1, 0})
		}
		if s == SheetReview && w.d.Screening != nil {
			ts = append(ts, titles{SheetScreening, 1, 0})
		}
	}
	for s := range w.d.Sheets {
		ts = append(ts, titles{w.srcNames[s], w.d.Sheets[s].HeaderRow, len(SourceSheetLead)})
	}
	for _, t := range ts {
		q := quoteSheet(t.sheet) + "!"
		ref := ""
		if t.cols > 0 {
			ref = q + "$A:$" + reconcile.ColumnName(t.cols)
		}
		if t.row > 0 {
			if ref != "" {
				ref += ","
			}
			r := "$" + strconv.Itoa(t.row)
			ref += q + r + ":" + r
		}
		if ref == "" {
			continue
		}
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: t.sheet, RefersTo: ref}); err != nil {
			return err
		}
	}
	return nil
}
