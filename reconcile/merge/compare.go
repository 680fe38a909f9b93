package merge

import (
	"fmt"
	"math"
	"strings"

	"tradecheck/reconcile"
)

// comparison is the fuzzy rule's verdict on two rows, with the tests
// that failed when asked to explain.
type comparison struct {
	ok     bool
	cost   float64
	failed []string
	// related: the pair agrees only through a cross-script review pair.
	related bool
}

// compare applies the fuzzy rule to rows i and j. With explain false it
// stops at the first failed test (the hot path); with explain true it runs
// every test and names each failure.
func (r *reconciler) compare(i, j int32, explain bool) comparison {
	return r.compareParties(i, j, explain, partiesRule)
}

// partyTest is how compareParties tests the parties.
type partyTest int

const (
	// partiesRule: the same entity or a cross-script review pair (the
	// rule).
	partiesRule partyTest = iota
	// partiesMaybe: also names related in two steps (mayBeOneFirm).
	partiesMaybe
	// partiesConsignee: the consignee as partiesMaybe, any shipper.
	partiesConsignee
)

// compareParties is compare with a looser test of the parties than the
// rule's (partiesMaybe, partiesConsignee): what passes is a rival that
// makes another pair ambiguous (clearCrossEdges), never a pair to merge.
func (r *reconciler) compareParties(i, j int32, explain bool, pt partyTest) comparison {
	c := comparison{ok: true}
	fail := func(why string) bool {
		c.ok = false
		if explain {
			c.failed = append(c.failed, why)
		}
		return !explain // stop?
	}
	if r.in.SourceOf[i] == r.in.SourceOf[j] && fail("same source") {
		return c
	}
	if rel, kind := r.idRel(i, j); rel == idBlocked && fail("different "+kindText(kind)) {
		return c
	}
	related := false // a party agrees only as a cross-script review pair
	if ci, cj := r.in.Consignee[i], r.in.Consignee[j]; ci < 0 || cj < 0 || ci != cj {
		if ci >= 0 && r.rel.crossScript(ci, cj) || pt > partiesRule && r.rel.mayBeOneFirm(ci, cj) {
			related = true
		} else if fail("not the same consignee entity") {
			return c
		}
	}
	if si, sj := r.in.Shipper[i], r.in.Shipper[j]; si >= 0 && sj >= 0 && si != sj {
		if r.rel.crossScript(si, sj) || pt == partiesMaybe && r.rel.mayBeOneFirm(si, sj) || pt == partiesConsignee {
			related = true
		} else if fail("not the same shipper entity") {
			return c
		}
	}
	cross := r.crossFlow(i, j)
	if cross && (r.in.Shipper[i] < 0 || r.in.Shipper[j] < 0) && fail("an export and an import declaration pair only when both name the exporter (shipper unknown on one side)") {
		return c
	}
	if cross {
		if _, clash := r.crossCountries(i, j); clash != "" && fail("countries differ: "+clash) {
			return c
		}
	}
	a, b := r.rec(i), r.rec(j)
	if (len(a.HSCode) < 6 || len(b.HSCode) < 6 || a.HSCode[:6] != b.HSCode[:6]) && fail("HS-6 differs or is missing") {
		return c
	}
	if a.Date.Precision != reconcile.PrecisionDay || b.Date.Precision != reconcile.PrecisionDay {
		if fail("no full date on one side") {
			return c
		}
	} else if dc, ok := r.compareDates(i, j); !ok {
		if fail(r.dateText(i, j) + ", outside the window") {
			return c
		}
	} else {
		c.cost += dc
	}
	w, ok := r.compareWeights(i, j)
	if !ok {
		if fail(w.text + ", outside the tolerance") {
			return c
		}
	} else {
		c.cost += w.cost
	}
	if cross {
		// After every pairing of rows of one flow: an export row joins
		// the shipment its import rows make, not one of them alone.
		c.cost += crossFlowCost
	}
	if related {
		c.cost += relatedCost
		c.related = true
	}
	return c
}

