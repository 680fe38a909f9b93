package read

import (
	"fmt"
	"io"
	"sort"

	"tradecheck/reconcile"
)

// SheetReader reads the records of one sheet, one at a time.
type SheetReader struct {
	w          *Workbook
	name       string
	flow       FlowStatement // what the sheet states about its trade flow (detectFlow)
	statistics bool          // trade statistics (partners.go): aggregates, no declarations
	// probe marks a reader that only sums another sheet's records for a
	// summary's proof (keysummary.go): it reads the sheet whatever the
	// user decided of it and looks for no summary by key itself.
	probe       bool
	src         rowSource
	headerRow   int
	headerEnd   int // last header row (two-row headers)
	columns     []Column
	plan        *plan
	buffered    []*rawRow // rows read ahead for sampling
	preview     [][]string
	previewLast int
	skipped     []reconcile.Skip
	counts      map[reconcile.SkipReason]int
	warnings    []reconcile.Note
	records     int
	rows        int
	layoutKey   string
	rowWarns    int
	gran        reconcile.Granularity
	lastRow     int // last row number given a fate (records, skips, gaps)
	sums        sums
	totals      []TotalCheck
	sumTotals   int   // total rows recognised by their figures alone
	needs       error // ErrNeedsMapping: no row is read until it is mapped
	// leftOut says why no row is read although the table is found (the
	// user left the sheet out, or it is a summary sheet: sheetuse.go);
	// its rows get the fate leftReason with leftDetail.
	leftOut    string
	leftReason reconcile.SkipReason
	leftDetail string
	summary    bool
	hiddenRows int
	// ambiguousDates counts records whose date was left unread because
	// day and month cannot be told apart (see dates.go).
	ambiguousDates int
	constants      []Constant // fixed values of fields (constants.go)
	period         Period     // the period the banner states (period.go)
	// unidentifiedRows are the rows read with an unidentified_row flag.
	unidentifiedRows []int
	// labelRows are rows of figures and one unknown label that add up to
	// nothing above: counted, and warned about (labeltotal.go).
	labelRows []string
	done      bool
	err       error
}

// Sheet finds the header of the named sheet, maps its columns and
// returns a reader positioned at the first row below the header. A sheet
// without a recognisable header gives ErrNoTable.
func (w *Workbook) Sheet(name string) (*SheetReader, error) { return w.sheet(name, false) }

func (w *Workbook) sheet(name string, probe bool) (*SheetReader, error) {
	if err := claimsSheet(w.path, name); err != nil {
		return nil, err
	}
	src, err := w.rows(name)
	if err != nil {
		return nil, err
	}
	sr := &SheetReader{w: w, name: name, probe: probe, src: src, counts: map[reconcile.SkipReason]int{}}
	if err := sr.init(); err != nil {
		src.close()
		return nil, err
	}
	return sr, nil
}

func (s *SheetReader) skip(row int, reason reconcile.SkipReason, detail string) {
	s.skipped = append(s.skipped, reconcile.Skip{Row: row, Reason: reason, Detail: detail})
	s.counts[reason]++
}

// maxGapSkips is the longest run of rows absent from the sheet XML that is
// listed row by row; a longer run is one Skip at its first row whose
// Detail names the whole run, so a sheet with one cell at row 1,048,576
// costs one entry, not a million. SkipCounts and Rows still count every
// row of the run.
const maxGapSkips = 1000

// gap gives rows first..last, absent from the sheet XML (Excel does not
// write rows it never used), their fate: blank.
func (s *SheetReader) gap(first, last int) {
	n := last - first + 1
	s.rows += n
	if n <= maxGapSkips {
		for r := first; r <= last; r++ {
			s.skip(r, reconcile.SkipBlank, "")
		}
		return
	}
	s.skipped = append(s.skipped, reconcile.Skip{Row: first, Reason: reconcile.SkipBlank,
		Detail: fmt.Sprintf("rows %d–%d blank", first, last)})
	s.counts[reconcile.SkipBlank] += n
}

