package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
)

// idsByRow maps every source row to the ID of the shipment holding it.
func idsByRow(res *Result) map[string]string {
	out := map[string]string{}
	for _, sh := range res.Merge.Shipments {
		for _, x := range append(append([]int32(nil), sh.Rows...), sh.Duplicates...) {
			out[merge.RowKey(res.Records[x].Source)] = sh.ID
		}
	}
	return out
}

// TestShipmentIDsStable: shipment IDs derive from source rows, so they
// survive another file order, a mapping edit and an added file.
func TestShipmentIDsStable(t *testing.T) {
	t.Parallel()
	files := sampleFiles(t)
	run := func(p *Project) *Result {
		t.Helper()
		res, err := Run(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	var three []string // every sample but the B/L feed
	for _, f := range files {
		if !strings.Contains(filepath.Base(f), "bill_of_lading") {
			three = append(three, f)
		}
	}
	base := idsByRow(run(NewProject(three...)))
	same := func(t *testing.T, got map[string]string, onlyDecl bool) {
		t.Helper()
		n := 0
		for row, id := range base {
			if onlyDecl && !strings.Contains(row, "ru_declarations") {
				continue // a shipment's ID comes from its declaration row when it has one
			}
			if got[row] != id {
				t.Errorf("row %s: shipment %s, was %s", row, got[row], id)
				if n++; n > 5 {
					return
				}
			}
		}
	}
	t.Run("file order", func(t *testing.T) {
		rev := slices.Clone(three)
		slices.Reverse(rev)
		same(t, idsByRow(run(NewProject(rev...))), false)
	})
	t.Run("mapping edit", func(t *testing.T) {
		p := NewProject(three...)
		// Ignore the aggregator's description column (column 11, 0-based 10).
		for i := range p.Sources {
			if strings.Contains(p.Sources[i].Path, "aggregator") {
				p.Sources[i].Mapping = []ColumnOverride{{Sheet: "Shipments", Column: 10, ColumnOverride: read.ColumnOverride{Ignore: true}}}
			}
		}
		same(t, idsByRow(run(p)), false)
	})
	t.Run("added B/L feed", func(t *testing.T) {
		same(t, idsByRow(run(NewProject(files...))), true)
	})
}
