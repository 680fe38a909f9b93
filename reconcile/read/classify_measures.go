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
	case j == "monthyear" || j == "yearmonth" || j == "month" || j == "period" || ru1(h, "месяц", "период"):
		return mapped(reconcile.FieldDate, 2, "month (aggregate period)"), true
	case !h.has("date", "dt", "fecha", "data") && !h.hasPrefix("дат") && j != "year":
		return guess{}, false
	case j == "year":
		return none("year only"), true
	case h.has("manifest", "receipt", "settlement", "closing", "liquidation", "quittance", "document", "estimate", "release", "expiry", "invoice", "contract", "transport"):
		return none("a date other than the shipment's"), true
	}
	g := mapped(reconcile.FieldDate, 3, "date")
	switch {
	case h.has("imp", "exp", "import", "export", "declaration", "registration", "reg", "registry", "issue", "assessment", "entry", "be") || h.hasPrefix("декларац", "выпуск", "регистрац", "оформлен"):
		g.rank, g.reason = 1, "declaration/registration date"
	case j == "date" || j == "дата":
		g.rank = 2
	case h.has("shipment", "arrival", "departure", "shipping"):
		g.rank = 4
	}
	return g, true
}

func ru1(h hdr, ps ...string) bool { return h.hasPrefix(ps...) }

