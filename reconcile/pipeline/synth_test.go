package pipeline

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile/internal/synth"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// synthSeeds is how many random sets TestSynthCountsOnce runs: a few in
// make test, many in make eval (TRADECHECK_SYNTH_SEEDS=500).
func synthSeeds(t *testing.T) int {
	if s := os.Getenv("TRADECHECK_SYNTH_SEEDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("TRADECHECK_SYNTH_SEEDS=%q: want a positive number", s)
		}
		return n
	}
	return 4
}

// TestSynthCountsOnce renders random true shipments into 2–4 sources of
// random layouts and traits (synth.Generate) and asserts that the
// reconciliation gives back the truth: every true shipment is exactly one
// shipment, no shipment holds rows of two true shipments, the counts and
// totals equal the truth, and another file order changes nothing, IDs
// included.
func TestSynthCountsOnce(t *testing.T) {
	first := uint64(1)
	if s := os.Getenv("TRADECHECK_SYNTH_FIRST"); s != "" {
		n, _ := strconv.ParseUint(s, 10, 64)
		first = n
	}
	for seed := first; seed < first+uint64(synthSeeds(t)); seed++ {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) {
			t.Parallel()
			set := synth.Generate(seed)
			dir := t.TempDir()
			_, _, problems := synthCheck(t, set, dir)
			if len(problems) > 0 {
				if len(problems) > 12 {
					problems = append(problems[:12], fmt.Sprintf("… and %d more", len(problems)-12))
				}
				t.Errorf("%s\n%s\nfiles kept in %s", strings.Join(problems, "\n"), set.Describe(), keep(t, dir))
			}
		})
	}
}

// synthCheck writes set into dir, reconciles it, checks the result
// against the truth (checkSynth) and against another file order.
func synthCheck(t *testing.T, set *synth.Set, dir string) (paths []string, res *Result, problems []string) {
	t.Helper()
	paths, err := set.WriteAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	res = runSynth(t, paths)
	problems = checkSynth(set, res)
	// The same files in another order give the same result.
	rng := rand.New(rand.NewPCG(set.Seed, 7))
	shuffled := append([]string(nil), paths...)
	for k := 0; k < 5 && equalStrings(shuffled, paths); k++ {
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	}
	if diff := diffRuns(res, runSynth(t, shuffled)); diff != "" {
		problems = append(problems, "another file order gave another result: "+diff)
	}
	return paths, res, problems
}

func runSynth(t *testing.T, paths []string) *Result {
	t.Helper()
	res, err := Run(context.Background(), NewProject(paths...), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Fatalf("reading failed: %v", e)
	}
	return res
}

// keep copies a failing set out of the test's temp dir so it can be
// opened after the test, when TRADECHECK_SYNTH_KEEP names a folder.
func keep(t *testing.T, dir string) string {
	to := os.Getenv("TRADECHECK_SYNTH_KEEP")
	if to == "" {
		return "(set TRADECHECK_SYNTH_KEEP=DIR to keep them)"
	}
	dst := filepath.Join(to, t.Name())
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err.Error()
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil {
			err = os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644)
		}
		if err != nil {
			return err.Error()
		}
	}
	return dst
}

// truthOf maps each record to the true shipment it renders, -1 for rows
// that are not shipments (a record from a total row).
func truthOf(set *synth.Set, res *Result) []int {
	byFile := map[string]*synth.Source{}
	for i := range set.Sources {
		byFile[set.Sources[i].FileName()] = &set.Sources[i]
	}
	out := make([]int, len(res.Records))
	for i, r := range res.Records {
		out[i] = -1
		src := byFile[filepath.Base(r.Source.File)]
		if src == nil {
			continue
		}
		row := r.Source.Row - src.Banner - 2 // 1-based, below the header
		if row >= 0 && row < len(src.Order) {
			out[i] = src.Covers[src.Order[row]]
		}
	}
	return out
}

