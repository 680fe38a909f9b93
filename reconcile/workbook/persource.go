package workbook

import (
	"context"
	"sort"
	"strconv"
	"time"

	"tradecheck/reconcile"
)

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// maxCols is Excel's column limit.
const maxCols = 16384

// fateOf returns the shipment ID and fate of record k.
func (w *writer) fateOf(k int) (string, string) {
	m := w.d.Merge
	if k >= len(m.ShipmentOf) || m.ShipmentOf[k] < 0 {
		return "", "not counted: not part of any shipment"
	}
	sh := &m.Shipments[m.ShipmentOf[k]]
	switch {
	case m.DuplicateOf[k] >= 0:
		return sh.ID, "duplicate of " + sh.ID
	case sh.Excluded:
		if sh.ExcludeReason != "" {
			return sh.ID, "excluded: " + sh.ExcludeReason
		}
		return sh.ID, "excluded"
	case sh.Superseded:
		return sh.ID, "not counted: monthly aggregate covered by shipment-level data"
	}
	return sh.ID, "counted"
}

// sourceFilter is the autofilter range of source sheet s's main output
// sheet: its header row to its last row, "" when it has no header.
func (w *writer) sourceFilter(s int) string {
	sh := w.d.Sheets[s]
	width := len(SourceSheetLead) + len(sh.Headers())
	last := max(sh.TotalRows, sh.HeaderRow+1)
	if sh.HeaderRow > 0 && width > 0 {
		return "A" + strconv.Itoa(sh.HeaderRow) + ":" + reconcile.ColumnName(width) + strconv.Itoa(min(last, MaxSheetRows))
	}
	return ""
}

