package values

import "strings"

// isoCurrencies lists the active ISO 4217 alphabetic codes, space-separated,
// plus RUR (the pre-1998 rouble code Russian customs still writes).
const isoCurrencies = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL " +
	"BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD " +
	"FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS " +
	"KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK " +
	"MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD " +
	"SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX " +
	"USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG"

// currencyWords maps names, abbreviations and ISO numeric codes, in their
// appendKey form, to ISO 4217 codes. ISO alphabetic codes are added from
// isoCurrencies at start-up.
//
// Numeric 810 (RUR) and the RUR code itself map to RUB: Russian customs
// declarations still write 810/RUR for today's rouble. The Belarusian
// BYR is NOT mapped to BYN: it was redenominated 10,000:1 in 2016, so
// reading BYR as BYN would be a wrong number, not a spelling.
var currencyWords = map[string]string{
	"rur": "RUB", "rmb": "CNY", "ntd": "TWD",

	// Russian
	"руб": "RUB", "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "рубли": "RUB", "рублях": "RUB",
	"р": "RUB", "российский рубль": "RUB", "российских рублей": "RUB", "рос руб": "RUB",
	"долл": "USD", "доллар": "USD", "доллары": "USD", "долларов": "USD", "доллара": "USD", "долларах": "USD",
	"долл сша": "USD", "доллар сша": "USD", "доллары сша": "USD", "долларов сша": "USD", "дол сша": "USD",
	"долларах сша": "USD", "доллара сша": "USD", "usd сша": "USD",
	"евро": "EUR",
	"юань": "CNY", "юани": "CNY", "юаней": "CNY", "юаня": "CNY", "юанях": "CNY", "китайский юань": "CNY",
	"тенге": "KZT", "казахстанский тенге": "KZT",
	"белорусский рубль": "BYN", "белорусских рублей": "BYN", "бел руб": "BYN",
	"турецкая лира": "TRY", "турецких лир": "TRY", "лира": "TRY", "лир": "TRY",
	"дирхам": "AED", "дирхамов": "AED", "дирхам оаэ": "AED",
	"фунт стерлингов": "GBP", "фунтов стерлингов": "GBP",
	"иена": "JPY", "йена": "JPY", "иен": "JPY", "йен": "JPY",
	"швейцарский франк": "CHF", "швейцарских франков": "CHF",
	"сум": "UZS", "узбекский сум": "UZS",
	"гривна": "UAH", "гривен": "UAH", "гривны": "UAH",
	"вона": "KRW", "вон": "KRW",
	"индийская рупия": "INR", "индийских рупий": "INR",

	// English
	"dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD", "usdollar": "USD",
	"usdollars": "USD", "u s dollars": "USD", "usa dollar": "USD",
	"euro": "EUR", "euros": "EUR",
	"yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY", "yuan renminbi": "CNY",
	"ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "russian ruble": "RUB", "russian rouble": "RUB",
	"lira": "TRY", "turkish lira": "TRY", "tl": "TRY",
	"dirham": "AED", "uae dirham": "AED", "dirhams": "AED",
	"pound sterling": "GBP", "sterling": "GBP",
	"yen": "JPY", "japanese yen": "JPY",
	"tenge": "KZT", "swiss franc": "CHF", "swiss francs": "CHF",
	"hryvnia": "UAH", "rupee": "INR", "indian rupee": "INR", "won": "KRW", "korean won": "KRW",

	// ISO 4217 numeric codes
	"643": "RUB", "810": "RUB", "840": "USD", "978": "EUR", "156": "CNY", "949": "TRY", "784": "AED",
	"398": "KZT", "933": "BYN", "826": "GBP", "392": "JPY", "756": "CHF", "356": "INR", "410": "KRW",
	"860": "UZS", "417": "KGS", "051": "AMD", "944": "AZN", "981": "GEL", "498": "MDL", "972": "TJS",
	"934": "TMT", "980": "UAH", "985": "PLN", "203": "CZK", "348": "HUF", "946": "RON", "975": "BGN",
	"752": "SEK", "578": "NOK", "208": "DKK", "124": "CAD", "036": "AUD", "554": "NZD", "344": "HKD",
	"702": "SGD", "764": "THB", "704": "VND", "360": "IDR", "458": "MYR", "608": "PHP", "586": "PKR",
	"050": "BDT", "364": "IRR", "682": "SAR", "634": "QAR", "414": "KWD", "048": "BHD", "512": "OMR",
	"376": "ILS", "818": "EGP", "710": "ZAR", "566": "NGN", "986": "BRL", "484": "MXN", "032": "ARS",
	"152": "CLP", "170": "COP", "604": "PEN", "901": "TWD", "496": "MNT", "368": "IQD", "400": "JOD",
	"352": "ISK", "941": "RSD", "807": "MKD", "977": "BAM", "971": "AFN", "144": "LKR", "524": "NPR",
	"104": "MMK", "116": "KHR", "418": "LAK", "788": "TND", "012": "DZD", "504": "MAD", "404": "KES",
	"230": "ETB",
}

