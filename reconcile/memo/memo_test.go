package memo

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/samples"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// sampleRun runs the sample sources with the sample claims, plus the
// decisions given.
func sampleRun(t *testing.T, ds []match.Decision, sds []merge.Decision) (*pipeline.Result, []claims.Verdict) {
	t.Helper()
	dir := filepath.Join("..", "..", "samples")
	var files []string
	for _, s := range samples.Sources {
		files = append(files, filepath.Join(dir, s))
	}
	cs, errs := pipeline.ReadClaims(context.Background(), filepath.Join(dir, "claims.csv"), "")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p := pipeline.NewProject(files...)
	p.Claims, p.Decisions, p.ShipmentDecisions = cs, ds, sds
	res, err := pipeline.Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res, res.CheckClaims()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test ./reconcile/memo -update and review the diff", name)
	}
}

// TestGoldenSamples pins the memo of the sample claims, both renderings.
// A user decision (an exclusion on C7's rows) shows up in C7's memo.
func TestGoldenSamples(t *testing.T) {
	t.Parallel()
	res, vs := sampleRun(t, nil, nil)
	m := Build(res, vs, Options{})
	golden(t, "samples.md", m.Markdown())
	h, err := m.HTML()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "samples.html", h)
}

// TestDecisionsAndEscaping: the user's decisions reach the claims they
// touch and no other, and text from files or claims cannot inject markup
// into either rendering.
func TestDecisionsAndEscaping(t *testing.T) {
	t.Parallel()
	when := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	ds := []match.Decision{{Op: match.OpConfirm, Name: "OOO TEKHKRIM", Role: match.Consignee, Other: "TEHKRIM LLC",
		OtherRole: match.Consignee, Time: when, Note: "same INN in the register"}}
	sds := []merge.Decision{{Op: merge.OpExclude, Row: "aggregator_export_2022_ILLUSTRATIVE.xlsx!Shipments:99", Reason: "re-export", Time: when}}
	res, vs := sampleRun(t, ds, sds)
	vs[0].Claim.Text = `Evil <script>alert(1)</script> | *bold* [x](http://e)`
	m := Build(res, vs, Options{Generated: when})
	for _, tc := range []struct {
		id       string
		wantName bool // the confirm about Tekhkrim spellings
		wantShip bool // the exclusion of row 99 (S174)
	}{
		{"C1", true, true}, {"C7", true, true}, {"C2", false, false}, {"C10", false, false},
	} {
		t.Run(tc.id, func(t *testing.T) {
			c := m.One(tc.id).Claims[0]
			joined := strings.Join(c.Decisions, "\n")
			if got := strings.Contains(joined, "confirmed that “OOO TEKHKRIM” (consignee) and “TEHKRIM LLC”"); got != tc.wantName {
				t.Errorf("name decision listed = %v, want %v; decisions:\n%s", got, tc.wantName, joined)
			}
			if got := strings.Contains(joined, "excluded the shipment holding row aggregator_export_2022_ILLUSTRATIVE.xlsx!Shipments:99 on 2026-11-30: re-export"); got != tc.wantShip {
				t.Errorf("shipment decision listed = %v, want %v; decisions:\n%s", got, tc.wantShip, joined)
			}
		})
	}
	h, err := m.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h, "<script>") || !strings.Contains(h, "Evil &lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the claim's text reached the HTML unescaped")
	}
	md := m.Markdown()
	if !strings.Contains(md, `| C1 | Evil \<script\>alert(1)\</script\> \| \*bold\* \[x\](http://e) | **Contradicted**`) {
		t.Errorf("the claim's text was not escaped in the Markdown summary table:\n%s", md[:600])
	}
	if !strings.Contains(md, "Checked with Tradecheck "+pipeline.Version+" on 2026-11-30 09:00 UTC.") {
		t.Error("the generation time is missing from the byline")
	}
}

// TestWriteDir writes the memo files atomically into a new folder, one
// pair for all claims and one per claim, with IDs made file-safe.
func TestWriteDir(t *testing.T) {
	t.Parallel()
	res, vs := sampleRun(t, nil, nil)
	vs[1].Claim.ID = "../C2"
	m := Build(res, vs[:2], Options{})
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := WriteDir(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range paths {
		if filepath.Dir(p) != dir {
			t.Errorf("%s written outside %s", p, dir)
		}
		names = append(names, filepath.Base(p))
	}
	want := "memo.md memo.html memo-C1.md memo-C1.html memo-.._C2.md memo-.._C2.html"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("wrote %s, want %s", got, want)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 6 {
		t.Errorf("the folder holds %d entries, want 6 (no temporary files left)", len(ents))
	}
	one, _ := os.ReadFile(filepath.Join(dir, "memo-C1.md"))
	if !strings.HasPrefix(string(one), "# Verification memo: claim C1\n") || strings.Contains(string(one), "## ../C2") {
		t.Errorf("memo-C1.md is not C1's memo alone:\n%.300s", one)
	}
}

// TestRulesListOnlyAppliedRates: the memo's exchange rates are those a
// shipment's USD value was converted with, each with how many; a rate
// the data never needed is not listed as if a conversion had happened.
func TestRulesListOnlyAppliedRates(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "samples")
	var files []string
	for _, s := range samples.Sources {
		files = append(files, filepath.Join(dir, s))
	}
	for _, tc := range []struct {
		name  string
		rates []totals.Rate
		want  []string
	}{
		{"one applied, one not needed", []totals.Rate{{Currency: "у.е.", ToUSD: 1}, {Currency: "EUR", ToUSD: 1.05}},
			[]string{"Exchange rate: 1 у.е. = 1 USD (every month without its own rate), applied to 1 shipment"}},
		{"none needed", []totals.Rate{{Currency: "EUR", ToUSD: 1.05}},
			[]string{"Exchange rates: given, but no shipment's value needed one: every value used was in USD or had no rate given"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := pipeline.NewProject(files...)
			p.Rates = tc.rates
			res, err := pipeline.Run(context.Background(), p, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range Build(res, nil, Options{}).Rules {
				if strings.HasPrefix(r.Name, "Exchange") {
					got = append(got, r.Name+": "+r.Value)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("exchange-rate rules:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
