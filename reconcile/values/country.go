package values

import (
	"strings"
)

// isoCountry is one row of ISO 3166-1.
type isoCountry struct {
	alpha2, alpha3, numeric, name string
}

// countryKeys maps every accepted spelling, in appendKey form, to alpha-2:
// codes, ISO names and countryAliases.
var countryKeys map[string]string

// countryNames maps alpha-2 to the English short name.
var countryNames map[string]string

// countryConflicts lists spellings that two entries claim for different
// countries. The tables must keep it empty; a test checks.
var countryConflicts []string

func init() {
	countryKeys = make(map[string]string, 4*len(isoCountries)+len(countryAliases))
	countryNames = make(map[string]string, len(isoCountries))
	add := func(spelling, code string) {
		k := string(appendKey(nil, spelling))
		if old, ok := countryKeys[k]; ok && old != code {
			countryConflicts = append(countryConflicts, spelling+": "+old+" and "+code)
			return
		}
		countryKeys[k] = code
	}
	for _, c := range isoCountries {
		countryNames[c.alpha2] = c.name
		add(c.alpha2, c.alpha2)
		add(c.alpha3, c.alpha2)
		if c.numeric != "" {
			add(c.numeric, c.alpha2)
		}
		add(c.name, c.alpha2)
	}
	for _, table := range []map[string]string{countryAliases, countryAliasesIntl} {
		for spelling, code := range table {
			addAlias(spelling, code, add)
		}
	}
}

// addAlias adds one alias, recording an unknown code as a conflict.
func addAlias(spelling, code string, add func(spelling, code string)) {
	if _, ok := countryNames[code]; !ok {
		countryConflicts = append(countryConflicts, spelling+": unknown code "+code)
		return
	}
	add(spelling, code)
}

// Country maps a country written as an English or Russian name, ISO-2,
// ISO-3 or numeric code (and common vendor variants such as "RUSSIAN
// FEDERATION", "TURKIYE", "UAE", "КИТАЙ") to ISO 3166 alpha-2.
//
// Case, ё, diacritics, dots, apostrophes and spacing do not matter, and
// "X, Y" is also tried as "Y X" ("KOREA, REPUBLIC OF"); a leading or
// trailing "the" is ignored; a code and a name that agree are accepted
// ("IN, INDIA", "BRAZIL (BR)"); Latin and Cyrillic look-alike letters
// mixed in one word are read as one script. Numeric codes must have three digits ("036",
// not "36"): a number that lost its zeros is not repaired. "XX", "ZZ",
// "UNKNOWN", "EU" and names of more than one country ("KOREA") return
// ok=false. A two-letter code is read as a code even when it is an English
// word: "IN" is India, since the cell is the whole value.
func Country(s string) (string, bool) {
	s = trimSpace(s)
	if s == "" || len(s) > 4*keyBufSize {
		return "", false
	}
	var buf [2 * keyBufSize]byte
	k := appendKey(buf[:0], s)
	if c, ok := countryKeys[string(k)]; ok {
		return c, true
	}
	return countryFallback(s, k)
}

// countryFallback retries what vendors add around a country: a leading
// or trailing "the", "X, Y" written for "Y X" ("KOREA, REPUBLIC OF"), a
// code and a name that agree ("IN, INDIA", "BRAZIL (BR)"), and Cyrillic
// letters mixed into a Latin name or the other way round ("КAZAKHSTAN"
// with a Cyrillic К). It runs only on misses, so its allocations do not
// matter.
func countryFallback(s string, k []byte) (string, bool) {
	if c, ok := lookupCountryKey(string(k)); ok {
		return c, true
	}
	if i := strings.LastIndexByte(s, ','); i >= 0 {
		head := string(appendKey(nil, s[:i]))
		tail := string(appendKey(nil, s[i+1:]))
		if head != "" && tail != "" {
			if c, ok := lookupCountryKey(tail + " " + head); ok {
				return c, true
			}
			if c, ok := agree(head, tail); ok {
				return c, true
			}
		}
	}
	if i := strings.IndexByte(s, '('); i > 0 {
		j := strings.IndexByte(s[i:], ')')
		if j > 0 && trimSpace(s[i+j+1:]) == "" {
			if c, ok := agree(string(appendKey(nil, s[:i])), string(appendKey(nil, s[i+1:i+j]))); ok {
				return c, true
			}
		}
	}
	if lat, cyr, mixed := unmix(k); mixed {
		if c, ok := countryKeys[lat]; ok {
			return c, true
		}
		if c, ok := countryKeys[cyr]; ok {
			return c, true
		}
	}
	return bilingualCountry(string(k))
}

