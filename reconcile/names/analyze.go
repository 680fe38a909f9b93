package names

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"tradecheck/reconcile/values"
)

// Name is a company name taken apart for matching.
type Name struct {
	Original string // as written
	Clean    string // as written without glued tax IDs, spaces collapsed
	TaxID    string // INN split off the name ("7701234567 OOO X"), "" if none
	KPP      string
	Script   Script

	Tokens []string // normalised tokens, Cyrillic transliterated to Latin, in order
	Keys   []string // Key of each token
	Legal  []bool   // token is part of a legal form
	Forms  []LegalClass

	Core    []string // keys of the tokens that are neither legal form nor number, in order
	AltCore []string // per core word, a second key: carons read as digraphs (caronDigraphs), or c before e/i/y as Ц (SoftC); "" if none
	CoreLat []string // the same tokens as transliterated, for explanations
	Numbers []string // number tokens outside legal forms

	// Distinctive is false when the core is only generic words ("TRADING
	// COMPANY", "ZAVOD"): such a name never matches on its words alone.
	Distinctive bool

	// Cut is set on a name about CutWidth long that does not visibly end
	// complete: it may have been cut at a field width.
	Cut bool

	// CutForm is set on a cut name whose cut fell inside its legal form
	// ("… JOINT STOCK COMPA"): the form's words are set aside, and the
	// name before them is whole.
	CutForm bool

	// Open is set on a name that may be cut and ends in a hyphen
	// ("AO RAVENSTVO-"): its last word goes on, so it is not the name
	// without the hyphen.
	Open bool

	// FormOnly is set on a name that is only a legal form, whole or cut
	// short at a field width ("OOO", "OBSHCHESTVO S OGRANICHENNOI OT"):
	// nothing in it tells one firm of that form from another.
	FormOnly bool

	// Numbered is set on a name that is not distinctive but numbers its
	// generic words ("АО «Завод-2»"): it may match a name with the very
	// same words, number and legal class ("ZAVOD-2 JSC"), nothing looser.
	Numbered bool

	// Alts are second readings of a name written twice, the second time
	// in brackets: the name outside the brackets (when distinctive) and
	// each name inside ("China North Industries Group (NORINCO)"), or in
	// two scripts one after the other (scriptReadings). They match whole
	// names, never each other's alternatives.
	Alts []*Name

	// ScriptPart is set on a second reading that is one script's part of
	// a name written in two ("TEKHKRIM" of "技术克里姆有限责任公司
	// TEKHKRIM"), so an explanation can say so.
	ScriptPart bool

	// Address is the address (or contact tail) SplitAddress took off a
	// party cell that wrote it after the name; "" when none. The name is
	// matched without it.
	Address string
}

// Class is the first legal form found, or "".
func (n *Name) Class() LegalClass {
	if len(n.Forms) == 0 {
		return ""
	}
	return n.Forms[0]
}

// CoreKey is the comparison key of the name without legal form: the core
// keys joined by spaces, numbers appended.
func (n *Name) CoreKey() string {
	k := strings.Join(n.Core, " ")
	if len(n.Numbers) > 0 {
		k += " #" + strings.Join(n.Numbers, " ")
	}
	return k
}

// Display is the transliterated core in capitals, for explanations:
// "TEKHKRIM".
func (n *Name) Display() string {
	parts := append([]string(nil), n.CoreLat...)
	parts = append(parts, n.Numbers...)
	return strings.ToUpper(strings.Join(parts, " "))
}

// Analyze takes a name apart: tax IDs glued to it are split off (via
// values.SplitTaxIDs), the rest is normalised, transliterated, keyed and
// its legal forms marked. A name written twice, once in brackets, also
// gets its second readings in Alts.
func Analyze(s string) *Name {
	if name, addr := SplitAddress(s); addr != "" {
		n := analyzeName(name)
		n.Original, n.Address = s, addr
		if n.TaxID == "" {
			// "… MOSCOW, RUSSIA INN 7701234560": the ID written after the address.
			_, ids := values.SplitTaxIDs(addr)
			n.TaxID, n.KPP = ids.INN, ids.KPP
		}
		return n
	}
	return analyzeName(s)
}

