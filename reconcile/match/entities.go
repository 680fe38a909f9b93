package match

import (
	"cmp"
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

func (c *clusterer) result() *Result {
	res := &Result{Mentions: c.ms, EntityOf: make([]int, len(c.ms)), Unapplied: c.plan.unapplied}
	// Gather clusters; assigned mentions are placed afterwards.
	groups := map[int][]int{} // root -> units
	var roots []int
	for u := range c.units {
		if c.units[u].pinned && c.plan.assign[c.units[u].mentions[0]] != "" {
			continue
		}
		r := c.find(u)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], u)
	}
	type draft struct {
		e      Entity
		anchor string
	}
	drafts := make([]draft, 0, len(roots))
	for _, r := range roots {
		us := groups[r]
		core := c.core[r]
		// Core unit first, then by unit index (mention-key order).
		slices.SortFunc(us, func(a, b int) int {
			if a == core {
				return -1
			}
			if b == core {
				return 1
			}
			return a - b
		})
		var e Entity
		for _, u := range us {
			for k, m := range c.units[u].mentions {
				e.Members = append(e.Members, m)
				switch {
				case k == 0:
					e.Reasons = append(e.Reasons, c.entityReason(r, u))
					e.Scores = append(e.Scores, c.rscore[u])
				default:
					e.Reasons = append(e.Reasons, c.units[u].within)
					e.Scores = append(e.Scores, 1)
				}
			}
		}
		c.noteAddresses(&e)
		drafts = append(drafts, draft{e, c.anchor(e.Members)})
	}
	slices.SortFunc(drafts, func(a, b draft) int {
		if d := strings.Compare(a.anchor, b.anchor); d != 0 {
			return d
		}
		return strings.Compare(c.keys[a.e.Members[0]], c.keys[b.e.Members[0]])
	})
	used := map[string]bool{}
	for i := range drafts {
		for attempt := 0; ; attempt++ {
			id := entityID(drafts[i].anchor, attempt)
			if !used[id] {
				used[id] = true
				drafts[i].e.ID = id
				break
			}
		}
	}
	for _, d := range drafts {
		res.Entities = append(res.Entities, d.e)
	}
	c.placeAssigned(res, used)
	for i := range res.Entities {
		res.Entities[i].Canonical = c.canonical(res.Entities[i].Members)
	}
	slices.SortFunc(res.Entities, func(a, b Entity) int { return strings.Compare(a.ID, b.ID) })
	for ei, e := range res.Entities {
		for _, m := range e.Members {
			res.EntityOf[m] = ei
		}
	}
	for _, r := range c.plan.rename {
		res.Entities[res.EntityOf[r.mention]].Canonical = r.name
	}
	for _, p := range c.review {
		if res.EntityOf[p.A] == res.EntityOf[p.B] {
			continue
		}
		res.Review = append(res.Review, p)
	}
	slices.SortFunc(res.Review, func(a, b Pair) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		if d := strings.Compare(c.keys[a.A], c.keys[b.A]); d != 0 {
			return d
		}
		return strings.Compare(c.keys[a.B], c.keys[b.B])
	})
	c.prog(2*len(c.ms), 2*len(c.ms))
	return res
}

// anchor is what an entity ID derives from: the smallest tax ID of its
// members, else the smallest core key. Both survive new data joining the
// entity and do not depend on input order.
func (c *clusterer) anchor(members []int) string {
	var tax, key string
	for _, m := range members {
		if t := c.tax[m]; t != "" && (tax == "" || t < tax) {
			tax = t
		}
		k := c.an[m].CoreKey()
		if k == "" {
			k = c.keys[m]
		}
		if key == "" || k < key {
			key = k
		}
	}
	if tax != "" {
		return "T:" + tax
	}
	return "N:" + key
}

