package read

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// A lone "1,125" or "1.250" is 1.125 or 1125 depending on the file's
// convention. A careful reader settles it from the evidence around the
// cell, and so does settleHints, strongest first:
//
//   - the sheet's total row: when only one reading makes the rows add up
//     to it, that reading is right (settleByTotal);
//   - the column's other text cells ("2.500,5 kg" can only be European);
//   - the sheet's other measure columns' text cells;
//   - the unit: three decimals of a tonne are kilograms;
//   - the magnitudes of the column's typed numbers (3.75, 0.48, 6.2 beside
//     "1,125": a thousandfold outlier is the misreading);
//   - the headers' language: Russian, Ukrainian, Kazakh, Turkish and
//     Portuguese write a decimal comma.
//
// Typed numbers are no evidence of the separator: a spreadsheet stores
// them without one, and shownNumber writes a '.' whatever the file's
// locale (a LibreOffice-converted Russian register has typed 3.75 beside
// text "1,125"). When nothing decides, the weight is flagged
// ambiguous_number and left out of totals until the user sets the
// column's decimal separator or unit.

// sampleKinds splits a column's sample cells into text, written in the
// file's locale, and typed numbers.
type sampleKinds struct {
	sampled bool
	text    []string
	typed   []float64
}

func (k *sampleKinds) add(kind cellKind, s string) {
	k.sampled = true
	if kind == kindNumber {
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			k.typed = append(k.typed, v)
		}
		return
	}
	if kind == kindString {
		k.text = append(k.text, s)
	}
}

// voteSamples are the cells whose separators speak for the locale: the
// text cells when the reader saw the cells' kinds, else every sample (a
// column built by hand, as tests do).
func (c *Column) voteSamples() []string {
	if c.kinds.sampled {
		return c.kinds.text
	}
	return c.Samples
}

// decimalReading is s read with its lone separator as the decimal one,
// its own unit ("1.250 KG") aside.
func decimalReading(s string) float64 {
	if v, ok := values.ParseNumber(s, values.HintLoneDecimal); ok {
		return v
	}
	num, _, _ := values.SplitNumberUnit(s)
	v, _ := values.ParseNumber(num, values.HintLoneDecimal)
	return v
}

// userDecimal is the hint of a decimal separator the user set.
func userDecimal(d string) (values.NumberHint, bool) {
	switch strings.ToLower(strings.TrimSpace(d)) {
	case "comma", ",":
		return values.HintDecimalComma, true
	case "point", "dot", ".":
		return values.HintDecimalPoint, true
	}
	return values.HintNone, false
}

