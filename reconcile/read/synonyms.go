package read

import (
	"embed"
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// The words that name each concept of a header (consignee, net weight,
// HS code, a currency …) are data: one table per language under
// headers/, described in headers/README.md. classify's rules ask for
// concepts ("is this a consignee word?"); the tables say which words in
// which language mean it, so adding a word needs no code.
//
//go:embed headers/*.tsv
var headerTables embed.FS

// synonym is one table row: where it came from, for inspect's reasons.
type synonym struct {
	word  string
	table string // "tr", "ru", "comtrade" …
	line  int
}

// conceptSyns holds the synonyms of one concept by kind of match.
type conceptSyns struct {
	words    map[string]synonym
	prefixes []synonym
	contains []synonym
	headers  map[string]synonym
}

// directSyn maps a whole header straight to a field (or to "known, never
// mapped"): the fixed names of UN Comtrade and Eurostat Comext.
type directSyn struct {
	synonym
	field reconcile.Field // "" = known but unmapped
	rank  int
	note  string
	// unit is the weight unit the source documents for the column
	// (=net_weight@kg: Comtrade's netWgt is in kilograms).
	unit string
}

type synonymTables struct {
	concepts map[string]*conceptSyns
	direct   map[string]directSyn
	// currencyWords is every cur:XXX word → XXX, for currency cells
	// ("долл", "dolar") read row by row.
	currencyWords map[string]string
}

var synonyms = mustLoadSynonyms()

func mustLoadSynonyms() *synonymTables {
	t, err := loadSynonyms()
	if err != nil {
		// The tables are compiled in; TestSynonymTables catches this first.
		panic(err)
	}
	return t
}

func loadSynonyms() (*synonymTables, error) {
	t := &synonymTables{concepts: map[string]*conceptSyns{}, direct: map[string]directSyn{}, currencyWords: map[string]string{}}
	files, err := headerTables.ReadDir("headers")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name(), ".tsv") {
			continue
		}
		data, err := headerTables.ReadFile(path.Join("headers", f.Name()))
		if err != nil {
			return nil, err
		}
		if err := t.add(strings.TrimSuffix(f.Name(), ".tsv"), string(data)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *synonymTables) add(table, data string) error {
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		bad := func(why string) error {
			return fmt.Errorf("headers/%s.tsv line %d: %s: %q", table, n+1, why, line)
		}
		if len(cols) < 2 {
			return bad("want concept<TAB>synonym[<TAB>match[<TAB>rank or note]]")
		}
		concept, word := strings.TrimSpace(cols[0]), foldHeader(strings.TrimSpace(cols[1]))
		match := "word"
		if len(cols) > 2 && strings.TrimSpace(cols[2]) != "" {
			match = strings.TrimSpace(cols[2])
		}
		extra := ""
		if len(cols) > 3 {
			extra = strings.TrimSpace(cols[3])
		}
		if word == "" {
			return bad("empty synonym")
		}
		s := synonym{word: word, table: table, line: n + 1}
		if field, ok := strings.CutPrefix(concept, "="); ok {
			if match != "header" {
				return bad("a direct mapping (=field) matches the whole header only")
			}
			d := directSyn{synonym: s, rank: 1}
			field, d.unit, _ = strings.Cut(field, "@")
			if _, ok := weightFactor(d.unit); d.unit != "" && !ok {
				return bad("unknown weight unit " + d.unit)
			}
			if field != "-" {
				if !knownField(reconcile.Field(field)) {
					return bad("unknown field " + field)
				}
				d.field = reconcile.Field(field)
				if extra != "" {
					r, err := strconv.Atoi(extra)
					if err != nil {
						return bad("rank is not a number")
					}
					d.rank = r
				}
			} else {
				d.note = extra
				if d.note == "" {
					return bad("an unmapped header (=-) needs a note saying why")
				}
			}
			if old, dup := t.direct[word]; dup {
				return bad(fmt.Sprintf("header already mapped in %s.tsv line %d", old.table, old.line))
			}
			t.direct[word] = d
			continue
		}
		if !knownConcept(concept) {
			return bad("unknown concept " + concept + " (see headers/README.md)")
		}
		c := t.concepts[concept]
		if c == nil {
			c = &conceptSyns{words: map[string]synonym{}, headers: map[string]synonym{}}
			t.concepts[concept] = c
		}
		switch match {
		case "word":
			if old, dup := c.words[word]; dup {
				// One word in several languages (fatura: pt, tr): the
				// reason names every table.
				old.table += ".tsv, " + table
				c.words[word] = old
				continue
			}
			c.words[word] = s
			if cur, ok := strings.CutPrefix(concept, "cur:"); ok {
				t.currencyWords[word] = cur
			}
		case "prefix":
			c.prefixes = append(c.prefixes, s)
		case "contains":
			c.contains = append(c.contains, s)
		case "header":
			c.headers[word] = s
		default:
			return bad("match must be word, prefix, contains or header")
		}
	}
	return nil
}