func classifyWeight(h hdr) (guess, bool) {
	j := h.joined
	isW := h.has("weight", "wt", "mass", "kg", "kgs", "kilo", "kilos", "weights", "tons", "tonnes", "tonnage") || h.hasPrefix("вес", "масса", "нетто", "брутто") ||
		strings.Contains(j, "weight") || j == "net" || j == "gross" || strings.HasSuffix(j, "wt")
	if !isW {
		return guess{}, false
	}
	if h.has("price", "value", "cost", "usd", "per", "rate", "volume", "percentage") && !h.has("unit") {
		return none("price or value per weight"), true
	}
	net := h.has("net", "n") || strings.HasPrefix(j, "net") || strings.Contains(j, "netweight") || h.hasPrefix("нетто")
	gross := h.has("gross", "g") || strings.Contains(j, "gross") || h.hasPrefix("брутто")
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
	if h.has("unit", "units", "uom") || h.hasPrefix("единиц") {
		g.unitFor = f
		g.reason = "unit of the " + g.reason
		return g, true
	}
	g.field, g.rank = f, 1
	if f == fieldWeightAny && !h.has("kg", "kgs", "kilo", "kilos") && !strings.Contains(j, "kg") {
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
	switch {
	case h.has("package", "packages", "packing", "pack", "colis", "container", "sku") || strings.Contains(j, "package"):
		return guess{}, false
	case j == "suppunits":
		return mapped(reconcile.FieldQuantity, 2, "supplementary units (quantity)"), true
	case h.has("unit", "units", "uom") && !h.has("price", "value", "cost", "usd") && (!h.has("quantity", "qty") || len(h.toks) == 2 || h.has("of")) || j == "unitquantity" ||
		h.hasPrefix("единиц") || j == "едизм" || j == "ед":
		if h.has("price", "value") {
			return guess{}, false
		}
		g := mapped(reconcile.FieldQuantityUnit, 1, "unit of quantity")
		if h.has("2", "additional", "stat", "measure") {
			g.rank = 3
		}
		if j == "unitquantity" {
			g.rank = 4
		}
		return g, true
	case h.has("quantity", "qty", "quantities", "qnt", "pieces") && !h.has("price", "value", "type", "measure") ||
		strings.Contains(j, "quantity") && !strings.Contains(j, "type") || strings.Contains(j, "numberofgoods") || h.hasPrefix("количеств", "кол-во", "колво") || j == "колво":
		if strings.Contains(j, "percentage") {
			return none("share of a total"), true
		}
		g := mapped(reconcile.FieldQuantity, 1, "quantity")
		switch {
		case h.has("2", "stat", "sub", "additional"):
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

// Local-currency words that CurrencyInHeader may not know.
var currencyWords = map[string]string{
	"usd": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "долл": "USD", "eur": "EUR", "euro": "EUR", "rub": "RUB", "руб": "RUB", "rur": "RUB",
	"uah": "UAH", "hryvnias": "UAH", "hryvnia": "UAH", "kzt": "KZT", "tk": "BDT", "bdt": "BDT", "pula": "BWP", "bwp": "BWP", "ugx": "UGX",
	"etb": "ETB", "lsl": "LSL", "ghs": "GHS", "inr": "INR", "pkr": "PKR", "lei": "MDL", "mdl": "MDL", "cny": "CNY", "try": "TRY", "aed": "AED",
	"brl": "BRL", "ars": "ARS", "clp": "CLP", "cop": "COP", "pen": "PEN", "mxn": "MXN", "vnd": "VND", "uzs": "UZS", "amd": "AMD", "kes": "KES",
	"tzs": "TZS", "ngn": "NGN", "zar": "ZAR", "xaf": "XAF", "xof": "XOF", "gbp": "GBP", "jpy": "JPY",
}

func headerCurrency(h hdr) (string, bool) {
	if c, ok := values.CurrencyInHeader(h.raw); ok {
		return c, true
	}
	for _, t := range h.toks {
		if c, ok := currencyWords[t]; ok {
			return c, true
		}
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
	if h.hasPrefix("статистическ") {
		// Russian statistical value is in US dollars by definition.
		return "USD", true
	}
	return "", false
}

func classifyValue(h hdr) (guess, bool) {
	j := h.joined
	isV := h.has("value", "val", "amount", "cif", "fob", "cnf", "usd", "price", "cost", "total", "totalusd", "totalvalue", "totalvalueusd", "sum") ||
		strings.Contains(j, "value") || strings.Contains(j, "usd") || strings.Contains(j, "cif") || strings.Contains(j, "fob") ||
		h.hasPrefix("стоимост", "сумм", "цена")
	if !isV {
		return guess{}, false
	}
	switch {
	case h.has("unit", "per", "avg", "average", "avgunitprice", "kg") || strings.Contains(j, "unitprice") || strings.Contains(j, "unitvalue") ||
		strings.Contains(j, "perunit") || strings.Contains(j, "perkg") || strings.HasPrefix(j, "avg") || strings.HasPrefix(j, "averageof") || h.hasPrefix("цена"):
		return none("unit price"), true
	case h.has("tax", "taxes", "duty", "duties", "vat", "excise", "freight", "insurance", "fee", "fees", "rate", "exchange", "surtax", "itbms", "isc",
		"advalorem", "drawback", "payable", "taxable", "guarantee", "others", "other", "adjust", "local", "pagar", "computed", "charges", "inland") ||
		h.hasPrefix("пошлин", "ндс", "акциз", "налог", "сбор", "курс", "фрахт", "страхов"):
		return none("tax, duty, freight or rate"), true
	case h.has("foreign") && !h.has("currency") || h.has("fcy", "fc", "lc", "ncy") && !h.has("usd"):
		// value in a foreign/local currency named by a currency column
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
	case h.has("customs", "custom", "statistical", "stat", "assessed", "assess", "declared", "dcl") || h.hasPrefix("таможен", "статистическ") || strings.Contains(j, "valstat"):
		g.rank, g.reason = 1, "customs or statistical value"
	case h.has("invoice", "contract", "price", "amount", "cargo", "item", "fact", "calculated") || h.hasPrefix("фактурн", "контракт") || strings.Contains(j, "valfact"):
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
	if h.has("total", "shipment", "cargo", "sumof", "totalvalue", "totalvalueusd", "totalusd", "sum") || strings.HasPrefix(j, "total") || strings.HasPrefix(j, "sumof") || h.hasPrefix("всего", "итого", "общая") {
		g.total = true
		g.rank += 10
		g.reason = "total " + g.reason
	}
	if hasCur {
		g.reason += " in " + cur
	}
	return g, true
}
