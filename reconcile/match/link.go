package match

import (
	"fmt"
	"slices"
	"strings"
)

func (c *clusterer) find(x int) int {
	for c.parent[x] != x {
		c.parent[x] = c.parent[c.parent[x]]
		x = c.parent[x]
	}
	return x
}

// coreRank orders possible cores: distinctive names first, then by how
// many records use them, then by unit order (which follows mention keys).
func (c *clusterer) betterCore(a, b int) bool {
	da, db := c.profs[a].n.Distinctive, c.profs[b].n.Distinctive
	if da != db {
		return da
	}
	// A name that may be cut at a field width matches every longer name it
	// starts: it must not be the core others are checked against.
	ca, cb := c.profs[a].cut, c.profs[b].cut
	if ca != cb {
		return cb
	}
	if c.units[a].count != c.units[b].count {
		return c.units[a].count > c.units[b].count
	}
	// Then the name that matches most others: the usual spelling rather
	// than one with a slip.
	if c.degree[a] != c.degree[b] {
		return c.degree[a] > c.degree[b]
	}
	return a < b
}

func (c *clusterer) conflict(x, y int) bool {
	if c.cTax[x] != "" && c.cTax[y] != "" && c.cTax[x] != c.cTax[y] {
		return true
	}
	if len(c.cannot) == 0 {
		return false
	}
	if len(c.members[x]) > len(c.members[y]) {
		x, y = y, x
	}
	for _, u := range c.members[x] {
		for _, v := range c.cannot[u] {
			if c.find(v) == y {
				return true
			}
		}
	}
	return false
}

// maxAnchors bounds the core check's work on big tax-ID clusters.
const maxAnchors = 32

// appendAnchors adds units not already present, up to maxAnchors.
func appendAnchors(a []int, more ...int) []int {
	a = slices.Clone(a)
	for _, u := range more {
		if len(a) >= maxAnchors {
			break
		}
		if !slices.Contains(a, u) {
			a = append(a, u)
		}
	}
	return a
}

// union merges the clusters of units u and v; the unit of the cluster that
// loses its core records why it joined. decisive merges (same tax ID, the
// user's word) pool the clusters' anchors; a merge on names keeps the
// anchors of the cluster whose core wins, so a third name must match those
// and cannot chain through the newcomer.
func (c *clusterer) union(u, v int, score float64, why string, decisive bool) {
	x, y := c.find(u), c.find(v)
	if x == y {
		return
	}
	if c.size[x] < c.size[y] {
		x, y = y, x
		u, v = v, u
	}
	// y joins x; choose the new core.
	keep, lose := c.core[x], c.core[y]
	if c.betterCore(lose, keep) {
		keep, lose = lose, keep
	}
	c.reason[lose] = why
	c.rscore[lose] = score
	switch {
	case decisive || (c.firm[x] && c.firm[y]):
		c.anchors[x] = appendAnchors(c.anchors[x], c.anchors[y]...)
		c.firm[x] = true
	case c.firm[y]:
		// Units joined by tax ID stay anchors whatever name merges follow:
		// they are one firm for certain, so a name matching any of them
		// belongs here. Dropping them for the winning core's own anchors
		// kept "JSC RUSSIAN MACHINES" out of the firm whose INN variant
		// "JSC RUSSIAN MACHINES, INN 2373000582" it equals.
		c.anchors[x] = appendAnchors(c.anchors[y], keep)
		c.firm[x] = true
	case c.firm[x]:
		c.anchors[x] = appendAnchors(c.anchors[x], keep)
	case keep == c.core[y]:
		c.anchors[x] = c.anchors[y]
	}
	c.anchors[y] = nil
	c.parent[y] = x
	c.size[x] += c.size[y]
	c.core[x] = keep
	if c.cTax[x] == "" {
		c.cTax[x] = c.cTax[y]
	}
	c.members[x] = append(c.members[x], c.members[y]...)
	c.members[y] = nil
}

