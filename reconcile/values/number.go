package values

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// NumberHint carries what a column's other cells say about its locale.
type NumberHint uint8

// Number hints.
const (
	HintNone         NumberHint = iota
	HintDecimalComma            // the column's cells use ',' as decimal separator
	HintDecimalPoint
	// HintLoneDecimal says a lone ',' or '.' followed by three digits
	// ("3.471", "1,250") is the decimal separator whichever it is: the
	// column is in tonnes, where three decimals are kilograms, or the file
	// writes its thousands without grouping ("1250").
	HintLoneDecimal
	// HintLoneThousands says a lone ',' or '.' followed by three digits is
	// the thousands separator whichever it is: the evidence (a total row,
	// the magnitudes of the column's other figures) settled it so.
	HintLoneThousands
)

// String names the hint for logs and the inspect command.
func (h NumberHint) String() string {
	switch h {
	case HintDecimalComma:
		return "decimal comma"
	case HintDecimalPoint:
		return "decimal point"
	case HintLoneDecimal:
		return "lone separator is decimal"
	case HintLoneThousands:
		return "lone separator is thousands"
	}
	return "none"
}

// maxGroups bounds the digit groups of one number: 16 groups of three is a
// 48-digit integer part, far past any customs figure.
const maxGroups = 16

// Separator kinds between digit groups.
const (
	sepComma byte = ','
	sepDot   byte = '.'
	sepGroup byte = ' ' // space, NBSP, narrow NBSP, thin space or apostrophe: only ever thousands
)

// numScan is the shape of a number as written: its sign, its digit groups
// and the separators between them, and its exponent.
type numScan struct {
	s                    string // the mantissa text the offsets point into
	neg                  bool
	n                    int             // number of groups
	gs, ge               [maxGroups]int  // group i is s[gs[i]:ge[i]]; only group 0 may be empty
	sep                  [maxGroups]byte // sep[i] precedes group i (i ≥ 1)
	hasExp               bool            // an exponent follows
	exp                  int             // its value, clamped to ±9999
	commas, dots, groups int             // separator counts
}

// scanNumber splits s into sign, digit groups and exponent. It checks the
// characters, not the grouping: that is interpret's job.
func scanNumber(s string, sc *numScan) bool {
	s = trimSpace(s)
	if len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' {
		// Accounting negative: "(12.5)". A sign inside as well is nonsense.
		sc.neg = true
		s = trimSpace(s[1 : len(s)-1])
		if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
			return false
		}
	}
	switch {
	case len(s) > 0 && (s[0] == '-' || s[0] == '+'):
		if s[0] == '-' {
			sc.neg = !sc.neg
		}
		s = trimSpace(s[1:])
	case len(s) >= 3 && s[:3] == "\u2212": // Unicode minus sign
		sc.neg = !sc.neg
		s = trimSpace(s[3:])
	}
	sc.s = s
	sc.n = 1
	sc.gs[0], sc.ge[0] = 0, 0
	i := 0
	for i < len(s) {
		c := s[i]
		var sep byte
		size := 1
		switch {
		case c >= '0' && c <= '9':
			sc.ge[sc.n-1] = i + 1
			i++
			continue
		case c == ',':
			sep = sepComma
		case c == '.':
			sep = sepDot
		case c == ' ' || c == '\'':
			sep = sepGroup
		case c == 'e' || c == 'E':
			return scanExp(s[i+1:], sc)
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != '\u00a0' && r != '\u202f' && r != '\u2009' && r != '\u2007' && r != '’' {
				return false
			}
			sep, size = sepGroup, n
		default:
			return false
		}
		// A separator must follow digits, except a leading decimal
		// separator (",5", ".5"), and must be followed by a digit.
		last := sc.n - 1
		if sc.ge[last] == sc.gs[last] && (last > 0 || sep == sepGroup) {
			return false
		}
		if sc.n == maxGroups {
			return false
		}
		i += size
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		sc.sep[sc.n] = sep
		sc.gs[sc.n], sc.ge[sc.n] = i, i
		sc.n++
		switch sep {
		case sepComma:
			sc.commas++
		case sepDot:
			sc.dots++
		default:
			sc.groups++
		}
	}
	return sc.ge[sc.n-1] > sc.gs[sc.n-1]
}

// scanExp reads an exponent's optional sign and one to four digits.
func scanExp(s string, sc *numScan) bool {
	if sc.ge[sc.n-1] == sc.gs[sc.n-1] {
		return false // "e5" or "1,e5"
	}
	neg := false
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 4 {
		return false
	}
	e := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		e = e*10 + int(s[i]-'0')
	}
	if neg {
		e = -e
	}
	sc.hasExp, sc.exp = true, e
	return true
}