func checkSynth(set *synth.Set, res *Result) []string {
	var problems []string
	tr := truthOf(set, res)
	rowText := func(x int32) string {
		r := res.Records[x]
		return fmt.Sprintf("%s (%s, %s, HS %s, net %v gross %v kg)", merge.RowKey(r.Source), r.Consignee.Name(), r.Date, r.HSCode, r.NetKg.Value, r.GrossKg.Value)
	}
	shipOfTruth := map[int][]string{}
	for _, sh := range res.Merge.Shipments {
		if !sh.Counted() {
			continue
		}
		seen := map[int]bool{}
		for _, x := range append(append([]int32(nil), sh.Rows...), sh.Duplicates...) {
			if tr[x] < 0 {
				problems = append(problems, fmt.Sprintf("%s counts a row that is not a shipment: %s", sh.ID, rowText(x)))
				continue
			}
			seen[tr[x]] = true
		}
		if len(seen) > 1 {
			var rows []string
			for _, x := range sh.Rows {
				rows = append(rows, rowText(x))
			}
			problems = append(problems, fmt.Sprintf("%s merges %d true shipments: %s; reasons %q", sh.ID, len(seen), strings.Join(rows, " + "), sh.Reasons))
		}
		for k := range seen {
			shipOfTruth[k] = append(shipOfTruth[k], sh.ID)
		}
	}
	for i := range set.Shipments {
		ids := shipOfTruth[i]
		if len(ids) == 1 {
			continue
		}
		var rows []string
		for x, k := range tr {
			if k == i {
				rows = append(rows, rowText(int32(x)))
			}
		}
		problems = append(problems, fmt.Sprintf("true shipment %d is counted as %d shipments %v: rows %s", i, len(ids), ids, strings.Join(rows, " + ")))
	}
	want := set.Truth()
	tbl := res.Totals(totals.ByConsignee, totals.Filter{})
	got := tbl.Total
	if got.Shipments != want.Shipments {
		problems = append(problems, fmt.Sprintf("shipments: got %d, want %d", got.Shipments, want.Shipments))
	}
	if d := math.Abs(got.Tonnes - want.Tonnes); d > want.TonnesSlack+1e-6 {
		problems = append(problems, fmt.Sprintf("tonnes: got %.4f, want %.4f (± %.4f from the written precision)", got.Tonnes, want.Tonnes, want.TonnesSlack))
	}
	if d := math.Abs(got.ValueUSD - want.ValueUSD); d > 0.005*float64(want.Shipments)+1e-6 {
		problems = append(problems, fmt.Sprintf("value: got %.2f USD, want %.2f", got.ValueUSD, want.ValueUSD))
	}
	// One entity per firm, with the firm's shipments.
	perFirm := map[string][]string{}
	for _, g := range tbl.Groups {
		firm := firmOf(res, g)
		perFirm[firm] = append(perFirm[firm], fmt.Sprintf("%s: %d", g.Label, g.Measures.Shipments))
		if n := want.ByConsignee[firm]; n != g.Measures.Shipments && len(perFirm[firm]) == 1 {
			problems = append(problems, fmt.Sprintf("consignee %s (%s): got %d shipments, want %d", firm, g.Label, g.Measures.Shipments, n))
		}
	}
	for firm, gs := range perFirm {
		if len(gs) > 1 {
			problems = append(problems, fmt.Sprintf("firm %s is split into %d entities: %s", firm, len(gs), strings.Join(gs, "; ")))
		}
	}
	return problems
}

// firmOf names the synthetic firm behind a consignee group by the names
// on its shipments, "?" when they disagree.
func firmOf(res *Result, g totals.Group) string {
	firm := ""
	for _, s := range g.Shipments {
		sh := &res.Merge.Shipments[s]
		name := strings.ToUpper(sh.ConsigneeName)
		for _, f := range synth.Firms {
			if strings.Contains(name, f.Latin) || strings.Contains(name, f.Cyrillic) {
				if firm != "" && firm != f.Latin {
					return "?"
				}
				firm = f.Latin
			}
		}
	}
	if firm == "" {
		return "? " + g.Label
	}
	return firm
}

// diffRuns compares two runs of the same files: shipment IDs with their
// rows, and the totals.
func diffRuns(a, b *Result) string {
	sig := func(r *Result) []string {
		var out []string
		for _, sh := range r.Merge.Shipments {
			var rows []string
			for _, x := range sh.Rows {
				rows = append(rows, merge.RowKey(r.Records[x].Source))
			}
			sort.Strings(rows)
			out = append(out, sh.ID+"="+strings.Join(rows, "+"))
		}
		sort.Strings(out)
		return out
	}
	sa, sb := sig(a), sig(b)
	for i := 0; i < len(sa) || i < len(sb); i++ {
		var x, y string
		if i < len(sa) {
			x = sa[i]
		}
		if i < len(sb) {
			y = sb[i]
		}
		if x != y {
			return fmt.Sprintf("shipments differ first at %q vs %q (%d vs %d shipments)", x, y, len(sa), len(sb))
		}
	}
	ta := a.Totals(totals.ByConsignee, totals.Filter{}).Total
	tb := b.Totals(totals.ByConsignee, totals.Filter{}).Total
	if ta.Shipments != tb.Shipments || ta.Tonnes != tb.Tonnes || ta.ValueUSD != tb.ValueUSD {
		return fmt.Sprintf("totals %d shipments %.6f t %.2f USD vs %d, %.6f t, %.2f USD", ta.Shipments, ta.Tonnes, ta.ValueUSD, tb.Shipments, tb.Tonnes, tb.ValueUSD)
	}
	return ""
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
