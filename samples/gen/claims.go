package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile/fileio"
)

// claim is one row of samples/claims.csv, plus the firm keys the
// generator uses to evaluate it against the truth.
type claim struct {
	Text         string
	Measure      string // tonnes | value_usd | shipments | quantity
	Unit         string // quantity only: pcs, kg, m2
	Comparator   string // more_than | at_least | less_than | at_most | about | almost | exactly
	Figure       float64
	TolerancePct float64 // about and almost only
	Consignee    string  // a name as a fact-checker types it
	Shipper      string
	Origin       string // ISO-2
	Dispatch     string
	Destination  string
	HSPrefixes   []string
	DescContains string
	From, To     string // ISO dates, inclusive
	PartyListed  string // consignee | shipper | either: only parties on the sample list
	GoodsList    string // chpl, chpl:4.B …

	consignee, shipper *firm // what the names must resolve to
}

var claimsHeader = []string{"claim", "measure", "unit", "comparator", "figure", "tolerance_pct", "consignee",
	"shipper", "origin", "dispatch", "destination", "hs_prefixes", "description_contains", "date_from", "date_to", "party_listed", "goods_list"}

// claims returns the story's claims and the ones the samples contradict
// or cannot support. The "insufficient" tonnage claim's figure is placed
// between its lower and upper bound, which depend on the generated traffic.
func claims(all []*shipment) []claim {
	armourHS := []string{hsArmour[:8]}
	cs := []claim{
		{Text: "China North Industries Group shipped 1,000 CQ-A rifles to Tekhkrim in June 2022",
			Measure: "quantity", Unit: "pcs", Comparator: "exactly", Figure: 1000,
			Consignee: "Tekhkrim", Shipper: "China North Industries Group", Destination: "RU",
			HSPrefixes: []string{"9303"}, DescContains: "CQ-A", From: "2022-06-01", To: "2022-06-30",
			consignee: tekhkrim, shipper: norinco},
		{Text: "More than 12 tonnes of Chinese body armour reached Russia via Turkey between June and December 2022",
			Measure: "tonnes", Comparator: "more_than", Figure: 12,
			Origin: "CN", Dispatch: "TR", Destination: "RU", HSPrefixes: armourHS, From: "2022-06-01", To: "2022-12-31"},
		{Text: "Russia imported almost 80 tonnes of body armour in 2022",
			Measure: "tonnes", Comparator: "almost", Figure: 80, TolerancePct: 10,
			Destination: "RU", HSPrefixes: armourHS, From: "2022-01-01", To: "2022-12-31"},
		{Text: "Russia's body armour imports in 2022 were worth about $10 million",
			Measure: "value_usd", Comparator: "about", Figure: 10_000_000, TolerancePct: 10,
			Destination: "RU", HSPrefixes: armourHS, From: "2022-01-01", To: "2022-12-31"},
		{Text: "DJI sent 12 shipments of drone parts to Russia via the UAE in November and December 2022",
			Measure: "shipments", Comparator: "exactly", Figure: 12,
			Shipper: "SZ DJI Technology", Dispatch: "AE", Destination: "RU", HSPrefixes: []string{"8806", "8807"},
			From: "2022-11-01", To: "2022-12-31", shipper: dji},
		// Contradicted by the samples.
		{Text: "More than 30 tonnes of Chinese body armour reached Russia via Turkey in 2022",
			Measure: "tonnes", Comparator: "more_than", Figure: 30,
			Origin: "CN", Dispatch: "TR", Destination: "RU", HSPrefixes: armourHS, From: "2022-01-01", To: "2022-12-31"},
		{Text: "NORINCO shipped at least 5,000 rifles to Tekhkrim in 2022",
			Measure: "quantity", Unit: "pcs", Comparator: "at_least", Figure: 5000,
			Consignee: "Tekhkrim", Shipper: "NORINCO", Destination: "RU", HSPrefixes: []string{"9303"},
			From: "2022-01-01", To: "2022-12-31", consignee: tekhkrim, shipper: norinco},
		// Insufficient data: no source reaches back to July 2021.
		{Text: "Russia has imported at least 100 tonnes of body armour since July 2021",
			Measure: "tonnes", Comparator: "at_least", Figure: 100,
			Destination: "RU", HSPrefixes: armourHS, From: "2021-07-01", To: "2022-12-31"},
		// Insufficient data: one in-scope shipment has no weight (figure set below).
		{Text: "Zavod-2 imported more than %s tonnes of machinery from China in 2022",
			Measure: "tonnes", Comparator: "more_than",
			Consignee: "Zavod-2", Origin: "CN", Destination: "RU", HSPrefixes: []string{"84"},
			From: "2022-01-01", To: "2022-12-31", consignee: zavod2},
		// Nothing found.
		{Text: "Zavod-1 bought CQ-A rifles in 2022",
			Measure: "quantity", Unit: "pcs", Comparator: "at_least", Figure: 1,
			Consignee: "Zavod-1", Destination: "RU", HSPrefixes: []string{"9303"}, DescContains: "CQ-A",
			From: "2022-01-01", To: "2022-12-31", consignee: zavod1},
		// Restricted to parties on the sample sanctions list, and to
		// goods on the Common High Priority List (figure set below).
		{Text: "Consignees on the sanctions list received %s shipments of high-priority battlefield goods (CHPL) in 2022",
			Measure: "shipments", Comparator: "exactly", Destination: "RU", From: "2022-01-01", To: "2022-12-31",
			PartyListed: "consignee", GoodsList: "chpl"},
	}
	for i := range cs {
		c := &cs[i]
		if !strings.Contains(c.Text, "%s") {
			continue
		}
		r := evaluate(*c, all, nil)
		if c.Comparator == "exactly" {
			// The count the data holds: the claim is supported.
			c.Figure = r.Lower
			c.Text = fmt.Sprintf(c.Text, strconv.FormatFloat(c.Figure, 'f', -1, 64))
			continue
		}
		// Halfway between the known figure and the figure with each
		// missing value at the largest known one, to one decimal: the
		// missing values decide the claim, so it is insufficient data.
		c.Figure = math.Round((r.Lower+r.Plausible)/2*10) / 10
		if !(r.Lower < c.Figure && c.Figure < r.Plausible) {
			panic(fmt.Sprintf("claim %q: figure %v not between %v and %v", c.Text, c.Figure, r.Lower, r.Plausible))
		}
		c.Text = fmt.Sprintf(c.Text, strconv.FormatFloat(c.Figure, 'f', -1, 64))
	}
	return cs
}

