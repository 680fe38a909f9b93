package merge

import (
	"slices"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Identical ties. A firm that ships two identical loads on one day
// gives two declarations that are alike in every figure, and the other
// side (the export declarations, a B/L feed) two rows alike too: each
// row fits both of the other side's, so the tie rules (clearTiedEdges,
// clearCrossEdges) leave all four apart and count four shipments. When
// the rows on each side are identical in every field the rules compare
// or the totals use — the day, the consignee and shipper entities, the
// HS code, the countries, the weights, the value (in USD when the rates
// give it, else as written with its currency), the quantity, and the
// B/L, container and invoice numbers of the kinds the other side gives
// — and each side holds as many as
// the other, every pairing gives the same shipments' figures: they are
// paired in canonical order, and the reason says the pairing between
// identical rows was arbitrary. Any difference that could change a
// figure keeps today's tie rule.

// identicalPair is a pair made between identical rows, with the rows of
// each side it was chosen among.
type identicalPair struct{ mine, theirs []int32 }

// pairIdentical returns the edges of all (every pair the rule accepts)
// that pair sets of identical rows in canonical order, and notes them in
// r.identical; rivals and alike are the cross-flow rows that make an
// export ambiguous (clearCrossEdges): a set touched by one stays tied.
func (r *reconciler) pairIdentical(all, rivals, alike []edge) []edge {
	type side struct{ row, src int32 }
	cands := map[side][]int32{}
	for _, e := range all {
		for _, p := range [2][2]int32{{e.a, e.b}, {e.b, e.a}} {
			k := side{p[0], r.in.SourceOf[p[1]]}
			if !slices.Contains(cands[k], p[1]) {
				cands[k] = append(cands[k], p[1])
			}
		}
	}
	spoilt := map[int32]bool{}
	for _, e := range append(slices.Clone(rivals), alike...) {
		spoilt[e.a], spoilt[e.b] = true, true
	}
	cost := map[[2]int32]float64{}
	for _, e := range all {
		cost[[2]int32{e.a, e.b}], cost[[2]int32{e.b, e.a}] = e.cost, e.cost
	}
	var out []edge
	done := map[side]bool{} // a row's set in one other source, paired
	for k, ys := range cands {
		if len(ys) < 2 || done[k] || spoilt[k.row] {
			continue
		}
		// xs: the rows of k.row's source whose candidates in k.src are
		// exactly ys; each y's candidates there must be exactly xs.
		xs := cands[side{ys[0], r.in.SourceOf[k.row]}]
		if len(xs) != len(ys) || !slices.Contains(xs, k.row) {
			continue
		}
		ok := true
		for _, y := range ys {
			ok = ok && !spoilt[y] && sameSet(cands[side{y, r.in.SourceOf[k.row]}], xs) && !r.unitHolds(y, r.in.SourceOf[k.row])
		}
		for _, x := range xs {
			ok = ok && !spoilt[x] && sameSet(cands[side{x, k.src}], ys) && !r.unitHolds(x, k.src)
			for _, y := range ys {
				// A pair through related names needs a unique
				// candidate for another reason: whether the names are
				// one firm at all (clearRelatedEdges).
				ok = ok && !r.namesOnly(x, y)
			}
		}
		if !ok || !r.identicalRows(xs, ys) || !r.identicalRows(ys, xs) {
			continue
		}
		xs, ys = slices.Clone(xs), slices.Clone(ys)
		byOrd := func(a, b int32) int { return int(r.ord[a]) - int(r.ord[b]) }
		slices.SortFunc(xs, byOrd)
		slices.SortFunc(ys, byOrd)
		if r.identical == nil {
			r.identical, r.identicalRow = map[[2]int32]identicalPair{}, map[int32]bool{}
		}
		for i := range xs {
			done[side{xs[i], k.src}], done[side{ys[i], r.in.SourceOf[k.row]}] = true, true
			out = append(out, r.oriented(xs[i], ys[i], cost[[2]int32{xs[i], ys[i]}]))
			r.identical[[2]int32{xs[i], ys[i]}] = identicalPair{xs, ys}
			r.identical[[2]int32{ys[i], xs[i]}] = identicalPair{ys, xs}
			r.identicalRow[xs[i]], r.identicalRow[ys[i]] = true, true
			for _, y := range ys {
				delete(r.tied, [2]int32{xs[i], y})
				delete(r.tied, [2]int32{y, xs[i]})
			}
		}
		for _, x := range xs {
			delete(r.res.ties, rowSrc{x, k.src})
		}
		for _, y := range ys {
			delete(r.res.ties, rowSrc{y, r.in.SourceOf[k.row]})
		}
	}
	return out
}

// sameSet: a and b hold the same rows.
func sameSet(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}

// identicalRows reports whether rows (of one source) are alike in every
// field the rules compare or the totals use (see above). Their B/L,
// container and invoice numbers count when a row of other (the rows
// they may pair with) gives one of that kind: different B/L numbers
// against declarations that give none tell nothing.
func (r *reconciler) identicalRows(rows, other []int32) bool {
	var kinds [3]bool
	for _, y := range other {
		rec := r.rec(y)
		for k, s := range [3]string{rec.BillOfLading, rec.Container, rec.Invoice} {
			kinds[k] = kinds[k] || s != ""
		}
	}
	k0 := r.figureKey(rows[0], kinds)
	for _, x := range rows[1:] {
		if r.figureKey(x, kinds) != k0 {
			return false
		}
	}
	return true
}

func (r *reconciler) figureKey(i int32, kinds [3]bool) string {
	rec := r.rec(i)
	var b strings.Builder
	w := func(s string) { b.WriteString(s); b.WriteByte(0x1f) }
	num := func(n reconcile.Number) {
		if n.Valid {
			w(strconv.FormatFloat(n.Value, 'g', 12, 64))
		} else {
			w("?" + n.Raw)
		}
	}
	w(rec.Date.String())
	w(strconv.Itoa(int(r.in.Consignee[i])))
	w(strconv.Itoa(int(r.in.Shipper[i])))
	w(rec.HSCode)
	w(rec.OriginCountry)
	w(rec.DispatchCountry)
	w(rec.DestinationCountry)
	num(rec.NetKg)
	num(rec.GrossKg)
	if usd := r.usd(rec); usd.Valid {
		num(usd)
	} else {
		num(rec.Value)
		w(strings.ToUpper(rec.Currency))
	}
	num(rec.Quantity)
	w(strings.ToUpper(rec.QuantityUnit))
	for k, f := range [3]reconcile.Field{reconcile.FieldBillOfLading, reconcile.FieldContainer, reconcile.FieldInvoice} {
		if kinds[k] {
			set := values.IDSet(f, [3]string{rec.BillOfLading, rec.Container, rec.Invoice}[k])
			slices.Sort(set)
			w(strings.Join(set, " "))
		}
	}
	return b.String()
}

// identicalText is what the reason of a pair made between identical
// rows adds, "" for other pairs.
func (r *reconciler) identicalText(a, b int32) string {
	p, ok := r.identical[[2]int32{a, b}]
	if !ok {
		return ""
	}
	keys := func(rows []int32) string {
		var s []string
		for _, x := range rows {
			s = append(s, RowKey(r.in.Records[x].Source))
		}
		return joinAnd(s)
	}
	return "; paired in row order: " + keys(p.mine) + " are identical in every figure, as are " + keys(p.theirs) +
		", so which pairs with which is arbitrary, but the totals do not depend on it"
}

// inIdentical reports whether row x is in a set paired by pairIdentical.
func (r *reconciler) inIdentical(x int32) bool { return r.identicalRow[x] }
