package match

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/names"
)

// slipDoubt says why two distinctive words one slip apart may be two
// names, or "": the slip is in the first letter (MARUN / KAROON, TAESONG /
// DAESONG): typos seldom hit it, names often differ there. Such pairs go
// to review, not merged. (Short words are kept from automatic merges by
// tokenMatch's length rule: seven letters, or five beside an exact word.)
func slipDoubt(k, l string, kw, lw string) string {
	// Both as keyed and as written: a fold may change the first letter of
	// the key (KZII… keys as HI…: kz reads as ks, x, х), and the first
	// letters as written may differ only in a fold (CAROON / KAROON).
	if k[0] != l[0] && (kw == "" || lw == "" || kw[0] != lw[0]) {
		return fmt.Sprintf("the words differ in their first letter (%s / %s): more often two names than a typo", strings.ToUpper(kw), strings.ToUpper(lw))
	}
	return ""
}

// slipShort is the length, in letters, below which a word that differs by
// one letter is another word, not a slip: acronyms and initials (SIMA /
// SINA, LPC / LPK).
const slipShort = 5

// tokenMatch compares two words that may differ by a slip of the keyboard:
// within one edit (a letter inserted, dropped, changed, or two letters
// swapped), two for words of twelve letters or more, on their keys or on
// their letters as transliterated (kw, lw; "" when unknown). Folding can
// turn one slip into two: NATJONAL keys as NATENAL (jo is Ё), COMPONNTS
// loses a doubled letter, MACIHNES breaks the ch of MACHINES.
//
// The tolerance scales with the words' length and with what else agrees:
// words of minLen letters or more match; shorter words of slipShort letters
// or more match with doubt set (one letter in a short word is as often
// another firm as a typo: MIKRON / MIKSON goes to review); shorter ones do
// not match.
func tokenMatch(k, l, kw, lw string, minLen int) (sim float64, doubt bool) {
	if k == l {
		return 1, false
	}
	n := min(len(k), len(l))
	if kw != "" && lw != "" {
		n = min(len(kw), len(lw))
	}
	if n < slipShort {
		return 0, false
	}
	allowed := 1
	if n >= 12 {
		allowed = 2
	}
	sim = 0
	if editDistanceAtMost(k, l, allowed) <= allowed {
		sim = jaroWinkler(k, l)
	}
	if kw != "" && lw != "" && editDistanceAtMost(kw, lw, allowed) <= allowed {
		sim = max(sim, jaroWinkler(kw, lw))
	}
	if sim == 0 {
		return 0, false
	}
	return sim, n < minLen
}

// shortSlip explains why a pair with a slip in a short word goes to review.
func shortSlip(kw, lw string) string {
	return fmt.Sprintf("one letter differs in a short word (%s / %s): as often two firms as a typo", strings.ToUpper(kw), strings.ToUpper(lw))
}

// typoScore catches names that differ by a slip of the keyboard in one
// word, legal form included ("Limited Liability Compbny …"): the same
// words in the same order but one, and that one within tokenMatch's
// edits. The word must be long enough to stay recognisable: seven
// letters, or five when another distinctive word agrees or the word is
// generic or a legal form; a distinctive word of five or six letters
// goes to review, shorter ones differ between firms all the time
// (SIMA/SINA). Cut names are left to truncScore; numbers must agree.
func typoScore(a, b *profile, explain bool) (float64, []string) {
	if a.nKeys != b.nKeys || a.nKeys < 2 || a.cut || b.cut {
		return 0, nil
	}
	diff := -1
	for i, k := range a.n.Keys {
		if k != b.n.Keys[i] {
			if diff >= 0 {
				return 0, nil
			}
			diff = i
		}
	}
	if diff < 0 {
		return 0, nil
	}
	ka, kb := a.n.Keys[diff], b.n.Keys[diff]
	// The rest must be distinctive: not only legal form and generic words.
	distinctive := false
	for i, k := range a.n.Keys {
		if i != diff && !a.n.Legal[i] && !names.IsGeneric(k) && !isDigits(k) {
			distinctive = true
		}
	}
	minLen := 7
	if distinctive || a.n.Legal[diff] || b.n.Legal[diff] || names.IsGeneric(ka) || names.IsGeneric(kb) {
		// Another distinctive word already agrees, or the slip is in a
		// legal form or generic word: shorter words may carry it.
		minLen = 5
	}
	sim, doubt := tokenMatch(ka, kb, a.n.Tokens[diff], b.n.Tokens[diff], minLen)
	if sim == 0 {
		return 0, nil
	}
	if !distinctive && (a.n.Legal[diff] || names.IsGeneric(ka)) {
		return 0, nil
	}
	s := 0.93
	var reasons []string
	if explain {
		reasons = []string{fmt.Sprintf("one word differs by a letter: %s ~ %s", strings.ToUpper(a.n.Tokens[diff]), strings.ToUpper(b.n.Tokens[diff]))}
	}
	if !a.n.Legal[diff] && !names.IsGeneric(ka) {
		why := slipDoubt(ka, kb, a.n.Tokens[diff], b.n.Tokens[diff])
		if why == "" && doubt {
			why = shortSlip(a.n.Tokens[diff], b.n.Tokens[diff])
		}
		if why != "" {
			s = loneWordCap
			if explain {
				reasons = append(reasons, why)
			}
		}
	}
	s, reasons = numberEvidence(a, b, s, reasons, explain)
	return s, reasons
}
