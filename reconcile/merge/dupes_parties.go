package merge

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// partyFit is how the parties of one role of two shipments relate: the
// same entity on some row of each, a review pair of the name matcher, or
// two entities the matcher relates to a third.
type partyFit struct {
	same bool
	rel  *Relation // direct relation, when not the same
	via  string    // name of the entity both are related to
}

func (f partyFit) related() bool { return f.same || f.rel != nil || f.via != "" }

// party compares the entities (ent: Input.Consignee or Input.Shipper) of
// the rows of A with those of B, unknown ones (-1) skipped: best is the
// closest pair of rows (the same entity, else a relation), worst the
// farthest, which is what kept the merge rule from joining them; known
// reports whether both shipments name one.
func (d *dupJudge) party(A, B *Shipment, ent []int32) (best, worst partyFit, known bool) {
	var bufA, bufB [8]int32 // no allocation for a pair of few rows
	ea, eb := bufA[:0], bufB[:0]
	for _, x := range A.Rows {
		if e := ent[x]; e >= 0 && !slices.Contains(ea, e) {
			ea = append(ea, e)
		}
	}
	for _, y := range B.Rows {
		if e := ent[y]; e >= 0 && !slices.Contains(eb, e) {
			eb = append(eb, e)
		}
	}
	if len(ea) == 0 || len(eb) == 0 {
		return best, worst, false
	}
	first := true
	for _, x := range ea {
		for _, y := range eb {
			f := d.fit(x, y)
			if first || f.rank() > best.rank() {
				best = f
			}
			if first || f.rank() < worst.rank() {
				worst = f
			}
			first = false
		}
	}
	return best, worst, true
}

// fit relates entities x and y.
func (d *dupJudge) fit(x, y int32) partyFit {
	if x == y {
		return partyFit{same: true}
	}
	if rel, ok := d.rel.direct(x, y); ok {
		return partyFit{rel: rel}
	}
	if v := d.rel.via(x, y); v >= 0 {
		return partyFit{via: d.nameOf(x, v)}
	}
	return partyFit{}
}

// rank orders fits from unrelated (0) to the same entity (4).
func (f partyFit) rank() int {
	switch {
	case f.same:
		return 4
	case f.rel != nil && f.rel.CrossScript:
		return 3
	case f.rel != nil:
		return 2
	case f.via != "":
		return 1
	}
	return 0
}

// nameOf gives entity v's name as its relation with x writes it.
func (d *dupJudge) nameOf(x, v int32) string {
	rel, ok := d.rel.direct(x, v)
	if !ok {
		return ""
	}
	if rel.A == v {
		return rel.NameA
	}
	return rel.NameB
}

// partyText says how two parties of one role that are not one entity
// relate, for Why not merged, and how much that lowers the score.
func partyText(role string, f partyFit, nameA, nameB string) (string, float64) {
	switch {
	case f.rel != nil && f.rel.CrossScript:
		return fmt.Sprintf("the %ss %s / %s are different entities that the name matcher relates, one name in two scripts? (%s)", role, f.rel.NameA, f.rel.NameB, f.rel.Why), 0.1
	case f.rel != nil:
		return fmt.Sprintf("the %ss %s / %s are different entities that the name matcher relates (%s)", role, f.rel.NameA, f.rel.NameB, f.rel.Why), 0.2
	case f.via != "":
		return fmt.Sprintf("the %ss are different entities (%s / %s), each related by the name matcher to %s", role, nameA, nameB, f.via), 0.2
	}
	return fmt.Sprintf("the %ss are different entities (%s / %s)", role, nameA, nameB), 0.25
}

// weightless reports whether one of the shipments has no usable weight
// (a B/L row whose weight is in bags, a row without one) while their
// dates fit the merge rule's own window for the pair: the rules cannot
// merge rows without a weight, but the user can.
func (d *dupJudge) weightless(A, B *Shipment, cross bool, lead float64) bool {
	recs := d.in.Records
	wa := A.NetKg(recs).Valid || A.GrossKg(recs).Valid
	wb := B.NetKg(recs).Valid || B.GrossKg(recs).Valid
	if wa == wb {
		return false
	}
	if cross {
		return lead <= float64(d.opt.ExportDaysBefore) && -lead <= float64(d.opt.ExportDaysAfter)
	}
	return d.inDateWindow(A, B)
}

// inDateWindow reports whether the dates of two shipments of one flow
// fit the merge rule's window: ±DateToleranceDays, or the B/L window when
// one is dated by its bill of lading and the other is not.
func (d *dupJudge) inDateWindow(A, B *Shipment) bool {
	recs := d.in.Records
	dd := B.Date.Time.Sub(A.Date.Time).Hours() / 24 // B − A
	ba, bb := has(A, recs, blDated), has(B, recs, blDated)
	if ba != bb {
		if bb {
			dd = -dd // declaration − B/L
		}
		return dd <= float64(d.opt.BLDaysBefore)+1e-9 && -dd <= float64(d.opt.BLDaysAfter)+1e-9
	}
	return math.Abs(dd) <= float64(d.opt.DateToleranceDays)+1e-9
}

// namesRuleWhy says why the names-in-review rule left A and B apart when
// nothing else did: the first pair of their rows that fails a test of
// the merge rule, or else the ambiguity (another row also fits).
func (d *dupJudge) namesRuleWhy(A, B *Shipment) string {
	const pre = "the names-in-review rule merges such a pair only when every row of both agrees and each row is the other's only candidate in its source: "
	if d.cmp == nil {
		d.cmp = NewComparer(d.in, d.opt)
		d.cmp.r.lineOf, d.cmp.r.agg = d.res.lineOf, d.res.agg // container groups as one row
	}
	for _, x := range A.Rows {
		for _, y := range B.Rows {
			if d.cmp.r.isLine(int(x)) || d.cmp.r.isLine(int(y)) {
				continue
			}
			c := d.cmp.Compare(int(x), int(y))
			if c.Linked || c.Fuzzy || len(c.Failed) == 0 {
				continue
			}
			return pre + fmt.Sprintf("%s and %s disagree (%s)", RowKey(d.in.Records[x].Source), RowKey(d.in.Records[y].Source), strings.Join(c.Failed, "; "))
		}
	}
	return pre + "another row also fits, and picking one would be a guess"
}
