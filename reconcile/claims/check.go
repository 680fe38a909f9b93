package claims

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/goods"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// Data is what checks read: the reconciled shipments of one run, the
// records they were built from, the entities, and the date range of every
// source. pipeline.Result.ClaimsData builds it.
type Data struct {
	Shipments []merge.Shipment
	Records   []reconcile.Record // Shipment.Rows index these, for sources
	Names     *match.Result      // entities, for consignee and shipper filters
	Sources   []Coverage         // every source sheet that has dated rows
	// Listed reports whether an entity is on a sanctions list (listed or
	// confirmed hit); nil when the run screened nothing, so that a claim
	// about listed parties says so instead of finding nothing.
	Listed func(e int32) bool
	// Listing, when set, tells more than Listed: a hit pending review
	// and the listing date (see Listing). A claim about listed parties
	// then treats a pending hit as undecided and says which shipments
	// predate their party's listing.
	Listing func(e int32) Listing
	// ConsigneeOf and ShipperOf give each record's entity (-1 unknown),
	// as merge.Input does: a merged shipment's party is listed when any
	// of its rows names a listed entity, not only the row whose name it
	// kept. nil: only Shipment.Consignee and Shipper are used.
	ConsigneeOf, ShipperOf []int32
	// GoodsLists are the user's goods lists, for goods_list beside the
	// bundled CHPL.
	GoodsLists []*goods.List
	// DoubleCount names, for a shipment index, the pair of sources it
	// comes from that the run warned may double count ("a.csv and
	// b.xlsx"), or "" (nil: no warning). A verdict resting on such
	// shipments says so, since the warning is on another sheet.
	DoubleCount func(i int) string
	// Dupes are the run's Possible duplicates (pipeline.Result.Dupes),
	// best first: a verdict whose scope holds one of their shipments says
	// so, and one that counts both shipments of a pair gives the figure
	// with the pair counted once.
	Dupes []merge.DupPair
	// TotalsBad names, by source sheet ("file.xlsx!Sheet", as
	// SourceName), what its failing total-row check says. A verdict
	// resting on such a sheet's rows says so (totalsNote).
	TotalsBad map[string]string
}

// Coverage is the date range of one source sheet's rows.
type Coverage struct {
	Source   string // "file.xlsx!Sheet" or "file.csv"
	From, To reconcile.Date
	// StatedFrom and StatedTo are the period the source says it covers
	// (a register's banner: "период 01.01.2022–31.12.2022"; see
	// StatedPeriod), zero when it states none. It counts as coverage:
	// a month the source covers but declared nothing in is a month
	// with nothing to add.
	StatedFrom, StatedTo reconcile.Date
}

// Kind is a verdict.
type Kind string

// Verdict kinds. The strings match samples/expected.json.
const (
	Supported    Kind = "supported"
	Contradicted Kind = "contradicted"
	Insufficient Kind = "insufficient_data"
	NothingFound Kind = "nothing_found"
)

// Label is the kind as a fact-checker reads it: "Supported",
// "Insufficient data".
func (k Kind) Label() string {
	switch k {
	case Supported:
		return "Supported"
	case Contradicted:
		return "Contradicted"
	case Insufficient:
		return "Insufficient data"
	case NothingFound:
		return "Nothing found"
	}
	return string(k)
}

// Why data is insufficient.
const (
	WhyStraddle = "straddle" // the bounds straddle the claim
	WhyCoverage = "coverage" // no source covers the claim's whole date range
	// WhyDuplicates (dupes.go): the verdict turns on Possible duplicates.
)

// Row is one shipment behind a verdict.
type Row struct {
	Shipment int              // index into Data.Shipments
	ID       string           // shipment ID as the Shipments sheet shows it
	Date     reconcile.Date   // resolved date
	Value    reconcile.Number // the claim's measure; invalid when missing
	Missing  string           // why Value is missing ("no weight", "quantity in kg")
	Sources  []string         // every source row, file!sheet:row
}

