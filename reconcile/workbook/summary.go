package workbook

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// summary writes one row per entity and role with formulas over
// Shipments, cached values from the engine, notes and the chart.
func (w *writer) summary() error {
	d := w.d
	rows := w.summaryRows()
	var notes []string
	if d.Overall != nil {
		m := d.Overall.Total
		notes = append(notes, fmt.Sprintf("Counted: %d shipments, %.3f t, %s (weight basis: %s).",
			m.Shipments, m.Tonnes, m.USDText(values.FormatNumber(m.ValueUSD, 0)+" USD"), d.WeightBasis))
		notes = append(notes, fmt.Sprintf("%d source rows became %d shipments: %d merged across sources, %d exact duplicate(s) counted once.",
			len(d.Records), len(d.Merge.Shipments), d.Merge.Merged, d.Merge.Duplicates))
		notes = append(notes, d.Overall.Notes...)
		notes = append(notes, d.Notes...)
	}
	notes = append(notes, d.ReadNotes...)
	notes = append(notes, "Figures are formulas over the Shipments sheet (entity IDs as criteria); every shipment links to its source rows.")
	sw, err := w.open(SheetSummary, summaryWidths, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, SummaryHeader); err != nil {
		return err
	}
	cnt, gran, tn, usd := w.shipCol("Counted"), w.shipCol("Granularity"), w.shipCol("Tonnes"), w.shipCol("Value USD")
	for k, x := range rows {
		r := k + 2
		idCol := w.shipCol("Consignee entity ID")
		if x.role == "shipper" {
			idCol = w.shipCol("Shipper entity ID")
		}
		a := "$A" + strconv.Itoa(r)
		src := w.groupSources(x.g)
		// The entity's name wraps too: a long one (a Chinese name with
		// its Latin spelling) ran over the Role column.
		height := wrapHeight(src, summaryWidths[6]-2)
		if h := wrapHeight(x.g.Label, summaryWidths[1]); h.Height > height.Height {
			height = h
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{w.st.top(x.g.Key), excelize.Cell{StyleID: w.st.Wrap, Value: x.g.Label}, w.st.top(x.role),
			shipmentCount(w.st.Top, fmt.Sprintf(`COUNTIFS(%s,%s,%s,"yes",%s,"shipment")`, idCol, a, cnt, gran), &x.g.Measures),
			excelize.Cell{StyleID: w.st.Tonnes, Formula: fmt.Sprintf(`SUMIFS(%s,%s,%s,%s,"yes")`, tn, idCol, a, cnt), Value: roundTo(x.g.Tonnes, tonnesDecimals)},
			usdCell(w.st.USD, fmt.Sprintf(`SUMIFS(%s,%s,%s,%s,"yes")`, usd, idCol, a, cnt), fmt.Sprintf(`COUNTIFS(%s,%s,%s,"yes",%s,"<>")`, idCol, a, cnt, usd), &x.g.Measures),
			excelize.Cell{StyleID: w.st.WrapIndent, Value: src}, w.st.top(nilIfEmpty(w.listedCell(x.g.Key)))}, height); err != nil {
			return err
		}
	}
	// Notes below the table: what a reader of these figures must know.
	r := len(rows) + 3
	if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: w.st.Title, Value: "Notes"}}); err != nil {
		return err
	}
	// A note is wrapped across the table's width: left to run on, it
	// made the printed page as wide as the longest note.
	for _, n := range notes {
		r++
		at := strconv.Itoa(r)
		if err := sw.SetRow("A"+at, []any{excelize.Cell{StyleID: w.st.Wrap, Value: n}}, wrapHeight(n, summaryWidth)); err != nil {
			return err
		}
		if err := sw.MergeCell("A"+at, reconcile.ColumnName(len(SummaryHeader))+at); err != nil {
			return err
		}
	}
	// Chart of the top consignees by tonnes; consignee rows come first,
	// sorted by tonnes.
	top := 0
	for _, x := range rows {
		if x.role == "consignee" && top < 10 {
			top++
		}
	}
	if top > 0 {
		end := strconv.Itoa(top + 1)
		rev := true
		w.mu.Lock()
		// Below the notes: beside the table, the chart covered the Sources
		// column, whose long file lists run on into the empty cells.
		err := w.f.AddChart(SheetSummary, "B"+strconv.Itoa(r+2), &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				Name: "Summary!$E$1", Categories: "Summary!$B$2:$B$" + end, Values: "Summary!$E$2:$E$" + end,
			}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Top consignees by tonnes (counted shipments)"}}},
			Legend:    excelize.ChartLegend{Position: "none"},
			XAxis:     excelize.ChartAxis{ReverseOrder: rev, Font: excelize.Font{Color: "333333", Size: 9}},
			Dimension: excelize.ChartDimension{Width: 720, Height: 420},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		})
		w.mu.Unlock()
		if err != nil {
			return err
		}
		// The chart (21 rows high) starts a printed page, so no page
		// break runs through it.
		w.mu.Lock()
		err = w.f.InsertPageBreak(SheetSummary, "A"+strconv.Itoa(r+1))
		w.mu.Unlock()
		if err != nil {
			return err
		}
	}
	return w.flush(sw)
}

