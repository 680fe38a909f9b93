package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// layoutExpect is a corpus layout's expected.json: how a file written by
// a tool other than ours must be read. testdata/layouts/README.md
// documents the format; add a layout whenever a real file surprises us.
type layoutExpect struct {
	File     string `json:"file"`   // the input, next to expected.json
	Writer   string `json:"writer"` // what wrote it: "LibreOffice 7.4 (CSV → xlsx)", "pandas-style", …
	Language string `json:"language,omitempty"`
	Note     string `json:"note,omitempty"` // what the layout exercises
	// Encoding is the text encoding a CSV must be detected as ("" for
	// workbooks or when any is fine).
	Encoding string `json:"encoding,omitempty"`
	// Sheets lists every sheet that must be checked, by name ("" for a
	// text file). Sheets not listed are not checked.
	Sheets map[string]layoutSheet `json:"sheets"`
}

type layoutSheet struct {
	// Data false: the sheet is not shipments and yields no record.
	Data      bool `json:"data"`
	HeaderRow int  `json:"header_row,omitempty"`
	// Mapping gives column letter → field for every column that must be
	// mapped; "-" means the column must stay unmapped.
	Mapping map[string]string `json:"mapping,omitempty"`
	Records int               `json:"records"`
	// Skips counts skipped rows below the header by reason ("total row");
	// reasons not listed are not checked.
	Skips map[string]int `json:"skips,omitempty"`
	// First gives field → value of the first record, rendered by
	// layoutValue; Last likewise for the last record.
	First map[string]string `json:"first,omitempty"`
	Last  map[string]string `json:"last,omitempty"`
	// Flags lists "field:code" flags the first record must carry.
	Flags []string `json:"flags,omitempty"`
	// Warnings lists substrings that the sheet's warnings must contain.
	Warnings []string `json:"warnings,omitempty"`
	// NeedsMapping: the sheet has figures but no party or date column, so
	// it is refused with ErrNeedsMapping and yields no record.
	NeedsMapping bool `json:"needs_mapping,omitempty"`
	// Reason is a substring of the error of a sheet that is not data or
	// needs mapping ("not a data sheet: no weight").
	Reason string `json:"reason,omitempty"`
	// Totals lists, in row order, a substring of each total-row check
	// ("total row 5 matches the 3 rows read"); when given, the sheet must
	// have exactly this many checks.
	Totals []string `json:"totals,omitempty"`
	// HiddenRows counts the records read from rows hidden in Excel.
	HiddenRows int `json:"hidden_rows,omitempty"`
	// FlagCounts gives "field:code" → how many records carry that flag;
	// "0" asserts none does.
	FlagCounts map[string]int `json:"flag_counts,omitempty"`
}

// layoutValue renders one field of a record the way expected.json
// writes it: text as read, parties by their first name, weights in kg
// and numbers with strconv's shortest 'g' form, dates in ISO 8601,
// invalid numbers as "?raw".
func layoutValue(rec *reconcile.Record, f string) string {
	num := func(n reconcile.Number) string {
		if !n.Valid {
			return "?" + n.Raw
		}
		return strconv.FormatFloat(n.Value, 'g', -1, 64)
	}
	switch reconcile.Field(f) {
	case reconcile.FieldDate:
		return rec.Date.String()
	case reconcile.FieldDeclarationID:
		return rec.DeclarationID
	case reconcile.FieldItemNo:
		return rec.ItemNo
	case reconcile.FieldBillOfLading:
		return rec.BillOfLading
	case reconcile.FieldContainer:
		return rec.Container
	case reconcile.FieldInvoice:
		return rec.Invoice
	case reconcile.FieldConsignee:
		return rec.Consignee.Name()
	case reconcile.FieldConsigneeID:
		return rec.Consignee.TaxID
	case reconcile.FieldConsigneeCountry:
		return rec.Consignee.Country
	case reconcile.FieldShipper:
		return rec.Shipper.Name()
	case reconcile.FieldShipperID:
		return rec.Shipper.TaxID
	case reconcile.FieldShipperCountry:
		return rec.Shipper.Country
	case reconcile.FieldOriginCountry:
		return rec.OriginCountry
	case reconcile.FieldDispatchCountry:
		return rec.DispatchCountry
	case reconcile.FieldDestinationCountry:
		return rec.DestinationCountry
	case reconcile.FieldHSCode:
		return rec.HSCode
	case reconcile.FieldDescription:
		return rec.Description
	case reconcile.FieldQuantity:
		return num(rec.Quantity)
	case reconcile.FieldQuantityUnit:
		return rec.QuantityUnit
	case reconcile.FieldNetWeight:
		return num(rec.NetKg)
	case reconcile.FieldGrossWeight:
		return num(rec.GrossKg)
	case reconcile.FieldValue:
		return num(rec.Value)
	case reconcile.FieldCurrency:
		return rec.Currency
	case reconcile.FieldValueUSD:
		return num(rec.ValueUSD)
	}
	return "(unknown field " + f + ")"
}

