package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tradecheck/reconcile/values"
)

// The evidence that a party cell's words are an address: postcodes,
// house, street and city markers, countries, contact tails (see the top
// of address.go for where a cut is made on it).

// evidence is the address evidence in toks.
func evidence(toks []addrTok) int {
	ev := 0
	for i := range toks {
		ev |= evidenceOf(toks, i)
	}
	if countryWords(tailUps(toks)) > 0 {
		ev |= evCountry
	}
	return ev
}

// countryWords is how many of the last words (up to three) name a
// country, 0 when they do not. Two- and three-letter codes are plain
// words too (CO, ST, AG), so only names and a few sure short forms count.
func countryWords(ups []string) int {
	for n := len(ups); n >= 1; n-- {
		w := strings.Join(ups[len(ups)-n:], " ")
		if _, ok := values.Country(w); !ok {
			continue
		}
		if utf8.RuneCountInString(w) >= 4 || shortCountries[w] || ScriptOf(w) == ScriptHan {
			return n
		}
	}
	return 0
}

var shortCountries = map[string]bool{"UAE": true, "PRC": true, "USA": true, "РФ": true, "ОАЭ": true, "КНР": true, "U.A.E": true, "P.R.C": true}

// evidenceOf is the address evidence word i gives, read with its
// neighbours (a marker needs the number after it).
func evidenceOf(toks []addrTok, i int) int {
	t := toks[i]
	up := t.up
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].up
	}
	digitNext := startsDigit(next) || strings.HasPrefix(next, "+")
	switch {
	case up == "":
		return 0
	case isAllDigits(up):
		if i > 0 && (unitWords[toks[i-1].up] || numberSign(toks[i-1].up)) {
			return evHouse // UNIT 20924: a unit's number, not a postcode
		}
		switch n := len(up); {
		case n == 5 || n == 6:
			return evPost
		case n <= 4:
			return evHouse
		}
		return 0
	case strings.Contains(t.raw, "@") && strings.Contains(t.raw, "."):
		return evContact
	case t.raw[0] == '+' && len(up) > 1 && startsDigit(strings.TrimPrefix(up, "+")):
		return evContact
	case contactWords[up] && (digitNext || strings.HasSuffix(t.raw, ":") || up == "ATTN" || up == "ATTENTION" || strings.Contains(next, "@")):
		return evContact
	case strings.HasPrefix(up, "WWW.") || strings.HasPrefix(up, "HTTP"):
		return evContact
	case up == "TAX" && (next == "ID" || next == "NO" || next == "CODE"):
		return evContact
	case taxWords[up] && (digitNext || strings.HasSuffix(t.raw, ":") && startsDigit(strings.TrimLeft(next, ":"))):
		return evContact
	}
	// Markers glued to their number: "NO.8", "Д.12", "№5", "NO:5".
	if p, rest, ok := cutGlued(up); ok && houseMarkers[p] && startsDigit(rest) {
		return evPrefix
	}
	if houseMarkers[up] && (digitNext || strings.HasPrefix(next, "№")) {
		return evPrefix
	}
	if prefixMarkers[up] && strings.HasSuffix(t.raw, ".") || prefixMarkers[up] && !latinOnly(up) || fullMarkers[up] {
		return evPrefix
	}
	if up == "P.O" || up == "PO" || up == "POB" {
		if next == "BOX" || up == "POB" && digitNext {
			return evPrefix
		}
	}
	if cityMarkers[up] && (strings.HasSuffix(t.raw, ".") || utf8.RuneCountInString(up) > 2) && next != "" {
		return evCity
	}
	if streetWords[up] {
		return evStreet
	}
	for _, r := range up {
		if strings.ContainsRune(hanAddressChars, r) {
			return evHan
		}
	}
	return 0
}

// cutGlued splits "NO.8" into "NO" and "8", "№5" into "№" and "5".
func cutGlued(up string) (string, string, bool) {
	for i, r := range up {
		if unicode.IsDigit(r) {
			if i == 0 {
				return "", "", false
			}
			return strings.TrimRight(up[:i], ".:"), up[i:], true
		}
	}
	return "", "", false
}

