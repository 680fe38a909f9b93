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
// the matcher's word score to reach the threshold. The matcher also
// scores a name's second readings (the part in brackets, the part
// outside) against the other name whole, and a name cut at a field width
// as the start of a longer one; so does this test.
func plausible(q, l *prepped, minTok float64) bool {
	if plausibleWhole(q, l, minTok) {
		return true
	}
	for _, a := range q.alts {
		if plausibleWhole(a, l, minTok) {
			return true
		}
	}
	for _, a := range l.alts {
		if plausibleWhole(q, a, minTok) {
			return true
		}
	}
	return false
}

func plausibleWhole(q, l *prepped, minTok float64) bool {
	if (q.n.Cut || q.n.Open) && startsLike(q.n, l.n) || (l.n.Cut || l.n.Open) && startsLike(l.n, q.n) {
		return true
	}
	if !q.n.Distinctive || !l.n.Distinctive {
		return q.seq != "" && q.seq == l.seq
	}
	if q.joined == l.joined {
		return true
	}
	return coverage(q, l) >= minTok && coverage(l, q) >= minTok
}

// startsLike reports whether a name that may be cut starts the way the
// other does: the matcher's cut rule wants every word but the last to
// agree, in order, so the first must.
func startsLike(cut, whole *names.Name) bool {
	if len(cut.Keys) == 0 || len(whole.Keys) < len(cut.Keys) {
		return false
	}
	a, b := cut.Keys[0], whole.Keys[0]
	return a == b || strings.HasPrefix(b, a) || (len(a) >= 5 && len(b) >= 5 && withinEdits(a, b, 2))
}

// coverage is the weighted share of a's core words that have a partner
// in b.
func coverage(a, b *prepped) float64 {
	if a.wsum == 0 {
		return 0
	}
	var got float64
	for i, k := range a.n.Core {
		for j, m := range b.n.Core {
			if near(k, a.masks[i], m, b.masks[j]) {
				got += a.w[i]
				break
			}
		}
	}
	return got / a.wsum
}

