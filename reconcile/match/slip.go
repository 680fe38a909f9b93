package match

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/names"
)

// slipDoubt says why two distinctive words one slip apart may be two
// names, or "": the slip is in the first letter (MARUN / KAROON, TAESONG /
// DAESONG): typos seldom hit it, names often differ there. Such pairs go
// to review, not merged. (Short words are already kept from slips by
// tokenMatch's length rule: seven letters, or five beside an exact word.)
func slipDoubt(k, l string, kw, lw string) string {
	if k[0] != l[0] {
		return fmt.Sprintf("the words differ in their first letter (%s / %s): more often two names than a typo", strings.ToUpper(kw), strings.ToUpper(lw))
	}
	return ""
}

func tokenMatch(k, l string, minLen int) float64 {
	if k == l {
		return 1
	}
	lk, ll := len(k), len(l)
	if lk < minLen || ll < minLen {
		return 0 // short words differ by one letter between firms too often
	}
	allowed := 1
	if lk >= 12 && ll >= 12 {
		allowed = 2
	}
	if editDistanceAtMost(k, l, allowed) > allowed {
		return 0
	}
	return jaroWinkler(k, l)
}

// typoScore catches names that differ by a slip of the keyboard in one
// word, legal form included ("Limited Liability Compbny …"): the same
// words in the same order but one, and that one within one edit (two for
// words of twelve letters or more). The word must be long enough to stay
// recognisable: seven letters, or five when another distinctive word
// agrees or the word is generic or a legal form, since short names differ
// by one letter between firms all the time (SIMA/SINA). Cut names are left to truncScore; numbers must agree.
func typoScore(a, b *profile, explain bool) (float64, []string) {
	if a.cut || b.cut || len(a.n.Keys) != len(b.n.Keys) || len(a.n.Keys) < 2 {
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
	if min(len(ka), len(kb)) < minLen {
		return 0, nil
	}
	allowed := 1
	if min(len(ka), len(kb)) >= 12 {
		allowed = 2
	}
	if editDistanceAtMost(ka, kb, allowed) > allowed {
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
		if why := slipDoubt(ka, kb, a.n.Tokens[diff], b.n.Tokens[diff]); why != "" {
			s = loneWordCap
			if explain {
				reasons = append(reasons, why)
			}
		}
	}
	s, reasons = numberEvidence(a, b, s, reasons, explain)
	return s, reasons
}
