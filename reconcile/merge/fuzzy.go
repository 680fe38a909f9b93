package merge

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// edge is a candidate pair; lower cost is a better agreement. Pairs
// linked by an identifier cost less than any pair linked by likeness.
type edge struct {
	a, b int32
	cost float64
}

const secondsPerDay = 24 * 60 * 60

// idEdgeCost puts identifier-linked pairs before every fuzzy pair.
const idEdgeCost = -10

// maxIDBucket bounds the rows one identifier links pairwise: a B/L of a
// consolidation can hold hundreds of items, and pairs grow as the square.
const maxIDBucket = 400

// link applies the identifier rule and the fuzzy rule to the rows the
// exact declaration+item rule left apart. Pairs are taken best first; a
// row joins a unit only when it agrees with every row already there, so
// the rules never chain, and a unit takes one row per source.
func (r *reconciler) link(ctx context.Context) error {
	edges, err := r.fuzzyEdges(ctx)
	if err != nil {
		return err
	}
	edges = append(edges, r.idEdges()...)
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].cost != edges[b].cost {
			return edges[a].cost < edges[b].cost
		}
		if oa, ob := r.ord[edges[a].a], r.ord[edges[b].a]; oa != ob {
			return oa < ob
		}
		return r.ord[edges[a].b] < r.ord[edges[b].b]
	})
	for _, e := range edges {
		ua, ub := r.unit[e.a], r.unit[e.b]
		if ua == ub {
			continue
		}
		A, B := r.units[ua], r.units[ub]
		if !r.joinable(A, B) {
			continue
		}
		// Keep the unit holding a declaration (or the larger, or the one
		// first in canonical order) and move the other's rows in.
		if B.hasDecl && !A.hasDecl || B.hasDecl == A.hasDecl && (len(B.rows) > len(A.rows) ||
			len(B.rows) == len(A.rows) && r.ord[B.rows[0]] < r.ord[A.rows[0]]) {
			A, B, ua, ub = B, A, ub, ua
		}
		for _, x := range B.rows {
			why := r.reason(A.rows[0], x)
			for _, y := range A.rows {
				if t := r.identicalText(y, x); t != "" {
					// Not the only candidate: one of identical ones.
					why = strings.Replace(why, "; "+crossOnlyText, "", 1) + t
					break
				}
			}
			A.rows = append(A.rows, x)
			A.reasons = append(A.reasons, r.text.Add(why))
			r.unit[x] = ua
		}
		B.rows, B.reasons, B.dead = nil, nil, true
		A.hasDecl = A.hasDecl || B.hasDecl
	}
	return nil
}

