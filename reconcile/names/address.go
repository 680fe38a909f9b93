package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// B/L feeds (ImportGenius, Panjiva, manifests) often write a party's
// address in its name cell: "AEROKOMPLEKT LLC 125047, MOSCOW, UL.
// TVERSKAYA 1, RUSSIA", on one line or two, or "ООО «Техкрим», 101000,
// г. Москва, ул. Ленина, д. 12". Matched whole, such a name is a firm of
// its own: it never meets the register's "ООО «Аэрокомплект»" and a
// sanctions list's entry is not hit. SplitAddress takes the address off.
//
// Precision comes first: a firm whose name holds an address word (ROAD
// MACHINES LLC, STREET FOOD TRADING, GORODSKIE SETI) must keep it. So a
// cut is made only where the name visibly ends and an address visibly
// starts:
//
//   - at a contact tail (ATTN:, TEL: +7…, EMAIL:, an e-mail address, a
//     tax ID label with its number), which no name contains;
//   - at a line break, when the lines after it read as an address;
//   - after a legal form or a closing quote (LLC, CO LTD, FZE, «…»),
//     when what follows reads as an address: a postcode, a house or
//     street marker with a number, a city marker, a Chinese address
//     character, or a country at the end after other words;
//   - with no such anchor, at a comma or before a postcode or street
//     marker, when what follows has two kinds of address evidence
//     (postcode, street, city, country, contact).
//
// Never where the rest holds a legal form (the name goes on: "ROAD
// MACHINES, STREET FOOD LLC"), nor where nothing distinctive would be
// left before the cut ("ROAD MACHINES LLC" does not start an address at
// ROAD).

// addrTok is one raw word of a party cell, with its byte span.
type addrTok struct {
	a, b  int
	up    string // upper case, surrounding punctuation trimmed
	raw   string
	comma bool // a comma or semicolon follows before the next word
	nl    bool // a line break follows before the next word
	legal bool // part of a legal form
	quote bool // ends with a closing quote
}

// Kinds of address evidence.
const (
	evPost    = 1 << iota // postcode: 5 or 6 digits
	evStreet              // street, building or floor word
	evPrefix              // a marker that starts an address (УЛ., NO.8, P.O. BOX, MAH., Д. 12)
	evCity                // г., город, обл., район
	evCountry             // a country name ends the text
	evContact             // ATTN, TEL, EMAIL, tax ID label
	evHouse               // a house number (1 to 4 digits)
	evHan                 // a Chinese address character (路 号 市 省 区 …)
)

// SplitAddress returns the name and the address (with contact tails) a
// party cell carries after it; addr is "" when nothing is split off.
func SplitAddress(s string) (name, addr string) {
	if !mayHoldAddress(s) {
		return s, ""
	}
	if n, a, ok := splitHan(s); ok {
		return n, a
	}
	toks := addrTokens(s)
	if len(toks) < 2 {
		return s, ""
	}
	cut := -1 // index of the first token of the address
	// A contact tail is never part of a name.
	for i := 1; i < len(toks); i++ {
		if contactAt(toks, i) && distinctiveBefore(toks, i) {
			cut = i
			break
		}
	}
	end := len(toks)
	if cut > 0 {
		end = cut
	}
	// The address proper, before any contact tail.
	if c := addressCut(toks[:end]); c > 0 {
		cut = c
	}
	if cut <= 0 || insideBrackets(s[:toks[cut].a]) {
		return s, ""
	}
	name = strings.TrimRight(strings.TrimSpace(s[:toks[cut].a]), " ,;:-–—/\t\r\n")
	addr = strings.TrimSpace(s[toks[cut].a:])
	if name == "" || addr == "" {
		return s, ""
	}
	return name, addr
}

// insideBrackets reports an opening bracket not closed in s: a cut there
// would fall inside a second name ("(Military Unit 20924)").
func insideBrackets(s string) bool {
	return strings.Count(s, "(")+strings.Count(s, "[") > strings.Count(s, ")")+strings.Count(s, "]")
}

// mayHoldAddress is a quick test that keeps the common plain name cheap
// (Analyze runs on every name many times): an address brings digits, a
// line break, a contact sign, a Chinese address character, a street or
// city marker, or a country name at the end. A comma alone does not:
// "CO., LTD." has one.
func mayHoldAddress(s string) bool {
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r == '\n', r == '@', r == '+', r == ':':
			return true
		case r >= 0x3000 && strings.ContainsRune(hanAddressChars, r):
			return true
		}
	}
	for _, m := range quickMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	// "… FZE, DUBAI, UAE": a country at the end.
	f := strings.Fields(s)
	return len(f) >= 3 && countryWords(f[len(f)-min(3, len(f)-1):]) > 0
}

