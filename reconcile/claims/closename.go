package claims

import (
	"fmt"
	"slices"
	"strings"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
)

// A claim names a firm as a reporter writes it: "Falcon Drones Trading"
// for FALCON DRONE TRADING FZE, a letter off, a word plural. Same name and
// name words need every word as the data writes it, and the closest-name
// search needs the query's letters in order (DRONES has an S the data
// lacks), so such a claim found nothing at all and was told "Nothing
// found". closeSpelling scores the name against the data's names with
// the matcher's own scorer (match.Explain) and takes the best entity at
// or above the matcher's review threshold: a name the matcher would have
// put before the user as maybe the same firm. Below its merge threshold
// the verdict says the name was read only loosely.

// ByCloseSpelling: the matcher scores the name as the same firm, or as
// one to review, but no rule above matched it.
const ByCloseSpelling = "close spelling"

// maxCloseCandidates bounds the names scored per claim name: those that
// share the start of a word with it, most shared first.
const maxCloseCandidates = 5000

// closeSpelling returns the entities whose names score best against q at
// or above the review threshold, with the score and the matcher's reasons.
func (rv *resolver) closeSpelling(res *match.Result, role match.Role, q string, qn *names.Name) (ents []int32, score float64, why string) {
	if len(qn.Core) == 0 {
		return nil, 0, ""
	}
	starts := wordStarts(qn.Core)
	type cand struct{ m, shared int }
	var cands []cand
	for m, k := range rv.keys {
		if !rv.roleOK(m, role) || m >= len(res.EntityOf) {
			continue
		}
		n := 0
		for _, w := range k.words {
			if len(w) >= 3 && slices.Contains(starts, w[:3]) {
				n++
			}
		}
		if n > 0 {
			cands = append(cands, cand{m, n})
		}
	}
	if len(cands) > maxCloseCandidates {
		slices.SortStableFunc(cands, func(a, b cand) int { return b.shared - a.shared })
		cands = cands[:maxCloseCandidates]
	}
	best := map[int32]float64{}
	reasons := map[int32][]string{}
	top := 0.0
	for _, c := range cands {
		s, r := match.Explain(match.Mention{Name: q, Role: role}, rv.mentions[c.m])
		if s < match.DefaultReviewThreshold {
			continue
		}
		e := int32(res.EntityOf[c.m])
		if s > best[e] {
			best[e], reasons[e] = s, r
		}
		top = max(top, s)
	}
	if top == 0 {
		return nil, 0, ""
	}
	for e, s := range best {
		if s >= top-0.005 {
			ents = append(ents, e)
		}
	}
	slices.Sort(ents)
	return ents, top, strings.Join(reasons[ents[0]], "; ")
}

// wordStarts are the first three letters of each word key.
func wordStarts(keys []string) []string {
	var out []string
	for _, k := range keys {
		if len(k) >= 3 {
			out = append(out, k[:3])
		}
	}
	return out
}

// Loose reports a name read only loosely: the closest name in the data,
// or a close spelling the matcher would not merge on its own.
func (r *Resolved) Loose() bool {
	return r.How == ByClosest || r.How == ByCloseSpelling && r.Score < match.DefaultAutoThreshold
}

// closeNote is Note for a close spelling.
func (r *Resolved) closeNote() string {
	q := "“" + r.Query + "” was read as " + strings.Join(r.Names, ", ")
	if r.Loose() {
		return fmt.Sprintf("%s, but only loosely: the matcher scores them %.2f, below its merge threshold %.2f (%s): check it.",
			q, r.Score, match.DefaultAutoThreshold, r.Why)
	}
	return fmt.Sprintf("%s (close spelling: the matcher scores them %.2f, %s): check it.", q, r.Score, r.Why)
}

// resolutionText is what the verdict's reason says of names resolved by
// spelling alone, "" when every name was found as written.
func resolutionText(v *Verdict) string {
	var out []string
	for _, r := range v.Resolved {
		if r.How != ByCloseSpelling && r.How != ByClosest || len(r.Names) == 0 {
			continue
		}
		s := fmt.Sprintf("The %s “%s” was read as %s", r.Role, r.Query, strings.Join(r.Names, ", "))
		switch {
		case r.How == ByClosest:
			s += ", the closest name in the data, a loose reading: check it before relying on this verdict."
		case r.Loose():
			s += fmt.Sprintf(" only loosely (matcher score %.2f): check it before relying on this verdict.", r.Score)
		default:
			s += fmt.Sprintf(" (close spelling, matcher score %.2f).", r.Score)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return ""
	}
	return " " + strings.Join(out, " ")
}
