package names

import "strings"

// genericWords are words that many unrelated firms share. They count for
// little when scoring and a name made only of them (with or without a
// legal form) never matches on them. Written naturally; compiled to keys.
var genericWords = []string{
	// English
	"trading", "trade", "traders", "group", "international", "intl", "company", "holding", "holdings",
	"industrial", "industry", "industries", "import", "export", "impex", "exim", "factory", "plant",
	"technology", "technologies", "tech", "techno", "service", "services", "logistics", "enterprise",
	"enterprises", "general", "global", "investment", "investments", "invest", "development", "science",
	"scientific", "production", "manufacturing", "manufacture", "research", "institute", "center", "centre",
	"state", "federal", "national", "new", "the", "of", "and", "for", "in", "on", "at", "by", "to", "a",
	"shipping", "marine", "energy", "engineering", "systems", "system", "solutions", "products", "product",
	"commercial", "commerce", "management", "partners", "association", "union", "organization",
	"organisation", "foundation", "network", "agency", "bureau", "office", "branch", "representative",
	"world", "worldwide", "overseas", "resources", "supply", "supplies", "equipment", "materials",
	"unitary", "budgetary", "institution", "public", "private", "joint", "stock", "venture", "firm",
	"design", "instrumentation", "construction", "building", "electronics", "electronic", "chemical", "chemicals",
	"machinery", "machine", "works", "mill", "scientific-production", "complex", "republican",
	"municipal", "russian", "russia", "ukrainian", "china", "chinese", "hong", "kong", "shenzhen",
	"dubai", "uae", "turkey", "moscow", "co", "corp", "ltd", "llc", "plc",
	// Russian and Ukrainian, transliterated
	"zavod", "kompaniya", "gruppa", "torgovyy", "torgovy", "dom", "nauchno", "proizvodstvennoe",
	"proizvodstvennaya", "predpriyatie", "obedinenie", "ob'edinenie", "tsentr", "institut", "kombinat",
	"fabrika", "tekhnologii", "servis", "logistik", "invest", "holding", "kholding", "rossiyskiy",
	"rossiyskaya", "federalnyy", "gosudarstvennyy", "nauchnyy", "issledovatelskiy", "konstruktorskoe",
	"byuro", "otkrytoe", "zakrytoe", "uchrezhdenie", "ooo", "oao", "zao", "pao", "ao", "imeni", "im",
	"i", "s", "v", "na", "po", "dlya", "z", "ta", "federalnoe", "gosudarstvennoe", "kazennoe", "nauchnoe",
	"byudzhetnoe", "obrazovatelnoe", "uchrezhdenie", "predpriyatie", "unitarnoe", "respubliki", "respublika",
	"proizvodstvenny", "kompleks", "tekhnologicheskiy", "issledovatelskiy", "natsionalnyy", "kommercheskiy",
	"zavod", "ob'edinenie", "proektnyy", "konstruktorskoe", "aviatsionnyy", "mashinostroitelnyy",
	"elektronnyy", "priborostroitelnyy", "instrumentalnyy", "khimicheskiy", "tsentralnyy", "akademii", "nauk",
	"rossiyskoy", "rossiyskoi", "federatsii", "imeni", "branch", "academy", "sciences", "federation",
	"kontsern", "konzern", "concern", "vserossiyskiy", "all-russian", "spetsialnoe", "filial",
	// Turkish
	"sanayi", "san", "ticaret", "tic", "ve", "dis", "ithalat", "ihracat", "ic", "insaat", "pazarlama",
	"gida", "tekstil", "otomotiv", "makina", "limited", "sirketi", "sti",
	// other
	"de", "la", "del", "des", "du", "et", "y", "e", "da", "do", "und", "fur", "gmbh", "sa", "srl",
}

var genericKeys, genericStems = func() (map[string]bool, map[string]string) {
	m := make(map[string]bool, len(genericWords))
	st := map[string]string{}
	for _, w := range genericWords {
		for _, t := range Tokens(w) {
			k := Key(t)
			m[k] = true
			if len(k) >= 9 {
				// Long words are inflected (gosudarstvennoe/-nyy/-noy):
				// match them without their last three letters. The
				// letters that follow the stem are kept (compoundTail).
				s := k[:len(k)-3]
				if !strings.Contains(st[s], k[len(s):len(s)+1]) {
					st[s] += k[len(s) : len(s)+1]
				}
			}
		}
	}
	return m, st
}()

// IsGeneric reports whether a token key is a generic word.
func IsGeneric(key string) bool {
	if genericKeys[key] {
		return true
	}
	// A stem plus an ending of at most four letters, unless they look
	// like a compound (compoundTail).
	for cut := 6; cut <= len(key) && cut <= 30; cut++ {
		if len(key)-cut > 4 {
			continue
		}
		if next, ok := genericStems[key[:cut]]; ok && !compoundTail(key, cut, next) {
			return true
		}
	}
	return false
}

