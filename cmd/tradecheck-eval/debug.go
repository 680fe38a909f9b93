package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tradecheck/reconcile/match"
)

// biggest prints the entities that cost the most false-merge pairs.
func biggest(w io.Writer, items []item, res *match.Result, n int) {
	type ent struct {
		i  int
		fp int64
	}
	var es []ent
	for i, e := range res.Entities {
		byGroup := map[string]int64{}
		for _, m := range e.Members {
			byGroup[items[m].coreTwin]++
		}
		k := int64(len(e.Members))
		all := k * (k - 1) / 2
		var sg int64
		for _, c := range byGroup {
			sg += c * (c - 1) / 2
		}
		es = append(es, ent{i, all - sg})
	}
	sort.Slice(es, func(a, b int) bool { return es[a].fp > es[b].fp })
	for _, x := range es[:min(n, len(es))] {
		e := res.Entities[x.i]
		fmt.Fprintf(w, "  ENTITY %s %q size %d false pairs %d\n", e.ID, e.Canonical, len(e.Members), x.fp)
		for k, m := range e.Members[:min(8, len(e.Members))] {
			fmt.Fprintf(w, "     %-28s %q  %s\n", items[m].group, items[m].name, e.Reasons[k])
		}
	}
}

// reasonKinds counts members that sit in an entity whose core is from
// another (non-twin) group, by the first words of their reason.
func reasonKinds(w io.Writer, items []item, res *match.Result) {
	c := map[string]int{}
	for _, e := range res.Entities {
		core := e.Members[0]
		for k, m := range e.Members {
			if items[m].twin == items[core].twin {
				continue
			}
			r := e.Reasons[k]
			if i := strings.IndexAny(r, ":0123456789"); i > 0 {
				r = r[:i]
			}
			c[r]++
		}
	}
	fmt.Fprintf(w, "  members from another group than their core, by reason: %v\n", c)
}

// trace prints every entity holding a name that contains sub (any case).
func trace(w io.Writer, items []item, res *match.Result, sub string) {
	sub = strings.ToLower(sub)
	done := map[int]bool{}
	for i, it := range items {
		if !strings.Contains(strings.ToLower(it.name), sub) || done[res.EntityOf[i]] {
			continue
		}
		ei := res.EntityOf[i]
		done[ei] = true
		e := res.Entities[ei]
		fmt.Fprintf(w, "  TRACE %s %q\n", e.ID, e.Canonical)
		for k, m := range e.Members {
			fmt.Fprintf(w, "     %-28s %-10s %q  %.2f %s\n", items[m].group, items[m].kind, items[m].name, e.Scores[k], e.Reasons[k])
		}
	}
	for _, p := range res.Review {
		a, b := items[p.A].name, items[p.B].name
		if strings.Contains(strings.ToLower(a), sub) || strings.Contains(strings.ToLower(b), sub) {
			fmt.Fprintf(w, "  REVIEW %q ~ %q %.2f %s\n", a, b, p.Score, strings.Join(p.Reasons, "; "))
		}
	}
}

// sampleFalse prints n false-merge pairs drawn at random from all false
// pairs (between core-twin sets), for auditing by hand.
func sampleFalse(w io.Writer, items []item, res *match.Result, n int) {
	type pr struct{ a, b int }
	var all []pr
	for _, e := range res.Entities {
		for i := 0; i < len(e.Members); i++ {
			for j := i + 1; j < len(e.Members); j++ {
				a, b := e.Members[i], e.Members[j]
				if items[a].coreTwin != items[b].coreTwin {
					all = append(all, pr{a, b})
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	fmt.Fprintf(w, "  %d false pairs; a random sample of %d:\n", len(all), min(n, len(all)))
	for _, p := range all[:min(n, len(all))] {
		fmt.Fprintf(w, "  SAMPLE %-26s %q\n         %-26s %q\n", items[p.a].group, items[p.a].name, items[p.b].group, items[p.b].name)
	}
}

// missedDir, when set (-missed DIR), is where evaluate writes every true
// pair of a set that did not end in one entity, one TSV file per set.
var missedDir, missedLabel string

// dumpMissed writes the missed true pairs of items, with the kinds of both
// names, whether the pair reached review, and the matcher's own score and
// reasons for the pair on its own (match.Explain), for classifying misses.
func dumpMissed(items []item, res *match.Result) error {
	if missedDir == "" || missedLabel == "" {
		return nil
	}
	inReview := map[[2]int]bool{}
	for _, p := range res.Review {
		a, b := res.EntityOf[p.A], res.EntityOf[p.B]
		inReview[[2]int{min(a, b), max(a, b)}] = true
	}
	byFam := map[string][]int{}
	var fams []string
	for i, it := range items {
		if byFam[it.family] == nil {
			fams = append(fams, it.family)
		}
		byFam[it.family] = append(byFam[it.family], i)
	}
	var b strings.Builder
	b.WriteString("kind_a\tkind_b\tstatus\tclass\tscore\tname_a\tname_b\treasons\n")
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for _, f := range fams {
		ms := byFam[f]
		for x := 0; x < len(ms); x++ {
			for y := x + 1; y < len(ms); y++ {
				i, j := ms[x], ms[y]
				ea, eb := res.EntityOf[i], res.EntityOf[j]
				if ea == eb {
					continue
				}
				status := "apart"
				if inReview[[2]int{min(ea, eb), max(ea, eb)}] {
					status = "review"
				}
				sc, why := match.Explain(match.Mention{Name: items[i].name}, match.Mention{Name: items[j].name})
				class := ""
				if status == "apart" {
					class = missClass(items[i], items[j])
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\n", items[i].kind, items[j].kind, status, class, sc,
					clean.Replace(items[i].name), clean.Replace(items[j].name), clean.Replace(strings.Join(why, "; ")))
			}
		}
	}
	return os.WriteFile(filepath.Join(missedDir, "missed-"+missedLabel+".tsv"), []byte(b.String()), 0o644)
}
