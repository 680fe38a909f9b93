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
	fold   []string // the name folded as the matcher folds it (names.Key per word)
	foldAt [][]int32
	mask   []uint64 // letters of the name, its transliteration and its fold
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
		fold:   make([]string, len(list)),
		foldAt: make([][]int32, len(list)),
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
		s.fold[i], s.foldAt[i] = foldName(n)
		m |= runeMask(s.fold[i])
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
	// The folded pass: "tekhkrim" finds TEHKRIM LLC and Techkrim, as the
	// matcher would join them. It runs only when folding changes the query.
	last := queries[len(queries)-1]
	fq, _ := foldName(last)
	if fq == strings.ToLower(last) {
		fq = ""
	}
	// The best hit per name. A short query matches most names, so names
	// point into the hit list through a slice rather than a map, and
	// positions are worked out only for the hits returned.
	at := make([]int32, len(s.names)) // 1 + index into best; 0: no hit yet
	var best []rawHit
	for k, q := range queries {
		f := ""
		if k == 0 {
			f = fq
		}
		for _, h := range s.searchOne(q, f) {
			switch j := at[h.idx]; {
			case j == 0:
				best = append(best, h)
				at[h.idx] = int32(len(best))
			case h.score > best[j-1].score:
				best[j-1] = h
			}
		}
	}
	top := make([]rawHit, 0, n+1)
	for _, h := range best {
		if len(top) == n && !s.better(h, top[n-1]) {
			continue
		}
		// Insert in order: n is small (the app asks for 20 or so).
		pos, _ := slices.BinarySearchFunc(top, h, func(a, b rawHit) int {
			if s.better(a, b) {
				return -1
			}
			return 1
		})
		top = slices.Insert(top, pos, h)
		if len(top) > n {
			top = top[:n]
		}
	}
	hits := make([]SearchHit, len(top))
	for k, h := range top {
		i := int(h.idx)
		var pos []int
		switch h.pass {
		case passName:
			pos = byteToRune(s.names[i], h.at)
		case passLat:
			pos = mapBack(s.latMap[i], h.at)
		case passFold:
			pos = mapBack(s.foldAt[i], h.at)
		}
		hits[k] = SearchHit{Index: i, Name: s.names[i], Score: h.score, Positions: pos}
	}
	return hits
}

// rawHit is a fuzzy match before positions are mapped back to the name.
type rawHit struct {
	idx   int32
	score int
	pass  uint8
	at    []int // byte offsets in the string the pass searched
}

const (
	passName = iota
	passLat
	passFold
)

// better orders hits: higher score, then shorter name, then index.
func (s *SearchIndex) better(a, b rawHit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if la, lb := len(s.names[a.idx]), len(s.names[b.idx]); la != lb {
		return la < lb
	}
	return a.idx < b.idx
}

// searchOne runs the fuzzy matcher over the prefiltered names, as
// written and transliterated, and over their folds when fq is set; split
// over the CPUs.
func (s *SearchIndex) searchOne(q, fq string) []rawHit {
	qm, fm := runeMask(q), runeMask(fq)
	lq := strings.ToLower(q)
	workers := max(1, runtime.GOMAXPROCS(0))
	if len(s.names) < 20000 {
		workers = 1
	}
	parts := make([][]rawHit, workers)
	var wg sync.WaitGroup
	per := (len(s.names) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		lo, hi := w*per, min(len(s.names), (w+1)*per)
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			var orig, lat, fold subset
			for i := lo; i < hi; i++ {
				if fq != "" && s.mask[i]&fm == fm && s.fold[i] != "" && mayMatch(fq, s.fold[i]) {
					fold.strs = append(fold.strs, s.fold[i])
					fold.idx = append(fold.idx, i)
				}
				if s.mask[i]&qm != qm {
					continue
				}
				if mayMatch(lq, s.names[i]) {
					orig.strs = append(orig.strs, s.names[i])
					orig.idx = append(orig.idx, i)
				}
				if s.lat[i] != "" && mayMatch(lq, s.lat[i]) {
					lat.strs = append(lat.strs, s.lat[i])
					lat.idx = append(lat.idx, i)
				}
			}
			var out []rawHit
			add := func(pattern string, sub subset, pass uint8) {
				for _, m := range fuzzy.FindFromNoSort(pattern, sub) {
					out = append(out, rawHit{idx: int32(sub.idx[m.Index]), score: m.Score, pass: pass, at: m.MatchedIndexes})
				}
			}
			add(q, orig, passName)
			add(q, lat, passLat)
			if fq != "" {
				add(fq, fold, passFold)
			}
			parts[w] = out
		}(w, lo, hi)
	}
	wg.Wait()
	var all []rawHit
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

// mayMatch is a quick test that the letters of the lower-case query q
// occur in order in s, as they must for the fuzzy matcher to match. It
// compares ASCII only (ASCII letters of s lowered); a query with other
// letters is always let through to the fuzzy matcher. Filtering here
// keeps the matcher's scoring and allocation to the names that match.
func mayMatch(q, s string) bool {
	j := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c >= 0x80 {
			return true
		}
		if c == ' ' {
			continue
		}
		for {
			if j >= len(s) {
				return false
			}
			d := s[j]
			j++
			if d >= 'A' && d <= 'Z' {
				d += 'a' - 'A'
			}
			if d == c {
				break
			}
		}
	}
	return true
}

// foldName folds a name word by word as the matcher does (names.Key), and
// says for each byte of the fold which rune of the name it came from.
func foldName(name string) (string, []int32) {
	// The name in lower-case Latin, with the rune each byte came from.
	var lat []byte
	var latRune []int32
	if names.HasCyrillic(name) {
		t, idx := names.TranslitMap(name)
		t = strings.ToLower(t)
		if len(t) != len(idx) {
			return "", nil // lower-casing changed lengths: no fold rather than a wrong map
		}
		lat = []byte(t)
		for _, r := range idx {
			latRune = append(latRune, int32(r))
		}
	} else {
		ri := int32(0)
		for _, r := range name {
			var buf [utf8.UTFMax]byte
			n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			for k := 0; k < n; k++ {
				lat = append(lat, buf[k])
				latRune = append(latRune, ri)
			}
			ri++
		}
	}
	var out []byte
	var at []int32
	for i := 0; i < len(lat); {
		if !isWordByte(lat[i]) {
			if len(out) > 0 && out[len(out)-1] != ' ' {
				out = append(out, ' ')
				at = append(at, latRune[i])
			}
			i++
			continue
		}
		j := i
		for j < len(lat) && isWordByte(lat[j]) {
			j++
		}
		k, src := names.KeyMap(string(lat[i:j]))
		out = append(out, k...)
		for _, b := range src {
			at = append(at, latRune[i+b])
		}
		i = j
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out, at = out[:len(out)-1], at[:len(at)-1]
	}
	return string(out), at
}

// isWordByte: ASCII letters and digits, and every byte of a non-ASCII rune
// (those words are kept as written).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
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

// mapBack turns byte offsets in a transliteration or a fold into rune
// offsets of the name as written, merging the letters of one source rune
// (Х -> kh gives one position).
func mapBack[T int | int32](m []T, bytes []int) []int {
	out := make([]int, 0, len(bytes))
	for _, b := range bytes {
		if b < 0 || b >= len(m) {
			continue
		}
		if r := int(m[b]); len(out) == 0 || out[len(out)-1] < r {
			out = append(out, r)
		}
	}
	return out
}