// namesOnly reports whether rows i and j name a consignee or a shipper
// that are different entities, related as a cross-script review pair:
// a pair the names-in-review rule accepts only when unambiguous.
func (r *reconciler) namesOnly(i, j int32) bool {
	ci, cj := r.in.Consignee[i], r.in.Consignee[j]
	si, sj := r.in.Shipper[i], r.in.Shipper[j]
	return ci >= 0 && cj >= 0 && ci != cj || si >= 0 && sj >= 0 && si != sj
}

// relatedText says which parties of rows i and j agree only as a review
// pair of the name matcher, "" when none.
func (r *reconciler) relatedText(i, j int32) string {
	var parts []string
	for _, p := range []struct {
		role string
		a, b int32
	}{{"consignee", r.in.Consignee[i], r.in.Consignee[j]}, {"shipper", r.in.Shipper[i], r.in.Shipper[j]}} {
		if rel, ok := r.rel.direct(p.a, p.b); ok {
			parts = append(parts, fmt.Sprintf("%s names %s / %s are different entities that the name matcher relates (%s)", p.role, rel.NameA, rel.NameB, rel.Why))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + "; each row the other's only candidate in its source"
}

// compareDates checks the date rule: ±DateToleranceDays, or the
// asymmetric window when exactly one row is dated by its bill of lading.
func (r *reconciler) compareDates(i, j int32) (float64, bool) {
	if r.crossFlow(i, j) {
		return r.compareCrossDates(i, j)
	}
	a, b := r.rec(i), r.rec(j)
	d := b.Date.Time.Sub(a.Date.Time).Hours() / 24 // b − a
	ba, bb := blDated(a), blDated(b)
	if ba != bb {
		if bb {
			d = -d // d is now declaration − B/L
		}
		before, after := float64(max(r.opt.BLDaysBefore, 0)), float64(max(r.opt.BLDaysAfter, 0))
		if d > before+1e-9 || -d > after+1e-9 {
			return 0, false
		}
		if d >= 0 {
			return d / (before + 1), true
		}
		return -d / (after + 1), true
	}
	tol := float64(max(r.opt.DateToleranceDays, 0))
	if math.Abs(d) > tol+1e-9 {
		return 0, false
	}
	return math.Abs(d) / (tol + 1), true
}

func (r *reconciler) dateText(i, j int32) string {
	if r.crossFlow(i, j) {
		return r.crossDateText(i, j)
	}
	a, b := r.rec(i), r.rec(j)
	days := int(math.Round(math.Abs(a.Date.Time.Sub(b.Date.Time).Hours() / 24)))
	ba, bb := blDated(a), blDated(b)
	if ba == bb {
		return fmt.Sprintf("dates %d day(s) apart", days)
	}
	bl, decl := a, b
	if bb {
		bl, decl = b, a
	}
	if bl.Date.Time.After(decl.Date.Time) {
		return fmt.Sprintf("B/L date %d day(s) after the declaration date", days)
	}
	return fmt.Sprintf("B/L date %d day(s) before the declaration date", days)
}

// weightFit is how two rows' weights compare.
type weightFit struct {
	cost float64
	text string // for reasons: which weights, how far apart
}

// compareWeights compares net with net and gross with gross (every basis
// both rows give must agree), each within WeightTolerancePct of the
// larger or the precision both were written with, whichever is wider. A
// gross-only row and a net-only row agree within the packaging band
// net ≤ gross ≤ net × (1 + PackagingBandPct/100), each end widened by the
// written precision.
func (r *reconciler) compareWeights(i, j int32) (weightFit, bool) {
	a, b := r.rec(i), r.rec(j)
	si, sj := r.in.SourceOf[i], r.in.SourceOf[j]
	pos := func(n reconcile.Number) bool { return n.Valid && n.Value > 0 }
	pct := r.opt.WeightTolerancePct
	if pct <= 0 {
		pct = 1
	}
	var w weightFit
	shared := 0
	ok := true
	for _, k := range []struct {
		basis  string
		x, y   reconcile.Number
		hx, hy float64
	}{{"net", a.NetKg, b.NetKg, r.netHalf[si], r.netHalf[sj]}, {"gross", a.GrossKg, b.GrossKg, r.grossHalf[si], r.grossHalf[sj]}} {
		if !pos(k.x) || !pos(k.y) {
			continue
		}
		shared++
		wa, wb := k.x.Value, k.y.Value
		d := math.Abs(wa - wb)
		big := math.Max(wa, wb)
		rel := 100 * d / big
		if shared > 1 {
			w.text += "; "
		}
		w.text += fmt.Sprintf("%s weight %s vs %s kg (%.2f%%)", k.basis, fmtNum(wa), fmtNum(wb), rel)
		if d > math.Max(pct/100*big, k.hx+k.hy)+1e-9 {
			ok = false
		}
		w.cost = math.Max(w.cost, rel/pct)
	}
	if shared > 0 {
		return w, ok
	}
	net, gross, slack := a.NetKg, b.GrossKg, r.netHalf[si]+r.grossHalf[sj]
	switch {
	case pos(a.NetKg) && !pos(a.GrossKg) && pos(b.GrossKg) && !pos(b.NetKg):
	case pos(b.NetKg) && !pos(b.GrossKg) && pos(a.GrossKg) && !pos(a.NetKg):
		net, gross, slack = b.NetKg, a.GrossKg, r.netHalf[sj]+r.grossHalf[si]
	default:
		return weightFit{text: "no weight of one basis on both sides"}, false
	}
	band := math.Max(r.opt.PackagingBandPct, 0) / 100
	w.text = fmt.Sprintf("gross-only %s kg vs net-only %s kg: gross/net − 1 = %.1f%%, packaging band net ≤ gross ≤ net × %.2f",
		fmtNum(gross.Value), fmtNum(net.Value), 100*(gross.Value/net.Value-1), 1+band)
	if gross.Value < net.Value-slack-1e-9 || gross.Value > net.Value*(1+band)+slack+1e-9 {
		return w, false
	}
	// Inside the band is weaker evidence than equal weights: cost as a
	// pair at the edge of the weight tolerance.
	w.cost = 1
	return w, true
}

// writtenPrecision finds, per source and basis, half the finest unit its
// weights were written with: the smallest WrittenHalfStep over its values
// (a kg column with one decimal has whole values too; its precision is
// the tenth its other values show), and which sources give declaration
// numbers — the source facts, over every row (see SourceFacts).
func (r *reconciler) writtenPrecision() {
	r.netHalf = make([]float64, len(r.in.Sources))
	r.grossHalf = make([]float64, len(r.in.Sources))
	for s, f := range r.in.facts() {
		r.netHalf[s], r.grossHalf[s] = f.NetHalf, f.GrossHalf
		r.declSrc[s] = f.Declarations
	}
}

// WrittenHalfStep is half the last unit a weight in kilograms was written
// with, read off its value: 3471 kg (or 3.471 t) ±0.5 kg, 9101.8 kg (or
// 9.1018 t) ±0.05 kg, a whole number of pounds ±0.227 kg. A value never
// counts as written coarser than whole kilograms (3400 may be 3.4 t, but
// may as well be 3400 kg), so the half-step is at most 0.5 kg. Values
// whose digits show no such step count as exact to the gram.
func WrittenHalfStep(kg float64) float64 {
	for _, step := range []float64{1, 0.1, 0.01, 0.001} {
		q := kg / step
		if math.Abs(q-math.Round(q)) < 1e-6 {
			return step / 2
		}
	}
	for _, step := range []float64{0.45359237, 0.045359237} { // pounds
		q := kg / step
		if math.Abs(q-math.Round(q)) < 1e-6 {
			return step / 2
		}
	}
	return 0.0005
}

func kindText(f reconcile.Field) string {
	switch f {
	case reconcile.FieldDeclarationID:
		return "declaration numbers"
	case reconcile.FieldItemNo:
		return "item numbers of one declaration"
	case reconcile.FieldBillOfLading:
		return "bill-of-lading numbers of one issuer"
	case reconcile.FieldContainer:
		return "container numbers"
	case reconcile.FieldInvoice:
		return "invoice numbers"
	}
	return string(f)
}

// reason says why row x joined the shipment whose first row is core.
func (r *reconciler) reason(core, x int32) string {
	a, b := r.rec(core), r.rec(x)
	if rel, kind := r.idRel(core, x); rel == idSame {
		id := map[reconcile.Field]string{reconcile.FieldDeclarationID: b.DeclarationID, reconcile.FieldBillOfLading: b.BillOfLading,
			reconcile.FieldContainer: b.Container, reconcile.FieldInvoice: b.Invoice}[kind]
		s := "same " + strings.TrimSuffix(kindText(kind), "s of one issuer")
		s = strings.TrimSuffix(s, "s") + " " + id
		if kind == reconcile.FieldDeclarationID {
			s += ", item " + itemText(b.ItemNo) + " vs " + itemText(a.ItemNo)
		}
		if len(b.HSCode) >= 6 {
			s += ", HS-6 " + b.HSCode[:6]
		}
		if w, ok := r.compareWeights(core, x); ok {
			s += ", " + w.text
		}
		return s
	}
	shipper := "shipper unknown on one side"
	if r.in.Shipper[core] >= 0 && r.in.Shipper[x] >= 0 {
		shipper = "same shipper entity"
	}
	w, _ := r.compareWeights(core, x)
	if rel := r.relatedText(core, x); rel != "" {
		if r.crossFlow(core, x) {
			return fmt.Sprintf("%s; HS-6 %s, %s, %s%s; %s; %s",
				r.crossText(core, x), b.HSCode[:6], r.dateText(core, x), w.text, r.crossAgreeText(core, x), rel, crossOnlyText)
		}
		return fmt.Sprintf("no shared identifier; HS-6 %s, %s, %s; %s", b.HSCode[:6], r.dateText(core, x), w.text, rel)
	}
	if r.crossFlow(core, x) {
		return fmt.Sprintf("%s; same consignee and shipper entities, HS-6 %s, %s, %s%s; %s",
			r.crossText(core, x), b.HSCode[:6], r.dateText(core, x), w.text, r.crossAgreeText(core, x), crossOnlyText)
	}
	return fmt.Sprintf("no shared identifier; same consignee entity, %s, HS-6 %s, %s, %s",
		shipper, b.HSCode[:6], r.dateText(core, x), w.text)
}

// Comparer compares any two records of an Input by the rules Reconcile
// uses, for callers looking for near misses (pairs left apart that look
// alike) or explaining a merge.
type Comparer struct{ r *reconciler }

// NewComparer prepares in for comparisons; it shares in's slices.
func NewComparer(in Input, opt Options) *Comparer {
	r := &reconciler{in: in, opt: opt, res: &Result{DuplicateOf: filled(len(in.Records), -1)}}
	r.prepare()
	return &Comparer{r}
}

// Comparison is the verdict on two records.
type Comparison struct {
	// Linked: an identifier of one kind is equal on both and none
	// differs (with HS-6 agreeing): Reconcile merges them.
	Linked bool
	// Blocked: an identifier of one kind differs (Field says which): they
	// are never one shipment.
	Blocked bool
	Field   reconcile.Field
	// Fuzzy: the fuzzy rule accepts the pair. Cost grows with the date
	// and weight distance (0 = same day and weight).
	Fuzzy bool
	Cost  float64
	// Reason says why they match; Failed lists every fuzzy test that
	// failed ("dates 6 day(s) apart, outside the window").
	Reason string
	Failed []string
}

// Compare applies the rules to records i and j.
func (c *Comparer) Compare(i, j int) Comparison {
	r := c.r
	a, b := int32(i), int32(j)
	var out Comparison
	rel, kind := r.idRel(a, b)
	out.Blocked, out.Field = rel == idBlocked, kind
	if _, ok := r.idAgree(a, b); ok {
		out.Linked = true
	}
	cmp := r.compare(a, b, true)
	out.Fuzzy, out.Cost, out.Failed = cmp.ok, cmp.cost, cmp.failed
	if out.Linked || out.Fuzzy {
		out.Reason = r.reason(a, b)
	}
	return out
}
