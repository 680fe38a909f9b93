package ui

import (
	"context"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
)

// searchHit is one entity found by the search box.
type searchHit struct {
	Entity  int    // index into Names.Entities
	Text    string // the name that matched, as written
	Matched []int  // rune offsets in Text to highlight
}

// entitySearch wraps the matcher's search index over a result's names as
// written (and, inside the index, their transliterations).
type entitySearch struct {
	res   *pipeline.Result
	index *match.SearchIndex
}

// newEntitySearch indexes every mention of res.
func newEntitySearch(ctx context.Context, res *pipeline.Result) (*entitySearch, error) {
	if res == nil || res.Names == nil {
		return &entitySearch{res: res}, nil
	}
	names := make([]string, len(res.Names.Mentions))
	for i, m := range res.Names.Mentions {
		names[i] = m.Name
	}
	idx, err := match.NewSearchIndex(ctx, names, nil)
	if err != nil {
		return nil, err
	}
	return &entitySearch{res: res, index: idx}, nil
}

// search finds entities by any of their names, best first, one hit per
// entity, at most limit.
func (s *entitySearch) search(q string, limit int) []searchHit {
	if s == nil || s.index == nil || q == "" {
		return nil
	}
	// Ask for more names than entities wanted: several names of one
	// entity often match.
	ms := s.index.Search(q, limit*4)
	seen := map[int]bool{}
	var hits []searchHit
	for _, m := range ms {
		e := s.res.Names.EntityOf[m.Index]
		if e < 0 || seen[e] {
			continue
		}
		seen[e] = true
		hits = append(hits, searchHit{Entity: e, Text: m.Name, Matched: m.Positions})
		if len(hits) >= limit {
			break
		}
	}
	return hits
}
