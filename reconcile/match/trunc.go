package match

import (
	"fmt"
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

// truncScore checks whether a looks like b cut at a fixed field width:
// a is about TruncationWidth long and its words are the start of b's, the
// last perhaps cut inside a word. The words are compared as written
// (legal forms in place), then with legal forms set aside (JSC ZARECHNYY
// HELICOPTER CENTER MIL starts AKCIONERNOE OBSZCZESTWO ZARECHNYY HELICOPTER
// CENTER MIL & KAMOV), then with spaces ignored (KAMSKIY CENTER OF
// SHIPBUILDING A starts KAMSKIY CENTER OF SHIPBUILD ING AND SHIP REPAIRING). Legal forms
// of different kinds cost what they cost in nameScore, so such a pair goes
// to review.
func truncScore(a, b *profile, explain bool) (float64, []string) {
	if !a.cut {
		return formEndScore(a, b, explain)
	}
	if b.runeLen <= a.runeLen && !coreGoesOn(a, b) {
		return 0, nil
	}
	starts, distinct := tokensStart(a, b)
	if !distinct {
		if s2, d2 := coreStarts(a, b); s2 {
			starts, distinct = true, d2 || distinct
		}
	}
	if !distinct {
		if s3, d3 := flatStarts(a, b); s3 {
			starts, distinct = true, d3 || distinct
		}
	}
	if !starts {
		return 0, nil
	}
	// Numbers in the kept part must agree.
	if s, reasons := numberEvidenceTrunc(a, b); s == 0 {
		return 0, reasons
	}
	s := 0.95
	var reasons []string
	if explain {
		reasons = []string{fmt.Sprintf("cut at %d characters: %q is the start of %q", TruncationWidth, strings.TrimSpace(a.n.Original), strings.TrimSpace(b.n.Original))}
	}
	if !distinct {
		// What is left before the cut is generic words and a short stump
		// (JSC MACHINE BUILDING COMPANY ‘KORV of ‘KORVAZ’): it may be
		// this firm, but it says too little to merge on.
		s = 0.80
		if explain {
			reasons = append(reasons, "only generic words and a short stump are left before the cut")
		}
	}
	if ca, cb := a.n.Class(), b.n.Class(); ca != "" && cb != "" && ca != cb && !(ca.Loose() && cb.Loose()) {
		pen := 0.10
		if ca.Family() != cb.Family() {
			pen = 0.15
		}
		s -= pen
		if explain {
			reasons = append(reasons, fmt.Sprintf("legal forms differ: %s / %s", ca, cb))
		}
	}
	return s, reasons
}

// coreGoesOn reports whether b, written no longer than the cut name a,
// still goes on past it because its legal form is written shorter
// (LIMITED LIABILITY COMPANY VELTOSFE / OOO VELTOSFERA): b's core letters
// are longer, and a's cover two thirds of them at least. Measured on the
// variants, shorter stumps put mostly other firms before the user.
func coreGoesOn(a, b *profile) bool {
	return len(b.flat) > len(a.flat) && 3*len(a.flat) >= 2*len(b.flat)
}

// tokensStart: a's tokens, legal forms included, are the start of b's;
// distinct when enough is left to merge on (enough).
func tokensStart(a, b *profile) (starts, distinct bool) {
	ka, kb := a.n.Keys, b.n.Keys
	if len(ka) == 0 || len(ka) > len(kb) {
		return false, false
	}
	distinctive := false
	for i := 0; i < len(ka)-1; i++ {
		if v, doubt := tokenMatch(ka[i], kb[i], a.n.Tokens[i], b.n.Tokens[i], 7); v < 0.9 || doubt {
			return false, false
		}
		if !a.n.Legal[i] && !names.IsGeneric(ka[i]) && !isDigits(ka[i]) {
			distinctive = true
		}
	}
	i := len(ka) - 1
	if !distinctive && a.n.Legal[i] {
		return false, false
	}
	if !isStump(a.n.Tokens[i], b.n.Tokens[i]) {
		return false, false
	}
	return true, enough(a.n.Tokens[i], distinctive)
}

// coreStarts: a's core words (legal forms and numbers aside) are the start
// of b's, each but the last the same word or one slip apart.
func coreStarts(a, b *profile) (starts, distinct bool) {
	na, nb := a.n, b.n
	last := len(na.Core) - 1
	if last < 0 || last >= len(nb.Core) || !endsInCore(na) {
		return false, false
	}
	distinctive := false
	for i := 0; i < last; i++ {
		if !sameWord(na, i, nb, i) {
			if v, doubt := tokenMatch(na.Core[i], nb.Core[i], na.CoreLat[i], nb.CoreLat[i], 7); v < 0.9 || doubt {
				return false, false
			}
		}
		distinctive = distinctive || !names.IsGeneric(na.Core[i])
	}
	if !sameWord(na, last, nb, last) && !isStump(na.CoreLat[last], nb.CoreLat[last]) {
		return false, false
	}
	// Legal form set aside, a lone word before the cut is not enough to
	// merge on (LIMITED LIABILITY COMPANY SPEKTROL is not the start of
	// SPEKTROL INVESTMENT GROUP SAL HOLDING): review.
	return true, distinctive
}

// endsInCore reports whether a name's last token is its last core word:
// only then can a cut fall inside it. A name that ends in a legal form
// after its core (ZORAMAXIA REAL ESTATE GMBH & CO. KG, INTELLOR LIMITED
// LIABILITY COMPANY) is whole up to there.
func endsInCore(n *names.Name) bool {
	k := len(n.Tokens) - 1
	return k >= 0 && !n.Legal[k] && len(n.CoreLat) > 0 && n.Tokens[k] == n.CoreLat[len(n.CoreLat)-1]
}

// flatStarts: a's core letters, spaces ignored, are the start of b's.
func flatStarts(a, b *profile) (starts, distinct bool) {
	fa, fb := a.flat, b.flat
	if len(fa) < 8 || len(fb) <= len(fa)+1 || !endsInCore(a.n) {
		return false, false
	}
	if !strings.HasPrefix(fb, fa) && !strings.HasPrefix(fb, fa[:len(fa)-1]) {
		return false, false
	}
	last := len(a.n.Core) - 1
	for i := 0; i < last; i++ {
		if !names.IsGeneric(a.n.Core[i]) && len(a.n.Core[i]) >= 3 {
			return true, true
		}
	}
	return true, false
}

// isStump reports whether the last word of a cut name is the start of
// word, or word with one slip.
func isStump(stump, word string) bool {
	// The stump is keyed as a whole word would be: a short stump gets an
	// acronym key (AZ of AZOTSTAL keeps its z), which the start of the
	// longer word's key must be compared with as Key spells it.
	last, other := names.Key(stump), names.Key(word)
	if strings.HasPrefix(other, last) || longSlip(last, other) {
		return true
	}
	// The cut may fall inside a letter group that folds differently (kh
	// cut to k): accept a shorter common prefix, of two letters at least
	// (the stump LO of ARKTIK LO is not the start of LNG).
	if len(last) >= 3 && strings.HasPrefix(other, last[:len(last)-1]) {
		return true
	}
	return cutInDigraph(stump, word)
}

// cutInDigraph reports whether a stump ends with the first letter of a
// digraph that another scheme spells otherwise where word has one: the
// French CH of Ш cut to C against SHIN, the TCH of Ч cut to T against
// CHERNY. The letters before must be word's own.
func cutInDigraph(stump, word string) bool {
	k := len(stump) - 1
	if k < 0 || k >= len(word) || !strings.ContainsRune("cstzk", rune(stump[k])) || !strings.HasPrefix(word, stump[:k]) {
		return false
	}
	for _, d := range []string{"sh", "ch", "zh", "kh", "ts", "cz", "sz"} {
		if strings.HasPrefix(word[k:], d) {
			return true
		}
	}
	return false
}

// enough reports whether a cut name is distinctive enough to match as the
// start of another: a word before the stump is distinctive, or the stump
// itself is five letters or more and not a generic word. Only legal form
// and generic words before a short stump tell firms apart too little.
func enough(stump string, distinctive bool) bool {
	k := names.Key(stump)
	return distinctive || len(k) >= 5 && !names.IsGeneric(k)
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

// formEndScore: a name of about TruncationWidth that ends in a legal form,
// so is not taken as cut (ISKRA DESIGN BUREAU JSC, UNITED AIRCRAFT CORP),
// whose words, form included, are the first words of a longer name that
// goes on past the form (ISKRA DESIGN BUREAU JSC NAMED AFTER …, UNITED
// AIRCRAFT CORPORATION …). The rest may have been cut off, or be a name
// of its own (a branch, a subsidiary, an institute named after someone):
// review, never merged.
func formEndScore(a, b *profile, explain bool) (float64, []string) {
	if !formEndStarts(a, b) {
		return 0, nil
	}
	if s, reasons := numberEvidenceTrunc(a, b); s == 0 {
		return 0, reasons
	}
	if !explain {
		return formEndReview, nil
	}
	return formEndReview, []string{formEndReason(a.n.Original, b.n.Original, 1)}
}

// formEndReason explains a name that ends in a legal form at the width
// and starts a longer one, and the names of firms-1 other firms.
func formEndReason(a, b string, firms int) string {
	return fmt.Sprintf("ends in a legal form at %d characters: %q is the start of %q%s, which goes on past the form; one firm if the rest was cut off, not if it names a branch or a subsidiary",
		TruncationWidth, strings.TrimSpace(a), strings.TrimSpace(b), andOthers(firms, " here"))
}

// endsInFormAtWidth reports a name of about TruncationWidth, not taken as
// cut because it ends in a legal form (names.Analyze), with a word before
// the form that tells firms apart.
func endsInFormAtWidth(a *profile) bool {
	last := len(a.n.Tokens) - 1
	return !a.cut && a.distinct && a.runeLen >= TruncationWidth-2 && a.runeLen <= TruncationWidth && last >= 1 && a.n.Legal[last]
}

// formEndReview is formEndScore's score: in the grey zone.
const formEndReview = 0.80

func formEndStarts(a, b *profile) bool {
	na, nb := a.n, b.n
	last := len(na.Tokens) - 1
	if !endsInFormAtWidth(a) || len(nb.Tokens) <= len(na.Tokens) || b.runeLen <= a.runeLen || !sameFormKind(na, nb) {
		return false
	}
	for i := 0; i <= last; i++ {
		if na.Tokens[i] == nb.Tokens[i] || i == last && isStump(na.Tokens[i], nb.Tokens[i]) {
			continue // CORP of CORPORATION, JSC of JSCNAMED
		}
		if v, doubt := tokenMatch(na.Keys[i], nb.Keys[i], na.Tokens[i], nb.Tokens[i], 7); v < 0.9 || doubt {
			return false
		}
	}
	return true
}