// fuzzyEdges finds the pairs the fuzzy rule accepts, within blocks of one
// consignee entity and HS-6 heading, scanning dates in order (scanPairs,
// the scan Possible duplicates uses too). Export–import pairs are then
// kept only when unambiguous (clearCrossEdges).
func (r *reconciler) fuzzyEdges(ctx context.Context) ([]edge, error) {
	var keys blockKeys
	var cs []blockRow
	// Consignees that are a cross-script review pair share a block (the
	// names-in-review rule); compare still checks the pair itself.
	group := r.rel.groups(true)
	for i := range r.in.Records {
		if r.res.DuplicateOf[i] >= 0 || r.isLine(i) || r.monthly(i) || r.isSplit(i) || r.in.Consignee[i] < 0 {
			continue
		}
		rec := r.rec(int32(i))
		if rec.Date.Precision != reconcile.PrecisionDay || len(rec.HSCode) < 6 || !hasWeight(rec) {
			continue
		}
		cs = append(cs, newBlockRow(keys.key(group(r.in.Consignee[i]), rec.HSCode), 0, dayOf(rec.Date), int32(i)))
	}
	sortBlockRows(cs)
	span := int32(max(r.opt.DateToleranceDays, r.opt.BLDaysBefore, r.opt.BLDaysAfter, 0))
	wide := span
	if r.anyExport {
		wide = max(span, int32(r.opt.ExportDaysBefore), int32(r.opt.ExportDaysAfter))
	}
	// rivals: export–import pairs naming the firm in a third script;
	// alike: export–import pairs under another shipper name (see
	// clearCrossEdges).
	var edges, rivals, alike []edge
	err := scanPairs(ctx, cs, wide, 0, func(a, b blockRow) {
		cross := r.crossFlow(a.i, b.i)
		if b.day-a.day > span && !cross {
			return
		}
		switch c := r.compare(a.i, b.i, false); {
		case c.ok:
			edges = append(edges, r.oriented(a.i, b.i, c.cost))
		case !cross:
		case r.compareParties(a.i, b.i, false, partiesMaybe).ok:
			rivals = append(rivals, r.oriented(a.i, b.i, 0))
		case r.compareParties(a.i, b.i, false, partiesConsignee).ok:
			alike = append(alike, r.oriented(a.i, b.i, 0))
		}
	})
	if err != nil {
		return nil, err
	}
	// The only-candidate checks count candidates among every pair the
	// rule accepts, before any of them drops one.
	all := slices.Clone(edges)
	out := r.clearCrossEdges(r.clearTiedEdges(r.clearRelatedEdges(edges), all), append(slices.Clone(all), rivals...), alike)
	// Ties between identical rows pair in row order (identical.go).
	ident := r.pairIdentical(all, rivals, alike)
	if len(ident) == 0 {
		return out, nil
	}
	out = slices.DeleteFunc(out, func(e edge) bool {
		_, a := r.identical[[2]int32{e.a, e.b}]
		return !a && (r.inIdentical(e.a) && r.inIdentical(e.b))
	})
	return append(out, ident...), nil
}

