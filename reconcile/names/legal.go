package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// LegalClass groups legal forms that mean the same kind of company across
// languages: ООО, OOO, LLC, TOV and "Limited Liability Company" are all LLC.
type LegalClass string

// Legal classes. The table below maps written forms onto these.
const (
	LLC     LegalClass = "LLC"
	JSC     LegalClass = "JSC"
	LTD     LegalClass = "LTD" // company limited, Co. Ltd., Pte Ltd, 有限公司
	CO      LegalClass = "CO"  // "Company", "Co.", 公司 alone
	INC     LegalClass = "INC"
	CORP    LegalClass = "CORP"
	PLC     LegalClass = "PLC"
	LLP     LegalClass = "LLP"
	TRLTD   LegalClass = "Ltd. Şti."
	TRAS    LegalClass = "A.Ş."
	FZE     LegalClass = "FZE"
	FZCO    LegalClass = "FZCO"
	FZLLC   LegalClass = "FZ-LLC"
	DMCC    LegalClass = "DMCC"
	GMBH    LegalClass = "GmbH"
	AG      LegalClass = "AG"
	SA      LegalClass = "S.A."
	SPA     LegalClass = "SpA"
	SRL     LegalClass = "S.r.l."
	BV      LegalClass = "B.V."
	NV      LegalClass = "N.V."
	SPZOO   LegalClass = "Sp. z o.o."
	SUE     LegalClass = "SUE" // state/municipal unitary enterprise: ГУП, ФГУП, МУП, РУП
	STATEIN LegalClass = "FSBI"
	IE      LegalClass = "IE" // individual entrepreneur, ИП
	PE      LegalClass = "PE" // private enterprise, ЧП, ЧУП
	ANO     LegalClass = "ANO"
	KG      LegalClass = "KG"
)

// Family is a coarse grouping of legal classes: two names whose forms lie
// in different families (a limited company and a joint-stock company) are
// less likely one firm, while LLC, Ltd and GmbH are often one firm written
// for different readers.
func (c LegalClass) Family() string {
	switch c {
	case LLC, LTD, TRLTD, FZE, FZCO, FZLLC, GMBH, SRL, BV, SPZOO, LLP:
		return "limited"
	case JSC, TRAS, AG, SA, SPA, NV, PLC:
		return "shares"
	case SUE, STATEIN, ANO:
		return "state"
	case IE, PE:
		return "sole"
	}
	return ""
}

// Loose reports whether a class is one of those that translations and
// customs clerks swap freely for one firm (ООО written LTD, Co., Inc.).
func (c LegalClass) Loose() bool {
	switch c {
	case LLC, LTD, CO, INC, CORP, TRLTD, FZLLC, LLP:
		// LLP: the Kazakh ТОО is written LLP, LLC or Ltd in trade data.
		return true
	}
	return false
}

