package read

import (
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// Column is one column of a sheet as the reader understood it.
type Column struct {
	Index    int             `json:"index"`  // 0-based
	Header   string          `json:"header"` // as written (two-row headers joined with a space)
	Field    reconcile.Field `json:"field"`  // "" when unmapped
	Reason   string          `json:"reason"` // why it was (or was not) mapped
	Factor   float64         `json:"factor,omitempty"`
	Unit     string          `json:"unit,omitempty"`     // weight unit from the header or the user
	Currency string          `json:"currency,omitempty"` // ISO 4217 for value columns, "" when unknown
	// Decimal is the decimal separator the user set for the column
	// ("comma" or "point"), "" when the reader decides (numevidence.go).
	Decimal string   `json:"decimal,omitempty"`
	Samples []string `json:"samples,omitempty"`
	// UnitFor names the weight or quantity field whose unit this column
	// holds (a GROSS_WEIGHT_UNIT column); CurrencyFor likewise.
	UnitFor     reconcile.Field `json:"unit_for,omitempty"`
	CurrencyFor bool            `json:"currency_for,omitempty"`
	// Variant orders several name columns of one party: 0 original script,
	// 1 _EN translation, 2 standardised, 3 raw.
	Variant int `json:"variant,omitempty"`
	// Override is true when the user's mapping decided this column.
	Override bool `json:"override,omitempty"`
	// Hidden is true for a column hidden in Excel.
	Hidden bool `json:"hidden,omitempty"`
	// Step is the step Reason suggests (map a shipper's country column to
	// dispatch_country), for each front end to word; FixNone for most.
	Step reconcile.Step `json:"-"`
	// AltFor is set on an unmapped column kept as a fallback of a field:
	// a customs value in national currency beside the invoice value,
	// used for a row only as customsFallback says.
	AltFor reconcile.Field `json:"alt_for,omitempty"`

	rank  int  // lower is better among candidates for one field
	total bool // a total (declaration or aggregate) column
	// places is how a port column read as a country writes its places
	// (places.go).
	places placeConvention
	// kinds splits the samples into typed numbers and text (numhint.go):
	// only text is written in a locale.
	kinds sampleKinds
}

// Why is the column's reason with the step it suggests.
func (c Column) Why() reconcile.Note { return reconcile.Note{Text: c.Reason, Step: c.Step} }

// hdr is a header prepared for matching.
type hdr struct {
	raw    string
	low    string   // folded lower case, separators as single spaces
	toks   []string // folded lower-case words
	joined string   // folded lower case letters and digits only
	hits   *[]hit   // synonyms that matched, for the mapping's reason
}

func prepHeader(h string) hdr {
	low := normHeader(foldHeader(h))
	return hdr{raw: h, low: low, toks: strings.Fields(low), joined: strings.ReplaceAll(low, " ", ""), hits: new([]hit)}
}

// normHeader keeps letters, digits, % and №, with other runs of
// characters as single spaces. layoutKey uses it unfolded, so that saved
// mappings keep their keys.
func normHeader(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '№' {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

func (h hdr) has(words ...string) bool {
	for _, w := range words {
		for _, t := range h.toks {
			if t == w {
				return true
			}
		}
	}
	return false
}

// hasPrefix reports whether any word starts with one of the prefixes.
func (h hdr) hasPrefix(ps ...string) bool {
	for _, p := range ps {
		for _, t := range h.toks {
			if strings.HasPrefix(t, p) {
				return true
			}
		}
	}
	return false
}

// guess is the classification of one header.
type guess struct {
	field   reconcile.Field
	rank    int
	reason  string
	known   bool // a recognised header, even when deliberately unmapped
	total   bool
	factor  float64
	variant int
	unitFor reconcile.Field
	unit    string // a weight unit the header's source documents
}

func none(reason string) guess { return guess{reason: reason, known: true} }

func mapped(f reconcile.Field, rank int, reason string) guess {
	return guess{field: f, rank: rank, reason: reason, known: true}
}

// classify maps one header to a field. The rules ask whether the header
// holds a word of a concept (consignee, country, net …), and the words of
// every concept, in every language, are the tables under headers/; so
// vendors' many spellings (IMPORTER_NAME, Importer name, Получатель,
// İthalatçı, 收货人) land on one field. Ranks order several candidates for
// one field. The reason names the rule and the synonyms that matched.
func classify(raw string) guess {
	h := prepHeader(raw)
	g := classifyHdr(h)
	if len(*h.hits) > 0 && g.known {
		var b strings.Builder
		for i, x := range *h.hits {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(x.String())
		}
		if g.reason == "" {
			g.reason = "recognised"
		}
		g.reason += " [" + b.String() + "]"
	}
	return g
}

// fieldPartyIDAny marks a tax ID column that names no party ("ИНН"):
// resolveColumns gives it to the party whose name column is beside it.
const fieldPartyIDAny reconcile.Field = "party_id?"

// classifyParty maps a header that names the consignee or the shipper.
func classifyParty(h hdr, isShip bool) guess {
	j := h.joined
	nameF, idF, ctryF := reconcile.FieldConsignee, reconcile.FieldConsigneeID, reconcile.FieldConsigneeCountry
	who := "consignee"
	if isShip {
		nameF, idF, ctryF = reconcile.FieldShipper, reconcile.FieldShipperID, reconcile.FieldShipperCountry
		who = "shipper"
	}
	switch {
	case h.is("country"):
		return mapped(ctryF, 1, who+" country")
	case h.has("address", "addr") && h.has("name"):
		g := mapped(nameF, 5, who+" name with address")
		g.variant = 4
		return g
	case h.is("address"):
		return none(who + " address or contact")
	case h.has("check", "digit", "economic", "key", "uuid", "type"):
		return none(who + " code detail")
	case h.is("tax_id") || h.is("party_id") || strings.HasSuffix(j, "tin") || strings.HasSuffix(j, "taxid"):
		rank := 2
		if h.is("tax_id") {
			rank = 1
		}
		if h.has("pi", "bp") {
			rank = 3
		}
		return mapped(idF, rank, who+" tax or registration ID")
	}
	g := mapped(nameF, 1, who+" name")
	switch {
	case h.has("en", "eng", "english", "lat", "latin"):
		g.variant, g.reason = 1, who+" name in English"
	case h.has("std", "standard", "standardized", "standardised", "clean"):
		g.variant, g.reason = 2, who+" name (standardised)"
	case h.has("raw"):
		g.variant, g.reason = 3, who+" name (raw)"
	case h.has("vn", "local", "native"):
		g.variant = 0
	}
	return g
}

// classifyDocument maps the numbers of documents: bills of lading and
// air waybills, containers, invoices, declarations and their items.
// "Bill of Lading Number" is not a declaration, while India's "Bill of
// Entry" is; "Invoice value" is a value, not an invoice number.
func classifyDocument(h hdr) (guess, bool) {
	j := h.joined
	numbered := h.is("number") || strings.Contains(j, "№")
	switch {
	case j == "№пп" || j == "пп" || j == "nпп":
		// "№ п/п" (номер по порядку) numbers the rows of a Russian table,
		// 1..N: read as a goods-item number, it made every row of one
		// register differ from the same declaration in another, so
		// nothing merged and the declarations counted twice.
		return none("running row number (№ п/п), not a goods-item number"), true
	case h.is("bill_of_lading"):
		if h.has("date", "type", "status") {
			return none("bill of lading detail"), true
		}
		if h.has("house", "hbl") || strings.HasPrefix(j, "housebill") {
			// Beside a master B/L column the master wins: it is the one
			// carrier feeds share (README "House and master bills").
			return mapped(reconcile.FieldBillOfLading, 2, "house bill of lading"), true
		}
		return mapped(reconcile.FieldBillOfLading, 1, "bill of lading / air waybill number"), true
	case h.is("declaration") && (numbered || len(h.toks) == 1) && !h.is("value") && !h.is("weight"):
		if h.has("type", "form", "status", "date") {
			return none("declaration detail"), true
		}
		if len(h.toks) == 1 && !synonyms.concepts["declaration"].headerHas(j) && !h.is("number") && !strings.Contains(j, "№") {
			return guess{}, false
		}
		return mapped(reconcile.FieldDeclarationID, 1, "declaration number"), true
	case h.is("item") || h.is("goods") && (numbered || strings.HasPrefix(j, "№")) && !h.is("value") && !h.is("weight") && !h.is("quantity"):
		return mapped(reconcile.FieldItemNo, 1, "item number within the declaration"), true
	case h.is("container") && !h.is("value") && !h.is("weight"):
		if h.has("type", "size", "count", "teu", "teus", "qty", "quantity", "kind") || h.has("of") && numbered || h.is("quantity") {
			return none("container detail"), true
		}
		if numbered || len(h.toks) <= 2 {
			return mapped(reconcile.FieldContainer, 1, "container number"), true
		}
	case h.is("invoice") && numbered && !h.is("value") && !h.is("date"):
		return mapped(reconcile.FieldInvoice, 1, "invoice number"), true
	}
	return guess{}, false
}

func (c *conceptSyns) headerHas(j string) bool {
	if c == nil {
		return false
	}
	_, ok := c.headers[j]
	return ok
}
