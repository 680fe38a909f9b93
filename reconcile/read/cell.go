package read

import (
	"math"
	"strconv"
	"time"
)

// cellKind is what a raw cell holds.
type cellKind uint8

const (
	kindEmpty   cellKind = iota
	kindString           // text as written
	kindNumber           // a typed number; s is its canonical text
	kindDate             // a number with a date format; s is ISO 8601
	kindBool             // TRUE or FALSE
	kindError            // an Excel error such as #N/A
	kindFormula          // a formula without a cached value; s is the formula
)

// cell is one raw cell of a row.
type cell struct {
	s string
	k cellKind
	// agg marks a SUM or SUBTOTAL formula over the rows above in the
	// cell's own column: the cell of a total row.
	agg bool
	// cur is the currency a typed number's format shows ("$#,##0.00"),
	// "" when none.
	cur string
}

// rawRow is one row as the file holds it. num is 1-based as Excel shows it.
type rawRow struct {
	num     int
	cells   []cell
	hidden  bool
	tooWide bool // had cells beyond MaxColumns (not kept)
	line    int  // CSV: first physical line of the record
	bad     string
	cut     bool // CSV: the line was longer than csvMaxRecordBytes and is not read
}

func (r *rawRow) text(i int) string {
	if i < 0 || i >= len(r.cells) {
		return ""
	}
	return r.cells[i].s
}

func (r *rawRow) strings() []string {
	out := make([]string, len(r.cells))
	for i, c := range r.cells {
		out[i] = c.s
	}
	return out
}

func (r *rawRow) blank() bool {
	for _, c := range r.cells {
		if c.k != kindEmpty && !isBlankText(c.s) {
			return false
		}
	}
	return true
}

func isBlankText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
		default:
			if s[i] >= 0x80 {
				for _, r := range s[i:] {
					if r != '\u00a0' && r != '\u202f' && r != '\ufeff' && r != ' ' && r != '\t' && r != '\r' && r != '\n' {
						return false
					}
				}
				return true
			}
			return false
		}
	}
	return true
}

// rowSource yields raw rows in order. next returns nil, nil at the end.
type rowSource interface {
	next() (*rawRow, error)
	close() error
}

// excelDate converts an Excel serial to ISO 8601 text: a date, or a date
// and time when the serial has a fraction. Serial 60 (Excel's phantom
// 29 Feb 1900) and out-of-range serials return ok=false.
func excelDate(serial float64, date1904 bool) (string, bool) {
	if math.IsNaN(serial) || serial < 0 || serial > 2958465 {
		return "", false
	}
	var base time.Time
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case serial >= 61:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	case serial == 60 || serial < 1:
		return "", false
	default:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	days := math.Floor(serial)
	frac := serial - days
	t := base.AddDate(0, 0, int(days))
	secs := int(math.Round(frac * 86400))
	if secs == 0 || secs >= 86400 {
		return t.Format("2006-01-02"), true
	}
	t = t.Add(time.Duration(secs) * time.Second)
	return t.Format("2006-01-02T15:04:05"), true
}

// canonicalNumber renders a typed cell's number without exponent noise
// when it is an integer (tax IDs stored as numbers: 7.722476458E9).
func canonicalNumber(raw string) string {
	for i := 0; i < len(raw); i++ {
		if raw[i] == 'E' || raw[i] == 'e' {
			f, err := strconv.ParseFloat(raw, 64)
			if err != nil {
				return raw
			}
			if f == math.Trunc(f) && math.Abs(f) < 1e18 {
				return strconv.FormatFloat(f, 'f', -1, 64)
			}
			return raw
		}
	}
	return raw
}

// shownNumber renders a typed number as Excel shows it, to 15
// significant digits: a cell holding 9.800000000000001 (a computed
// double) shows 9.8. Only samples are shown so (inspect, the Sources
// screen); the value read keeps every digit the file stores.
func shownNumber(s string) string {
	if len(s) <= 15 {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.Abs(f) >= 1e15 {
		return s
	}
	g, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(g, 'f', -1, 64)
}
