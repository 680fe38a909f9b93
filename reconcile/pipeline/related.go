package pipeline

import (
	"slices"
	"strings"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/names"
)

// relatedEntities turns the name matcher's review pairs into the merge's
// relations: entities the matcher relates but did not merge. A pair whose
// two names are written in different scripts (names.ScriptOf) is marked
// CrossScript, the only kind the merge's names-in-review rule may merge
// on; the matcher's own decision (review, not merged) is not changed.
// Pairs the user decided in Review are no longer in names.Review: a
// confirmed pair is one entity, a rejected one is no relation.
func relatedEntities(res *match.Result) []merge.Relation {
	if res == nil || len(res.Review) == 0 {
		return nil
	}
	var out []merge.Relation
	for _, p := range res.Review {
		if p.A < 0 || p.B < 0 || p.A >= len(res.Mentions) || p.B >= len(res.Mentions) ||
			p.A >= len(res.EntityOf) || p.B >= len(res.EntityOf) {
			continue
		}
		ea, eb := res.EntityOf[p.A], res.EntityOf[p.B]
		if ea < 0 || eb < 0 || ea == eb {
			continue
		}
		na, nb := res.Mentions[p.A].Name, res.Mentions[p.B].Name
		sa, sb := names.ScriptOf(na), names.ScriptOf(nb)
		cross := sa != sb && sa != names.ScriptNone && sb != names.ScriptNone
		out = append(out, merge.Relation{A: int32(ea), B: int32(eb), CrossScript: cross, NameA: na, NameB: nb, Why: reviewWhy(p.Reasons)})
	}
	return out
}

// reviewWhy shortens a review pair's reasons for a shipment's reason: the
// cross-script ones ("sounds alike when read back from Cyrillic …",
// "same words in translation …", "… read in pinyin …") when there are
// any, else all of them; each once.
func reviewWhy(rs []string) string {
	var cross, all []string
	for _, r := range rs {
		if slices.Contains(all, r) {
			continue
		}
		all = append(all, r)
		if strings.Contains(r, "never merged on this alone") {
			cross = append(cross, strings.TrimSuffix(r, ", never merged on this alone"))
		}
	}
	if len(cross) > 0 {
		return "review pair: " + strings.Join(cross, "; ")
	}
	return "review pair: " + strings.Join(all, "; ")
}