func knownField(f reconcile.Field) bool {
	for _, k := range reconcile.Fields {
		if k == f {
			return true
		}
	}
	return false
}

// concepts lists every concept the rules ask about; a table row naming
// another is an error, so a typo cannot silently do nothing.
var concepts = []string{
	"consignee", "shipper", "tax_id", "party_id", "other_party", "address",
	"country", "country_role", "origin", "destination", "dispatch",
	"hs", "tariff", "code", "description", "goods", "desc_word",
	"date", "registration", "period",
	"bill_of_lading", "container", "invoice", "declaration", "number", "item",
	"currency", "weight", "net", "gross", "quantity", "unit", "supplementary",
	"value", "unit_price", "tax_fee", "customs_value", "invoice_value", "total",
	"shipment_detail",
}

func knownConcept(c string) bool {
	if strings.HasPrefix(c, "cur:") && len(c) == 7 {
		return true
	}
	if u, ok := strings.CutPrefix(c, "wunit:"); ok {
		_, known := weightFactor(u)
		return known
	}
	for _, k := range concepts {
		if k == c {
			return true
		}
	}
	return false
}

// hit is one synonym that matched a header.
type hit struct {
	concept string
	syn     synonym
}

func (h hit) String() string {
	return fmt.Sprintf("%s “%s” (%s.tsv)", h.concept, h.syn.word, h.syn.table)
}

// is reports whether the header holds a synonym of the concept, and
// records the match for the mapping's reason.
func (h hdr) is(concept string) bool {
	c := synonyms.concepts[concept]
	if c == nil {
		return false
	}
	if s, ok := c.headers[h.joined]; ok {
		h.record(concept, s)
		return true
	}
	for _, t := range h.toks {
		if s, ok := c.words[t]; ok {
			h.record(concept, s)
			return true
		}
	}
	for _, p := range c.prefixes {
		for _, t := range h.toks {
			if strings.HasPrefix(t, p.word) {
				h.record(concept, p)
				return true
			}
		}
	}
	for _, s := range c.contains {
		if strings.Contains(h.joined, s.word) {
			h.record(concept, s)
			return true
		}
	}
	return false
}

func (h hdr) record(concept string, s synonym) {
	if h.hits == nil {
		return
	}
	for _, o := range *h.hits {
		if o.concept == concept {
			return
		}
	}
	*h.hits = append(*h.hits, hit{concept, s})
}

// tagged finds the concept of the form prefix+"XXX" (cur:USD, wunit:kg)
// whose synonym the header holds, and returns XXX.
func (h hdr) tagged(prefix string) (string, bool) {
	found := ""
	// In name order, not map order: h.is records what it finds in the
	// mapping's reason, which must read the same on every run.
	for _, name := range slices.Sorted(maps.Keys(synonyms.concepts)) {
		if rest, ok := strings.CutPrefix(name, prefix); ok && h.is(name) {
			if found != "" && found != rest {
				return "", false // two different currencies: say nothing
			}
			found = rest
		}
	}
	return found, found != ""
}

// foldHeader lower-cases and folds what spellings vary on: Latin
// diacritics (Descripción, Ağırlık, Ithalatçı with a dotless ı, as
// spreadsheets typed without a Turkish keyboard write them) and ё. Other
// letters stay: Ukrainian і and Kazakh ө are letters of their own.
func foldHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // combining marks: İ lower-cases to i + U+0307
		}
		b.WriteRune(r)
	}
	return b.String()
}

var latinFold = func() map[rune]string {
	m := map[rune]string{'ё': "е"}
	for to, from := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ĝğġģ", "i": "ìíîïĩīĭįı",
		"l": "ĺļľŀł", "n": "ñńņňŉ", "o": "òóôõöøōŏő", "r": "ŕŗř", "s": "śŝşš", "t": "ţťŧ",
		"u": "ùúûüũūŭůűų", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range from {
			m[r] = to
		}
	}
	return m
}()