// analyzeName is Analyze of a name without its address.
func analyzeName(s string) *Name {
	if loc := formerRe.FindStringSubmatchIndex(s); loc != nil && strings.Count(s[:loc[0]], "(") == strings.Count(s[:loc[0]], ")") {
		// "TEKHKRIM LLC, FORMERLY ALFA LLC": the name is the part before
		// the word; the former name is a second reading, like one in
		// brackets. FORMERLY is no word of the name.
		before, after := s[:loc[0]], s[loc[1]:]
		if b := analyze(before); b.Distinctive {
			b.Original = s
			b.Alts = aliasesOf(before)
			if a := analyze(after); a.Distinctive {
				b.Alts = append(b.Alts, a)
			}
			return b
		}
	}
	n := analyze(s)
	n.Alts = aliasesOf(s)
	if len(n.Alts) == 0 {
		n.Alts = scriptReadings(s)
	}
	return n
}

// formerRe finds the words that introduce a former or other name written
// after the name, outside brackets.
var formerRe = regexp.MustCompile(`(?i)[\s,;]+(?:formerly known as|formerly|previously known as|previously|former name|f/k/a|fka|a\.k\.a\.|aka)[\s:,]+`)

func analyze(s string) *Name {
	n := &Name{Original: s}
	rest, ids := values.SplitTaxIDs(s)
	n.TaxID, n.KPP = ids.INN, ids.KPP
	n.Clean = strings.Join(strings.Fields(rest), " ")
	n.Script = ScriptOf(rest)
	raw := Tokens(rest)
	// Chinese does not separate words with spaces: a space inside a Han
	// name is incidental, so adjacent Han tokens are one.
	for i := 1; i < len(raw); i++ {
		if isHanToken(raw[i]) && isHanToken(raw[i-1]) {
			raw[i-1] += raw[i]
			raw = append(raw[:i], raw[i+1:]...)
			i--
		}
	}
	foreignSuffix(raw)
	toks := make([]string, 0, len(raw)+1)
	var hanForms []LegalClass
	for i, t := range raw {
		// "No." / "Nr." before a number: Zavod No. 1 is Zavod 1.
		if (t == "no" || t == "nr" || t == "n") && i+1 < len(raw) && isNumber(raw[i+1]) {
			continue
		}
		t = fixMixedScript(t)
		if isHanToken(t) {
			r, cls := legal.hanSuffix(t)
			if cls != "" {
				hanForms = append(hanForms, cls)
				if r != "" {
					toks = append(toks, r)
				}
				continue
			}
		}
		if HasCyrillic(t) {
			t = strings.ToLower(Translit(t))
		}
		if len(t) >= 9 && isNumber(t) {
			// A long digit run is an identifier SplitTaxIDs did not trust
			// (a mistyped INN, an OGRN): not part of the name.
			continue
		}
		toks = append(toks, t)
	}
	toks = brandTokens(unglue(toks))
	carons := caronWords(rest)
	french := frenchMarked(s)
	n.Tokens = toks
	n.Keys = make([]string, len(toks))
	for i, t := range toks {
		k := Key(t)
		if long, ok := abbreviations[k]; ok {
			k = long
		}
		n.Keys[i] = k
	}
	n.Legal = make([]bool, len(toks))
	cut := looksCut(s)
	n.Cut = cut
	lk := legalKeys(toks, n.Keys)
	cutForm := markLegal(n, cut, lk)
	n.CutForm = cutForm
	if cut && !cutForm && endsInForm(n) {
		// "NINGBO EASTERN MACHINERY CO., LTD" is 33 characters but ends
		// in a legal form spelled out: a cut seldom leaves one, and
		// taking it for a cut name made it "the start of" NINGBO EASTERN
		// MACHINERY TRADING CO LTD, another firm.
		n.Cut = false
	}
	n.Forms = append(n.Forms, hanForms...)
	var coreAt []int // token index of each core word
	for i, t := range toks {
		if n.Legal[i] {
			continue
		}
		if isNumber(t) {
			n.Numbers = append(n.Numbers, t)
			continue
		}
		if r, ok := romans[t]; ok && len(toks) > 1 && !dottedInitials(rest, t) {
			// "MAGUS HOLDING II": a Roman numeral numbers a firm too;
			// initials written with dots ("im. V.I. Chapaeva") do not.
			n.Numbers = append(n.Numbers, r)
			continue
		}
		if len(t) <= shortCore && !shortGeneric(t) && !abbreviated(t) {
			// A short word is an acronym or initials, and the folds that
			// join the spellings of long words (x/ks, doubled letters)
			// would join different firms: LKCK is not LK, MX is not MKS.
			// Only the schemes' digraphs fold (TsKB, CZKB, CKB; WKBR,
			// VKBR), and c/k (TK / TC: ТК is a trading company, TC in
			// English) next to other words; a name that is only short
			// words keeps c apart from k too (below).
			n.Keys[i] = strings.ReplaceAll(AcronymKey(t), "c", "k")
			if IsGeneric(n.Keys[i]) {
				// The key of a generic word spelt another way (LK is
				// the full Key of LLC): marked, so it is not taken
				// for that word.
				n.Keys[i] += "_"
			}
		}
		n.Core = append(n.Core, n.Keys[i])
		n.CoreLat = append(n.CoreLat, t)
		alt := ""
		if ct, ok := carons[t]; ok {
			alt = Key(ct)
		} else if len(t) > shortCore {
			if french {
				alt = FrenchReading(t)
			}
			if alt == "" {
				alt = SoftC(t)
			}
		}
		if alt == n.Keys[i] {
			alt = ""
		}
		n.AltCore = append(n.AltCore, alt)
		coreAt = append(coreAt, i)
	}
	if l := len(strings.Join(n.Core, "")); l > 0 && l <= shortCore {
		// A short name is an acronym or a short word: c stays apart
		// from k (LPC is not LPK), and its generic words are keyed the
		// same way.
		for j, i := range coreAt {
			n.Core[j] = AcronymKey(toks[i])
			n.Keys[i] = n.Core[j]
		}
	}
	if len(n.Core) == 0 && len(n.Numbers) == 0 {
		// Nothing but legal forms ("OOO", "PAT"): keep them as the core so
		// the name is not empty, but it is not distinctive.
		for i := range toks {
			n.Core = append(n.Core, n.Keys[i])
			n.AltCore = append(n.AltCore, "")
			n.CoreLat = append(n.CoreLat, toks[i])
			n.Legal[i] = false
		}
		n.Forms = nil
		n.FormOnly = true
		return n
	}
	core := n.Core
	if t := strings.TrimSpace(s); cut && (strings.HasSuffix(t, "-") || strings.HasSuffix(t, "‐")) {
		n.Open = true
	}
	if cut && legal.prefixOfForm(lk) {
		// The whole name is the start of a legal form, cut off.
		n.Forms = nil
		n.FormOnly = true
		return n
	}
	if last := len(core) - 1; cut && last >= 0 && !n.Legal[len(n.Legal)-1] && stumpOnly(n.CoreLat[last]) {
		// The last word of a name cut at a field width may be a stump of a
		// legal form or of a generic word ("OBSHCHESTVO S OGRANICHENNOI
		// OTVETST"), or the start of a generic word ("JOINT STOCK COMPANY
		// SCIENTIFIC RESE", which starts many firms): it cannot make the
		// name distinctive on its own.
		core = core[:len(core)-1]
	}
	for j, k := range core {
		if !IsGeneric(k) && !(len(n.CoreLat[j]) <= shortCore && shortGeneric(n.CoreLat[j])) {
			n.Distinctive = true
			break
		}
	}
	// Generic words and a number ("Zavod-2"): the number tells firms apart
	// when everything else is identical; a name that may be cut could have
	// lost digits of its number.
	n.Numbered = !n.Distinctive && len(n.Core) > 0 && len(n.Numbers) > 0 && !cut
	return n
}

