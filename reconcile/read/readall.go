package read

import (
	"context"
	"errors"
	"fmt"
	"io"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
)

// File is a whole input file read into records.
type File struct {
	Path   string
	SHA256 string
	Format string // Workbook.Format: "xlsx", "csv", "xls", "ods", "html" or "xml2003"
	Sheets []SheetResult
}

// SheetResult is how one sheet (or a text file) was read. It is the one
// description of a sheet: ReadAll returns it, pipeline.Result holds it
// (as pipeline.SheetResult) and the audit workbook's Sources and
// per-source sheets are written from it. The reader fills what it found
// (Describe); package pipeline adds what the project makes of it: the
// granularity the user set, the date range, where its records are.
type SheetResult struct {
	File     string // path as given
	Sheet    string // "" for a text file
	Format   string // how the file was read: xlsx, csv, xls, ods, html, xml2003
	Encoding string // a text file's or HTML page's encoding; "" for workbooks
	Hidden   bool   // the sheet is hidden in Excel

	HeaderRow   int      // 1-based; 0 when there is no table
	Columns     []Column // every column: header as written, field after overrides, why, unit, currency
	LayoutKey   string
	Granularity reconcile.Granularity // shipment or monthly; pipeline applies the user's setting
	// Stated is what the sheet says of its trade flow. Flow is
	// reconcile.FlowExport or FlowImport as the user or the sheet states
	// it, "" when nothing does (read as imports); FlowWhy says who stated
	// it, Country the declaring country of an export register (pipeline).
	Stated                 FlowStatement
	Flow, FlowWhy, Country string

	// Records are the sheet's records (ReadAll only: pipeline keeps them
	// in Result.Records, from First on). Rows counts them; Scanned counts
	// the rows below the header (records and skips there).
	Records []reconcile.Record
	First   int
	Rows    int
	Scanned int
	Skips   []reconcile.Skip // sorted by row
	Skipped map[reconcile.SkipReason]int
	// Warnings say what the reader noticed; pipeline adds the sheet's
	// error and a corrected granularity. A warning that asks for a step
	// names it (reconcile.Note), for each front end to word.
	Warnings []reconcile.Note
	// Err is set when the sheet could not be read (no table, columns to
	// map, damaged data); records read before a mid-sheet error are kept.
	// Pipeline sets NoTable or NeedsMapping from it, and Status says why.
	Err     error
	NoTable bool
	// NotData: the sheet has no table because it holds no figures (a
	// notes sheet); it is read and left out (reconcile.ErrNotData).
	NotData      bool
	NeedsMapping bool
	Status       string
	// LeftOut says why a sheet with a table yields no records: the user
	// left it out, or (Summary) it is a summary sheet, which the user may
	// include. "" when the sheet is read.
	LeftOut string
	Summary bool

	// Totals checks the sheet's total rows against the records read;
	// Checks says the same in words, with the rows hidden in Excel (whose
	// records HiddenRows counts). TotalsOK: every total row matches (false
	// when there is none); TotalsBad counts those that differ.
	Totals     []TotalCheck
	Checks     []string
	TotalsOK   bool
	TotalsBad  int
	HiddenRows int

	// Set by pipeline from the records: their date range, and the last
	// row number seen, so the per-source sheet can show every row.
	DateFrom, DateTo reconcile.Date
	TotalRows        int

	// Constants are fixed values of fields for the whole sheet (the
	// user's or the banner's); Period is the span the banner states.
	Constants []Constant
	Period    Period
}

// Headers are the column headers as written (two-row headers joined).
func (s SheetResult) Headers() []string {
	out := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Header
	}
	return out
}

// Mapping is each column's field after the user's overrides ("" unmapped).
func (s SheetResult) Mapping() []reconcile.Field {
	out := make([]reconcile.Field, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Field
	}
	return out
}

// Reasons say per column why it was mapped or not (rule, synonym,
// table), with the step a reason suggests (Column.Step).
func (s SheetResult) Reasons() []reconcile.Note {
	out := make([]reconcile.Note, len(s.Columns))
	for i, c := range s.Columns {
		out[i] = c.Why()
	}
	return out
}

// Units are the weight units detected ("kg", "t", "kg (assumed)") and
// the currencies of the value columns.
func (s SheetResult) Units() (units, currencies []string) { return DetectedUnits(s.Columns) }

