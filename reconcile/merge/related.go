package merge

import (
	"slices"
)

// Relation is two entities the name matcher relates but did not merge:
// one of its review pairs (a name read back from another script, a
// translation, a pinyin reading, two names that look alike). The matcher
// keeps them apart — that stays its decision — but at shipment level a
// relation is evidence beside the hard facts: two rows of one date, HS-6
// and weight whose parties are such a pair are very likely one shipment.
type Relation struct {
	A, B int32 // entities, as Input.Consignee and Input.Shipper give them
	// CrossScript: the two names of the review pair are written in
	// different scripts (Cyrillic, Latin, Chinese). Only such a pair may
	// stand in for the same entity in the merge rule (the names-in-review
	// rule below): firms with look-alike names in one script are often
	// sister companies ("TEKHKRIM LLC" and "TEKHKRIM TRADING FZE"), while
	// a Cyrillic or Chinese name and a Latin one that read alike are one
	// name written twice. Other pairs only put shipments on Possible
	// duplicates.
	CrossScript bool
	NameA       string // the review pair's names, for reasons
	NameB       string
	Why         string // the matcher's reason, short
}

// relatedCost puts pairs that agree only through related names after
// every pair of one entity, so that same-entity rows pair first.
const relatedCost = 2

type entityPair struct{ a, b int32 }

func newEntityPair(a, b int32) entityPair {
	if b < a {
		a, b = b, a
	}
	return entityPair{a, b}
}

// relations indexes Input.Related.
type relations struct {
	by map[entityPair]int // index into list
	// list is Input.Related; nbr lists each entity's related entities.
	list []Relation
	nbr  map[int32][]int32
}

func newRelations(rs []Relation) relations {
	out := relations{list: rs}
	if len(rs) == 0 {
		return out
	}
	out.by = make(map[entityPair]int, len(rs))
	out.nbr = map[int32][]int32{}
	for k, rel := range rs {
		if rel.A < 0 || rel.B < 0 || rel.A == rel.B {
			continue
		}
		p := newEntityPair(rel.A, rel.B)
		if old, ok := out.by[p]; ok && rs[old].CrossScript {
			continue // a cross-script reading of the pair wins
		}
		if _, ok := out.by[p]; !ok {
			out.nbr[rel.A] = append(out.nbr[rel.A], rel.B)
			out.nbr[rel.B] = append(out.nbr[rel.B], rel.A)
		}
		out.by[p] = k
	}
	return out
}

// direct returns the relation of entities a and b, if any.
func (rs *relations) direct(a, b int32) (*Relation, bool) {
	if rs.by == nil || a < 0 || b < 0 || a == b {
		return nil, false
	}
	k, ok := rs.by[newEntityPair(a, b)]
	if !ok {
		return nil, false
	}
	return &rs.list[k], true
}

// crossScript reports whether a and b are one cross-script review pair.
func (rs *relations) crossScript(a, b int32) bool {
	rel, ok := rs.direct(a, b)
	return ok && rel.CrossScript
}

// via returns an entity that both a and b are related to (two steps: 中国
// 北方工业 and КИТАЙСКАЯ СЕВЕРНАЯ ПРОМЫШЛЕННАЯ КОРПОРАЦИЯ are both related
// to CHINA NORTH INDUSTRIES CORP.), the smallest such, or -1.
func (rs *relations) via(a, b int32) int32 {
	if rs.nbr == nil || a < 0 || b < 0 {
		return -1
	}
	best := int32(-1)
	for _, x := range rs.nbr[a] {
		if slices.Contains(rs.nbr[b], x) && (best < 0 || x < best) {
			best = x
		}
	}
	return best
}

// groups gives each entity the smallest entity connected to it by
// relations (cross-script ones only when crossOnly), for blocking rows
// whose consignees may be one firm; -1 stays -1.
func (rs *relations) groups(crossOnly bool) func(int32) int32 {
	if rs.by == nil {
		return func(e int32) int32 { return e }
	}
	parent := map[int32]int32{}
	var find func(int32) int32
	find = func(e int32) int32 {
		p, ok := parent[e]
		if !ok || p == e {
			return e
		}
		root := find(p)
		parent[e] = root
		return root
	}
	for p, k := range rs.by {
		if crossOnly && !rs.list[k].CrossScript {
			continue
		}
		x, y := find(p.a), find(p.b)
		if x != y {
			parent[max(x, y)] = min(x, y)
		}
	}
	return func(e int32) int32 {
		if e < 0 {
			return e
		}
		return find(e)
	}
}

// mayBeOneFirm reports whether entities a and b may name one firm though
// the matcher does not say so directly: a cross-script review pair, or
// two names each a cross-script reading of a third (a Chinese and a
// Cyrillic name of one firm, both read as its Latin name, which the
// names-in-review rule does not accept). Only for counting rivals
// (clearCrossEdges): such a pair never merges.
func (rs *relations) mayBeOneFirm(a, b int32) bool {
	if rs.crossScript(a, b) {
		return true
	}
	for _, x := range rs.nbr[a] {
		if rs.crossScript(a, x) && rs.crossScript(x, b) {
			return true
		}
	}
	return false
}