// placeAssigned moves mentions whose Entity ID the user edited: to the
// entity with that ID when there is one, else into a new entity that keeps
// the ID the user wrote.
func (c *clusterer) placeAssigned(res *Result, used map[string]bool) {
	byTarget := map[string][]int{}
	var targets []string
	for m, t := range c.plan.assign {
		if _, ok := byTarget[t]; !ok {
			targets = append(targets, t)
		}
		byTarget[t] = append(byTarget[t], m)
	}
	slices.Sort(targets)
	idx := map[string]int{}
	for i, e := range res.Entities {
		idx[e.ID] = i
	}
	for _, t := range targets {
		ms := byTarget[t]
		slices.SortFunc(ms, func(a, b int) int { return strings.Compare(c.keys[a], c.keys[b]) })
		if i, ok := idx[t]; ok {
			for _, m := range ms {
				res.Entities[i].Members = append(res.Entities[i].Members, m)
				res.Entities[i].Reasons = append(res.Entities[i].Reasons, "moved here by user (Entity ID set to "+t+")")
				res.Entities[i].Scores = append(res.Entities[i].Scores, 1)
			}
			continue
		}
		e := Entity{ID: t}
		for k, m := range ms {
			e.Members = append(e.Members, m)
			if k == 0 {
				e.Reasons = append(e.Reasons, "split out by user (Entity ID set to "+t+")")
			} else {
				e.Reasons = append(e.Reasons, "assigned by user to "+t)
			}
			e.Scores = append(e.Scores, 1)
		}
		used[t] = true
		idx[t] = len(res.Entities)
		res.Entities = append(res.Entities, e)
	}
}

// canonical picks the display name: the most used Latin spelling, as
// written with its legal form; failing Latin, the most used spelling.
func (c *clusterer) canonical(members []int) string {
	best := -1
	better := func(a, b int) bool {
		// A name cut at a field width (NPP RADIOTEKHNIKA JOINT STOCK COMPA)
		// is a poor face for the firm whatever its script or count.
		if ca, cb := c.an[a].Cut, c.an[b].Cut; ca != cb {
			return cb
		}
		la, lb := c.an[a].Script == names.ScriptLatin, c.an[b].Script == names.ScriptLatin
		if la != lb {
			return la
		}
		// So is one written with abbreviations (GULF LINK GEN. TRADING)
		// beside the same name spelled out, however many rows use it.
		if sa, sb := len(c.an[a].SpelledOut()) > 0, len(c.an[b].SpelledOut()) > 0; sa != sb {
			return sb
		}
		if c.ms[a].Count != c.ms[b].Count {
			return c.ms[a].Count > c.ms[b].Count
		}
		// Between spellings as common as each other, the one written
		// beside a tax ID is the register's (a B/L feed's "TSTO DETA-AERO"
		// named the firm after a review merge with "TSTO DELTA-AERO", INN
		// 7701000011).
		if ta, tb := c.tax[a] != "", c.tax[b] != ""; ta != tb {
			return ta
		}
		fa, fb := len(c.an[a].Forms) > 0, len(c.an[b].Forms) > 0
		if fa != fb {
			return fa
		}
		// A long digit run left in the name is an identifier the splitter
		// did not trust (a mistyped INN): a poor name to show.
		da, db := hasLongDigits(c.an[a].Clean), hasLongDigits(c.an[b].Clean)
		if da != db {
			return db
		}
		return c.keys[a] < c.keys[b]
	}
	for _, m := range members {
		if strings.TrimSpace(c.ms[m].Name) == "" {
			continue
		}
		if best < 0 || better(m, best) {
			best = m
		}
	}
	if best < 0 {
		if len(members) > 0 && c.tax[members[0]] != "" {
			return "INN " + c.tax[members[0]]
		}
		return ""
	}
	if cl := c.an[best].Clean; cl != "" {
		return cl
	}
	return strings.Join(strings.Fields(c.ms[best].Name), " ")
}

// hasLongDigits reports a run of nine or more digits.
func hasLongDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= 9 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
