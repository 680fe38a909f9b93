package match

import (
	"fmt"
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

// truncScore checks whether a looks like b cut at a fixed field width:
// a is about TruncationWidth long and its tokens are the start of b's.
func truncScore(a, b *profile, explain bool) (float64, []string) {
	if !a.cut || b.runeLen <= a.runeLen {
		return 0, nil
	}
	ka, kb := a.n.Keys, b.n.Keys
	if len(ka) == 0 || len(ka) > len(kb) {
		return 0, nil
	}
	distinctive := false
	for i := 0; i < len(ka)-1; i++ {
		if v, doubt := tokenMatch(ka[i], kb[i], a.n.Tokens[i], b.n.Tokens[i], 7); v < 0.9 || doubt {
			return 0, nil
		}
		if !a.n.Legal[i] && !names.IsGeneric(ka[i]) && !isDigits(ka[i]) {
			distinctive = true
		}
	}
	// The stump is keyed as a whole word would be: a short stump gets an
	// acronym key (AZ of AZOTSTAL keeps its z), which the start of the
	// longer word's key must be compared with as Key spells it.
	last := names.Key(a.n.Tokens[len(ka)-1])
	other := names.Key(b.n.Tokens[len(ka)-1])
	if !strings.HasPrefix(other, last) && !longSlip(last, other) {
		// The cut may fall inside a letter group that folds differently
		// (kh cut to k): accept a shorter common prefix, of two letters
		// at least (the stump LO of ARKTIK LO is not the start of LNG).
		if len(last) < 3 || !strings.HasPrefix(other, last[:len(last)-1]) {
			return 0, nil
		}
	}
	if !distinctive && (len(last) < 5 || names.IsGeneric(last) || a.n.Legal[len(ka)-1]) {
		// Only legal form and generic words before the cut, and the cut
		// word too short to tell firms apart.
		return 0, nil
	}
	// Numbers in the kept part must agree.
	s, reasons := numberEvidenceTrunc(a, b)
	if s == 0 {
		return 0, reasons
	}
	if !explain {
		return 0.95, nil
	}
	return 0.95, []string{fmt.Sprintf("cut at %d characters: %q is the start of %q", TruncationWidth, strings.TrimSpace(a.n.Original), strings.TrimSpace(b.n.Original))}
}

func numberEvidenceTrunc(a, b *profile) (float64, []string) {
	for _, x := range a.n.Numbers {
		if !slices.Contains(b.n.Numbers, x) {
			return 0, []string{"different numbers"}
		}
	}
	return 1, nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// longSlip reports whether two keys are one slip apart and long enough for
// an automatic merge on it.
func longSlip(k, l string) bool {
	v, doubt := tokenMatch(k, l, "", "", 7)
	return v >= 0.9 && !doubt
}