// result is the verdict the samples imply for one claim.
type result struct {
	Verdict string // supported | contradicted | insufficient_data | nothing_found
	Reason  string
	Lower   float64
	Upper   float64 // +Inf when a shipment in scope lacks the measure
	// Plausible counts each missing value at the largest known one; it
	// only places the straddling claim's figure.
	Plausible float64
	Missing   int      // shipments in scope without the measure
	InScope   []string // shipment IDs
	Boundary  []string // shipments that fail exactly one filter
	RawLower  float64  // the lower bound if every source row were summed (no reconciliation)
}

// evaluate applies the verdict rules (see samples/README.md) to the
// truth: the bounds, then the comparator at both bounds.
func evaluate(c claim, all []*shipment, cover []*sourceStats) result {
	var r result
	var known []float64
	maxKnown := 0.0
	for _, sh := range all {
		fails := failedFilters(c, sh)
		if fails == 1 {
			r.Boundary = append(r.Boundary, sh.ID)
		}
		if fails != 0 {
			continue
		}
		r.InScope = append(r.InScope, sh.ID)
		v, ok := measure(c, sh)
		if !ok {
			r.Missing++
			continue
		}
		known = append(known, v)
		maxKnown = math.Max(maxKnown, v)
		r.RawLower += v * float64(rowCount(sh, c.Measure))
	}
	for _, v := range known {
		r.Lower += v
	}
	r.Plausible = round6(r.Lower + float64(r.Missing)*maxKnown)
	r.Lower, r.RawLower = round6(r.Lower), round6(r.RawLower)
	r.Upper = r.Lower
	if r.Missing > 0 {
		r.Upper = math.Inf(1)
	}
	sort.Strings(r.Boundary)
	switch {
	case len(r.InScope) == 0:
		r.Verdict, r.Reason = "nothing_found", "no shipment matches every filter"
	case cover != nil && !covered(c, cover):
		r.Verdict, r.Reason = "insufficient_data", fmt.Sprintf("no source covers %s to %s", c.From, c.To)
	default:
		lo, hi := holds(c, r.Lower), holds(c, r.Upper)
		switch {
		case lo && hi:
			r.Verdict, r.Reason = "supported", "the comparator holds at both bounds"
		case !lo && !hi:
			r.Verdict, r.Reason = "contradicted", "the comparator fails at both bounds"
		default:
			r.Verdict, r.Reason = "insufficient_data", fmt.Sprintf("at least %s, with no upper bound (%d shipment(s) without the measure): the claim holds above the known figure only", fmtNum(r.Lower), r.Missing)
		}
	}
	return r
}

