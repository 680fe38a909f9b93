package claims

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// The parsers below read one cell of a claims table each. They accept
// what a fact-checker is likely to type and refuse anything else with an
// error that says what to write instead; nothing is guessed.

// ParseMeasure reads a measure: "tonnes" (also "t", "tons", "weight"),
// "value_usd" ("value", "usd"), "shipments" ("count"), "quantity"
// ("qty"). A bare unit such as "pcs" means quantity in that unit, which
// is returned as unit.
func ParseMeasure(s string) (m Measure, unit string, err error) {
	k := key(s)
	switch k {
	case "tonnes", "tonne", "t", "tons", "ton", "tonnage", "weight", "weight t", "tonnes net", "тонн", "тонны", "т":
		return Tonnes, "", nil
	case "value usd", "value", "usd", "us", "value in usd", "dollars", "стоимость":
		return ValueUSD, "", nil
	case "shipments", "shipment", "count", "number of shipments", "поставки", "поставок":
		return Shipments, "", nil
	case "quantity", "qty", "количество":
		return Quantity, "", nil
	}
	if u, ok := values.QuantityUnit(s); ok && k != "" {
		return Quantity, u, nil
	}
	return "", "", fmt.Errorf("unknown measure %q", strings.TrimSpace(s))
}

const measureHint = "write tonnes, value_usd, shipments or quantity"

// ParseUnit normalises a quantity unit ("шт", "PCS", "pieces" → "pcs").
func ParseUnit(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if u, ok := values.QuantityUnit(s); ok {
		return u, nil
	}
	return "", fmt.Errorf("unknown unit %q", strings.TrimSpace(s))
}

// ParseComparator reads a comparator: the codes (more_than, at_least,
// less_than, at_most, about, almost, exactly), their words with spaces,
// common synonyms ("over", "nearly", "approximately") and the symbols
// > ≥ >= < ≤ <= ~ ≈ =.
func ParseComparator(s string) (Comparator, error) {
	switch k := key(s); k {
	case "more than", ">", "over", "above", "greater than", "in excess of", "больше", "более":
		return MoreThan, nil
	case "at least", ">=", "≥", "minimum", "no less than", "not less than", "min", "не менее":
		return AtLeast, nil
	case "less than", "<", "under", "below", "fewer than", "меньше", "менее":
		return LessThan, nil
	case "at most", "<=", "≤", "up to", "maximum", "no more than", "not more than", "max", "не более":
		return AtMost, nil
	case "about", "approximately", "around", "roughly", "some", "~", "≈", "approx", "около", "примерно":
		return About, nil
	case "almost", "nearly", "close to", "just under", "почти":
		return Almost, nil
	case "exactly", "=", "==", "equals", "equal", "ровно":
		return Exactly, nil
	}
	return "", fmt.Errorf("unknown comparator %q", strings.TrimSpace(s))
}

const comparatorHint = "write more_than, at_least, less_than, at_most, about, almost or exactly"

// scaleWords multiply a figure: "10 million", "$1.2bn", "500k".
var scaleWords = map[string]float64{
	"k": 1e3, "thousand": 1e3, "thousands": 1e3, "тыс": 1e3,
	"m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6, "млн": 1e6,
	"bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "млрд": 1e9,
}

// ParseFigure reads the claimed number: plain digits ("10000000",
// "160.4"), with thousands separators ("1,000", "10 000 000"), a currency
// or unit around it ("$10M", "12 t", "USD 5,000") and a scale word
// ("10 million", "1.2bn"). Negative numbers are refused.
func ParseFigure(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, fmt.Errorf("the figure is empty")
	}
	low := strings.ToLower(t)
	for _, p := range []string{"us$", "usd", "$", "€", "£"} {
		low = strings.TrimSpace(strings.TrimPrefix(low, p))
	}
	// Split off trailing words (scale, unit) from the number.
	end := len(low)
	for end > 0 {
		r := rune(low[end-1])
		if r < 0x80 && (unicode.IsDigit(r) || r == '.' || r == ',') {
			break
		}
		end--
		for end > 0 && low[end]&0xC0 == 0x80 { // step back over a whole UTF-8 rune
			end--
		}
	}
	num, tail := strings.TrimSpace(low[:end]), strings.Fields(strings.Trim(low[end:], " ."))
	scale := 1.0
	for i, w := range tail {
		w = strings.Trim(w, ".")
		if f, ok := scaleWords[w]; ok && i == 0 {
			scale = f
			continue
		}
		switch w {
		case "t", "tonnes", "tons", "tonne", "ton", "usd", "dollars", "$", "shipments", "shipment", "pcs", "pieces", "т", "тонн", "шт":
			continue
		}
		return 0, fmt.Errorf("%q is not a number", t)
	}
	v, ok := values.ParseNumber(num, values.HintNone)
	if !ok {
		return 0, fmt.Errorf("%q is not a number", t)
	}
	v *= scale
	if v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("the figure %q must be a number of at least 0", t)
	}
	return v, nil
}

// ParseTolerance reads a tolerance in percent: "10", "10%", "" (none).
func ParseTolerance(s string) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if t == "" {
		return 0, nil
	}
	v, ok := values.ParseNumber(t, values.HintNone)
	if !ok || v < 0 || v >= 100 {
		return 0, fmt.Errorf("tolerance %q is not a percentage from 0 to below 100", strings.TrimSpace(s))
	}
	return v, nil
}