// Read returns the next record, or io.EOF after the last row. Rows that
// are not records are added to Skipped. A read error ends the sheet; the
// records before it stay valid.
func (s *SheetReader) Read() (reconcile.Record, error) {
	for {
		var r *rawRow
		if len(s.buffered) > 0 {
			r = s.buffered[0]
			s.buffered[0] = nil
			s.buffered = s.buffered[1:]
		} else {
			if s.err != nil {
				err := s.err
				s.err = nil
				s.done = true
				return reconcile.Record{}, err
			}
			if s.done {
				return reconcile.Record{}, io.EOF
			}
			var err error
			r, err = s.src.next()
			if err != nil {
				s.done = true
				return reconcile.Record{}, err
			}
			if r == nil {
				s.done = true
				return reconcile.Record{}, io.EOF
			}
		}
		if r.num > s.lastRow+1 {
			s.gap(s.lastRow+1, r.num-1)
		}
		s.lastRow = max(s.lastRow, r.num)
		s.rows++
		if r.hidden && s.w.opt.SkipHidden {
			s.skip(r.num, reconcile.SkipHidden, "")
			continue
		}
		if s.needs != nil || s.leftOut != "" {
			reason, detail := s.plan.classifyRow(r)
			switch {
			case s.leftOut != "" && reason == "":
				// A total row keeps its own fate: the rows left out are
				// the sheet's data rows.
				reason, detail = s.leftReason, s.leftDetail
			case s.leftOut == "" && (reason == "" || reason == reconcile.SkipTotal):
				reason, detail = reconcile.SkipNeedsMapping, ""
			}
			s.skip(r.num, reason, detail)
			continue
		}
		if reason, detail := s.plan.classifyRow(r); reason != "" {
			if reason == reconcile.SkipTotal {
				s.labelTotal(r, detail)
			}
			s.skip(r.num, reason, detail)
			continue
		}
		rec, ok := s.plan.build(r)
		if !ok {
			s.skip(r.num, reconcile.SkipNoData, "no party, weight, value or quantity")
			continue
		}
		s.applyConstants(&rec)
		q := s.plan.quanta(r, &rec)
		isBare := bare(&rec)
		c, ok := s.sumTotal(&rec, &q)
		if !ok && isBare {
			c, ok = s.bareSubtotal(&rec, &q)
		}
		if !ok && !isBare {
			c, ok = s.labelTotalRow(r, &rec, &q)
		}
		if ok {
			s.totals = append(s.totals, c)
			s.sums.endGroup()
			s.skip(r.num, reconcile.SkipTotal, fmt.Sprintf("%s (%d rows)", c.How, c.Rows))
			continue
		}
		s.countAmbiguousDates(&rec)
		if isBare {
			// Not summed: until decided it is not a shipment, and a total
			// row below is checked against the shipments.
			s.unidentified(&rec)
		} else {
			s.sums.add(&rec, &q)
		}
		if r.hidden {
			// A filter is a view, not a deletion: the row is read, but the
			// user may have hidden it on purpose, so it says so.
			rec.Flags = append(rec.Flags, reconcile.Flag{Code: reconcile.FlagHiddenRow, Column: -1, Detail: "row hidden in Excel; read and counted", Kept: true})
			s.hiddenRows++
		}
		if r.bad != "" {
			s.rowWarning(r.bad)
		}
		s.records++
		return rec, nil
	}
}

// NeedsMapping returns the ErrNeedsMapping error of a table whose party
// and date columns were not recognised, nil otherwise. Such a sheet reads
// no record: every row below its header is a "columns need mapping" skip.
func (s *SheetReader) NeedsMapping() error { return s.needs }

// Close releases the sheet's stream.
func (s *SheetReader) Close() error { return s.src.close() }

// Name returns the sheet name ("" for text files).
func (s *SheetReader) Name() string { return s.name }

// HeaderRow returns the 1-based header row (the first of a two-row header).
func (s *SheetReader) HeaderRow() int { return s.headerRow }

// Columns returns the column mapping.
func (s *SheetReader) Columns() []Column { return s.columns }

// Granularity returns "shipment" or "monthly".
func (s *SheetReader) Granularity() reconcile.Granularity { return s.gran }

// LayoutKey identifies the header layout for saved mapping overrides.
func (s *SheetReader) LayoutKey() string { return s.layoutKey }

// Preview returns up to n raw rows from the top of the sheet (banner and
// header included), for the app's mapping editor.
func (s *SheetReader) Preview(n int) [][]string {
	out := s.preview
	if n < len(out) {
		out = out[:n]
	}
	if len(out) < n {
		for _, r := range s.buffered {
			if len(out) >= n {
				break
			}
			if r.num > s.previewLast {
				out = append(out, r.strings())
			}
		}
	}
	return out
}

// Skipped returns the rows skipped so far, in row order.
func (s *SheetReader) Skipped() []reconcile.Skip {
	out := append([]reconcile.Skip(nil), s.skipped...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	return out
}

// SkipCounts returns the number of skipped rows by reason.
func (s *SheetReader) SkipCounts() map[reconcile.SkipReason]int {
	out := make(map[reconcile.SkipReason]int, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out
}

// RowsHint estimates the rows left in the sheet (0 when unknown), for
// callers that preallocate.
func (s *SheetReader) RowsHint() int {
	if h, ok := s.src.(interface{ rowsHint() int }); ok {
		return max(0, h.rowsHint()-s.headerEnd)
	}
	return 0
}

// Rows returns how many rows below the header have been read.
func (s *SheetReader) Rows() int { return s.rows }