// currencySymbols maps the signs vendors write, lower-cased as headerTokens
// and Currency see them. A bare "$" is the US dollar: customs data priced
// in other dollars writes their code. "¥" is left out: it is both yen and
// yuan.
var currencySymbols = map[string]string{
	"$": "USD", "us$": "USD", "usd$": "USD", "u.s.$": "USD",
	"€": "EUR", "₽": "RUB", "£": "GBP", "₺": "TRY", "₸": "KZT", "₹": "INR", "₩": "KRW", "₴": "UAH",
	"元": "CNY", "rmb¥": "CNY", "cn¥": "CNY", "jp¥": "JPY",
	"r$": "BRL", "c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "hk$": "HKD", "s$": "SGD",
	"nz$": "NZD", "nt$": "TWD", "mx$": "MXN",
}

func init() {
	for _, c := range strings.Fields(isoCurrencies) {
		if _, ok := currencyWords[strings.ToLower(c)]; !ok {
			currencyWords[strings.ToLower(c)] = c
		}
	}
}

// Currency maps "USD", "$", "US$", "usd", "руб", "RUB", "RUR", "₽", "EUR",
// "€", "CNY", "юань", "TRY", "AED", ISO numeric "643"/"840" … to ISO 4217.
// Case, dots and spacing do not matter ("долл. США", "руб."). Numeric
// codes must be written with three digits ("036", not "36").
func Currency(s string) (string, bool) {
	s = trimSpace(s)
	if s == "" || len(s) > 2*keyBufSize {
		return "", false
	}
	if c, ok := currencySymbols[s]; ok {
		return c, true
	}
	// "US$", "USD $" and the like: letters around a sign. The key
	// would drop the sign, so these never take the word path.
	if strings.ContainsAny(s, "$€₽£₺₸₹₩₴元¥") {
		toks := headerTokens(s)
		if len(toks) == 1 && toks[0].symbol {
			c, ok := currencySymbols[toks[0].text]
			return c, ok
		}
		if len(toks) == 2 && toks[1].symbol && currencySymbols[toks[1].text] != "" {
			if c, ok := currencyWords[toks[0].text]; ok && c == currencySymbols[toks[1].text] {
				return c, true // "USD $"
			}
		}
		return "", false
	}
	var buf [keyBufSize]byte
	if c, ok := currencyWords[string(appendKey(buf[:0], s))]; ok {
		return c, true
	}
	return "", false
}

