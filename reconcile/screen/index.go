package screen

import (
	"strings"

	"tradecheck/reconcile/names"
)

// Index holds the organisations of some lists, ready to screen names
// against. It is read-only once built and safe for concurrent use.
type Index struct {
	lists   []*List
	entries []entryRef
	names   []listedName
	byKey   map[string][]int32 // core word key -> names
	byDel   map[string][]int32 // a long key with one letter deleted -> names
	byStart map[string][]int32 // the first letters (four or more) of a key -> names, for names cut short
	byWhole map[string][]int32 // core keys joined without spaces; "#"+SeqKey for numbered names
	byID    map[string][]int32 // normalised identifier -> entries
	byPhon  map[string][]int32 // phonetic key of a Latin name -> names, for Cyrillic spellings (phonetic.go)
	screens int                // organisations indexed
}

type entryRef struct {
	list, entry int32
}

// listedName is one name of an indexed entry, analysed once.
type listedName struct {
	entry int32 // into Index.entries
	text  string
	n     *names.Name
	p     *prepped
}

// NewIndex indexes the organisations of the lists. Individuals, vessels,
// aircraft and untyped entries are not indexed: screening company names
// against them would only make false hits (a firm named after a person
// is matched through the firm's own listing).
func NewIndex(lists []*List) *Index {
	x := &Index{lists: lists, byKey: map[string][]int32{}, byDel: map[string][]int32{}, byStart: map[string][]int32{},
		byWhole: map[string][]int32{}, byID: map[string][]int32{}, byPhon: map[string][]int32{}}
	for li, l := range lists {
		for ei := range l.Entries {
			e := &l.Entries[ei]
			if e.Kind != KindOrganization {
				continue
			}
			x.screens++
			ref := int32(len(x.entries))
			x.entries = append(x.entries, entryRef{int32(li), int32(ei)})
			seen := map[string]bool{}
			for _, nm := range e.Names {
				if seen[nm.Text] {
					continue
				}
				seen[nm.Text] = true
				n := names.Analyze(nm.Text)
				ni := int32(len(x.names))
				x.names = append(x.names, listedName{entry: ref, text: nm.Text, n: n, p: prep(n)})
				x.addName(n, ni)
				x.addPhonetic(n, ni)
				for _, alt := range n.Alts {
					x.addName(alt, ni)
				}
			}
			for _, id := range e.IDs {
				if v := normID(id.Value); usableID(v) {
					x.byID[v] = appendOnce(x.byID[v], ref)
				}
			}
		}
	}
	return x
}

// Organizations is the number of organisations screened against.
func (x *Index) Organizations() int { return x.screens }

// entry returns the list and entry of an indexed entry.
func (x *Index) entry(i int32) (*List, *Entry) {
	r := x.entries[i]
	l := x.lists[r.list]
	return l, &l.Entries[r.entry]
}

func appendOnce(s []int32, v int32) []int32 {
	if len(s) > 0 && s[len(s)-1] == v {
		return s
	}
	return append(s, v)
}

// addName files a name under its words. Generic words, legal forms and
// words of one or two letters are not filed: they never make a hit by
// themselves, so a name that shares only them with a listed name is never
// even scored against it.
func (x *Index) addName(n *names.Name, ni int32) {
	for _, k := range indexKeys(n) {
		x.byKey[k] = appendOnce(x.byKey[k], ni)
		if len(k) >= fixMin {
			for _, d := range deletions(k) {
				x.byDel[d] = appendOnce(x.byDel[d], ni)
			}
		}
		for l := stumpMin; l < len(k); l++ {
			x.byStart[k[:l]] = appendOnce(x.byStart[k[:l]], ni)
		}
	}
	if n.Distinctive {
		j := joinCore(n)
		x.byWhole[j] = appendOnce(x.byWhole[j], ni)
	}
	if n.Numbered {
		k := "#" + n.SeqKey()
		x.byWhole[k] = appendOnce(x.byWhole[k], ni)
	}
	if numberName(n) || genericName(n) {
		k := "=" + n.SeqKey()
		x.byWhole[k] = appendOnce(x.byWhole[k], ni)
	}
}

// indexKeys are the core words a name is found by.
func indexKeys(n *names.Name) []string {
	if !n.Distinctive {
		return nil
	}
	var out []string
	for _, k := range n.Core {
		if len(k) < 3 || names.IsGeneric(k) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// fixMin is the shortest word looked up with a slip: the matcher accepts
// a one-letter slip only in words of seven letters or more when no other
// word of the names agrees (when one does, that word finds the name).
const fixMin = 7

// stumpMin is the shortest last word of a name cut at a field width that
// is looked up as the start of a listed word.
const stumpMin = 4

// deletions are a key with each of its letters left out in turn. Two
// words one substitution, insertion, deletion or swap of neighbours apart
// share one of them (or one is the other): looking up a word's deletions
// among the listed words' deletions and the words themselves finds every
// listed word one slip away, and few others (the symmetric-delete
// method). Two slips in one word are found only through another word the
// names share.
func deletions(k string) []string {
	out := make([]string, 0, len(k))
	for i := 0; i < len(k); i++ {
		if i > 0 && k[i] == k[i-1] {
			continue // deleting either of two equal letters gives the same
		}
		out = append(out, k[:i]+k[i+1:])
	}
	return out
}

// joinCore is a name's core keys without spaces: "TEKH KRIM" finds
// "TEKHKRIM".
func joinCore(n *names.Name) string { return strings.Join(n.Core, "") }
