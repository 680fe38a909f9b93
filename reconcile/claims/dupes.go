package claims

import (
	"math"
	"strconv"
	"strings"

	"tradecheck/reconcile/merge"
)

// WhyDuplicates is Verdict.Why when the verdict turns on Possible
// duplicates: counted as two shipments the claim gets one verdict,
// counted once another.
const WhyDuplicates = "duplicates"

// dupCheck is what the Possible duplicates list means for one verdict.
type dupCheck struct {
	both  []merge.DupPair // pairs with both shipments in scope, no shipment in two of them
	also  []merge.DupPair // pairs in scope that share a shipment with one in both
	one   []merge.DupPair // pairs with one shipment in scope
	lo    float64         // the figure with each pair of both counted once
	hi    float64
	kind  Kind // the verdict on [lo, hi]
	was   Kind // the verdict counting every shipment
	moved bool // kind differs from was
}

// possibleDuplicates checks the verdict against the run's Possible
// duplicates: pairs of shipments that look alike but were not merged. A
// pair with both shipments in scope is counted twice; if they are one
// shipment the figure is smaller, and when that changes the verdict the
// claim cannot be judged until the user decides (a reporter must not
// publish a figure that double counts, nor call a claim false on a figure
// that may). A pair with one shipment in scope is named in a note. It
// runs after decide, on the verdict's bounds.
func (k *Checker) possibleDuplicates(v *Verdict) *dupCheck {
	dc := k.dupPairs(v)
	if dc == nil {
		return nil
	}
	dc.was = v.Kind
	if len(dc.both) > 0 {
		k.dupBounds(v, dc)
		if dc.moved && (v.Kind == Supported || v.Kind == Contradicted) {
			v.Kind, v.Why = Insufficient, WhyDuplicates
		}
	}
	return dc
}

// dupPairs sorts the Possible duplicates by how many of their shipments
// are in scope; nil when none touches the scope.
func (k *Checker) dupPairs(v *Verdict) *dupCheck {
	if len(k.d.Dupes) == 0 || len(v.InScope) == 0 {
		return nil
	}
	in := make(map[int32]bool, len(v.InScope))
	for _, r := range v.InScope {
		in[int32(r.Shipment)] = true
	}
	dc := &dupCheck{}
	used := map[int32]bool{}
	for _, p := range k.d.Dupes {
		a, b := in[p.A], in[p.B]
		switch {
		case a && b && !used[p.A] && !used[p.B]:
			// The list is best first: a shipment in two pairs is paired
			// with its likelier twin.
			dc.both = append(dc.both, p)
			used[p.A], used[p.B] = true, true
		case a && b:
			dc.also = append(dc.also, p)
		case a || b:
			dc.one = append(dc.one, p)
		}
	}
	if len(dc.both)+len(dc.one) == 0 {
		return nil
	}
	return dc
}

// dupBounds computes the figure with each pair counted once, and the
// verdict on it. Which of the two records is the shipment is not known,
// so the pair keeps the smaller of its values at the lower bound and the
// larger at the upper; a value that is missing stays missing.
func (k *Checker) dupBounds(v *Verdict, dc *dupCheck) {
	value := map[int]Row{}
	for _, r := range v.InScope {
		value[r.Shipment] = r
	}
	dropLo, dropHi := 0.0, 0.0 // taken off the lower and the upper bound
	for _, p := range dc.both {
		a, b := value[int(p.A)].Value, value[int(p.B)].Value
		switch {
		case a.Valid && b.Valid:
			dropLo += math.Max(a.Value, b.Value)
			dropHi += math.Min(a.Value, b.Value)
		case a.Valid:
			dropLo += a.Value
		case b.Valid:
			dropLo += b.Value
		}
	}
	dc.lo = round(math.Max(0, v.Lower-dropLo))
	dc.hi = v.Upper
	if !math.IsInf(v.Upper, 1) {
		dc.hi = round(math.Max(dc.lo, v.Upper-dropHi))
	}
	w := *v
	w.Lower, w.Upper, w.Why = dc.lo, dc.hi, ""
	k.decide(&w)
	dc.kind = w.Kind
	dc.moved = w.Kind != v.Kind
}

// pairIDs names pairs as the Possible duplicates sheet does: "S-1 / S-2,
// S-3 / S-4".
func pairIDs(ps []merge.DupPair, d *Data) string {
	var parts []string
	for _, p := range ps {
		parts = append(parts, d.Shipments[p.A].ID+" / "+d.Shipments[p.B].ID)
	}
	return strings.Join(parts, ", ")
}

// figureRange formats the figure between lo and hi: one figure, "at
// least lo", or "between lo and hi".
func figureRange(c *Claim, lo, hi float64) string {
	f := func(x float64) string { return FormatFigure(c.Measure, c.Unit, x) }
	switch {
	case math.IsInf(hi, 1):
		return "at least " + f(lo)
	case shownFigure(c.Measure, lo) == shownFigure(c.Measure, hi):
		return f(lo)
	}
	return "between " + f(lo) + " and " + f(hi)
}

// dupNote says which shipments in scope are on Possible duplicates, and
// the figure with each pair counted once. The reason says it instead when
// the verdict turns on them.
func dupNote(v *Verdict, dc *dupCheck, d *Data) string {
	var parts []string
	if n := len(dc.both); n > 0 && v.Why != WhyDuplicates {
		s := strconv.Itoa(2*n) + " shipments in scope may be duplicates of each other" +
			" (Possible duplicates: " + pairIDs(dc.both, d) + "); if "
		if n == 1 {
			s += "they are one shipment"
		} else {
			s += "each pair is one shipment"
		}
		s += ", the figure is " + figureRange(&v.Claim, dc.lo, dc.hi)
		if dc.moved {
			s += " (" + dc.kind.Label() + ")"
		} else {
			s += ", and the verdict is the same"
		}
		parts = append(parts, s+".")
	}
	if len(dc.also) > 0 {
		parts = append(parts, "Also listed as possible duplicates in scope: "+pairIDs(dc.also, d)+".")
	}
	if len(dc.one) > 0 {
		s := "1 shipment in scope is listed as a possible duplicate of a shipment outside it"
		if n := len(dc.one); n > 1 {
			s = strconv.Itoa(n) + " shipments in scope are listed as possible duplicates of shipments outside it"
		}
		parts = append(parts, s+" (Possible duplicates: "+pairIDs(dc.one, d)+
			"): if a pair is one shipment, the merged shipment may fall in or out of scope.")
	}
	return strings.Join(parts, " ")
}

// dupReason is the reason of a verdict that turns on Possible duplicates.
func dupReason(v *Verdict, dc *dupCheck, d *Data) string {
	c := &v.Claim
	ids := pairIDs(dc.both, d)
	var b strings.Builder
	b.WriteString("Insufficient data: depends on whether ")
	if len(dc.both) == 1 {
		b.WriteString(strings.Replace(ids, " / ", " and ", 1) + " are one shipment")
	} else {
		b.WriteString("the pairs " + ids + " are one shipment each")
	}
	b.WriteString(" (Possible duplicates). Counting every shipment the figure is " + found(v) + ", and the claim (" +
		c.Expected() + ") would be " + dc.was.Label() + "; counting each pair once it is " + figureRange(c, dc.lo, dc.hi) +
		", and the claim would be " + dc.kind.Label() + ". Decide on Possible duplicates whether they are one shipment.")
	if !v.Covered {
		b.WriteString(" Also, " + v.Gap + ".")
	}
	return b.String()
}