// withinEdits reports whether a and b are at most d insertions,
// deletions or substitutions apart (bounded Levenshtein on bytes; the keys
// are ASCII after transliteration).
func withinEdits(a, b string, d int) bool {
	if abs(len(a)-len(b)) > d {
		return false
	}
	// Rows on the stack for the usual short keys.
	var pbuf, cbuf [48]int
	var prev, cur []int
	if len(b)+1 > len(pbuf) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	} else {
		prev, cur = pbuf[:len(b)+1], cbuf[:len(b)+1]
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		lo := cur[0]
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
// two rules the matcher leaves out: two number names that are the same
// number with compatible legal forms; and two names made only of generic
// words that are identical, which go to review (never listed: "DUBAI
// TRADING COMPANY" is on a list, and many firms are called that).
func scoreNames(query string, q *prepped, ln *listedName) (float64, []string) {
	qn, l := q.n, ln.n
	if numberName(qn) && numberName(l) {
		if qn.SeqKey() != l.SeqKey() {
			return 0, nil
		}
		if !compatible(qn, l) {
			return 0, []string{fmt.Sprintf("same number, legal forms differ: %s / %s", qn.Class(), l.Class())}
		}
		return 0.99, []string{"same number and legal form: " + qn.Display()}
	}
	if genericName(qn) && genericName(l) {
		if q.seq != ln.p.seq || !compatible(qn, l) {
			return 0, nil
		}
		return GenericScore, []string{"identical name, but made only of generic words (" + qn.Display() + "): only a tax ID or an address can confirm it"}
	}
	return match.Explain(match.Mention{Name: query}, match.Mention{Name: ln.text})
}

// GenericScore is the score of two identical names made only of generic
// words: in the review zone.
const GenericScore = 0.85

// genericName reports whether a name is only generic words (two or more)
// and perhaps a legal form.
func genericName(n *names.Name) bool {
	return !n.Distinctive && !n.Numbered && !n.Cut && len(n.Numbers) == 0 && len(n.Core) >= 2
}

// compatible reports whether two names' legal forms may be one firm's.
func compatible(a, b *names.Name) bool {
	x, y := a.Class(), b.Class()
	return x == "" || y == "" || x == y || x.Loose() && y.Loose()
}

// adjust applies what screening knows beyond the matcher. Each rule can
// only lower a score.
//
// Brackets in the name as written: the matcher reads "X (Y)" also as Y.
// On a list that is how aliases are written; in a customs record the
// brackets more often hold a city or a branch ("… BP ABIDJAN (CITY)"),
// so a hit made only through them stays in review.
//
// First letters: a slip of one letter is tolerated in long words, but when
// the words differ in their first letter (KAROON / MAROON, DAESONG /
// TAESONG, PYONGJIN / YONGJIN) they are more often two names than a typo,
// which seldom hits the first letter; review, not listed.
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
func adjust(score float64, reasons []string, q *prepped, l *prepped, tax string, e *Entry, opt Options) (float64, []string) {
	below := max(opt.ReviewThreshold, opt.Threshold-0.01)
	viaAlt := len(reasons) > 0 && strings.HasPrefix(reasons[0], altReason)
	// A name cut at a field width lacks the words after the cut and ends
	// in a stump: the word rules below do not apply to it.
	cut := len(reasons) > 0 && strings.HasPrefix(reasons[0], cutReason)
	if viaAlt && score >= opt.Threshold {
		read := strings.TrimPrefix(reasons[0], altReason)
		if isReading(q, read) && !isReading(l, read) && read != outside(q.n) {
			score = below
			reasons = append(reasons, "matched only through the part in brackets of the name as written ("+read+"); brackets in customs records often hold a place or a branch")
		}
	}
	if cut && score >= opt.Threshold && l.n.Cut && strings.Contains(reasons[0], fmt.Sprintf("%q is the start of", strings.TrimSpace(l.n.Original))) {
		// The matcher took the listed name for one cut short and the
		// name as written for the whole: but a list writes names in
		// full, so the name as written is a longer one, a subsidiary
		// or another firm that starts the same way.
		score = below
		reasons = append(reasons, "the listed name is complete; the name as written goes on after it")
	} else if cut && score >= opt.Threshold && wholeWords(q.n, l.n) {
		score = below
		reasons = append(reasons, "the name as written ends with a whole word of the listed name, so it may be complete: a parent, a branch or another firm that starts the same way")
	}
	if !viaAlt && !cut && score >= opt.Threshold {
		if a, b := shortWordsDiffer(q.n, l.n); a != "" {
			score = below
			reasons = append(reasons, fmt.Sprintf("short words spelt differently (%s / %s): initials are letters, not sounds, so spelling folds do not apply", a, b))
		}
	}
	if !viaAlt && !cut && score >= opt.Threshold && score < 0.99 {
		if a, b := firstLetterSlip(q.n, l.n); a != "" {
			score = below
			reasons = append(reasons, fmt.Sprintf("the words differ in their first letter (%s / %s): more often two names than a typo", a, b))
		}
	}
	if !viaAlt && !cut && score >= opt.ReviewThreshold && score < 0.99 {
		if a, b := loneWord(q.n, l.n), loneWord(l.n, q.n); a != "" && b != "" {
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
		score = below
	}
	return score, append(reasons, fmt.Sprintf("different INN: %s here, %s on the list", t, strings.Join(listed, ", ")))
}

// wholeWords reports whether a name ends with the very word the other
// has at that place, and the other goes on: a cut at a word boundary, or
// no cut at all.
func wholeWords(q, l *names.Name) bool {
	k := len(q.Keys)
	return k > 0 && k < len(l.Keys) && q.Keys[k-1] == l.Keys[k-1]
}

// cutReason starts the matcher's reason for a name cut at a field width.
const cutReason = "cut at "

// altReason starts the matcher's reason for a score through a second
// reading of a name written with brackets.
const altReason = "one name written two ways, with and without brackets; read as "

// outside is the display of a name without its bracketed parts: the
// reading that is the name itself, not what the brackets add.
func outside(n *names.Name) string {
	var b strings.Builder
	depth := 0
	for _, r := range n.Original {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return names.Analyze(b.String()).Display()
}

// isReading reports whether display is one of a name's second readings.
func isReading(p *prepped, display string) bool {
	for _, a := range p.alts {
		if a.n.Display() == display {
			return true
		}
	}
	return false
}

// shortWordsDiffer finds initials or short words (three letters or fewer)
// that the matcher's spelling folds made equal but that are written with
// another number of letters: MX / MKS (x folds to ks), R K / RCC (joined,
// cc folds to k). Transliteration is kept: МКС and MKS are the same, and
// so are TK and TC.
func shortWordsDiffer(a, b *names.Name) (string, string) {
	short := func(n *names.Name) string {
		var w []string
		for _, t := range n.CoreLat {
			if len(t) <= 3 {
				w = append(w, t)
			}
		}
		return strings.Join(w, " ")
	}
	x, y := short(a), short(b)
	if x == y || (x == "" && y == "") {
		return "", ""
	}
	if len(strings.ReplaceAll(x, " ", "")) == len(strings.ReplaceAll(y, " ", "")) {
		// One letter for another (TK / TC, MAK / MAC, VPO / WPO) is how
		// transliterations of short Cyrillic words differ; a fold that
		// changes the number of letters (x → ks, cc → c) is not.
		return "", ""
	}
	if joinCore(a) != joinCore(b) {
		return "", "" // the short words did not make the match
	}
	return strings.ToUpper(x), strings.ToUpper(y)
}

// firstLetterSlip finds a distinctive word of a whose partner in b is not
// the same word but a near one starting with another letter.
func firstLetterSlip(a, b *names.Name) (string, string) {
	for i, k := range a.Core {
		if names.IsGeneric(k) || len(k) < 3 || slicesContains(b.Core, k) {
			continue
		}
		for j, m := range b.Core {
			if m != "" && k[0] != m[0] && len(k) >= 5 && len(m) >= 5 && withinEdits(k, m, 2) {
				return strings.ToUpper(a.CoreLat[i]), strings.ToUpper(b.CoreLat[j])
			}
		}
	}
	return "", ""
}

func slicesContains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
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
