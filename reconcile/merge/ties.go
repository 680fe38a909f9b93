package merge

import (
	"math"
	"slices"
	"strings"
)

// rowSrc is a row and another source it has candidates in.
type rowSrc struct{ row, src int32 }

// clearTiedEdges keeps a same-firm pair of one flow (a declaration row
// and a B/L row, the fuzzy rule's core case) only when neither row has
// another candidate in the other's source that fits as well. A firm
// that ships the same standard load twice in a week gives its B/L row
// two declarations that pass every test; the closer date or weight is
// no evidence which one it is, and a wrong pick loses one shipment from
// the count and gives another the wrong rows. Further evidence decides
// when it discriminates — quantity, value, the exact date (evidence);
// otherwise the pairs stay apart and Possible duplicates names the tie
// (Result.ties). Candidates whose shipment already holds a row of the
// other source (the declaration rule joined it) do not count; those
// through related names do (the firm's Cyrillic name on the other
// declaration is still the firm). Pairs across flows and pairs through related names have their own
// only-candidate checks (clearCrossEdges, clearRelatedEdges). all is
// every pair the rule accepts, edges those clearRelatedEdges kept.
func (r *reconciler) clearTiedEdges(edges, all []edge) []edge {
	cands := map[rowSrc][]int32{}
	tied := func(e edge) bool { return !r.crossFlow(e.a, e.b) && !r.namesOnly(e.a, e.b) }
	for _, e := range all {
		if r.crossFlow(e.a, e.b) {
			continue
		}
		for _, p := range [2][2]int32{{e.a, e.b}, {e.b, e.a}} {
			if !r.unitHolds(p[1], r.in.SourceOf[p[0]]) {
				k := rowSrc{p[0], r.in.SourceOf[p[1]]}
				cands[k] = append(cands[k], p[1])
			}
		}
	}
	// best: the one candidate the evidence prefers, -1 for a tie.
	best := map[rowSrc]int32{}
	for k, cs := range cands {
		if len(cs) < 2 {
			continue
		}
		b, top, ties := int32(-1), math.MinInt, 0
		for _, c := range cs {
			switch ev := r.evidence(k.row, c); {
			case ev > top:
				b, top, ties = c, ev, 1
			case ev == top:
				ties++
			}
		}
		if ties > 1 {
			b = -1
			if r.res.ties == nil {
				r.res.ties = map[rowSrc][]int32{}
			}
			r.res.ties[k] = slices.Clone(cs)
		}
		best[k] = b
	}
	keep := func(row, other int32) bool {
		b, ok := best[rowSrc{row, r.in.SourceOf[other]}]
		return !ok || b == other
	}
	out := edges[:0]
	for _, e := range edges {
		if tied(e) && (!keep(e.a, e.b) || !keep(e.b, e.a)) {
			if r.tied == nil {
				r.tied = map[[2]int32]bool{}
			}
			r.tied[[2]int32{e.a, e.b}], r.tied[[2]int32{e.b, e.a}] = true, true
			continue
		}
		out = append(out, e)
	}
	return out
}

// tiedUnits reports whether a pair clearTiedEdges left apart would end
// up in one shipment by joining units A and B (through an export row
// that fits both, say).
func (r *reconciler) tiedUnits(A, B *unitT) bool {
	if len(r.tied) == 0 {
		return false
	}
	for _, x := range A.rows {
		for _, y := range B.rows {
			if r.tied[[2]int32{x, y}] {
				return true
			}
		}
	}
	return false
}

// unitHolds reports whether row x's shipment so far already holds a row
// of source src.
func (r *reconciler) unitHolds(x, src int32) bool {
	u := r.unit[x]
	if u < 0 {
		return false
	}
	for _, y := range r.units[u].rows {
		if y != x && r.in.SourceOf[y] == src {
			return true
		}
	}
	return false
}

// evidence scores what rows i and j share beyond the fuzzy rule's tests:
// +1 for each of quantity (one unit), value (in US dollars) and date
// equal, −1 for a quantity or value that differs. It only ranks a row's
// candidates against each other.
func (r *reconciler) evidence(i, j int32) int {
	a, b := r.rec(i), r.rec(j)
	ev := 0
	near := func(x, y float64) bool { return math.Abs(x-y) <= 0.005*math.Max(math.Abs(x), math.Abs(y))+1e-9 }
	if a.Quantity.Valid && b.Quantity.Valid && a.QuantityUnit != "" && strings.EqualFold(a.QuantityUnit, b.QuantityUnit) {
		if near(a.Quantity.Value, b.Quantity.Value) {
			ev++
		} else {
			ev--
		}
	}
	if a.ValueUSD.Valid && b.ValueUSD.Valid && a.ValueUSD.Value > 0 && b.ValueUSD.Value > 0 {
		if near(a.ValueUSD.Value, b.ValueUSD.Value) {
			ev++
		} else {
			ev--
		}
	}
	if a.Date.Known() && b.Date.Known() && dayOf(a.Date) == dayOf(b.Date) {
		ev++
	}
	return ev
}

// tieWhy names the tie that kept shipments A and B apart, "" when none:
// a row of one has two or more candidates in the other's source that
// fit it equally (Result.ties), the other among them.
func (d *dupJudge) tieWhy(A, B *Shipment) string {
	if len(d.res.ties) == 0 {
		return ""
	}
	for _, p := range [2][2]*Shipment{{A, B}, {B, A}} {
		for _, x := range p[0].Rows {
			for _, y := range p[1].Rows {
				cs := d.res.ties[rowSrc{x, d.in.SourceOf[y]}]
				if !slices.Contains(cs, y) {
					continue
				}
				var ids []string
				for _, c := range cs {
					if s := d.res.ShipmentOf[c]; s >= 0 && !slices.Contains(ids, d.res.Shipments[s].ID) {
						ids = append(ids, d.res.Shipments[s].ID)
					}
				}
				slices.Sort(ids)
				if len(ids) < 2 {
					continue
				}
				n := "two"
				if len(ids) > 2 {
					n = itoa(len(ids))
				}
				return n + " shipments of this firm fit equally: " + strings.Join(ids[:len(ids)-1], ", ") + " and " + ids[len(ids)-1] +
					" (same HS-6, weights within the tolerance, dates within the window, and nothing else to tell them apart), so " + RowKey(d.in.Records[x].Source) + " was merged with neither"
			}
		}
	}
	return ""
}