func (c *clusterer) link() {
	nu := len(c.units)
	c.parent = make([]int, nu)
	c.core = make([]int, nu)
	c.anchors = make([][]int, nu)
	c.firm = make([]bool, nu)
	c.size = make([]int, nu)
	c.cTax = make([]string, nu)
	c.members = make([][]int, nu)
	c.reason = make([]string, nu)
	c.rscore = make([]float64, nu)
	c.review = map[[2]int]Pair{}
	c.degree = make([]int32, nu)
	for _, p := range c.pairs {
		if float64(p.s) < c.opt.AutoThreshold {
			break
		}
		c.degree[p.u]++
		c.degree[p.v]++
	}
	for u := range nu {
		c.parent[u], c.core[u], c.size[u] = u, u, 1
		c.anchors[u] = []int{u}
		c.members[u] = []int{u}
		c.reason[u] = "core"
		c.rscore[u] = 1
		if !c.units[u].pinned {
			c.cTax[u] = c.tax[c.units[u].mentions[0]]
			c.firm[u] = c.cTax[u] != ""
		}
	}
	c.cannot = map[int][]int{}
	notSame := map[[2]int]bool{}
	for _, p := range c.plan.notSame {
		u, v := c.unitOf[p[0]], c.unitOf[p[1]]
		if u == v {
			// The user says two mentions of one unit differ: only a split separates them.
			continue
		}
		c.cannot[u] = append(c.cannot[u], v)
		c.cannot[v] = append(c.cannot[v], u)
		notSame[[2]int{min(u, v), max(u, v)}] = true
	}
	// 1. The user's word.
	for _, p := range c.plan.confirm {
		u, v := c.unitOf[p[0]], c.unitOf[p[1]]
		if !c.hasCannot(u, v) {
			c.union(u, v, 1, "confirmed by user", true)
		}
	}
	// 2. Same tax ID is decisive.
	byTax := map[string]int{}
	for u := range nu {
		t := c.tax[c.units[u].mentions[0]]
		if t == "" || c.units[u].pinned {
			continue
		}
		if first, ok := byTax[t]; ok {
			if !c.conflict(c.find(first), c.find(u)) {
				c.union(first, u, 1, "same INN "+t, true)
			}
		} else {
			byTax[t] = u
		}
	}
	// 3. Names, best pairs first, each checked against the cluster cores.
	// A name without tax ID that matches names with two different tax IDs
	// could be either firm: it goes to review, not into one of them.
	ambiguous := c.ambiguous()
	cuts := c.cutPartners(ambiguous)
	var later []scored
	for _, p := range c.pairs {
		if float64(p.s) >= c.opt.AutoThreshold && (cuts[int(p.u)] != nil || cuts[int(p.v)] != nil) {
			later = append(later, p)
			continue
		}
		c.linkPair(p, ambiguous, notSame)
	}
	// A name that may be cut and starts names that do not match each
	// other is linked last: when those names have become one firm (its
	// spellings with a slip, a space, another legal form), the cut name is
	// that firm's; when they are two firms, it could be either: review.
	for u, ps := range cuts {
		if a, b, two := c.twoClusters(ps); two {
			ambiguous[u] = fmt.Sprintf("not merged: may be cut at %d characters, and starts both %q and %q",
				TruncationWidth, c.profs[a].n.Original, c.profs[b].n.Original)
		}
	}
	for _, p := range later {
		c.linkPair(p, ambiguous, notSame)
	}
	// 4. The user's merges join whole entities, so they come after the
	// automatic links: a name the engine had already matched keeps its own
	// reason, and "merged by user" marks only the names the merge joined.
	// (Done first, a merge naming "АО «НПП «Радиотехника»" relabelled the
	// untaxed mention of that spelling, matched by transliteration.)
	for _, p := range c.plan.merge {
		u, v := c.unitOf[p[0]], c.unitOf[p[1]]
		if !c.hasCannot(u, v) {
			c.union(u, v, 1, "merged by user", true)
		}
	}
	c.reviewCutStarts()
	c.reviewGenericNames()
	c.reviewSkeletons()
	c.reviewSoundAlike()
	c.reviewTranslated()
	c.reviewPinyin()
}

// linkPair merges the units of a scored pair, or puts it in review, or
// leaves it, by the rules of step 3 of link.
func (c *clusterer) linkPair(p scored, ambiguous map[int]string, notSame map[[2]int]bool) {
	u, v := int(p.u), int(p.v)
	if c.units[u].pinned || c.units[v].pinned {
		return
	}
	if (ambiguous[u] != "" || ambiguous[v] != "") && float64(p.s) >= c.opt.AutoThreshold {
		why := ambiguous[u]
		if why == "" {
			why = ambiguous[v]
		}
		c.addReview(u, v, float64(p.s), why)
		return
	}
	x, y := c.find(u), c.find(v)
	if x == y {
		return
	}
	s := float64(p.s)
	if notSame[[2]int{u, v}] || c.conflict(x, y) {
		return
	}
	if s < c.opt.AutoThreshold {
		c.addReview(u, v, s, "")
		return
	}
	if cs, cx, cy := c.anchorScore(x, y, u, v, s); cs < c.opt.ReviewThreshold {
		c.addReview(u, v, s, fmt.Sprintf("not merged: %s and %s, the cores of their groups, score only %.2f",
			c.profs[cx].n.Display(), c.profs[cy].n.Display(), cs))
		return
	}
	_, why := scorePair(c.profs[u], c.profs[v], true)
	c.union(u, v, s, strings.Join(why, "; "), false)
}

// twoClusters reports two of units that are in different clusters.
func (c *clusterer) twoClusters(units []int) (int, int, bool) {
	for _, w := range units[1:] {
		if c.find(w) != c.find(units[0]) {
			return units[0], w, true
		}
	}
	return 0, 0, false
}

