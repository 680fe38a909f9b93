package claims

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// SheetName is the name of the claims sheet, in input workbooks and in
// the audit workbook. Input sheets match it case-insensitively.
const SheetName = "Claims"

// MaxFileSize bounds a claims CSV: claims are typed by hand, so anything
// larger is not a claims file.
const MaxFileSize = 16 << 20

// ReadCSV reads claims from a CSV table (comma, semicolon or tab
// separated, UTF-8 with or without BOM, or Windows-1251). file names the
// source in errors. Rows that cannot be read are left out and reported
// as *reconcile.Error values (file, row, column, hint); the others are
// returned. It never panics on any input.
func ReadCSV(r io.Reader, file string) ([]Claim, []error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, []error{&reconcile.Error{File: file, Err: err, Hint: "check that the file can be read"}}
	}
	if len(data) > MaxFileSize {
		return nil, []error{&reconcile.Error{File: file, Err: reconcile.ErrTooLarge, Hint: "a claims file holds claims typed by hand; is this the right file?"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{&reconcile.Error{File: file, Err: reconcile.ErrEmpty, Hint: columnsHint}}
	}
	if !utf8.Valid(data) {
		if dec, err := charmap.Windows1251.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := newTable(file, "")
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				t.errs = append(t.errs, &reconcile.Error{File: file, Row: pe.StartLine, Column: pe.Column, Err: fmt.Errorf("%w: %v", ErrBadClaim, pe.Err), Hint: "check the quotes on this line"})
				if len(t.errs) > 1000 {
					break
				}
				continue
			}
			t.errs = append(t.errs, &reconcile.Error{File: file, Err: err, Hint: "check that the file can be read"})
			break
		}
		t.row(line, rec)
	}
	t.finish()
	return t.claims, t.errs
}

// sniffComma picks the separator of the header line: the most frequent of
// ',', ';' and tab outside quotes.
func sniffComma(data []byte) rune {
	best, bestN := ',', 0
	for _, sep := range []rune{',', ';', '\t'} {
		n, quoted := 0, false
		lines := 0
		for _, c := range string(data) {
			if c == '"' {
				quoted = !quoted
			}
			if c == '\n' && !quoted {
				// The header is the first line with a separator; a
				// one-field banner line is passed over.
				lines++
				if n > 0 || lines > 20 {
					break
				}
			}
			if c == sep && !quoted {
				n++
			}
		}
		if n > bestN {
			best, bestN = sep, n
		}
	}
	return best
}

// ReadSheet reads claims from the Claims sheet of an xlsx workbook (the
// sheet name is matched case-insensitively). Cells are read as the
// engine's reader reads them: dates come as ISO 8601 and numbers as
// typed. A workbook without a Claims sheet is an error wrapping
// reconcile.ErrNoTable.
func ReadSheet(ctx context.Context, path string, password string) ([]Claim, []error) {
	wb, err := read.Open(path, read.Options{Password: password})
	if errors.Is(err, reconcile.ErrOwnOutput) {
		return readAudit(path, password)
	}
	if err != nil {
		return nil, []error{err}
	}
	sheet := ""
	var names []string
	for _, s := range wb.Sheets() {
		names = append(names, s)
		if strings.EqualFold(strings.TrimSpace(s), SheetName) && sheet == "" {
			sheet = s
		}
	}
	format := wb.Format()
	wb.Close()
	if format == "csv" {
		f, err := os.Open(path)
		if err != nil {
			return nil, []error{&reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}}
		}
		defer f.Close()
		return ReadCSV(f, path)
	}
	if sheet == "" {
		return nil, []error{&reconcile.Error{File: path, Err: fmt.Errorf("%w: no sheet named %s", reconcile.ErrNoTable, SheetName),
			Hint: "add a sheet named Claims (its sheets are " + strings.Join(names, ", ") + "); " + columnsHint}}
	}
	t := newTable(path, sheet)
	err = read.EachRow(ctx, path, sheet, read.Options{Password: password}, func(row int, cells []string) error {
		t.row(row, cells)
		return nil
	})
	if err != nil {
		t.errs = append(t.errs, err)
	}
	t.finish()
	return t.claims, t.errs
}