// TestLayouts reads every layout of the corpus under testdata/layouts and
// checks it against its expected.json.
func TestLayouts(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "layouts", "*", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no layouts under testdata/layouts")
	}
	sort.Strings(dirs)
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(exp)
			if err != nil {
				t.Fatal(err)
			}
			var want layoutExpect
			dec := json.NewDecoder(strings.NewReader(string(raw)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&want); err != nil {
				t.Fatalf("%s: %v", exp, err)
			}
			if want.File == "" || want.Writer == "" || len(want.Sheets) == 0 {
				t.Fatalf("%s: file, writer and sheets are required", exp)
			}
			if needsConversion(filepath.Join(dir, want.File)) {
				needSoffice(t) // .xls (BIFF) and .ods are read through LibreOffice
			}
			checkLayout(t, filepath.Join(dir, want.File), want)
		})
	}
}

func checkLayout(t *testing.T, path string, want layoutExpect) {
	f := readAll(t, path, Options{})
	if want.Encoding != "" {
		w, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		enc, _, ok := w.TextFormat()
		w.Close()
		if !ok || !strings.EqualFold(enc, want.Encoding) {
			t.Errorf("encoding: got %q, want %q", enc, want.Encoding)
		}
	}
	byName := map[string]*SheetResult{}
	for i := range f.Sheets {
		byName[f.Sheets[i].Sheet] = &f.Sheets[i]
	}
	if len(f.Sheets) == 1 {
		byName[""] = &f.Sheets[0] // a text file's one table
	}
	for name, ws := range want.Sheets {
		got := byName[name]
		if got == nil {
			t.Errorf("sheet %q: not in the file (sheets: %v)", name, sheetNames(f))
			continue
		}
		label := "sheet " + strconv.Quote(name)
		if !ws.Data {
			if len(got.Records) != 0 {
				t.Errorf("%s: not a data sheet, but %d records were read from it", label, len(got.Records))
			}
			wantErr := reconcile.ErrNoTable
			if ws.NeedsMapping {
				wantErr = reconcile.ErrNeedsMapping
			}
			if !errors.Is(got.Err, wantErr) {
				t.Errorf("%s: error %v, want %v", label, got.Err, wantErr)
			} else if ws.Reason != "" && !strings.Contains(got.Err.Error(), ws.Reason) {
				t.Errorf("%s: error %q lacks %q", label, got.Err, ws.Reason)
			}
			continue
		}
		if got.Err != nil {
			t.Errorf("%s: %v", label, got.Err)
			continue
		}
		if ws.HeaderRow != 0 && got.HeaderRow != ws.HeaderRow {
			t.Errorf("%s: header row got %d, want %d", label, got.HeaderRow, ws.HeaderRow)
		}
		for col, field := range ws.Mapping {
			idx := columnNumber(col)
			if idx == 0 {
				t.Fatalf("%s: bad column letter %q in expected.json", label, col)
			}
			gotF := "(no such column)"
			for _, c := range got.Columns {
				if c.Index == idx-1 {
					gotF = string(c.Field)
					if gotF == "" {
						gotF = "-"
					}
					if field != gotF {
						t.Errorf("%s: column %s %q mapped to %q (%s), want %q", label, col, c.Header, gotF, c.Reason, field)
					}
				}
			}
			if gotF == "(no such column)" {
				t.Errorf("%s: column %s not found", label, col)
			}
		}
		if len(got.Records) != ws.Records {
			t.Errorf("%s: got %d records, want %d (skips: %v)", label, len(got.Records), ws.Records, got.Skipped)
		}
		for reason, n := range ws.Skips {
			if g := got.Skipped[reconcile.SkipReason(reason)]; g != n {
				t.Errorf("%s: got %d %q skips, want %d (all skips: %v)", label, g, reason, n, got.Skipped)
			}
		}
		if len(got.Records) == 0 {
			continue
		}
		for which, vals := range map[string]map[string]string{"first": ws.First, "last": ws.Last} {
			rec := &got.Records[0]
			if which == "last" {
				rec = &got.Records[len(got.Records)-1]
			}
			for field, v := range vals {
				if g := layoutValue(rec, field); g != v {
					t.Errorf("%s: %s record (row %d) %s: got %q, want %q", label, which, rec.Source.Row, field, g, v)
				}
			}
		}
		for _, fl := range ws.Flags {
			field, code, _ := strings.Cut(fl, ":")
			if !hasFlag(got.Records[0], reconcile.Field(field), reconcile.FlagCode(code)) {
				t.Errorf("%s: first record lacks flag %s (flags: %v)", label, fl, got.Records[0].Flags)
			}
		}
		checkLayoutChecks(t, label, got, ws)
		for _, w := range ws.Warnings {
			found := false
			for _, g := range got.Warnings {
				if strings.Contains(g.Text, w) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no warning contains %q (warnings: %q)", label, w, reconcile.NoteTexts(got.Warnings))
			}
		}
	}
}

