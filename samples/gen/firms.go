package main

import "strconv"

// firm is one company as the three sources spell it. Each source spells
// a firm its own way, as real exports do: the Russian declarations in
// Cyrillic with the INN in its own column, the aggregator in Latin, the
// CSV with the INN glued in front of the name.
type firm struct {
	Key     string // stable key used in EXPECTED.md and tests
	Display string // the name a fact-checker would use
	RU      string // as the Russian declarations write it
	Agg     string // as the aggregator writes it
	CSV     string // as the CSV writes it
	INN     string // Russian firms only
	Country string // ISO 3166 alpha-2
}

// innWithCheck completes a 9-digit stem into a 10-digit Russian INN of a
// legal entity with a valid check digit (weights 2 4 10 3 5 9 4 6 8,
// sum mod 11 mod 10). The INNs are synthetic: they pass the checksum but
// name no company in these samples' story.
func innWithCheck(stem string) string {
	w := []int{2, 4, 10, 3, 5, 9, 4, 6, 8}
	s := 0
	for i := 0; i < 9; i++ {
		s += int(stem[i]-'0') * w[i]
	}
	return stem + strconv.Itoa(s%11%10)
}

// validINN10 reports whether a 10-digit INN has a valid check digit.
func validINN10(inn string) bool {
	if len(inn) != 10 {
		return false
	}
	for _, c := range inn {
		if c < '0' || c > '9' {
			return false
		}
	}
	return innWithCheck(inn[:9]) == inn
}

func ruFirm(key, display, ru, agg, csvName, stem string) *firm {
	inn := innWithCheck(stem)
	return &firm{Key: key, Display: display, RU: ru, Agg: agg, CSV: inn + " " + csvName, INN: inn, Country: "RU"}
}

func foreignFirm(key, ru, agg, csvName, country string) *firm {
	return &firm{Key: key, Display: agg, RU: ru, Agg: agg, CSV: csvName, Country: country}
}

// The Russian consignees. Tekhkrim is the story's importer; Tekhkom,
// Tekhkrim-Service, Zavod-1 and Zavod-2 are look-alikes that are
// different firms (different INNs) and must never be merged with it or
// with each other.
var (
	tekhkrim = ruFirm("tekhkrim", "Tekhkrim", "ООО «Техкрим»", "OOO TEKHKRIM", "TEKHKRIM LLC", "770123456")
	// The aggregator misspells Tekhkrim on some rows.
	tekhkrimTypo = "TEHKRIM LLC"

	tekhkom         = ruFirm("tekhkom", "Tekhkom", "ООО «Техком»", "TEKHKOM LLC", "TEKHKOM LLC", "770234567")
	tekhkrimService = ruFirm("tekhkrim-service", "Tekhkrim-Service", "ООО «Техкрим-Сервис»", "TEKHKRIM-SERVICE LLC", "TEKHKRIM-SERVIS OOO", "772345678")
	zavod1          = ruFirm("zavod-1", "Zavod-1", "АО «Завод-1»", "ZAVOD-1 JSC", "AO ZAVOD-1", "500123456")
	zavod2          = ruFirm("zavod-2", "Zavod-2", "АО «Завод-2»", "ZAVOD-2 JSC", "AO ZAVOD-2", "500123457")
	aerosnab        = ruFirm("aerosnab", "Aerosnab", "ООО «Аэроснаб»", "AEROSNAB LLC", "AEROSNAB OOO", "781234567")
	shchitPro       = ruFirm("shchit-pro", "Shchit-Pro", "ООО «Щит-Про»", "SHCHIT-PRO LLC", "SHCHIT-PRO OOO", "781345678")
	keramikaPlus    = ruFirm("keramika-plus", "Keramika Plus", "ООО «Керамика Плюс»", "KERAMIKA PLUS LLC", "KERAMIKA PLYUS OOO", "771456789")
	tekstilOpt      = ruFirm("tekstil-opt", "Tekstil Opt", "ООО «Текстиль Опт»", "TEKSTIL OPT LLC", "TEKSTIL OPT OOO", "771567890")
	fruktImport     = ruFirm("frukt-import", "Frukt Import", "ООО «Фрукт Импорт»", "FRUKT IMPORT LLC", "FRUKT IMPORT OOO", "232456789")
)

