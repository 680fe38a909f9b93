package totals

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"tradecheck/reconcile/merge"
)

// Filter selects shipments. Zero fields do not filter. Lists match any of
// their items.
type Filter struct {
	From time.Time `json:"from,omitempty"` // first day included; month-precision dates count by their first day
	To   time.Time `json:"to,omitempty"`   // last day included

	HSPrefixes  []string `json:"hs_prefixes,omitempty"`
	Origin      []string `json:"origin,omitempty"` // ISO alpha-2
	Dispatch    []string `json:"dispatch,omitempty"`
	Destination []string `json:"destination,omitempty"`
	Countries   []string `json:"countries,omitempty"` // any of origin, dispatch, destination

	Consignee []string `json:"consignee,omitempty"` // entity IDs
	Shipper   []string `json:"shipper,omitempty"`
	// Entities keeps shipments whose consignee or shipper is any of
	// these entity IDs (a name the app resolved to several entities).
	Entities []string `json:"entities,omitempty"`

	DescriptionContains string `json:"description_contains,omitempty"` // case-insensitive; every word must appear

	// PartyListed keeps shipments whose consignee, shipper or either
	// (PartyConsignee, PartyShipper, PartyEither) is on a sanctions list,
	// by Labels.Listed.
	PartyListed string `json:"party_listed,omitempty"`
	// CHPLTiers keeps shipments whose HS code is in one of these tiers of
	// the Common High Priority List ("1", "3.A"); "any" takes every tier.
	CHPLTiers []string `json:"chpl_tiers,omitempty"`

	IncludeExcluded   bool `json:"include_excluded,omitempty"`   // shipments the user excluded
	IncludeSuperseded bool `json:"include_superseded,omitempty"` // monthly aggregates covered by shipment-level data
}

// Labels name entities for keys and display. ID returns "" for -1.
type Labels struct {
	EntityID   func(e int32) string
	EntityName func(e int32) string
	// Country names an ISO code for display; nil shows the code.
	Country func(iso2 string) string
	// Listed reports whether an entity is on a sanctions list; nil: none
	// is.
	Listed func(e int32) bool
}

// Parties a PartyListed filter may name.
const (
	PartyConsignee = "consignee"
	PartyShipper   = "shipper"
	PartyEither    = "either"
)

func (l Labels) listed(e int32) bool { return e >= 0 && l.Listed != nil && l.Listed(e) }

func (l Labels) country(c string) string {
	if l.Country == nil {
		return c
	}
	if n := l.Country(c); n != "" && n != c {
		return n + " (" + c + ")"
	}
	return c
}

func (l Labels) id(e int32) string {
	if e < 0 || l.EntityID == nil {
		return ""
	}
	return l.EntityID(e)
}

func (l Labels) name(e int32) string {
	if e < 0 || l.EntityName == nil {
		return ""
	}
	return l.EntityName(e)
}

