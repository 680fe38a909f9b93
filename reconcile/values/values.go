// Package values parses the cell values customs exports write: numbers in
// any common locale, dates, weight units, currencies, countries, quantity
// units, HS codes and tax IDs glued to names.
//
// Every parser reports whether it understood its input; none guesses. A
// caller that gets ok=false keeps the raw text and flags the cell.
//
// The per-cell parsers (ParseNumber, ParseDate, WeightUnit, Currency,
// Country, QuantityUnit, HSCode, SplitTaxIDs) run on millions of cells, so
// they work on stack buffers and do not allocate on their usual paths. The
// header parsers (WeightUnitInHeader, CurrencyInHeader) run once per column
// and favour clarity.
//
// Decisions worth knowing (each is documented at its function):
//   - "1,234" and "1.234" alone are thousands unless the column's hint
//     says that character is its decimal separator; "1,5" is 1.5.
//   - A bare number is a date only as an Excel serial landing in
//     1990..2100; dd/mm vs mm/dd is settled per column (GuessDateOrder),
//     never per cell.
//   - Plain "ton"/"TONS" is the metric tonne; US short and long tons are
//     converted only when written as such (STN, "short ton").
//   - A currency is never assumed: "TOTALVALUE" has none, "¥" is yen or
//     yuan, BYR is not BYN.
//   - Names of more than one country ("KOREA", "VIRGIN ISLANDS") and
//     non-countries ("EUROPEAN UNION", "XX") are rejected.
//   - An unlabelled digit run becomes an INN only with valid check digits
//     at the start or end of a name; after an ИНН/INN label any 10 or 12
//     digits do.
//
// The package is split by concept: number.go, date.go, unit.go,
// currency.go, country.go (with the ISO 3166 tables in country_table.go),
// quantity.go, hscode.go and taxid.go. This file holds the text
// normalisation they share.
package values

import (
	"unicode"
	"unicode/utf8"
)

// keyBufSize is the stack buffer used for lookup keys. Longer inputs still
// work: append grows the slice onto the heap.
const keyBufSize = 64

// appendKey appends the lookup key of s to dst: letters lower-cased with
// common Latin diacritics folded (Türkiye → turkiye) and ё read as е;
// dots, apostrophes and quotes dropped (U.S.A. → usa, кв.м → квм); '&'
// read as "and"; superscript ²/³ read as digits (m² → m2); every other
// run of non-letters (spaces, NBSP, commas, hyphens, brackets, slashes,
// underscores) read as one space; no space at either end.
//
// Dropping dots rather than splitting on them is what lets "U.A.E." and
// "UAE" meet; the price is that "кв.м" and "кв м" are two keys, and the
// tables list both.
func appendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a separator is pending
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == '.' || c == '\'' || c == '`' || c == '"':
				continue
			case c == '&':
				space = true
				dst = appendSpaced(dst, start, &space, "and")
				space = true
				continue
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘', 'ʼ', '«', '»', '“', '”', '„':
			continue
		case '²':
			r = '2'
		case '³':
			r = '3'
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = true
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune(r); ok {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, f...)
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// appendSpaced appends word to the key being built in dst[start:],
// preceded by a space unless it is the key's first word.
func appendSpaced(dst []byte, start int, space *bool, word string) []byte {
	if *space && len(dst) > start {
		dst = append(dst, ' ')
	}
	*space = false
	return append(dst, word...)
}

// foldRune maps lower-case letters with diacritics to their plain Latin
// spelling, and ё to е, so that vendors' spellings meet.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą':
		return "a", true
	case 'æ':
		return "ae", true
	case 'ç', 'ć', 'č', 'ĉ':
		return "c", true
	case 'ď', 'đ':
		return "d", true
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě':
		return "e", true
	case 'ğ', 'ģ':
		return "g", true
	case 'ì', 'í', 'î', 'ï', 'ī', 'į', 'ı':
		return "i", true
	case 'ķ':
		return "k", true
	case 'ł', 'ľ', 'ļ', 'ĺ':
		return "l", true
	case 'ñ', 'ń', 'ň', 'ņ':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő':
		return "o", true
	case 'œ':
		return "oe", true
	case 'ř', 'ŕ':
		return "r", true
	case 'ś', 'š', 'ş', 'ș':
		return "s", true
	case 'ß':
		return "ss", true
	case 'ť', 'ţ', 'ț':
		return "t", true
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'ų':
		return "u", true
	case 'ý', 'ÿ':
		return "y", true
	case 'ź', 'ż', 'ž':
		return "z", true
	case 'ё':
		return "е", true
	}
	return "", false
}

// isSpaceRune reports the spaces vendors put in and around values: ASCII
// space and tab, NBSP, narrow NBSP, thin space and figure space.
func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003', '\ufeff':
		return true
	}
	return false
}

// trimSpace trims isSpaceRune runes from both ends without allocating.
func trimSpace(s string) string {
	for len(s) > 0 {
		c := s[0]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				s = s[1:]
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		c := s[len(s)-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
				s = s[:len(s)-1]
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}