// The shippers. NORINCO and DJI are the companies named in the story; the
// others are invented and generic.
var (
	norinco = &firm{Key: "norinco", Display: "China North Industries Group (NORINCO)",
		RU:  "CHINA NORTH INDUSTRIES CORP. (NORINCO)",
		Agg: "CHINA NORTH INDUSTRIES GROUP CORPORATION LIMITED", CSV: "NORINCO", Country: "CN"}
	dji = &firm{Key: "dji", Display: "SZ DJI Technology Co., Ltd",
		RU: "SZ DJI TECHNOLOGY CO., LTD", Agg: "SZ DJI TECHNOLOGY CO.,LTD", CSV: "SZ DJI TECHNOLOGY CO LTD", Country: "CN"}

	yildizKoruma    = foreignFirm("yildiz-koruma", "YILDIZ KORUMA TEKSTIL A.S.", "YILDIZ KORUMA TEKSTIL AS", "YILDIZ KORUMA TEKSTIL ANONIM SIRKETI", "TR")
	marmaraBalistik = foreignFirm("marmara-balistik", "MARMARA BALISTIK SAN. VE TIC. LTD. STI.", "MARMARA BALISTIK SANAYI VE TICARET LTD STI", "MARMARA BALISTIK SAN VE TIC LTD STI", "TR")
	karadeniz       = foreignFirm("karadeniz", "KARADENIZ LOJISTIK DIS TIC. LTD. STI.", "KARADENIZ LOJISTIK DIS TICARET LTD STI", "KARADENIZ LOJISTIK DIS TIC LTD STI", "TR")
	shandongHuaxin  = foreignFirm("shandong-huaxin", "SHANDONG HUAXIN PROTECTIVE EQUIPMENT CO., LTD", "SHANDONG HUAXIN PROTECTIVE EQUIPMENT CO LTD", "SHANDONG HUAXIN PROTECTIVE EQUIPMENT", "CN")
	steppeTrade     = foreignFirm("steppe-trade", "STEPPE TRADE LLP", "STEPPE TRADE LLP", "STEPPE TRADE TOO", "KZ")
	alaTooImpex     = foreignFirm("ala-too-impex", "ALA-TOO IMPEX LLC", "ALA TOO IMPEX LLC", "ALA-TOO IMPEX", "KG")

	akdenizSeramik = foreignFirm("akdeniz-seramik", "AKDENIZ SERAMIK SANAYI A.S.", "AKDENIZ SERAMIK SANAYI AS", "AKDENIZ SERAMIK SAN A.S.", "TR")
	iberiaTiles    = foreignFirm("iberia-tiles", "IBERIA TILES S.L.", "IBERIA TILES SL", "IBERIA TILES S.L.", "ES")
	foshanTiles    = foreignFirm("foshan-ceramics", "FOSHAN NANHAI CERAMICS CO., LTD", "FOSHAN NANHAI CERAMICS CO LTD", "FOSHAN NANHAI CERAMICS", "CN")
	ningboEastern  = foreignFirm("ningbo-eastern", "NINGBO EASTERN MACHINERY CO., LTD", "NINGBO EASTERN MACHINERY CO LTD", "NINGBO EASTERN MACHINERY", "CN")
	shenzhenHongda = foreignFirm("shenzhen-hongda", "SHENZHEN HONGDA CNC EQUIPMENT CO., LTD", "SHENZHEN HONGDA CNC EQUIPMENT CO LTD", "SHENZHEN HONGDA CNC", "CN")
	heiden         = foreignFirm("heiden", "HEIDEN MASCHINENBAU GMBH", "HEIDEN MASCHINENBAU GMBH", "HEIDEN MASCHINENBAU GMBH", "DE")
	bursaTekstil   = foreignFirm("bursa-tekstil", "BURSA TEKSTIL SANAYI A.S.", "BURSA TEKSTIL SANAYI AS", "BURSA TEKSTIL SAN A.S.", "TR")
	tashkentCotton = foreignFirm("tashkent-cotton", "TASHKENT COTTON LLC", "TASHKENT COTTON LLC", "TASHKENT COTTON", "UZ")
	dhakaKnit      = foreignFirm("dhaka-knitwear", "DHAKA KNITWEAR LTD", "DHAKA KNITWEAR LIMITED", "DHAKA KNITWEAR LTD", "BD")
	antalyaNarenc  = foreignFirm("antalya-narenciye", "ANTALYA NARENCIYE A.S.", "ANTALYA NARENCIYE AS", "ANTALYA NARENCIYE A.S.", "TR")
)

// countries: ISO-2 → how each source writes it. The CSV uses ISO-3.
var countries = map[string]struct{ RU, Agg, CSV string }{
	"RU": {"Россия", "RUSSIA", "RUS"},
	"CN": {"Китай", "CHINA", "CHN"},
	"TR": {"Турция", "TURKEY", "TUR"},
	"AE": {"Объединенные Арабские Эмираты", "UNITED ARAB EMIRATES", "ARE"},
	"KZ": {"Казахстан", "KAZAKHSTAN", "KAZ"},
	"KG": {"Киргизия", "KYRGYZSTAN", "KGZ"},
	"ES": {"Испания", "SPAIN", "ESP"},
	"DE": {"Германия", "GERMANY", "DEU"},
	"UZ": {"Узбекистан", "UZBEKISTAN", "UZB"},
	"BD": {"Бангладеш", "BANGLADESH", "BGD"},
}
