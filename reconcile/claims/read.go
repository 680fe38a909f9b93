package claims

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"tradecheck/reconcile"
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
		return nil, []error{&reconcile.Error{File: file, Err: reconcile.ErrEmpty, Hint: ColumnsHint}}
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
	t := NewTable(file, "")
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
		t.Row(line, rec)
	}
	return t.Done()
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