// quickMarkers are street and city markers an address may bring without
// a number ("ул. Ленина, г. Москва").
var quickMarkers = []string{"ул.", "УЛ.", "Ул.", "г.", "Г.", "пр-т", "ПР-Т", "UL.", "Ul.", "MAH.", "Mah.", "CAD.", "Cad.",
	"SOK.", "Sok.", "P.O", "PO BOX", "ATTN", "Attn", "EMAIL", "E-MAIL", "Email"}

// addrTokens splits s into words at spaces, commas and semicolons, and
// marks the words of legal forms.
func addrTokens(s string) []addrTok {
	var toks []addrTok
	start := -1
	flush := func(i int) {
		if start < 0 {
			return
		}
		raw := s[start:i]
		up := strings.ToUpper(strings.TrimFunc(raw, func(r rune) bool {
			return unicode.IsPunct(r) && r != '@' && r != '+' || unicode.IsSymbol(r) && r != '+'
		}))
		q := strings.HasSuffix(strings.TrimRight(raw, ",;:."), "»") || strings.HasSuffix(strings.TrimRight(raw, ",;:."), "”") ||
			strings.HasSuffix(strings.TrimRight(raw, ",;:."), "\"") && strings.Count(s[:i], "\"")%2 == 0
		toks = append(toks, addrTok{a: start, b: i, up: up, raw: raw, quote: q})
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			flush(i)
			if r == '\n' && len(toks) > 0 {
				toks[len(toks)-1].nl = true
			}
		case r == ',' || r == ';':
			flush(i)
			if len(toks) > 0 {
				toks[len(toks)-1].comma = true
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	markLegalWords(toks)
	return toks
}

// ambiguousForms are legal forms that are also country codes, address or
// plain words (KG Kyrgyzstan, AT, SA, PUBLIC): they neither end a name
// nor stop a cut.
var ambiguousForms = map[string]bool{
	"AD": true, "AT": true, "SA": true, "IP": true, "DP": true, "VAT": true, "PAT": true, "UG": true,
	"LP": true, "SAL": true, "SAE": true, "SAS": true, "KG": true, "AG": true, "NV": true, "BV": true,
	"PUBLIC": true, "PRIVATE": true, "CO": true, "COMPANY": true, "ГП": true, "ДП": true, "ПП": true,
}

// markLegalWords marks the words that belong to a legal form, as the
// legal index reads them.
func markLegalWords(toks []addrTok) {
	keys := make([]string, 0, len(toks))
	of := make([]int, 0, len(toks)) // word index of each key
	for i, t := range toks {
		for _, p := range Tokens(t.raw) {
			keys = append(keys, legalKey(p))
			of = append(of, i)
		}
	}
	isLegal := make([]bool, len(keys))
	for k := 0; k < len(keys); k++ {
		n, _ := legal.matchAt(keys, k, len(keys))
		if n == 0 {
			continue
		}
		if n == 1 && ambiguousForms[toks[of[k]].up] {
			continue
		}
		for j := k; j < k+n; j++ {
			isLegal[j] = true
		}
		k += n - 1
	}
	// A word is a legal form's when all of it is: the IN of
	// COMMANDER-IN-CHIEF is not.
	for i := range toks {
		toks[i].legal = false
	}
	for k, i := range of {
		toks[i].legal = isLegal[k] && (k == 0 || of[k-1] != i || toks[i].legal)
	}
}

// addressCut is the index of the word that starts the address of toks,
// or -1.
func addressCut(toks []addrTok) int {
	// A line break after the name.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].nl && distinctiveBefore(toks, i+1) && !hasLegal(toks[i+1:]) && anchoredAddress(toks[i+1:]) {
			return i + 1
		}
	}
	// After a legal form or a closing quote.
	for i := 0; i+1 < len(toks); i++ {
		anchor := toks[i].legal && !toks[i+1].legal || toks[i].quote
		if !anchor || !distinctiveBefore(toks, i+1) || hasLegal(toks[i+1:]) {
			continue
		}
		if anchoredAddress(toks[i+1:]) {
			return i + 1
		}
	}
	// At a comma, or where a postcode or marker starts.
	for i := 1; i < len(toks); i++ {
		ev := evidence(toks[i:])
		here := evidenceOf(toks, i)
		// A number sign starts no address ("ZAVOD NO. 9" is a name), nor
		// does a bare number unless a street follows ("12 LENINA ST").
		starts := toks[i-1].comma || here&evPost != 0 ||
			here&evPrefix != 0 && !numberSign(toks[i].up) ||
			here&evHouse != 0 && ev&(evStreet|evPrefix) != 0
		if !starts || !distinctiveBefore(toks, i) || hasLegal(toks[i:]) {
			continue
		}
		if kinds(ev&^evHouse) >= 2 {
			return i
		}
	}
	return -1
}