// summaryWidths are the Summary sheet's column widths; summaryWidth their
// sum, the width a note wraps in.
var summaryWidths = []float64{12, 40, 11, 11, 14, 16, 44, 10}

const summaryWidth = 158

// wrapHeight is the row height that shows text wrapped in a cell of the
// given width: stream writing cannot autofit, and LibreOffice keeps the
// default height, cutting the text off.
func wrapHeight(text string, width float64) excelize.RowOpts {
	return excelize.RowOpts{Height: linesHeight(wrapLines(text, width))}
}

// textWidth counts s in column units: a Chinese, Japanese or Korean
// character takes two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

// linesHeight is the height in points of a row of lines lines of the
// default font: 15 for one, as Excel's default row, and about 13 for each
// further line (LibreOffice's print of 11-point Calibri); 409 at most,
// Excel's limit. A full 15 per line left a blank line under every
// wrapped cell.
func linesHeight(lines int) float64 { return min(409, 2+13*float64(max(1, lines))) }

// wrapLines counts the lines text takes wrapped at spaces in a column
// width characters wide, as LibreOffice and Excel break it: a list of
// file names breaks after a comma, not mid-name, so counting characters
// alone (len/width) gave "a.csv, b.xlsx, c.csv" one line too few and the
// last name printed over the next row. A word longer than the width
// breaks inside itself. Characters are taken 5 % wider than a column
// unit, since proportional fonts vary.
func wrapLines(text string, width float64) int {
	room := int(width * 0.95)
	if room < 1 {
		room = 1
	}
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		used := 0
		for _, word := range strings.Fields(para) {
			n := textWidth(word)
			switch {
			case used == 0:
			case used+1+n <= room:
				used += 1 + n
				continue
			default:
				lines++
			}
			// The word starts a line; a word wider than the line runs on
			// to more.
			lines += (n - 1) / room
			used = (n-1)%room + 1
		}
	}
	return max(1, lines)
}

// summaryRow is one entity and role on the Summary sheet.
type summaryRow struct {
	g    totals.Group
	role string
}

// summaryRows lists the Summary sheet's rows: consignees, then shippers.
func (w *writer) summaryRows() []summaryRow {
	var rows []summaryRow
	for _, t := range []*totals.Table{w.d.ByConsignee, w.d.ByShipper} {
		if t == nil {
			continue
		}
		role := "consignee"
		if t.By == totals.ByShipper {
			role = "shipper"
		}
		for _, g := range t.Groups {
			if g.Key == "(unknown)" || g.Key == "" {
				continue
			}
			rows = append(rows, summaryRow{g, role})
		}
	}
	return rows
}

