package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/workbook"
)

// dupeFiles writes two CSV sources whose rows describe one shipment six
// days apart: too far for the merge rule, close enough to be listed as a
// possible duplicate.
func dupeFiles(t *testing.T) (a, b string) {
	t.Helper()
	dir := t.TempDir()
	a, b = filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	hdr := "Date,Consignee,Shipper,HS code,Net weight kg,Value USD\n"
	if err := os.WriteFile(a, []byte(hdr+"2022-06-14,OOO TEKHKRIM,NORINCO,930320,1000,5000\n2022-08-01,OOO ZAVOD,ACME,847130,300,900\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(hdr+"2022-06-20,OOO TEKHKRIM,NORINCO,930320,1010,5000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return a, b
}

func TestShipmentPairDecisions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b := dupeFiles(t)
	p := NewProject(a, b)
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Merge.Shipments); n != 3 {
		t.Fatalf("shipments: got %d, want 3", n)
	}
	if res.Dupes == nil || len(res.Dupes.Pairs) != 1 {
		t.Fatalf("possible duplicates: got %+v, want 1 pair", res.Dupes)
	}
	d := res.PairDecision(merge.OpMerge, res.Dupes.Pairs[0], "same truck")
	if d.Row != "a.csv:2" || d.Other != "b.csv:2" || d.SHA256 == "" || d.OtherSHA256 == "" {
		t.Fatalf("decision: %+v, want rows a.csv:2 and b.csv:2 with their files' SHA-256", d)
	}

	t.Run("merge applies and shows in the Decision text", func(t *testing.T) {
		q := res.Project
		q.ShipmentDecisions = []merge.Decision{d}
		r2, err := res.Recluster(ctx, &q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(r2.Merge.Shipments); n != 2 || len(r2.Dupes.Pairs) != 0 {
			t.Fatalf("after the merge: %d shipments, %d pairs; want 2 and 0", n, len(r2.Dupes.Pairs))
		}
		found := false
		for i := range r2.Merge.Shipments {
			if txt := r2.DecisionText(i); strings.Contains(txt, "merged by you (a.csv:2 = b.csv:2): same truck") {
				found = true
			}
		}
		if !found {
			t.Error("no shipment's Decision text says the user merged it")
		}
	})
	t.Run("a renamed file keeps its decisions", func(t *testing.T) {
		moved := filepath.Join(filepath.Dir(b), "renamed.csv")
		if err := os.Rename(b, moved); err != nil {
			t.Fatal(err)
		}
		defer os.Rename(moved, b)
		q := NewProject(a, moved)
		q.ShipmentDecisions = []merge.Decision{d}
		r2, err := Run(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(r2.Merge.Shipments); n != 2 || r2.StaleDecisions != 0 {
			t.Errorf("after renaming b.csv: %d shipments, %d stale; want 2 and 0", n, r2.StaleDecisions)
		}
	})
	t.Run("a changed file's decisions are not applied", func(t *testing.T) {
		q := NewProject(a, b)
		stale := d
		stale.OtherSHA256 = strings.Repeat("0", 64)
		q.ShipmentDecisions = []merge.Decision{stale}
		r2, err := Run(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(r2.Merge.Shipments); n != 3 || r2.StaleDecisions != 1 {
			t.Errorf("%d shipments, %d stale; want 3 and 1", n, r2.StaleDecisions)
		}
		if w := strings.Join(reconcile.NoteTexts(r2.Warnings()), "\n"); !strings.Contains(w, "1 shipment decision(s) name rows of a file that was not read") {
			t.Errorf("warnings: %q", w)
		}
	})
	t.Run("keep apart, split and exclude", func(t *testing.T) {
		q := res.Project
		q.ShipmentDecisions = []merge.Decision{res.PairDecision(merge.OpApart, res.Dupes.Pairs[0], "")}
		r2, _ := res.Recluster(ctx, &q, nil)
		if len(r2.Dupes.Pairs) != 0 || r2.Dupes.KeptApart != 1 || len(r2.Merge.Shipments) != 3 {
			t.Errorf("kept apart: %d pairs, %d kept apart, %d shipments; want 0, 1, 3", len(r2.Dupes.Pairs), r2.Dupes.KeptApart, len(r2.Merge.Shipments))
		}
		q.ShipmentDecisions = []merge.Decision{d}
		r3, _ := res.Recluster(ctx, &q, nil)
		merged := -1
		for i, sh := range r3.Merge.Shipments {
			if len(sh.Rows) == 2 {
				merged = i
			}
		}
		if merged < 0 {
			t.Fatal("no merged shipment")
		}
		q.ShipmentDecisions = append(q.ShipmentDecisions, r3.SplitDecisions(merged, "two trucks")...)
		q.ShipmentDecisions = append(q.ShipmentDecisions, r3.ExcludeDecision(merge.OpExclude, merged, "re-export"))
		r4, _ := res.Recluster(ctx, &q, nil)
		excluded := 0
		for _, sh := range r4.Merge.Shipments {
			if sh.Excluded {
				excluded++
			}
		}
		if len(r4.Merge.Shipments) != 3 || excluded != 1 {
			t.Errorf("split then excluded: %d shipments, %d excluded; want 3 and 1", len(r4.Merge.Shipments), excluded)
		}
	})
}

// The Possible duplicates sheet lists the pair; a decision typed there or
// in the Shipments sheet's Decision column comes back with --decisions.
func TestDuplicatesSheetRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, b := dupeFiles(t)
	res, err := Run(ctx, NewProject(a, b), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if err := WriteWorkbook(ctx, res, out, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(workbook.SheetDuplicates)
	if len(rows) != 2 || rows[1][colIndex(workbook.DuplicatesHeader, "Row A")] != "a.csv:2" || rows[1][colIndex(workbook.DuplicatesHeader, "Row B")] != "b.csv:2" {
		t.Fatalf("Possible duplicates sheet: %q", rows)
	}
	if why := rows[1][colIndex(workbook.DuplicatesHeader, "Why not merged")]; !strings.Contains(why, "beyond the ±3-day window") {
		t.Errorf("Why not merged: %q", why)
	}
	src, _ := f.GetRows(workbook.SheetSources)
	var titled bool
	for _, r := range src {
		if len(r) > 0 && r[0] == workbook.OverlapTitle {
			titled = true
		}
	}
	if !titled {
		t.Error("no overlap table on the Sources sheet")
	}
	tests := []struct {
		name, sheet, cell, value string
		wantShipments            int
		wantExcluded             int
	}{
		{"merge on the Possible duplicates sheet", workbook.SheetDuplicates, cellOf(workbook.DuplicatesHeader, "Decision", 2), "merge", 2, 0},
		{"apart on the Possible duplicates sheet", workbook.SheetDuplicates, cellOf(workbook.DuplicatesHeader, "Decision", 2), "apart", 3, 0},
		{"merge typed on the Shipments sheet", workbook.SheetShipments, cellOf(workbook.ShipmentsHeader, "Decision", 2), "merge " + res.Merge.Shipments[res.Dupes.Pairs[0].B].ID, 2, 0},
		{"exclude typed on the Shipments sheet", workbook.SheetShipments, cellOf(workbook.ShipmentsHeader, "Decision", 2), "exclude: re-export", 3, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := excelize.OpenFile(out)
			if err := g.SetCellStr(tc.sheet, tc.cell, tc.value); err != nil {
				t.Fatal(err)
			}
			edited := filepath.Join(t.TempDir(), "edited.xlsx")
			if err := g.SaveAs(edited); err != nil {
				t.Fatal(err)
			}
			g.Close()
			p, err := OpenExported(context.Background(), edited, nil)
			if err != nil {
				t.Fatal(err)
			}
			r2, err := Run(ctx, p, nil)
			if err != nil {
				t.Fatal(err)
			}
			excluded := 0
			for _, sh := range r2.Merge.Shipments {
				if sh.Excluded {
					excluded++
				}
			}
			if len(r2.Merge.Shipments) != tc.wantShipments || excluded != tc.wantExcluded {
				t.Errorf("%d shipments, %d excluded; want %d and %d (decisions %+v)", len(r2.Merge.Shipments), excluded, tc.wantShipments, tc.wantExcluded, p.ShipmentDecisions)
			}
			// Written again, the decision is in the log and the
			// Decision column, and reading that back adds nothing.
			again := filepath.Join(t.TempDir(), "again.xlsx")
			if err := WriteWorkbook(ctx, r2, again, nil); err != nil {
				t.Fatal(err)
			}
			q, err := OpenExported(context.Background(), again, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(q.ShipmentDecisions) != len(p.ShipmentDecisions) {
				t.Errorf("re-exported: %d decisions, want %d: %+v", len(q.ShipmentDecisions), len(p.ShipmentDecisions), q.ShipmentDecisions)
			}
		})
	}
}

func colIndex(hdr []string, h string) int {
	for i, x := range hdr {
		if x == h {
			return i
		}
	}
	panic("no column " + h)
}

func cellOf(hdr []string, h string, row int) string {
	c, _ := excelize.CoordinatesToCellName(colIndex(hdr, h)+1, row)
	return c
}
