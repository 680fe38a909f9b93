package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tradecheck/reconcile/values"
)

// maxAliases bounds the second names taken from one bracket.
const maxAliases = 4

// aliasLead are words that introduce a second name inside brackets:
// "(a.k.a. NORINCO)", "(formerly known as …)".
var aliasLead = [][]string{
	{"also", "known", "as"}, {"formerly", "known", "as"}, {"known", "as"}, {"trading", "as"},
	{"f", "k", "a"}, {"d", "b", "a"}, {"aka"}, {"fka"}, {"dba"}, {"formerly"}, {"former"}, {"ex"},
}

// idLabels are words in brackets that label an identifier, not a name.
var idLabels = map[string]bool{"inn": true, "kpp": true, "ogrn": true, "tin": true, "vat": true, "bin": true,
	"unp": true, "edrpou": true, "okpo": true, "reg": true, "no": true}

// aliasesOf reads a name written twice, the second time in brackets:
// "China North Industries Group (NORINCO)" is also "China North Industries
// Group" and "NORINCO". It returns the name outside the brackets and each
// name inside them, or nothing when the bracket holds no second name of
// its own: a place ("(HONG KONG)", "(NL)"), a legal form, generic words,
// an identifier, or a short acronym (three letters or fewer say too
// little to stand as a firm's name). The caller matches these against
// whole names only, never against each other, so "ALPHA (HONG KONG)" and
// "ALPHA (SHENZHEN)" do not meet through their common outside.
func aliasesOf(s string) []*Name {
	open := strings.IndexAny(s, "([（［")
	if open < 0 {
		return nil
	}
	_, ow := utf8.DecodeRuneInString(s[open:])
	rel := strings.IndexAny(s[open+ow:], ")]）］")
	if rel < 0 {
		return nil
	}
	closeAt := open + ow + rel
	_, cw := utf8.DecodeRuneInString(s[closeAt:])
	inner := s[open+ow : closeAt]
	after := s[closeAt+cw:]
	if a := analyze(after); a.Distinctive || len(a.Numbers) > 0 {
		// The bracket names part of the name, not all of it
		// ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE").
		return nil
	}
	outer := strings.TrimSpace(s[:open] + " " + after)
	var out []*Name
	for _, part := range strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ';' }) {
		toks := Tokens(part)
		for _, lead := range aliasLead {
			if len(toks) > len(lead) && equalPrefix(toks, lead) {
				toks = toks[len(lead):]
				break
			}
		}
		if len(toks) == 0 {
			continue
		}
		txt := strings.Join(toks, " ")
		if _, ok := values.Country(txt); ok || nearCountry(toks) {
			return nil // a place qualifies the name: no second name here
		}
		n := analyze(txt)
		if !aliasWorthy(n) {
			continue
		}
		out = append(out, n)
		if len(out) == maxAliases {
			break
		}
	}
	if len(out) == 0 {
		return nil
	}
	if o := analyze(outer); o.Distinctive {
		out = append([]*Name{o}, out...)
	}
	return out
}

func aliasWorthy(n *Name) bool {
	if !n.Distinctive {
		return false
	}
	letters := 0
	for _, k := range n.Core {
		if idLabels[k] {
			return false
		}
		letters += len(k)
	}
	return letters >= 4
}

func equalPrefix(toks, lead []string) bool {
	for i, l := range lead {
		if toks[i] != l {
			return false
		}
	}
	return true
}

var (
	countryKeysOnce sync.Once
	countryKeys     []string
)

// nearCountry reports whether tokens spell a country's English name with
// at most one slip ("KAZBKHSTAN"): a typo must not turn a place
// qualifier into a second name.
func nearCountry(toks []string) bool {
	countryKeysOnce.Do(func() {
		for a := 'A'; a <= 'Z'; a++ {
			for b := 'A'; b <= 'Z'; b++ {
				code := string([]rune{a, b})
				if n := values.CountryName(code); n != code {
					countryKeys = append(countryKeys, keyOf(Tokens(n)))
				}
			}
		}
	})
	k := keyOf(toks)
	if len(k) < 5 {
		return false
	}
	for _, c := range countryKeys {
		if withinOneEdit(k, c) {
			return true
		}
	}
	return false
}

func keyOf(toks []string) string {
	ks := make([]string, len(toks))
	for i, t := range toks {
		ks[i] = Key(t)
	}
	return strings.Join(ks, " ")
}

// withinOneEdit reports whether a and b differ by at most one
// substitution, insertion or deletion of a byte.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// scriptReadings reads a name written in two scripts, one after the other,
// as two names: "技术克里姆有限责任公司 TEKHKRIM", "ООО Техкрим TEKHKRIM
// LLC". Exports write a Chinese or Russian name with its Latin spelling
// after it (or before it), without brackets; the Latin part alone must
// match the firm's Latin names, which the whole name, Han text and all,
// never did. The parts are returned when the tokens fall into exactly two
// runs, one Latin and one in another script, and each is a name of its
// own (aliasWorthy); a Latin legal form on a Cyrillic name ("Техкрим
// LLC") or digits are no second name.
func scriptReadings(s string) []*Name {
	if !twoScripts(s) {
		return nil
	}
	toks := Tokens(s)
	cut := -1
	prev := 0 // 1 Latin, 2 another script, 0 none yet (digits only)
	for i, t := range toks {
		sc := tokenScript(fixMixedScript(t))
		if sc == 0 {
			continue
		}
		if prev != 0 && sc != prev {
			if cut >= 0 {
				return nil // more than two runs
			}
			cut = i
		}
		prev = sc
	}
	if cut <= 0 {
		return nil
	}
	var out []*Name
	for _, part := range [][]string{toks[:cut], toks[cut:]} {
		n := analyze(strings.Join(part, " "))
		if !aliasWorthy(n) {
			return nil
		}
		out = append(out, n)
	}
	// A legal form written in one script is the whole firm's: the Latin
	// TEKHKRIM of 技术克里姆有限责任公司 TEKHKRIM is a limited company, so
	// it meets TEKHKRIM LLC but goes to review with TEKHKRIM JSC.
	for i, n := range out {
		if o := out[1-i]; len(n.Forms) == 0 && len(o.Forms) > 0 {
			n.Forms = append([]LegalClass(nil), o.Forms...)
		}
		n.ScriptPart = true
	}
	return out
}

// twoScripts reports whether s has Latin letters and letters of another
// script, cheaply, before any tokenising.
func twoScripts(s string) bool {
	lat, other := false, false
	for _, r := range s {
		switch {
		case r < 0x80:
			lat = lat || (r|0x20 >= 'a' && r|0x20 <= 'z')
		case unicode.IsLetter(r) && r >= 0x250:
			other = true
		}
		if lat && other {
			return true
		}
	}
	return false
}

// tokenScript is 1 for a token of Latin letters, 2 for one in another
// script, 0 for one without letters (digits).
func tokenScript(t string) int {
	sc := 0
	for _, r := range t {
		if !unicode.IsLetter(r) {
			continue
		}
		if r < 0x250 {
			if sc == 2 {
				return 2
			}
			sc = 1
		} else {
			sc = 2
		}
	}
	return sc
}