func (w *writer) groupSources(g totals.Group) string {
	seen := map[string]bool{}
	var out []string
	for _, si := range g.Shipments {
		for _, x := range w.d.Merge.Shipments[si].Rows {
			f := filepath.Base(w.d.Records[x].Source.File)
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
		if len(out) > 20 {
			break
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// totalsKeyColumn is the Shipments column holding g's keys.
func totalsKeyColumn(g totals.GroupBy) string {
	switch g {
	case totals.ByConsignee:
		return "Consignee entity ID"
	case totals.ByShipper:
		return "Shipper entity ID"
	case totals.ByOrigin:
		return "Origin"
	case totals.ByDispatch:
		return "Dispatch"
	case totals.ByDestination:
		return "Destination"
	case totals.ByRoute:
		return "Route key"
	case totals.ByHSChapter:
		return "HS2 key"
	case totals.ByHSHeading:
		return "HS4 key"
	case totals.ByHSSub:
		return "HS6 key"
	case totals.ByMonth:
		return "Month key"
	case totals.ByCHPLTier:
		return "CHPL tier"
	}
	return ""
}

// TotalsTitle is the title row of a Totals table.
func TotalsTitle(g totals.GroupBy) string {
	switch g {
	case totals.ByRoute:
		return "By route (origin → dispatch → destination)"
	case totals.ByOrigin:
		return "By origin country"
	case totals.ByDispatch:
		return "By dispatch country"
	case totals.ByDestination:
		return "By destination country"
	case totals.ByHSChapter:
		return "By HS chapter"
	case totals.ByHSHeading:
		return "By HS heading"
	case totals.ByHSSub:
		return "By HS subheading"
	case totals.ByMonth:
		return "By month"
	case totals.ByCHPLTier:
		return "By Common High Priority List tier (HS-6 of the code; CHPL of 2024-02-23)"
	case totals.ByConsignee:
		return "By consignee"
	case totals.ByShipper:
		return "By shipper"
	}
	return "All"
}

func (w *writer) totals() error {
	sw, err := w.open(SheetTotals, []float64{26, 44, 11, 14, 16, 80}, 0)
	if err != nil {
		return err
	}
	cnt, gran, tn, usd := w.shipCol("Counted"), w.shipCol("Granularity"), w.shipCol("Tonnes"), w.shipCol("Value USD")
	r := 1
	set := func(cells ...any) error {
		err := sw.SetRow("A"+strconv.Itoa(r), cells)
		r++
		return err
	}
	if err := set(excelize.Cell{StyleID: w.st.Title, Value: "Totals over counted shipments (excluded shipments and superseded monthly aggregates left out). Keys are the criteria used against the Shipments sheet."}); err != nil {
		return err
	}
	r++
	for _, t := range w.d.Tables {
		if err := set(excelize.Cell{StyleID: w.st.Title, Value: TotalsTitle(t.By)}); err != nil {
			return err
		}
		if err := w.header(sw, r, TotalsHeader); err != nil {
			return err
		}
		r++
		keyCol := w.shipCol(totalsKeyColumn(t.By))
		first := r
		for _, g := range t.Groups {
			a := "$A" + strconv.Itoa(r)
			if err := set(g.Key, g.Label,
				shipmentCount(0, fmt.Sprintf(`COUNTIFS(%s,%s,%s,"yes",%s,"shipment")`, keyCol, a, cnt, gran), &g.Measures),
				excelize.Cell{StyleID: w.st.Tonnes, Formula: fmt.Sprintf(`SUMIFS(%s,%s,%s,%s,"yes")`, tn, keyCol, a, cnt), Value: roundTo(g.Tonnes, tonnesDecimals)},
				usdCell(w.st.USD, fmt.Sprintf(`SUMIFS(%s,%s,%s,%s,"yes")`, usd, keyCol, a, cnt), fmt.Sprintf(`COUNTIFS(%s,%s,%s,"yes",%s,"<>")`, keyCol, a, cnt, usd), &g.Measures),
			); err != nil {
				return err
			}
		}
		lastRow := r - 1
		sum := func(c string) string { return fmt.Sprintf("SUM(%s%d:%s%d)", c, first, c, max(first, lastRow)) }
		total := excelize.Cell{StyleID: w.st.Header, Formula: sum("C"), Value: t.Total.Shipments}
		groups := 0
		for _, g := range t.Groups {
			groups += g.Measures.Shipments
		}
		if groups != t.Total.Shipments {
			// The goods items of one declaration fall in several groups
			// (HS headings): each group counts the consignment once, the
			// total too, so the groups do not add up to it.
			total.Formula = ""
		}
		if err := set(excelize.Cell{StyleID: w.st.Header, Value: "Total"}, excelize.Cell{StyleID: w.st.Header, Value: ""},
			total,
			excelize.Cell{StyleID: w.st.Tonnes, Formula: sum("D"), Value: roundTo(t.Total.Tonnes, tonnesDecimals)},
			usdCell(w.st.USD, sum("E"), fmt.Sprintf("COUNT(E%d:E%d)", first, max(first, lastRow)), &t.Total)); err != nil {
			return err
		}
		for _, n := range t.Notes {
			if err := set(excelize.Cell{StyleID: w.st.Muted, Value: "Note: " + n}); err != nil {
				return err
			}
		}
		r++
	}
	return w.flush(sw)
}

// usdCell is a USD figure's cell: the sum formula with the engine's
// value, or, when none of the values behind it is known in USD, the text
// "unknown" — from a formula that says so while known counts nothing — so
// that a register read without a rate shows unknown, not 0. SUM over the
// column skips the text; the sheet's notes say which values have no rate.
func usdCell(style int, sum, known string, m *totals.Measures) excelize.Cell {
	if all, _ := m.USDGap(); all {
		return excelize.Cell{StyleID: style, Formula: fmt.Sprintf(`IF(%s=0,"unknown",%s)`, known, sum), Value: "unknown"}
	}
	return excelize.Cell{StyleID: style, Formula: sum, Value: roundTo(m.ValueUSD, usdDecimals)}
}

// shipmentCount is a Shipments cell: the COUNTIFS formula over the
// Shipments sheet's rows when it gives the count, the count alone when
// goods items of one declaration make several rows but one shipment
// (Measures.Items > Shipments), which a COUNTIFS cannot tell.
func shipmentCount(style int, formula string, m *totals.Measures) excelize.Cell {
	if m.Items != m.Shipments {
		formula = ""
	}
	return excelize.Cell{StyleID: style, Formula: formula, Value: m.Shipments}
}
