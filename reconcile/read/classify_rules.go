package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// A rule classifies the headers its test accepts. classifyHdr tries the
// rules in order and the first that answers wins, so a rule above another
// takes the headers both accept ("Weight unit" is a unit before it is a
// weight). A rule answers with give, or with then (which may decline:
// false), or with the first rule of sub that answers; a rule whose sub
// has no answer lets the next rules try.
//
// Tests run in the order written and stop as && and || do: a concept a
// test finds (hdr.is) is recorded in the mapping's reason, so the order
// of tests is part of what a reason says.
type rule struct {
	when test
	give guess
	then func(h hdr) (guess, bool)
	sub  []rule
}

// test is one question about a header.
type test func(h hdr) bool

// is: the header holds a word of the concept (headers/*.tsv).
func is(concept string) test { return func(h hdr) bool { return h.is(concept) } }

// has: the header has one of these words.
func has(words ...string) test { return func(h hdr) bool { return h.has(words...) } }

// joinedIs: the header's letters and digits are one of these.
func joinedIs(js ...string) test {
	return func(h hdr) bool {
		for _, j := range js {
			if h.joined == j {
				return true
			}
		}
		return false
	}
}

// contains: the header's letters and digits contain s.
func contains(s string) test { return func(h hdr) bool { return strings.Contains(h.joined, s) } }

// startsWith: the header's letters and digits start with s.
func startsWith(s string) test { return func(h hdr) bool { return strings.HasPrefix(h.joined, s) } }

// atMostWords: the header has at most n words.
func atMostWords(n int) test { return func(h hdr) bool { return len(h.toks) <= n } }

func and(ts ...test) test {
	return func(h hdr) bool {
		for _, t := range ts {
			if !t(h) {
				return false
			}
		}
		return true
	}
}

func or(ts ...test) test {
	return func(h hdr) bool {
		for _, t := range ts {
			if t(h) {
				return true
			}
		}
		return false
	}
}

func not(t test) test { return func(h hdr) bool { return !t(h) } }

// answer is the first answer of rules for h.
func answer(rules []rule, h hdr) (guess, bool) {
	for _, r := range rules {
		if r.when != nil && !r.when(h) {
			continue
		}
		switch {
		case r.then != nil:
			if g, ok := r.then(h); ok {
				return g, true
			}
		case r.sub != nil:
			if g, ok := answer(r.sub, h); ok {
				return g, true
			}
		default:
			return r.give, true
		}
	}
	return guess{}, false
}

// classifyHdr maps a prepared header: the first answer of classifyRules,
// or unknown.
func classifyHdr(h hdr) guess {
	g, _ := answer(classifyRules, h)
	return g
}