// Near is a shipment that passes every filter of the claim but one.
type Near struct {
	Row
	Filter string // FilterConsignee … FilterExcluded
	Detail string // what the shipment has instead: "dispatched from KZ"
}

// Verdict is the outcome of checking one claim.
type Verdict struct {
	Claim Claim
	Kind  Kind
	Why   string // for Insufficient: WhyStraddle or WhyCoverage
	// Reason says in plain language why the verdict is what it is; it can
	// be quoted.
	Reason string

	// Lower counts known values only. Upper equals Lower when every
	// shipment in scope has the measure; it is +Inf when one lacks it
	// (its weight or value is unknown) or when a monthly aggregate line
	// enters a shipment count.
	Lower, Upper float64
	Missing      int // shipments in scope without the measure
	// Undetermined counts shipments that pass every filter but one on a
	// field their sources do not record (a Russian import register has no
	// destination column; a row without a date or HS code): they may or
	// may not be in scope, so they widen Upper by their values instead of
	// being counted out.
	Undetermined int
	// UndeterminedWhat names the unrecorded fields ("destination", "date",
	// "HS code").
	UndeterminedWhat []string
	// Items and Consignments, for a shipment count: the shipments in
	// scope that are goods items of a declaration (or bill of lading)
	// with several, and how many such declarations they are. A shipment
	// count counts each consignment once (merge.Shipment.Consignment).
	Items, Consignments int
	ConsignmentWord     string // "declaration", "bill of lading", or "declaration or bill of lading"
	// Covered is false when no single source covers the claim's date
	// range; CoveredBy names the sources that do.
	Covered   bool
	CoveredBy []string
	// Gap names the claim's range and the span the data covers when
	// Covered is false.
	Gap string

	InScope []Row
	// Near lists the first MaxNear near-boundary shipments in data order;
	// NearTotal counts them all.
	Near      []Near
	NearTotal int
	// NearByFilter counts every near-boundary shipment by the filter it
	// misses.
	NearByFilter map[string]int
	// Predate counts, for a claim about listed parties, the shipments in
	// scope made before their party was listed (on ListedSince dates);
	// AtShipmentLower, AtShipmentUpper and AtShipmentKind are the bounds
	// and verdict counting only the others (listed at the time of
	// shipment).
	Predate                          int
	ListingUnknown                   int // shipments in scope whose party's listing date (or own date) is unknown
	ListedSince                      []string
	AtShipmentLower, AtShipmentUpper float64
	AtShipmentKind                   Kind
	Resolved                         []Resolved // how consignee and shipper names were resolved
	Notes                            []string   // what a careful reader must know (gross weights, aggregates, …)
}

// Figure is the computed figure: the lower bound, which counts known
// values only.
func (v *Verdict) Figure() float64 { return v.Lower }

// IDs returns the IDs of the shipments in scope.
func (v *Verdict) IDs() []string {
	out := make([]string, len(v.InScope))
	for i, r := range v.InScope {
		out[i] = r.ID
	}
	return out
}

// MaxNear caps Verdict.Near: a claim with one narrow filter can have
// most of the data one filter away.
const MaxNear = 1000

// Checker checks claims against one Data. It caches what does not change
// between checks (normalised descriptions, name analysis, source row
// names), so checking every claim again after a Recluster is cheap: call
// Reset with the new Data. A Checker is not safe for concurrent use; the
// Data is only read.
type Checker struct {
	d       *Data
	desc    map[string]string // description as written → folded
	rv      resolver
	rowKeys []string          // per record: file!sheet:row, filled on first use
	recs    *reconcile.Record // first record rowKeys belong to
}

// NewChecker prepares checks over d.
func NewChecker(d *Data) *Checker {
	k := &Checker{desc: map[string]string{}}
	k.Reset(d)
	return k
}

