package read

import (
	"context"
	"errors"
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

// SheetResult is one sheet read into records. Err is set when the sheet
// could not be read (no table, damaged data); records read before a
// mid-sheet error are kept.
type SheetResult struct {
	Name        string
	HeaderRow   int
	Columns     []Column
	Records     []reconcile.Record
	Skipped     []reconcile.Skip
	SkipCounts  map[reconcile.SkipReason]int
	Granularity reconcile.Granularity
	Warnings    []string
	Rows        int // rows below the header (records + skips there)
	LayoutKey   string
	Hidden      bool
	// Totals checks the sheet's total rows against the records read;
	// HiddenRows counts records from rows hidden in Excel.
	Totals     []TotalCheck
	HiddenRows int
	Err        error
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
		res := SheetResult{Name: name, Hidden: w.SheetHidden(name)}
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
		res.HeaderRow, res.Columns, res.Skipped, res.SkipCounts = sr.HeaderRow(), sr.Columns(), sr.Skipped(), sr.SkipCounts()
		res.Granularity, res.Warnings, res.Rows, res.LayoutKey = sr.Granularity(), sr.Warnings(), sr.Rows(), sr.LayoutKey()
		res.Totals, res.HiddenRows = sr.TotalChecks(), sr.HiddenRows()
		if err := sr.NeedsMapping(); err != nil && res.Err == nil {
			res.Err = err
		}
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
