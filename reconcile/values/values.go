// Package values parses the cell values customs exports write: numbers in
// any common locale, dates, weight units, currencies, countries, quantity
// units, HS codes and tax IDs glued to names.
//
// Every parser reports whether it understood its input; none guesses. A
// caller that gets ok=false keeps the raw text and flags the cell.
package values

import (
	"tradecheck/reconcile"
)

// API CONTRACT (stubs; the values owner replaces the bodies, keeps the signatures).

// ParseNumber parses "1 234,5", "1,234.5", "1.234,5", "1234", "-12.5",
// "1 234,5" with NBSP or narrow NBSP, "(12)" accounting negatives, "12%" is
// not a number. Ambiguous single separators ("1,234" / "1.234") resolve as
// thousands when followed by exactly three digits and no other separator,
// unless hint says the column uses a decimal comma.
func ParseNumber(s string, hint NumberHint) (float64, bool) { return 0, false }

// NumberHint carries what a column's other cells say about its locale.
type NumberHint uint8

// Number hints.
const (
	HintNone         NumberHint = iota
	HintDecimalComma            // the column's cells use ',' as decimal separator
	HintDecimalPoint
)

// GuessNumberHint looks at a column's sample cells and decides its locale.
func GuessNumberHint(samples []string) NumberHint { return HintNone }

// WeightUnit maps a unit as written (kg, кг, KGM, g, t, MT, тонн, TNE, lb,
// LBS …) to its factor to kilograms.
func WeightUnit(s string) (factor float64, ok bool) { return 0, false }

// WeightUnitInHeader finds a weight unit inside a header such as
// "Вес нетто, кг", "GROSS_WEIGHT_KG", "Net weight (t)", "Weight, tonnes".
func WeightUnitInHeader(h string) (unit string, factor float64, ok bool) { return "", 0, false }

// Currency maps "USD", "$", "US$", "usd", "руб", "RUB", "RUR", "₽", "EUR",
// "€", "CNY", "юань", "TRY", "AED", ISO numeric "643"/"840" … to ISO 4217.
func Currency(s string) (string, bool) { return "", false }

// CurrencyInHeader finds a currency in a header such as "Value USD",
// "CUSTOMS_VALUE_USD", "Стоимость, руб", "Фактурная стоимость (долл. США)".
func CurrencyInHeader(h string) (string, bool) { return "", false }

// Country maps a country written as an English or Russian name, ISO-2,
// ISO-3 or numeric code (and common vendor variants such as "RUSSIAN
// FEDERATION", "TURKIYE", "UAE", "КИТАЙ") to ISO 3166 alpha-2.
func Country(s string) (string, bool) { return "", false }

// CountryName returns the English short name for an ISO alpha-2 code.
func CountryName(iso2 string) string { return iso2 }

// QuantityUnit normalises шт, PCE, PCS, pieces, OKEI 796 → "pcs"; пар, PR,
// PRS, 715 → "pairs"; компл, SET, 839 → "sets"; кг, KGM, 166 → "kg";
// м2, MTK, 055 → "m2"; л, LTR, 112 → "l". Unknown units return ok=false.
func QuantityUnit(s string) (string, bool) { return "", false }

// DateOrder is how a column writes ambiguous numeric dates.
type DateOrder uint8

// Date orders.
const (
	OrderUnknown DateOrder = iota
	OrderDMY               // 14.06.2022, 14/06/2022
	OrderMDY               // 06/14/2022
)

// GuessDateOrder decides a column's order from its sample cells: any cell
// with a first part over 12 settles DMY, a second part over 12 settles MDY;
// dotted dates are DMY. Resolving per column, not per cell, is the rule.
func GuessDateOrder(samples []string) DateOrder { return OrderUnknown }

// ParseDate parses ISO (2022-06-14, 2022-06-14T00:00:00), dd.mm.yyyy,
// dd/mm/yyyy or mm/dd/yyyy per order, Excel serials ("44726", "44726.5"),
// and month-only forms ("Apr 2023", "2023-04", "04.2023", "апр 2023",
// "April 2023") which come back with PrecisionMonth.
func ParseDate(s string, order DateOrder) (reconcile.Date, bool) { return reconcile.Date{}, false }

// ExcelSerial converts an Excel serial day number to a date (1900 system,
// with Excel's 1900 leap-year bug; date1904 for the Mac system).
func ExcelSerial(serial float64, date1904 bool) (reconcile.Date, bool) {
	return reconcile.Date{}, false
}

// HSCode cleans an HS/TN VED code: keeps digits only, keeps leading zeros,
// accepts "8471.30.00", "8471 30 000 0"; a number cell that lost its leading
// zero (e.g. 7020000 for 0702000000) cannot be repaired and is returned as
// is. ok=false when fewer than 2 or more than 14 digits remain.
func HSCode(s string) (string, bool) { return "", false }

// TaxIDs is what SplitTaxIDs found glued to a name.
type TaxIDs struct {
	INN string // 10 or 12 digits
	KPP string // 9 digits
}

// SplitTaxIDs splits identifiers glued to a name:
// "7722476458 772201001 OOO YATASH RUS" → name "OOO YATASH RUS", INN
// 7722476458, KPP 772201001. Also "ИНН 7722476458 ООО ...", a trailing
// "..., INN 7722476458", and "7701234567/772201001 ...". A digit run that
// is not a plausible INN (wrong length) stays in the name.
func SplitTaxIDs(s string) (name string, ids TaxIDs) { return s, TaxIDs{} }