// Reset points the checker at new data (after a Recluster). Caches that
// depend only on descriptions and names as written are kept when the
// mentions are the same.
func (k *Checker) Reset(d *Data) {
	if d == nil {
		d = &Data{}
	}
	k.d = d
	var ms []match.Mention
	if d.Names != nil {
		ms = d.Names.Mentions
	}
	if !sameMentions(k.rv.mentions, ms) {
		k.rv = resolver{mentions: ms}
	}
	if len(k.rowKeys) != len(d.Records) || len(d.Records) > 0 && k.recs != &d.Records[0] {
		k.rowKeys = nil
	}
	k.recs = nil
	if len(d.Records) > 0 {
		k.recs = &d.Records[0]
	}
}

func sameMentions(a, b []match.Mention) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Check checks one claim against d. See Checker.Check.
func Check(d *Data, c Claim) Verdict { return NewChecker(d).Check(c) }

// CheckAll checks every claim, in order. See Checker.CheckAll for a
// check that can be cancelled.
func CheckAll(d *Data, cs []Claim) []Verdict {
	out, _ := NewChecker(d).CheckAll(context.Background(), cs, nil)
	return out
}

// CheckAll checks every claim, in order, calling progress (when not nil)
// with the number of claims done after each. It stops when ctx is
// cancelled, within a few thousand shipments, and returns ctx's error
// with the verdicts so far.
func (k *Checker) CheckAll(ctx context.Context, cs []Claim, progress func(done, total int)) ([]Verdict, error) {
	out := make([]Verdict, 0, len(cs))
	for i, c := range cs {
		v, err := k.CheckContext(ctx, c)
		if err != nil {
			return out, err
		}
		out = append(out, v)
		if progress != nil {
			progress(i+1, len(cs))
		}
	}
	return out, nil
}

// checkEvery is how many shipments a check reads between looks at its
// context: often enough to stop within milliseconds on a million rows,
// rarely enough to cost nothing.
const checkEvery = 4096

// Check computes the verdict of c. A claim that fails Validate gets
// Insufficient data with the problem as its reason.
func (k *Checker) Check(c Claim) Verdict {
	v, _ := k.CheckContext(context.Background(), c)
	return v
}

