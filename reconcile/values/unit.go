package values

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// weightUnit is one way of writing a weight unit.
type weightUnit struct {
	canon  string  // "kg", "g", "t", "lb", …
	factor float64 // kilograms per unit
}

// Canonical weight units with their factors to kilograms.
var (
	unitKg       = weightUnit{"kg", 1}
	unitG        = weightUnit{"g", 0.001}
	unitMg       = weightUnit{"mg", 1e-6}
	unitT        = weightUnit{"t", 1000}
	unitCentner  = weightUnit{"q", 100}
	unitLb       = weightUnit{"lb", 0.45359237} // exact, by the 1959 international agreement
	unitOz       = weightUnit{"oz", 0.028349523125}
	unitShortTon = weightUnit{"short ton", 907.18474}   // 2000 lb
	unitLongTon  = weightUnit{"long ton", 1016.0469088} // 2240 lb
)

// weightUnits maps units as written, in their appendKey form, to units.
//
// Plain "ton"/"tons" is read as the metric tonne. In the sources Tradecheck
// reads (customs declarations of Russia and its trade partners, and the
// aggregators built on them) weights are metric and "TON" is how an
// English-writing clerk spells "тонна"; a US short ton is written "short
// ton" or STN, and those forms are converted as short tons. Data from US
// manifests writes KG or LB, not TON.
//
// "gr" is left out: it is grams to a Russian clerk but also "gross" and
// "grain"; "гр" is unambiguous and kept.
var weightUnits = map[string]weightUnit{
	"kg": unitKg, "kgs": unitKg, "kgm": unitKg, "kilo": unitKg, "kilos": unitKg,
	"kilogram": unitKg, "kilograms": unitKg, "kilogramme": unitKg, "kilogrammes": unitKg,
	"кг": unitKg, "килограмм": unitKg, "килограммы": unitKg, "килограммов": unitKg, "килограмма": unitKg,

	"g": unitG, "grm": unitG, "gram": unitG, "grams": unitG, "gramme": unitG, "grammes": unitG,
	"г": unitG, "гр": unitG, "грамм": unitG, "граммы": unitG, "граммов": unitG, "грамма": unitG,

	"mg": unitMg, "mgm": unitMg, "milligram": unitMg, "milligrams": unitMg, "мг": unitMg, "миллиграмм": unitMg,

	"t": unitT, "mt": unitT, "tne": unitT, "ton": unitT, "tons": unitT, "tonne": unitT, "tonnes": unitT,
	"metric ton": unitT, "metric tons": unitT, "metric tonne": unitT, "metric tonnes": unitT,
	"m t": unitT, "mts": unitT,
	"т": unitT, "тн": unitT, "тонн": unitT, "тонна": unitT, "тонны": unitT, "тонну": unitT,
	"метрическая тонна": unitT, "метрических тонн": unitT,
	"тыс кг": unitT, "тысяч кг": unitT, "тыс килограммов": unitT,

	"ц": unitCentner, "цент": unitCentner, "центнер": unitCentner, "центнеров": unitCentner, "центнера": unitCentner,

	"lb": unitLb, "lbs": unitLb, "lbr": unitLb, "pound": unitLb, "pounds": unitLb,
	"фунт": unitLb, "фунтов": unitLb, "фунта": unitLb,

	"oz": unitOz, "onz": unitOz, "ounce": unitOz, "ounces": unitOz,

	"stn": unitShortTon, "short ton": unitShortTon, "short tons": unitShortTon,
	"us ton": unitShortTon, "us tons": unitShortTon,
	"ltn": unitLongTon, "long ton": unitLongTon, "long tons": unitLongTon,
	"imperial ton": unitLongTon, "imperial tons": unitLongTon,
}

// WeightUnit maps a unit as written (kg, кг, KGM, g, t, MT, тонн, TNE, lb,
// LBS …) to its factor to kilograms. Case, dots and spacing do not matter
// ("Kg.", "т.", "metric  tons"). Anything else, including units that are
// not weights, returns ok=false.
func WeightUnit(s string) (factor float64, ok bool) {
	u, ok := lookupWeight(s)
	return u.factor, ok
}

// WeightUnitCanonical is WeightUnit returning the unit's canonical name as
// well: "kg", "g", "mg", "t", "q" (centner), "lb", "oz", "short ton",
// "long ton".
func WeightUnitCanonical(s string) (unit string, factor float64, ok bool) {
	u, ok := lookupWeight(s)
	return u.canon, u.factor, ok
}

func lookupWeight(s string) (weightUnit, bool) {
	if len(s) > 2*keyBufSize {
		return weightUnit{}, false
	}
	var buf [keyBufSize]byte
	u, ok := weightUnits[string(appendKey(buf[:0], s))]
	return u, ok
}

// headerTok is one word of a header.
type headerTok struct {
	text     string // appendKey form: lower-case, diacritics folded
	bracket  bool   // inside (), [] or {}
	symbol   bool   // a currency symbol such as "$", "US$", "€"
	perSlash bool   // right after a "/": the denominator of "руб/кг"
}

// isCurrencySymbol reports the currency signs a header may carry.
func isCurrencySymbol(r rune) bool {
	switch r {
	case '$', '€', '₽', '£', '¥', '₺', '₸', '₹', '₩', '₴', '元':
		return true
	}
	return false
}

