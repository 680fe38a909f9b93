package match

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/names"
)

// A name written with a space dropped or added and a slip as well
// (INSTITOUTPRIBOROSTROENIIA / INSTITUT PRIBOROSTROENIYA, PRIBOR NYJ ZAWOD /
// PRIBOORNYI SAWOD), or in another transliteration scheme than the key
// folds (TOCZMASZ / TOCHMASH: Polish cz and sz), shares no word with the
// other spelling and scores far below review. Its letters, written
// together and with the schemes' letter groups folded further than Key
// does, differ by a letter or two. Such pairs go to review, never merged:
// a careful reader would look, and two firms can be that close.

// skelScore is the score such a pair gets: inside the review band, below
// the automatic threshold.
const skelScore = 0.80

// skelMin is the fewest letters a skeleton must have to be compared:
// shorter ones are within a letter or two of too many names.
const skelMin = 8

// skelOwnMin is the fewest letters of words that are not generic a name
// must have for its skeleton to count: MX INTERNATIONAL and MKS
// INTERNATIONAL fold to one skeleton (x is ks), but what tells them apart
// is two or three letters of initials, not a slip in a long name.
const skelOwnMin = 6

// skeletonReader folds, before Key, what Key keeps apart: French ou for у.
var skeletonReader = strings.NewReplacer("ou", "u")

// schemeSkeleton is the core of n written together, keyed by Key (which
// folds most scheme spellings), with h dropped: Key reads х and ч as h
// (kh, ch, tch) and ш, щ, ж as sh, so without it ш/щ/ж meet с/з/ц (sz,
// cz, s, z: Polish and German spellings) and х or ч dropped by a clerk
// (TEHNOLOGII) costs nothing. Numbers are left out (numberEvidence
// weighs them).
func schemeSkeleton(n *names.Name) string {
	k := names.Key(skeletonReader.Replace(strings.Join(n.CoreLat, "")))
	b := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c == 'h' || c == 'i' && i+1 < len(k) && strings.IndexByte("aeiou", k[i+1]) >= 0 {
			continue
		}
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	return string(b)
}

// skelSlips is how many letters two skeletons of n letters may differ by:
// one, two from sixteen letters.
func skelSlips(n int) int {
	if n >= 16 {
		return 2
	}
	return 1
}

// skeletonNear reports whether two distinctive names' skeletons are
// long enough and within skelSlips of each other, with how many letters
// apart.
func skeletonNear(a, b *profile) (int, bool) {
	n := min(len(a.skel), len(b.skel))
	if n < skelMin || a.ownLetters < skelOwnMin || b.ownLetters < skelOwnMin {
		return 0, false
	}
	k := skelSlips(n)
	if abs(len(a.skel)-len(b.skel)) > k {
		return 0, false
	}
	d := fewEdits(a.skel, b.skel, k)
	if d > k || digits(a.skel) != digits(b.skel) {
		// A brand's number (S7 / S8) is no slip.
		return 0, false
	}
	return d, true
}

// fewEdits is editDistanceAtMost for the small k of skelSlips, by
// trying each edit where the strings first differ: at most 4^k walks of
// the strings, where the dynamic programme fills a row per letter. It is
// run on most candidate pairs.
func fewEdits(a, b string, k int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		if d := max(len(a), len(b)); d <= k {
			return d
		}
		return k + 1
	}
	if k == 0 || abs(len(a)-len(b)) > k {
		return k + 1
	}
	best := 1 + fewEdits(a[1:], b[1:], k-1) // a letter changed
	if len(a) >= 2 && len(b) >= 2 && a[0] == b[1] && a[1] == b[0] {
		best = min(best, 1+fewEdits(a[2:], b[2:], k-1)) // two swapped
	}
	best = min(best, 1+fewEdits(a[1:], b, k-1), 1+fewEdits(a, b[1:], k-1)) // one dropped or added
	return min(best, k+1)
}

// digits are the digits of s in order.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// skeletonReason explains a pair put in review by skeletonNear.
func skeletonReason(a, b *profile, d int) string {
	how := "the same letters"
	switch d {
	case 1:
		how = "the same letters but one"
	case 2:
		how = "the same letters but two"
	}
	return fmt.Sprintf("%s once spaces and transliteration schemes are set aside: %s ~ %s — a space, a slip or another spelling of one name, or two names; check",
		how, a.n.Display(), b.n.Display())
}

// reviewSkeletons finds the pairs skeletonNear would put in review that
// the candidate index does not reach: one-word names in two schemes with
// a slip share few letter groups as keyed (RESHETNYOV / RESZETNIIOW,
// skeletons RESETNEV / RESETNOV). Names are grouped by the consonants
// of their skeletons; a group of more than soundGroupMax names is a
// common skeleton and left alone. Review only, like the pairs scored.
func (c *clusterer) reviewSkeletons() {
	groups := map[string][]int{}
	for u, p := range c.profs {
		n := p.n
		if c.units[u].pinned || !n.Distinctive || n.Cut || n.Open || len(p.skel) < skelMin || p.ownLetters < skelOwnMin {
			continue
		}
		k := consonants(p.skel)
		groups[k] = append(groups[k], u)
	}
	for _, g := range groups {
		if len(g) < 2 || len(g) > soundGroupMax {
			continue
		}
		for i, u := range g {
			for _, v := range g[i+1:] {
				x, y := c.find(u), c.find(v)
				if x == y || c.conflict(x, y) || c.hasCannot(u, v) {
					continue
				}
				if _, ok := c.review[[2]int{min(x, y), max(x, y)}]; ok {
					continue
				}
				a, b := c.profs[u], c.profs[v]
				if numbersDiffer(a.n, b.n) || !sameKind(a.n, b.n) {
					continue
				}
				if d, ok := skeletonNear(a, b); ok {
					c.crossReview(x, y, u, v, skeletonReason(a, b, d))
				}
			}
		}
	}
}

// sameKind reports legal forms of one kind, or none on either side: the
// scored pairs lose their place in review on different kinds too.
func sameKind(a, b *names.Name) bool {
	ca, cb := a.Class(), b.Class()
	return ca == cb || ca != "" && cb != "" && ca.Loose() && cb.Loose()
}

// consonants is s without its vowels.
func consonants(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiouy", r) {
			return -1
		}
		return r
	}, s)
}