// CheckContext is Check that stops when ctx is cancelled, returning ctx's
// error and an incomplete verdict that must not be shown.
func (k *Checker) CheckContext(ctx context.Context, c Claim) (Verdict, error) {
	v := Verdict{Claim: c, Covered: true}
	if err := c.Validate(); err != nil {
		v.Kind, v.Why = Insufficient, ""
		v.Reason = "The claim cannot be checked as written: " + err.Error() + "."
		return v, nil
	}
	d := k.d
	if c.Filters.PartyListed != "" && d.Listed == nil && d.Listing == nil {
		v.Kind = Insufficient
		v.Reason = "The claim is about listed parties, but no sanctions list was loaded: load a sanctions list with the sources to check it."
		return v, nil
	}
	sc := k.compile(&c, &v)
	if sc.goodsErr != nil {
		v.Kind = Insufficient
		v.Reason = "The claim cannot be checked as written: " + sc.goodsErr.Error() + "."
		return v, nil
	}
	if len(sc.unresolved) > 0 {
		// Every shipment would be one filter away: a near-boundary list
		// of the whole data tells the reader nothing about the company.
		v.Kind = NothingFound
		k.coverage(&v, sc)
		k.notes(&v)
		v.Reason = "Nothing found: no " + strings.Join(sc.unresolved, " and no ") +
			" matches a company in the data, so no shipment can be in scope and none is listed near the boundary. Check the spelling, or name the company by its entity ID or tax ID."
		if !v.Covered {
			v.Reason += " Note: " + v.Gap + "."
		}
		return v, nil
	}
	var known []float64
	var und undetermined
	// A shipment count counts consignments: the goods items of one
	// declaration in scope count once, and an undetermined item of a
	// declaration already in scope adds nothing.
	inCons := map[string]bool{}
	var undCons []string
	for i := range d.Shipments {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return v, ctx.Err()
		}
		sh := &d.Shipments[i]
		if sh.Superseded {
			// Covered by shipment-level data: counting it would count
			// the same goods twice.
			continue
		}
		fail, unknown := k.misses(sc, sh)
		switch {
		case fail == 0 && !sh.Excluded:
			r := k.row(&c, i)
			if r.Value.Valid {
				val := r.Value.Value
				if c.Measure == Shipments && sh.Consignment != "" && r.Missing == "" {
					v.Items++
					if inCons[sh.Consignment] {
						val = 0
					} else {
						inCons[sh.Consignment] = true
						v.Consignments++
						v.ConsignmentWord = consignmentWord(v.ConsignmentWord, sh.Consignment)
					}
				}
				known = append(known, val)
			}
			v.InScope = append(v.InScope, r)
		case fail == 0 && sh.Excluded:
			if v.countNear(FilterExcluded) {
				v.Near = append(v.Near, Near{Row: k.row(&c, i), Filter: FilterExcluded, Detail: "excluded by the user: " + sh.ExcludeReason})
			}
		case sh.Excluded:
		case fail&^unknown == 0:
			// Every filter the shipment fails is on a field no source
			// records (or one it cannot decide): it may be in scope.
			// Counting it out would turn "not recorded" into "not so" (a
			// Russian import register has no destination column, a B/L
			// row neither dispatch nor destination).
			r := k.row(&c, i)
			if c.Measure == Shipments && sh.Consignment != "" && r.Missing == "" {
				undCons = append(undCons, sh.Consignment)
				r.Value.Value = 0 // counted below, once per consignment not in scope
			}
			und.add(&v, r, k.unknownWhat(sh, fail))
			if v.countNear(firstFilter(fail)) {
				v.Near = append(v.Near, Near{Row: r, Filter: firstFilter(fail), Detail: k.unknownDetail(sc, sh, fail)})
			}
		case fail&(fail-1) == 0:
			// Exactly one filter missed, on a recorded value.
			if f := firstFilter(fail); v.countNear(f) {
				v.Near = append(v.Near, Near{Row: k.row(&c, i), Filter: f, Detail: k.detail(sc, sh, f)})
			}
		}
	}
	k.bounds(&v, known)
	for _, key := range undCons {
		if !inCons[key] {
			inCons[key] = true
			und.sum++
		}
	}
	und.widen(&v)
	k.coverage(&v, sc)
	k.decide(&v)
	dc := k.possibleDuplicates(&v)
	k.predating(&v)
	k.notes(&v)
	if dc != nil {
		if n := dupNote(&v, dc, k.d); n != "" {
			v.Notes = append(v.Notes, n)
		}
	}
	if v.Why == WhyDuplicates {
		v.Reason = dupReason(&v, dc, k.d) + predateText(&v) + resolutionText(&v)
	} else {
		v.Reason = reason(&v) + predateText(&v) + resolutionText(&v)
	}
	return v, nil
}

// countNear counts a near-boundary shipment by the filter it misses and
// reports whether Near has room to list it.
func (v *Verdict) countNear(filter string) bool {
	if v.NearByFilter == nil {
		v.NearByFilter = map[string]int{}
	}
	v.NearTotal++
	v.NearByFilter[filter]++
	return len(v.Near) < MaxNear
}

// NearList names the first max near-boundary shipments with what each
// has instead ("S-1 (dispatched from KZ), … and 4 more").
func (v *Verdict) NearList(max int) string { return nearList(v.Near, v.NearTotal, max) }

// NearSummary counts the near-boundary shipments by the filter they miss,
// in filter order: "16 (date 2, origin 10, dispatch 4)".
func (v *Verdict) NearSummary() string {
	if v.NearTotal == 0 {
		return "none"
	}
	var parts []string
	for _, f := range []string{FilterConsignee, FilterShipper, FilterOrigin, FilterDispatch, FilterDestination, FilterHS,
		FilterDescription, FilterDate, FilterListed, FilterGoods, FilterExcluded} {
		if n := v.NearByFilter[f]; n > 0 {
			parts = append(parts, f+" "+strconv.Itoa(n))
		}
	}
	return strconv.Itoa(v.NearTotal) + " (" + strings.Join(parts, ", ") + ")"
}