// anchoredAddress reports whether the words after a legal form read as an
// address: one sure sign, or a street word with a number or a country,
// or a country after other words.
func anchoredAddress(tail []addrTok) bool {
	ev := evidence(tail)
	switch {
	case ev&(evPost|evPrefix|evCity|evContact|evHan) != 0:
		return true
	case ev&evStreet != 0 && ev&(evHouse|evCountry) != 0:
		return true
	case ev&evCountry != 0:
		// A country alone is weak: "… «Snegiri» of the Office of the
		// President of the Russian Federation" ends in one too. It counts
		// after a comma or line break, with other words before it.
		return len(tail) > countryWords(tailUps(tail)) && !functionWords[tail[0].up] && separated(tail)
	}
	return false
}

// separated reports a comma or line break between the words: an address
// is a list of parts.
func separated(toks []addrTok) bool {
	for _, t := range toks[:len(toks)-1] {
		if t.comma || t.nl {
			return true
		}
	}
	return false
}

// functionWords continue a name ("… of the Ministry", "при …"), never
// start an address.
var functionWords = setOf("OF", "THE", "AND", "FOR", "IN", "ON", "AT", "DE", "DEL", "DU", "DER", "DES", "DI", "VE",
	"ПРИ", "И", "ПО", "ДЛЯ", "&")

func tailUps(toks []addrTok) []string {
	n := min(3, len(toks))
	out := make([]string, n)
	for i := range n {
		out[i] = toks[len(toks)-n+i].up
	}
	return out
}

func kinds(ev int) int {
	n := 0
	for ; ev != 0; ev &= ev - 1 {
		n++
	}
	return n
}

func hasLegal(toks []addrTok) bool {
	for _, t := range toks {
		if t.legal {
			return true
		}
	}
	return false
}

// distinctiveBefore reports whether the words before word i hold a name:
// a word of two letters or more that is no legal form.
func distinctiveBefore(toks []addrTok, i int) bool {
	for _, t := range toks[:i] {
		if t.legal || utf8.RuneCountInString(t.up) < 2 {
			continue
		}
		for _, r := range t.up {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// hanCompanyEnds end a Chinese firm's name.
var hanCompanyEnds = []string{"有限责任公司", "有限責任公司", "股份有限公司", "有限公司", "公司"}

// splitHan cuts a Chinese name after its company ending when an address
// in Chinese follows: "深圳天鹰无人机配件有限公司 深圳市南山区科技路8号".
func splitHan(s string) (name, addr string, ok bool) {
	best := -1
	for _, e := range hanCompanyEnds {
		if i := strings.Index(s, e); i > 0 && (best < 0 || i+len(e) < best) {
			best = i + len(e)
		}
	}
	if best < 0 || best >= len(s) {
		return "", "", false
	}
	tail := strings.TrimLeft(s[best:], " ,;:，、\t\r\n")
	if tail == "" || strings.Contains(tail, "公司") || !strings.ContainsAny(tail, hanAddressChars) {
		return "", "", false
	}
	// The tail must be Chinese: a Latin reading after the Chinese name
	// ("… 有限公司 SHENZHEN TIANYING …") is the name again.
	if r, _ := utf8.DecodeRuneInString(tail); !isHan(r) {
		return "", "", false
	}
	return strings.TrimSpace(s[:best]), tail, true
}

// contactAt reports whether a contact tail starts at word i.
func contactAt(toks []addrTok, i int) bool { return evidenceOf(toks, i) == evContact }

// AddressNote says that the name was matched without the address written
// after it, and gives the address; "" when the name carried none.
func (n *Name) AddressNote() string {
	if n == nil || n.Address == "" {
		return ""
	}
	return "address split off, matched as “" + n.Clean + "” (address: " + oneLine(n.Address) + ")"
}

// oneLine joins the lines of a multi-line cell with ", ".
func oneLine(s string) string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimRight(strings.TrimSpace(lines[i]), ",;")
	}
	return strings.Join(lines, ", ")
}
