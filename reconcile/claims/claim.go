package claims

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile/values"
)

// Measure is what a claim counts.
type Measure string

// Measures.
const (
	Tonnes    Measure = "tonnes"    // metric tonnes, on the run's weight basis
	ValueUSD  Measure = "value_usd" // US dollars, as given or converted with user rates
	Shipments Measure = "shipments" // number of reconciled shipments
	Quantity  Measure = "quantity"  // quantity in Claim.Unit ("pcs", "kg", "m2", …)
)

// Measures lists every measure for pickers, in display order.
var Measures = []Measure{Tonnes, ValueUSD, Shipments, Quantity}

// Label names the measure for pickers and tables.
func (m Measure) Label() string {
	switch m {
	case Tonnes:
		return "tonnes"
	case ValueUSD:
		return "value (USD)"
	case Shipments:
		return "number of shipments"
	case Quantity:
		return "quantity"
	}
	return string(m)
}

// Comparator is how the claim relates the data to its figure.
type Comparator string

// Comparators.
const (
	MoreThan Comparator = "more_than" // data > figure
	AtLeast  Comparator = "at_least"  // data ≥ figure
	LessThan Comparator = "less_than" // data < figure
	AtMost   Comparator = "at_most"   // data ≤ figure
	About    Comparator = "about"     // within ±TolerancePct of the figure
	Almost   Comparator = "almost"    // from TolerancePct below the figure up to the figure
	Exactly  Comparator = "exactly"   // equal to the figure
)

// Label names the comparator for pickers and tables: "more than",
// "about (± tolerance)".
func (c Comparator) Label() string {
	switch c {
	case MoreThan:
		return "more than"
	case AtLeast:
		return "at least"
	case LessThan:
		return "less than"
	case AtMost:
		return "at most"
	case About:
		return "about (± tolerance)"
	case Almost:
		return "almost (up to tolerance below)"
	case Exactly:
		return "exactly"
	}
	return string(c)
}

// Comparators lists every comparator for pickers, in display order.
var Comparators = []Comparator{MoreThan, AtLeast, LessThan, AtMost, About, Almost, Exactly}

// DefaultTolerancePct is the tolerance of "about" and "almost" when the
// claim gives none. The claim's description says when it was used.
const DefaultTolerancePct = 10

// Claim is one published statement to check. It is plain JSON.
type Claim struct {
	ID   string `json:"id"`   // "C1"; unique within a project
	Text string `json:"text"` // the sentence as published

	Measure      Measure    `json:"measure"`
	Unit         string     `json:"unit,omitempty"` // Quantity only: normalised unit ("pcs")
	Comparator   Comparator `json:"comparator"`
	Figure       float64    `json:"figure"`
	TolerancePct float64    `json:"tolerance_pct,omitempty"` // About and Almost; 0 means DefaultTolerancePct

	Filters Filters `json:"filters"`

	Note   string `json:"note,omitempty"`   // the fact-checker's note, free text
	Origin string `json:"origin,omitempty"` // where the claim was read: "claims.csv:3", "in.xlsx!Claims:4"
}

// Filters select the shipments a claim is about. Empty fields do not
// filter; a list matches any of its items.
type Filters struct {
	// Consignee and Shipper hold entity IDs ("E-3F9A2C") or names as a
	// fact-checker types them ("Tekhkrim"). Names are resolved against
	// the current entities on every check.
	Consignee []string `json:"consignee,omitempty"`
	Shipper   []string `json:"shipper,omitempty"`

	Origin      []string `json:"origin,omitempty"` // ISO 3166 alpha-2
	Dispatch    []string `json:"dispatch,omitempty"`
	Destination []string `json:"destination,omitempty"`

	HSPrefixes []string `json:"hs_prefixes,omitempty"` // digits only: "9303", "63079098"

	// Description holds alternatives: a shipment matches when its goods
	// description contains every word of at least one alternative, each
	// at the start of a word (case-insensitive, any script, so endings may
	// differ: "бронежилет" matches "Бронежилеты"; "CQ-A" matches the
	// phrase "CQ-A", not a loose "a").
	Description []string `json:"description,omitempty"`

	From string `json:"from,omitempty"` // first day included, YYYY-MM-DD
	To   string `json:"to,omitempty"`   // last day included, YYYY-MM-DD

	// PartyListed limits the claim to shipments whose consignee, shipper
	// or either (PartyConsignee, PartyShipper, PartyEither) is on a
	// sanctions list the run screened against (listed or confirmed).
	PartyListed string `json:"party_listed,omitempty"`
	// GoodsList selects goods by list instead of (or beside) HS prefixes:
	// "chpl", a tier "chpl:1", "chpl:3.A", or a loaded goods list's short
	// name.
	GoodsList string `json:"goods_list,omitempty"`
}

