package merge

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"tradecheck/reconcile"
)

// DupPair is two shipments that the rules left apart but that look alike:
// the same consignee entity and HS-6, close dates and weights. The user
// decides: merge them (OpMerge) or keep them apart (OpApart).
type DupPair struct {
	A, B  int32   // indexes into Result.Shipments
	Score float64 // 0–1, higher is more alike
	Days  int     // dates apart
	// Agree lists what the two have in common; NotMerged says which
	// merge rule kept them apart.
	Agree     []string
	NotMerged []string
}

// Dupes is the Possible duplicates list.
type Dupes struct {
	Pairs []DupPair // best first
	// More counts pairs left off past MaxDupPairs; KeptApart the pairs
	// the user kept apart, which are no longer listed.
	More, KeptApart int
	// WindowDays and WeightPct are how close dates and weights must be.
	WindowDays int
	WeightPct  float64
}

// MaxDupPairs bounds the list: past a few thousand pairs no one reviews
// them one by one, and the overlap check says what is wrong at large.
const MaxDupPairs = 5000

// DupBand is how much heavier than the net weight a gross weight may be
// (a fraction) for a possible duplicate, when one shipment gives a net
// weight only and the other a gross only: twice the merge rule's
// packaging band, at least 25 %.
func DupBand(opt Options) float64 {
	b := opt.PackagingBandPct
	if b <= 0 {
		b = DefaultPackagingBandPct
	}
	return math.Max(25, 2*b) / 100
}

// neighbours bounds how many later shipments of one block each shipment
// is compared with, so that a firm importing one good every day cannot
// make the pass quadratic.
const neighbours = 64

// DupWindow returns how close dates and weights must be for a possible
// duplicate: wider than the merge rule, which they missed by definition.
func DupWindow(opt Options) (days int, weightPct float64) {
	return max(7, 2*opt.DateToleranceDays+1, opt.BLDaysBefore+1), math.Max(5, 5*opt.WeightTolerancePct)
}

// PossibleDuplicates lists pairs of counted shipment-level shipments
// that were not merged but share the consignee entity and HS-6, with
// dates within the window and weights within WeightPct (net with net,
// gross with gross, or net and gross within the packaging band). Pairs
// whose declaration numbers or bills of lading differ are never listed:
// those identifiers say they are two shipments. Pairs the user kept
// apart are counted, not listed. in and res are Reconcile's.
func PossibleDuplicates(ctx context.Context, in Input, res *Result, opt Options, decisions []Decision) (*Dupes, error) {
	days, wpct := DupWindow(opt)
	out := &Dupes{WindowDays: days, WeightPct: wpct}
	var keys blockKeys
	cs := make([]blockRow, 0, len(res.Shipments))
	rel := newRelations(in.Related)
	// Consignees the name matcher relates share a block: one firm's
	// Cyrillic and Latin names are two entities until the user says so.
	group := rel.groups(false)
	for i := range res.Shipments {
		sh := &res.Shipments[i]
		if sh.Monthly || !sh.Counted() || sh.Consignee < 0 || len(sh.HSCode) < 6 || sh.Date.Precision != reconcile.PrecisionDay || len(sh.Rows) == 0 {
			continue
		}
		cs = append(cs, newBlockRow(keys.key(group(sh.Consignee), sh.HSCode), 0, dayOf(sh.Date), int32(i)))
	}
	sortBlockRows(cs)
	apart := apartRows(decisions)
	d := dupJudge{in: in, res: res, opt: opt, days: days, wpct: wpct, split: splitRows(decisions), export: exportSources(in), rel: rel}
	span := int32(days)
	if d.export != nil {
		span = max(span, int32(opt.ExportDaysBefore+days))
	}
	err := scanPairs(ctx, cs, span, neighbours, func(a, b blockRow) {
		p, ok := d.judge(a.i, b.i)
		if !ok {
			return
		}
		if len(apart) > 0 && d.keptApart(apart, p.A, p.B) {
			out.KeptApart++
			return
		}
		out.Pairs = append(out.Pairs, p)
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out.Pairs, func(a, b DupPair) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		if a.A != b.A {
			return int(a.A - b.A)
		}
		return int(a.B - b.B)
	})
	if len(out.Pairs) > MaxDupPairs {
		out.More = len(out.Pairs) - MaxDupPairs
		out.Pairs = slices.Clip(out.Pairs[:MaxDupPairs])
	}
	return out, nil
}

