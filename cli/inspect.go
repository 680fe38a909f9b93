package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// inspectSheet is the JSON shape of one sheet in `inspect --json`.
type inspectSheet struct {
	Name      string          `json:"name"`
	HeaderRow int             `json:"header_row"`
	Rows      int             `json:"rows"`
	Skipped   map[string]int  `json:"skipped"`
	Columns   []inspectColumn `json:"columns"`
	Warnings  []string        `json:"warnings"`
	// Units and Currencies are those detected in the mapped columns'
	// headers or unit/currency columns ("kg", "t"; "USD", "EUR").
	Units      []string `json:"units"`
	Currencies []string `json:"currencies"`
	Error      string   `json:"error,omitempty"` // a sheet that could not be read (no table, not a data sheet, needs mapping, damaged data)
	// Checks: total rows against the rows read. Flags counts the rows'
	// flags by "field:code" (hs_code:restored_zero, net_weight:unit_conflict).
	Checks     []string       `json:"checks,omitempty"`
	Flags      map[string]int `json:"flags,omitempty"`
	HiddenRows int            `json:"hidden_rows,omitempty"`
	// Flow is what the sheet states about its trade flow ("export" or
	// "import", "" when nothing), FlowWhy what says so, Country the
	// declaring country it names.
	Flow    string `json:"flow,omitempty"`
	FlowWhy string `json:"flow_why,omitempty"`
	Country string `json:"declaring_country,omitempty"`
	// CountryWhy says what names the declaring country when the
	// declaration numbers do.
	CountryWhy string `json:"declaring_country_why,omitempty"`
	// Constants are fixed values of fields for the whole sheet and where
	// each came from ("banner row 2 (…)"); Period is the span the banner
	// states, with From/To as ISO dates.
	Constants []read.Constant `json:"constants,omitempty"`
	Period    *inspectPeriod  `json:"period,omitempty"`
	// For the text output only.
	gran reconcile.Granularity
	cols []read.Column
}

type inspectPeriod struct {
	From string `json:"from"`
	To   string `json:"to"`
	Row  int    `json:"row"`
	Text string `json:"text"`
}

type inspectColumn struct {
	Index    int    `json:"index"`
	Header   string `json:"header"`
	Field    string `json:"field"`
	Unit     string `json:"unit,omitempty"`     // of a weight column: "kg" or "t", from its header or values
	Currency string `json:"currency,omitempty"` // of a value column, from its header
	// Reason says why the column was mapped (or not): the rule, and the
	// synonym and table that matched ("consignee name [consignee
	// “ithalatci” (tr.tsv)]"), or the content or user's decision.
	Reason string `json:"reason"`
}

// inspectFile is the JSON shape of one file; Error replaces Sheets when
// the file cannot be read.
type inspectFile struct {
	File string `json:"file"`
	// Format is how the file was read: xlsx, csv, xls or ods (through
	// LibreOffice), html, xml2003. Encoding is a text file's or HTML
	// page's detected encoding.
	Format   string         `json:"format,omitempty"`
	Encoding string         `json:"encoding,omitempty"`
	Sheets   []inspectSheet `json:"sheets,omitempty"`
	Error    string         `json:"error,omitempty"`
	text     string         // encoding and delimiter of a text table (text output only)
}

func runInspect(env *Env, args []string) int {
	fs := newFlagSet(env, "inspect")
	asJSON := fs.Bool("json", false, "print JSON: one object per file (an array for several files)")
	password := fs.String("password", "", "password of protected workbooks")
	noSaved := noSavedFlag(fs)
	files, err := parseArgs(env, fs, args)
	if errors.Is(err, errHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitUsage
	}
	if len(files) == 0 {
		return usageError(env, "inspect", "no files given")
	}
	opt := read.Options{Password: *password, Mappings: savedMappings(env, "inspect", *noSaved)}
	code := ExitOK
	seen := map[string]string{}
	type statPath struct {
		path string
		fi   os.FileInfo
	}
	var stats []statPath
	var results []inspectFile
	for _, path := range files {
		key := path
		if abs, err := filepath.Abs(path); err == nil {
			key = abs
		}
		first, dup := seen[key]
		if fi, err := os.Stat(path); err == nil && !dup {
			// The same file under another name (a link, "./a.xlsx").
			for _, s := range stats {
				if os.SameFile(fi, s.fi) {
					first, dup = s.path, true
				}
			}
			if !dup {
				stats = append(stats, statPath{path, fi})
			}
		}
		if dup {
			fmt.Fprintf(env.Stderr, "tradecheck-cli inspect: %s: given twice (same file as %s); read once\n", path, first)
			continue
		}
		seen[key] = path
		res, ok := inspectOne(path, opt)
		if !ok {
			code = ExitInput
			fmt.Fprintf(env.Stderr, "tradecheck-cli inspect: %s\n", res.Error)
		}
		if !*asJSON {
			printInspectText(env.Stdout, res)
		}
		results = append(results, res)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		var v any = results
		if len(files) == 1 && len(results) == 1 {
			v = results[0]
		}
		if err := enc.Encode(v); err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli inspect: %s\n", explain(err))
			return ExitInput
		}
	}
	return code
}

