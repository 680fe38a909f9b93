package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tradecheck/reconcile/match"
)

// Set (c): customs-style spellings of sanctioned Russian, Turkish, UAE and
// Chinese firms, written the ways real customs records spell them:
// combining marks, legal forms in other transliteration schemes (Polish,
// Czech, French, German, ad hoc), a space dropped or added, other
// transliteration schemes for the whole name, slips in long words and cuts
// at 35 characters. Like variants.go, the generator is written without
// reconcile/names' tables.
//
// The firms are split in two halves by a hash of their group: rules are
// tuned on the first ("tune") and the second ("held-out") is only
// measured, so a rule that fits the tune half's examples and not the class
// shows up as a gap between the two.

// More schemes for Russian Cyrillic, lower case (see schemes in variants.go).
var moreSchemes = map[string]map[rune]string{
	"polish": {
		'а': "a", 'б': "b", 'в': "w", 'г': "g", 'д': "d", 'е': "e", 'ё': "io", 'ж': "ż", 'з': "z", 'и': "i",
		'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "ch", 'ц': "c", 'ч': "cz", 'ш': "sz", 'щ': "szcz", 'ъ': "", 'ы': "y",
		'ь': "", 'э': "e", 'ю': "ju", 'я': "ja", 'і': "i", 'є': "je", 'ї': "ji", 'ґ': "g", 'ў': "u",
	},
	"czech": {
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "jo", 'ж': "ž", 'з': "z", 'и': "i",
		'й': "j", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "ch", 'ц': "c", 'ч': "č", 'ш': "š", 'щ': "šč", 'ъ': "", 'ы': "y",
		'ь': "", 'э': "e", 'ю': "ju", 'я': "ja", 'і': "i", 'є': "je", 'ї': "ji", 'ґ': "g", 'ў': "u",
	},
	"french": {
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "io", 'ж': "j", 'з': "z", 'и': "i",
		'й': "ï", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "ou", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "tch", 'ш': "ch", 'щ': "chtch", 'ъ': "", 'ы': "y",
		'ь': "", 'э': "e", 'ю': "iou", 'я': "ia", 'і': "i", 'є': "ie", 'ї': "ii", 'ґ': "g", 'ў': "ou",
	},
	// Customs clerks' own mix: c for ц, sch for щ, h for х, ie/ye for ые.
	"clerk": {
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "j", 'з': "z", 'и': "i",
		'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
		'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "ch", 'ш': "sh", 'щ': "sch", 'ъ': "", 'ы': "i",
		'ь': "", 'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'є': "e", 'ї': "i", 'ґ': "g", 'ў': "u",
	},
}

var moreSchemeNames = []string{"polish", "czech", "french", "clerk", "german", "gost"}