// headerCurrencies are the ISO codes CurrencyInHeader trusts as words of a
// header. Codes that are also words or units are left out: ALL, TOP, CUP,
// PEN, MAD, GEL, BOB, KGS (kilograms!), SOS, LAK, TRY is kept because a
// header word "try" is unlikely while Turkish lira columns are common.
var headerCurrencies = map[string]bool{
	"usd": true, "eur": true, "rub": true, "rur": true, "cny": true, "rmb": true, "try": true, "aed": true,
	"kzt": true, "byn": true, "gbp": true, "jpy": true, "chf": true, "inr": true, "krw": true, "uzs": true,
	"uah": true, "pln": true, "hkd": true, "sgd": true, "cad": true, "aud": true, "sek": true, "nok": true,
	"dkk": true, "czk": true, "huf": true, "amd": true, "azn": true, "mdl": true, "tjs": true, "thb": true,
	"vnd": true, "idr": true, "myr": true, "sar": true, "ils": true, "brl": true, "mxn": true, "zar": true,
	"twd": true, "egp": true, "irr": true, "pkr": true, "nzd": true, "ron": true, "bgn": true, "rsd": true,
}

// headerCurrencyWords are the currency names CurrencyInHeader trusts; they
// must not be ordinary header words ("р" and "won" are left out).
var headerCurrencyWords = map[string]string{
	"руб": "RUB", "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "рублях": "RUB", "рубли": "RUB",
	"долл": "USD", "доллар": "USD", "доллары": "USD", "долларов": "USD", "доллара": "USD", "долларах": "USD",
	"евро": "EUR", "юань": "CNY", "юани": "CNY", "юаней": "CNY", "юанях": "CNY", "юаня": "CNY",
	"тенге": "KZT", "дирхам": "AED", "дирхамах": "AED",
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY", "renminbi": "CNY",
	"ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "dirham": "AED", "tenge": "KZT",
	// Venezuelan exports write "USD_FOB_BOLIVARES": two currencies, so the
	// header says nothing certain.
	"bolivar": "VES", "bolivares": "VES", "bolivare": "VES",
}

// CurrencyInHeader finds a currency in a header such as "Value USD",
// "CUSTOMS_VALUE_USD", "Стоимость, руб", "Фактурная стоимость (долл.
// США)", "Статистическая стоимость, $". Only whole words count, from a
// list of codes and names that are not also ordinary words. A header with
// no currency ("TOTALVALUE") or with two different ones returns ok=false:
// the currency is never assumed. See ValueScaleInHeader for "тыс. долл.".
func CurrencyInHeader(h string) (string, bool) {
	found := ""
	for _, t := range headerTokens(h) {
		c := tokenCurrency(t)
		if c == "" {
			continue
		}
		if found != "" && found != c {
			return "", false
		}
		found = c
	}
	return found, found != ""
}

// ValueScaleInHeader finds a multiplier in a header such as "Стоимость,
// тыс. долл. США", "Value, USD thousand", "Value ('000 USD)" or "Вес, млн
// т": 1e3 or 1e6. It returns 1, false when there is none. A caller that
// reads values from such a column multiplies by the scale, or the totals
// are off by a thousand.
func ValueScaleInHeader(h string) (float64, bool) {
	scale := 0.0
	toks := headerTokens(h)
	for i, t := range toks {
		if m, ok := headerScales[t.text]; ok {
			if shortScales[t.text] && !besideCurrency(toks, i) {
				// "Value (TH Baht)", "Nilai CIF Th 2023" (th = year): a
				// short abbreviation scales only next to a currency.
				continue
			}
			if scale != 0 && scale != m {
				return 1, false
			}
			scale = m
		}
	}
	if scale == 0 {
		return 1, false
	}
	return scale, true
}

// shortScales are the scale words too short to mean thousands anywhere
// in a header: only right before or after a currency ("th. USD", "USD k",
// "kUSD").
var shortScales = map[string]bool{"th": true, "k": true}

// besideCurrency reports whether the token before or after toks[i] names
// a currency.
func besideCurrency(toks []headerTok, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		if tokenCurrency(toks[j]) != "" {
			return true
		}
	}
	return false
}

// tokenCurrency is the ISO code a header word or symbol names, or "".
func tokenCurrency(t headerTok) string {
	switch {
	case t.symbol:
		return currencySymbols[t.text]
	case headerCurrencies[t.text]:
		return currencyWords[t.text]
	}
	return headerCurrencyWords[t.text]
}