// apartRows gives the pairs the user kept apart (latest decision per
// pair wins).
func apartRows(ds []Decision) map[pairKey]bool {
	var p pairDecisions
	for _, d := range ds {
		if d.Op == OpMerge || d.Op == OpApart {
			p.add(d)
		}
	}
	out := map[pairKey]bool{}
	for k, op := range p.op {
		if op == OpApart {
			out[k] = true
		}
	}
	return out
}

func splitRows(ds []Decision) map[string]bool {
	out := map[string]bool{}
	for _, d := range ds {
		if d.Op == OpSplit {
			out[d.Row] = true
		}
	}
	return out
}

// dupJudge compares two shipments.
type dupJudge struct {
	in    Input
	res   *Result
	opt   Options
	days  int
	wpct  float64
	split map[string]bool
	// export marks export-register sources; nil when there is none.
	export []bool
	rel    relations
	cmp    *Comparer // made on first use (namesRuleWhy)
}

// exportSources marks the sources whose Flow is export, nil when none is.
func exportSources(in Input) []bool {
	var out []bool
	for s, src := range in.Sources {
		if src.Flow == reconcile.FlowExport {
			if out == nil {
				out = make([]bool, len(in.Sources))
			}
			out[s] = true
		}
	}
	return out
}

// flows reports whether every row of sh comes from an export register
// (exportOnly) or none does (importOnly).
func (d *dupJudge) flows(sh *Shipment) (exportOnly, importOnly bool) {
	exportOnly, importOnly = true, true
	for _, x := range sh.Rows {
		if d.export != nil && d.export[d.in.SourceOf[x]] {
			importOnly = false
		} else {
			exportOnly = false
		}
	}
	return exportOnly, importOnly
}

// keptApart reports whether the user kept a row of shipment a apart from
// a row of shipment b.
func (d *dupJudge) keptApart(apart map[pairKey]bool, a, b int32) bool {
	for _, x := range d.res.Shipments[a].Rows {
		for _, y := range d.res.Shipments[b].Rows {
			if apart[newPairKey(RowKey(d.in.Records[x].Source), RowKey(d.in.Records[y].Source))] {
				return true
			}
		}
	}
	return false
}

