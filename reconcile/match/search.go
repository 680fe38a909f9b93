package match

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"tradecheck/reconcile/names"
)

// SearchIndex answers the app's search box: fuzzy matching (sahilm/fuzzy)
// over names as written and over their Latin transliterations, so typing
// "tekhkrim" finds ООО «Техкрим». A letter-set prefilter skips names that
// lack a letter of the query before the fuzzy matcher runs.
type SearchIndex struct {
	names  []string
	lat    []string // lower-case transliteration; "" when the name has no Cyrillic
	latMap [][]int  // byte of lat -> rune of the name
	mask   []uint64 // letters of the name and of its transliteration
}

// SearchHit is one search result. Positions are rune offsets into the
// name as written, ready for highlighting.
type SearchHit struct {
	Index     int // into the names given to NewSearchIndex
	Name      string
	Score     int
	Positions []int
}

// NewSearchIndex prepares names for searching.
func NewSearchIndex(ctx context.Context, list []string, progress func(done, total int)) (*SearchIndex, error) {
	prog := safeProgress(progress)
	s := &SearchIndex{
		names:  list,
		lat:    make([]string, len(list)),
		latMap: make([][]int, len(list)),
		mask:   make([]uint64, len(list)),
	}
	for i, n := range list {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			prog(i, len(list))
		}
		m := runeMask(n)
		if names.HasCyrillic(n) {
			t, idx := names.TranslitMap(n)
			s.lat[i] = strings.ToLower(t)
			s.latMap[i] = idx
			m |= runeMask(s.lat[i])
		}
		s.mask[i] = m
	}
	prog(len(list), len(list))
	return s, nil
}

// Len is the number of names indexed.
func (s *SearchIndex) Len() int { return len(s.names) }

// runeMask sets one bit per letter or digit class: a-z, 0-9 and 28 buckets
// for every other rune. Spaces and punctuation are ignored.
func runeMask(str string) uint64 {
	var m uint64
	for _, r := range str {
		m |= runeBit(r)
	}
	return m
}

func runeBit(r rune) uint64 {
	r = unicode.ToLower(r)
	switch {
	case r >= 'a' && r <= 'z':
		return 1 << uint(r-'a')
	case r >= '0' && r <= '9':
		return 1 << uint(26+r-'0')
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return 1 << uint(36+int(r)%28)
	}
	return 0
}

type subset struct {
	strs []string
	idx  []int
}

func (s subset) String(i int) string { return s.strs[i] }
func (s subset) Len() int            { return len(s.strs) }

// Search returns the best n hits for query, best first. An empty query
// returns nothing. Names are tried as written and, when they contain
// Cyrillic, as transliterated; a Cyrillic query is also tried
// transliterated so it finds Latin spellings.
func (s *SearchIndex) Search(query string, n int) []SearchHit {
	query = strings.TrimSpace(query)
	if query == "" || n <= 0 {
		return nil
	}
	queries := []string{query}
	if names.HasCyrillic(query) {
		queries = append(queries, strings.ToLower(names.Translit(query)))
	}
	best := map[int]SearchHit{}
	for _, q := range queries {
		qm := runeMask(q)
		for _, h := range s.searchOne(q, qm) {
			if old, ok := best[h.Index]; !ok || h.Score > old.Score {
				best[h.Index] = h
			}
		}
	}
	hits := make([]SearchHit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b SearchHit) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		if la, lb := len(a.Name), len(b.Name); la != lb {
			return la - lb
		}
		return a.Index - b.Index
	})
	if len(hits) > n {
		hits = hits[:n]
	}
	return hits
}

// searchOne runs the fuzzy matcher over the prefiltered names, split over
// the CPUs.
func (s *SearchIndex) searchOne(q string, qm uint64) []SearchHit {
	workers := max(1, runtime.GOMAXPROCS(0))
	if len(s.names) < 20000 {
		workers = 1
	}
	parts := make([][]SearchHit, workers)
	var wg sync.WaitGroup
	per := (len(s.names) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*per, min(len(s.names), (w+1)*per)
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			var orig, lat subset
			for i := lo; i < hi; i++ {
				if s.mask[i]&qm != qm {
					continue
				}
				orig.strs = append(orig.strs, s.names[i])
				orig.idx = append(orig.idx, i)
				if s.lat[i] != "" {
					lat.strs = append(lat.strs, s.lat[i])
					lat.idx = append(lat.idx, i)
				}
			}
			var out []SearchHit
			for _, m := range fuzzy.FindFromNoSort(q, orig) {
				i := orig.idx[m.Index]
				out = append(out, SearchHit{Index: i, Name: s.names[i], Score: m.Score, Positions: byteToRune(s.names[i], m.MatchedIndexes)})
			}
			for _, m := range fuzzy.FindFromNoSort(q, lat) {
				i := lat.idx[m.Index]
				out = append(out, SearchHit{Index: i, Name: s.names[i], Score: m.Score, Positions: mapBack(s.latMap[i], m.MatchedIndexes)})
			}
			parts[w] = out
		}(w, lo, hi)
	}
	wg.Wait()
	var all []SearchHit
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

// byteToRune turns byte offsets into rune offsets of str.
func byteToRune(str string, bytes []int) []int {
	out := make([]int, 0, len(bytes))
	ri, bi := 0, 0
	k := 0
	for bi < len(str) && k < len(bytes) {
		if bi == bytes[k] {
			out = append(out, ri)
			k++
			continue
		}
		_, sz := utf8.DecodeRuneInString(str[bi:])
		bi += sz
		ri++
	}
	return out
}

// mapBack turns byte offsets in a transliteration into rune offsets of the
// original, merging the letters of one source rune (Х -> kh gives one
// position).
func mapBack(m []int, bytes []int) []int {
	out := make([]int, 0, len(bytes))
	for _, b := range bytes {
		if b < 0 || b >= len(m) {
			continue
		}
		r := m[b]
		if len(out) > 0 && out[len(out)-1] == r {
			continue
		}
		out = append(out, r)
	}
	return out
}