// magnitudeHint reads the lone cells of c both ways against its typed
// numbers: when the thousands reading of every lone cell lies a hundred
// times above the largest typed number while the decimal reading lies
// within their range (widened tenfold), the decimals are right, and the
// other way round. Two typed numbers at least; otherwise HintNone.
func magnitudeHint(c *Column) (values.NumberHint, string) {
	typed := c.kinds.typed
	if len(typed) < 2 {
		return values.HintNone, ""
	}
	lo, hi := math.Inf(1), 0.0
	for _, v := range typed {
		if v <= 0 {
			continue
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if hi == 0 {
		return values.HintNone, ""
	}
	dec, thou, ex := 0, 0, ""
	for _, s := range c.kinds.text {
		if _, u, ok := values.SplitNumberUnit(s); ok && u.Kind != values.UnitUnknown {
			continue // a cell with its own unit is not on the column's scale
		}
		t, unsettled, ok := values.ParseNumberUnsettled(s, values.HintNone)
		if !ok || !unsettled {
			continue
		}
		d := decimalReading(s)
		switch {
		case t > hi*100 && d >= lo/10 && d <= hi*10:
			dec++
		case d < lo/100 && t >= lo/10 && t <= hi*10:
			thou++
		default:
			return values.HintNone, ""
		}
		if ex == "" {
			ex = s
		}
	}
	rng := fmt.Sprintf("%s to %s", strconv.FormatFloat(lo, 'f', -1, 64), strconv.FormatFloat(hi, 'f', -1, 64))
	switch {
	case dec > 0 && thou == 0:
		return values.HintLoneDecimal, fmt.Sprintf("%q read as a decimal: the column's typed numbers run %s, and the thousands reading would be a hundredfold outlier", ex, rng)
	case thou > 0 && dec == 0:
		return values.HintLoneThousands, fmt.Sprintf("%q read as thousands: the column's typed numbers run %s, and the decimal reading would be a hundredth of the smallest", ex, rng)
	}
	return values.HintNone, ""
}

// commaLanguages are the header vocabularies of languages that write a
// decimal comma; pointLanguages those that write a point. Spanish is in
// neither: Spain writes a comma, Mexico a point.
var (
	commaLanguages = []string{"(ru.tsv)", "(uk.tsv)", "(kk.tsv)", "(tr.tsv)", "(pt.tsv)"}
	pointLanguages = []string{"(en.tsv)", "(zh-hans.tsv)", "(zh-hant.tsv)"}
)

// localeHint is what the headers' language says: a decimal comma when
// some header is Cyrillic or matched a decimal-comma language's
// vocabulary and none matched a decimal-point language's.
func localeHint(cols []Column) (values.NumberHint, string) {
	comma, point, why := 0, 0, ""
	for _, c := range cols {
		for _, l := range pointLanguages {
			if strings.Contains(c.Reason, l) {
				point++
			}
		}
		hit := ""
		for _, l := range commaLanguages {
			if strings.Contains(c.Reason, l) {
				hit = c.Header
			}
		}
		if hit == "" && strings.IndexFunc(c.Header, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
			hit = c.Header
		}
		if hit != "" {
			comma++
			if why == "" {
				why = hit
			}
		}
	}
	if comma > 0 && point == 0 {
		return values.HintDecimalComma, fmt.Sprintf("the headers are in a language that writes a decimal comma (%q)", why)
	}
	return values.HintNone, ""
}

// cellFigure reads cell c of column i as a number under hint, in the
// column's unit (a cell's own weight unit converted to it). ok=false for
// an empty or unreadable cell.
func (p *plan) cellFigure(c cell, i int, hint values.NumberHint) (float64, bool) {
	switch c.k {
	case kindNumber:
		v, err := strconv.ParseFloat(c.s, 64)
		return v, err == nil
	case kindString:
	default:
		return 0, false
	}
	if v, ok := values.ParseNumber(c.s, hint); ok {
		return v, true
	}
	num, u, ok := values.SplitNumberUnit(c.s)
	if !ok {
		return 0, false
	}
	v, ok := values.ParseNumber(num, hint)
	if !ok {
		return 0, false
	}
	if u.Kind == values.UnitWeight && u.Factor > 0 {
		if fac := p.cols[i].Factor; fac > 0 {
			v = v * u.Factor / fac
		}
	}
	return v, true
}

// settleByTotal tries both readings of the lone separators of each
// measure column against the sheet's first total row among rows (the
// rows read ahead for samples): when the rows above it add up to its
// figure under one reading only, that reading is the column's. It runs
// after settleHints and overrides it, but never the user's setting.
func (p *plan) settleByTotal(rows []*rawRow) {
	var data []*rawRow
	var total *rawRow
	for _, r := range rows {
		reason, _ := p.classifyRow(r)
		if reason == reconcile.SkipTotal {
			total = r
			break
		}
		if reason == "" {
			data = append(data, r)
		}
	}
	if total == nil || len(data) < 2 {
		return
	}
	for i, h := range p.numHint {
		c := &p.cols[i]
		if c.Decimal != "" || values.CountNumberVotes(c.voteSamples()).Lone == 0 {
			continue
		}
		thou := values.HintLoneThousands
		agree := func(hint values.NumberHint) bool {
			t, ok := p.cellFigure(cellAt(total, i), i, hint)
			if !ok {
				return false
			}
			sum, n := 0.0, 0
			for _, r := range data {
				if v, ok := p.cellFigure(cellAt(r, i), i, hint); ok {
					sum += v
					n++
				}
			}
			return n >= 2 && sameSum(t, sum, 1e-4*math.Abs(sum))
		}
		d, k := agree(values.HintLoneDecimal), agree(thou)
		if d == k {
			continue
		}
		choice, reading := values.HintLoneDecimal, "decimals"
		if k {
			choice, reading = thou, "thousands"
		}
		ex := loneExample(c)
		if choice != h {
			c.Reason += fmt.Sprintf("; %q read as %s: the total row %d agrees only with that reading", ex, reading, total.num)
		} else {
			c.Reason += fmt.Sprintf("; the total row %d confirms reading %q as %s", total.num, ex, reading)
		}
		p.numHint[i] = choice
		p.unsettle(i, false)
	}
}

// loneExample is a text cell of c whose lone separator is ambiguous.
func loneExample(c *Column) string {
	for _, s := range c.voteSamples() {
		if values.CountNumberVotes([]string{s}).Lone > 0 {
			return s
		}
	}
	return ""
}

// unsettle adds column i to p.unsettled, or removes it.
func (p *plan) unsettle(i int, add bool) {
	for k, j := range p.unsettled {
		if j == i {
			if !add {
				p.unsettled = append(p.unsettled[:k], p.unsettled[k+1:]...)
			}
			return
		}
	}
	if add {
		p.unsettled = append(p.unsettled, i)
	}
}
