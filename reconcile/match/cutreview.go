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

// cutMaxFirms is the most firms a cut name may start and still be put
// before the user, beside each of them: a start shared by more says
// nothing, and would flood the review queue.
const cutMaxFirms = 3

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
		var firms, firsts []int // distinct firms it starts, and a name of each
		for ; i < len(all) && strings.HasPrefix(all[i].key, pre); i++ {
			v := all[i].u
			if len(all[i].key) <= len(k)+1 {
				continue // not longer: no name it is the start of
			}
			r := c.find(v)
			if slices.Contains(firms, r) {
				continue
			}
			firms, firsts = append(firms, r), append(firsts, v)
			if len(firms) > cutMaxFirms {
				break
			}
		}
		if len(firms) == 0 || len(firms) > cutMaxFirms || slices.Contains(firms, c.find(u)) {
			continue
		}
		for _, first := range firsts {
			why := fmt.Sprintf("may be cut at %d characters: it is the start of %q, and of no other firm's name here; too little is left before the cut to merge on",
				TruncationWidth, strings.TrimSpace(c.profs[first].n.Original))
			if len(firms) > 1 {
				why = fmt.Sprintf("may be cut at %d characters: it is the start of %q and of %d other firms' names here; too little is left before the cut to merge on, or to tell which",
					TruncationWidth, strings.TrimSpace(c.profs[first].n.Original), len(firms)-1)
			}
			c.addReview(u, first, c.opt.ReviewThreshold, why)
		}
	}
}

// lettersKey is every token of a name written together and keyed: legal
// forms and generic words included, spacing ignored.
func lettersKey(n *names.Name) string {
	return names.Key(strings.Join(n.Tokens, ""))
}
