package screen

import (
	"sort"

	"tradecheck/reconcile/match"
)

// MentionQueries turns clustered names into queries: one per mention (a
// name as written, in its role, with its tax ID), keyed by the ID of the
// entity it belongs to. Every spelling of a firm is screened, since a
// list may know only one of them.
func MentionQueries(res *match.Result) []Query {
	if res == nil {
		return nil
	}
	qs := make([]Query, 0, len(res.Mentions))
	for i, m := range res.Mentions {
		key := ""
		if i < len(res.EntityOf) && res.EntityOf[i] >= 0 && res.EntityOf[i] < len(res.Entities) {
			key = res.Entities[res.EntityOf[i]].ID
		}
		qs = append(qs, Query{Key: key, Name: m.Name, Role: string(m.Role), TaxID: m.TaxID})
	}
	return qs
}

// Best keeps one hit per party and list entry: per (Key, Role, list,
// listed ID) the confirmed hit, else the best-scoring one that is not
// rejected, else the rejected one. Several spellings of a firm hitting
// one listed entry make one row. The result is sorted by Key, Role, then
// score descending.
func Best(hits []Hit) []Hit {
	type k struct{ key, role, src, id string }
	at := map[k]int{}
	var out []Hit
	rank := func(h *Hit) int {
		switch h.Status {
		case StatusConfirmed:
			return 3
		case StatusRejected:
			return 0
		}
		return 1
	}
	for _, h := range hits {
		kk := k{h.Key, h.Role, h.Source, h.ListedID}
		i, ok := at[kk]
		if !ok {
			at[kk] = len(out)
			out = append(out, h)
			continue
		}
		o := &out[i]
		if rank(&h) > rank(o) || (rank(&h) == rank(o) && h.Score > o.Score) {
			*o = h
		}
	}
	SortHits(out)
	return out
}

// SortHits orders hits in place by Key (entity ID), Role, then score
// descending: the order of the Screening sheet and the screen command.
func SortHits(hits []Hit) {
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		return a.Score > b.Score
	})
}

// Listed returns the keys (entity IDs) that have a hit counting as listed
// (listed or confirmed), for a Listed column.
func Listed(hits []Hit) map[string]bool {
	out := map[string]bool{}
	for _, h := range hits {
		if h.Status.Counts() {
			out[h.Key] = true
		}
	}
	return out
}
