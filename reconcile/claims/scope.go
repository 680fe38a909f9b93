package claims

import (
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/goods"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// scope is a claim compiled against the data.
type scope struct {
	c         *Claim
	from, to  time.Time
	consignee map[int32]bool // nil: no filter
	shipper   map[int32]bool
	hs        []string
	descr     [][]string // alternatives of folded words
	goods     *goods.Selector
	goodsErr  error
	// unresolved names the filter entries that match no entity
	// ("consignee “Zzyzx Holdings”"): no shipment can be in scope.
	unresolved []string
}

func (k *Checker) compile(c *Claim, v *Verdict) *scope {
	sc := &scope{c: c}
	sc.from, sc.to, _ = c.Filters.Range() // validated
	if !sc.to.IsZero() {
		sc.to = sc.to.Add(24*time.Hour - time.Nanosecond)
	}
	names := func(list []string, role match.Role) map[int32]bool {
		if len(list) == 0 {
			return nil
		}
		set := map[int32]bool{}
		for _, q := range list {
			r, ents := k.rv.resolve(k.d.Names, role, q)
			v.Resolved = append(v.Resolved, r)
			for _, e := range ents {
				set[e] = true
			}
		}
		if len(set) == 0 {
			sc.unresolved = append(sc.unresolved, string(role)+" “"+strings.Join(list, "” or “")+"”")
		}
		return set
	}
	sc.consignee = names(c.Filters.Consignee, match.Consignee)
	sc.shipper = names(c.Filters.Shipper, match.Shipper)
	sc.hs = c.Filters.HSPrefixes
	if c.Filters.GoodsList != "" {
		sel, err := k.goodsSelector(c.Filters.GoodsList)
		if err != nil {
			sc.goodsErr = err
		} else {
			sc.goods = &sel
		}
	}
	for _, alt := range c.Filters.Description {
		// Each word as typed must start a word of the description;
		// a word with punctuation ("CQ-A") is matched as the phrase it
		// folds to ("cq a"), never as its loose letters.
		var words []string
		for _, w := range strings.Fields(alt) {
			if fw := strings.TrimSpace(fold(w)); fw != "" {
				words = append(words, " "+fw)
			}
		}
		if len(words) > 0 {
			sc.descr = append(sc.descr, words)
		}
	}
	return sc
}

// filterOrder lists the filters in the order tests run and near-boundary
// details name them; a filter's bit in a mask is 1<<its index.
var filterOrder = [...]string{FilterConsignee, FilterShipper, FilterOrigin, FilterDispatch, FilterDestination,
	FilterHS, FilterGoods, FilterListed, FilterDescription, FilterDate}

func bit(filter string) uint16 {
	for i, f := range filterOrder {
		if f == filter {
			return 1 << i
		}
	}
	return 0
}

// firstFilter names the first filter of a non-zero mask.
func firstFilter(mask uint16) string {
	for i, f := range filterOrder {
		if mask&(1<<i) != 0 {
			return f
		}
	}
	return ""
}

// misses tests sh against every filter. fail has a bit per filter sh does
// not pass; unknown the bits of those it fails only because the field is
// not recorded (no country, date or HS code), its date readings disagree,
// or its party's listing awaits review: on those, sh may be in scope. It
// allocates nothing: the detail of a near miss is written by detail, for
// the few shipments that need it.
func (k *Checker) misses(sc *scope, sh *merge.Shipment) (fail, unknown uint16) {
	f := &sc.c.Filters
	miss := func(filter string, unrec bool) {
		b := bit(filter)
		fail |= b
		if unrec {
			unknown |= b
		}
	}
	if sc.consignee != nil && !k.partyIn(sc.consignee, PartyConsignee, sh) {
		miss(FilterConsignee, false)
	}
	if sc.shipper != nil && !k.partyIn(sc.shipper, PartyShipper, sh) {
		miss(FilterShipper, false)
	}
	if len(f.Origin) > 0 && !inList(f.Origin, sh.Origin) {
		miss(FilterOrigin, sh.Origin == "")
	}
	if len(f.Dispatch) > 0 && !inList(f.Dispatch, sh.Dispatch) {
		miss(FilterDispatch, sh.Dispatch == "")
	}
	if len(f.Destination) > 0 && !inList(f.Destination, sh.Destination) {
		miss(FilterDestination, sh.Destination == "")
	}
	if len(sc.hs) > 0 {
		ok := false
		for _, p := range sc.hs {
			ok = ok || strings.HasPrefix(sh.HSCode, p)
		}
		if !ok {
			miss(FilterHS, sh.HSCode == "")
		}
	}
	if sc.goods != nil && !sc.goods.Match(sh.HSCode) {
		miss(FilterGoods, sh.HSCode == "")
	}
	if f.PartyListed != "" {
		switch k.listedState(f.PartyListed, sh) {
		case listNo:
			miss(FilterListed, false)
		case listPending:
			miss(FilterListed, true)
		}
	}
	if len(sc.descr) > 0 && !k.descMatch(sc, sh.Description) {
		miss(FilterDescription, false)
	}
	if !sc.from.IsZero() || !sc.to.IsZero() {
		switch k.dateTest(sc, sh) {
		case dateOut:
			miss(FilterDate, false)
		case dateUndecided:
			miss(FilterDate, true)
		}
	}
	return fail, unknown
}

// detail says what sh has instead of what filter asks for.
func (k *Checker) detail(sc *scope, sh *merge.Shipment, filter string) string {
	or := func(v string) string {
		if v == "" {
			return "unknown"
		}
		return v
	}
	switch filter {
	case FilterConsignee:
		return "consignee " + k.party(sh.Consignee, sh.ConsigneeName)
	case FilterShipper:
		return "shipper " + k.party(sh.Shipper, sh.ShipperName)
	case FilterOrigin:
		return "origin " + or(sh.Origin)
	case FilterDispatch:
		return "dispatched from " + or(sh.Dispatch)
	case FilterDestination:
		return "destination " + or(sh.Destination)
	case FilterHS:
		return "HS " + or(sh.HSCode)
	case FilterDescription:
		return "description " + quoteShort(sh.Description)
	case FilterDate:
		if !sh.Date.Known() {
			return k.readingsDetail(sh)
		}
		return dateDetail(sh.Date, sc.from, sc.to)
	case FilterGoods:
		return "HS " + or(sh.HSCode) + ", not on " + sc.goods.String()
	case FilterListed:
		return k.listedDetail(sc.c.Filters.PartyListed, sh)
	}
	return filter
}

func (k *Checker) party(e int32, asWritten string) string {
	name := asWritten
	if name == "" {
		name = "unknown"
	}
	if k.d.Names != nil && e >= 0 && int(e) < len(k.d.Names.Entities) {
		return name + " (" + k.d.Names.Entities[e].ID + ")"
	}
	return name
}

func inList(list []string, v string) bool {
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// dateIn reports whether a shipment date lies in [from, to]. A date known
// to the month only passes when the whole month lies in the range.
func dateIn(d reconcile.Date, from, to time.Time) bool {
	if !d.Known() {
		return false
	}
	first, last := monthSpan(d)
	return !(!from.IsZero() && first.Before(from) || !to.IsZero() && last.After(to))
}

func monthSpan(d reconcile.Date) (first, last time.Time) {
	first, last = d.Time, d.Time
	if d.Precision == reconcile.PrecisionMonth {
		last = first.AddDate(0, 1, 0).Add(-time.Nanosecond)
	}
	return first, last
}

func dateDetail(d reconcile.Date, from, to time.Time) string {
	if !d.Known() {
		return "no date"
	}
	first, last := monthSpan(d)
	before := !from.IsZero() && first.Before(from)
	after := !to.IsZero() && last.After(to)
	switch {
	case d.Precision == reconcile.PrecisionMonth && (before && !last.Before(from) || after && !first.After(to)):
		return "date known to the month only (" + d.String() + "), partly outside the range"
	case before:
		return "date " + d.String() + ", before the range"
	}
	return "date " + d.String() + ", after the range"
}

// fold prepares text for description matching: Unicode case and
// diacritic folding, ё as е, punctuation as spaces.
func fold(s string) string {
	return " " + strings.ReplaceAll(normalizeText(s), "ё", "е") + " "
}

func (k *Checker) descMatch(sc *scope, desc string) bool {
	f, ok := k.desc[desc]
	if !ok {
		f = fold(desc)
		k.desc[desc] = f
	}
	for _, alt := range sc.descr {
		all := true
		for _, w := range alt {
			if !strings.Contains(f, w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

func quoteShort(s string) string {
	if s == "" {
		return "empty"
	}
	r := []rune(s)
	if len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return "“" + s + "”"
}

// partyIn reports whether the shipment's party of role is one of the
// entities in set on any of its rows (partyEntities): a shipment merged
// from a Cyrillic declaration row and a Latin B/L row whose names the
// matcher keeps apart (the merge's names-in-review rule) is the Latin
// name's shipment too, though it shows the preferred row's name.
func (k *Checker) partyIn(set map[int32]bool, role string, sh *merge.Shipment) bool {
	var buf [8]int32
	for _, e := range k.partyEntities(buf[:0], role, sh) {
		if set[e] {
			return true
		}
	}
	return false
}
