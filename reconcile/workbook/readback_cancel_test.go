package workbook

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
)

// manyShipments is an audit workbook's data with n shipments of n
// consignees, enough rows for Read to look at its context several times.
func manyShipments(t *testing.T, n int) *Data {
	t.Helper()
	recs := make([]reconcile.Record, n)
	names := &match.Result{}
	cons, ship := make([]int32, n), make([]int32, n)
	for i := range recs {
		name := fmt.Sprintf("FIRM %d LLC", i)
		recs[i] = reconcile.Record{
			Source:    reconcile.Provenance{File: "/in/big.csv", Row: i + 2},
			Date:      reconcile.Date{Time: time.Date(2022, 1, 1+i%300, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionDay},
			Consignee: reconcile.Party{Names: []string{name}}, HSCode: "6307909800", NetKg: reconcile.Num(float64(i + 1)),
			DeclarationID: fmt.Sprintf("D%06d", i),
		}
		names.Mentions = append(names.Mentions, match.Mention{Name: name, Role: match.Consignee, Count: 1})
		names.Entities = append(names.Entities, match.Entity{ID: fmt.Sprintf("E-%06X", i), Canonical: name, Members: []int{i}, Reasons: []string{"core"}, Scores: []float64{1}})
		names.EntityOf = append(names.EntityOf, i)
		cons[i], ship[i] = int32(i), -1
	}
	in := merge.Input{Records: recs, SourceOf: make([]int32, n), Sources: []merge.Source{{Name: "big.csv", Granularity: reconcile.GranularityShipment}},
		Consignee: cons, Shipper: ship}
	m, err := merge.Reconcile(context.Background(), in, merge.DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	lab := totals.Labels{EntityID: func(e int32) string { return names.Entities[e].ID }, EntityName: func(e int32) string { return names.Entities[e].Canonical }}
	return &Data{Version: "test", Started: time.Now(), Finished: time.Now(),
		Files: []File{{Path: "/in/big.csv", SHA256: "abc"}},
		Sheets: []Sheet{{FileIndex: 0, SheetResult: read.SheetResult{HeaderRow: 1, Columns: []read.Column{{Header: "Name", Field: reconcile.FieldConsignee}},
			Granularity: reconcile.GranularityShipment, Rows: n, TotalRows: n + 1}}},
		Records: recs, Names: names, ConsigneeEntity: cons, ShipperEntity: ship, ConsigneeMention: cons, ShipperMention: ship,
		Merge: m, WeightBasis: "net",
		ByConsignee: totals.Compute(m.Shipments, totals.ByConsignee, totals.Filter{}, lab),
		ByShipper:   totals.Compute(m.Shipments, totals.ByShipper, totals.Filter{}, lab),
		Overall:     totals.Compute(m.Shipments, totals.ByNone, totals.Filter{}, lab),
	}
}

// TestReadCancelled cancels reading an exported workbook back: before it
// starts, and from its first progress report. Read must stop at once
// with context.Canceled, not read the other sheets, and not dress the
// cancel up as a damaged sheet.
func TestReadCancelled(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.xlsx")
	if _, err := Write(context.Background(), manyShipments(t, 4*progressEvery), p, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	t.Run("whole read reports rows", func(t *testing.T) {
		last := 0
		if _, err := Read(context.Background(), p, func(done, total int) { last = done }); err != nil {
			t.Fatal(err)
		}
		if last < 8*progressEvery { // the Entities and Shipments sheets at least
			t.Errorf("last progress %d rows, want at least %d", last, 8*progressEvery)
		}
	})
	t.Run("cancelled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		calls := 0
		ex, err := Read(ctx, p, func(int, int) { calls++ })
		if !errors.Is(err, context.Canceled) || ex != nil || calls != 0 {
			t.Errorf("got %v, result %v, %d progress calls; want context.Canceled, nil, 0", err, ex != nil, calls)
		}
	})
	t.Run("cancelled while reading", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var reports []int
		ex, err := Read(ctx, p, func(done, _ int) {
			reports = append(reports, done)
			cancel() // the user pressed Cancel
		})
		if !errors.Is(err, context.Canceled) || ex != nil {
			t.Fatalf("got %v (result %v), want context.Canceled", err, ex != nil)
		}
		var re *reconcile.Error
		if errors.As(err, &re) {
			t.Errorf("a cancel came back as a positioned error: %v", re)
		}
		// It stopped at the next look at the context: one report, and no
		// more than progressEvery rows read after it.
		if len(reports) != 1 || reports[0] != progressEvery {
			t.Errorf("progress after cancel: %v, want [%d]", reports, progressEvery)
		}
	})
}