// rowCount is how many source rows give the measure: the B/L feed has
// weights and can be counted, but no values or quantities.
func rowCount(sh *shipment, measure string) int {
	n := 0
	for src, rows := range sh.Rows {
		if src == srcBL && (measure == "value_usd" || measure == "quantity") {
			continue
		}
		n += len(rows)
	}
	return n
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// failedFilters counts the claim's filters the shipment fails.
func failedFilters(c claim, sh *shipment) int {
	n := 0
	fail := func(b bool) {
		if b {
			n++
		}
	}
	fail(c.consignee != nil && sh.Consignee != c.consignee)
	fail(c.shipper != nil && sh.Shipper != c.shipper)
	fail(c.Origin != "" && sh.Origin != c.Origin)
	fail(c.Dispatch != "" && sh.Dispatch != c.Dispatch)
	fail(c.Destination != "" && c.Destination != "RU")
	if len(c.HSPrefixes) > 0 {
		ok := false
		for _, p := range c.HSPrefixes {
			ok = ok || strings.HasPrefix(sh.HS, p)
		}
		fail(!ok)
	}
	if c.DescContains != "" {
		w := strings.ToLower(c.DescContains)
		fail(!strings.Contains(strings.ToLower(sh.Goods.RU+"\n"+sh.Goods.Agg+"\n"+sh.Goods.CSV), w))
	}
	switch c.PartyListed {
	case "consignee":
		fail(!isListed(sh.Consignee))
	case "shipper":
		fail(!isListed(sh.Shipper))
	case "either":
		fail(!isListed(sh.Consignee) && !isListed(sh.Shipper))
	}
	if c.GoodsList != "" {
		fail(!onGoodsList(c.GoodsList, sh.HS))
	}
	d := sh.Date.Format("2006-01-02")
	fail(d < c.From || d > c.To)
	return n
}

// measure returns a shipment's contribution, or false when it is missing.
func measure(c claim, sh *shipment) (float64, bool) {
	switch c.Measure {
	case "tonnes":
		w := weightKg(sh)
		return w / 1000, w > 0
	case "value_usd":
		return sh.ValueUSD, sh.ValueUSD > 0
	case "shipments":
		return 1, true
	case "quantity":
		return sh.Qty, sh.Unit == c.Unit && sh.Qty > 0
	}
	panic("unknown measure " + c.Measure)
}

func holds(c claim, x float64) bool {
	f, tol := c.Figure, c.TolerancePct/100
	const eps = 1e-9
	switch c.Comparator {
	case "more_than":
		return x > f+eps
	case "at_least":
		return x >= f-eps
	case "less_than":
		return x < f-eps
	case "at_most":
		return x <= f+eps
	case "about":
		return math.Abs(x-f) <= f*tol+eps
	case "almost":
		return x >= f*(1-tol)-eps && x <= f+eps
	case "exactly":
		return math.Abs(x-f) <= eps
	}
	panic("unknown comparator " + c.Comparator)
}

// covered reports whether one source's dates span the claim's range.
func covered(c claim, srcs []*sourceStats) bool {
	for _, s := range srcs {
		if s.FirstDate <= c.From && s.LastDate >= c.To {
			return true
		}
	}
	return false
}

func writeClaims(dir string, cs []claim) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write(claimsHeader); err != nil {
		return err
	}
	for _, c := range cs {
		tol := ""
		if c.TolerancePct > 0 {
			tol = strconv.FormatFloat(c.TolerancePct, 'f', -1, 64)
		}
		rec := []string{c.Text, c.Measure, c.Unit, c.Comparator, strconv.FormatFloat(c.Figure, 'f', -1, 64), tol,
			c.Consignee, c.Shipper, c.Origin, c.Dispatch, c.Destination, strings.Join(c.HSPrefixes, " "),
			c.DescContains, c.From, c.To, c.PartyListed, c.GoodsList}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return fileio.WriteFile(filepath.Join(dir, "claims.csv"), buf.Bytes())
}

// fmtNum prints a figure without float noise: 12.6, 1000, 10050000.
func fmtNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}
