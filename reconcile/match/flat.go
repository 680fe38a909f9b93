package match

import (
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

// Names compared with spaces ignored: a space dropped or added
// (ANISOPRINTRUS / ANISOPRINT RUS), a legal form glued onto the word before
// it (HOTELCO., LTD; …ROSSIIAO; …TRADEDMCC, as fixed-width exports and OCR
// leave them), a space added inside a word spelt with carons or a soft c
// (KAMTR ANSMAŠ / KAMTRANSMASH).

// flatKeys are the core words written together, keyed as one word by
// Key and by AcronymKey, and whether a word is an acronym or short word
// (a generic one, AND, OF, CO, does not count: it is no acronym, and
// ZORAVEL SHIIPPING AND TRADING must still meet ZORAVEL SHIP PING AND
// TRADING through Key, which folds the doubled i).
func flatKeys(n *names.Name) (key, acr string, short bool) {
	w := strings.Join(n.CoreLat, "")
	for i, t := range n.CoreLat {
		short = short || len(t) <= 4 && !names.IsGeneric(n.Core[i])
	}
	return names.Key(w), names.AcronymKey(w), short
}

// flatAll is every token of the name written together, legal forms and
// numbers included, keyed by AcronymKey, which keeps every letter (Key
// folds doubled letters and c/k: AO OSKKB would meet AO SKKBB, JSC KTIIM
// JSC CTIIM): a legal form glued to the last word leaves the letters of
// the name as they were.
func flatAll(n *names.Name) string {
	return names.AcronymKey(strings.Join(n.Tokens, ""))
}

// sameFlat reports whether two names are the same words spaced
// differently. When both have an acronym or a short word, all letters
// must stay (AcronymKey: VZPP-S is not VZPS, though Key folds pp to p).
func sameFlat(a, b *profile) bool {
	if a.flatAll == b.flatAll && !slices.Equal(a.n.Tokens, b.n.Tokens) && sameLead(a.n, b.n) {
		// Every letter the same, legal form included, spaced otherwise.
		// Only when a legal form in front is the same on both sides: PAO,
		// AO and ZAO start words (PAO LINI is not PAOLINI).
		return true
	}
	if (a.spelt != nil || b.spelt != nil) && spacedOtherwise(a, b) {
		return true
	}
	if gluedForm(a, b) || gluedForm(b, a) {
		return true
	}
	if len(a.n.Core) == len(b.n.Core) {
		return false
	}
	if a.flatShort && b.flatShort {
		// Acronyms on both sides keep every letter (VZPP-S / VZPS); a
		// short word on one side only is a long word split (SHIP PING).
		return a.flatAcr == b.flatAcr
	}
	if a.flat == b.flat {
		// Key folds doubled letters, also where words meet (ZORATEST TT
		// keys as ZORATEST): a short word on one side must keep its
		// letters, one slip aside (…SHIIPPING AND / …SHIP PING AND).
		return !(a.flatShort || b.flatShort) || editDistanceAtMost(a.flatAcr, b.flatAcr, 1) <= 1
	}
	// A word's second reading (carons as digraphs, c as Ц) is per word:
	// joined keys, so the word boundaries of either side do not matter.
	return a.altJoined != "" && (a.altJoined == b.joined || a.altJoined == b.altJoined) ||
		b.altJoined != "" && b.altJoined == a.joined
}

// sameLead reports whether two names start with the same legal-form words
// (or neither with one).
func sameLead(a, b *names.Name) bool {
	for i := 0; ; i++ {
		la := i < len(a.Tokens) && a.Legal[i]
		lb := i < len(b.Tokens) && b.Legal[i]
		if la != lb || la && a.Tokens[i] != b.Tokens[i] {
			return false
		}
		if !la {
			return true
		}
	}
}

// gluedForm reports whether a's last word is b's last core word with one
// of b's legal-form words glued on (VPZ KORMASHAO / AO VPZ KORMASH,
// ZORIYAH STEELFZC / ZORIYAH STEEL FZC), the rest of the core the same.
// The legal form may stand anywhere in b: a unit is represented by one of
// its spellings, which may write the form first.
func gluedForm(a, b *profile) bool {
	// a's last word must be longer than b's and than one of b's legal
	// words by three letters: checked on the profiles' lengths first.
	if a.lastLatLen < 0 || b.lastLatLen < 0 || a.lastLatLen <= b.lastLatLen || b.legalMin < 0 || a.lastLatLen-b.legalMin < 3 {
		return false
	}
	na, nb := a.n, b.n
	la := len(na.CoreLat) - 1
	w := na.CoreLat[la]
	for i, t := range nb.Tokens {
		if !nb.Legal[i] || len(w)-len(t) < 3 || !strings.HasSuffix(w, t) {
			continue
		}
		lat := append(slices.Clone(na.CoreLat[:la]), w[:len(w)-len(t)])
		flat := strings.Join(lat, "")
		if a.flatShort || b.flatShort || len(w)-len(t) <= 4 {
			return names.AcronymKey(flat) == b.flatAcr
		}
		return names.Key(flat) == b.flat
	}
	return false
}

// spacedOtherwise is the first check of sameFlat on every pair of the two
// units' spellings (unitFlats) but the faces' own.
func spacedOtherwise(a, b *profile) bool {
	as := append([]spelling{{a.n, a.flatAll}}, a.spelt...)
	bs := append([]spelling{{b.n, b.flatAll}}, b.spelt...)
	for i, x := range as {
		for j, y := range bs {
			if (i > 0 || j > 0) && x.flatAll == y.flatAll && !slices.Equal(x.n.Tokens, y.n.Tokens) && sameLead(x.n, y.n) {
				return true
			}
		}
	}
	return false
}
