package claims_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/samples"
)

// expectedClaim is one claim of samples/expected.json.
type expectedClaim struct {
	Claim     string   `json:"claim"`
	Verdict   string   `json:"verdict"`
	Lower     float64  `json:"lower"`
	Upper     *float64 `json:"upper"` // null: no upper bound
	Missing   int      `json:"missing"`
	Shipments []string `json:"shipments"`
	Boundary  []string `json:"boundary"`
}

type expectedFile struct {
	Shipments struct {
		Reconciled int `json:"reconciled"`
	} `json:"shipments"`
	Claims []expectedClaim `json:"claims"`
	Story  []struct {
		Shipment string   `json:"shipment"`
		Rows     []string `json:"rows"`
	} `json:"story_shipments"`
}

var (
	sampleOnce sync.Once
	sampleRes  *pipeline.Result
	sampleErr  error
)

// runSamples runs the pipeline once on the sample sources with the sample
// claims.
func runSamples(t testing.TB) *pipeline.Result {
	t.Helper()
	sampleOnce.Do(func() {
		var files []string
		for _, s := range samples.Sources {
			files = append(files, filepath.Join("..", "..", "samples", s))
		}
		p := pipeline.NewProject(files...)
		// The sample list, so the claim about listed consignees is checked.
		p.Lists = []string{filepath.Join("..", "..", "samples", samples.List)}
		cs, errs := pipeline.ReadClaims(context.Background(), filepath.Join("..", "..", "samples", samples.Claims), "")
		if len(errs) > 0 {
			sampleErr = errs[0]
			return
		}
		p.Claims = cs
		sampleRes, sampleErr = pipeline.Run(context.Background(), p, nil)
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleRes
}

func readExpected(t *testing.T) expectedFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "samples", samples.Expected))
	if err != nil {
		t.Fatal(err)
	}
	var e expectedFile
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestSampleClaims checks the sample claims' verdicts, bounds and the
// shipments behind them against samples/expected.json.
func TestSampleClaims(t *testing.T) {
	t.Parallel()
	res := runSamples(t)
	exp := readExpected(t)
	// The verdicts rest on the reconciliation: say so first when it is off,
	// so a failure below is read as a reconciliation defect, not a claims one.
	counted := 0
	for i := range res.Merge.Shipments {
		if res.Merge.Shipments[i].Counted() {
			counted++
		}
	}
	if counted != exp.Shipments.Reconciled {
		t.Errorf("reconciliation: got %d shipments, want %d (see samples/EXPECTED.md); the claim checks below inherit the difference",
			counted, exp.Shipments.Reconciled)
	}
	if len(res.Project.Claims) != len(exp.Claims) {
		t.Fatalf("claims read: got %d, want %d", len(res.Project.Claims), len(exp.Claims))
	}
	// Story shipments by their source rows → our shipment IDs.
	byRow := map[string]string{}
	for i := range res.Merge.Shipments {
		sh := &res.Merge.Shipments[i]
		for _, x := range sh.Rows {
			byRow[merge.RowKey(res.Records[x].Source)] = sh.ID
		}
	}
	story := map[string]string{}
	for _, s := range exp.Story {
		if len(s.Rows) > 0 {
			story[s.Shipment] = byRow[s.Rows[0]]
		}
	}
	verdicts := res.CheckClaims()
	for i, v := range verdicts {
		e := exp.Claims[i]
		t.Run(v.Claim.ID, func(t *testing.T) {
			if v.Claim.Text != e.Claim {
				t.Fatalf("claim text: got %q, want %q", v.Claim.Text, e.Claim)
			}
			if string(v.Kind) != e.Verdict {
				t.Errorf("verdict: got %s, want %s — %s", v.Kind, e.Verdict, v.Reason)
			}
			wantUpper := math.Inf(1)
			if e.Upper != nil {
				wantUpper = *e.Upper
			}
			if math.Abs(v.Lower-e.Lower) > 1e-6 || !(v.Upper == wantUpper || math.Abs(v.Upper-wantUpper) <= 1e-6) || v.Missing != e.Missing {
				t.Errorf("bounds: got %v–%v (%d missing), want %v–%v (%d missing)", v.Lower, v.Upper, v.Missing, e.Lower, wantUpper, e.Missing)
			}
			if len(v.InScope) != len(e.Shipments) {
				t.Errorf("shipments in scope: got %d %v, want %d %v", len(v.InScope), v.IDs(), len(e.Shipments), e.Shipments)
			}
			have := map[string]bool{}
			for _, id := range v.IDs() {
				have[id] = true
			}
			for _, s := range e.Shipments {
				if id, ok := story[s]; ok && !have[id] {
					t.Errorf("story shipment %s (our %s) is not in scope", s, id)
				}
			}
			near := map[string]bool{}
			for _, n := range v.Near {
				near[n.ID] = true
			}
			if v.NearTotal != len(e.Boundary) {
				t.Errorf("near the boundary: got %d, want %d", v.NearTotal, len(e.Boundary))
			}
			for _, s := range e.Boundary {
				if id, ok := story[s]; ok && v.NearTotal <= claims.MaxNear && !near[id] {
					t.Errorf("story shipment %s (our %s) is not near the boundary", s, id)
				}
			}
		})
	}
	t.Logf("verdicts: %s", summary(verdicts))
}

func summary(vs []claims.Verdict) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Claim.ID+"="+string(v.Kind))
	}
	sort.Strings(out)
	b, _ := json.Marshal(out)
	return string(b)
}

// BenchmarkCheckSamples measures re-checking every sample claim against a
// result, as the app does after each Recluster.
func BenchmarkCheckSamples(b *testing.B) {
	res := runSamples(b)
	for b.Loop() {
		res.CheckClaims()
	}
}
