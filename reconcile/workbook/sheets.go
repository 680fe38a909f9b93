package workbook

import (
	"context"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

type writer struct {
	ctx      context.Context
	d        *Data
	f        *excelize.File
	st       Styles
	progress func(done, total int)
	done     int
	total    int

	srcNames []string   // per Data.Sheets
	parts    [][]string // per Data.Sheets: overflow sheet names, part 2 first
	taken    map[string]bool
	recSheet []int32 // per record: index into Data.Sheets
	shipRow  map[string]int
	lastShip int // last row of Shipments
}

func (w *writer) tick(n int) error {
	w.done += n
	if w.done&4095 < n || n > 4096 {
		if w.progress != nil {
			w.progress(w.done, w.total)
		}
		if err := w.ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) run() error {
	d := w.d
	if d.Merge == nil {
		d.Merge = &merge.Result{}
	}
	w.total = len(d.Merge.Shipments) + len(d.Records)
	if err := w.f.SetDocProps(&excelize.DocProperties{
		Category: Marker, Creator: "Tradecheck " + d.Version, Title: "Tradecheck reconciliation",
		Description: "Audit workbook: every figure traces to source file, sheet and row.",
		Created:     d.Finished.UTC().Format("2006-01-02T15:04:05Z"),
	}); err != nil {
		return err
	}
	if err := w.styles(); err != nil {
		return err
	}
	w.srcNames, w.taken = sourceSheetNames(d)
	w.parts = make([][]string, len(d.Sheets))
	if err := w.f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, n := range FixedSheets[1:] {
		if _, err := w.f.NewSheet(n); err != nil {
			return err
		}
	}
	for i, n := range w.srcNames {
		if _, err := w.f.NewSheet(n); err != nil {
			return err
		}
		if tr := d.Sheets[i].TotalRows; tr > MaxSheetRows {
			last, _ := location(tr)
			for k := 2; k <= last+1; k++ {
				if _, err := w.f.NewSheet(w.overflow(i, k)); err != nil {
					return err
				}
			}
		}
	}
	w.recSheet = make([]int32, len(d.Records))
	for i, s := range d.Sheets {
		for k := s.First; k < s.First+s.N && k < len(w.recSheet); k++ {
			w.recSheet[k] = int32(i)
		}
	}
	w.shipRow = make(map[string]int, len(d.Merge.Shipments))
	for i, sh := range d.Merge.Shipments {
		w.shipRow[sh.ID] = i + 2
	}
	w.lastShip = max(2, len(d.Merge.Shipments)+1)
	steps := []func() error{w.summary, w.totals, w.shipments, w.entities, w.review, w.discrepancies,
		w.sources, w.rates, w.claims, w.method, w.perSource}
	for _, step := range steps {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) styles() error {
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = w.f.NewStyle(s)
		return id
	}
	t3 := "#,##0.000"
	usd := "#,##0"
	kg := "#,##0.###"
	date := "yyyy-mm-dd"
	w.st = Styles{
		Header: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}),
		Tonnes: mk(&excelize.Style{CustomNumFmt: &t3}),
		USD:    mk(&excelize.Style{CustomNumFmt: &usd}),
		Kg:     mk(&excelize.Style{CustomNumFmt: &kg}),
		Date:   mk(&excelize.Style{CustomNumFmt: &date}),
		Wrap:   mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}),
		Title:  mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}),
		Link:   mk(&excelize.Style{Font: &excelize.Font{Color: "1F4E9E", Underline: "single"}}),
		Muted:  mk(&excelize.Style{Font: &excelize.Font{Color: "777777"}}),
	}
	return err
}

// open prepares a stream for sheet: autofilter over filterRef, column
// widths, frozen rows.
func (w *writer) open(sheet string, widths []float64, freeze int, filterRef string) (*excelize.StreamWriter, error) {
	if filterRef != "" {
		if err := w.f.AutoFilter(sheet, filterRef, nil); err != nil {
			return nil, err
		}
	}
	// Print landscape, one page wide (screenshots and PDF exports of the
	// fixed sheets stay readable). Set before streaming: the stream
	// writes the sheet properties first.
	if isFixed(sheet) {
		fit, zero, land := true, 0, "landscape"
		one := 1
		if err := w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return nil, err
		}
		if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &one, FitToHeight: &zero}); err != nil {
			return nil, err
		}
	}
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return nil, err
		}
	}
	if freeze > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: freeze, TopLeftCell: "A" + strconv.Itoa(freeze+1), ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

func (w *writer) header(sw *excelize.StreamWriter, row int, hdr []string) error {
	cells := make([]any, len(hdr))
	for i, h := range hdr {
		cells[i] = excelize.Cell{StyleID: w.st.Header, Value: h}
	}
	return sw.SetRow("A"+strconv.Itoa(row), cells)
}

func ref(hdr []string, last int) string {
	return "A1:" + reconcile.ColumnName(len(hdr)) + strconv.Itoa(max(last, 2))
}

// str leaves empty text out: an empty string would still cost a cell.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func num(n reconcile.Number, style int) any {
	if !n.Valid {
		return nil
	}
	return excelize.Cell{StyleID: style, Value: n.Value}
}

// shipCol returns the absolute range of a Shipments column for formulas.
func (w *writer) shipCol(h string) string {
	c := col(ShipmentsHeader, h)
	return fmt.Sprintf("Shipments!$%s$2:$%s$%d", c, c, w.lastShip)
}

func (w *writer) entityID(e int32) string {
	if e < 0 || w.d.Names == nil || int(e) >= len(w.d.Names.Entities) {
		return ""
	}
	return w.d.Names.Entities[e].ID
}

func (w *writer) entityName(e int32) string {
	if e < 0 || w.d.Names == nil || int(e) >= len(w.d.Names.Entities) {
		return ""
	}
	return w.d.Names.Entities[e].Canonical
}

// Labels for totals keys.
func (w *writer) labels() totals.Labels {
	return totals.Labels{EntityID: w.entityID, EntityName: w.entityName}
}
