package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// UnitKind says what a unit written in a numeric cell measures.
type UnitKind uint8

// Unit kinds of CellUnit.
const (
	UnitUnknown  UnitKind = iota
	UnitWeight            // Canon is a weight unit ("kg", "t", "lb"), Factor its kilograms
	UnitCurrency          // Canon is an ISO 4217 code
	UnitQuantity          // Canon is a quantity unit ("pcs", "pairs", "m2", …)
)

// CellUnit is a unit or currency written beside a number in one cell.
type CellUnit struct {
	Kind   UnitKind
	Canon  string
	Factor float64 // weights: kilograms per unit
	Raw    string  // as written ("руб.", "MT", "$")
}

// SplitNumberUnit reads a number written with its unit or currency in the
// cell: "$98,765.43", "€1.234,50", "USD 1,234", "1 234,56 руб.", "(1,234.00)"
// with a sign inside ("($1,234.00)"), "-$5", "18 t", "1,5 тонн", "24 MT",
// "12,5 kg", "1,200 PCS". It returns the number's text, for ParseNumber
// (accounting brackets and the sign kept), and the unit. ok is false when
// the cell has no unit text, when the unit is not a known weight, currency
// or quantity unit, or when letters sit between the digits.
//
// The unit is looked up as weight first, then currency, then quantity, so
// "t" and "kg" are weights and "руб" a currency; a unit known to none is
// refused rather than guessed ("12 boxes of 5").
func SplitNumberUnit(s string) (num string, u CellUnit, ok bool) {
	t := trimSpace(s)
	if len(t) > 64 {
		return "", CellUnit{}, false
	}
	neg := false
	if len(t) >= 2 && t[0] == '(' && t[len(t)-1] == ')' {
		neg = true
		t = trimSpace(t[1 : len(t)-1])
	}
	first, last := -1, -1
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return "", CellUnit{}, false
	}
	core := t[first : last+1]
	// A decimal separator before the first digit (",5 t") belongs to the
	// number.
	if first > 0 && (t[first-1] == ',' || t[first-1] == '.') {
		first--
		core = t[first : last+1]
	}
	for _, r := range core {
		if unicode.IsLetter(r) {
			return "", CellUnit{}, false
		}
	}
	prefix, suffix := trimSpace(t[:first]), trimSpace(t[last+1:])
	sign := ""
	for _, m := range []string{"-", "+", "\u2212"} {
		if p, cut := strings.CutPrefix(prefix, m); cut {
			prefix, sign = trimSpace(p), m
			break
		}
		if p, cut := strings.CutSuffix(prefix, m); cut {
			prefix, sign = trimSpace(p), m
			break
		}
	}
	unit := prefix
	if suffix != "" {
		if prefix != "" {
			return "", CellUnit{}, false // "US$ 5 USD": one unit per cell
		}
		unit = suffix
	}
	if unit == "" {
		return "", CellUnit{}, false
	}
	u, ok = ClassifyUnit(unit)
	if !ok {
		return "", CellUnit{}, false
	}
	num = sign + core
	if neg {
		num = "(" + num + ")"
	}
	return num, u, true
}

// ClassifyUnit names a unit written in a cell: a weight, a currency or a
// quantity unit, in that order. A trailing dot is ignored ("руб.", "t.").
func ClassifyUnit(raw string) (CellUnit, bool) {
	s := strings.TrimRight(trimSpace(raw), ".")
	if s == "" || !utf8.ValidString(s) {
		return CellUnit{}, false
	}
	if c, f, ok := WeightUnitCanonical(s); ok {
		return CellUnit{Kind: UnitWeight, Canon: c, Factor: f, Raw: raw}, true
	}
	if c, ok := Currency(s); ok {
		return CellUnit{Kind: UnitCurrency, Canon: c, Raw: raw}, true
	}
	if c, ok := QuantityUnit(s); ok {
		return CellUnit{Kind: UnitQuantity, Canon: c, Raw: raw}, true
	}
	return CellUnit{}, false
}
