package workbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/totals"
)

// SheetMonthly holds the month table and its native charts.
const SheetMonthly = "Monthly"

// MonthlyHeader is the month table's header.
var MonthlyHeader = []string{"Month", "Shipments", "Tonnes", "Value USD"}

// monthly writes the month table (counted shipments, calendar order,
// empty months as zero) and two native column charts over it, tonnes and
// USD, so an investigator can restyle and publish the series from Excel
// or LibreOffice. The figures are those of the Month table on Totals.
func (w *writer) monthly() error {
	var byMonth *totals.Table
	for _, t := range w.d.Tables {
		if t.By == totals.ByMonth {
			byMonth = t
		}
	}
	f, sh := w.f, SheetMonthly
	months, unknown := totals.MonthSeries(byMonth)
	f.SetColWidth(sh, "A", "A", 12)
	f.SetColWidth(sh, "B", "B", 11)
	f.SetColWidth(sh, "C", "D", 16)
	// Printed: the table, a default-width gap (E) and the charts beside
	// it (560 px is about 80 characters), one page across.
	if err := w.setPrint(sh, []float64{12, 11, 16, 16, 8.43, 80}); err != nil {
		return err
	}
	if err := f.SetSheetRow(sh, "A1", &MonthlyHeader); err != nil {
		return err
	}
	f.SetCellStyle(sh, "A1", "D1", w.st.Header)
	for i, g := range months {
		r := strconv.Itoa(i + 2)
		if err := f.SetSheetRow(sh, "A"+r, &[]any{g.Label, g.Measures.Shipments, roundTo(g.Tonnes, tonnesDecimals), roundTo(g.ValueUSD, usdDecimals)}); err != nil {
			return err
		}
	}
	last := len(months) + 1
	note := last + 2
	say := func(s string) {
		f.SetCellValue(sh, "A"+strconv.Itoa(note), s)
		f.SetCellStyle(sh, "A"+strconv.Itoa(note), "A"+strconv.Itoa(note), w.st.Muted)
		note++
	}
	if len(months) == 0 {
		say("No counted shipment has a known date: there is no monthly series.")
		return nil
	}
	f.SetCellStyle(sh, "C2", "C"+strconv.Itoa(last), w.st.Tonnes)
	f.SetCellStyle(sh, "D2", "D"+strconv.Itoa(last), w.st.USD)
	say("Counted shipments by month of their date (excluded shipments and superseded monthly aggregates left out); months without shipments are 0.")
	if unknown != nil {
		say(strconv.Itoa(unknown.Measures.Shipments) + " counted shipments without a known date (" +
			strconv.FormatFloat(unknown.Tonnes, 'f', 3, 64) + " t) are not in the table or the charts.")
	}
	if byMonth != nil {
		for _, n := range byMonth.Notes {
			say("Note: " + n)
		}
	}
	cats := sh + "!$A$2:$A$" + strconv.Itoa(last)
	noLegend := excelize.ChartLegend{Position: "none"}
	one := false // one colour for the whole series
	for i, s := range []struct{ col, title string }{{"C", "Tonnes by month"}, {"D", "Value (USD) by month"}} {
		// Both charts (15 rows each) stand in rows 2-32, which fit the
		// first printed page, so no page break cuts one.
		err := f.AddChart(sh, []string{"F2", "F18"}[i], &excelize.Chart{
			Type:       excelize.Col,
			Series:     []excelize.ChartSeries{{Name: sh + "!$" + s.col + "$1", Categories: cats, Values: sh + "!$" + s.col + "$2:$" + s.col + "$" + strconv.Itoa(last)}},
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s.title}}},
			Legend:     noLegend,
			VaryColors: &one,
			YAxis:      excelize.ChartAxis{MajorGridLines: true},
			Dimension:  excelize.ChartDimension{Width: 560, Height: 300},
		})
		if err != nil {
			return err
		}
	}
	return nil
}