// headerTokens splits a header into words. Words break at anything that is
// not a letter or digit (so "_" in GROSS_WEIGHT_KG), at a change between
// letters and digits, between Latin and Cyrillic, and at a lower-to-upper
// change ("NetWeightKg"). Dots inside a word are dropped so "долл." and
// "U.S." stay one word. Currency signs are words of their own, with the
// letters glued before them ("US$", "R$").
func headerTokens(h string) []headerTok {
	var toks []headerTok
	depth := 0
	slash := false
	var word []rune
	flush := func() {
		if len(word) > 0 {
			toks = append(toks, headerTok{text: string(appendKey(nil, string(word))), bracket: depth > 0, perSlash: slash})
			word = word[:0]
			slash = false
		}
	}
	var prev rune
	for i := 0; i < len(h); {
		r, n := utf8.DecodeRuneInString(h[i:])
		i += n
		switch {
		case isCurrencySymbol(r):
			sym := strings.ToLower(string(word)) + string(r)
			word = word[:0]
			toks = append(toks, headerTok{text: sym, bracket: depth > 0, symbol: true})
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(word) > 0 && breaksWord(prev, r) {
				flush()
			}
			word = append(word, r)
		case r == '.' && len(word) > 0 && i < len(h) && unicode.IsLetter(rune(h[i])) && h[i] < utf8.RuneSelf:
			// "U.S.A": keep the word together; a trailing dot ends it.
			continue
		default:
			flush()
			switch r {
			case '/':
				slash = true
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
		}
		prev = r
	}
	flush()
	return toks
}

// breaksWord reports a word boundary between two adjacent letters/digits.
func breaksWord(prev, r rune) bool {
	switch {
	case unicode.IsDigit(prev) != unicode.IsDigit(r):
		return true
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case isCyrillic(prev) != isCyrillic(r):
		return true
	}
	return false
}

func isCyrillic(r rune) bool { return r >= 0x0400 && r <= 0x04FF }

// Multipliers that can precede a unit in a header: "тыс. т", "thousand
// tonnes", "'000 kg".
var headerScales = map[string]float64{
	"тыс": 1e3, "тысяч": 1e3, "thousand": 1e3, "thousands": 1e3, "thous": 1e3, "000": 1e3,
	"млн": 1e6, "million": 1e6, "millions": 1e6, "mln": 1e6, "1000": 1e3,
	// Abbreviations of statistics offices and vendors ("Value, th. USD",
	// "Wert, Tsd. EUR", "Вартість, тис. дол.", "USD k", "Mio. EUR"): a
	// value header that says thousands in them was read in units, a
	// thousandth of the figure.
	"th": 1e3, "ths": 1e3, "thsd": 1e3, "tsd": 1e3, "тис": 1e3, "k": 1e3, "mio": 1e6,
}

// perWord marks the word before a unit that makes it a denominator.
var perWord = map[string]bool{"per": true, "за": true, "на": true, "each": true}

// WeightUnitInHeader finds a weight unit inside a header such as
// "Вес нетто, кг", "GROSS_WEIGHT_KG", "Net weight (t)", "Weight, tonnes",
// "Масса, т", "NETWEIGHTKG". It returns the canonical unit (see
// WeightUnitCanonical) and its factor to kilograms. A multiplier before
// the unit counts in the factor, not in the name: "Вес, тыс. т" is "t"
// with a factor of 1e6.
//
// Units are whole words, never letters inside a word. The one-letter units
// t, т, g, г and ц count only as the header's last word or inside
// brackets, because elsewhere they are initials ("G.W. (KGS)" is gross
// weight in kilograms). A unit after "/", "per" or "за" is a denominator
// ("USD_PER_KG", "Цена, руб/кг") and does not count. Two different units
// in one header make it ambiguous: ok=false.
func WeightUnitInHeader(h string) (unit string, factor float64, ok bool) {
	toks := headerTokens(h)
	var found weightUnit
	scale := 1.0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.symbol || t.perSlash || (i > 0 && perWord[toks[i-1].text]) {
			continue // "USD_PER_KG", "руб/кг", "руб. за кг": a price, not a weight
		}
		u, n, hit := weightAt(toks, i)
		if !hit {
			if g, ok := glued(t.text); ok {
				u, n, hit = g, 1, true
			}
		}
		if !hit {
			continue
		}
		s := 1.0
		if i > 0 {
			if m, ok := headerScales[toks[i-1].text]; ok {
				s = m
			}
		}
		if found.canon != "" && (found != u || scale != s) {
			return "", 0, false
		}
		found, scale = u, s
		i += n - 1
	}
	if found.canon == "" {
		return "", 0, false
	}
	return found.canon, found.factor * scale, true
}

// weightAt matches a unit of one or two words at toks[i].
func weightAt(toks []headerTok, i int) (weightUnit, int, bool) {
	if i+1 < len(toks) {
		if u, ok := weightUnits[toks[i].text+" "+toks[i+1].text]; ok {
			return u, 2, true
		}
	}
	t := toks[i]
	u, ok := weightUnits[t.text]
	if !ok {
		return weightUnit{}, 0, false
	}
	if utf8.RuneCountInString(t.text) == 1 && !t.bracket && i != len(toks)-1 {
		return weightUnit{}, 0, false
	}
	return u, 1, true
}

// glued finds a unit glued to "weight" in headers written without
// separators: NETWEIGHTKG, GROSSWEIGHTKGS, WEIGHTTONS.
func glued(w string) (weightUnit, bool) {
	for _, stem := range [...]string{"weight", "wt", "вес", "масса"} {
		if i := strings.Index(w, stem); i >= 0 && i+len(stem) < len(w) {
			if u, ok := weightUnits[w[i+len(stem):]]; ok && utf8.RuneCountInString(w[i+len(stem):]) > 1 {
				return u, true
			}
		}
	}
	return weightUnit{}, false
}