// decimalIndex decides which group, if any, is the fraction: it returns
// the index of the group after the decimal separator, 0 when there is
// none, or -1 when the grouping is invalid. ambiguous reports a lone
// "1,234"/"1.234" that only the hint settled.
func (sc *numScan) decimalIndex(hint NumberHint) (idx int, ambiguous bool) {
	last := sc.n - 1
	switch {
	case sc.commas == 0 && sc.dots == 0:
		return 0, false
	case sc.commas > 0 && sc.dots > 0:
		// Both: the last one is the decimal separator and appears once,
		// at the last position ("1.234,5", "1,234.5"; not "1,2,3.4.5").
		// A number uses one thousands separator, so spaces as well are
		// nonsense ("1 234.567,8").
		d := sc.sep[last]
		if sc.groups > 0 || d == sepGroup || (d == sepComma && sc.commas != 1) || (d == sepDot && sc.dots != 1) {
			return -1, false
		}
		return last, false
	}
	// One kind of ',' or '.', k times.
	d, k := sepComma, sc.commas
	if sc.dots > 0 {
		d, k = sepDot, sc.dots
	}
	if sc.groups > 0 {
		// Spaces or apostrophes group the thousands, so a ',' or '.' is
		// the decimal separator: once, last.
		if k != 1 || sc.sep[last] != d {
			return -1, false
		}
		return last, false
	}
	if k > 1 {
		return 0, false // "1,234,567": all thousands
	}
	// A lone separator. It is the decimal separator unless the number
	// could be thousands: integer part 1-3 digits without a leading zero,
	// exactly three digits after, no exponent.
	first := sc.s[sc.gs[0]:sc.ge[0]]
	if len(first) == 0 || len(first) > 3 || first[0] == '0' || sc.ge[1]-sc.gs[1] != 3 || sc.hasExp {
		return 1, false
	}
	switch {
	case hint == HintDecimalComma && d == sepComma, hint == HintDecimalPoint && d == sepDot, hint == HintLoneDecimal:
		return 1, true
	}
	return 0, true
}

// validGrouping checks thousands groups before the fraction at dec (0 for
// none): the first group 1-3 digits without a leading zero, each later
// one exactly three digits.
func (sc *numScan) validGrouping(dec int) bool {
	end := sc.n
	if dec > 0 {
		end = dec
	}
	if end == 1 {
		return true
	}
	first := sc.s[sc.gs[0]:sc.ge[0]]
	if len(first) == 0 || len(first) > 3 || first[0] == '0' {
		return false
	}
	for i := 1; i < end; i++ {
		if sc.ge[i]-sc.gs[i] != 3 {
			return false
		}
	}
	return true
}

// ParseNumber parses "1 234,5", "1,234.5", "1.234,5", "1234", "-12.5",
// "1 234,5" with NBSP or narrow NBSP, "1'234.5", "(12)" accounting
// negatives, "+5", "1.2E+3"; "12%" is not a number, nor is "1,2,3.4.5".
//
// Ambiguous single separators ("1,234" / "1.234") resolve as thousands
// when followed by exactly three digits and no other separator, unless
// hint says the column uses that character as its decimal separator. So
// without a hint "1,234" is 1234 but "1,5" and "1,2345" are decimals (they
// cannot be thousands), as is "0,125". The hint only settles that one
// case: "1.234,5" is 1234.5 whatever the hint says.
func ParseNumber(s string, hint NumberHint) (float64, bool) {
	v, _, ok := ParseNumberUnsettled(s, hint)
	return v, ok
}

