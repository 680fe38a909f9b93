package screen

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
)

// plausible is a quick test that a query and a listed name could score at
// least the review threshold, so the matcher (which analyses both names
// again and explains itself) runs only on pairs that may hit. It is
// generous: it never rejects a pair the matcher would keep. minTok is the
// share of each name's words that must have a partner in the other for
// the matcher's word score to reach the threshold.
func plausible(q, l *names.Name, minTok float64) bool {
	if q.Cut || l.Cut || q.Open || l.Open || len(q.Alts) > 0 || len(l.Alts) > 0 {
		return true // the matcher's rules for cut names and second readings
	}
	if !q.Distinctive || !l.Distinctive {
		return (q.Numbered && l.Numbered || numberName(q) && numberName(l)) && q.SeqKey() == l.SeqKey()
	}
	if joinCore(q) == joinCore(l) {
		return true
	}
	return coverage(q, l) >= minTok && coverage(l, q) >= minTok
}

// coverage is the weighted share of a's core words that have a partner
// in b: the same key, or a key within two edits when both have five
// letters or more. Weights follow the matcher's outside a run: a generic
// word a tenth of another, a word of one or two letters 0.6.
func coverage(a, b *names.Name) float64 {
	var got, sum float64
	for _, k := range a.Core {
		w := 1.0
		switch {
		case names.IsGeneric(k):
			w = 0.1
		case len(k) <= 2:
			w = 0.6
		}
		sum += w
		for _, m := range b.Core {
			if k == m || (len(k) >= 5 && len(m) >= 5 && withinEdits(k, m, 2)) {
				got += w
				break
			}
		}
	}
	if sum == 0 {
		return 0
	}
	return got / sum
}

// withinEdits reports whether a and b are at most d insertions,
// deletions or substitutions apart (bounded Levenshtein on bytes; the keys
// are ASCII after transliteration).
func withinEdits(a, b string, d int) bool {
	if abs(len(a)-len(b)) > d {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		lo := d + 1
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			lo = min(lo, c)
		}
		if lo > d {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= d
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// numberName reports whether a name is a number with at most a legal
// form and generic words ("11420 CORP."). The matcher gives such names no
// score, since their words say nothing; the number does, when it agrees
// whole (watchman once matched "BELLETECH CORP" to "11420 CORP." on CORP
// alone, having dropped the number). Three digits at least.
func numberName(n *names.Name) bool {
	if n.Distinctive || n.Numbered || len(n.Numbers) == 0 || n.Cut {
		return false
	}
	d := 0
	for _, x := range n.Numbers {
		d += len(x)
	}
	return d >= 3
}

// scoreNames scores a query against a listed name with the matcher, plus
// the one rule the matcher leaves out: two number names that are the
// same number with compatible legal forms.
func scoreNames(query string, qn *names.Name, ln *listedName) (float64, []string) {
	if numberName(qn) && numberName(ln.n) {
		if qn.SeqKey() != ln.n.SeqKey() {
			return 0, nil
		}
		a, b := qn.Class(), ln.n.Class()
		if a != "" && b != "" && a != b && !(a.Loose() && b.Loose()) {
			return 0, []string{fmt.Sprintf("same number, legal forms differ: %s / %s", a, b)}
		}
		return 0.99, []string{"same number and legal form: " + qn.Display()}
	}
	return match.Explain(match.Mention{Name: query}, match.Mention{Name: ln.text})
}

// adjust applies what screening knows beyond the matcher.
//
// Siblings: when each name has a distinctive word the other lacks
// ("ALMAZPROM TRADE" / "ALMAZPROM INVEST"), they are two firms of one
// group, not one firm spelt two ways; the matcher caps such pairs at its
// review level, and screening drops them below it, since a list names the
// group's members one by one. A word in one name only (a subsidiary,
// "SBERBANK UKRAINE" against "SBERBANK") stays for review.
//
// A Russian INN on both sides that differs means two legal entities, so a
// name hit stays below the threshold (review, never listed).
func adjust(score float64, reasons []string, qn, ln *names.Name, tax string, e *Entry, opt Options) (float64, []string) {
	if score >= opt.ReviewThreshold && score < 0.99 {
		if a, b := loneWord(qn, ln), loneWord(ln, qn); a != "" && b != "" {
			score = min(score, opt.ReviewThreshold-0.01)
			reasons = append(reasons, fmt.Sprintf("each name has a word the other lacks (%s / %s): two firms of one group", a, b))
		}
	}
	t := normID(tax)
	if !isINN(t) {
		return score, reasons
	}
	var listed []string
	for _, id := range e.IDs {
		v := normID(id.Value)
		if !isINN(v) {
			continue
		}
		if v == t {
			return score, reasons
		}
		listed = append(listed, v)
	}
	if len(listed) == 0 {
		return score, reasons
	}
	if score >= opt.Threshold {
		score = max(opt.ReviewThreshold, opt.Threshold-0.01)
	}
	return score, append(reasons, fmt.Sprintf("different INN: %s here, %s on the list", t, strings.Join(listed, ", ")))
}

// loneWord returns the first distinctive word of a (as transliterated)
// that has no partner in b, "" if none.
func loneWord(a, b *names.Name) string {
	for i, k := range a.Core {
		if names.IsGeneric(k) || len(k) < 3 {
			continue
		}
		found := false
		for _, m := range b.Core {
			if k == m || (len(k) >= 5 && len(m) >= 5 && withinEdits(k, m, 2)) {
				found = true
				break
			}
		}
		if !found {
			return strings.ToUpper(a.CoreLat[i])
		}
	}
	return ""
}
