package workbook

import (
	"context"
	"sort"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

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

// perSource writes one sheet per source sheet: every input row exactly
// once, at its original row number, with Shipment ID and Fate in front.
func (w *writer) perSource() error {
	for s := range w.d.Sheets {
		if err := w.oneSource(s); err != nil {
			return err
		}
	}
	return nil
}

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

func (w *writer) oneSource(s int) error {
	d := w.d
	sh := d.Sheets[s]
	lead := len(SourceSheetLead)
	width := lead + len(sh.Headers)
	last := sh.TotalRows
	if last < sh.HeaderRow+1 {
		last = sh.HeaderRow + 1
	}
	filter := ""
	if sh.HeaderRow > 0 && width > 0 {
		filter = "A" + strconv.Itoa(sh.HeaderRow) + ":" + reconcile.ColumnName(width) + strconv.Itoa(min(last, MaxSheetRows))
	}
	widths := []float64{8, 10, 28}
	for range sh.Headers {
		widths = append(widths, 16)
	}
	sw, err := w.open(w.srcNames[s], widths, sh.HeaderRow, filter)
	if err != nil {
		return err
	}
	part := 0
	skips := append([]reconcile.Skip(nil), sh.Skips...)
	sort.SliceStable(skips, func(a, b int) bool { return skips[a].Row < skips[b].Row })
	si := 0
	k := sh.First
	end := sh.First + sh.N
	labels := func(row []any) []any {
		for i, l := range SourceSheetLead {
			row[i] = excelize.Cell{StyleID: w.st.Header, Value: l}
		}
		return row
	}
	emit := func(r int, cells []string) error {
		p, sheetRow := location(r)
		if p != part {
			if err := flush(sw); err != nil {
				return err
			}
			name := w.overflow(s, p+1)
			if idx, _ := w.f.GetSheetIndex(name); idx < 0 {
				if _, err := w.f.NewSheet(name); err != nil {
					return err
				}
			}
			var err error
			sw, err = w.open(name, widths, 1, "")
			if err != nil {
				return err
			}
			part = p
			hdr := make([]any, width)
			labels(hdr)
			for i, h := range sh.Headers {
				hdr[lead+i] = excelize.Cell{StyleID: w.st.Header, Value: h}
			}
			if err := sw.SetRow("A1", hdr); err != nil {
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
		case sh.NoTable:
			fate = "skipped: no table found in this sheet"
		case r < sh.HeaderRow:
			fate = "skipped: " + string(reconcile.SkipBanner)
		default:
			fate = "skipped: not read (no reason given by the reader)"
		}
		n := len(cells)
		if lead+n > maxCols {
			fate += " (" + strconv.Itoa(lead+n-maxCols) + " cells beyond Excel's column limit not shown)"
			n = maxCols - lead
		}
		row := make([]any, lead+n)
		row[0], row[1], row[2] = r, id, fate
		if r == sh.HeaderRow && part == 0 {
			labels(row)
			for i := 0; i < n; i++ {
				row[lead+i] = excelize.Cell{StyleID: w.st.Header, Value: cells[i]}
			}
		} else {
			for i := 0; i < n; i++ {
				if cells[i] != "" {
					row[lead+i] = cells[i]
				}
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(sheetRow), row); err != nil {
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
		err = w.pipeRows(s, func(r int, cells []string) error {
			if err := gaps(r); err != nil {
				return err
			}
			done = max(done, r)
			return emit(r, cells)
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
	return flush(sw)
}

type rawRow struct {
	row   int
	cells []string
}

// pipeRows reads the source's raw rows in one goroutine and writes them
// in this one, so parsing the source and encoding the sheet use both
// cores. Rows travel in batches; the reader reuses its cell slice, so
// each row is copied.
func (w *writer) pipeRows(s int, emit func(int, []string) error) error {
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	batches := make(chan []rawRow, 8)
	var readErr error
	go func() {
		defer close(batches)
		batch := make([]rawRow, 0, 512)
		readErr = w.d.Raw(ctx, s, func(r int, cells []string) error {
			batch = append(batch, rawRow{r, append([]string(nil), cells...)})
			if len(batch) == cap(batch) {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return ctx.Err()
				}
				batch = make([]rawRow, 0, 512)
			}
			return nil
		})
		if readErr == nil && len(batch) > 0 {
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
		for _, rr := range batch {
			if writeErr = emit(rr.row, rr.cells); writeErr != nil {
				cancel()
				break
			}
		}
	}
	if writeErr != nil {
		return writeErr
	}
	return readErr
}
