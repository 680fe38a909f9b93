package ui

import (
	"strconv"
	"strings"

	"tradecheck/reconcile/values"
)

// fixed writes v with exactly prec decimals, so a column lines up, and
// thousands separators: fixed(1924.1, 3) = "1,924.100".
func fixed(v float64, prec int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	whole, frac, _ := strings.Cut(s, ".")
	w, _ := strconv.ParseFloat(whole, 64) // after rounding: 0.9999 → "1"
	if frac != "" {
		frac = "." + frac
	}
	return sign + values.FormatNumber(w, 0) + frac
}

// tidyCell removes binary float noise from a cell as a spreadsheet stores
// it ("8773.700000000001" → "8773.7"), the way Excel shows it: 15
// significant digits. Anything else, codes with leading zeros included,
// is returned as written.
func tidyCell(s string) string {
	if len(s) < 16 || strings.ContainsAny(s, "eE+ ") {
		return s
	}
	if d := strings.TrimPrefix(s, "-"); len(d) > 1 && d[0] == '0' && d[1] != '.' {
		return s // a code such as an HS code: its leading zero matters
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return s
	}
	if t := strconv.FormatFloat(r, 'f', -1, 64); len(t) < len(s) {
		return t
	}
	return s
}
