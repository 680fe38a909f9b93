package read

import (
	"fmt"
	"strings"
	"unicode"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// FlowStatement is what a sheet says about its trade flow: whether its
// declarations are imports or exports, and which country's customs wrote
// them. Nothing here is guessed from the shape of the data (an Exporter
// column is in every import register too): only a flow column whose cells
// all say one flow, or banner text and the sheet name saying "exports" in
// words, count.
type FlowStatement struct {
	Flow    string // reconcile.FlowImport, FlowExport, or "" when the sheet does not say
	Country string // ISO alpha-2 of the declaring country, "" when not stated
	Why     string // what in the sheet says so, for the Sources sheet
	// CountryWhy says what names Country when the declaration numbers do
	// (the banner's words are in Why).
	CountryWhy string
}

// declaringCountry names the declaring country by the office codes of
// the declaration numbers (values.DeclarationCountry) when every number
// sampled that names one names the same, and at least two do.
func declaringCountry(cols []Column) (string, string) {
	for i, c := range cols {
		if c.Field != reconcile.FieldDeclarationID {
			continue
		}
		country, n, first := "", 0, ""
		for _, v := range c.Samples {
			cc, ok := values.DeclarationCountry(v)
			if !ok {
				continue
			}
			if country != "" && cc != country {
				return "", ""
			}
			country, n = cc, n+1
			if first == "" {
				first = strings.TrimSpace(v)
			}
		}
		if n >= 2 {
			return country, fmt.Sprintf("the declaration numbers in column %s (%s …) are those of %s's customs", reconcile.ColumnName(i+1), first, values.CountryName(country))
		}
	}
	return "", ""
}

// Flow returns what the sheet states about its trade flow.
func (s *SheetReader) Flow() FlowStatement { return s.flow }

// flowWords are words that state a flow in a banner or a sheet name.
// Singular "export" is left out on purpose: "Export generated 2023-01-15"
// is a portal's banner, not a flow; "exports", "export declarations" and
// the nouns of other languages are not ambiguous that way.
var flowWords = map[string]string{
	"exports": reconcile.FlowExport, "экспорт": reconcile.FlowExport, "экспорта": reconcile.FlowExport, "вывоз": reconcile.FlowExport,
	"ihracat": reconcile.FlowExport, "exportaciones": reconcile.FlowExport, "exportacoes": reconcile.FlowExport, "出口": reconcile.FlowExport,
	"imports": reconcile.FlowImport, "импорт": reconcile.FlowImport, "импорта": reconcile.FlowImport, "ввоз": reconcile.FlowImport,
	"ithalat": reconcile.FlowImport, "importaciones": reconcile.FlowImport, "importacoes": reconcile.FlowImport, "进口": reconcile.FlowImport,
}

// flowPhrases are two-word statements: "export declarations", "import
// register".
var flowNouns = map[string]bool{"declaration": true, "declarations": true, "register": true, "registry": true, "customs": true, "entries": true, "flow": true, "data": true}

// flowHeaders are headers of a column that gives each row's flow.
var flowHeaders = map[string]bool{"flow": true, "tradeflow": true, "flowcode": true, "flowdesc": true, "direction": true,
	"направление": true, "направлениеперемещения": true, "импорт/экспорт": true, "impexp": true, "importexport": true, "进出口": true, "进出口标志": true}

// flowValues are the cells of such a column.
var flowValues = map[string]string{
	"export": reconcile.FlowExport, "exports": reconcile.FlowExport, "ek": reconcile.FlowExport, "эк": reconcile.FlowExport, "x": reconcile.FlowExport,
	"экспорт": reconcile.FlowExport, "ihracat": reconcile.FlowExport, "出口": reconcile.FlowExport,
	"import": reconcile.FlowImport, "imports": reconcile.FlowImport, "im": reconcile.FlowImport, "им": reconcile.FlowImport, "m": reconcile.FlowImport,
	"импорт": reconcile.FlowImport, "ithalat": reconcile.FlowImport, "进口": reconcile.FlowImport,
}

// demonyms name a declaring country by its adjective ("Turkish exports").
var demonyms = map[string]string{"chinese": "CN", "turkish": "TR", "russian": "RU", "kazakh": "KZ", "ukrainian": "UA", "indian": "IN",
	"uzbek": "UZ", "belarusian": "BY", "georgian": "GE", "armenian": "AM", "kyrgyz": "KG", "iranian": "IR", "korean": "KR", "vietnamese": "VN",
	// Russian genitives: "экспорт из России", "экспорт Китая".
	"россии": "RU", "китая": "CN", "турции": "TR", "казахстана": "KZ", "беларуси": "BY", "узбекистана": "UZ", "индии": "IN", "украины": "UA"}

// detectFlow reads a sheet's flow statement from a flow column (cells of
// one flow), then from the banner rows above the header and the sheet
// name.
func detectFlow(sheet string, banners []string, headers []string, samples [][]string) FlowStatement {
	for i, h := range headers {
		if !flowHeaders[strings.ReplaceAll(foldHeader(strings.TrimSpace(h)), " ", "")] || i >= len(samples) {
			continue
		}
		flow, mixed := "", false
		for _, v := range samples[i] {
			f := flowValues[foldHeader(strings.TrimSpace(v))]
			if f == "" || flow != "" && f != flow {
				mixed = true
				break
			}
			flow = f
		}
		if flow != "" && !mixed {
			return withAuthority(FlowStatement{Flow: flow, Why: fmt.Sprintf("column %s %q says %s on every row", reconcile.ColumnName(i+1), h, flow)}, banners)
		}
	}
	for _, t := range append([]string{sheet}, banners...) {
		if st, ok := flowInText(t); ok {
			if t == sheet {
				st.Why = fmt.Sprintf("sheet name %q", t)
			} else {
				st.Why = fmt.Sprintf("banner %q", clipDetail(t))
			}
			return withAuthority(st, banners)
		}
	}
	return FlowStatement{}
}

// withAuthority gives a flow statement without a country the country
// whose customs service a banner names.
func withAuthority(st FlowStatement, banners []string) FlowStatement {
	if st.Country != "" {
		return st
	}
	for _, t := range banners {
		for _, w := range strings.FieldsFunc(foldHeader(t), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if c := customsAuthorities[w]; c != "" {
				st.Country = c
				st.Why += fmt.Sprintf("; declared in %s (banner %q)", c, clipDetail(t))
				return st
			}
		}
	}
	return st
}

// flowInText finds a flow stated in words, and the declaring country
// when the text names one at the flow word: "China exports 2022",
// "Exports of Turkey", "Turkish export declarations". Both flows in one
// text state nothing.
func flowInText(t string) (FlowStatement, bool) {
	words := strings.FieldsFunc(foldHeader(t), func(r rune) bool { return !unicode.IsLetter(r) })
	var st FlowStatement
	at := -1
	for k, w := range words {
		f := flowWords[w]
		if f == "" && (w == "export" || w == "import") && k+1 < len(words) && flowNouns[words[k+1]] {
			f = map[string]string{"export": reconcile.FlowExport, "import": reconcile.FlowImport}[w]
		}
		if f == "" {
			// Chinese writes without spaces: 中国海关出口数据.
			for cw, cf := range flowWords {
				if len([]rune(cw)) == 2 && strings.Contains(w, cw) {
					f = cf
				}
			}
		}
		if f == "" {
			continue
		}
		if st.Flow != "" && st.Flow != f {
			return FlowStatement{}, false
		}
		if at < 0 {
			at = k
		}
		st.Flow = f
	}
	if st.Flow == "" {
		return st, false
	}
	// The country at the flow word: right before it ("China exports",
	// "Turkish export …"), or after "of"/"from" right after it.
	country := func(k int) string {
		if k < 0 || k >= len(words) {
			return ""
		}
		if c, ok := demonyms[words[k]]; ok {
			return c
		}
		if len([]rune(words[k])) < 4 { // "in", "us": words, not countries
			return ""
		}
		if c, ok := values.Country(words[k]); ok {
			return c
		}
		return ""
	}
	st.Country = country(at - 1)
	if st.Country == "" && at >= 2 && (words[at-1] == "customs" || words[at-1] == "таможня") {
		st.Country = country(at - 2) // "China Customs exports"
	}
	if st.Country == "" && at+2 < len(words) && (words[at+1] == "of" || words[at+1] == "from" || words[at+1] == "из") {
		st.Country = country(at + 2)
	}
	if st.Country == "" && strings.Contains(t, "中国") && st.Flow == reconcile.FlowExport {
		st.Country = "CN"
	}
	return st, true
}

// customsAuthorities are abbreviations that name one country's customs
// or revenue service: a register's banner naming it says who declared
// ("Реестр ДТ (импорт) — ДГД по Мангистауской области").
var customsAuthorities = map[string]string{
	"фтс": "RU", // Федеральная таможенная служба
	"кгд": "KZ", // Комитет государственных доходов
	"дгд": "KZ", // its regional Департамент государственных доходов
}

// traderHeaders are headers of a party whose role depends on the flow:
// a Chinese customs record's domestic trader (收发货人) is the consignor
// of an export and the consignee of an import; its foreign trader
// (境外收发货人) the other way round. true marks the domestic one.
var traderHeaders = map[string]bool{"收发货人": true, "收發貨人": true, "境内收发货人": true, "境內收發貨人": true,
	"境外收发货人": false, "境外收發貨人": false}

// flowRoles maps the flow-dependent party columns once the flow is
// known: the domestic trader to the shipper of an export or the
// consignee of an import, the foreign trader to the other. Without a
// flow the domestic trader stays unmapped, as its reason says (and the
// foreign one is read by its 发货人 as the shipper, right for imports).
// A column the user mapped is left alone.
func flowRoles(cols []Column, st FlowStatement) {
	if st.Flow == "" {
		return
	}
	export := st.Flow == reconcile.FlowExport
	for i := range cols {
		c := &cols[i]
		domestic, ok := traderHeaders[strings.ReplaceAll(foldHeader(strings.TrimSpace(c.Header)), " ", "")]
		if !ok || c.Override {
			continue
		}
		role, what := reconcile.FieldConsignee, "consignee"
		if domestic == export {
			role, what = reconcile.FieldShipper, "shipper"
		}
		side := "foreign"
		if domestic {
			side = "domestic"
		}
		c.Field = role
		c.Reason = fmt.Sprintf("the %s trader of a Chinese %s declaration is its %s (flow: %s)", side, st.Flow, what, st.Why)
	}
}
