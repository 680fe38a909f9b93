// Package names turns company names as customs data writes them into
// comparable form: Unicode and case folding, punctuation and quote removal,
// tax IDs split off, Cyrillic transliterated to Latin, comparison keys that
// fold the differences between transliteration schemes, and legal forms
// recognised and set aside as a feature of the name.
//
// Chinese is not romanised: Han text keeps its characters and only its
// forms (full-width, compatibility) are folded, so Chinese names match
// through identifiers or user decisions rather than guessed readings.
package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize applies NFKC, case folding, Turkish and Latin diacritic folding,
// and replaces quotes and punctuation with single spaces. Apostrophes inside
// a word ("Otvetstvennost'yu") are dropped without splitting it, dots
// between single letters ("L.L.C.", "A.Ş.") are dropped so the letters form
// one token, and letters and digits glued together ("Zavod1") are split.
// The result is trimmed with single spaces between tokens.
func Normalize(s string) string {
	return strings.Join(Tokens(s), " ")
}

// Tokens is Normalize split into tokens.
func Tokens(s string) []string {
	rs := []rune(foldRunes(s))
	type tok struct {
		text []rune
		dot  bool // directly followed by '.'
	}
	var toks []tok
	var cur []rune
	flush := func(dot bool) {
		if len(cur) > 0 {
			toks = append(toks, tok{append([]rune(nil), cur...), dot})
			cur = cur[:0]
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			// Letters and digits glued together ("Zavod1") and Han next to
			// Latin split into separate tokens.
			if len(cur) > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				p := cur[len(cur)-1]
				if unicode.IsDigit(p) != unicode.IsDigit(r) || isHan(p) != isHan(r) {
					flush(false)
				}
			}
			cur = append(cur, r)
		case isApostrophe(r) && len(cur) > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && unicode.IsLetter(cur[len(cur)-1]) && !isApostrophe(rs[i-1]):
			// Inside a word ("Otvetstvennost'yu", "O'Neil"): drop it, keep the word whole.
		default:
			flush(r == '.')
		}
	}
	flush(false)
	// Join runs of one-letter tokens written with dots: "L.L.C." -> "llc".
	out := make([]string, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if len(t.text) == 1 && t.dot && unicode.IsLetter(t.text[0]) && !isHan(t.text[0]) {
			j := i
			joined := string(t.text)
			for j+1 < len(toks) && toks[j].dot && len(toks[j+1].text) == 1 && unicode.IsLetter(toks[j+1].text[0]) {
				j++
				joined += string(toks[j].text)
			}
			if j > i {
				out = append(out, joined)
				i = j
				continue
			}
		}
		out = append(out, string(t.text))
	}
	return out
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '`', '´', 'ʹ':
		return true
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// foldRunes does NFKC, lower-casing and diacritic removal on Latin letters.
// Cyrillic й and ё keep their marks: they are letters of their own.
func foldRunes(s string) string {
	// NFKC would turn № into "No": it is only a sign before a number.
	s = strings.ReplaceAll(s, "№", " ")
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	latinBase := false // the last letter written is Latin
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			// A combining mark NFKC could not compose with its letter
			// ("Şti̇" with a dot above the i, as Unicode lower-cases İ):
			// dropped after a Latin letter like any other diacritic, kept
			// after a Cyrillic one (й, ё written decomposed).
			if latinBase {
				continue
			}
			b.WriteRune(r)
			continue
		}
		latinBase = r < 0x250 && unicode.IsLetter(r)
		if f, ok := letterFolds[r]; ok {
			b.WriteString(f)
			continue
		}
		r = unicode.ToLower(r)
		if r >= 0xC0 && r < 0x250 {
			// Latin with diacritics: decompose and keep the base letter.
			d := norm.NFD.String(string(r))
			base, _ := utf8.DecodeRuneInString(d)
			b.WriteRune(base)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// Script is the dominant writing system of a name.
type Script uint8

// Scripts.
const (
	ScriptNone Script = iota
	ScriptLatin
	ScriptCyrillic
	ScriptHan
	ScriptOther
)

func (s Script) String() string {
	return [...]string{"none", "Latin", "Cyrillic", "Han", "other"}[s]
}

// ScriptOf reports the script most letters of s are written in.
func ScriptOf(s string) Script {
	var lat, cyr, han, oth int
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case r < 0x250:
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Han, r):
			han++
		default:
			oth++
		}
	}
	switch {
	case lat+cyr+han+oth == 0:
		return ScriptNone
	case lat >= cyr && lat >= han && lat >= oth:
		return ScriptLatin
	case cyr >= han && cyr >= oth:
		return ScriptCyrillic
	case han >= oth:
		return ScriptHan
	}
	return ScriptOther
}

// letterFolds are letters that NFD does not take apart into a base letter
// and a mark, written as their plain Latin spelling; the Turkish dotted and
// dotless i (and I, which Turkish lower-cases to ı) all become i.
var letterFolds = map[rune]string{
	'İ': "i", 'ı': "i", 'I': "i", 'ß': "ss", 'Ø': "o", 'ø': "o", 'Đ': "d", 'đ': "d",
	'Ł': "l", 'ł': "l", 'Æ': "ae", 'æ': "ae", 'Œ': "oe", 'œ': "oe",
}