// oneSource writes source sheet s's output sheet: every input row exactly
// once, at its original row number, with Shipment ID and Fate in front.
func (w *writer) oneSource(s int) error {
	d := w.d
	sh := d.Sheets[s]
	lead := len(SourceSheetLead)
	width := lead + len(sh.Headers())
	widths := []float64{8, 10, 28}
	for range sh.Headers() {
		widths = append(widths, 16)
	}
	sw, err := w.open(w.srcNames[s], widths, sh.HeaderRow)
	if err != nil {
		return err
	}
	part := 0
	skips := append([]reconcile.Skip(nil), sh.Skips...)
	sort.SliceStable(skips, func(a, b int) bool { return skips[a].Row < skips[b].Row })
	si := 0
	k := sh.First
	end := sh.First + sh.Rows
	b := newRowBuilder(lead+width, &w.st)
	labels := func() {
		for _, l := range SourceSheetLead {
			b.cell(w.st.Header, "", l)
		}
	}
	// emit writes source row r; vals are its cells, boxed, nil for empty.
	emit := func(r int, vals []any) error {
		p, sheetRow := location(r)
		if p != part {
			if err := w.flush(sw); err != nil {
				return err
			}
			name := w.overflow(s, p+1)
			w.mu.Lock()
			var err error
			if idx, _ := w.f.GetSheetIndex(name); idx < 0 {
				_, err = w.f.NewSheet(name)
			}
			w.mu.Unlock()
			if err != nil {
				return err
			}
			if sw, err = w.open(name, widths, 1); err != nil {
				return err
			}
			part = p
			b.reset()
			labels()
			for _, h := range sh.Headers() {
				b.cell(w.st.Header, "", h)
			}
			if err := sw.SetRow("A1", b.row()); err != nil {
				return err
			}
		}
		var id, fate string
		for si < len(skips) && skips[si].Row < r {
			si++
		}
		for k < end && d.Records[k].Source.Row < r {
			k++
		}
		switch {
		case k < end && d.Records[k].Source.Row == r:
			id, fate = w.fateOf(k)
			k++
		case si < len(skips) && skips[si].Row == r:
			fate = "skipped: " + string(skips[si].Reason)
			if skips[si].Detail != "" {
				fate += " (" + skips[si].Detail + ")"
			}
		case r == sh.HeaderRow:
			fate = "header"
		case sh.NoTable && sh.Status != "":
			fate = "skipped: " + sh.Status
		case sh.NoTable:
			fate = "skipped: no table found in this sheet"
		case sh.NeedsMapping:
			fate = "not read: the sheet's party or date columns need mapping"
		case r < sh.HeaderRow:
			fate = "skipped: " + string(reconcile.SkipBanner)
		default:
			fate = "skipped: not read (no reason given by the reader)"
		}
		n := len(vals)
		if lead+n > maxCols {
			fate += " (" + strconv.Itoa(lead+n-maxCols) + " cells beyond Excel's column limit not shown)"
			n = maxCols - lead
		}
		if len(b.vals) < lead+n {
			b = newRowBuilder(lead+n, &w.st)
		}
		b.reset()
		if r == sh.HeaderRow && part == 0 {
			labels()
			for _, v := range vals[:n] {
				text, _ := v.(string)
				b.cell(w.st.Header, "", text)
			}
		} else {
			b.put(r)
			b.put(id) // an empty ID is still written (an empty text cell)
			b.put(fate)
			for _, v := range vals[:n] {
				b.put(v)
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(sheetRow), b.row()); err != nil {
			return err
		}
		return w.tick(1)
	}
	if d.Raw != nil {
		// Rows absent from the source (Excel does not write blank rows)
		// are not among the raw rows but have a skip: list them in order.
		gi, done := 0, 0
		gaps := func(before int) error {
			for ; gi < len(skips) && skips[gi].Row < before; gi++ {
				if skips[gi].Row > done {
					done = skips[gi].Row
					if err := emit(done, nil); err != nil {
						return err
					}
				}
			}
			return nil
		}
		err = w.pipeRows(s, func(r int, vals []any) error {
			if err := gaps(r); err != nil {
				return err
			}
			done = max(done, r)
			return emit(r, vals)
		})
		if err == nil {
			err = gaps(int(^uint(0) >> 1))
		}
	} else {
		// No raw rows (tests, or the file vanished): list the records and
		// skips so every row still has its fate.
		rows := map[int]bool{}
		for i := sh.First; i < end; i++ {
			rows[d.Records[i].Source.Row] = true
		}
		for _, sk := range skips {
			rows[sk.Row] = true
		}
		var order []int
		for r := range rows {
			order = append(order, r)
		}
		sort.Ints(order)
		for _, r := range order {
			if err = emit(r, nil); err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return w.flush(sw)
}

// rawBatch is a run of raw rows: row numbers, and each row's cells boxed
// for SetRow (nil for an empty cell) in one flat slice.
type rawBatch struct {
	rows []int
	ends []int // vals[ends[i-1]:ends[i]] are row i's cells
	vals []any
}

const rawBatchRows = 512

// pipeRows reads the source's raw rows in one goroutine and writes them
// in this one, so parsing the source and encoding the sheet use both
// cores. Rows travel in batches that are recycled; the reader reuses its
// cell slice, so each row's cells are copied (boxed, which SetRow needs
// anyway: the boxing is done on the reading side).
func (w *writer) pipeRows(s int, emit func(int, []any) error) error {
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	batches := make(chan *rawBatch, 4)
	free := make(chan *rawBatch, 6)
	var readErr error
	go func() {
		defer close(batches)
		next := func() *rawBatch {
			select {
			case b := <-free:
				b.rows, b.ends, b.vals = b.rows[:0], b.ends[:0], b.vals[:0]
				return b
			default:
				return &rawBatch{rows: make([]int, 0, rawBatchRows), ends: make([]int, 0, rawBatchRows)}
			}
		}
		batch := next()
		readErr = w.d.Raw(ctx, s, func(r int, cells []string) error {
			for _, c := range cells {
				if c == "" {
					batch.vals = append(batch.vals, nil)
				} else {
					batch.vals = append(batch.vals, c)
				}
			}
			batch.rows = append(batch.rows, r)
			batch.ends = append(batch.ends, len(batch.vals))
			if len(batch.rows) == rawBatchRows {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return ctx.Err()
				}
				batch = next()
			}
			return nil
		})
		if readErr == nil && len(batch.rows) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
			}
		}
	}()
	var writeErr error
	for batch := range batches {
		if writeErr != nil {
			continue // drain so the reader can finish
		}
		from := 0
		for i, r := range batch.rows {
			if writeErr = emit(r, batch.vals[from:batch.ends[i]]); writeErr != nil {
				cancel()
				break
			}
			from = batch.ends[i]
		}
		clear(batch.vals) // let the strings go
		select {
		case free <- batch:
		default:
		}
	}
	if writeErr != nil {
		return writeErr
	}
	return readErr
}
