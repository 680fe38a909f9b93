package screen

import (
	"math/bits"
	"strings"

	"tradecheck/reconcile/names"
)

// prepped is a name analysed once, with what the quick test needs: the
// core joined without spaces, a weight and a letter mask per core word,
// and its second readings prepared the same way. Listed names are
// prepared when the index is built, a query once per query.
type prepped struct {
	n      *names.Name
	joined string
	seq    string    // SeqKey, for numbered and number names
	w      []float64 // per core word
	masks  []uint32  // per core word
	wsum   float64
	alts   []*prepped
}

func prep(n *names.Name) *prepped {
	p := &prepped{n: n, joined: strings.Join(n.Core, ""), w: make([]float64, len(n.Core)), masks: make([]uint32, len(n.Core))}
	if n.Numbered || numberName(n) || genericName(n) {
		p.seq = n.SeqKey()
	}
	for i, k := range n.Core {
		// The matcher's weights outside a run: a generic word a tenth of
		// another, a word of one or two letters 0.6.
		w := 1.0
		switch {
		case names.IsGeneric(k):
			w = 0.1
		case len(k) <= 2:
			w = 0.6
		}
		p.w[i] = w
		p.wsum += w
		p.masks[i] = letterMask(k)
	}
	for _, a := range n.Alts {
		p.alts = append(p.alts, prep(a))
	}
	return p
}

// letterMask has one bit per letter a-z present in a key: two keys
// within two edits differ in at most four bits.
func letterMask(k string) uint32 {
	var m uint32
	for i := 0; i < len(k); i++ {
		c := k[i] | 0x20
		if c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// near reports whether two core words are partners for the quick test:
// equal, or within two edits when both have five letters or more.
func near(a string, am uint32, b string, bm uint32) bool {
	if a == b {
		return true
	}
	if len(a) < 5 || len(b) < 5 || abs(len(a)-len(b)) > 2 || bits.OnesCount32(am^bm) > 4 {
		return false
	}
	return withinEdits(a, b, 2)
}