// ParseCountries reads one or more countries as ISO codes or names in any
// language values.Country knows ("RU", "RUS", "Russia", "Россия"),
// separated by ";", "|", "," or spaces. A name with a comma or spaces
// ("Korea, Republic of", "United Arab Emirates") is tried whole first.
func ParseCountries(s string) ([]string, error) {
	var out []string
	for _, piece := range splitAny(s, ";|/") {
		if c, ok := values.Country(piece); ok {
			out = appendUnique(out, c)
			continue
		}
		// "RUS, United Arab Emirates": commas first, so a name with spaces
		// stays whole; then spaces ("RU TR").
		for _, part := range splitAny(piece, ",") {
			if c, ok := values.Country(part); ok {
				out = appendUnique(out, c)
				continue
			}
			for _, tok := range splitAny(part, " \t") {
				c, ok := values.Country(tok)
				if !ok {
					return nil, fmt.Errorf("%q is not a country", tok)
				}
				out = appendUnique(out, c)
			}
		}
	}
	return out, nil
}

// ParseHSPrefixes reads HS code prefixes separated by spaces, commas,
// semicolons or "|" ("8806 8807"). Dots and dashes inside a code are
// dropped ("6307.90.98"). A 4-digit code followed by 2- or 3-digit groups
// is one code written in groups ("6307 90 98" → 63079098), as customs
// tariffs print them.
func ParseHSPrefixes(s string) ([]string, error) {
	var out []string
	for _, piece := range splitAny(s, ",;|/") {
		toks := strings.Fields(piece)
		for i := 0; i < len(toks); i++ {
			code := strings.NewReplacer(".", "", "-", "").Replace(toks[i])
			if strings.Trim(code, "0123456789") != "" || code == "" {
				return nil, fmt.Errorf("HS prefix %q must be digits", toks[i])
			}
			for len(code) >= 4 && i+1 < len(toks) && (len(toks[i+1]) == 2 || len(toks[i+1]) == 3) && strings.Trim(toks[i+1], "0123456789") == "" {
				code += toks[i+1]
				i++
			}
			if len(code) < 2 || len(code) > 14 {
				return nil, fmt.Errorf("HS prefix %q must have 2 to 14 digits", code)
			}
			out = appendUnique(out, code)
		}
	}
	return out, nil
}

// ParseNames reads consignee or shipper names or entity IDs separated by
// ";" or "|" (commas stay: they are part of names like "CO., LTD").
func ParseNames(s string) []string { return splitAny(s, ";|\n") }

// ParseDescription reads description alternatives separated by "|" or
// ";". Each alternative is a word or phrase; all its words must appear.
func ParseDescription(s string) []string { return splitAny(s, "|;\n") }

// ParseDate reads one end of a date range and returns it as YYYY-MM-DD.
// A full date is used as is; a month ("2022-06", "June 2022", "06.2022")
// or a year ("2022") stands for its first day when end is false and its
// last day when end is true. Slash dates must not be ambiguous: write
// 2022-06-01.
func ParseDate(s string, end bool) (string, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", nil
	}
	if len(t) == 4 && strings.Trim(t, "0123456789") == "" {
		y, _ := strconv.Atoi(t)
		if y < 1900 || y > 2200 {
			return "", fmt.Errorf("%q is not a date", t)
		}
		if end {
			return t + "-12-31", nil
		}
		return t + "-01-01", nil
	}
	d, ok := values.ParseDate(t, values.OrderUnknown)
	if !ok {
		return "", fmt.Errorf("%q is not a date", t)
	}
	day := d.Time
	if d.Precision == reconcile.PrecisionMonth && end {
		day = day.AddDate(0, 1, -1)
	}
	return day.Format(time.DateOnly), nil
}

// ParsePeriod reads a whole range in one cell: a year ("2022"), a month
// ("June 2022", "2022-06"), or two ends joined by "..", " to ", "–", "—"
// or "/" between ISO dates ("2022-06..2022-12", "2022-06-01 to
// 2022-12-31").
func ParsePeriod(s string) (from, to string, err error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return "", "", nil
	}
	for _, sep := range []string{"..", " to ", "–", "—", " - "} {
		if a, b, ok := strings.Cut(t, sep); ok {
			return periodEnds(a, b)
		}
	}
	// "2022-06-01/2022-12-31": a slash between two ISO-looking halves.
	if a, b, ok := strings.Cut(t, "/"); ok && len(strings.TrimSpace(a)) >= 7 && len(strings.TrimSpace(b)) >= 7 &&
		strings.Count(a, "-") >= 1 && strings.Count(b, "-") >= 1 {
		return periodEnds(a, b)
	}
	if from, err = ParseDate(t, false); err != nil {
		return "", "", err
	}
	to, err = ParseDate(t, true)
	return from, to, err
}

func periodEnds(a, b string) (from, to string, err error) {
	if from, err = ParseDate(a, false); err != nil {
		return "", "", err
	}
	if to, err = ParseDate(b, true); err != nil {
		return "", "", err
	}
	return from, to, nil
}

// key folds a cell for keyword lookup: lower case, "_" and "-" as spaces,
// single spaces.
func key(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", " ", "-", " ", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// splitAny splits s at any rune of seps, trims the pieces and drops empty
// ones.
func splitAny(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
