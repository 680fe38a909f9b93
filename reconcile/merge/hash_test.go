package merge

import (
	"context"
	"hash/maphash"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// TestContentHashAgreesWithKey: records whose content keys are equal must
// hash alike (dedupe only confirms hash matches), and the table's
// different records should not.
func TestContentHashAgreesWithKey(t *testing.T) {
	t.Parallel()
	base := func() reconcile.Record {
		return reconcile.Record{
			Date:          reconcile.Date{Time: time.Date(2022, 6, 14, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionDay},
			DeclarationID: "10702030/140622/0012345", ItemNo: "1",
			Consignee: reconcile.Party{Names: []string{"OOO A", "A LLC"}, TaxID: "7701234567"},
			HSCode:    "6307909800", NetKg: reconcile.Num(1000), ValueUSD: reconcile.Num(5),
		}
	}
	for _, tc := range []struct {
		name     string
		change   func(*reconcile.Record)
		wantSame bool
	}{
		{"identical", func(*reconcile.Record) {}, true},
		{"other provenance and flags", func(r *reconcile.Record) {
			r.Source = reconcile.Provenance{File: "x.csv", Row: 9}
			r.Flags = []reconcile.Flag{{Code: reconcile.FlagNegative}}
		}, true},
		{"same day, other time", func(r *reconcile.Record) { r.Date.Time = r.Date.Time.Add(15 * time.Hour) }, true},
		{"other day", func(r *reconcile.Record) { r.Date.Time = r.Date.Time.AddDate(0, 0, 1) }, false},
		{"names joined differently, same text", func(r *reconcile.Record) { r.Consignee.Names = []string{"OOO A\x1eA LLC"} }, true},
		{"other name", func(r *reconcile.Record) { r.Consignee.Names = []string{"OOO B"} }, false},
		{"minus zero weight", func(r *reconcile.Record) { r.NetKg = reconcile.Num(math.Copysign(0, -1)) }, false},
		{"weight unparsed", func(r *reconcile.Record) { r.NetKg = reconcile.Number{Raw: "1000"} }, false},
		{"moved text between fields", func(r *reconcile.Record) { r.DeclarationID, r.ItemNo = "10702030/140622/00123451", "" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := base(), base()
			tc.change(&b)
			var ka, kb strings.Builder
			contentKey(&ka, &a)
			contentKey(&kb, &b)
			var h maphash.Hash
			ha, hb := contentHash(&h, 0, &a), contentHash(&h, 0, &b)
			if sameKey := ka.String() == kb.String(); sameKey != tc.wantSame {
				t.Fatalf("keys equal: got %v, want %v", sameKey, tc.wantSame)
			}
			if tc.wantSame && ha != hb {
				t.Errorf("equal keys hashed differently: %x, %x", ha, hb)
			}
			if !tc.wantSame && ha == hb {
				t.Errorf("different keys hashed alike: %x", ha)
			}
			if contentHash(&h, 1, &a) == ha {
				t.Errorf("the source index does not change the hash")
			}
		})
	}
}

// TestConflictsInParallel: comparing shipments in several runs gives the
// discrepancies of one run, in the same order.
func TestConflictsInParallel(t *testing.T) {
	t.Parallel()
	var rows []row
	for i := 0; i < 400; i++ {
		d := "D" + strconv.Itoa(i)
		rows = append(rows,
			row{src: 0, cons: 1, ship: 2, decl: d, item: "1", date: "2022-06-14", hs: "930320", net: 1000 + float64(i), usd: 5, origin: "CN"},
			row{src: 1, cons: 1, ship: 2, decl: d, item: "1", date: "2022-06-15", hs: "930320", net: 1100 + float64(i%3), usd: 5, origin: "TR"})
	}
	run := func(minRun int) *Result {
		opt := DefaultOptions()
		opt.conflictRun = minRun
		res, err := Reconcile(context.Background(), input(rows), opt, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	one, several := run(1<<30), run(7)
	if len(one.Discrepancies) < 400 {
		t.Fatalf("got %d discrepancies, want at least 400 to compare", len(one.Discrepancies))
	}
	if !reflect.DeepEqual(one.Discrepancies, several.Discrepancies) {
		t.Errorf("got %d discrepancies in runs, want the %d of one run, equal and in order", len(several.Discrepancies), len(one.Discrepancies))
	}
}