// judge decides whether shipments a and b are a possible duplicate and
// explains it.
func (d *dupJudge) judge(a, b int32) (DupPair, bool) {
	recs := d.in.Records
	A, B := &d.res.Shipments[a], &d.res.Shipments[b]
	consBest, cons, _ := d.party(A, B, d.in.Consignee)
	if !consBest.related() {
		return DupPair{}, false // one block, but firms the matcher does not relate
	}
	// An export shipment against an import one: the two sides of one
	// shipment, whose declaration numbers are of two kinds.
	cross := false
	if d.export != nil {
		ea, ia := d.flows(A)
		eb, ib := d.flows(B)
		cross = ea && ib || eb && ia
	}
	if !cross && differ(A, B, recs, func(r *reconcile.Record) string {
		return NormalizeDeclaration(r.DeclarationID) + "\x1f" + NormalizeItem(r.ItemNo)
	}, func(r *reconcile.Record) bool { return r.DeclarationID != "" }) ||
		differ(A, B, recs, func(r *reconcile.Record) string { return NormalizeDeclaration(r.BillOfLading) }, func(r *reconcile.Record) bool { return r.BillOfLading != "" }) {
		return DupPair{}, false
	}
	lead := 0.0 // the export's lead over the import, in days
	if cross {
		ex, im := A, B
		if ea, _ := d.flows(B); ea {
			ex, im = B, A
		}
		lead = im.Date.Time.Sub(ex.Date.Time).Hours() / 24
		if lead < -float64(d.days) || lead > float64(d.opt.ExportDaysBefore+d.days) {
			return DupPair{}, false
		}
	} else if math.Abs(A.Date.Time.Sub(B.Date.Time).Hours()/24) > float64(d.days)+1e-9 {
		return DupPair{}, false
	}
	band := DupBand(d.opt)
	basis, pct, ok := looseWeights(A.NetKg(recs), A.GrossKg(recs), B.NetKg(recs), B.GrossKg(recs), band)
	noWeight := !ok && d.weightless(A, B, cross, lead)
	if !noWeight && (!ok || pct > d.wpct) {
		return DupPair{}, false
	}
	days := int(math.Round(math.Abs(A.Date.Time.Sub(B.Date.Time).Hours() / 24)))
	p := DupPair{A: a, B: b, Days: days}
	weight := fmt.Sprintf("%s %.1f%% apart", basis, pct)
	if inBand := strings.HasPrefix(basis, "net weight of one"); inBand && pct == 0 {
		weight = basis
	} else if inBand {
		weight = fmt.Sprintf("net weight of one and gross weight of the other %.1f%% outside the packaging band (gross up to %g%% over net)", pct, 100*band)
	}
	if cons.same {
		p.Agree = append(p.Agree, "same consignee entity")
	}
	p.Agree = append(p.Agree, "HS-6 "+A.HSCode[:6], fmt.Sprintf("dates %d day(s) apart", days))
	if !noWeight {
		p.Agree = append(p.Agree, weight)
	}
	score := 1 - 0.35*float64(days)/float64(d.days) - 0.35*pct/d.wpct
	if cross {
		score = 1 - 0.35*math.Abs(lead)/float64(d.opt.ExportDaysBefore+d.days) - 0.35*pct/d.wpct
	}
	// namesOnly: what keeps the pair apart is so far only that a party
	// is two entities the matcher relates as one name in two scripts.
	namesOnly := true
	if !cons.same {
		why, cost := partyText("consignee", cons, A.ConsigneeName, B.ConsigneeName)
		p.NotMerged = append(p.NotMerged, why)
		score -= cost
		namesOnly = cons.rel != nil && cons.rel.CrossScript
	}
	if shipBest, ship, known := d.party(A, B, d.in.Shipper); known && shipBest.same && ship.same {
		p.Agree = append(p.Agree, "same shipper entity")
	} else if known {
		why, cost := partyText("shipper", ship, A.ShipperName, B.ShipperName)
		p.NotMerged = append(p.NotMerged, why)
		score -= cost
		namesOnly = namesOnly && ship.rel != nil && ship.rel.CrossScript
	}
	relLines := len(p.NotMerged)
	if noWeight {
		p.NotMerged = append(p.NotMerged, "one has no usable weight (none given, or in a unit that is not a weight), and the rules need a weight on both sides")
		score -= 0.3
	}
	srcA, srcB := d.sources(A), d.sources(B)
	shared := ""
	for s := range srcA {
		if srcB[s] {
			shared = d.in.Sources[s].Name
			break
		}
	}
	if shared != "" {
		if why := d.containerWhy(A, B); why != "" {
			p.NotMerged = append(p.NotMerged, why)
		} else if len(srcA) == 1 && len(srcB) == 1 {
			p.NotMerged = append(p.NotMerged, "both rows come from "+shared+"; rows of one source are merged only when every field is equal")
		} else {
			p.NotMerged = append(p.NotMerged, "both shipments already hold a row of "+shared)
		}
		score -= 0.15
	}
	if cross {
		p.NotMerged = append(p.NotMerged, d.crossWhy(A, B, lead)...)
	} else if days > d.opt.DateToleranceDays && !d.inDateWindow(A, B) {
		why := fmt.Sprintf("dates %d days apart, beyond the ±%d-day window", days, d.opt.DateToleranceDays)
		if has(A, recs, func(r *reconcile.Record) bool { return r.BillOfLading != "" }) != has(B, recs, func(r *reconcile.Record) bool { return r.BillOfLading != "" }) {
			why += fmt.Sprintf(" (a bill of lading may be dated up to %d days before a declaration and %d after)", d.opt.BLDaysBefore, d.opt.BLDaysAfter)
		}
		p.NotMerged = append(p.NotMerged, why)
	}
	if strings.HasPrefix(basis, "net weight of one") {
		band := d.opt.PackagingBandPct
		if band <= 0 {
			band = DefaultPackagingBandPct
		}
		p.NotMerged = append(p.NotMerged, fmt.Sprintf("one gives only a net weight and the other only a gross weight; the rule lets a gross weight be at most %g%% over the net", band))
	} else if pct > d.opt.WeightTolerancePct {
		p.NotMerged = append(p.NotMerged, fmt.Sprintf("weights %.1f%% apart, beyond the %g%% tolerance", pct, d.opt.WeightTolerancePct))
	}
	for _, sh := range []*Shipment{A, B} {
		for _, x := range sh.Rows {
			if k := RowKey(recs[x].Source); d.split[k] {
				p.NotMerged = append(p.NotMerged, k+" was split out by the user")
			}
		}
	}
	if !cross && hasDecl(A, recs) && hasDecl(B, recs) {
		p.NotMerged = append(p.NotMerged, "both carry a declaration number, and two declarations are never merged by the rules")
	}
	if relLines > 0 && len(p.NotMerged) == relLines && namesOnly {
		p.NotMerged = append(p.NotMerged, d.namesRuleWhy(A, B))
	}
	if len(p.NotMerged) == 0 {
		if why := d.tieWhy(A, B); why != "" {
			p.NotMerged = append(p.NotMerged, why)
		}
	}
	if len(p.NotMerged) == 0 && cross {
		p.NotMerged = append(p.NotMerged, "an export and an import declaration: another row of one side also fits the other within the window (a row naming the firm in a third script, or alike on the day and weight under another shipper name, counts too), and picking one would be a guess")
	}
	if len(p.NotMerged) == 0 {
		p.NotMerged = append(p.NotMerged, "each was paired with a closer row of the other's source, or a third row disagreed")
	}
	p.Score = math.Round(100*math.Max(0, math.Min(1, score))) / 100
	return p, true
}

