package read

import (
	"strings"
)

// valueScale is the multiplier a value column's stated scale names:
// "thousand" for a table "in USD thousand", "million". The user sets it
// (a column override's Unit) or a banner row states it (bannerunits.go).
func valueScale(u string) (float64, bool) {
	switch strings.ToLower(strings.TrimSpace(u)) {
	case "1", "unit", "units", "one", "ones":
		return 1, true
	case "thousand", "thousands", "k", "000", "1000", "1,000", "тыс", "тыс.":
		return 1e3, true
	case "million", "millions", "m", "mln", "1000000", "1,000,000", "млн", "млн.":
		return 1e6, true
	}
	return 0, false
}

// ColumnUnitKnown reports whether u is a unit the reader can give a
// column: a weight unit (kg, t, g, lb) or a value scale (thousand,
// million).
func ColumnUnitKnown(u string) bool {
	if _, ok := weightFactor(u); ok {
		return true
	}
	_, ok := valueScale(u)
	return ok
}

// DecimalKnown reports whether d is a decimal separator a column can be
// set to: "comma" or "point".
func DecimalKnown(d string) bool {
	_, ok := userDecimal(d)
	return ok
}
