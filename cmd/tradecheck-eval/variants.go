package main

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The variant generator is written independently of reconcile/names (its
// own transliteration tables and legal-form list), so the evaluation does
// not just replay the matcher's own rules.

// Transliteration schemes for Russian Cyrillic, lower case.
var schemes = map[string]map[rune]string{
	"gost": { // GOST 7.79-2000 system B
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
		'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "x", 'ц': "cz", 'ч': "ch", 'ш': "sh", 'щ': "shh", 'ъ': "''", 'ы': "y'",
		'ь': "'", 'э': "e'", 'ю': "yu", 'я': "ya", 'і': "i", 'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "u",
	},
	"bgn": { // BGN/PCGN 1947
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
		'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "\"", 'ы': "y",
		'ь': "'", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "w",
	},
	"icao": { // ICAO Doc 9303 (Russian passports since 2013)
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
		'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "ie", 'ы': "y",
		'ь': "", 'э': "e", 'ю': "iu", 'я': "ia", 'і': "i", 'є': "ie", 'ї': "i", 'ґ': "g", 'ў': "u",
	},
	"german": { // Duden-style
		'а': "a", 'б': "b", 'в': "w", 'г': "g", 'д': "d", 'е': "e", 'ё': "jo", 'ж': "sh", 'з': "s", 'и': "i",
		'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "ch", 'ц': "z", 'ч': "tsch", 'ш': "sch", 'щ': "schtsch", 'ъ': "", 'ы': "y",
		'ь': "", 'э': "e", 'ю': "ju", 'я': "ja", 'і': "i", 'є': "je", 'ї': "ji", 'ґ': "g", 'ў': "u",
	},
}

// adhoc lists spellings customs clerks and vendors use, picked per letter.
var adhoc = map[rune][]string{
	'х': {"kh", "h", "kh"}, 'ц': {"ts", "c", "tz"}, 'щ': {"sch", "shch", "sh"}, 'я': {"ya", "ia", "ja"},
	'ю': {"yu", "iu", "ju"}, 'й': {"y", "i", "j"}, 'ё': {"e", "yo"}, 'ж': {"zh", "j"}, 'ы': {"y", "i"},
	'ь': {"", "'"}, 'ъ': {""}, 'в': {"v", "v", "w"}, 'э': {"e"},
}

var schemeNames = []string{"gost", "bgn", "icao", "german", "adhoc"}

func transliterate(s, scheme string, rng *rand.Rand) string {
	var b strings.Builder
	tbl := schemes[scheme]
	for _, r := range s {
		lr := unicode.ToLower(r)
		var lat string
		var ok bool
		if scheme == "adhoc" {
			if alts, found := adhoc[lr]; found {
				lat, ok = alts[rng.IntN(len(alts))], true
			} else {
				lat, ok = schemes["bgn"][lr]
			}
		} else {
			lat, ok = tbl[lr]
		}
		if !ok {
			b.WriteRune(r)
			continue
		}
		if lr != r && lat != "" {
			f, sz := utf8.DecodeRuneInString(lat)
			b.WriteRune(unicode.ToUpper(f))
			b.WriteString(lat[sz:])
		} else {
			b.WriteString(lat)
		}
	}
	return b.String()
}

// Legal-form equivalents, each list one class; the first of each list is
// the short Latin form.
var legalVariants = [][]string{
	{"LLC", "OOO", "ООО", "Limited Liability Company", "Obshchestvo s ogranichennoy otvetstvennostyu", "L.L.C.", "Ltd", "Общество с ограниченной ответственностью"},
	{"JSC", "AO", "АО", "Joint Stock Company", "Joint-Stock Company", "Aktsionernoe obshchestvo", "Акционерное общество"},
	{"PJSC", "PAO", "ПАО", "Public Joint Stock Company", "Публичное акционерное общество", "JSC"},
	{"CJSC", "ZAO", "ЗАО", "Closed Joint Stock Company", "JSC", "AO"},
	{"OJSC", "OAO", "ОАО", "Open Joint Stock Company", "JSC", "PJSC"},
	{"CO., LTD.", "Co Ltd", "Company Limited", "CO.,LTD", "Co. Limited", "LIMITED", "LTD"},
	{"LTD. ŞTİ.", "Ltd. Sti.", "Limited Şirketi", "LTD STI", "Limited Sirketi"},
	{"A.Ş.", "AS", "Anonim Şirketi", "A.S.", "Anonim Sirketi"},
	{"FZE", "F.Z.E.", "Free Zone Establishment"},
	{"FZCO", "FZC", "Free Zone Company"},
	{"FZ-LLC", "FZ LLC", "FZLLC"},
	{"GmbH", "G.m.b.H.", "GMBH"},
	{"B.V.", "BV", "B. V."},
	{"S.A.", "SA", "S. A."},
	{"INC", "Inc.", "Incorporated"},
	{"CORP", "Corporation", "Corp."},
}

var legalRe []*regexp.Regexp // per class: matches a form at the start or end

func init() {
	for _, forms := range legalVariants {
		var alts []string
		for _, f := range forms {
			alts = append(alts, regexp.QuoteMeta(f))
		}
		alt := strings.Join(alts, "|")
		legalRe = append(legalRe, regexp.MustCompile(`(?i)^\s*(?:`+alt+`)[\s,]+|[\s,]+(?:`+alt+`)\.?\s*$`))
	}
}

// swapLegal replaces a legal form at the start or end of s by another of
// its class, at the start or the end; ok=false when s has none.
func swapLegal(s string, rng *rand.Rand) (string, bool) {
	for ci, re := range legalRe {
		loc := re.FindStringIndex(s)
		if loc == nil {
			continue
		}
		rest := strings.TrimSpace(s[:loc[0]] + " " + s[loc[1]:])
		forms := legalVariants[ci]
		f := forms[rng.IntN(len(forms))]
		if rng.IntN(2) == 0 {
			return f + " " + rest, true
		}
		return rest + " " + f, true
	}
	return s, false
}

// quotesRe finds quoted parts.
var quotesRe = regexp.MustCompile(`[«»"“”„‘’']`)

func requote(s string, rng *rand.Rand) string {
	s = quotesRe.ReplaceAllString(s, "")
	styles := [][2]string{{"«", "»"}, {"\"", "\""}, {"'", "'"}, {"“", "”"}, {"", ""}}
	st := styles[rng.IntN(len(styles))]
	// Quote the part after a leading legal form, if any, else the whole name.
	for ci, re := range legalRe {
		_ = ci
		if loc := re.FindStringIndex(s); loc != nil && loc[0] == 0 {
			return strings.TrimSpace(s[:loc[1]]) + " " + st[0] + strings.TrimSpace(s[loc[1]:]) + st[1]
		}
	}
	return st[0] + s + st[1]
}

func recase(s string, rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return strings.ToUpper(s)
	case 1:
		return strings.ToLower(s)
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, sz := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[sz:]
	}
	return strings.Join(words, " ")
}