// Parties PartyListed may name.
const (
	PartyConsignee = "consignee"
	PartyShipper   = "shipper"
	PartyEither    = "either"
)

// Filter names, as Near.Filter reports them.
const (
	FilterConsignee   = "consignee"
	FilterShipper     = "shipper"
	FilterOrigin      = "origin"
	FilterDispatch    = "dispatch"
	FilterDestination = "destination"
	FilterHS          = "hs"
	FilterDescription = "description"
	FilterDate        = "date"
	FilterExcluded    = "excluded" // the user excluded the shipment
	FilterListed      = "party_listed"
	FilterGoods       = "goods_list"
)

// Tolerance returns the tolerance in percent that About and Almost use.
func (c *Claim) Tolerance() float64 {
	if c.TolerancePct > 0 {
		return c.TolerancePct
	}
	return DefaultTolerancePct
}

// Validate reports the first problem that makes the claim uncheckable:
// an unknown measure or comparator, a missing unit, a figure that is not a
// finite non-negative number, a bad tolerance, a country that is not an
// ISO code, an HS prefix that is not digits, a date that is not
// YYYY-MM-DD, or a range that ends before it starts.
func (c *Claim) Validate() error {
	switch c.Measure {
	case Tonnes, ValueUSD, Shipments:
	case Quantity:
		if c.Unit == "" {
			return fmt.Errorf("a quantity claim needs a unit (pcs, kg, m2, …)")
		}
	default:
		return fmt.Errorf("unknown measure %q: use tonnes, value_usd, shipments or quantity", c.Measure)
	}
	ok := false
	for _, k := range Comparators {
		ok = ok || k == c.Comparator
	}
	if !ok {
		return fmt.Errorf("unknown comparator %q: use more_than, at_least, less_than, at_most, about, almost or exactly", c.Comparator)
	}
	if math.IsNaN(c.Figure) || math.IsInf(c.Figure, 0) || c.Figure < 0 {
		return fmt.Errorf("the figure must be a number of at least 0, not %v", c.Figure)
	}
	if math.IsNaN(c.TolerancePct) || c.TolerancePct < 0 || c.TolerancePct >= 100 {
		return fmt.Errorf("the tolerance must be a percentage from 0 to below 100, not %v", c.TolerancePct)
	}
	f := &c.Filters
	for _, list := range [][]string{f.Origin, f.Dispatch, f.Destination} {
		for _, cc := range list {
			if len(cc) != 2 || values.CountryName(cc) == cc {
				return fmt.Errorf("%q is not an ISO 3166 country code", cc)
			}
		}
	}
	for _, p := range f.HSPrefixes {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return fmt.Errorf("HS prefix %q must be digits", p)
		}
	}
	if _, err := ParsePartyListed(f.PartyListed); err != nil {
		return err
	}
	if _, err := ParseGoodsList(f.GoodsList); err != nil {
		return err
	}
	from, to, err := f.Range()
	if err != nil {
		return err
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return fmt.Errorf("the date range ends (%s) before it starts (%s)", f.To, f.From)
	}
	return nil
}