// ReadFile reads claims from a CSV file or from the Claims sheet of a
// workbook, told apart by content.
func ReadFile(ctx context.Context, path string) ([]Claim, []error) {
	return ReadSheet(ctx, path, "")
}

// HasSheet reports whether the workbook at path has a Claims sheet; it
// is false for CSV files and for files that cannot be opened.
func HasSheet(path string) bool {
	wb, err := read.Open(path, read.Options{})
	if err != nil {
		return false
	}
	defer wb.Close()
	for _, s := range wb.Sheets() {
		if strings.EqualFold(strings.TrimSpace(s), SheetName) {
			return true
		}
	}
	return false
}

// WriteCSV writes claims in the format ReadCSV reads (the columns of
// samples/claims.csv plus id and note), so the app can export them.
func WriteCSV(w io.Writer, cs []Claim) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(append([]string{ColID}, append(Columns, ColNote)...)); err != nil {
		return err
	}
	for _, c := range cs {
		tol := ""
		if c.TolerancePct > 0 {
			tol = values.FormatNumber(c.TolerancePct, 6)
		}
		f := c.Filters
		rec := []string{c.ID, c.Text, string(c.Measure), c.Unit, string(c.Comparator), strings.ReplaceAll(values.FormatNumber(c.Figure, 9), ",", ""), tol,
			strings.Join(f.Consignee, "; "), strings.Join(f.Shipper, "; "), strings.Join(f.Origin, " "), strings.Join(f.Dispatch, " "),
			strings.Join(f.Destination, " "), strings.Join(f.HSPrefixes, " "), strings.Join(f.Description, " | "), f.From, f.To, c.Note}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// readAudit reads the claims back from the Claims sheet of an audit
// workbook Tradecheck wrote: each claim row carries the claim as JSON in
// its "Claim JSON" column. The claims table ends at the first row without
// a claim ID (the detail list below it is not read).
func readAudit(path, password string) ([]Claim, []error) {
	f, err := excelize.OpenFile(path, excelize.Options{Password: password})
	if err != nil {
		return nil, []error{&reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}}
	}
	defer f.Close()
	rows, err := f.GetRows(SheetName)
	if err != nil || len(rows) == 0 {
		return nil, []error{&reconcile.Error{File: path, Sheet: SheetName, Err: fmt.Errorf("%w: this audit workbook has no claims", reconcile.ErrNoTable),
			Hint: "check the claims against the sources first; the audit workbook written then carries them", Fix: reconcile.FixCheckClaims}}
	}
	jcol := -1
	for i, h := range rows[0] {
		if h == "Claim JSON" {
			jcol = i
		}
	}
	if jcol < 0 {
		return nil, []error{&reconcile.Error{File: path, Sheet: SheetName, Row: 1, Err: fmt.Errorf("%w: no Claim JSON column", reconcile.ErrNoTable),
			Hint: "this Claims sheet was not written by this version of Tradecheck; give the claims file instead"}}
	}
	var out []Claim
	var errs []error
	ids := map[string]bool{}
	for i, r := range rows[1:] {
		if len(r) == 0 || strings.TrimSpace(r[0]) == "" {
			break
		}
		row := i + 2
		var c Claim
		if jcol >= len(r) || json.Unmarshal([]byte(r[jcol]), &c) != nil {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetName, Row: row, Column: jcol + 1,
				Err: fmt.Errorf("%w: the Claim JSON cell was changed", ErrBadClaim), Hint: "restore it, or check the claims from the claims file"})
			continue
		}
		if err := c.Validate(); err != nil {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetName, Row: row, Column: jcol + 1, Err: fmt.Errorf("%w: %v", ErrBadClaim, err), Hint: "restore the cell"})
			continue
		}
		if ids[c.ID] {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetName, Row: row, Column: 1, Err: fmt.Errorf("%w: claim ID %q is used twice", ErrBadClaim, c.ID), Hint: "give every claim its own ID"})
			continue
		}
		ids[c.ID] = true
		out = append(out, c)
	}
	return out, errs
}