// compoundTail reports whether key, read as a generic stem of cut letters
// and an ending, is rather a compound: a stem that ends in a vowel, then
// four letters that start with a consonant no generic word has after
// that stem (next). ELEKTRO, the stem of ELECTRONIC, and SILA, STAL, TIGA
// (ELEKTROSILA, ELEKTROSTAL, a slip in ELEKTROTYAGA) name a firm, not its
// trade; MASHINOSTROITE-LNOE is an inflection, the L is the generic
// word's own.
func compoundTail(key string, cut int, next string) bool {
	return len(key)-cut == 4 && isVowel(key[cut-1]) && isConsonant(key[cut]) && !strings.Contains(next, key[cut:cut+1])
}

// genericPrefix reports whether key is the start of a generic word, as the
// last word of a name cut at a field width often is ("RESE" of
// RESEARCH, "PREDPRI" of PREDPRIYATIE).
func genericPrefix(key string) bool {
	if IsGeneric(key) {
		return true
	}
	if len(key) < 2 {
		return false
	}
	for g := range genericKeys {
		if strings.HasPrefix(g, key) {
			return true
		}
	}
	for g := range genericStems {
		if strings.HasPrefix(g, key) || strings.HasPrefix(key, g) {
			return true
		}
	}
	return false
}

// abbreviations are written short and long in the same firm's names:
// Turkish "San. ve Tic." for "Sanayi ve Ticaret" above all; and English
// words that Russian names borrow come back from transliteration spelt
// another way (SERVIS/SERVICE). Keys of the short or borrowed forms map to
// keys of the long or English ones.
var abbreviations = func() map[string]string {
	pairs := [][2]string{
		{"san", "sanayi"}, {"tic", "ticaret"}, {"ith", "ithalat"}, {"ihr", "ihracat"}, {"paz", "pazarlama"},
		{"intl", "international"}, {"int'l", "international"}, {"mfg", "manufacturing"}, {"bros", "brothers"},
		{"eng", "engineering"}, {"svc", "services"}, {"dept", "department"},
		// Short forms of generic words that vendor feeds write to fit a
		// column ("GEN. TRADING", "ENGG SVCS"); each stands for one word
		// only in company names. TECH, ELEC and IND are left out: they
		// stand for several words (technical/technology, electric/
		// electronics, industrial/industries/India).
		{"gen", "general"}, {"genl", "general"}, {"trdg", "trading"}, {"internat", "international"},
		{"inds", "industries"}, {"equip", "equipment"}, {"svcs", "services"}, {"engg", "engineering"},
		// English words that Russian names borrow, as transliterated back
		// (СЕРВИС, ТРЕЙД, ГРУПП): the firm writes the English word.
		{"servis", "service"}, {"servise", "service"}, {"treyd", "trade"}, {"treid", "trade"},
		{"grupp", "group"}, {"logistik", "logistics"}, {"konsalting", "consulting"},
	}
	m := map[string]string{}
	for _, p := range pairs {
		m[Key(p[0])] = Key(p[1])
		longWords[Key(p[0])] = strings.ToUpper(p[1])
	}
	return m
}()

// longWords holds the long word each short form's key stands for, as
// written, so a merge can say what it read: "GEN = GENERAL".
var longWords = map[string]string{}

// SpelledOut lists the short forms in the name that were read as the long
// word ("GEN = GENERAL"), for the reason of a merge that rests on them.
func (n *Name) SpelledOut() []string {
	var out []string
	for i, t := range n.Tokens {
		if i < len(n.Legal) && n.Legal[i] {
			continue
		}
		if long, ok := longWords[Key(t)]; ok && !strings.EqualFold(t, long) {
			out = append(out, strings.ToUpper(t)+" = "+long)
		}
	}
	return out
}

// abbreviated reports whether a token is a short form the abbreviations
// table spells out ("san", "tic"): its key is the long word's.
func abbreviated(tok string) bool {
	_, ok := abbreviations[Key(tok)]
	return ok
}

// genericShort holds the acronym keys (legalKey) of the short generic
// words: a short word is generic when it is spelt as one ("SAN", "CO"),
// not when it only folds to one (LKCK folds to the key of LLC).
var genericShort = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range genericWords {
		for _, t := range Tokens(w) {
			if len(t) <= shortCore {
				m[legalKey(t)] = true
			}
		}
	}
	return m
}()

// shortGeneric reports whether a short token is spelt as a generic word.
func shortGeneric(tok string) bool { return genericShort[legalKey(tok)] }