// inspectOne reads one file without keeping its records. ok is false when
// the file, or every sheet of it, could not be read.
func inspectOne(path string, opt read.Options) (inspectFile, bool) {
	res := inspectFile{File: path}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		res.Error = (&reconcile.Error{File: path, Err: reconcile.ErrIsDirectory, Hint: "give the spreadsheet files inside it"}).Error()
		return res, false
	}
	w, err := read.Open(path, opt)
	if err != nil {
		res.Error = explain(err)
		return res, false
	}
	defer w.Close()
	res.Format, res.Encoding = w.Format(), w.Encoding()
	if enc, d, ok := w.TextFormat(); ok {
		delim := fmt.Sprintf("%q", string(d))
		if d == '\t' {
			delim = "tab"
		}
		res.text = fmt.Sprintf("%s, %s-separated", enc, delim)
	}
	good := 0
	for _, name := range w.Sheets() {
		sh := inspectSheet{Name: name, Skipped: map[string]int{}, Columns: []inspectColumn{}, Warnings: []string{}, Units: []string{}, Currencies: []string{}}
		sr, err := w.Sheet(name)
		if err != nil {
			sh.Error = explain(err)
			res.Sheets = append(res.Sheets, sh)
			continue
		}
		rows := 0
		var readErr error
		for {
			rec, err := sr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				readErr = err
				break
			}
			rows++
			for _, f := range rec.Flags {
				if sh.Flags == nil {
					sh.Flags = map[string]int{}
				}
				sh.Flags[string(f.Field)+":"+string(f.Code)]++
			}
		}
		for _, c := range sr.TotalChecks() {
			sh.Checks = append(sh.Checks, c.String())
		}
		sh.HiddenRows = sr.HiddenRows()
		sh.Constants = sr.Constants()
		if p := sr.Period(); p.Known() {
			sh.Period = &inspectPeriod{From: p.From.String(), To: p.To.String(), Row: p.Row, Text: p.Text}
		}
		if err := sr.NeedsMapping(); err != nil && readErr == nil {
			readErr = err
		}
		sh.HeaderRow, sh.Rows = sr.HeaderRow(), rows
		for reason, n := range sr.SkipCounts() {
			sh.Skipped[string(reason)] = n
		}
		for _, c := range sr.Columns() {
			ic := inspectColumn{Index: c.Index, Header: c.Header, Field: string(c.Field), Currency: c.Currency, Reason: withFlags(c.Why())}
			if c.Field == reconcile.FieldNetWeight || c.Field == reconcile.FieldGrossWeight {
				ic.Unit = c.Unit
			}
			sh.Columns = append(sh.Columns, ic)
		}
		sh.Units, sh.Currencies = read.DetectedUnits(sr.Columns())
		sh.Warnings = append(sh.Warnings, reconcile.NotesWith(sr.Warnings(), how)...)
		sh.cols, sh.gran = sr.Columns(), sr.Granularity()
		if st := sr.Flow(); st.Flow != "" || st.Country != "" {
			sh.Flow, sh.FlowWhy, sh.Country, sh.CountryWhy = st.Flow, st.Why, st.Country, st.CountryWhy
		}
		if readErr != nil {
			sh.Error = reconcile.Explain(readErr, func(s reconcile.Step) string {
				if s.Fix != reconcile.FixMapColumns || s.Column > 0 {
					return how(s)
				}
				var heads []string
				var fields []reconcile.Field
				for _, c := range sr.Columns() {
					if c.UnitFor != "" || c.CurrencyFor {
						c.Header = "" // a unit or currency column is no party or date
					}
					heads, fields = append(heads, c.Header), append(fields, c.Field)
				}
				return mapHow(s.File, s.Sheet, firstUnmapped(heads, fields))
			})
		} else {
			good++
		}
		sr.Close()
		res.Sheets = append(res.Sheets, sh)
	}
	if good == 0 {
		msgs := []string{}
		for _, s := range res.Sheets {
			if s.Error != "" {
				msgs = append(msgs, s.Error)
			}
		}
		if len(msgs) > 0 && len(res.Sheets) == 1 {
			res.Error = msgs[0]
			res.Sheets = nil
		} else if len(msgs) > 0 {
			res.Error = fmt.Sprintf("%s: no sheet could be read (%s)", path, strings.Join(msgs, "; "))
		}
		return res, res.Error == ""
	}
	return res, true
}