// row builds the Row of shipment i with the claim's measure.
func (k *Checker) row(c *Claim, i int) Row {
	sh := &k.d.Shipments[i]
	r := Row{Shipment: i, ID: sh.ID, Date: sh.Date}
	if k.rowKeys == nil {
		k.rowKeys = make([]string, len(k.d.Records))
	}
	r.Sources = make([]string, 0, len(sh.Rows))
	for _, x := range sh.Rows {
		if int(x) < len(k.d.Records) {
			if k.rowKeys[x] == "" {
				k.rowKeys[x] = merge.RowKey(k.d.Records[x].Source)
			}
			r.Sources = append(r.Sources, k.rowKeys[x])
		}
	}
	switch c.Measure {
	case Tonnes:
		r.Value = sh.Tonnes
		if !r.Value.Valid {
			r.Missing = "no usable weight"
		}
	case ValueUSD:
		r.Value = sh.USD
		if !r.Value.Valid {
			r.Missing = "no USD value"
			if sh.USDBasis != "" {
				r.Missing = sh.USDBasis
			}
		}
	case Shipments:
		r.Value = reconcile.Num(1)
		if sh.Monthly {
			// An aggregate line stands for one or more shipments.
			r.Missing = "monthly aggregate line: at least one shipment"
		}
	case Quantity:
		switch {
		case !sh.Quantity.Valid:
			r.Missing = "no quantity"
		case sh.QuantityUnit != c.Unit:
			u := sh.QuantityUnit
			if u == "" {
				u = "no unit"
			}
			r.Missing = "quantity in " + u
		default:
			r.Value = sh.Quantity
		}
	}
	return r
}

func (k *Checker) notes(v *Verdict) {
	gross, converted, aggregates := 0, 0, 0
	for _, r := range v.InScope {
		sh := &k.d.Shipments[r.Shipment]
		if v.Claim.Measure == Tonnes && strings.HasPrefix(sh.TonnesBasis, "gross (net missing)") {
			gross++
		}
		if v.Claim.Measure == ValueUSD && strings.HasPrefix(sh.USDBasis, "converted") {
			converted++
		}
		if sh.Monthly {
			aggregates++
		}
	}
	if gross > 0 {
		v.Notes = append(v.Notes, plural(gross, "shipment uses", "shipments use")+" gross weight because net weight is missing.")
	}
	if converted > 0 {
		v.Notes = append(v.Notes, plural(converted, "value was", "values were")+" converted to USD with the rates you gave.")
	}
	if aggregates > 0 {
		v.Notes = append(v.Notes, plural(aggregates, "monthly aggregate line is", "monthly aggregate lines are")+" in scope: vendor totals, not single shipments.")
	}
	k.doubleCountNote(v)
	k.totalsNote(v)
	for _, r := range v.Resolved {
		if n := r.Note(); n != "" {
			v.Notes = append(v.Notes, n)
		}
	}
	excluded := 0
	for _, n := range v.Near {
		if n.Filter == FilterExcluded {
			excluded++
		}
	}
	if excluded > 0 {
		v.Notes = append(v.Notes, plural(excluded, "shipment that matches was", "shipments that match were")+" excluded by the user.")
	}
}

// sourceName names a source sheet for Coverage: "file.xlsx!Sheet".
func sourceName(file, sheet string) string {
	if sheet == "" {
		return filepath.Base(file)
	}
	return filepath.Base(file) + "!" + sheet
}

// SourceName is exported for the pipeline, which builds Data.
func SourceName(file, sheet string) string { return sourceName(file, sheet) }

// consignmentWord names what the consignment keys seen so far are: a
// key starts with "D" for a declaration, "B" for a bill of lading.
func consignmentWord(was, key string) string {
	w := "declaration"
	if strings.HasPrefix(key, "B") {
		w = "bill of lading"
	}
	if was != "" && was != w {
		return "declaration or bill of lading"
	}
	return w
}
