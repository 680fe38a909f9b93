package match

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/names"
)

// Names of generic words only ("INDUSTRIAL TECHNOLOGIES JSC", "UNION
// DEVELOPMENT GROUP CO., LTD.") never merge on their words: many firms
// are called so. But two such names written alike, or one slip or one
// space apart, may well be one firm, and a careful reader would look:
// they go to review, never merged, when few names share the spelling.

// genericMinLetters is the fewest letters the core of a generic name must
// have, written together, to be put in review: shorter ones (TRADING LLC)
// are shared by too many firms to say anything.
const genericMinLetters = 12

// genericBucketMax bounds the names compared within one bucket of the
// slip search below.
const genericBucketMax = 64

// reviewGenericNames puts in review pairs of names one of which is only
// generic words, whose core letters (spacing ignored) are the same or one
// slip apart, with the same numbers and legal forms of one kind. A slip
// or a space in a generic word makes it a word of its own (ENGINEERING /
// ENGNEERING, DEVELOPMENT / DEVEL OPMENT), so the other name may have one
// or two non-generic words. A spelling shared by more than soundGroupMax names is
// a common name, and left alone.
func (c *clusterer) reviewGenericNames() {
	type entry struct {
		u        int
		flat     string
		nums     string
		distinct bool
	}
	var es []entry
	count := map[string]int{}
	for u, p := range c.profs {
		n := p.n
		if c.units[u].pinned || n.FormOnly || n.Cut || n.Open || len(n.Core) < 2 {
			continue
		}
		if n.Distinctive && !fewWordsNotGeneric(p) {
			continue
		}
		flat := names.Key(strings.Join(n.CoreLat, ""))
		if len(flat) < genericMinLetters {
			continue
		}
		e := entry{u, flat, "#" + strings.Join(n.Numbers, " "), n.Distinctive}
		es = append(es, e)
		count[e.flat+e.nums]++
	}
	// One slip changes either the first six letters or the last six of
	// a key of twelve or more, not both: pairs one slip apart share a
	// bucket.
	buckets := map[string][]int{}
	var order []string
	for i, e := range es {
		for _, k := range []string{"<" + e.flat[:6] + e.nums, ">" + e.flat[len(e.flat)-6:] + e.nums} {
			if buckets[k] == nil {
				order = append(order, k)
			}
			buckets[k] = append(buckets[k], i)
		}
	}
	done := map[[2]int]bool{}
	for _, k := range order {
		b := buckets[k]
		if len(b) < 2 || len(b) > genericBucketMax {
			continue
		}
		for i := 0; i < len(b); i++ {
			for j := i + 1; j < len(b); j++ {
				x, y := es[b[i]], es[b[j]]
				if x.distinct && y.distinct || x.nums != y.nums || done[[2]int{x.u, y.u}] {
					continue
				}
				done[[2]int{x.u, y.u}] = true
				if count[x.flat+x.nums] > soundGroupMax || count[y.flat+y.nums] > soundGroupMax ||
					editDistanceAtMost(x.flat, y.flat, 1) > 1 || !kindsAgree(c.profs[x.u].n, c.profs[y.u].n) {
					continue
				}
				rx, ry := c.find(x.u), c.find(y.u)
				if rx == ry || c.conflict(rx, ry) || c.hasCannot(x.u, y.u) {
					continue
				}
				how := "the same words"
				if x.flat != y.flat {
					how = "the same words but for one letter or space"
				}
				c.crossReview(rx, ry, x.u, y.u, fmt.Sprintf("only generic words, %s: %s / %s — many firms are called so; check, never merged on this alone",
					how, c.profs[x.u].n.Display(), c.profs[y.u].n.Display()))
			}
		}
	}
}

// fewWordsNotGeneric reports a name whose core words are all generic but
// one or two: what a slip in a generic word leaves (ENGNEERING), or a
// space inside it (SOL UTIONS).
func fewWordsNotGeneric(p *profile) bool {
	k := 0
	for _, g := range p.generic {
		if !g {
			k++
		}
	}
	return k <= 2
}

// kindsAgree reports legal forms of one kind, or a form on one side only.
func kindsAgree(a, b *names.Name) bool {
	ca, cb := a.Class(), b.Class()
	return ca == "" || cb == "" || ca == cb || ca.Loose() && cb.Loose()
}