// Describe fills res with what sr found, once it has read the sheet (or
// stopped): header, columns, skipped rows, granularity, warnings and the
// total-row checks. An unmapped table's ErrNeedsMapping becomes res.Err.
func (sr *SheetReader) Describe(res *SheetResult) {
	res.HeaderRow, res.Columns, res.Skips, res.Skipped = sr.HeaderRow(), sr.Columns(), sr.Skipped(), sr.SkipCounts()
	res.Granularity, res.Warnings, res.Scanned, res.LayoutKey = sr.Granularity(), sr.Warnings(), sr.Rows(), sr.LayoutKey()
	res.Totals, res.HiddenRows, res.Stated = sr.TotalChecks(), sr.HiddenRows(), sr.Flow()
	res.Constants, res.Period = sr.Constants(), sr.Period()
	res.TotalsOK = len(res.Totals) > 0
	for _, c := range res.Totals {
		res.Checks = append(res.Checks, c.String())
		if !c.Matches {
			res.TotalsOK = false
			res.TotalsBad++
		}
	}
	if res.HiddenRows > 0 {
		res.Checks = append(res.Checks, fmt.Sprintf("%d rows hidden in Excel were read and counted (flagged hidden_row); unhide them to see what the user may have hidden on purpose", res.HiddenRows))
	}
	if err := sr.NeedsMapping(); err != nil && res.Err == nil {
		res.Err = err
	}
	res.LeftOut, res.Summary = sr.LeftOut()
}

// progressEvery is how often (in rows) ReadAll reports progress and
// checks for cancellation.
const progressEvery = 4096

// ReadAll reads every sheet of a file. An error opening the file is
// returned; errors within one sheet are kept in its SheetResult so the
// other sheets are not lost. progress (may be nil) gets the running row
// count. A canceled context returns ErrCanceled.
func ReadAll(ctx context.Context, path string, opt Options, progress func(rows int)) (*File, error) {
	w, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	f := &File{Path: path, Format: w.Format()}
	sum, err := fileio.SHA256(ctx, path)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	f.SHA256 = sum
	total := 0
	for _, name := range w.Sheets() {
		res := SheetResult{File: path, Sheet: name, Format: w.Format(), Encoding: w.Encoding(), Hidden: w.SheetHidden(name)}
		sr, err := w.Sheet(name)
		if err != nil {
			res.Err = err
			f.Sheets = append(f.Sheets, res)
			if ctx.Err() != nil {
				return f, canceled(path)
			}
			continue
		}
		// One allocation sized from the sheet's own dimension: growing a
		// slice of records by doubling would hold two copies at its peak.
		res.Records = make([]reconcile.Record, 0, sr.RowsHint())
		for {
			rec, err := sr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				res.Err = err
				break
			}
			res.Records = append(res.Records, rec)
			if n := sr.Rows(); n%progressEvery == 0 {
				if ctx.Err() != nil {
					sr.Close()
					return f, canceled(path)
				}
				if progress != nil {
					progress(total + n)
				}
			}
		}
		total += sr.Rows()
		sr.Describe(&res)
		res.Rows = len(res.Records)
		sr.Close()
		f.Sheets = append(f.Sheets, res)
		if progress != nil {
			progress(total)
		}
	}
	return f, nil
}

func canceled(path string) error {
	return &reconcile.Error{File: path, Err: reconcile.ErrCanceled, Hint: "reading was canceled"}
}

// EachRow streams the raw rows of one sheet ("" for a text file), numbered
// as Excel shows them, with cells as text (dates as ISO 8601). Rows absent
// from the sheet XML are not reported. Returning an error from fn stops
// the scan and returns that error.
func EachRow(ctx context.Context, path, sheet string, opt Options, fn func(row int, cells []string) error) error {
	w, err := Open(path, opt)
	if err != nil {
		return err
	}
	defer w.Close()
	src, err := w.rows(sheet)
	if err != nil {
		return err
	}
	defer src.close()
	n := 0
	var cells []string
	for {
		r, err := src.next()
		if err != nil {
			return err
		}
		if r == nil {
			return nil
		}
		n++
		if n%progressEvery == 0 && ctx.Err() != nil {
			return canceled(path)
		}
		cells = cells[:0]
		for _, c := range r.cells {
			cells = append(cells, c.s)
		}
		if err := fn(r.num, cells); err != nil {
			return err
		}
	}
}

// IsRefusal reports whether err means the whole file cannot be read (as
// opposed to one sheet).
func IsRefusal(err error) bool {
	for _, s := range []error{reconcile.ErrNotFound, reconcile.ErrIsDirectory, reconcile.ErrEmpty, reconcile.ErrCorrupt, reconcile.ErrNotSheet,
		reconcile.ErrLegacyXLS, reconcile.ErrODS, reconcile.ErrEncrypted, reconcile.ErrWrongPassword, reconcile.ErrOwnOutput} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
