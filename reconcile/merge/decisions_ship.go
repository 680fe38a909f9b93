package merge

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// Decisions about a pair of rows, made from the Possible duplicates list.
// Row and Other name the first source row of each shipment.
const (
	OpMerge = "merge" // Row and Other are one shipment, whatever the rules say
	OpApart = "apart" // Row and Other are never one shipment
)

// pairKey is an unordered pair of row keys.
type pairKey struct{ a, b string }

func newPairKey(x, y string) pairKey {
	if y < x {
		x, y = y, x
	}
	return pairKey{x, y}
}

// pairDecisions are the user's merge and keep-apart decisions, the latest
// per pair winning, resolved to record indexes once.
type pairDecisions struct {
	merges []Decision         // in decision order, latest for each pair
	op     map[pairKey]string // pair → OpMerge or OpApart
	// apart holds the kept-apart pairs by record index (both orders).
	apart map[[2]int32]bool
}

// add records a pair decision; a later one for the same pair replaces it.
func (p *pairDecisions) add(d Decision) {
	if d.Row == "" || d.Other == "" || d.Row == d.Other {
		return
	}
	if p.op == nil {
		p.op = map[pairKey]string{}
	}
	k := newPairKey(d.Row, d.Other)
	p.op[k] = d.Op
	p.merges = dropPair(p.merges, k)
	if d.Op == OpMerge {
		p.merges = append(p.merges, d)
	}
}

// dropRow forgets the merges of a row the user later split out: the
// split is the newer decision.
func (p *pairDecisions) dropRow(row string) {
	out := p.merges[:0]
	for _, d := range p.merges {
		if d.Row == row || d.Other == row {
			delete(p.op, newPairKey(d.Row, d.Other))
			continue
		}
		out = append(out, d)
	}
	p.merges = out
}

func dropPair(ds []Decision, k pairKey) []Decision {
	out := ds[:0]
	for _, d := range ds {
		if newPairKey(d.Row, d.Other) != k {
			out = append(out, d)
		}
	}
	return out
}

// resolve finds the records the pair decisions name. A row key that no
// record has (a file left out of this run) is ignored.
func (r *reconciler) resolvePairs() map[string]int32 {
	if len(r.pairs.op) == 0 {
		return nil
	}
	named := map[string]bool{}
	for k := range r.pairs.op {
		named[k.a], named[k.b] = true, true
	}
	idx := map[string]int32{}
	for i := range r.in.Records {
		if k := RowKey(r.in.Records[i].Source); named[k] {
			idx[k] = int32(i)
		}
	}
	r.pairs.apart = map[[2]int32]bool{}
	for k, op := range r.pairs.op {
		a, okA := idx[k.a]
		b, okB := idx[k.b]
		if op == OpApart && okA && okB {
			r.pairs.apart[[2]int32{a, b}] = true
			r.pairs.apart[[2]int32{b, a}] = true
		}
	}
	return idx
}

// apartUnits reports whether the user kept a row of A apart from a row
// of B.
func (r *reconciler) apartUnits(A, B *unitT) bool {
	if len(r.pairs.apart) == 0 {
		return false
	}
	for _, x := range A.rows {
		for _, y := range B.rows {
			if r.pairs.apart[[2]int32{x, y}] {
				return true
			}
		}
	}
	return false
}

// unitOf is the unit holding record i, following an exact duplicate to
// the row it repeats and a container line to its lead row.
func (r *reconciler) unitOf(i int32) int32 {
	if d := r.res.DuplicateOf[i]; d >= 0 {
		i = d
	}
	if r.isLine(int(i)) {
		i = r.lineOf[i]
	}
	return r.unit[i]
}

// applyPairs carries out the pair decisions after the rules have run:
// a row kept apart from a row of its own shipment (merged by the
// declaration rule) leaves it, and the rows of a merged pair become one
// shipment, each moved row with the user's reason.
func (r *reconciler) applyPairs(idx map[string]int32) {
	for k, op := range r.pairs.op {
		if op != OpApart {
			continue
		}
		a, okA := idx[k.a]
		b, okB := idx[k.b]
		if !okA || !okB {
			continue
		}
		ua, ub := r.unitOf(a), r.unitOf(b)
		if ua < 0 || ua != ub || r.res.DuplicateOf[b] >= 0 {
			continue
		}
		u := r.units[ua]
		for k, x := range u.rows {
			if x == b {
				u.rows = append(u.rows[:k], u.rows[k+1:]...)
				u.reasons = append(u.reasons[:k], u.reasons[k+1:]...)
				break
			}
		}
		r.newUnit(b, r.text.Add("kept apart from "+RowKey(r.in.Records[a].Source)+" by the user"))
	}
	for _, d := range r.pairs.merges {
		a, okA := idx[d.Row]
		b, okB := idx[d.Other]
		if !okA || !okB {
			continue
		}
		ua, ub := r.unitOf(a), r.unitOf(b)
		if ua < 0 || ub < 0 || ua == ub {
			continue
		}
		A, B := r.units[ua], r.units[ub]
		if B.hasDecl && !A.hasDecl || len(B.rows) > len(A.rows) && B.hasDecl == A.hasDecl {
			A, B, ua = B, A, ub
		}
		why := "merged by the user"
		if d.Reason != "" {
			why += ": " + d.Reason
		}
		why = r.text.Add(why + " (" + strings.Join([]string{d.Row, d.Other}, " = ") + ")")
		if w := r.mergeConflict(A, B, d); w != "" {
			r.res.MergeWarnings = append(r.res.MergeWarnings, w)
		}
		for _, x := range B.rows {
			A.rows = append(A.rows, x)
			A.reasons = append(A.reasons, why)
			r.unit[x] = ua
		}
		B.rows, B.reasons, B.dead = nil, nil, true
		A.hasDecl = A.hasDecl || B.hasDecl
	}
}

// mergeConflict says, when the user merges units A and B, which
// identifiers of one kind differ between their rows ("" when none):
// two declaration numbers (or two bills of lading of one issuer) are two
// shipments by every rule, so such a merge is usually a mistake. It is
// carried out, and the warning names the rows and the numbers.
func (r *reconciler) mergeConflict(A, B *unitT, d Decision) string {
	for _, x := range A.rows {
		for _, y := range B.rows {
			rel, kind := r.idRel(x, y)
			if rel != idBlocked {
				continue
			}
			a, b := &r.in.Records[x], &r.in.Records[y]
			ids := map[reconcile.Field][2]string{
				reconcile.FieldDeclarationID: {a.DeclarationID, b.DeclarationID},
				reconcile.FieldItemNo:        {a.DeclarationID + " item " + a.ItemNo, b.DeclarationID + " item " + b.ItemNo},
				reconcile.FieldBillOfLading:  {a.BillOfLading, b.BillOfLading},
				reconcile.FieldContainer:     {a.Container, b.Container},
				reconcile.FieldInvoice:       {a.Invoice, b.Invoice},
			}[kind]
			return fmt.Sprintf("your merge of %s and %s joins rows with different %s (%s: %s; %s: %s), which the rules always keep apart as two shipments: check the decision",
				d.Row, d.Other, kindText(kind), RowKey(a.Source), ids[0], RowKey(b.Source), ids[1])
		}
	}
	return ""
}