// crossWhy says which part of the export rule kept an export shipment
// and an import shipment apart.
func (d *dupJudge) crossWhy(A, B *Shipment, lead float64) []string {
	var why []string
	const pre = "an export and an import declaration: "
	if A.Shipper < 0 || B.Shipper < 0 {
		why = append(why, pre+"the exporter (shipper) is unknown on one side, and the pair needs it on both")
	}
	ex, im := A, B
	if e, _ := d.flows(B); e {
		ex, im = B, A
	}
	for _, x := range ex.Rows {
		for _, y := range im.Rows {
			if _, clash := compareCountries(&d.in.Records[x], &d.in.Records[y]); clash != "" {
				why = append(why, pre+"countries differ: "+clash)
			}
		}
	}
	switch {
	case lead > float64(d.opt.ExportDaysBefore):
		why = append(why, fmt.Sprintf(pre+"the export is %.0f days before the import, beyond the %d-day window", lead, d.opt.ExportDaysBefore))
	case -lead > float64(d.opt.ExportDaysAfter):
		why = append(why, fmt.Sprintf(pre+"the export is %.0f days after the import, beyond the %d days allowed", -lead, d.opt.ExportDaysAfter))
	}
	return why
}

func (d *dupJudge) sources(sh *Shipment) map[int32]bool {
	out := make(map[int32]bool, len(sh.Rows))
	for _, x := range sh.Rows {
		out[d.in.SourceOf[x]] = true
	}
	return out
}

// differ reports whether both shipments carry an identifier of one kind
// (has) and no value of A's equals one of B's.
func differ(A, B *Shipment, recs []reconcile.Record, key func(*reconcile.Record) string, has func(*reconcile.Record) bool) bool {
	var ka []string
	for _, x := range A.Rows {
		if has(&recs[x]) {
			ka = append(ka, key(&recs[x]))
		}
	}
	if len(ka) == 0 {
		return false
	}
	seen := false
	for _, x := range B.Rows {
		if has(&recs[x]) {
			seen = true
			if slices.Contains(ka, key(&recs[x])) {
				return false
			}
		}
	}
	return seen
}

func hasDecl(sh *Shipment, recs []reconcile.Record) bool {
	return has(sh, recs, func(r *reconcile.Record) bool { return r.DeclarationID != "" })
}

// has reports whether a row of sh satisfies f.
func has(sh *Shipment, recs []reconcile.Record, f func(*reconcile.Record) bool) bool {
	for _, x := range sh.Rows {
		if f(&recs[x]) {
			return true
		}
	}
	return false
}

// looseWeights compares two shipments' (or rows') weights for a
// possible duplicate: net with net, gross with gross, else one's net
// with the other's gross, which agree when the gross is at most band
// heavier. pct is the difference in percent of the larger (0 inside the
// band).
func looseWeights(na, ga, nb, gb reconcile.Number, band float64) (basis string, pct float64, ok bool) {
	rel := func(x, y float64) float64 { return 100 * math.Abs(x-y) / math.Max(x, y) }
	switch {
	case na.Valid && nb.Valid && na.Value > 0 && nb.Value > 0:
		return "net weight", rel(na.Value, nb.Value), true
	case ga.Valid && gb.Valid && ga.Value > 0 && gb.Value > 0:
		return "gross weight", rel(ga.Value, gb.Value), true
	case na.Valid && gb.Valid && na.Value > 0:
		return bandWeights(na.Value, gb.Value, band)
	case nb.Valid && ga.Valid && nb.Value > 0:
		return bandWeights(nb.Value, ga.Value, band)
	}
	return "", 0, false
}

func bandWeights(net, gross, band float64) (string, float64, bool) {
	basis := "net weight of one within the packaging band of the other's gross weight"
	switch {
	case gross >= net && gross <= net*(1+band):
		return basis, 0, true
	case gross < net:
		return basis, 100 * (net - gross) / net, true
	}
	return basis, 100 * (gross - net*(1+band)) / gross, true
}
