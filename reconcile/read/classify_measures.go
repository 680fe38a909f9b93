package read

import (
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Classification of dates, weights, quantities and values: the columns
// whose candidates compete by rank (see resolveColumns).

func classifyDate(h hdr) (guess, bool) {
	j := h.joined
	switch {
	case h.is("period"):
		return mapped(reconcile.FieldDate, 2, "month (aggregate period)"), true
	case !h.is("date") && j != "year":
		return guess{}, false
	case j == "year":
		return none("year only"), true
	case h.has("manifest", "receipt", "settlement", "closing", "liquidation", "quittance", "document", "estimate", "release", "expiry", "invoice", "contract", "transport") ||
		h.is("invoice") || h.is("bill_of_lading"):
		return none("a date other than the shipment's"), true
	}
	g := mapped(reconcile.FieldDate, 3, "date")
	switch {
	case h.is("registration"):
		g.rank, g.reason = 1, "declaration/registration date"
	case len(h.toks) == 1 && h.is("date"):
		g.rank = 2
	case h.has("shipment", "arrival", "departure", "shipping", "embarque", "llegada"):
		g.rank = 4
	}
	return g, true
}

func classifyWeight(h hdr) (guess, bool) {
	j := h.joined
	isW := h.is("weight") || strings.HasSuffix(j, "wt")
	if !isW {
		return guess{}, false
	}
	if (h.has("price", "value", "cost", "usd", "per", "rate", "volume", "percentage") || h.is("unit_price")) && !h.is("unit") {
		return none("price or value per weight"), true
	}
	net := h.is("net") || strings.HasPrefix(j, "net")
	gross := h.is("gross")
	f := reconcile.Field("")
	g := guess{known: true}
	switch {
	case net && !gross:
		f, g.reason = reconcile.FieldNetWeight, "net weight"
	case gross && !net:
		f, g.reason = reconcile.FieldGrossWeight, "gross weight"
	case net && gross:
		return none("net and gross in one header"), true
	default:
		f, g.reason = fieldWeightAny, "weight not named net or gross"
	}
	if h.is("unit") && !h.is("wunit:kg") && !h.is("wunit:t") {
		g.unitFor = f
		g.reason = "unit of the " + g.reason
		return g, true
	}
	g.field, g.rank = f, 1
	if f == fieldWeightAny && !h.has("kg", "kgs", "kilo", "kilos") && !strings.Contains(j, "kg") && !h.is("wunit:kg") {
		g.rank = 2 // WEIGHT_IN_KG beats WEIGHT (in WEIGHT_UNIT units)
	}
	if h.has("metric", "tons", "tonnes") && !h.has("kg") {
		g.factor = 1000
		g.rank = 3
	}
	if h.has("shipment", "declaration", "cargo") {
		g.rank, g.total = 6, true
		g.reason += " (shipment total)"
	} else if h.has("total", "sumof", "totalgross", "totalweight", "totalweights") || strings.HasPrefix(j, "total") || strings.HasPrefix(j, "sumof") {
		g.rank, g.total = 4, true
	}
	return g, true
}

// fieldWeightAny marks a weight column not named net or gross; mapping
// resolution decides which it fills.
const fieldWeightAny reconcile.Field = "weight?"

func classifyQuantity(h hdr) (guess, bool) {
	j := h.joined
	isUnit := h.is("unit") && !h.is("unit_price")
	isQty := h.is("quantity")
	switch {
	case h.has("package", "packages", "packing", "pack", "colis", "container", "sku") || strings.Contains(j, "package"):
		return guess{}, false
	case j == "suppunits":
		return mapped(reconcile.FieldQuantity, 2, "supplementary units (quantity)"), true
	case isUnit && (h.has("code", "codes") || h.is("party_id") && !isQty):
		// UN Comtrade's "Qty Unit Code" holds a numeric code of the unit:
		// neither the quantity nor its unit.
		return none("code of the quantity unit, not a quantity"), true
	case isUnit && !h.has("price", "value", "cost", "usd") && (!isQty || len(h.toks) == 2 || h.has("of") || h.has("ед", "изм")) || j == "unitquantity":
		if h.has("price", "value") || h.is("value") {
			return guess{}, false
		}
		g := mapped(reconcile.FieldQuantityUnit, 1, "unit of quantity")
		if h.is("supplementary") || h.has("measure") {
			g.rank = 3
		}
		if j == "unitquantity" {
			g.rank = 4
		}
		return g, true
	case isQty && !h.has("price", "value", "type", "measure") && !h.is("value") && !h.is("unit_price") && (!strings.Contains(j, "type") || !strings.Contains(j, "quantity")):
		if strings.Contains(j, "percentage") {
			return none("share of a total"), true
		}
		g := mapped(reconcile.FieldQuantity, 1, "quantity")
		switch {
		case h.is("supplementary"):
			g.rank = 3
		case strings.HasPrefix(j, "total") || strings.HasPrefix(j, "sumof"):
			g.rank, g.total = 2, true
		case h.has("commercial", "comercial"):
			g.rank = 1
		}
		return g, true
	}
	return guess{}, false
}

// headerCurrency finds the currency a header names: by the values
// package's rules, then by the cur:XXX rows of the synonym tables
// (美元, dolar, грн).
func headerCurrency(h hdr) (string, bool) {
	if c, ok := values.CurrencyInHeader(h.raw); ok {
		return c, true
	}
	if c, ok := h.tagged("cur:"); ok {
		return c, true
	}
	if h.has("pak") && h.has("rs") {
		return "PKR", true
	}
	if strings.Contains(h.joined, "usd") {
		return "USD", true
	}
	for _, suf := range []string{"rub", "uah", "eur"} {
		if strings.HasSuffix(h.joined, suf) || strings.HasPrefix(h.joined, suf) {
			return strings.ToUpper(suf), true
		}
	}
	return "", false
}

// headerWeightUnit finds a weight unit the values package does not know
// by the wunit: rows of the tables (净重(千克), Brüt Ağırlık (ton)).
func headerWeightUnit(header string) (string, float64, bool) {
	h := prepHeader(header)
	u, ok := h.tagged("wunit:")
	if !ok {
		return "", 0, false
	}
	f, ok := weightFactor(u)
	return u, f, ok
}

func classifyValue(h hdr) (guess, bool) {
	j := h.joined
	if !h.is("value") {
		return guess{}, false
	}
	switch {
	case h.has("unit", "per", "avg", "average", "avgunitprice", "kg") || h.is("unit_price") ||
		strings.HasPrefix(j, "avg") || strings.HasPrefix(j, "averageof") || h.is("unit") && !h.is("total"):
		return none("unit price"), true
	case h.is("tax_fee"):
		return none("tax, duty, freight or rate"), true
	}
	g := guess{known: true, factor: 1}
	cur, hasCur := headerCurrency(h)
	if f, ok := values.ValueScaleInHeader(h.raw); ok && f > 0 {
		g.factor = f
	} else if h.has("1000", "thousand", "thousands") || h.hasPrefix("тыс") {
		g.factor = 1000
	}
	g.field = reconcile.FieldValue
	if hasCur && cur == "USD" {
		g.field = reconcile.FieldValueUSD
	}
	// Rank by kind of value: customs/statistical, invoice, CIF, FOB.
	switch {
	case h.is("customs_value"):
		g.rank, g.reason = 1, "customs or statistical value"
	case h.is("invoice_value"):
		g.rank, g.reason = 2, "invoice value"
	case h.has("cif", "cnf", "cost") || strings.Contains(j, "cif"):
		g.rank, g.reason = 3, "CIF value"
	case h.has("fob") || strings.Contains(j, "fob") || h.has("free"):
		g.rank, g.reason = 4, "FOB value"
	default:
		g.rank, g.reason = 3, "value"
	}
	if h.has("item", "sub") && !h.has("total") {
		g.rank--
	}
	if h.is("total") || strings.HasPrefix(j, "total") || strings.HasPrefix(j, "sumof") {
		g.total = true
		g.rank += 10
		g.reason = "total " + g.reason
	}
	if hasCur {
		g.reason += " in " + cur
	}
	return g, true
}