// needsConversion reports whether a file is a legacy .xls (an OLE
// container) or an .ods, which are read through LibreOffice.
func needsConversion(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	return bytes.HasPrefix(b, magicOLE) || bytes.Contains(b[:min(len(b), 200)], []byte("opendocument.spreadsheet"))
}

func sheetNames(f *File) []string {
	var out []string
	for _, s := range f.Sheets {
		out = append(out, s.Sheet)
	}
	return out
}

// columnNumber is the 1-based number of a column letter ("A" = 1), 0
// when it is not one.
func columnNumber(s string) int {
	n := 0
	for _, c := range s {
		if c < 'A' || c > 'Z' || n > 16384 {
			return 0
		}
		n = n*26 + int(c-'A'+1)
	}
	return n
}

// checkLayoutChecks compares the total-row checks, hidden rows and flag
// counts of a data sheet.
func checkLayoutChecks(t *testing.T, label string, got *SheetResult, ws layoutSheet) {
	t.Helper()
	if ws.Totals != nil {
		var checks []string
		for _, c := range got.Totals {
			checks = append(checks, c.String())
		}
		if len(checks) != len(ws.Totals) {
			t.Errorf("%s: %d total checks %q, want %d", label, len(checks), checks, len(ws.Totals))
		} else {
			for i, w := range ws.Totals {
				if !strings.Contains(checks[i], w) {
					t.Errorf("%s: total check %d is %q, want it to contain %q", label, i, checks[i], w)
				}
			}
		}
	}
	if got.HiddenRows != ws.HiddenRows {
		t.Errorf("%s: %d hidden rows, want %d", label, got.HiddenRows, ws.HiddenRows)
	}
	for fl, n := range ws.FlagCounts {
		field, code, _ := strings.Cut(fl, ":")
		c := 0
		for _, r := range got.Records {
			if hasFlag(r, reconcile.Field(field), reconcile.FlagCode(code)) {
				c++
			}
		}
		if c != n {
			t.Errorf("%s: %d records flagged %s, want %d", label, c, fl, n)
		}
	}
}