// bilingualCountry reads a country written twice, native name then
// English ("中国 China", "Россия Russia", "Türkiye Turkey"), as portals
// and bilingual registers write it. The key is split between two words;
// the halves must name the same country, or, when they are in different
// scripts (a translation, not more words of one name), one half may be a
// name the tables lack ("Ўзбекистон Uzbekistan"). Two splits that name
// different countries, or halves in one script of which one is unknown
// ("Sudan South"), say nothing.
func bilingualCountry(key string) (string, bool) {
	found := ""
	for i := 0; i < len(key); i++ {
		if key[i] != ' ' {
			continue
		}
		head, tail := key[:i], key[i+1:]
		ch, okH := lookupCountryKey(head)
		ct, okT := lookupCountryKey(tail)
		c := ""
		switch {
		case okH && okT && ch == ct:
			c = ch
		case okH && !okT && scriptOf(head) != scriptOf(tail):
			c = ch
		case okT && !okH && scriptOf(head) != scriptOf(tail):
			c = ct
		}
		if c == "" {
			continue
		}
		if found != "" && found != c {
			return "", false
		}
		found = c
	}
	return found, found != ""
}

// scriptOf names the script of a key's letters: 'l' Latin, 'c' Cyrillic,
// 'o' any other, 'm' for more than one; digits and spaces do not count.
func scriptOf(key string) byte {
	var s byte
	for _, r := range key {
		var t byte
		switch {
		case r >= 'a' && r <= 'z' || r >= 0xC0 && r < 0x250:
			t = 'l'
		case isCyrillic(r):
			t = 'c'
		case r == ' ' || r >= '0' && r <= '9':
			continue
		default:
			t = 'o'
		}
		if s != 0 && s != t {
			return 'm'
		}
		s = t
	}
	return s
}

// lookupCountryKey looks a key up, also without a leading or trailing
// "the".
func lookupCountryKey(key string) (string, bool) {
	if c, ok := countryKeys[key]; ok {
		return c, true
	}
	t := strings.TrimPrefix(key, "the ")
	t = strings.TrimSuffix(t, " the")
	if t != key {
		c, ok := countryKeys[t]
		return c, ok
	}
	return "", false
}

// agree accepts two parts that each name the same country.
func agree(a, b string) (string, bool) {
	ca, ok := lookupCountryKey(a)
	if !ok {
		return "", false
	}
	cb, ok := lookupCountryKey(b)
	if !ok || ca != cb {
		return "", false
	}
	return ca, true
}

// Letters that look alike in Latin and Cyrillic (as lower-cased by
// appendKey): clerks and OCR mix them.
const (
	homoCyrillic = "авекмнорстух"
	homoLatin    = "abekmhopctyx"
)

// unmix returns the key with look-alike letters all Latin and all
// Cyrillic; mixed is false when the key uses only one of the scripts.
func unmix(k []byte) (lat, cyr string, mixed bool) {
	var hasLat, hasCyr bool
	for _, r := range string(k) {
		switch {
		case r >= 'a' && r <= 'z':
			hasLat = true
		case isCyrillic(r):
			hasCyr = true
		}
	}
	if !hasLat || !hasCyr {
		return "", "", false
	}
	lr, cr := []rune(homoLatin), []rune(homoCyrillic)
	var lb, cb strings.Builder
	for _, r := range string(k) {
		l, c := r, r
		for i := range cr {
			if r == cr[i] {
				l = lr[i]
			}
			if r == lr[i] {
				c = cr[i]
			}
		}
		lb.WriteRune(l)
		cb.WriteRune(c)
	}
	return lb.String(), cb.String(), true
}

// CountryName returns the English short name for an ISO alpha-2 code
// ("RU" → "Russian Federation"), or the code itself when it is not known.
func CountryName(iso2 string) string {
	if n, ok := countryNames[iso2]; ok {
		return n
	}
	return iso2
}

// CountryAlpha3 returns the ISO alpha-3 code for an alpha-2 code, or "".
func CountryAlpha3(iso2 string) string {
	for i := range isoCountries {
		if isoCountries[i].alpha2 == iso2 {
			return isoCountries[i].alpha3
		}
	}
	return ""
}