// Range parses From and To; zero times are open ends.
func (f *Filters) Range() (from, to time.Time, err error) {
	if f.From != "" {
		if from, err = time.Parse(time.DateOnly, f.From); err != nil {
			return from, to, fmt.Errorf("date_from %q is not a date like 2022-06-01", f.From)
		}
	}
	if f.To != "" {
		if to, err = time.Parse(time.DateOnly, f.To); err != nil {
			return from, to, fmt.Errorf("date_to %q is not a date like 2022-12-31", f.To)
		}
	}
	return from, to, nil
}

// Empty reports whether no filter is set.
func (f *Filters) Empty() bool {
	return len(f.Consignee)+len(f.Shipper)+len(f.Origin)+len(f.Dispatch)+len(f.Destination)+
		len(f.HSPrefixes)+len(f.Description) == 0 && f.From == "" && f.To == "" && f.PartyListed == "" && f.GoodsList == ""
}

// String describes the filters in one line for tables and the Claims
// sheet: "consignee Tekhkrim; shipper NORINCO; HS 9303; 2022-06-01 to
// 2022-06-30".
func (f *Filters) String() string {
	var parts []string
	add := func(label string, list []string, sep string) {
		if len(list) > 0 {
			parts = append(parts, label+" "+strings.Join(list, sep))
		}
	}
	add("consignee", f.Consignee, " or ")
	add("shipper", f.Shipper, " or ")
	add("origin", f.Origin, "/")
	add("dispatch", f.Dispatch, "/")
	add("destination", f.Destination, "/")
	add("HS", f.HSPrefixes, "/")
	if f.GoodsList != "" {
		parts = append(parts, "goods on "+f.GoodsList)
	}
	switch f.PartyListed {
	case PartyEither:
		parts = append(parts, "consignee or shipper listed")
	case PartyConsignee, PartyShipper:
		parts = append(parts, f.PartyListed+" listed")
	}
	if len(f.Description) > 0 {
		q := make([]string, len(f.Description))
		for i, d := range f.Description {
			q[i] = strconv.Quote(d)
		}
		parts = append(parts, "description contains "+strings.Join(q, " or "))
	}
	switch {
	case f.From != "" && f.To != "":
		parts = append(parts, f.From+" to "+f.To)
	case f.From != "":
		parts = append(parts, "from "+f.From)
	case f.To != "":
		parts = append(parts, "up to "+f.To)
	}
	if len(parts) == 0 {
		return "all shipments"
	}
	return strings.Join(parts, "; ")
}

// Expected renders the claim's comparator and figure in words: "more than
// 12 t", "about 10,000,000 USD (±10%)", "exactly 1,000 pcs".
func (c *Claim) Expected() string {
	fig := FormatFigure(c.Measure, c.Unit, c.Figure)
	tol := strconv.FormatFloat(c.Tolerance(), 'g', -1, 64) + "%"
	if c.TolerancePct == 0 {
		tol += ", the default"
	}
	switch c.Comparator {
	case MoreThan:
		return "more than " + fig
	case AtLeast:
		return "at least " + fig
	case LessThan:
		return "less than " + fig
	case AtMost:
		return "at most " + fig
	case About:
		return "about " + fig + " (±" + tol + ")"
	case Almost:
		return "almost " + fig + " (up to " + tol + " below)"
	case Exactly:
		return "exactly " + fig
	}
	return string(c.Comparator) + " " + fig
}

// UnitLabel is the unit figures of measure m are shown in.
func UnitLabel(m Measure, unit string) string {
	switch m {
	case Tonnes:
		return "t"
	case ValueUSD:
		return "USD"
	case Shipments:
		return "shipments"
	}
	return unit
}

// FormatFigure renders v in the measure's unit with thousands separators:
// "12.6 t", "9,983,600 USD", "12 shipments", "1,000 pcs". Tonnes keep up
// to three decimals; other measures up to two.
func FormatFigure(m Measure, unit string, v float64) string {
	if math.IsInf(v, 1) {
		return "unbounded"
	}
	dec := 2
	if m == Tonnes {
		dec = 3
	}
	s := values.FormatNumber(v, dec)
	if u := UnitLabel(m, unit); u != "" {
		if m == Shipments && v == 1 {
			u = "shipment"
		}
		s += " " + u
	}
	return s
}
