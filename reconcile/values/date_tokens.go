package values

import (
	"unicode"
	"unicode/utf8"
)

// This file splits date cells into tokens: digit runs and month names,
// with the time of day cut off. date.go interprets the tokens.

// maxDateTokens bounds the tokens of a date cell: "14 июня 2022 г." has 4.
const maxDateTokens = 6

// dateTok is one token of a date: a digit run or a month name.
type dateTok struct {
	num   int  // value of a digit run, or the month of a month name
	len   int  // digits in a digit run; 0 for a month name
	sep   byte // separator before the token: '.', '/', '-', ' ' or 0
	month bool
}

// dateToks is a tokenised date cell.
type dateToks struct {
	t [maxDateTokens]dateTok
	n int
}

// cutTime removes a time of day ("T00:00:00", " 0:00", " 12:30:00.000Z",
// " 10:15 PM") from the end of s. It reports false when s has a colon that
// is not part of such a time.
func cutTime(s string) (string, bool) {
	colon := -1
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			colon = i
			break
		}
	}
	if colon < 0 {
		return s, true
	}
	q := colon
	for q > 0 && s[q-1] >= '0' && s[q-1] <= '9' {
		q--
	}
	if q == colon || q == 0 || colon-q > 2 || (s[q-1] != ' ' && s[q-1] != 'T') {
		return s, false
	}
	for i := colon; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ':', c == '.', c == ',', c == '+', c == '-', c == ' ', c == 'Z':
		case c == 'A' || c == 'P' || c == 'M' || c == 'a' || c == 'p' || c == 'm':
		default:
			return s, false
		}
	}
	return trimSpace(s[:q-1]), true
}

// tokenizeDate splits a date cell into digit runs and month names. Words
// other than month names, ordinal suffixes after a day ("14th") and the
// Russian year word ("2022 г.", "года") make it fail.
func tokenizeDate(s string, dt *dateToks) bool {
	var sep byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			if dt.n == maxDateTokens {
				return false
			}
			dt.t[dt.n] = dateTok{num: v, len: j - i, sep: sep}
			dt.n++
			sep = 0
			i = j
			continue
		case c == '.' || c == '/' || c == '-' || c == ',' || c == ' ':
			if c == ',' || c == ' ' {
				if sep == 0 {
					sep = ' '
				}
			} else if sep == 0 || sep == ' ' {
				sep = c
			} else {
				return false // "14..06", "14/-06"
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpaceRune(r) {
			if sep == 0 {
				sep = ' '
			}
			i += n
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		word := s[i:j]
		i = j
		if m := monthNumber(word); m > 0 {
			if dt.n == maxDateTokens {
				return false
			}
			dt.t[dt.n] = dateTok{num: m, sep: sep, month: true}
			dt.n++
			sep = 0
			continue
		}
		if ignorableDateWord(word, dt, sep) {
			continue
		}
		return false
	}
	return dt.n > 0
}

// ignorableDateWord accepts the words a date may carry besides its month:
// "г"/"года"/"год" after a year and "st/nd/rd/th" glued to a day.
func ignorableDateWord(w string, dt *dateToks, sep byte) bool {
	if dt.n == 0 {
		return false
	}
	prev := dt.t[dt.n-1]
	if prev.month {
		return false
	}
	var buf [16]byte
	k := appendKey(buf[:0], w)
	switch string(k) {
	case "г", "гг", "год", "года":
		return prev.len == 4
	case "st", "nd", "rd", "th":
		return sep == 0 && prev.len <= 2
	}
	return false
}

// months maps English and Russian month names and abbreviations, in their
// appendKey form, to month numbers.
var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,

	"янв": 1, "январь": 1, "января": 1,
	"фев": 2, "февр": 2, "февраль": 2, "февраля": 2,
	"мар": 3, "март": 3, "марта": 3,
	"апр": 4, "апрель": 4, "апреля": 4,
	"май": 5, "мая": 5,
	"июн": 6, "июнь": 6, "июня": 6,
	"июл": 7, "июль": 7, "июля": 7,
	"авг": 8, "август": 8, "августа": 8,
	"сен": 9, "сент": 9, "сентябрь": 9, "сентября": 9,
	"окт": 10, "октябрь": 10, "октября": 10,
	"ноя": 11, "нояб": 11, "ноябрь": 11, "ноября": 11,
	"дек": 12, "декабрь": 12, "декабря": 12,
}

// monthNumber returns the month a word names, or 0.
func monthNumber(w string) int {
	if len(w) > 32 {
		return 0
	}
	var buf [32]byte
	return months[string(appendKey(buf[:0], w))]
}