// legalTable is written for this project from general knowledge of
// company law abbreviations. Forms are written naturally, in any script;
// they are compiled through the same normalisation as names.
var legalTable = []struct {
	class LegalClass
	forms []string
}{
	{LLC, []string{"ООО", "OOO", "LLC", "L.L.C.", "LLC.", "Limited Liability Company", "Limited Liability Co",
		"Ltd Liability Company", "Limited Liability Corporation",
		"Общество с ограниченной ответственностью", "Obshchestvo s ogranichennoy otvetstvennostyu",
		"Obshestvo s ogranichennoi otvetstvennostiu",
		"ТОВ", "TOV", "Товариство з обмеженою відповідальністю", "Tovarystvo z obmezhenoyu vidpovidalnistyu",
		"Таварыства з абмежаванай адказнасцю", "Tavarystva z abmezhavanay adkaznastsyu",
		"ОсОО", "OsOO", "MChJ", "МЧЖ", "ОДО", "ODO", "Общество с дополнительной ответственностью",
		"EOOD", "ЕООД", "OOD", "ООД", "d.o.o.", "doo", "Kft", "s.r.o.", "sro", "SARL", "S.A.R.L.", "LTDA", "S. de R.L.",
		"Sole Proprietorship LLC", "SPC", "WLL", "W.L.L."}},
	{JSC, []string{"АО", "AO", "ПАО", "PAO", "ЗАО", "ZAO", "ОАО", "OAO", "НАО", "NAO", "JSC", "PJSC", "CJSC", "OJSC",
		"NJSC", "JSCo", "АООТ", "AOOT", "АОЗТ", "AOZT",
		"Joint Stock Company", "Joint-Stock Company", "Joint Stock Co", "Public Joint Stock Company",
		"Closed Joint Stock Company", "Open Joint Stock Company", "Non-public Joint Stock Company",
		"Public Joint-Stock Company", "Closed Joint-Stock Company", "Open Joint-Stock Company", "Joint Stock",
		"Акционерное общество", "Публичное акционерное общество", "Закрытое акционерное общество",
		"Открытое акционерное общество", "Непубличное акционерное общество",
		"Aktsionernoe obshchestvo", "Publichnoe aktsionernoe obshchestvo", "Zakrytoe aktsionernoe obshchestvo",
		"Otkrytoe aktsionernoe obshchestvo", "Aktsionernoye obshchestvo",
		"ПрАТ", "PrAT", "ПАТ", "PAT", "АТ", "ВАТ", "VAT", "ЗАТ", "ZAT",
		"Приватне акціонерне товариство", "Публічне акціонерне товариство", "Акціонерне товариство",
		"Відкрите акціонерне товариство", "Закрите акціонерне товариство",
		"Адкрытае акцыянернае таварыства", "Закрытае акцыянернае таварыства", "Акцыянернае таварыства",
		"Adkrytae aktsyyanernae tavarystva", "Zakrytae aktsyyanernae tavarystva", "ААТ", "AAT", "ЗАТ",
		"AD", "EAD", "a.d.", "ASC", "OJSC.", "Public", "股份有限公司", "股份公司",
		"Gufen Youxian Gongsi", "Gufen Gongsi"}}, // pinyin of the two before
	{LTD, []string{"Ltd", "Ltd.", "Limited", "Co Ltd", "Co., Ltd.", "Company Limited", "Co Limited", "Company Ltd",
		"Pvt Ltd", "Private Limited", "Pvt Limited", "Private Ltd", "Pty Ltd", "Pty Limited", "Pte Ltd",
		"Pte Limited", "Sdn Bhd", "Limited Company", "Ltd Co", "Corp Ltd", "Co Ltda",
		"Pte", "Pty", "Pvt", "Private", "Bhd",
		"有限公司", "有限责任公司", "有限責任公司", "有限會社",
		"Youxian Gongsi", "Youxian Zeren Gongsi"}}, // pinyin of 有限公司, 有限责任公司: a Chinese name read out whole
	{CO, []string{"Co", "Company", "Компания", "Kompaniya", "公司", "Gongsi"}},
	{INC, []string{"Inc", "Incorporated"}},
	{CORP, []string{"Corp", "Corporation", "Корпорация", "Korporatsiya"}},
	{PLC, []string{"PLC", "Public Limited Company", "Public Company Limited", "PCL"}},
	// ТОО (Kazakhstan) is officially rendered LLP; ЖШС is its Kazakh name.
	{LLP, []string{"LLP", "Limited Liability Partnership", "LP", "Limited Partnership",
		"ТОО", "TOO", "Товарищество с ограниченной ответственностью", "Tovarishchestvo s ogranichennoy otvetstvennostyu",
		"ЖШС", "ZhShS"}},
	{TRLTD, []string{"Ltd Şti", "Ltd. Şti.", "Limited Şirketi", "Ltd Şirketi", "Limited Şti", "Şti",
		"Limited Sirketi", "Ltd Sti"}},
	{TRAS, []string{"A.Ş.", "Anonim Şirketi", "Anonim Sirketi", "AŞ"}},
	{FZE, []string{"FZE", "Free Zone Establishment", "FZ Establishment"}},
	{FZCO, []string{"FZCO", "FZC", "Free Zone Company", "FZ Co"}},
	{FZLLC, []string{"FZ-LLC", "FZ LLC", "FZLLC", "Free Zone Limited Liability Company", "LLC-FZ", "FZ L.L.C."}},
	{DMCC, []string{"DMCC"}},
	{GMBH, []string{"GmbH", "G.m.b.H.", "Gesellschaft mit beschränkter Haftung", "GesmbH", "mbH", "UG", "GmbH & Co KG"}},
	{AG, []string{"AG", "Aktiengesellschaft"}},
	{SA, []string{"S.A.", "SA", "Sociedad Anonima", "Société Anonyme", "Sociedade Anonima", "S.A. de C.V.",
		"SA de CV", "SAS", "S.A.S.", "SAL", "S.A.L.", "SAOG", "SAE"}},
	{SPA, []string{"S.p.A.", "SpA", "Società per Azioni"}},
	{SRL, []string{"S.r.l.", "SRL", "Società a responsabilità limitata", "Societate cu Raspundere Limitata"}},
	{BV, []string{"B.V.", "BV", "Besloten Vennootschap"}},
	{NV, []string{"N.V.", "NV", "Naamloze Vennootschap"}},
	{SPZOO, []string{"Sp. z o.o.", "Sp z oo", "Spółka z ograniczoną odpowiedzialnością", "Sp. z o. o."}},
	{SUE, []string{"ГУП", "GUP", "ФГУП", "FGUP", "МУП", "MUP", "РУП", "RUP", "КУП", "KUP", "FSUE", "SUE",
		"Federal State Unitary Enterprise", "State Unitary Enterprise", "Unitary Enterprise",
		"Republican Unitary Enterprise", "Municipal Unitary Enterprise",
		"Федеральное государственное унитарное предприятие", "Государственное унитарное предприятие",
		"Муниципальное унитарное предприятие", "Республиканское унитарное предприятие",
		"Унитарное предприятие", "Federalnoe gosudarstvennoe unitarnoe predpriyatie",
		"Gosudarstvennoe unitarnoe predpriyatie",
		"ФКП", "FKP", "Федеральное казенное предприятие", "Federal State Enterprise", "Federal Treasury Enterprise",
		"Казенное предприятие", "Государственное предприятие", "State Enterprise", "ГП", "ДП", "DP",
		"Державне підприємство", "Державне підприємство", "Государственное учреждение", "State Institution",
		"Республиканское унитарное предприятие", "Рэспубліканскае ўнітарнае прадпрыемства"}},
	{STATEIN, []string{"ФГБУ", "FGBU", "ФГБОУ", "FGBOU", "ФГАОУ", "FGAOU", "ФГБУН", "FGBUN", "ФКУ", "FKU", "ФГКУ",
		"Federal State Budgetary Institution", "Federal State Budgetary Educational Institution",
		"Федеральное государственное бюджетное учреждение", "Федеральное государственное бюджетное учреждение науки",
		"Federal State Budgetary Institution of Science",
		"Федеральное государственное бюджетное образовательное учреждение высшего образования"}},
	{IE, []string{"ИП", "IP", "Индивидуальный предприниматель", "Individual Entrepreneur", "ФОП", "FOP",
		"Фізична особа-підприємець", "Sole Proprietor", "ФЛП", "FLP", "Физическое лицо-предприниматель"}},
	{PE, []string{"ЧП", "ChP", "ЧУП", "ChUP", "ПП", "Частное предприятие", "Частное унитарное предприятие",
		"Private Enterprise", "Private Unitary Enterprise", "Приватне підприємство",
		"ЧТУП", "ChTUP", "Частное торговое унитарное предприятие", "ИЧП", "IChP", "Индивидуальное частное предприятие",
		"ЧПУП", "ChPUP", "Частное производственное унитарное предприятие"}},
	{ANO, []string{"АНО", "ANO", "Автономная некоммерческая организация", "Autonomous Non-profit Organization",
		"Autonomous Non-commercial Organization", "НКО", "NKO"}},
	{KG, []string{"KG", "Kommanditgesellschaft", "& Co KG", "Co KG"}},
}