// ParseNumberUnsettled is ParseNumber also reporting a lone "1,234" or
// "1.234" that no hint settled: it was read as thousands (1234) by default,
// but could as well be a decimal (1.234). Callers where that matters (a
// weight in kilograms, where three decimals are grams) flag it.
func ParseNumberUnsettled(s string, hint NumberHint) (v float64, unsettled, ok bool) {
	var sc numScan
	if !scanNumber(s, &sc) {
		return 0, false, false
	}
	dec, ambiguous := sc.decimalIndex(hint)
	if dec < 0 || !sc.validGrouping(dec) {
		return 0, false, false
	}
	v, ok = sc.value(dec)
	if !ok {
		return 0, false, false
	}
	if sc.neg && v != 0 {
		v = -v
	}
	return v, ambiguous && hint == HintNone, true
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// value computes the magnitude. Most cells have at most 15 significant
// digits and a small exponent: then mantissa and power of ten are both
// exact in float64 and one multiplication or division rounds correctly
// (Clinger's fast path). Anything else goes through strconv.
func (sc *numScan) value(dec int) (float64, bool) {
	var m uint64
	digits, frac := 0, 0
	for g := 0; g < sc.n; g++ {
		for i := sc.gs[g]; i < sc.ge[g]; i++ {
			if m == 0 && sc.s[i] == '0' && (dec == 0 || g < dec) {
				continue // leading zeros of the integer part
			}
			m = m*10 + uint64(sc.s[i]-'0')
			digits++
			if dec > 0 && g >= dec {
				frac++
			}
			if digits > 15 {
				return sc.slowValue(dec)
			}
		}
	}
	e := sc.exp - frac
	switch {
	case m == 0:
		return 0, true
	case e == 0:
		return float64(m), true
	case e > 0 && e <= 22:
		return float64(m) * pow10[e], true
	case e < 0 && e >= -22:
		return float64(m) / pow10[-e], true
	}
	return sc.slowValue(dec)
}

// slowValue rebuilds the number in Go syntax and lets strconv round it.
func (sc *numScan) slowValue(dec int) (float64, bool) {
	var buf [80]byte
	b := buf[:0]
	for g := 0; g < sc.n; g++ {
		if dec > 0 && g == dec {
			b = append(b, '.')
		}
		b = append(b, sc.s[sc.gs[g]:sc.ge[g]]...)
	}
	if len(b) == 0 || b[0] == '.' {
		b = append([]byte{'0'}, b...)
	}
	if sc.hasExp {
		b = append(b, 'e')
		b = strconv.AppendInt(b, int64(sc.exp), 10)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// GuessNumberHint looks at a column's sample cells and decides its locale.
// A cell votes for a decimal comma when its comma can only be a decimal
// separator ("12,5", "1 234,56", "1.234,56", "1.234.567") and for a
// decimal point likewise ("12.5", "1,234.56", "1,234,567"). Lone
// "1,234"-style cells do not vote. When both kinds of vote appear the
// column is mixed and the answer is HintNone, so ParseNumber falls back to
// its documented default rather than to a guess.
func GuessNumberHint(samples []string) NumberHint {
	return CountNumberVotes(samples).Hint()
}

// NumberVotes is what a set of cells says about its decimal separator.
// Votes of several columns add up, so a file decides as a whole: a value
// column with "50000.50" settles a weight column's "3.471".
type NumberVotes struct {
	Comma, Point int // cells whose ',' or '.' can only be a decimal separator
	// Plain counts integers of 1000 or more written without any grouping
	// ("1250"): a file that does not group its thousands writes a lone
	// separator only as a decimal one.
	Plain int
	// Lone counts ambiguous cells ("1,234", "3.471") that vote for nothing.
	Lone int
}

// Add adds o's votes to v.
func (v *NumberVotes) Add(o NumberVotes) {
	v.Comma += o.Comma
	v.Point += o.Point
	v.Plain += o.Plain
	v.Lone += o.Lone
}

// Hint is the locale the votes decide: a decimal comma or point when only
// one kind voted, HintLoneDecimal when no cell voted for either but
// thousands are written without grouping, HintNone otherwise (mixed or no
// evidence).
func (v NumberVotes) Hint() NumberHint {
	switch {
	case v.Comma > 0 && v.Point == 0:
		return HintDecimalComma
	case v.Point > 0 && v.Comma == 0:
		return HintDecimalPoint
	case v.Comma == 0 && v.Point == 0 && v.Plain > 0:
		return HintLoneDecimal
	}
	return HintNone
}

// CountNumberVotes counts the votes of sample cells (see GuessNumberHint).
func CountNumberVotes(samples []string) NumberVotes {
	var v NumberVotes
	for _, s := range samples {
		var sc numScan
		if !scanNumber(s, &sc) {
			// "2.500,5 kg" votes as "2.500,5": a cell's own unit says
			// nothing against its separators.
			num, u, ok := SplitNumberUnit(s)
			if !ok || u.Kind == UnitUnknown || !scanNumber(num, &sc) {
				continue
			}
		}
		dec, ambiguous := sc.decimalIndex(HintNone)
		if ambiguous {
			v.Lone++
			continue
		}
		if dec < 0 || !sc.validGrouping(dec) {
			continue
		}
		switch {
		case dec > 0 && sc.sep[dec] == sepComma:
			v.Comma++
		case dec > 0 && sc.sep[dec] == sepDot:
			v.Point++
		case sc.commas > 1:
			v.Point++
		case sc.dots > 1:
			v.Comma++
		case sc.n == 1 && !sc.hasExp && sc.ge[0]-sc.gs[0] >= 4 && sc.s[sc.gs[0]] != '0':
			v.Plain++
		}
	}
	return v
}