// clearRelatedEdges keeps a pair that agrees only through related names
// (the names-in-review rule) when each row is the other's one candidate
// in its source, counting every candidate the rules accept, of one
// entity or not: СКАЙЛАЙН ДРОНС ФЗКО on two declarations of one day and
// weight and one B/L row of SKYLINE DRONES FZ-CO is two shipments and
// one of them, and which one is a guess. Such pairs go to Possible
// duplicates.
func (r *reconciler) clearRelatedEdges(edges []edge) []edge {
	if len(r.rel.list) == 0 {
		return edges
	}
	type side struct{ row, src int32 }
	cands := map[side]int{}
	some := false
	for _, e := range edges {
		cands[side{e.a, r.in.SourceOf[e.b]}]++
		cands[side{e.b, r.in.SourceOf[e.a]}]++
		some = some || r.namesOnly(e.a, e.b)
	}
	if !some {
		return edges
	}
	out := edges[:0]
	for _, e := range edges {
		if r.namesOnly(e.a, e.b) && (cands[side{e.a, r.in.SourceOf[e.b]}] > 1 || cands[side{e.b, r.in.SourceOf[e.a]}] > 1) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func (r *reconciler) oriented(a, b int32, cost float64) edge {
	if r.ord[b] < r.ord[a] {
		a, b = b, a
	}
	return edge{a, b, cost}
}

// idEdges finds pairs one identifier links that the exact declaration +
// item rule did not join: a declaration row without item number and the
// items of that declaration, and rows sharing a bill of lading, container
// or invoice number.
func (r *reconciler) idEdges() []edge {
	type key struct {
		kind reconcile.Field
		id   string
	}
	eligible := func(i int) bool {
		return r.res.DuplicateOf[i] < 0 && !r.isLine(i) && !r.monthly(i) && !r.isSplit(i)
	}
	// Declarations: only those that some row gives without an item.
	var open map[uint64]bool
	for i := range r.in.Records {
		if r.declH[i] != 0 && r.itemH[i] == 0 && eligible(i) {
			if open == nil {
				open = map[uint64]bool{}
			}
			open[r.declH[i]] = true
		}
	}
	buckets := map[key][]int32{}
	var declB map[uint64][]int32
	for i := range r.in.Records {
		if !eligible(i) {
			continue
		}
		if open[r.declH[i]] {
			if declB == nil {
				declB = map[uint64][]int32{}
			}
			declB[r.declH[i]] = append(declB[r.declH[i]], int32(i))
		}
		rec := r.rec(int32(i))
		for _, k := range []struct {
			f reconcile.Field
			s string
		}{{reconcile.FieldBillOfLading, rec.BillOfLading}, {reconcile.FieldContainer, rec.Container}, {reconcile.FieldInvoice, rec.Invoice}} {
			if k.s == "" {
				continue
			}
			for _, id := range values.IDSet(k.f, k.s) {
				buckets[key{k.f, id}] = append(buckets[key{k.f, id}], int32(i))
			}
		}
	}
	var edges []edge
	pairs := func(rows []int32) {
		if len(rows) < 2 || len(rows) > maxIDBucket {
			return
		}
		for x := range rows {
			for y := x + 1; y < len(rows); y++ {
				if c, ok := r.idAgree(rows[x], rows[y]); ok {
					edges = append(edges, r.oriented(rows[x], rows[y], c))
				}
			}
		}
	}
	for _, rows := range declB {
		pairs(rows)
	}
	for _, rows := range buckets {
		pairs(rows)
	}
	return edges // sorted by the caller
}

// joinable: disjoint sources and every cross pair linked by an identifier
// or agreeing by the fuzzy rule, none kept apart by an identifier.
func (r *reconciler) joinable(A, B *unitT) bool {
	if r.apartUnits(A, B) || r.tiedUnits(A, B) {
		return false
	}
	for _, x := range A.rows {
		for _, y := range B.rows {
			if !r.fits(x, y) {
				return false
			}
		}
	}
	return true
}

// fits: rows x and y of two sources, linked by an identifier or agreeing
// by the fuzzy rule.
func (r *reconciler) fits(x, y int32) bool {
	if r.in.SourceOf[x] == r.in.SourceOf[y] {
		return false
	}
	if _, ok := r.idAgree(x, y); ok {
		return true
	}
	_, ok := r.agree(x, y)
	return ok
}

// hsCompatible: HS codes agree on HS-6, or the shorter (a 4-digit
// heading, a code that lost a digit) begins the longer; a missing code
// agrees with any.
func hsCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	if len(a) >= 6 && len(b) >= 6 {
		return a[:6] == b[:6]
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasPrefix(b, a)
}

func hasWeight(rec *reconcile.Record) bool {
	return rec.NetKg.Valid && rec.NetKg.Value > 0 || rec.GrossKg.Valid && rec.GrossKg.Value > 0
}

// idAgree: the rows share an identifier of one kind, none of their
// identifiers differ, and their HS-6 headings agree when both give one.
// The cost orders the items of one declaration or B/L by weight and date.
func (r *reconciler) idAgree(i, j int32) (float64, bool) {
	if r.in.SourceOf[i] == r.in.SourceOf[j] {
		return 0, false
	}
	if rel, _ := r.idRel(i, j); rel != idSame {
		return 0, false
	}
	a, b := r.rec(i), r.rec(j)
	if !hsCompatible(a.HSCode, b.HSCode) {
		return 0, false
	}
	cost := float64(idEdgeCost)
	if c, ok := r.compareWeights(i, j); ok {
		cost += math.Min(c.cost, 2)
	} else {
		cost += 2
	}
	if a.Date.Known() && b.Date.Known() {
		cost += math.Min(math.Abs(a.Date.Time.Sub(b.Date.Time).Hours()/24)/30, 1)
	}
	return cost, true
}

// agree checks the fuzzy rule for two records and returns a cost.
func (r *reconciler) agree(i, j int32) (float64, bool) {
	c := r.compare(i, j, false)
	return c.cost, c.ok
}