// classifyRules are the rules of classify, in order.
var classifyRules = []rule{
	{when: func(h hdr) bool { return h.low == "" }, give: guess{}},
	// Whole headers with a fixed meaning (UN Comtrade, Eurostat Comext).
	{then: classifyDirect},
	// Shares of totals and percentages are never data.
	{when: or(contains("%"), contains("percentage"), and(startsWith("gt"), contains("total"))), give: none("share of a total")},
	{when: or(has("records", "record", "recordstag"), joinedIs("recordid", "recordstag")), give: none("vendor record tag")},
	{when: has("indicator", "sure", "flag", "verif"), give: none("vendor indicator, not data")},
	// Parties: a header naming both ("exporter/importer") is ambiguous
	// and names neither.
	{when: oneParty, sub: []rule{
		{when: is("other_party"), give: none("another party (declarant, broker, contract holder …)")},
		{then: func(h hdr) (guess, bool) { return classifyParty(h, h.is("shipper")), true }},
	}},
	{when: is("other_party"), give: none("another party (declarant, broker, carrier …)")},
	// Taxpayer IDs without a party word: the party of the name column
	// beside it, when there is one (resolveColumns decides).
	{when: or(and(is("tax_id"), atMostWords(3)), and(has("bin", "iec", "кпп"), atMostWords(3))),
		give: guess{field: fieldPartyIDAny, rank: 1, reason: "tax ID of an unnamed party", known: true}},
	// HS codes. "тн" is both ТН ВЭД and the tonne ("Нетто, тн"): a header
	// with a weight word is a weight, whose column was lost to the HS
	// code before.
	{when: and(or(is("hs"), is("tariff")), not(is("weight"))), sub: []rule{
		{when: is("desc_word"), give: mapped(reconcile.FieldDescription, 6, "HS code description")},
		{when: has("2", "4", "6", "chapter", "heading", "sure", "level", "section"), give: none("HS prefix or detail")},
		{when: and(not(is("hs")), not(is("code"))), give: none("tariff")},
		{give: mapped(reconcile.FieldHSCode, 1, "HS / TN VED code")},
	}},
	{when: or(has("chapter", "heading", "section"), joinedIs("fourdigits", "elevendigits")), give: none("HS chapter or section")},
	// Countries.
	{when: or(is("country"), is("country_role")), sub: []rule{
		{when: and(has("iso"), has("2"), not(has("origin", "destination"))), give: none("reporting country (vendor's)")},
		{when: has("port", "place", "city", "region", "continent", "office", "zone", "department", "province", "state", "vessel", "transport"), give: none("place, not a country")},
		// Panjiva's "Shipment Origin" is where the shipment left from (its
		// API guide: computed from the ports and parties of the shipment,
		// beside port_lading_country), not where the goods were made;
		// ImportGenius and the registers say "Country of Origin" for that.
		{when: and(has("shipment", "shipments"), is("origin"), not(has("goods", "country", "product"))),
			give: mapped(reconcile.FieldDispatchCountry, 1, "country of dispatch: a shipment's origin (Panjiva “Shipment Origin”) is where it left from, not where the goods were made")},
		{when: or(is("origin"), and(has("org"), has("cty"))), give: mapped(reconcile.FieldOriginCountry, 1, "country of origin")},
		{when: is("destination"), give: mapped(reconcile.FieldDestinationCountry, 1, "destination country")},
		{when: is("dispatch"), sub: []rule{
			{when: has("last", "loading", "shipment", "supply"), give: mapped(reconcile.FieldDispatchCountry, 2, "country of dispatch")},
			{give: mapped(reconcile.FieldDispatchCountry, 1, "country of dispatch")},
		}},
		{give: none("country whose role is not named (trading/purchase/vendor country)")},
	}},
	{then: classifyDate},
	{then: classifyDocument},
	// Unit and currency columns (before weights and values: WEIGHT_UNIT).
	// TOTAL_PRICE_IN_FOREIGN_CURRENCY is a value: no rule of sub takes
	// it, and the value rules below do.
	{when: is("currency"), sub: []rule{
		{when: or(has("rate", "exchange"), and(is("tax_fee"), not(is("value")))), give: none("exchange rate")},
		{when: or(not(is("value")), and(is("unit"), not(has("total", "amount")), not(contains("price")), not(contains("value")))), sub: []rule{
			{when: has("unit"), give: mapped(reconcile.FieldCurrency, 2, "currency of the values")},
			{give: mapped(reconcile.FieldCurrency, 1, "currency of the values")},
		}},
	}},
	{then: classifyWeight},
	{then: classifyQuantity},
	{then: classifyValue},
	// Descriptions.
	{when: or(and(is("goods"), is("desc_word")), is("description")), sub: []rule{
		{when: has("en", "eng"), give: mapped(reconcile.FieldDescription, 2, "goods description in English")},
		{when: has("1", "2", "3", "4"), give: mapped(reconcile.FieldDescription, 5, "goods description")},
		{when: has("commercial", "goods", "commodity"), give: mapped(reconcile.FieldDescription, 3, "goods description")},
		{when: joinedIs("product", "goods"), give: mapped(reconcile.FieldDescription, 4, "goods description")},
		{give: mapped(reconcile.FieldDescription, 1, "goods description")},
	}},
	{when: is("address"), give: none("address or contact")},
	{when: is("shipment_detail"), give: none("shipment detail not used for totals")},
}

// oneParty: the header names the consignee or the shipper, not both.
// Both are asked, so both are recorded in the reason.
func oneParty(h hdr) bool {
	cons, ship := h.is("consignee"), h.is("shipper")
	return cons != ship
}

// classifyDirect maps the whole headers of the direct table.
func classifyDirect(h hdr) (guess, bool) {
	d, ok := synonyms.direct[h.joined]
	switch {
	case !ok:
		return guess{}, false
	case d.field == "":
		return none(fmt.Sprintf("%s [“%s” in %s.tsv]", d.note, d.word, d.table)), true
	}
	g := mapped(d.field, d.rank, fmt.Sprintf("%s [“%s” in %s.tsv]", strings.ReplaceAll(string(d.field), "_", " "), d.word, d.table))
	if d.unit != "" {
		g.unit = d.unit
		g.reason += "; in " + d.unit + ", as the source documents it"
	}
	return g, true
}
