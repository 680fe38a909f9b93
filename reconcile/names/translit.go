package names

import (
	"strings"
	"unicode"
)

// cyrLatin is the transliteration used for comparison: a plain BGN/PCGN-
// like scheme for Russian, with the extra letters of Ukrainian and
// Belarusian. Which scheme it is matters little, because Key folds the
// differences between schemes; it must only be one fixed scheme.
var cyrLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Ukrainian
	'є': "ye", 'і': "i", 'ї': "yi", 'ґ': "g",
	// Belarusian
	'ў': "w",
	// Serbian/Macedonian letters that appear in trade data now and then
	'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'ђ': "dj", 'џ': "dz", 'ѕ': "dz",
}

// Translit transliterates Cyrillic letters to Latin and leaves every other
// rune as it is. Case is kept on the first Latin letter of each Cyrillic
// one ("Х" -> "Kh").
func Translit(s string) string {
	out, _ := TranslitMap(s)
	return out
}

// TranslitMap is Translit that also returns, for every byte of the output,
// the index of the rune of s it came from, so positions found in the
// transliteration can be shown on the name as written.
func TranslitMap(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	idx := make([]int, 0, len(s)+len(s)/2)
	ri := 0
	for _, r := range s {
		lr := unicode.ToLower(r)
		lat, ok := cyrLatin[lr]
		if !ok {
			n0 := b.Len()
			b.WriteRune(r)
			for k := n0; k < b.Len(); k++ {
				idx = append(idx, ri)
			}
			ri++
			continue
		}
		if lr != r && lat != "" {
			// Upper case: capitalise the first letter only.
			b.WriteByte(lat[0] - 'a' + 'A')
			b.WriteString(lat[1:])
		} else {
			b.WriteString(lat)
		}
		for k := 0; k < len(lat); k++ {
			idx = append(idx, ri)
		}
		ri++
	}
	return b.String(), idx
}

// HasCyrillic reports whether s has at least one Cyrillic letter.
func HasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// homoglyphs maps Cyrillic letters that look like Latin ones. A token that
// mixes both scripts ("OOO" typed with a Cyrillic O) is read in the script
// most of its letters use.
var cyrToLatHomoglyph = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o',
	'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'і': 'i',
}

var latToCyrHomoglyph = map[rune]rune{
	'a': 'а', 'b': 'в', 'e': 'е', 'k': 'к', 'm': 'м', 'h': 'н', 'o': 'о',
	'p': 'р', 'c': 'с', 't': 'т', 'y': 'у', 'x': 'х', 'i': 'і',
}

// fixMixedScript rewrites a lower-case token that mixes Latin and Cyrillic
// letters into the script of its majority, using look-alike letters.
func fixMixedScript(tok string) string {
	var lat, cyr int
	for _, r := range tok {
		switch {
		case r >= 'a' && r <= 'z':
			lat++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		}
	}
	if lat == 0 || cyr == 0 {
		return tok
	}
	var b strings.Builder
	for _, r := range tok {
		if cyr > lat {
			if c, ok := latToCyrHomoglyph[r]; ok {
				r = c
			}
		} else if c, ok := cyrToLatHomoglyph[r]; ok {
			r = c
		}
		b.WriteRune(r)
	}
	return b.String()
}