func translitWith(s, scheme string) string {
	tbl := moreSchemes[scheme]
	if tbl == nil {
		tbl = schemes[scheme]
	}
	var b strings.Builder
	for _, r := range s {
		lr := unicode.ToLower(r)
		lat, ok := tbl[lr]
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

// Russian legal forms, short and full, as the generator writes them.
var ruForms = [][2]string{
	{"ООО", "Общество с ограниченной ответственностью"},
	{"АО", "Акционерное общество"},
	{"ПАО", "Публичное акционерное общество"},
	{"ЗАО", "Закрытое акционерное общество"},
	{"ОАО", "Открытое акционерное общество"},
	{"ФГУП", "Федеральное государственное унитарное предприятие"},
}

// ruFormRe finds a Russian legal form at the start of a name, short or
// full, in Cyrillic or the usual Latin spellings, with its index in ruForms.
var ruFormRe = regexp.MustCompile(`(?i)^\s*(ООО|OOO|LLC|АО|AO|JSC|ПАО|PAO|PJSC|ЗАО|ZAO|CJSC|ОАО|OAO|OJSC|ФГУП|FGUP|FSUE|Общество с ограниченной ответственностью|Limited Liability Company|Акционерное общество|Joint[- ]Stock Company)\b[\s,]*`)

var ruFormIdx = map[string]int{
	"ооо": 0, "ooo": 0, "llc": 0, "общество с ограниченной ответственностью": 0, "limited liability company": 0,
	"ао": 1, "ao": 1, "jsc": 1, "акционерное общество": 1, "joint stock company": 1, "joint-stock company": 1,
	"пао": 2, "pao": 2, "pjsc": 2, "зао": 3, "zao": 3, "cjsc": 3, "оао": 4, "oao": 4, "ojsc": 4,
	"фгуп": 5, "fgup": 5, "fsue": 5,
}

var firmRe = regexp.MustCompile(`(?i)(ООО|ОАО|ЗАО|ПАО|\bАО\b|\bOOO\b|\bLLC\b|\bJSC\b|\bPJSC\b|\bAO\b|\bZAO\b|\bOAO\b|FGUP|ŞTİ|STI\b|A\.Ş|\bFZE\b|FZCO|\bFZC\b|DMCC|L\.L\.C|CO\.,? ?LTD|COMPANY LIMITED|SANAYI|TICARET)`)

// trFormRe finds a Turkish legal form written in ASCII at the end of a name.
var trFormRe = regexp.MustCompile(`(?i)[\s,]+(LTD\.? ?STI\.?|LIMITED SIRKETI|A\.S\.?|ANONIM SIRKETI)\s*$`)

var trForms = []string{"LTD. ŞTİ.", "Ltd. Şti̇.", "Limited Şirketi", "A.Ş.", "ANONİM ŞİRKETİ", "Anoni̇m Şi̇rketi̇"}

// customsItems picks the firms and writes perName spellings of each real
// name. half is 0 for the tune half, 1 for the held-out one.
func customsItems(rows []alias, half, perName int, rng *rand.Rand) []item {
	var out []item
	picked := map[string]bool{}
	for _, a := range rows {
		if a.source == "patstat_leuven" || groupHalf(a.group) != half {
			continue
		}
		if a.script != "Latin" && a.script != "Cyrillic" && a.script != "Mixed" {
			continue
		}
		if !firmRe.MatchString(a.name) {
			continue
		}
		picked[a.group] = true
	}
	for _, a := range rows {
		if picked[a.group] {
			out = append(out, item{name: a.name, group: a.group, family: a.group + "\x1f" + a.name, kind: "real"})
		}
	}
	for _, a := range rows {
		if !picked[a.group] || !firmRe.MatchString(a.name) || (a.script != "Latin" && a.script != "Cyrillic" && a.script != "Mixed") {
			continue
		}
		fam := a.group + "\x1f" + a.name
		seen := map[string]bool{a.name: true}
		for k := 0; k < perName; k++ {
			v, kind, ok := customsSpelling(a.name, rng)
			if !ok || seen[v] {
				continue
			}
			seen[v] = true
			out = append(out, item{name: v, group: a.group, family: fam, kind: kind})
		}
	}
	return out
}

func groupHalf(g string) int {
	h := fnv.New32a()
	h.Write([]byte(g))
	return int(h.Sum32() % 2)
}

var customsKinds = []string{"combining", "legal-scheme", "space", "translit-scheme", "typo-long", "cut35"}

// customsSpelling writes one spelling of a name of one kind; ok=false when
// the kind drawn does not apply to the name.
func customsSpelling(name string, rng *rand.Rand) (string, string, bool) {
	kind := customsKinds[rng.IntN(len(customsKinds))]
	v := name
	cyr := hasCyrillic(v)
	latin := func(s string) string {
		if hasCyrillic(s) {
			return translitWith(s, moreSchemeNames[rng.IntN(len(moreSchemeNames))])
		}
		return s
	}
	switch kind {
	case "combining":
		// Turkish capitals lower-cased the Unicode way (İ -> i + U+0307)
		// and everything decomposed, as some exports write it.
		if loc := trFormRe.FindStringSubmatchIndex(v); loc != nil {
			// An ASCII Turkish legal form written properly, same kind.
			forms := trForms[:3]
			if f := strings.ToUpper(v[loc[2]:loc[3]]); strings.HasPrefix(f, "A") {
				forms = trForms[3:]
			}
			v = strings.TrimSpace(v[:loc[0]]) + " " + forms[rng.IntN(len(forms))]
		} else if !strings.ContainsAny(v, "İŞşĞğÇçÖöÜüı") {
			return "", "", false
		}
		v = strings.ReplaceAll(v, "İ", "i\u0307")
		if rng.IntN(2) == 0 {
			v = strings.ToUpper(v)
		}
		v = norm.NFD.String(v)
	case "legal-scheme":
		loc := ruFormRe.FindStringSubmatchIndex(v)
		if loc == nil {
			return "", "", false
		}
		fi := ruFormIdx[strings.ToLower(strings.Join(strings.Fields(v[loc[2]:loc[3]]), " "))]
		rest := latin(strings.TrimSpace(v[loc[1]:]))
		sc := moreSchemeNames[rng.IntN(len(moreSchemeNames))]
		form := ruForms[fi][rng.IntN(2)]
		v = translitWith(form, sc) + " " + rest
		kind += "-" + sc
	case "space":
		v = latin(v)
		words := strings.Fields(v)
		var spots []int
		for i, w := range words {
			if utf8.RuneCountInString(w) >= 8 {
				spots = append(spots, i)
			}
		}
		if rng.IntN(2) == 0 && len(words) >= 3 {
			// Drop a space between two words that are not the legal form.
			i := 1 + rng.IntN(len(words)-2)
			words[i] += words[i+1]
			words = append(words[:i+1], words[i+2:]...)
		} else if len(spots) > 0 {
			i := spots[rng.IntN(len(spots))]
			r := []rune(words[i])
			cut := 3 + rng.IntN(len(r)-5)
			words[i] = string(r[:cut]) + " " + string(r[cut:])
		} else {
			return "", "", false
		}
		v = strings.Join(words, " ")
	case "translit-scheme":
		if !cyr {
			return "", "", false
		}
		sc := moreSchemeNames[rng.IntN(len(moreSchemeNames))]
		v = translitWith(v, sc)
		kind += "-" + sc
	case "typo-long":
		v = latin(v)
		var ok bool
		v, ok = longTypo(v, rng)
		if !ok {
			return "", "", false
		}
	case "cut35":
		v = latin(v)
		if utf8.RuneCountInString(v) <= 37 {
			return "", "", false
		}
		v = truncate(v, 35)
	}
	if rng.IntN(2) == 0 {
		v = strings.ToUpper(v)
	}
	return v, kind, v != name
}

// longTypo makes one slip inside a word of eight letters or more.
func longTypo(s string, rng *rand.Rand) (string, bool) {
	words := strings.Fields(s)
	var spots []int
	for i, w := range words {
		if utf8.RuneCountInString(w) >= 8 {
			spots = append(spots, i)
		}
	}
	if len(spots) == 0 {
		return s, false
	}
	i := spots[rng.IntN(len(spots))]
	w, ok := typo(words[i], rng)
	if !ok {
		return s, false
	}
	words[i] = w
	return strings.Join(words, " "), true
}

// customsEval runs set (c) on both halves and prints pairwise figures.
func customsEval(rows []alias, twins, coreTwins map[string]string, seed uint64, opt match.Options, w io.Writer, show int) {
	for half, label := range []string{"tune", "held-out"} {
		rng := rand.New(rand.NewPCG(seed, 0xc057+uint64(half)))
		items := customsItems(rows, half, 5, rng)
		for i := range items {
			items[i].twin = twins[items[i].group]
			items[i].coreTwin = coreTwins[items[i].group]
		}
		fams := map[string]bool{}
		for _, it := range items {
			fams[it.group] = true
		}
		fmt.Fprintf(w, "\n(c) customs spellings, %s half: %d names of %d firms\n", label, len(items), len(fams))
		missedLabel = label
		evaluate(items, opt, w, show)
		missedLabel = ""
	}
}

// reviewRecall is the share of true pairs that ended in one entity or in
// two entities with a pair in review: what the user sees either way.
func reviewRecall(items []item, res *match.Result) float64 {
	var ok, all int
	eachTruePair(items, res, func(_, _ int, seen bool) {
		all++
		if seen {
			ok++
		}
	})
	return safeDiv(float64(ok), float64(all))
}

// eachTruePair calls fn for every pair of items of one firm (family), with
// seen true when the pair ended in one entity or in two entities with a
// pair in review.
func eachTruePair(items []item, res *match.Result, fn func(i, j int, seen bool)) {
	inReview := map[[2]int]bool{}
	for _, p := range res.Review {
		a, b := res.EntityOf[p.A], res.EntityOf[p.B]
		inReview[[2]int{min(a, b), max(a, b)}] = true
	}
	byFam := map[string][]int{}
	for i, it := range items {
		byFam[it.family] = append(byFam[it.family], i)
	}
	for _, ms := range byFam {
		for x := 0; x < len(ms); x++ {
			for y := x + 1; y < len(ms); y++ {
				i, j := ms[x], ms[y]
				a, b := res.EntityOf[i], res.EntityOf[j]
				fn(i, j, a == b || inReview[[2]int{min(a, b), max(a, b)}])
			}
		}
	}
}
