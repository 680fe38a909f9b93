package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
)

// missClass puts a true pair that ended neither merged nor in review
// into the class of why, so the closing note can say what is left and what
// no rule can reach. The order matters: the first class that fits wins.
func missClass(a, b item) string {
	na, nb := names.Analyze(a.name), names.Analyze(b.name)
	cut := func(it item, n *names.Name) bool { return it.kind == "cut35" || n.Cut }
	for _, x := range []struct {
		it item
		n  *names.Name
	}{{a, na}, {b, nb}} {
		if cut(x.it, x.n) && x.n.FormOnly {
			return "cut, only a legal form left"
		}
	}
	for _, x := range []struct {
		it item
		n  *names.Name
	}{{a, na}, {b, nb}} {
		if cut(x.it, x.n) && !x.n.Distinctive {
			return "cut, only generic words and a stump left"
		}
	}
	if cut(a, na) || cut(b, nb) {
		return "cut, other"
	}
	if !na.Distinctive || !nb.Distinctive {
		return "no distinctive word (generic words, a number)"
	}
	if len(na.Numbers)+len(nb.Numbers) > 0 && strings.Join(na.Numbers, " ") != strings.Join(nb.Numbers, " ") {
		return "numbers differ"
	}
	ka, kb := a.kind, b.kind
	if ka != "real" && kb != "real" && ka != kb {
		return "two changes (" + min(ka, kb) + " + " + max(ka, kb) + ")"
	}
	k := ka
	if k == "real" {
		k = kb
	}
	return "one change: " + k
}

// missBreakdown prints, per class, the share of all true pairs that ended
// apart (neither merged nor in review), and the ceiling of merged-or-in-
// review that the first class leaves.
func missBreakdown(w io.Writer, items []item, res *match.Result) {
	cls := map[string]int{}
	all, apart := 0, 0
	legalOnly := 0 // true pairs with a name cut to its legal form, however they ended
	eachTruePair(items, res, func(i, j int, seen bool) {
		all++
		if isLegalOnlyCut(items[i]) || isLegalOnlyCut(items[j]) {
			legalOnly++
		}
		if !seen {
			apart++
			cls[missClass(items[i], items[j])]++
		}
	})
	var keys []string
	for k := range cls {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(x, y int) bool {
		if cls[keys[x]] != cls[keys[y]] {
			return cls[keys[x]] > cls[keys[y]]
		}
		return keys[x] < keys[y]
	})
	fmt.Fprintf(w, "  true pairs apart (neither merged nor in review): %d of %d (%.4f); by class, share of all true pairs:\n", apart, all, safeDiv(float64(apart), float64(all)))
	for _, k := range keys {
		fmt.Fprintf(w, "    %-62s %5d  %.4f\n", k, cls[k], safeDiv(float64(cls[k]), float64(all)))
	}
	fmt.Fprintf(w, "  ceiling: %d true pairs (%.4f) hold a name cut to only its legal form, which starts every firm of that form;\n"+
		"  merged or in review can reach at most %.4f if none of them is put before the user\n",
		legalOnly, safeDiv(float64(legalOnly), float64(all)), 1-safeDiv(float64(legalOnly), float64(all)))
}

func isLegalOnlyCut(it item) bool {
	n := names.Analyze(it.name)
	return (it.kind == "cut35" || n.Cut) && n.FormOnly
}

// reviewReasons are the cross-script passes' reasons (reconcile/match
// phonetic.go) and the cut-name pass's, by the words they start with.
var reviewReasons = []struct{ label, prefix string }{
	{"phonetic key (sounds alike from Cyrillic)", "sounds alike when read back from Cyrillic"},
	{"translation", "same words in translation"},
	{"pinyin", "the Chinese name's first characters read in pinyin"},
	{"cut name starts one to four firms", "may be cut at"},
	{"generic words only, same or one slip apart", "only generic words"},
	{"same letters once spaces and schemes are set aside", "the same letters"},
	{"ends in a legal form", "ends in a legal form"},
	{"same cut name written alike", "the same cut name"},
}

// reviewPrecision prints, per kind of review reason, how many review
// pairs carry it and the share that join one firm (precision of the
// review queue per reason), at L1 (list IDs) and L3 (lists' duplicates
// joined). A pair counts under every reason it carries; "score only" is a
// pair with none of them.
func reviewPrecision(w io.Writer, items []item, res *match.Result) {
	type cnt struct{ all, l1, l3 int }
	byReason := map[string]*cnt{}
	var labels []string
	add := func(label string, p match.Pair) {
		c := byReason[label]
		if c == nil {
			c = &cnt{}
			byReason[label] = c
			labels = append(labels, label)
		}
		c.all++
		a, b := items[p.A], items[p.B]
		if a.group == b.group {
			c.l1++
		}
		if a.coreTwin == b.coreTwin {
			c.l3++
		}
	}
	for _, p := range res.Review {
		found := false
		for _, r := range reviewReasons {
			for _, why := range p.Reasons {
				if strings.HasPrefix(why, r.prefix) {
					add(r.label, p)
					found = true
					break
				}
			}
		}
		if !found {
			add("score only", p)
		} else if os.Getenv("TRADECHECK_EVAL_CROSS") != "" {
			fmt.Fprintf(w, "  CROSS %v %q / %q: %s\n", items[p.A].coreTwin == items[p.B].coreTwin, items[p.A].name, items[p.B].name, strings.Join(p.Reasons, "; "))
		}
	}
	sort.Strings(labels)
	fmt.Fprintf(w, "  review pairs by reason (pairs, share true at L1 / L3):")
	for _, l := range labels {
		c := byReason[l]
		fmt.Fprintf(w, " %s %d %.3f/%.3f;", l, c.all, safeDiv(float64(c.l1), float64(c.all)), safeDiv(float64(c.l3), float64(c.all)))
	}
	fmt.Fprintln(w)
}