// legalForm is one compiled entry of legalTable: per word, the keys it
// may be written with (one per transliteration scheme of a Cyrillic form).
type legalForm struct {
	class LegalClass
	keys  [][]string
}

type legalIndex struct {
	byFirst map[string][]legalForm // by a key of the first word, or its stem for long keys
	starts  map[string]bool        // proper prefixes (4+ letters) of the forms' word keys
	oneWord map[string]bool        // one-word forms as spelled (transliterated, not folded)
	longest map[string]int         // per stem, the longest full key of a form's word with it
	han     []hanForm              // Han suffixes, longest first
}

type hanForm struct {
	suffix string
	class  LegalClass
}

const stemLen = 6

// stem is the matching form of a key: long keys match on their first
// stemLen letters so inflected forms (obshchestva, ogranichennaya) meet.
func stem(k string) string {
	if len(k) > stemLen {
		return k[:stemLen]
	}
	return k
}

// legalKey is how a word is compared with legal forms. Short words are
// abbreviations and compare letter for letter, up to the schemes' digraphs
// (AcronymKey) and c/k: LKCK is not LLC, which the full Key would make
// of both (c→k, doubled letters). Long words compare on the stem of their
// full Key, which folds the schemes.
func legalKey(tok string) string {
	if utf8.RuneCountInString(tok) <= shortCore {
		return acronymFormKey(tok)
	}
	return longFormKey(tok, Key(tok))
}

