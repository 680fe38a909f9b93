package workbook

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

type writer struct {
	ctx      context.Context
	d        *Data
	f        *excelize.File
	st       styles
	progress func(done, total int)
	done     atomic.Int64
	total    int

	// mu serialises calls on the excelize File (new sheets and streams,
	// flushes, the chart): sheets are written by two workers (sheets), and
	// excelize's File is not safe for concurrent use. Rows go to each
	// sheet's own StreamWriter without it.
	mu     sync.Mutex
	progMu sync.Mutex // progress is called one report at a time

	srcNames []string   // per Data.Sheets
	parts    [][]string // per Data.Sheets: overflow sheet names, part 2 first
	taken    map[string]bool
	recSheet []int32 // per record: index into Data.Sheets
	nShip    int     // shipment-level shipments (IDs S1…), before the monthly ones (M1…)
	// idRows is made by shipmentRow when an ID is not where expected;
	// sheets are written two at a time, so it is made once (idRowsOnce).
	idRows     map[string]int
	idRowsOnce sync.Once
	lastShip   int // last row of Shipments
}

func (w *writer) tick(n int) error {
	done := w.done.Add(int64(n))
	if done&4095 < int64(n) || n > 4096 {
		if w.progress != nil {
			w.progMu.Lock()
			w.progress(int(done), w.total)
			w.progMu.Unlock()
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
	if d.Names == nil {
		d.Names = &match.Result{}
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
		if n == SheetReview && d.Screening != nil {
			if _, err := w.f.NewSheet(SheetScreening); err != nil {
				return err
			}
		}
	}
	for i, n := range w.srcNames {
		if _, err := w.f.NewSheet(n); err != nil {
			return err
		}
		if tr := d.Sheets[i].TotalRows; tr > MaxSheetRows {
			last, _ := location(tr)
			for k := 2; k <= last+1; k++ {
				if _, err := w.f.NewSheet(w.overflowLocked(i, k)); err != nil {
					return err
				}
			}
		}
	}
	w.recSheet = make([]int32, len(d.Records))
	for i, s := range d.Sheets {
		for k := s.First; k < s.First+s.Rows && k < len(w.recSheet); k++ {
			w.recSheet[k] = int32(i)
		}
	}
	for i := range d.Merge.Shipments {
		if !d.Merge.Shipments[i].Monthly {
			w.nShip++
		}
	}
	w.lastShip = max(2, len(d.Merge.Shipments)+1)
	if err := w.autoFilters(); err != nil {
		return err
	}
	if err := w.sheets(); err != nil {
		return err
	}
	// The monthly chart is added after the streamed sheets are done: a
	// chart adds parts to the package, which the concurrent sheet writers
	// must not see half-made.
	return w.monthly()
}

// sheets writes every sheet. The sheets are independent (their order in
// the workbook was fixed when they were created, their autofilters are
// set), so two workers write them side by side, one core each: the
// largest first — Shipments, then the per-source sheets by size — and
// the small fixed sheets as a worker comes free. A per-source sheet has
// its own goroutine reading the source back (pipeRows).
func (w *writer) sheets() error {
	type job struct {
		run  func() error
		size int
	}
	jobs := []job{{w.shipments, 2 * len(w.d.Merge.Shipments)}}
	for s := range w.d.Sheets {
		jobs = append(jobs, job{func() error { return w.oneSource(s) }, max(w.d.Sheets[s].TotalRows, w.d.Sheets[s].Rows)})
	}
	sort.SliceStable(jobs, func(a, b int) bool { return jobs[a].size > jobs[b].size })
	for _, run := range []func() error{w.summary, w.totals, w.entities, w.review, w.discrepancies, w.duplicates, w.sources, w.rates,
		w.claims, w.method} {
		jobs = append(jobs, job{run, 0})
	}
	if w.d.Screening != nil {
		jobs = append(jobs, job{w.screening, 0})
	}
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	w.ctx = ctx
	queue := make(chan job, len(jobs))
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	var (
		wg       sync.WaitGroup
		errMu    sync.Mutex
		firstErr error
	)
	for range min(2, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				if ctx.Err() != nil {
					return
				}
				if err := j.run(); err != nil {
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
					cancel()
					return
				}
			}
		}()
	}
	wg.Wait()
	if firstErr == nil {
		firstErr = w.ctx.Err()
	}
	return firstErr
}

