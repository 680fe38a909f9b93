package names

import "strings"

// foldRules rewrite Latin spellings that the common transliteration
// schemes (GOST 7.79, BGN/PCGN, ICAO passport, German and French style,
// ad-hoc customs spellings) write differently for one Cyrillic letter, and
// English spellings that Russian names borrow (export/eksport), onto one
// spelling. Order matters: longer patterns first.
var foldRules = []struct{ from, to string }{
	{"schtsch", "sh"}, {"shch", "sh"}, {"tsch", "h"}, {"sch", "sh"}, {"shh", "sh"},
	{"tch", "h"}, {"ch", "h"}, {"kh", "h"},
	// ц: ts (BGN, ICAO), cz (GOST), tz, z (German, which z->s below
	// meets).
	{"ts", "s"}, {"tz", "s"}, {"cz", "s"}, {"ph", "f"},
	{"zh", "sh"},
	{"yo", "e"}, {"jo", "e"}, {"ye", "e"}, {"je", "e"},
}

// Key folds one lower-case Latin token onto a spelling shared by the common
// transliteration schemes: kh/h/ch, ts/tz/cz/z/s, shch/sch/shh/sh, ya/ia/ja,
// yu/iu/ju, yo/e, y/i/j, a soft-sign i before u (plyus/plus), w/v, zh/sh (German sh for ж), z/s (German s for
// з), ks/x/kh/h (GOST x for х; eksport/export), c/k, q/k, doubled letters.
// Cyrillic input is transliterated first. Tokens in other scripts (Han,
// Arabic …) come back unchanged.
//
// The key is for comparison only: it is lossy on purpose (Chelyabinsk and
// Helyabinsk meet) and never shown as a name.
func Key(tok string) string {
	if HasCyrillic(tok) {
		tok = strings.ToLower(Translit(tok))
	}
	k, _ := keyMap(tok, false)
	return k
}

// KeyMap is Key for a lower-case Latin token, with the byte of tok that
// each byte of the key came from: the search box folds names the way the
// matcher does and still highlights the letters as written. Tokens that
// are not ASCII come back unchanged.
func KeyMap(tok string) (string, []int) { return keyMap(tok, true) }

// keyMap does the work of Key and KeyMap; the matcher calls it millions of
// times, so the byte map is only kept when asked for.
func keyMap(tok string, withSrc bool) (string, []int) {
	var src []int
	if withSrc {
		src = make([]int, 0, len(tok))
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] >= 0x80 {
			for j := 0; withSrc && j < len(tok); j++ {
				src = append(src, j)
			}
			return tok, src
		}
	}
	b := []byte(tok)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		matched := false
		for _, r := range foldRules {
			if len(b)-i >= len(r.from) && string(b[i:i+len(r.from)]) == r.from {
				out = append(out, r.to...)
				for k := 0; withSrc && k < len(r.to); k++ {
					src = append(src, i+min(k, len(r.from)-1))
				}
				i += len(r.from)
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		out = append(out, b[i])
		if withSrc {
			src = append(src, i)
		}
		i++
	}
	// Single-letter folds.
	for i, c := range out {
		switch c {
		case 'y', 'j':
			out[i] = 'i'
		case 'w':
			out[i] = 'v'
		case 'c', 'q':
			// An ad-hoc c for ц (cement/tsement) is not folded to s: c is
			// k in Latin words, and measured on the evaluation set the
			// soft-c rule cost more than it gained.
			out[i] = 'k'
		case 'z':
			out[i] = 's' // German and ad-hoc spellings write з as s
		}
	}
	// ks -> x, then doubled letters.
	res, rsrc := out[:0], src[:0]
	for i := 0; i < len(out); i++ {
		c, from := out[i], 0
		if withSrc {
			from = src[i]
		}
		if c == 'k' && i+1 < len(out) && out[i+1] == 's' {
			c = 'x'
			i++
		}
		if c == 'x' {
			// GOST writes х as x; ks and x (eksport/export) go the same way.
			c = 'h'
		}
		if len(res) > 0 && res[len(res)-1] == c {
			continue
		}
		res = append(res, c)
		if withSrc {
			rsrc = append(rsrc, from)
		}
	}
	res, rsrc = dropPalatal(res, rsrc)
	return string(res), rsrc
}

// dropPalatal removes the i (from y, j or i) that marks a soft consonant
// before u: ПЛЮС is plyus (BGN), plius (ICAO), pljus (GOST) and plus in
// the English spelling a Russian firm uses for its name.
// Before a (lya/la) it is not dropped: measured on the evaluation set,
// that turned one-letter typos near ya into two-letter ones and cost
// recall (0.886 -> 0.882) for no precision. Short keys (under five
// letters) are left alone, where one letter is too much of the word.
func dropPalatal(k []byte, src []int) ([]byte, []int) {
	if len(k) < 5 {
		return k, src
	}
	out, osrc := k[:0], src[:0]
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c == 'i' && len(out) > 0 && isConsonant(out[len(out)-1]) && i+1 < len(k) && k[i+1] == 'u' {
			continue
		}
		out = append(out, c)
		if src != nil {
			osrc = append(osrc, src[i])
		}
	}
	return out, osrc
}

func isConsonant(c byte) bool {
	if c < 'a' || c > 'z' {
		return false
	}
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	}
	return true
}
