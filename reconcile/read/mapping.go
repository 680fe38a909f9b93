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
	Samples  []string        `json:"samples,omitempty"`
	// UnitFor names the weight or quantity field whose unit this column
	// holds (a GROSS_WEIGHT_UNIT column); CurrencyFor likewise.
	UnitFor     reconcile.Field `json:"unit_for,omitempty"`
	CurrencyFor bool            `json:"currency_for,omitempty"`
	// Variant orders several name columns of one party: 0 original script,
	// 1 _EN translation, 2 standardised, 3 raw.
	Variant int `json:"variant,omitempty"`
	// Override is true when the user's mapping decided this column.
	Override bool `json:"override,omitempty"`

	rank  int  // lower is better among candidates for one field
	total bool // a total (declaration or aggregate) column
}

// hdr is a header prepared for matching.
type hdr struct {
	raw    string
	low    string   // lower case, separators as single spaces
	toks   []string // lower-case words
	joined string   // lower case letters and digits only
}

func prepHeader(h string) hdr {
	var b strings.Builder
	var j strings.Builder
	space := true
	for _, r := range strings.ToLower(h) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' || r == '№' {
			b.WriteRune(r)
			j.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	low := strings.TrimSpace(b.String())
	return hdr{raw: h, low: low, toks: strings.Fields(low), joined: j.String()}
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

// hasPrefix reports whether any word starts with one of the prefixes
// (Russian words inflect: получателя, получатель).
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
}

func none(reason string) guess { return guess{reason: reason, known: true} }

func mapped(f reconcile.Field, rank int, reason string) guess {
	return guess{field: f, rank: rank, reason: reason, known: true}
}

var (
	consigneeWords = []string{"importer", "importername", "buyer", "consignee", "customer", "recipient", "receiver"}
	shipperWords   = []string{"exporter", "exportername", "supplier", "shipper", "seller", "vendor", "consignor", "sender"}
	consigneeRu    = []string{"получател", "импортер", "импортёр", "покупател", "грузополучател"}
	shipperRu      = []string{"отправител", "экспортер", "экспортёр", "поставщик", "продав", "грузоотправител"}
	idWords        = []string{"code", "id", "tin", "inn", "ntn", "bin", "pin", "pi", "ruc", "bp", "tax", "taxid", "taxpayer", "okpo", "registration"}
	otherParty     = []string{"declarant", "broker", "agent", "carrier", "forwarder", "notify", "nortify", "trustee", "clearing", "guarantee",
		"manufacturer", "manufactuer", "vessel", "cha", "agency", "bank", "branch", "warehouse", "transporter", "insurer"}
	otherPartyRu = []string{"декларант", "брокер", "перевозчик", "изготовител", "производител", "представител"}
	addressWords = []string{"address", "addr", "phone", "telephone", "fax", "email", "mail", "postal", "zip", "city", "state", "district",
		"region", "department", "province", "street", "uuid", "web"}
)

