package workbook

import "math"

// The precision, in decimals, the workbook stores its figures at. A sum
// of float64 values carries binary noise (1979.8009999999999), and
// excelize, which writes at most 15 significant digits, cuts it rather
// than rounds it (1979.80099999999): a reader of the cell's value
// (openpyxl's data_only, a copy and paste) would see it. So each figure
// is rounded to its unit's precision before it is written:
//
//   - kg to 3 decimals (a gram: no source states a weight finer);
//   - tonnes to 6 decimals (a gram again, so a weight in kg with up to 3
//     decimals is stored exactly in tonnes too);
//   - USD to 2 decimals (a cent).
//
// Only what is written is rounded. The engine's totals are the sums of
// the exact values, rounded when written, and a shipment's cell is its
// exact value rounded: a total cell can therefore differ from the sum of
// the cells above it (what Excel computes when it recalculates) by at
// most half a unit of the last decimal per shipment — never for weights
// read in kg with up to 3 decimals, and a fraction of a cent per
// shipment for values converted from other currencies. A value in its
// own currency (Money) is the source's figure and is written as read.
const (
	kgDecimals     = 3
	tonnesDecimals = 6
	usdDecimals    = 2
)

// roundTo rounds v to decimals places; a value too large to round that
// finely holds no noise at that place and is kept.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow10(decimals)
	x := v * p
	if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1<<53 {
		return v
	}
	// An integer divided by a power of ten is the double nearest the
	// decimal, which prints as that decimal; +0 turns -0 into 0.
	return math.Round(x)/p + 0
}

// stored is v as a cell of style keeps it: kg, tonnes and USD rounded to
// their precision (see kgDecimals), anything else as it is.
func (s *styles) stored(style int, v float64) float64 {
	if s == nil {
		return v
	}
	switch style {
	case s.Kg:
		return roundTo(v, kgDecimals)
	case s.Tonnes:
		return roundTo(v, tonnesDecimals)
	case s.USD:
		return roundTo(v, usdDecimals)
	}
	return v
}
