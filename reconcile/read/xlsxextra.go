package read

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// parseCurrencyStyles returns, per cellXfs entry, the currency its custom
// number format shows ("$#,##0.00", "#,##0.00 [$€-407]", `#,##0" руб."`),
// "" when none. Built-in formats 5–8 show the system's currency, which
// the file does not name, so they give none.
func parseCurrencyStyles(st *stylesPart) []string {
	custom := map[int]string{}
	for _, f := range st.NumFmts {
		if c := formatCurrency(f.Code); c != "" {
			custom[f.ID] = c
		}
	}
	if len(custom) == 0 {
		return nil
	}
	out := make([]string, len(st.XFs))
	for i, xf := range st.XFs {
		out[i] = custom[xf.NumFmtID]
	}
	return out
}

// formatCurrency finds the currency of a number format's positive part:
// a [$…] locale tag ("[$€-407]", "[$USD]"), a currency sign, or a quoted
// word ("руб."). Two different currencies give "".
func formatCurrency(code string) string {
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	found := ""
	add := func(s string) bool {
		c, ok := values.Currency(strings.TrimSpace(s))
		if !ok {
			return true
		}
		if found != "" && found != c {
			found = ""
			return false
		}
		found = c
		return true
	}
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '[' && i+1 < len(code) && code[i+1] == '$':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return found
			}
			tag := code[i+2 : i+end]
			tag, _, _ = strings.Cut(tag, "-")
			if !add(tag) {
				return ""
			}
			i += end
		case c == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return found
			}
			i += end // [Red], [>=100]
		case c == '"':
			end := strings.IndexByte(code[i+1:], '"')
			if end < 0 {
				return found
			}
			if !add(code[i+1 : i+1+end]) {
				return ""
			}
			i += end + 1
		case c == '$':
			if !add("$") {
				return ""
			}
		case c >= 0x80:
			r := []rune(code[i:])[0]
			if strings.ContainsRune("€₽£₺₸₹₩₴", r) && !add(string(r)) {
				return ""
			}
			i += len(string(r)) - 1
		}
	}
	return found
}

// aggFormula matches a SUM, SUBTOTAL or AGGREGATE formula and its first
// range: the cells a total row adds up.
var aggFormula = regexp.MustCompile(`^=?\s*(?:_XLFN\.)?(?:SUM|SUBTOTAL|AGGREGATE)\s*\(\s*(?:\d+\s*,\s*)?(?:\d+\s*,\s*)?\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)`)

// verticalAgg reports a formula that sums rows above it in its own column
// (=SUM(F2:F10) in F11): a total. =SUM(B5:D5) adds the parts of its own
// row and is data.
func verticalAgg(formula []byte, col, row int) bool {
	m := aggFormula.FindSubmatch(bytes.ToUpper(bytes.TrimSpace(formula)))
	if m == nil {
		return false
	}
	own := reconcile.ColumnName(col + 1)
	end, err := strconv.Atoi(string(m[4]))
	return err == nil && string(m[1]) == own && string(m[3]) == own && end < row
}

// markHiddenColumns records a <col min max hidden="1"> element.
func (s *sheetScanner) markHiddenColumns(attrs []byte) {
	if v, ok := attr(attrs, "hidden"); !ok || (string(v) != "1" && string(v) != "true") {
		return
	}
	lo, _ := attr(attrs, "min")
	hi, _ := attr(attrs, "max")
	a, b := atoiBytes(lo), atoiBytes(hi)
	if a < 1 || b < a {
		return
	}
	b = min(b, 1024) // columns past the sampled width never compete for a field
	for len(s.hiddenCols) < b {
		s.hiddenCols = append(s.hiddenCols, false)
	}
	for i := a - 1; i < b; i++ {
		s.hiddenCols[i] = true
	}
}

// hiddenColumns returns, per 0-based column, whether it is hidden.
func (s *sheetScanner) hiddenColumns() []bool { return s.hiddenCols }

// loadStyles reads the number formats that make a number a date or give
// it a currency. A damaged styles part does not stop the reading (the
// cells are still there), but dates may then read as plain numbers, so
// every sheet warns.
func (b *xlsxBook) loadStyles(parts []string) {
	var part string
	var data []byte
	var err error
	for _, part = range parts {
		if data, err = b.readSmall(part); err != nil || data != nil {
			break
		}
	}
	if err == nil && data == nil {
		return // no styles: no cell is formatted
	}
	var st stylesPart
	if err == nil {
		err = xml.Unmarshal(data, &st)
	}
	if err != nil {
		b.warnings = append(b.warnings, fmt.Sprintf("the styles part %s is damaged (%s): dates stored as numbers may not be recognised and currencies shown only by a number format are not known", part, errText(err)))
		return
	}
	b.dateXF = parseDateStyles(&st)
	b.curXF = parseCurrencyStyles(&st)
}

// errText is err's message without the file name a *reconcile.Error
// starts with, for a warning that is already about that file.
func errText(err error) string {
	var re *reconcile.Error
	if errors.As(err, &re) {
		re := *re
		re.File = ""
		return strings.TrimPrefix(re.Error(), ": ")
	}
	return err.Error()
}