// classify maps one header to a field by the synonym rules. The rules
// read words, not exact strings, so that vendors' many spellings
// (IMPORTER_NAME, Importer name, IMPORTERNAME, Получатель) land on one
// field; ranks order several candidates for one field.
func classify(raw string) guess {
	h := prepHeader(raw)
	if h.low == "" {
		return guess{}
	}
	j := h.joined
	ru := h.hasPrefix
	// Shares of totals and percentages are never data.
	if strings.Contains(j, "%") || strings.Contains(j, "percentage") || strings.HasPrefix(j, "gt") && strings.Contains(j, "total") {
		return none("share of a total")
	}
	if h.has("records", "record", "recordstag") || j == "recordid" || j == "recordstag" {
		return none("vendor record tag")
	}
	if h.has("indicator", "sure", "flag", "verif") {
		return none("vendor indicator, not data")
	}
	// Parties.
	isCons := h.has(consigneeWords...) || ru(consigneeRu...) || strings.HasPrefix(j, "importername") || strings.HasPrefix(j, "buyername") || strings.HasPrefix(j, "consigneename")
	isShip := h.has(shipperWords...) || ru(shipperRu...) || strings.HasPrefix(j, "exportername") || strings.HasPrefix(j, "suppliername") || strings.HasPrefix(j, "shippername")
	if isCons && isShip {
		isCons, isShip = false, false // e.g. "exporter/importer": ambiguous
	}
	if (isCons || isShip) && (h.has(otherParty...) || h.has("holder", "holders") || ru(otherPartyRu...)) {
		return none("another party (declarant, broker, contract holder …)")
	}
	if isCons || isShip {
		nameF, idF, ctryF := reconcile.FieldConsignee, reconcile.FieldConsigneeID, reconcile.FieldConsigneeCountry
		who := "consignee"
		if isShip {
			nameF, idF, ctryF = reconcile.FieldShipper, reconcile.FieldShipperID, reconcile.FieldShipperCountry
			who = "shipper"
		}
		switch {
		case h.has("country", "ctry") || ru("стран"):
			return mapped(ctryF, 1, who+" country")
		case h.has("address", "addr") && h.has("name"):
			g := mapped(nameF, 5, who+" name with address")
			g.variant = 4
			return g
		case h.has(addressWords...) || ru("адрес", "телефон"):
			return none(who + " address or contact")
		case h.has("check", "digit", "economic", "key", "uuid", "type"):
			return none(who + " code detail")
		case h.has(idWords...) || ru("инн", "кпп", "окпо", "огрн", "код") || strings.HasSuffix(j, "tin") || strings.HasSuffix(j, "taxid"):
			rank := 2
			if h.has("tin", "inn", "tax", "taxid", "taxpayer", "ntn") || ru("инн") {
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
	if h.has(otherParty...) || ru(otherPartyRu...) || h.has("holder", "holders") {
		return none("another party (declarant, broker, carrier …)")
	}
	// Taxpayer IDs without a party word: the domestic party; unmapped.
	if h.has("taxpayer", "tin", "bin", "iec", "ntn", "инн", "кпп") && len(h.toks) <= 3 {
		return none("tax ID of an unnamed party")
	}
	// HS codes.
	if h.has("hs", "hscode", "tnved", "hts", "ncm", "tariff", "harmonized", "harmonised") || ru("тн", "тнвэд") || j == "hscode" || strings.Contains(j, "кодтовара") || strings.Contains(j, "тнвэд") {
		switch {
		case h.has("description", "desc", "descripcion") || ru("описан", "наимен"):
			return mapped(reconcile.FieldDescription, 6, "HS code description")
		case h.has("2", "4", "6", "chapter", "heading", "sure", "level", "section"):
			return none("HS prefix or detail")
		case h.has("tariff") && !h.has("hs", "code"):
			return none("tariff")
		}
		return mapped(reconcile.FieldHSCode, 1, "HS / TN VED code")
	}
	if h.has("chapter", "heading", "section") || j == "fourdigits" || j == "elevendigits" {
		return none("HS chapter or section")
	}
	// Countries.
	if h.has("country", "ctry", "countries") || ru("стран") || h.has("origin", "destination", "provenance", "procedence") {
		switch {
		case h.has("iso") && h.has("2") && !h.has("origin", "destination"):
			return none("reporting country (vendor's)")
		case h.has("port", "place", "city", "region", "continent", "office", "zone", "department", "province", "state", "vessel", "transport"):
			return none("place, not a country")
		case h.has("origin") || ru("происхожд") || (h.has("org") && h.has("cty")):
			return mapped(reconcile.FieldOriginCountry, 1, "country of origin")
		case h.has("destination", "dest", "to") || ru("назначен") || h.has("des"):
			return mapped(reconcile.FieldDestinationCountry, 1, "destination country")
		case h.has("export", "exporting", "departure", "dispatch", "consignment", "provenance", "procedence", "shipment", "loading", "from", "supply", "sending", "flt") ||
			ru("отправлен", "вывоз", "экспорт"):
			rank := 1
			if h.has("last", "loading", "shipment", "supply") {
				rank = 2
			}
			return mapped(reconcile.FieldDispatchCountry, rank, "country of dispatch")
		}
		return none("country whose role is not named (trading/purchase/vendor country)")
	}
	// Dates.
	if g, ok := classifyDate(h); ok {
		return g
	}
	// Declaration and item numbers. Bills of lading and air waybills are
	// their own kind: "Bill of Lading Number" is not a declaration, while
	// India's "Bill of Entry" is.
	switch {
	case h.has("lading", "waybill", "awb", "hbl", "mbl") || j == "blnumber" || j == "blno" || j == "bl" || j == "billoflading" || strings.HasPrefix(j, "billoflading") || strings.HasPrefix(j, "masterbill") || strings.HasPrefix(j, "housebill"):
		if h.has("date", "type", "status") {
			return none("bill of lading detail")
		}
		if h.has("house", "hbl") || strings.HasPrefix(j, "housebill") {
			// Beside a master B/L column the master wins: it is the one
			// carrier feeds share (README "House and master bills").
			return mapped(reconcile.FieldBillOfLading, 2, "house bill of lading")
		}
		return mapped(reconcile.FieldBillOfLading, 1, "bill of lading / air waybill number")
	case h.has("declaration", "gtd", "vmd", "dua", "sad", "boe", "entry", "be", "bill", "tansad") && (h.has("number", "no", "num", "id", "nr", "serial") || j == "gtdno" || j == "novmd"),
		j == "gtdno" || j == "novmd" || j == "nosad" || j == "boeno" || j == "sbno" || j == "beno" || j == "declarationno" || j == "declaration",
		j == "importid" || j == "exportid" || j == "operationnumber" || j == "registrationnumber" || j == "registrationno",
		ru("декларац") && (h.has("номер", "№", "no") || strings.Contains(j, "№")), j == "гтд" || j == "дт" || j == "№дт" || j == "номердт":
		if h.has("type", "form", "status", "date") {
			return none("declaration detail")
		}
		return mapped(reconcile.FieldDeclarationID, 1, "declaration number")
	}
	if j == "itemnumber" || j == "itemno" || j == "item" || j == "productnumber" || j == "itemnr" || j == "lineno" ||
		(ru("товар") && (h.has("№", "номер", "no") || strings.HasPrefix(j, "№"))) || j == "№товара" || j == "№пп" {
		return mapped(reconcile.FieldItemNo, 1, "item number within the declaration")
	}
	// Unit and currency columns (before weights and values: WEIGHT_UNIT).
	if h.has("currency", "curency", "валюта") || ru("валют") {
		if h.has("rate", "exchange", "unit") && !h.has("currency") {
			return none("exchange rate")
		}
		if h.has("rate", "exchange") {
			return none("exchange rate")
		}
		if h.has("price", "value", "total", "amount") || strings.Contains(j, "value") || strings.Contains(j, "price") || strings.Contains(j, "amount") {
			// TOTAL_PRICE_IN_FOREIGN_CURRENCY is a value, handled below.
		} else {
			g := mapped(reconcile.FieldCurrency, 1, "currency of the values")
			if h.has("unit") {
				g.rank = 2
			}
			return g
		}
	}
	if g, ok := classifyWeight(h); ok {
		return g
	}
	if g, ok := classifyQuantity(h); ok {
		return g
	}
	if g, ok := classifyValue(h); ok {
		return g
	}
	// Descriptions.
	switch {
	case (h.has("product", "goods", "commodity", "commercial", "item", "cargo") && h.has("description", "desc", "descripcion")) || j == "description" || j == "productdescription" ||
		ru("описан", "наименован") || j == "goods" || j == "product" || j == "commodity" || j == "goodsshipped" || j == "товар" || j == "товары":
		g := mapped(reconcile.FieldDescription, 1, "goods description")
		switch {
		case h.has("en", "eng"):
			g.rank, g.reason = 2, "goods description in English"
		case h.has("1", "2", "3", "4"):
			g.rank = 5
		case h.has("commercial", "goods", "commodity"):
			g.rank = 3
		case j == "product" || j == "goods":
			g.rank = 4
		}
		return g
	}
	if h.has(addressWords...) {
		return none("address or contact")
	}
	if h.has("port", "office", "customs", "custom", "transport", "mode", "incoterm", "incoterms", "payment", "brand", "model", "package", "packages",
		"container", "teu", "voyage", "ship", "regime", "procedure", "flux", "status", "method", "terms", "delivery", "manifest", "invoice", "contract") {
		return none("shipment detail not used for totals")
	}
	return guess{}
}