// acronymFormKey is how a short word is compared with legal forms.
func acronymFormKey(tok string) string { return strings.ReplaceAll(AcronymKey(tok), "c", "k") }

// longFormKey is legalKey of a long word tok with full key k. A word whose
// key folds to an acronym's length is compared letter for letter as well:
// ROUPP (French for ГРУПП after a space) keys as RUP but is no РУП, while
// FZLLC is still FZ-LLC.
func longFormKey(tok, k string) string {
	if len(k) <= shortCore {
		return acronymFormKey(tok)
	}
	return formStem(k)
}

// formSlack is how many letters an inflected legal-form word may have
// beyond the longest spelling of it in the table (obshchestvo /
// obshchestvom, otvetstvennost / otvetstvennostyu).
const formSlack = 3

// formStem is the stem a long word's full key k is compared with legal
// forms by, or k itself when k is longer than any form word with that
// stem by more than formSlack letters and what follows is no other form
// word: such a word is a form's word with a name glued on
// (KOMPANIJAEWRASIJA, a space dropped), not the form. Two form words
// glued (LIMITEDLIABILITY, OBSHCHESTVOSOGRANICHENNOI) stay a form.
func formStem(k string) string {
	st := stem(k)
	m, ok := legal.longest[st]
	if !ok || len(k) <= m+formSlack {
		return st
	}
	for at := len(st); at <= m+formSlack; at++ {
		for _, rest := range []string{k[at:], k[min(at+1, len(k)):]} {
			if _, ok := legal.longest[stem(rest)]; ok && len(rest) > stemLen {
				return st
			}
		}
	}
	return k
}

// tableKey is legalKey for the table's own words, which set the lengths
// formStem checks.
func tableKey(tok string) string {
	if k := Key(tok); utf8.RuneCountInString(tok) > shortCore && len(k) > shortCore {
		return stem(k)
	}
	return acronymFormKey(tok)
}

// formSchemes are the ways Russian, Ukrainian and Belarusian legal forms
// are written in Latin letters besides the package's own (cyrLatin):
// GOST 7.79, ICAO, German, French, Polish, Czech (its carons dropped, as
// Normalize drops them) and customs clerks' habits. Each lists only the
// letters it writes differently. A legal form written in Cyrillic is
// recognised in every one of them, word by word, so a name that mixes
// schemes ("Akcionernoe Obschestvo") is recognised too.
var formSchemes = []map[rune]string{
	{'х': "x", 'ц': "cz", 'щ': "shh", 'й': "j", 'ю': "yu", 'я': "ya", 'ы': "y"},                                                                          // GOST 7.79 B
	{'й': "i", 'ю': "iu", 'я': "ia", 'ъ': "ie", 'ё': "e"},                                                                                                // ICAO
	{'в': "w", 'ж': "sch", 'з': "s", 'й': "j", 'х': "ch", 'ц': "z", 'ч': "tsch", 'ш': "sch", 'щ': "schtsch", 'ю': "ju", 'я': "ja", 'ё': "jo", 'е': "je"}, // German
	{'ж': "j", 'й': "i", 'у': "ou", 'ц': "ts", 'ч': "tch", 'ш': "ch", 'щ': "chtch", 'ю': "iou", 'я': "ia", 'ё': "io"},                                    // French
	{'в': "w", 'ж': "z", 'х': "ch", 'ц': "c", 'ч': "cz", 'ш': "sz", 'щ': "szcz", 'ю': "ju", 'я': "ja", 'й': "j", 'ё': "io"},                              // Polish
	{'ж': "z", 'х': "ch", 'ц': "c", 'ч': "c", 'ш': "s", 'щ': "sc", 'ю': "ju", 'я': "ja", 'й': "j", 'ё': "jo"},                                            // Czech, carons dropped
	{'х': "h", 'ц': "c", 'щ': "sch", 'й': "i", 'ы': "i", 'ж': "j", 'ю': "iu", 'я': "ia"},                                                                 // clerks
	{'х': "h", 'ц': "c", 'щ': "sh", 'й': "y", 'ы': "ie", 'е': "ie", 'ю': "u", 'я': "a"},                                                                  // clerks, by ear
}

// schemeSpellings is a Cyrillic word in every scheme of formSchemes.
func schemeSpellings(word string) []string {
	out := make([]string, 0, len(formSchemes))
	for _, sc := range formSchemes {
		var b strings.Builder
		for _, r := range strings.ToLower(word) {
			if lat, ok := sc[r]; ok {
				b.WriteString(lat)
			} else if lat, ok := cyrLatin[r]; ok {
				b.WriteString(lat)
			} else {
				b.WriteRune(r)
			}
		}
		out = append(out, b.String())
	}
	return out
}