// numberSign reports a "No." word: Zavod No. 9 is a name.
func numberSign(up string) bool {
	p, _, glued := cutGlued(up)
	if glued {
		up = p
	}
	return up == "NO" || up == "NR" || up == "№" || up == ""
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func latinOnly(s string) bool {
	for _, r := range s {
		if r > unicode.MaxLatin1 {
			return false
		}
	}
	return true
}

var (
	// contactWords start a contact tail when a number, a colon or an
	// e-mail address follows (TEL AVIV TRADING keeps its TEL).
	contactWords = setOf("ATTN", "ATTENTION", "TEL", "TEL.", "PHONE", "PH", "FAX", "MOB", "MOBILE", "EMAIL", "E-MAIL",
		"CONTACT", "ТЕЛ", "ТЕЛЕФОН", "ФАКС")
	// taxWords are tax ID labels, when a number follows. INN, KPP and
	// OGRN are not among them: values.SplitTaxIDs and Analyze already
	// take those off a name, wherever they stand.
	taxWords = setOf("TIN", "VKN", "USCI", "USCC", "BIN", "БИН", "TAX", "VAT", "TRN")
	// houseMarkers start a house, building or office number.
	houseMarkers = setOf("NO", "NR", "№", "Д", "D", "ДОМ", "DOM", "КОРП", "KORP", "СТР", "ОФ", "ОФИС", "OFIS",
		"КВ", "KV", "ПОМ", "POM", "ЭТ", "ЭТАЖ", "KAT", "DAIRE")
	// unitWords number a flat, room or unit, and a military unit too
	// (MILITARY UNIT 20924): only a house number.
	unitWords = setOf("UNIT", "ROOM", "RM", "SUITE", "FLOOR", "FL", "FLAT", "APT", "BLOK", "OF")
	// prefixMarkers start a street: with a dot when Latin ("UL."), as
	// they are in Cyrillic ("ул", "пр-т").
	prefixMarkers = setOf("УЛ", "UL", "ПР-Т", "PR-T", "ПР-КТ", "ПРОСП", "PROSP", "ПЕР", "PER", "НАБ", "NAB", "Ш", "ПЛ",
		"MAH", "CAD", "CD", "SOK", "SK", "BLV", "MH", "ШОС")
	// fullMarkers are street words spelled out that names do not use.
	fullMarkers = setOf("УЛИЦА", "ULITSA", "ПРОСПЕКТ", "PROSPEKT", "ПЕРЕУЛОК", "PEREULOK", "ШОССЕ", "SHOSSE",
		"НАБЕРЕЖНАЯ", "MAHALLESI", "MAHALLESİ", "CADDESI", "CADDESİ", "SOKAK", "SOKAĞI", "SOKAGI", "BULVARI",
		"P.O.BOX", "POBOX")
	// cityMarkers name a city, region or district.
	cityMarkers = setOf("Г", "ГОР", "ГОРОД", "ОБЛ", "ОБЛАСТЬ", "Р-Н", "РАЙОН", "ПОС", "ПГТ", "С", "OBL", "R-N",
		"ILCESI", "İLÇESİ", "ILÇE")
	// streetWords are street and building words that also occur in names
	// (ROAD MACHINES): evidence only beside a number or a country.
	streetWords = setOf("ST", "STR", "STREET", "RD", "ROAD", "AVE", "AVENUE", "BLVD", "BOULEVARD", "LANE", "LN", "HWY",
		"HIGHWAY", "BLDG", "BUILDING", "TOWER", "DISTRICT", "DIST", "INDUSTRIAL", "AREA", "ZONE", "PARK", "PLAZA")
)

// hanAddressChars are Chinese characters of addresses: road, number,
// city, province, district, county, town, street, room, floor, building.
const hanAddressChars = "路号號市省区區县縣镇鎮街室楼樓层層栋棟弄巷"

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