// cutPartners finds names that may be cut at a field width and match, as
// starts, longer names that do not match each other ("STATE UNITARY
// ENTERPRISE OF THE RE" starts many firms), with those names; link
// decides once the others are linked whether they are one firm.
func (c *clusterer) cutPartners(ambiguous map[int]string) map[int][]int {
	partners := map[int][]int{}
	whole := map[int][]int{} // names a cut name matches that do not go on past it
	for _, p := range c.pairs {
		if float64(p.s) < c.opt.AutoThreshold {
			break
		}
		u, v := int(p.u), int(p.v)
		for _, x := range [][2]int{{u, v}, {v, u}} {
			a, b := x[0], x[1]
			if !c.profs[a].cut {
				continue
			}
			if goesOn(c.profs[a], c.profs[b]) {
				partners[a] = append(partners[a], b)
			} else {
				whole[a] = append(whole[a], b)
			}
		}
	}
	out := map[int][]int{}
	for u, ps := range partners {
		// A name it matches whole counts too (… NEW YORK is the whole
		// core of … NEW YORK CORP. and the start of … NEW YORK II CORP.),
		// or the cut name would bind two firms as their common core.
		ps = append(ps, whole[u]...)
		if len(ps) < 2 || ambiguous[u] != "" {
			continue
		}
		all := ps
		ps = ps[:min(len(ps), 12)]
	check:
		for i := 0; i < len(ps); i++ {
			for j := i + 1; j < len(ps); j++ {
				// Partners that would not merge on their own (VOLGATRANS
				// NORTH / VOLGATRANS SOUTH score 0.88, review) may be two
				// firms, and the cut name could be either.
				if scoreFast(c.profs[ps[i]], c.profs[ps[j]]) < c.opt.AutoThreshold {
					out[u] = all
					break check
				}
			}
		}
	}
	return out
}

// goesOn reports whether a may be cut and b goes on past it: longer as
// written and by two letters of its core at least. A name of about 35
// characters that is whole (AO ZARECHNYY NANOTECHNOLOGY CENTER) matches
// its own spellings with a typo or a space (NANOTECHNOLGOY, NANOTE
// CHNOLOGY), which do not match each other; they are not names it starts.
func goesOn(a, b *profile) bool {
	return a.cut && b.runeLen > a.runeLen && (len(b.flat) >= len(a.flat)+2 || len(b.n.Numbers) > len(a.n.Numbers))
}

// anchorScore is the best score between the anchors of clusters x and y
// (the pair u, v itself when both are anchors), with the best anchors.
func (c *clusterer) anchorScore(x, y, u, v int, s float64) (float64, int, int) {
	best, bx, by := -1.0, c.core[x], c.core[y]
	for _, a := range c.anchors[x] {
		for _, b := range c.anchors[y] {
			var sc float64
			if (a == u && b == v) || (a == v && b == u) {
				sc = s
			} else {
				sc = scoreAnchor(c.profs[a], c.profs[b])
			}
			if sc > best {
				best, bx, by = sc, a, b
			}
		}
	}
	return best, bx, by
}

// ambiguous finds units without a tax ID whose automatic matches carry two
// or more different tax IDs, with the explanation.
func (c *clusterer) ambiguous() map[int]string {
	seen := map[int]string{}
	out := map[int]string{}
	note := func(u, v int) {
		tu, tv := c.tax[c.units[u].mentions[0]], c.tax[c.units[v].mentions[0]]
		if tu != "" || tv == "" {
			return
		}
		if prev, ok := seen[u]; !ok {
			seen[u] = tv
		} else if prev != tv {
			out[u] = fmt.Sprintf("not merged: the name matches firms with INN %s and INN %s", min(prev, tv), max(prev, tv))
		}
	}
	for _, p := range c.pairs {
		if float64(p.s) < c.opt.AutoThreshold {
			break
		}
		note(int(p.u), int(p.v))
		note(int(p.v), int(p.u))
	}
	return out
}

func (c *clusterer) hasCannot(u, v int) bool {
	x, y := c.find(u), c.find(v)
	if x == y {
		return false
	}
	for _, w := range c.cannot[u] {
		if c.find(w) == y {
			return true
		}
	}
	return c.conflictCannotOnly(x, y)
}

func (c *clusterer) conflictCannotOnly(x, y int) bool {
	save := c.cTax[x]
	c.cTax[x] = ""
	defer func() { c.cTax[x] = save }()
	return c.conflict(x, y)
}

// addReview keeps the best grey-zone pair per pair of clusters.
func (c *clusterer) addReview(u, v int, s float64, extra string) {
	x, y := c.find(u), c.find(v)
	k := [2]int{min(x, y), max(x, y)}
	if old, ok := c.review[k]; ok && old.Score >= s {
		return
	}
	_, why := scorePair(c.profs[u], c.profs[v], true)
	if extra != "" && !slices.Contains(why, extra) {
		why = append(why, extra)
	}
	c.review[k] = Pair{A: c.units[u].mentions[0], B: c.units[v].mentions[0], Score: s, Reasons: why}
}