func glueINN(s, inn string, rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return inn + " " + s
	case 1:
		return "ИНН " + inn + " " + s
	}
	return s + ", INN " + inn
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n]), " ")
}

// typo makes one random edit inside a letter of a word of at least five
// letters: substitution by a neighbouring letter, deletion, doubling or a
// swap of two adjacent letters.
func typo(s string, rng *rand.Rand) (string, bool) {
	r := []rune(s)
	var spots []int
	run := 0
	for i, c := range r {
		if unicode.IsLetter(c) {
			run++
			if run >= 3 && i+2 < len(r) && unicode.IsLetter(r[i+1]) && unicode.IsLetter(r[i+2]) {
				spots = append(spots, i)
			}
		} else {
			run = 0
		}
	}
	if len(spots) == 0 {
		return s, false
	}
	i := spots[rng.IntN(len(spots))]
	switch rng.IntN(4) {
	case 0: // substitution
		c := r[i]
		nc := c + 1
		if !unicode.IsLetter(nc) {
			nc = c - 1
		}
		r[i] = nc
	case 1: // deletion
		r = append(r[:i], r[i+1:]...)
	case 2: // doubling
		r = append(r[:i+1], r[i:]...)
	default: // transposition
		r[i], r[i+1] = r[i+1], r[i]
	}
	return string(r), true
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// makeVariants returns the real names (kind "real") followed by perName
// customs-style variants of each Latin or Cyrillic one. A variant is the
// real name, transliterated when it is Cyrillic (most of the time, as
// customs exports are), then changed in one more way, sometimes re-cased.
func makeVariants(rows []alias, perName int, rng *rand.Rand) []item {
	var out []item
	for _, a := range rows {
		out = append(out, item{name: a.name, group: a.group, family: a.group + "\x1f" + a.name, kind: "real"})
	}
	for _, a := range rows {
		if a.script != "Latin" && a.script != "Cyrillic" && a.script != "Mixed" {
			continue
		}
		fam := a.group + "\x1f" + a.name
		seen := map[string]bool{a.name: true}
		for k := 0; k < perName; k++ {
			v, kind := a.name, ""
			if hasCyrillic(v) && rng.IntN(10) < 7 {
				sc := schemeNames[rng.IntN(len(schemeNames))]
				v = transliterate(v, sc, rng)
				kind = "translit-" + sc + "+"
			}
			ops := []string{"legal", "quotes", "case", "inn", "trunc35", "typo"}
			op := ops[rng.IntN(len(ops))]
			ok := true
			switch op {
			case "legal":
				v, ok = swapLegal(v, rng)
			case "quotes":
				v = requote(v, rng)
			case "case":
				v = recase(v, rng)
			case "inn":
				if a.inn == "" {
					ok = false
				} else {
					v = glueINN(v, a.inn, rng)
				}
			case "trunc35":
				if len([]rune(v)) <= 35 {
					ok = false
				} else {
					v = truncate(v, 35)
				}
			case "typo":
				v, ok = typo(v, rng)
			}
			if !ok {
				op = "case"
				v = recase(v, rng)
			}
			kind += op
			if rng.IntN(3) == 0 && op != "case" {
				v = strings.ToUpper(v)
			}
			if seen[v] {
				continue
			}
			seen[v] = true
			out = append(out, item{name: v, group: a.group, family: fam, kind: kind})
		}
	}
	return out
}