// Match reports whether sh passes f.
func (f *Filter) Match(sh *merge.Shipment, lab Labels) bool {
	if sh.Excluded && !f.IncludeExcluded || sh.Superseded && !f.IncludeSuperseded {
		return false
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		if !sh.Date.Known() {
			return false
		}
		d := sh.Date.Time
		if !f.From.IsZero() && d.Before(f.From) || !f.To.IsZero() && d.After(f.To) {
			return false
		}
	}
	if len(f.HSPrefixes) > 0 {
		ok := false
		for _, p := range f.HSPrefixes {
			if p = digits(p); p != "" && strings.HasPrefix(sh.HSCode, p) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	if !in(f.Origin, sh.Origin) || !in(f.Dispatch, sh.Dispatch) || !in(f.Destination, sh.Destination) {
		return false
	}
	if len(f.Countries) > 0 && !in(f.Countries, sh.Origin) && !in(f.Countries, sh.Dispatch) && !in(f.Countries, sh.Destination) {
		return false
	}
	if len(f.Consignee) > 0 && !in(f.Consignee, lab.id(sh.Consignee)) || len(f.Shipper) > 0 && !in(f.Shipper, lab.id(sh.Shipper)) {
		return false
	}
	if len(f.Entities) > 0 && !in(f.Entities, lab.id(sh.Consignee)) && !in(f.Entities, lab.id(sh.Shipper)) {
		return false
	}
	switch f.PartyListed {
	case PartyConsignee:
		if !lab.listed(sh.Consignee) {
			return false
		}
	case PartyShipper:
		if !lab.listed(sh.Shipper) {
			return false
		}
	case PartyEither:
		if !lab.listed(sh.Consignee) && !lab.listed(sh.Shipper) {
			return false
		}
	}
	if len(f.CHPLTiers) > 0 {
		t := CHPLTier(sh.HSCode)
		if t == "" || !in(f.CHPLTiers, t) && !in(f.CHPLTiers, "any") {
			return false
		}
	}
	if f.DescriptionContains != "" {
		d := strings.ToLower(sh.Description)
		for _, w := range strings.Fields(strings.ToLower(f.DescriptionContains)) {
			if !strings.Contains(d, w) {
				return false
			}
		}
	}
	return true
}

func in(list []string, v string) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

func digits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Key returns sh's group key and label for g. Keys never start with a
// digit or an operator and hold no wildcard, so the workbook can use them
// as COUNTIFS/SUMIFS criteria: "HS8471", "M2022-06", "CN>TR>RU",
// "(unknown)".
func Key(g GroupBy, sh *merge.Shipment, lab Labels) (key, label string) {
	country := func(c string) (string, string) {
		if c == "" {
			return unknownKey, unknownKey
		}
		return c, lab.country(c)
	}
	hs := func(n int, what string) (string, string) {
		if len(sh.HSCode) < n {
			return unknownKey, unknownKey
		}
		return "HS" + sh.HSCode[:n], sh.HSCode[:n]
	}
	switch g {
	case ByConsignee, ByShipper:
		e := sh.Consignee
		if g == ByShipper {
			e = sh.Shipper
		}
		if e < 0 {
			return unknownKey, unknownKey
		}
		return lab.id(e), lab.name(e)
	case ByOrigin:
		return country(sh.Origin)
	case ByDispatch:
		return country(sh.Dispatch)
	case ByDestination:
		return country(sh.Destination)
	case ByRoute:
		k := RouteKey(sh)
		return k, strings.ReplaceAll(k, ">", " → ")
	case ByHSChapter:
		return hs(2, "chapter")
	case ByHSHeading:
		return hs(4, "heading")
	case ByHSSub:
		return hs(6, "subheading")
	case ByCHPLTier:
		return tierKey(sh.HSCode)
	case ByMonth:
		if !sh.Date.Known() {
			return unknownKey, unknownKey
		}
		m := sh.Date.Time.Format("2006-01")
		return "M" + m, m
	}
	return "all", "All shipments"
}

// RouteKey is "origin>dispatch>destination" with "(unknown)" for gaps.
func RouteKey(sh *merge.Shipment) string {
	p := func(c string) string {
		if c == "" {
			return unknownKey
		}
		return c
	}
	return p(sh.Origin) + ">" + p(sh.Dispatch) + ">" + p(sh.Destination)
}

// Compute groups the shipments passing f by g.
func Compute(shs []merge.Shipment, g GroupBy, f Filter, lab Labels) *Table {
	t := &Table{By: g, Filter: f}
	idx := map[string]int{}
	// Consignments already counted, per group (-1: the total).
	type seenKey struct {
		g int
		k string
	}
	seen := map[seenKey]bool{}
	first := func(g int, sh *merge.Shipment) bool {
		if sh.Consignment == "" || sh.Monthly {
			return true
		}
		k := seenKey{g, sh.Consignment}
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	superseded := 0
	for i := range shs {
		sh := &shs[i]
		if sh.Superseded && !f.IncludeSuperseded && (f.IncludeExcluded || !sh.Excluded) {
			fcopy := f
			fcopy.IncludeSuperseded = true
			if fcopy.Match(sh, lab) {
				superseded++
			}
			continue
		}
		if !f.Match(sh, lab) {
			continue
		}
		k, l := Key(g, sh, lab)
		gi, ok := idx[k]
		if !ok {
			gi = len(t.Groups)
			idx[k] = gi
			t.Groups = append(t.Groups, Group{Key: k, Label: l})
		}
		grp := &t.Groups[gi]
		grp.Shipments = append(grp.Shipments, int32(i))
		grp.Measures.add(sh, first(gi, sh))
		t.Total.add(sh, first(-1, sh))
	}
	sort.SliceStable(t.Groups, func(a, b int) bool {
		if t.Groups[a].Tonnes != t.Groups[b].Tonnes {
			return t.Groups[a].Tonnes > t.Groups[b].Tonnes
		}
		return t.Groups[a].Key < t.Groups[b].Key
	})
	t.Notes = notes(&t.Total, superseded)
	return t
}

// add adds sh to m; newConsignment is false for a further goods item of
// a consignment m already counts.
func (m *Measures) add(sh *merge.Shipment, newConsignment bool) {
	switch {
	case sh.Monthly:
		m.AggregateRows++
	case newConsignment:
		m.Shipments++
		m.Items++
	default:
		m.Items++
	}
	if sh.Tonnes.Valid {
		m.Tonnes += sh.Tonnes.Value
		if strings.HasPrefix(sh.TonnesBasis, BasisGrossFallback) {
			m.GrossFallback++
		}
	} else {
		m.NoWeight++
	}
	switch {
	case sh.USD.Valid:
		m.ValueUSD += sh.USD.Value
		if strings.HasPrefix(sh.USDBasis, BasisConverted) {
			m.Converted++
		}
	case strings.HasPrefix(sh.USDBasis, BasisNoRate):
		m.NoUSD++
		if m.NoUSDCur == nil {
			m.NoUSDCur = map[string]int{}
		}
		m.NoUSDCur[noRateCurrency(sh.USDBasis)]++
	default:
		m.NoValue++
	}
	if sh.Quantity.Valid {
		if m.Quantity == nil {
			m.Quantity = map[string]float64{}
		}
		u := sh.QuantityUnit
		if u == "" {
			u = "(no unit)"
		}
		m.Quantity[u] += sh.Quantity.Value
	} else {
		m.NoQuantity++
	}
}

func notes(m *Measures, superseded int) []string {
	var n []string
	if m.AggregateRows > 0 {
		n = append(n, fmt.Sprintf("Combines shipment-level data with %s: tonnes and value include them; the shipment count covers shipment-level data only.", count(m.AggregateRows, "monthly aggregate line", "monthly aggregate lines")))
	}
	if m.Items > m.Shipments {
		n = append(n, fmt.Sprintf("%s %s: the rows of one declaration (its goods items) or of one bill of lading (its containers) count as one shipment, a consignment, as a reporter counts them; the weights and values of every row count.", count(m.Items, "shipment row is", "shipment rows are"), count(m.Shipments, "shipment", "shipments")))
	}
	if superseded > 0 {
		n = append(n, fmt.Sprintf("%s left out: shipment-level data covers the same month and consignee (or, for a line naming no consignee, the same month, route and goods).", count(superseded, "monthly aggregate line", "monthly aggregate lines")))
	}
	if m.GrossFallback > 0 {
		n = append(n, fmt.Sprintf("Tonnes of %s gross weight because net weight is missing.", count(m.GrossFallback, "shipment are", "shipments are")))
	}
	if m.NoWeight > 0 {
		n = append(n, count(m.NoWeight, "shipment has no usable weight and is", "shipments have no usable weight and are")+" left out of tonnes.")
	}
	if m.Converted > 0 {
		n = append(n, fmt.Sprintf("%s converted to USD with the rates you gave.", count(m.Converted, "value", "values")))
	}
	if m.NoUSD > 0 {
		what := "left out of the value total"
		if all, _ := m.USDGap(); all {
			what = "the value total is unknown, not zero"
		}
		n = append(n, fmt.Sprintf("%s %s no USD equivalent (%s): %s.", m.noUSDText(), haveHas(m.NoUSD), m.noUSDWhy(), what))
	}
	return n
}

// count writes n with the singular or plural words: "1 shipment has",
// "3 shipments have".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprint(n) + " " + many
}