// shortCore is the longest core, in letters, that is compared by its
// spelling rather than by folded keys.
const shortCore = 4

// SeqKey is the name without legal form, keys and numbers in their order:
// "A1" and "1A" differ here while their CoreKey is the same.
func (n *Name) SeqKey() string {
	var parts []string
	for i, k := range n.Keys {
		if !n.Legal[i] {
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, " ")
}

// CutWidth is the field width at which customs systems commonly cut names.
const CutWidth = 35

// looksCut reports whether a name as written is about CutWidth long, so
// that it may have been cut there, and does not visibly end complete.
func looksCut(s string) bool {
	s = strings.TrimSpace(s)
	l := utf8.RuneCountInString(s)
	return l >= CutWidth-2 && l <= CutWidth && !endsComplete(s)
}

// endsComplete reports whether a name ends in a way a cut seldom leaves:
// a closing quote or bracket that closes one opened earlier ("JSC
// «SIGNAL»"), or a whole tax ID ("JSC KURGANMASHZAVOD, INN 4501008142").
// Treating such 35-character names as cut made them look like the start
// of every longer name they share words with.
func endsComplete(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	if open, ok := closers[last]; ok {
		body := s[:len(s)-utf8.RuneLen(last)]
		if open == last {
			// A straight or same-glyph quote: complete when it pairs.
			return strings.Count(body, string(last))%2 == 1
		}
		return strings.ContainsRune(body, open)
	}
	if last >= '0' && last <= '9' {
		_, ids := values.SplitTaxIDs(s)
		return (ids.INN != "" && strings.HasSuffix(s, ids.INN)) || (ids.KPP != "" && strings.HasSuffix(s, ids.KPP))
	}
	return false
}

// endsInForm reports whether markLegal took the name's last word as a
// legal form that a cut would not leave: two form words ("CO., LTD") or
// one of three letters or more ("LLC", "LIMITED"). markLegal already
// leaves a last word of a possibly cut name that only folds to a form
// ("TO" of TOBACCO) in the name.
func endsInForm(n *Name) bool {
	last := len(n.Tokens) - 1
	if last < 1 || !n.Legal[last] {
		return false
	}
	return n.Legal[last-1] || utf8.RuneCountInString(n.Tokens[last]) >= 3
}

// closers maps closing quotes and brackets to their openers.
var closers = map[rune]rune{
	'»': '«', '”': '“', '’': '‘', ')': '(', ']': '[', '"': '"', '\'': '\'', '“': '„',
}

// markLegal marks legal forms at the start and end of the name (repeatedly:
// "CO LTD", "OOO ... LLC") and multi-word forms anywhere. In a name that
// may be cut, a last word that reads as a legal form only by itself is
// more likely the stump of a longer word when it is not spelled as a form
// but only folds to one ("…‘GRODNO AZ" of AZOT reads as A.S., "…‘GRODNO
// TO" of TOBACCO as TOO): it stays part of the name, so two cut names
// with different stumps stay apart.
//
// It reports whether the name ends in a legal form cut short ("NPP
// ZORVAL JOINT STOCK COMPA", "… LIMITED LIABILITY COMP"): those words are
// marked as legal form and the name stays cut, so its core is compared as
// the start of the whole names' cores.
func markLegal(n *Name, cut bool, keys []string) (cutForm bool) {
	start, end := 0, len(keys)
	var front, back []LegalClass
	for start < end {
		l, cls := legal.matchAt(keys, start, end)
		if l == 0 || len(front) > 0 && cls != front[0] {
			// After a legal form at the start, only the same kind again
			// ("OOO LLC"): "LLC AG TERMINAL" is the LLC AG Terminal, not
			// an LLC that is also an Aktiengesellschaft.
			break
		}
		for k := start; k < start+l; k++ {
			n.Legal[k] = true
		}
		front = append(front, cls)
		start += l
	}
	if cut && end-start >= 3 {
		if q := cutFormAt(keys, start, end); q >= 0 {
			for k := q; k < end; k++ {
				n.Legal[k] = true
			}
			end, cutForm = q, true
		}
	}
	for end > start {
		found := false
		for q := max(start, end-8); q < end; q++ {
			l, cls := legal.matchAt(keys, q, end)
			if l == 1 && cut && end == len(keys) && !legal.oneWord[n.Tokens[q]] {
				continue
			}
			if l == end-q {
				for k := q; k < end; k++ {
					n.Legal[k] = true
				}
				back = append(back, cls)
				end = q
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	// Multi-word forms in the middle ("TEKHKRIM LIMITED LIABILITY COMPANY (TEKHKRIM LLC)").
	for i := start; i < end; i++ {
		l, cls := legal.matchAt(keys, i, end)
		if l >= 2 {
			for k := i; k < i+l; k++ {
				n.Legal[k] = true
			}
			back = append(back, cls)
			i += l - 1
		}
	}
	n.Forms = append(front, back...)
	return cutForm
}

// cutFormAt returns where a legal form of two words or more begins that a
// cut left at the end of keys, its last word short ("JOINT STOCK COMPA",
// "OBSHCHESTVO S OGRANICH"); -1 when there is none, or when the words
// make a whole form (markLegal's usual reading). At least one word before
// it must remain for the name.
func cutFormAt(keys []string, start, end int) int {
	for q := max(start+1, end-8); q <= end-2; q++ {
		if legal.prefixOfForm(keys[q:end]) {
			if l, _ := legal.matchAt(keys, q, end); l == end-q {
				return -1
			}
			return q
		}
	}
	return -1
}

// stumpOnly reports whether the last word of a cut name may be only the
// stump of a legal form or generic word: three letters or fewer, or the
// start of a generic word or of a legal form's word, keyed as a whole
// word is (a short word's acronym key would keep ASSO from ASSOCIATION).
func stumpOnly(tok string) bool {
	k := Key(tok)
	return len(k) <= 3 || genericPrefix(k) || legal.startsWord(legalKey(tok))
}

// gluedLast and gluedFirst are legal forms written onto the last or first
// word of a name without a space (YANTAR SHIPYARDJSC, OOOTEKHKRIM, as
// fixed-width exports and OCR leave them), longest first. Only forms no
// word of a name ends or starts with: not AO or ZAO (PAOLO, ZAOSTROV).
var (
	gluedLast  = []string{"ltdsti", "fzllc", "coltd", "pjsc", "cjsc", "ojsc", "gmbh", "fzco", "jsc", "llc", "ltd", "fze", "ooo"}
	gluedFirst = []string{"pjsc", "cjsc", "ojsc", "ooo", "jsc", "llc"}
)

// unglue splits a legal form glued to the first or last word, when at
// least four letters are left.
func unglue(toks []string) []string {
	if len(toks) == 0 {
		return toks
	}
	last := toks[len(toks)-1]
	for _, f := range gluedLast {
		if rest, ok := strings.CutSuffix(last, f); ok && len(rest) >= 4 && !isNumber(rest) {
			toks = append(toks[:len(toks)-1:len(toks)-1], rest, f)
			break
		}
	}
	first := toks[0]
	for _, f := range gluedFirst {
		if rest, ok := strings.CutPrefix(first, f); ok && len(rest) >= 4 && !isNumber(rest) {
			toks = append([]string{f, rest}, toks[1:]...)
			break
		}
	}
	return toks
}

// brandTokens joins a single letter and the number written right after it
// into one word (S 7, S7, S-7 ENGINEERING: the letter and number are the
// firm's brand, as in S7 Airlines). Read apart, the letter is an initial
// of no weight and the number a mere number, and a name of generic words
// besides (ENGINEERING LLC) was not distinctive at all. Only a letter
// that opens the name, or follows a legal form (OOO S 7): after a word it
// may be that word's last letter split off (ROTO R-43).
func brandTokens(toks []string) []string {
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if len(t) == 1 && t[0] >= 'a' && t[0] <= 'z' && isNumber(toks[i+1]) && (i+2 == len(toks) || !isNumber(toks[i+2])) &&
			(i == 0 || legal.oneWord[toks[i-1]]) {
			toks = append(toks[:i:i], append([]string{t + toks[i+1]}, toks[i+2:]...)...)
		}
	}
	return toks
}

// caronDigraphs spells the caron letters of Czech-style transliteration
// (ISO 9, Czech, Croatian: Ж ž, Ч č, Ш š) as the digraphs other schemes
// use. Normalize drops the carons, which loses the h (STROJGAZMONTAŽ
// would not meet STROYGAZMONTAZH), but Czech names want them dropped
// (ŠKODA is SKODA): the digraph reading is a word's second key.
var caronDigraphs = strings.NewReplacer("š", "sh", "Š", "SH", "č", "ch", "Č", "CH", "ž", "zh", "Ž", "ZH")

// caronWords maps each token of s that has a caron letter, as Tokens
// writes it, to its digraph reading; nil when s has none.
func caronWords(s string) map[string]string {
	if !strings.ContainsAny(s, "šŠčČžŽ") {
		return nil
	}
	a, b := Tokens(s), Tokens(caronDigraphs.Replace(s))
	if len(a) != len(b) {
		return nil
	}
	m := map[string]string{}
	for i := range a {
		if a[i] != b[i] {
			m[a[i]] = b[i]
		}
	}
	return m
}

// legalKeys is legalKey of each token, reusing the tokens' full keys
// (keys, abbreviations spelt out) for long ones.
func legalKeys(toks, keys []string) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		if len(t) <= shortCore {
			out[i] = legalKey(t)
		} else {
			out[i] = longFormKey(t, keys[i])
		}
	}
	return out
}

// dottedInitials reports whether token t stands in name s as letters
// each followed by a dot ("V.I.", "В. И."): initials, which Tokens joins
// like L.L.C., not a Roman numeral.
func dottedInitials(s, t string) bool {
	if HasCyrillic(s) {
		s = Translit(s)
	}
	s = strings.ReplaceAll(strings.ToLower(s), " ", "")
	var b strings.Builder
	for _, r := range t {
		b.WriteRune(r)
		b.WriteByte('.')
	}
	return strings.Contains(s, b.String())
}

// romans are Roman numerals that are not also words ("i" is the Russian
// "and", "v" and "x" are initials).
var romans = map[string]string{"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "xi": "11", "xii": "12"}

func isNumber(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isHanToken(t string) bool {
	for _, r := range t {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return t != ""
}
