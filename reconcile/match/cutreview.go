package match

import (
	"fmt"
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

// cutMinLetters is the fewest letters a cut name must keep for its start
// to point at one firm.
const cutMinLetters = 16

// reviewCutStarts puts before the user the names that may be cut at a
// field width and say too little to match on their own (legal form and
// generic words: JSC ‘SCIENTIFIC AND ENGINEERING ENT, PJSC ‘NATIONAL
// COMMERCIAL INVESTMENT B) when their letters start the names of exactly one
// firm of the run: that firm, in review, never merged. A start shared by
// names of two or more firms (OBSCHESTVO S OGRANICHENNOI OTVETSTV starts
// every long-form LLC) says nothing and is left alone. Runs after linking,
// on clusters.
func (c *clusterer) reviewCutStarts() {
	type entry struct {
		key string
		u   int
	}
	var cuts []int
	for u, p := range c.profs {
		if p.cut && !p.indexable() && !c.units[u].pinned {
			cuts = append(cuts, u)
		}
	}
	if len(cuts) == 0 {
		return
	}
	keys := make([]string, len(c.profs))
	forEach(len(c.profs), func(u int) { keys[u] = lettersKey(c.profs[u].n) })
	all := make([]entry, 0, len(c.profs))
	for u, p := range c.profs {
		if !(p.cut && !p.indexable() && !c.units[u].pinned) {
			all = append(all, entry{keys[u], u})
		}
	}
	slices.SortFunc(all, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	for _, u := range cuts {
		k := keys[u]
		if len(k) < cutMinLetters {
			continue
		}
		// The cut may fall inside a letter group that keys otherwise (kh
		// cut to k): one letter less.
		pre := k[:len(k)-1]
		i, _ := slices.BinarySearchFunc(all, pre, func(e entry, t string) int { return strings.Compare(e.key, t) })
		firm, first, n := -1, -1, 0
		for ; i < len(all) && strings.HasPrefix(all[i].key, pre); i++ {
			v := all[i].u
			if len(all[i].key) <= len(k)+1 {
				continue // not longer: no name it is the start of
			}
			if r := c.find(v); firm == -1 {
				firm, first = r, v
			} else if r != firm {
				firm = -2
				break
			}
			n++
		}
		if firm < 0 || n == 0 || c.find(u) == firm {
			continue
		}
		c.addReview(u, first, c.opt.ReviewThreshold, fmt.Sprintf("may be cut at %d characters: it is the start of %q, and of no other firm's name here; too little is left before the cut to merge on",
			TruncationWidth, strings.TrimSpace(c.profs[first].n.Original)))
	}
}

// lettersKey is every token of a name written together and keyed: legal
// forms and generic words included, spacing ignored.
func lettersKey(n *names.Name) string {
	return names.Key(strings.Join(n.Tokens, ""))
}
