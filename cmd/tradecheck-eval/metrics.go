package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"tradecheck/reconcile/match"
)

type scores struct{ p, r, f1, pt, ft, pc, fc float64 }

func evaluate(items []item, opt match.Options, w io.Writer, show int) scores {
	ms := make([]match.Mention, len(items))
	for i, it := range items {
		ms[i] = match.Mention{Name: it.name, Role: match.Consignee, Count: 1}
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	res, err := match.Cluster(context.Background(), ms, nil, opt, nil)
	if err != nil {
		fmt.Fprintf(w, "cluster: %v\n", err)
		return scores{}
	}
	el := time.Since(t0)
	runtime.ReadMemStats(&m1)
	// Same Key mentions are one mention for the matcher: map back by index.
	var tp, fp, fn, fpTwin, fpCore int64
	var truePairs int64
	fam := map[string]int64{}
	for _, it := range items {
		fam[it.family]++
	}
	for _, c := range fam {
		truePairs += c * (c - 1) / 2
	}
	for _, e := range res.Entities {
		byFam := map[string]int64{}
		byGroup := map[string]int64{}
		byTwin := map[string]int64{}
		byCore := map[string]int64{}
		for _, m := range e.Members {
			byCore[items[m].coreTwin]++
			byFam[items[m].family]++
			byGroup[items[m].group]++
			byTwin[items[m].twin]++
		}
		n := int64(len(e.Members))
		all := n * (n - 1) / 2
		var sf, sg, st int64
		for _, c := range byFam {
			sf += c * (c - 1) / 2
		}
		for _, c := range byGroup {
			sg += c * (c - 1) / 2
		}
		for _, c := range byTwin {
			st += c * (c - 1) / 2
		}
		var sc int64
		for _, c := range byCore {
			sc += c * (c - 1) / 2
		}
		fpCore += all - sc
		tp += sf
		fp += all - sg
		fpTwin += all - st
	}
	fn = truePairs - tp
	p := safeDiv(float64(tp), float64(tp+fp))
	r := safeDiv(float64(tp), float64(truePairs))
	f1 := safeDiv(2*p*r, p+r)
	pt := safeDiv(float64(tp), float64(tp+fpTwin))
	ft := safeDiv(2*pt*r, pt+r)
	pc := safeDiv(float64(tp), float64(tp+fpCore))
	fmt.Fprintf(w, "  pairs: true %d, found %d, missed %d; false merges %d, of which %d between groups with an identical name and %d more between groups with a name identical after transliteration and legal-form kind\n",
		truePairs, tp, fn, fp, fp-fpTwin, fpTwin-fpCore)
	fmt.Fprintf(w, "  (%d entities, %d review pairs = %.1f per 1,000 names, %v, %.0f MB allocated)\n", len(res.Entities), len(res.Review),
		1000*safeDiv(float64(len(res.Review)), float64(len(items))), el.Round(time.Millisecond), float64(m1.TotalAlloc-m0.TotalAlloc)/1e6)
	fmt.Fprintf(w, "  %-78s %9s %7s %7s\n", "ground truth", "precision", "recall", "F1")
	fmt.Fprintf(w, "  %-78s %9.4f %7.4f %7.4f\n", "L1 list group IDs, joined by INN/OGRN", p, r, f1)
	fmt.Fprintf(w, "  %-78s %9.4f %7.4f %7.4f\n", "L2 also joining groups that share an identical name (lists' duplicates)", pt, r, ft)
	fmt.Fprintf(w, "  %-78s %9.4f %7.4f %7.4f\n", "L3 also joining groups with one name after transliteration and legal-form kind", pc, r, safeDiv(2*pc*r, pc+r))
	fmt.Fprintf(w, "  true pairs merged or in review: %.4f\n", reviewRecall(items, res))
	if show > 0 {
		showErrors(w, items, res, show)
		biggest(w, items, res, show)
		reasonKinds(w, items, res)
	}
	if os.Getenv("TRADECHECK_EVAL_SAMPLE") != "" {
		sampleFalse(w, items, res, 60)
	}
	if t := os.Getenv("TRADECHECK_EVAL_TRACE"); t != "" {
		trace(w, items, res, t)
	}
	byKind(w, items, res)
	reviewPrecision(w, items, res)
	if missedLabel != "" {
		missBreakdown(w, items, res)
	}
	if err := dumpMissed(items, res); err != nil {
		fmt.Fprintf(w, "  missed pairs: %v\n", err)
	}
	return scores{p, r, f1, pt, ft, pc, safeDiv(2*pc*r, pc+r)}
}

// byKind reports recall per kind of variant: of the pairs (real name,
// variant of it), how many ended in one entity.
func byKind(w io.Writer, items []item, res *match.Result) {
	realOf := map[string]int{}
	for i, it := range items {
		if it.kind == "real" {
			realOf[it.family] = i
		}
	}
	inReview := map[[2]int]bool{}
	for _, p := range res.Review {
		a, b := res.EntityOf[p.A], res.EntityOf[p.B]
		inReview[[2]int{min(a, b), max(a, b)}] = true
	}
	type cnt struct{ ok, rev, all int }
	k := map[string]*cnt{}
	for i, it := range items {
		if it.kind == "" || it.kind == "real" {
			continue
		}
		ri, ok := realOf[it.family]
		if !ok {
			continue
		}
		c := k[it.kind]
		if c == nil {
			c = &cnt{}
			k[it.kind] = c
		}
		c.all++
		a, b := res.EntityOf[i], res.EntityOf[ri]
		if a == b {
			c.ok++
		}
		if a == b || inReview[[2]int{min(a, b), max(a, b)}] {
			c.rev++
		}
	}
	if len(k) == 0 {
		return
	}
	var kinds []string
	for n := range k {
		kinds = append(kinds, n)
	}
	sort.Strings(kinds)
	fmt.Fprint(w, "  variant joined its real name, by kind (merged / merged or in review):")
	for _, n := range kinds {
		fmt.Fprintf(w, " %s %.3f/%.3f (%d)", n, float64(k[n].ok)/float64(k[n].all), float64(k[n].rev)/float64(k[n].all), k[n].all)
	}
	fmt.Fprintln(w)
}

func showErrors(w io.Writer, items []item, res *match.Result, n int) {
	shown := 0
	for _, e := range res.Entities {
		if shown >= n {
			break
		}
		core := e.Members[0]
		for k, m := range e.Members[1:] {
			if items[m].coreTwin != items[core].coreTwin {
				fmt.Fprintf(w, "  FALSE MERGE %q ~ %q: %s\n", items[core].name, items[m].name, e.Reasons[k+1])
				shown++
				break
			}
		}
	}
	shown = 0
	realOf := map[string]int{}
	for i, it := range items {
		if it.kind == "real" {
			realOf[it.family] = i
		}
	}
	for i, it := range items {
		if shown >= n {
			break
		}
		if k := os.Getenv("TRADECHECK_EVAL_KIND"); k != "" && it.kind != k {
			continue
		}
		if ri, ok := realOf[it.family]; ok && ri != i && res.EntityOf[i] != res.EntityOf[ri] {
			sc, why := match.Explain(match.Mention{Name: items[ri].name}, match.Mention{Name: it.name})
			fmt.Fprintf(w, "  MISSED [%s] %q ~ %q (alone %.2f: %s)\n", it.kind, items[ri].name, it.name, sc, strings.Join(why, "; "))
			shown++
		}
	}
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// baseline clusters by fingerprint key collision and prints pairwise
// precision and recall, for comparison.
func baseline(items []item, w io.Writer) {
	key := func(s string) string {
		f := strings.Fields(plainFold(s))
		sort.Strings(f)
		out := f[:0]
		for i, x := range f {
			if i == 0 || x != f[i-1] {
				out = append(out, x)
			}
		}
		return strings.Join(out, " ")
	}
	groups := map[string][]int{}
	for i, it := range items {
		k := key(it.name)
		groups[k] = append(groups[k], i)
	}
	var tp, fp, truePairs int64
	fam := map[string]int64{}
	for _, it := range items {
		fam[it.family]++
	}
	for _, c := range fam {
		truePairs += c * (c - 1) / 2
	}
	// False pairs against the three levels of ground truth (see evaluate).
	var fp2, fp3 int64
	pairsOff := func(ms []int, label func(item) string) int64 {
		by := map[string]int64{}
		for _, m := range ms {
			by[label(items[m])]++
		}
		n := int64(len(ms))
		same := int64(0)
		for _, c := range by {
			same += c * (c - 1) / 2
		}
		return n*(n-1)/2 - same
	}
	for _, ms := range groups {
		byFam := map[string]int64{}
		for _, m := range ms {
			byFam[items[m].family]++
		}
		for _, c := range byFam {
			tp += c * (c - 1) / 2
		}
		fp += pairsOff(ms, func(it item) string { return it.group })
		fp2 += pairsOff(ms, func(it item) string { return it.twin })
		fp3 += pairsOff(ms, func(it item) string { return it.coreTwin })
	}
	r := safeDiv(float64(tp), float64(truePairs))
	fmt.Fprintf(w, "recall %.4f; precision L1 %.4f  L2 %.4f  L3 %.4f\n", r,
		safeDiv(float64(tp), float64(tp+fp)), safeDiv(float64(tp), float64(tp+fp2)), safeDiv(float64(tp), float64(tp+fp3)))
}
