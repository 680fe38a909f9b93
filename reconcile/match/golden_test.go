package match

import (
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden_clusters.txt")

// goldenSets are the inputs whose clustering is pinned by
// testdata/golden_clusters.txt: the benchmark's synthetic names, and the
// fixture names with spellings derived from them (cut at 35 characters, a
// space dropped, two letters swapped, lower case), which reach the rules
// for cut names, spacing and slips. Work on speed must leave every
// assignment, reason and review pair as it was.
func goldenSets(t *testing.T) map[string][]Mention {
	sets := map[string][]Mention{}
	var ms []Mention
	for _, s := range synthNames(20000, 7) {
		ms = append(ms, Mention{Name: s, Role: Consignee, Count: 1})
	}
	sets["synth-20000-7"] = ms
	fx, _ := loadBlocks(t)
	var dv []Mention
	for _, m := range fx {
		dv = append(dv, m)
		for _, v := range derived(m.Name) {
			dv = append(dv, Mention{Name: v, Role: Consignee, Count: 1})
		}
	}
	sets["fixtures-derived"] = dv
	return sets
}

// derived spells a name the ways customs exports do.
func derived(s string) []string {
	var out []string
	if utf8.RuneCountInString(s) > TruncationWidth {
		out = append(out, string([]rune(s)[:TruncationWidth]))
	}
	if w := strings.Fields(s); len(w) >= 2 {
		out = append(out, w[0]+w[1]+" "+strings.Join(w[2:], " "))
		longest := 0
		for i := range w {
			if len(w[i]) > len(w[longest]) {
				longest = i
			}
		}
		if r := []rune(w[longest]); len(r) >= 6 {
			r[2], r[3] = r[3], r[2]
			w[longest] = string(r)
			out = append(out, strings.Join(w, " "))
		}
	}
	out = append(out, strings.ToLower(s))
	return out
}

// clusterDigest is a hash of everything Cluster decides: each mention's
// entity, canonical name, reason and score, and the review pairs with
// their reasons.
func clusterDigest(res *Result) (string, string) {
	h := sha256.New()
	for i, e := range res.Entities {
		fmt.Fprintf(h, "E %d %s %q\n", i, e.ID, e.Canonical)
		for k, m := range e.Members {
			fmt.Fprintf(h, "  %q %q %.4f\n", res.Mentions[m].Name, e.Reasons[k], e.Scores[k])
		}
	}
	for _, p := range res.Review {
		fmt.Fprintf(h, "R %q %q %.4f %q\n", res.Mentions[p.A].Name, res.Mentions[p.B].Name, p.Score, p.Reasons)
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:32], fmt.Sprintf("%d entities, %d review pairs", len(res.Entities), len(res.Review))
}

func TestGoldenClusters(t *testing.T) {
	if testing.Short() {
		t.Skip("clusters 20,000 names")
	}
	const path = "testdata/golden_clusters.txt"
	want := map[string]string{}
	if b, err := os.ReadFile(path); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if k, v, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
				want[k] = v
			}
		}
	} else if !*updateGolden {
		t.Fatal(err)
	}
	sets := goldenSets(t)
	var out strings.Builder
	out.WriteString("# Digest of Cluster's output per input set (golden_test.go); -update-golden rewrites it.\n")
	for _, name := range []string{"fixtures-derived", "synth-20000-7"} {
		res, err := Cluster(context.Background(), sets[name], nil, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		d, counts := clusterDigest(res)
		got := d + " " + counts
		fmt.Fprintf(&out, "%s\t%s\n", name, got)
		if !*updateGolden && want[name] != got {
			t.Errorf("%s: clustering changed: got %s, want %s", name, got, want[name])
		}
	}
	if *updateGolden {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
