package match

import (
	"context"

	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"tradecheck/reconcile/names"
)

// Candidate generation. Each unit is indexed under its rare core words and
// under a signature of its rarest character trigrams; candidates are the
// units that share at least one posting. Postings longer than maxPosting
// (words such as TRADING that survive the generic list) are not probed,
// so the cost stays about linear in the number of names.

const (
	sigGrams   = 6
	maxPosting = 400
)

type scored struct {
	u, v int32
	s    float32
}

func trigrams(s string) []string {
	r := []rune("^" + s + "$")
	if len(r) < 3 {
		return []string{string(r)}
	}
	out := make([]string, 0, len(r)-2)
	for i := 0; i+3 <= len(r); i++ {
		out = append(out, string(r[i:i+3]))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type index struct {
	tokPost  [][]int32 // token id -> units
	gramPost [][]int32 // gram id -> units whose signature has it
	tokOK    []bool    // token id is rare enough to probe and not generic
	gramOK   []bool
	sigs     [][]int32 // per unit: signature gram ids
	grams    [][]int32 // per unit: all gram ids, sorted
	toks     [][]int32 // per unit: token ids, sorted
	need     []uint8   // per unit: needHits, kept apart from grams so the probe loop stays in cache
}

func buildIndex(ctx context.Context, profs []*profile) (*index, error) {
	ix := &index{}
	n := len(profs)
	ix.sigs = make([][]int32, n)
	ix.toks = make([][]int32, n)
	ix.grams = make([][]int32, n)
	tokID := map[string]int32{}
	gramID := map[string]int32{}
	var gdf []int32
	var tokGeneric []bool
	// Grams and words per unit are made in parallel; ids are given in
	// unit order below, so they do not depend on scheduling.
	gramsOf := make([][]string, n)
	wordsOf := make([][]string, n)
	forEach(n, func(i int) { gramsOf[i], wordsOf[i] = indexTerms(profs[i]) })
	for i, p := range profs {
		if i%8192 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if !p.indexable() {
			continue
		}
		g, words := gramsOf[i], wordsOf[i]
		gramsOf[i], wordsOf[i] = nil, nil
		var ids []int32
		if len(g) > 0 {
			ids = make([]int32, len(g))
		}
		for k, x := range g {
			id, ok := gramID[x]
			if !ok {
				id = int32(len(gdf))
				gramID[x] = id
				gdf = append(gdf, 0)
			}
			gdf[id]++
			ids[k] = id
		}
		slices.Sort(ids)
		ix.grams[i] = ids
		var tids []int32
		for _, k := range words {
			id, ok := tokID[k]
			if !ok {
				id = int32(len(ix.tokPost))
				tokID[k] = id
				ix.tokPost = append(ix.tokPost, nil)
				tokGeneric = append(tokGeneric, names.IsGeneric(k))
			}
			tids = append(tids, id)
		}
		slices.Sort(tids)
		tids = slices.Compact(tids)
		ix.toks[i] = tids
		for _, id := range tids {
			ix.tokPost[id] = append(ix.tokPost[id], int32(i))
		}
	}
	ix.tokOK = make([]bool, len(ix.tokPost))
	for id, l := range ix.tokPost {
		ix.tokOK[id] = len(l) <= maxPosting && !tokGeneric[id]
	}
	ix.gramPost = make([][]int32, len(gdf))
	for i, g := range ix.grams {
		if g == nil {
			continue
		}
		sig := slices.Clone(g)
		slices.SortFunc(sig, func(a, b int32) int {
			if d := int(gdf[a]) - int(gdf[b]); d != 0 {
				return d
			}
			return int(a - b)
		})
		sig = sig[:min(sigGrams, len(sig))]
		ix.sigs[i] = sig
		for _, x := range sig {
			ix.gramPost[x] = append(ix.gramPost[x], int32(i))
		}
	}
	ix.gramOK = make([]bool, len(ix.gramPost))
	for id, l := range ix.gramPost {
		ix.gramOK[id] = len(l) <= maxPosting
	}
	ix.need = make([]uint8, n)
	for i := range ix.need {
		ix.need[i] = needHits(ix, i)
	}
	return ix, nil
}

// indexTerms are the grams and words a unit is indexed under.
func indexTerms(p *profile) (g, words []string) {
	if !p.indexable() {
		return nil, nil
	}
	// The name and its second readings ("X (ALIAS)") are indexed
	// together; a name of generic words and a number only under its
	// exact key, since that is all it may match.
	if p.n.Distinctive {
		g = trigrams(p.joined)
		if p.flat != p.joined {
			// Spacing ignored: SNII GGIMS keys its short words apart
			// and meets SNIIGGIMS only written together.
			g = append(g, trigrams(p.flat)...)
		}
		words = slices.Clip(p.n.Core) // appended to below: never into the name's own array
		if alt := altJoined(p.n); alt != "" {
			// The Ц reading of c (names.SoftC) is indexed too.
			g = append(g, trigrams(alt)...)
			words = slices.Clone(words)
			for _, a := range p.n.AltCore {
				if a != "" {
					words = append(words, a)
				}
			}
		}
	} else if p.n.Numbered {
		words = []string{"\x00#" + p.n.CoreKey() + "\x1f" + string(p.n.Class())}
	}
	for _, a := range p.alts {
		if a.n.Distinctive {
			g = append(g, trigrams(a.joined)...)
			words = append(words, a.n.Core...)
		}
	}
	slices.Sort(g)
	g = slices.Compact(g)
	return g, words
}

// altJoined is the core keys written together with every SoftC reading
// in place, or "" when the name has none.
func altJoined(n *names.Name) string {
	var b []byte
	has := false
	for i, k := range n.Core {
		if a := n.AltCore[i]; a != "" {
			k, has = a, true
		}
		b = append(b, k...)
	}
	if !has {
		return ""
	}
	return string(b)
}

// candidates scores every candidate pair (u<v) and keeps those at or above
// keep. Work is split over the CPUs; the result is sorted by score, then
// by unit indexes, so it does not depend on scheduling.
func (ix *index) candidates(ctx context.Context, profs []*profile, keep float64, progress func(done, total int)) ([]scored, error) {
	n := len(profs)
	workers := max(1, runtime.GOMAXPROCS(0))
	var next atomic.Int64
	var done atomic.Int64
	const chunk = 512
	outs := make([][]scored, workers)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			stamp := make([]int32, n)
			for i := range stamp {
				stamp[i] = -1
			}
			hits := make([]uint8, n)
			var touched []int32
			var out []scored
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					break
				}
				if ctx.Err() != nil {
					firstErr.Store(ctx.Err())
					break
				}
				hi := min(n, lo+chunk)
				for u := lo; u < hi; u++ {
					pu := profs[u]
					// Shared rare words make a candidate at once.
					for _, k := range ix.toks[u] {
						if !ix.tokOK[k] {
							continue
						}
						list := ix.tokPost[k]
						for _, v := range list {
							if int(v) != u && stamp[v] != int32(u) {
								stamp[v] = int32(u)
								hits[v] = 100 // a shared rare word is enough
								touched = append(touched, v)
							}
						}
					}
					// Character trigrams: u's grams against the others'
					// signatures (their rarest grams). Two hits are needed,
					// one for very short names.
					for _, g := range ix.grams[u] {
						if !ix.gramOK[g] {
							continue
						}
						list := ix.gramPost[g]
						for _, v := range list {
							if int(v) == u {
								continue
							}
							if stamp[v] != int32(u) {
								stamp[v] = int32(u)
								hits[v] = 0
								touched = append(touched, v)
							}
							if hits[v] < 200 {
								hits[v]++
							}
						}
					}
					for _, v := range touched {
						h := hits[v]
						if h < ix.need[v] {
							continue
						}
						// Count each pair once: from the lower index, or from
						// the higher one when the lower would not find it. A
						// shared rare word (h >= 100) is found from both.
						if int(v) < u && (h >= 100 || ix.sigReaches(int(v), u)) {
							continue
						}
						s := scoreFast(pu, profs[v])
						if s >= keep {
							a, b := int32(u), v
							if b < a {
								a, b = b, a
							}
							out = append(out, scored{a, b, float32(s)})
						}
					}
					touched = touched[:0]
				}
				d := done.Add(int64(hi - lo))
				if progress != nil {
					progress(int(d), n)
				}
			}
			outs[w] = out
		}(w)
	}
	wg.Wait()
	if err, ok := firstErr.Load().(error); ok && err != nil {
		return nil, err
	}
	var all []scored
	for _, o := range outs {
		all = append(all, o...)
	}
	slices.SortFunc(all, func(a, b scored) int {
		switch {
		case a.s > b.s:
			return -1
		case a.s < b.s:
			return 1
		case a.u != b.u:
			return int(a.u - b.u)
		}
		return int(a.v - b.v)
	})
	return all, nil
}

// needHits is how many of v's signature grams a probe must share. One
// typo breaks at most three grams, so with six signature grams three
// still meet; short names need fewer.
func needHits(ix *index, v int) uint8 {
	switch g := len(ix.grams[v]); {
	case g <= 4:
		return 1
	case g < 9:
		return 2
	}
	return 3
}

// sigReaches reports whether probing from u finds v through grams: enough
// of v's signature grams among u's grams. (A shared rare word, the other
// way to be found, is symmetric: the probe loop knows it already.)
func (ix *index) sigReaches(u, v int) bool {
	var h uint8
	for _, g := range ix.sigs[v] {
		if !ix.gramOK[g] {
			continue
		}
		if _, ok := slices.BinarySearch(ix.grams[u], g); ok {
			h++
		}
	}
	return h >= ix.need[v]
}