var legal = buildLegal()

func buildLegal() *legalIndex {
	ix := &legalIndex{byFirst: map[string][]legalForm{}, oneWord: map[string]bool{}, starts: map[string]bool{}, longest: map[string]int{}}
	note := func(tok string) string {
		k := tableKey(tok)
		if utf8.RuneCountInString(tok) > shortCore {
			ix.longest[k] = max(ix.longest[k], len(Key(tok)))
		}
		return k
	}
	for _, e := range legalTable {
		for _, f := range e.forms {
			if ScriptOf(f) == ScriptHan {
				ix.han = append(ix.han, hanForm{f, e.class})
				continue
			}
			toks := Tokens(f)
			if len(toks) == 0 {
				continue
			}
			keys := make([][]string, len(toks))
			for i, t := range toks {
				keys[i] = []string{note(t)}
				if HasCyrillic(t) {
					for _, sp := range schemeSpellings(t) {
						if k := note(sp); !slices.Contains(keys[i], k) {
							keys[i] = append(keys[i], k)
						}
					}
				}
			}
			if len(toks) == 1 {
				t := toks[0]
				if HasCyrillic(t) {
					t = strings.ToLower(Translit(t))
				}
				ix.oneWord[t] = true
			}
			for _, alts := range keys {
				for _, k := range alts {
					for l := 4; l < len(k); l++ {
						ix.starts[k[:l]] = true
					}
				}
			}
			lf := legalForm{e.class, keys}
			for _, k := range keys[0] {
				ix.byFirst[k] = append(ix.byFirst[k], lf)
			}
		}
	}
	// Longest Han suffix first so 股份有限公司 wins over 有限公司 and 公司.
	for i := 1; i < len(ix.han); i++ {
		for j := i; j > 0 && len(ix.han[j].suffix) > len(ix.han[j-1].suffix); j-- {
			ix.han[j], ix.han[j-1] = ix.han[j-1], ix.han[j]
		}
	}
	return ix
}

// matchAt returns the longest legal form starting at word i of a name
// (keys are legalKey of each word), whose length stays within [i, end),
// as (length, class); 0 when none.
func (ix *legalIndex) matchAt(keys []string, i, end int) (int, LegalClass) {
	best, cls := 0, LegalClass("")
	for _, f := range ix.byFirst[keys[i]] {
		n := len(f.keys)
		if n <= best || i+n > end {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if !slices.Contains(f.keys[k], keys[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			best, cls = n, f.class
		}
	}
	return best, cls
}

// prefixOfForm reports whether keys (legalKey of each word), all of them,
// are the start of some legal form, the last key possibly cut short: a
// name cut at a field width inside its legal form ("OBSHCHESTVO S
// OGRANICHENNOI OT").
func (ix *legalIndex) prefixOfForm(keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, f := range ix.byFirst[keys[0]] {
		if len(f.keys) < len(keys) {
			continue
		}
		ok := true
		for k := 1; k < len(keys) && ok; k++ {
			st := keys[k]
			if k < len(keys)-1 {
				ok = slices.Contains(f.keys[k], st)
				continue
			}
			ok = slices.ContainsFunc(f.keys[k], func(fk string) bool { return stumpOf(st, fk) })
		}
		if ok {
			return true
		}
	}
	return false
}

// stumpOf reports whether key st may be a word with key fk cut short: a
// start of it, or a start but for its last letter, where the cut fell
// inside a letter group that folds differently (OTVET of OTVETSTVENNOSTI,
// whose ts folds to s).
func stumpOf(st, fk string) bool {
	return strings.HasPrefix(fk, st) || strings.HasPrefix(st, fk) ||
		len(st) >= 4 && strings.HasPrefix(fk, st[:len(st)-1])
}

// startsWord reports whether key st (legalKey) may be the start of a
// word of a legal form ("CORPORA" of CORPORATION): a proper prefix, of
// four letters at least, of one of the forms' word keys.
func (ix *legalIndex) startsWord(st string) bool { return ix.starts[st] }

// hanSuffix splits a legal-form suffix off a Han token.
func (ix *legalIndex) hanSuffix(tok string) (rest string, cls LegalClass) {
	for _, h := range ix.han {
		if strings.HasSuffix(tok, h.suffix) {
			return strings.TrimSuffix(tok, h.suffix), h.class
		}
	}
	return tok, ""
}
