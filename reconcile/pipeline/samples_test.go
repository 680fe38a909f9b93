package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// expected mirrors samples/expected.json (the parts these tests use).
type expected struct {
	Shipments struct {
		SourceRows       int `json:"source_rows"`
		Reconciled       int `json:"reconciled"`
		CrossSourcePairs int `json:"cross_source_pairs"`
		ExactDuplicates  int `json:"exact_duplicates"`
	} `json:"shipments"`
	Overlaps []struct {
		Shipment string   `json:"shipment"`
		Rule     string   `json:"rule"`
		Rows     []string `json:"rows"`
	} `json:"overlaps"`
	Entities []struct {
		Role      string   `json:"role"`
		Name      string   `json:"name"`
		Spellings []string `json:"spellings"`
		Shipments int      `json:"shipments"`
		Tonnes    float64  `json:"tonnes"`
		ValueUSD  float64  `json:"value_usd"`
	} `json:"entities"`
	ArmourByDispatch []struct {
		Dispatch  string  `json:"dispatch"`
		Shipments int     `json:"shipments"`
		Tonnes    float64 `json:"tonnes"`
		ValueUSD  float64 `json:"value_usd"`
	} `json:"armour_2022_by_dispatch"`
}

func samplesDir(t testing.TB) string {
	dir := filepath.Join("..", "..", "samples")
	if _, err := os.Stat(filepath.Join(dir, "expected.json")); err != nil {
		t.Fatalf("samples not generated (run make samples): %v", err)
	}
	return dir
}

func sampleFiles(t testing.TB) []string {
	dir := samplesDir(t)
	m, _ := filepath.Glob(filepath.Join(dir, "*_ILLUSTRATIVE.*"))
	sort.Strings(m)
	if len(m) != 4 {
		t.Fatalf("got %d sample sources, want 4: %v", len(m), m)
	}
	return m
}

func loadExpected(t testing.TB) *expected {
	b, err := os.ReadFile(filepath.Join(samplesDir(t), "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

func runSamples(t testing.TB) *Result {
	t.Helper()
	res, err := Run(context.Background(), NewProject(sampleFiles(t)...), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Fatalf("reading a sample failed: %v", e)
	}
	return res
}

func TestSamplesReconcile(t *testing.T) {
	t.Parallel()
	res := runSamples(t)
	ex := loadExpected(t)
	shipOf := map[string]string{} // row key → shipment ID
	recOf := map[string]int{}
	for i, r := range res.Records {
		recOf[merge.RowKey(r.Source)] = i
	}
	why := func(a, b string) string {
		i, j := recOf[a], recOf[b]
		ci, cj := res.ConsigneeEntity[i], res.ConsigneeEntity[j]
		if ci != cj {
			return fmt.Sprintf("consignees %q and %q are in different entities (matching)", res.Records[i].Consignee.Name(), res.Records[j].Consignee.Name())
		}
		si, sj := res.ShipperEntity[i], res.ShipperEntity[j]
		if si >= 0 && sj >= 0 && si != sj {
			return fmt.Sprintf("shippers %q and %q are in different entities (matching)", res.Records[i].Shipper.Name(), res.Records[j].Shipper.Name())
		}
		return "same entities: the shipment rule did not merge them"
	}
	for _, sh := range res.Merge.Shipments {
		for _, x := range sh.Rows {
			shipOf[merge.RowKey(res.Records[x].Source)] = sh.ID
		}
		for _, x := range sh.Duplicates {
			shipOf[merge.RowKey(res.Records[x].Source)] = sh.ID + "(dup)"
		}
	}
	t.Run("counts", func(t *testing.T) {
		if got, want := len(res.Records), ex.Shipments.SourceRows; got != want {
			t.Errorf("records: got %d, want %d", got, want)
		}
		if got, want := len(res.Merge.Shipments), ex.Shipments.Reconciled; got != want {
			t.Errorf("shipments: got %d, want %d", got, want)
		}
		if got, want := res.Merge.Merged, ex.Shipments.CrossSourcePairs; got != want {
			t.Errorf("merged: got %d, want %d", got, want)
		}
		if got, want := res.Merge.Duplicates, ex.Shipments.ExactDuplicates; got != want {
			t.Errorf("duplicates: got %d, want %d", got, want)
		}
	})
	t.Run("overlaps", func(t *testing.T) {
		for _, o := range ex.Overlaps {
			a := shipOf[o.Rows[0]]
			for _, r := range o.Rows[1:] { // every row, the B/L feed's third rows too
				if b := strings.TrimSuffix(shipOf[r], "(dup)"); a == "" || a != b {
					t.Errorf("%s (%s): rows %v in shipments %q and %q, want one: %s", o.Shipment, o.Rule, o.Rows, a, shipOf[r], why(o.Rows[0], r))
				}
			}
		}
	})
	t.Run("entities", func(t *testing.T) {
		for _, g := range []totals.GroupBy{totals.ByConsignee, totals.ByShipper} {
			tbl := res.Totals(g, totals.Filter{})
			for _, e := range ex.Entities {
				if e.Role != string(g) {
					continue
				}
				var found *totals.Group
				for i := range tbl.Groups {
					for _, s := range e.Spellings {
						for _, ei := range res.Names.Entities {
							if ei.ID == tbl.Groups[i].Key && hasMember(res, ei.Members, s) {
								found = &tbl.Groups[i]
							}
						}
					}
				}
				if found == nil {
					t.Errorf("%s %s: no entity found", e.Role, e.Name)
					continue
				}
				if found.Measures.Shipments != e.Shipments || math.Abs(found.Tonnes-e.Tonnes) > 1e-6 || math.Abs(found.ValueUSD-e.ValueUSD) > 0.01 {
					t.Errorf("%s %s: got %d shipments, %.3f t, %.2f USD; want %d, %.3f t, %.2f USD", e.Role, e.Name,
						found.Measures.Shipments, found.Tonnes, found.ValueUSD, e.Shipments, e.Tonnes, e.ValueUSD)
				}
			}
		}
	})
	t.Run("armour by dispatch", func(t *testing.T) {
		tbl := res.Totals(totals.ByDispatch, armourFilter())
		for _, w := range ex.ArmourByDispatch {
			var got *totals.Group
			for i := range tbl.Groups {
				if tbl.Groups[i].Key == w.Dispatch {
					got = &tbl.Groups[i]
				}
			}
			if got == nil {
				t.Errorf("dispatch %s: missing", w.Dispatch)
				continue
			}
			if got.Measures.Shipments != w.Shipments || math.Abs(got.Tonnes-w.Tonnes) > 1e-6 || math.Abs(got.ValueUSD-w.ValueUSD) > 0.01 {
				t.Errorf("dispatch %s: got %d, %.3f t, %.2f USD; want %d, %.3f t, %.2f USD", w.Dispatch, got.Measures.Shipments, got.Tonnes, got.ValueUSD, w.Shipments, w.Tonnes, w.ValueUSD)
			}
		}
	})
}

func hasMember(res *Result, members []int, name string) bool {
	for _, m := range members {
		if res.Names.Mentions[m].Name == name {
			return true
		}
	}
	return false
}

// armourFilter is claim 3's scope: HS 63079098 to Russia in 2022.
func armourFilter() totals.Filter {
	return totals.Filter{HSPrefixes: []string{"63079098"}, Destination: []string{"RU"},
		From: mustDate("2022-01-01"), To: mustDate("2022-12-31")}
}