func printInspectText(w io.Writer, f inspectFile) {
	fmt.Fprintf(w, "%s\n", f.File)
	if f.Format != "" {
		fmt.Fprintf(w, "  format %s", f.Format)
		if f.Encoding != "" {
			fmt.Fprintf(w, ", encoding %s", f.Encoding)
		}
		fmt.Fprintln(w)
	}
	if f.Error != "" {
		fmt.Fprintf(w, "  error: %s\n\n", f.Error)
		return
	}
	for _, s := range f.Sheets {
		name := s.Name
		if name == "" {
			name = "(text table: " + f.text + ")"
		} else {
			name = fmt.Sprintf("sheet %q", name)
		}
		if len(s.Units) > 0 || len(s.Currencies) > 0 {
			fmt.Fprintf(w, "  %s: units %s; currencies %s\n", name, orNone(strings.Join(s.Units, ", ")), orNone(strings.Join(s.Currencies, ", ")))
		}
		if s.Error != "" && s.HeaderRow == 0 {
			fmt.Fprintf(w, "  %s: %s\n", name, s.Error)
			continue
		}
		total := 0
		var reasons []string
		for r, n := range s.Skipped {
			total += n
			reasons = append(reasons, fmt.Sprintf("%s %d", r, n))
		}
		sort.Strings(reasons)
		fmt.Fprintf(w, "  %s: header row %d, %d data rows, %d skipped", name, s.HeaderRow, s.Rows, total)
		if len(reasons) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(reasons, ", "))
		}
		fmt.Fprintf(w, ", %s rows\n", s.gran)
		if s.Flow != "" {
			fmt.Fprintf(w, "    flow: %s declarations (%s)", s.Flow, s.FlowWhy)
			if s.Country != "" {
				fmt.Fprintf(w, ", declaring country %s", s.Country)
			}
			fmt.Fprintln(w)
		}
		if s.CountryWhy != "" {
			fmt.Fprintf(w, "    declared in %s: %s", s.Country, s.CountryWhy)
			if s.Flow != reconcile.FlowExport && !hasField(s.cols, reconcile.FieldDestinationCountry) {
				if s.Flow == reconcile.FlowImport {
					fmt.Fprintf(w, "; rows without a destination take %s (an import declaration's destination is the declaring country)", s.Country)
				} else {
					fmt.Fprintf(w, "; rows without a destination whose goods were dispatched from another country are imports into %s and take it as destination", s.Country)
				}
			}
			fmt.Fprintln(w)
		}
		for _, c := range s.cols {
			field := string(c.Field)
			if field == "" {
				field = "-"
			}
			extra := ""
			if c.Currency != "" {
				// A value header in thousands ("th. USD", "тыс. долл.")
				// is multiplied on reading: say so, or 168.5 beside
				// [USD] reads as if taken as it stands.
				if c.Factor > 1 && c.Field != reconcile.FieldNetWeight && c.Field != reconcile.FieldGrossWeight {
					extra += " [×" + strconv.FormatFloat(c.Factor, 'f', -1, 64) + " " + c.Currency + "]"
				} else {
					extra += " [" + c.Currency + "]"
				}
			}
			if c.Unit != "" && (c.Field == reconcile.FieldNetWeight || c.Field == reconcile.FieldGrossWeight) {
				extra += " [" + c.Unit + "]"
			}
			fmt.Fprintf(w, "    %-4s %-32s %-20s %s\n", reconcile.ColumnName(c.Index+1), clip(c.Header, 32), field+extra, clip(strings.Join(c.Samples, " | "), 60))
			if c.Reason != "" {
				fmt.Fprintf(w, "         why: %s\n", withFlags(c.Why()))
			}
		}
		for _, c := range s.Constants {
			fmt.Fprintf(w, "    fixed: %s = %s, from %s\n", c.Field, c.Value, c.From)
		}
		if p := s.Period; p != nil {
			fmt.Fprintf(w, "    period: %s – %s, from banner row %d (“%s”)\n", p.From, p.To, p.Row, p.Text)
		}
		if s.Error != "" {
			fmt.Fprintf(w, "    error: %s\n", s.Error)
		}
		for _, warn := range s.Warnings {
			fmt.Fprintf(w, "    warning: %s\n", warn)
		}
		for _, c := range s.Checks {
			fmt.Fprintf(w, "    check: %s\n", c)
		}
		if len(s.Flags) > 0 {
			var fl []string
			for k, n := range s.Flags {
				fl = append(fl, fmt.Sprintf("%s %d", k, n))
			}
			sort.Strings(fl)
			fmt.Fprintf(w, "    flags: %s\n", strings.Join(fl, ", "))
		}
	}
	fmt.Fprintln(w)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// hasField reports whether a column is mapped to f.
func hasField(cols []read.Column, f reconcile.Field) bool {
	for _, c := range cols {
		if c.Field == f {
			return true
		}
	}
	return false
}