// autoFilters sets every sheet's autofilter, and the Shipments print
// area, before any sheet is written: excelize lists them as defined names
// in the order they are made, and making them up front in sheet order
// keeps that order fixed although the sheets are written concurrently.
func (w *writer) autoFilters() error {
	d := w.d
	filters := []struct{ sheet, ref string }{
		{SheetSummary, ref(SummaryHeader, len(w.summaryRows())+1)},
		{SheetShipments, ref(ShipmentsHeader, w.lastShip)},
		{SheetEntities, ref(EntitiesHeader, len(d.Names.Mentions)+1)},
		{SheetReview, ref(ReviewHeader, len(d.Names.Review)+1)},
		{SheetScreening, w.screeningFilter()},
		{SheetDiscrepancies, ref(DiscrepanciesHeader, len(d.Merge.Discrepancies)+1)},
		{SheetDuplicates, ref(DuplicatesHeader, w.dupRows()+1)},
		{SheetSources, ref(SourcesHeader, w.sourcesRows()+1)},
		{SheetRates, ref(RatesHeader, len(d.Rates)+1)},
	}
	for s := range d.Sheets {
		filters = append(filters, struct{ sheet, ref string }{w.srcNames[s], w.sourceFilter(s)})
	}
	if err := w.printTitles(); err != nil {
		return err
	}
	for _, f := range filters {
		if f.sheet == SheetShipments {
			// Print the shipment columns (A:Q); the helper columns stay on screen.
			if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: SheetShipments,
				RefersTo: "Shipments!$A$1:$" + col(ShipmentsHeader, "Status") + "$" + strconv.Itoa(w.lastShip)}); err != nil {
				return err
			}
		}
		if f.sheet == SheetRates {
			// Print the claim columns (A through Notes); the Claim JSON and
			// the shipment links past it stay on screen. After Rates: the
			// Claims sheet has no filter, and this keeps names in sheet order.
			if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: SheetClaims,
				RefersTo: "Claims!$A:$" + col(ClaimsHeader, "Notes")}); err != nil {
				return err
			}
		}
		if f.ref == "" {
			continue
		}
		if err := w.f.AutoFilter(f.sheet, f.ref, nil); err != nil {
			return err
		}
	}
	return nil
}

// top is v in a top-aligned cell.
func (s styles) top(v any) excelize.Cell { return excelize.Cell{StyleID: s.Top, Value: v} }

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
	// Figures keep full precision in the cells (sums and formulas use
	// it: 1,697.6 lb is 770.018407312 kg); the formats show tonnes to the
	// kilogram, kilograms to the gram and money to the cent. "#,##0.0##"
	// rather than "#,##0.###": Excel and LibreOffice show 3200 in the
	// latter as "3,200." with a stray point.
	t3 := "#,##0.000"
	usd := "#,##0"
	kg := "#,##0.0##"
	money := "#,##0.00"
	score := "0.00"
	date := "yyyy-mm-dd"
	// Every style aligns to the top: a row made tall by one wrapped cell
	// printed its other cells at the bottom, beside the wrapped text's
	// last line, so the claim text looked as if it belonged to the row
	// above.
	top := &excelize.Alignment{Vertical: "top"}
	w.st = styles{
		Header: mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}),
		Tonnes:     mk(&excelize.Style{CustomNumFmt: &t3, Alignment: top}),
		USD:        mk(&excelize.Style{CustomNumFmt: &usd, Alignment: top}),
		Kg:         mk(&excelize.Style{CustomNumFmt: &kg, Alignment: top}),
		Money:      mk(&excelize.Style{CustomNumFmt: &money, Alignment: top}),
		Score:      mk(&excelize.Style{CustomNumFmt: &score, Alignment: top}),
		Date:       mk(&excelize.Style{CustomNumFmt: &date, Alignment: top}),
		Wrap:       mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}),
		Title:      mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}),
		Link:       mk(&excelize.Style{Font: &excelize.Font{Color: "1F4E9E", Underline: "single"}, Alignment: top}),
		Muted:      mk(&excelize.Style{Font: &excelize.Font{Color: "777777"}, Alignment: top}),
		Top:        mk(&excelize.Style{Alignment: top}),
		WrapIndent: mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left", Indent: 1}}),
	}
	return err
}

// open prepares a stream for sheet: column widths, frozen rows. The
// autofilter was set by autoFilters.
func (w *writer) open(sheet string, widths []float64, freeze int) (*excelize.StreamWriter, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	// Page layout is a sheet property, set before streaming: the stream
	// writes the sheet properties first.
	if err := w.setPrint(sheet, widths); err != nil {
		return nil, err
	}
	sw, err := w.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// One <col> entry per run of equal widths: excelize looks every cell's
	// column up in this list, so 38 single-column entries cost 38 steps per
	// Shipments cell.
	for i := 0; i < len(widths); {
		j := i + 1
		for j < len(widths) && widths[j] == widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j, widths[i]); err != nil {
			return nil, err
		}
		i = j
	}
	if freeze > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: freeze, TopLeftCell: "A" + strconv.Itoa(freeze+1), ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// flush ends a stream (under mu: it updates the File's part lists).
func (w *writer) flush(sw *excelize.StreamWriter) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return flush(sw)
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

// shipmentRow is the Shipments sheet row of shipment id. merge numbers
// shipment-level shipments S1… in order, then monthly lines M1…, so the
// row follows from the ID; a map of 700,000 IDs would cost tens of MB
// for the whole export. The guess is checked, and IDs numbered otherwise
// are looked up in a map made the first time one is met.
func (w *writer) shipmentRow(id string) (int, bool) {
	if id == "" {
		return 0, false
	}
	shs := w.d.Merge.Shipments
	if n, err := strconv.Atoi(id[1:]); err == nil && n > 0 {
		i := n - 1
		if id[0] == 'M' {
			i += w.nShip
		}
		if i < len(shs) && shs[i].ID == id {
			return i + 2, true
		}
	}
	w.idRowsOnce.Do(func() { w.idRows = w.shipmentRows() })
	row, ok := w.idRows[id]
	return row, ok
}

// shipmentRows maps every shipment ID to its Shipments row, for the
// claims hook.
func (w *writer) shipmentRows() map[string]int {
	m := make(map[string]int, len(w.d.Merge.Shipments))
	for i := range w.d.Merge.Shipments {
		m[w.d.Merge.Shipments[i].ID] = i + 2
	}
	return m
}

// rowBuilder fills one reusable row for StreamWriter.SetRow. SetRow
// reads the values and keeps none of them, so one slice and one Cell per
// column serve every row, and styled cells go in by pointer (SetRow
// accepts *excelize.Cell like excelize.Cell) instead of being boxed anew:
// at a million rows the per-cell garbage is what the collector pays for.
type rowBuilder struct {
	vals  []any
	cells []excelize.Cell
	n     int
	st    *styles // for the precision a figure is stored at (num)
}

func newRowBuilder(n int, st *styles) *rowBuilder {
	return &rowBuilder{vals: make([]any, n), cells: make([]excelize.Cell, n), st: st}
}

// reset starts a new row.
func (b *rowBuilder) reset() { b.n = 0 }

func (b *rowBuilder) put(v any) {
	b.vals[b.n] = v
	b.n++
}

// cell puts a styled value (or formula with its cached value).
func (b *rowBuilder) cell(style int, formula string, v any) {
	c := &b.cells[b.n]
	c.StyleID, c.Formula, c.Value = style, formula, v
	b.put(c)
}

// str puts s, leaving empty text out: an empty string would still cost a
// cell.
func (b *rowBuilder) str(s string) {
	if s == "" {
		b.put(nil)
		return
	}
	b.put(s)
}

// num puts a valid number with its style, at the precision the style
// stores (styles.stored), nothing otherwise.
func (b *rowBuilder) num(n reconcile.Number, style int) {
	if !n.Valid {
		b.put(nil)
		return
	}
	b.cell(style, "", b.st.stored(style, n.Value))
}

func (b *rowBuilder) row() []any { return b.vals[:b.n] }

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
