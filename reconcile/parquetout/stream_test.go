package parquetout

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/parquet-go/parquet-go"

	"tradecheck/reconcile/pipeline"
)

// writeSamplesStream writes the samples' project (with its decisions)
// through WriteStream, in parts of one row group of rows each.
func writeSamplesStream(t testing.TB, res *pipeline.Result) (*pipeline.StreamSummary, string) {
	t.Helper()
	dir := t.TempDir()
	p := res.Project
	sum, err := WriteStream(context.Background(), &p, dir, Options{RowGroupRows: 100}, pipeline.StreamOptions{TempDir: t.TempDir(), PartRows: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sum, dir
}

// readRows reads a Parquet file's rows in file order.
func readRows[T any](t *testing.T, path string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// readSorted reads a Parquet file and sorts its rows by key.
func readSorted[T any](t *testing.T, path string, key func(*T) string) []T {
	t.Helper()
	rows := readRows[T](t, path)
	sort.SliceStable(rows, func(a, b int) bool { return key(&rows[a]) < key(&rows[b]) })
	return rows
}

// TestWriteStreamEqualsWrite: the streamed files hold exactly the rows
// Write gives (in another order), and the Go recomputation of the totals
// from them equals the workbook's.
func TestWriteStreamEqualsWrite(t *testing.T) {
	res, memDir, xlsx := writeSamples(t)
	sum, dir := writeSamplesStream(t, res)
	if sum.Parts < 10 {
		t.Errorf("%d parts: the samples should have been reconciled in many", sum.Parts)
	}
	recKey := func(r *Record) string { return fmt.Sprintf("%s|%s|%09d", r.File, r.Sheet, r.Row) }
	same := func(name string, a, b any, n int) {
		if n == 0 {
			t.Errorf("%s: no rows", name)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s differs between Write and WriteStream", name)
		}
	}
	mr, sr := readSorted(t, filepath.Join(memDir, RecordsFile), recKey), readSorted(t, filepath.Join(dir, RecordsFile), recKey)
	same(RecordsFile, mr, sr, len(mr))
	for i := 0; i < min(len(mr), len(sr)); i++ {
		if !reflect.DeepEqual(mr[i], sr[i]) {
			t.Errorf("first differing record:\n Write:       %+v\n WriteStream: %+v", mr[i], sr[i])
			break
		}
	}
	shKey := func(s *Shipment) string { return s.ID }
	ms, ss := readSorted(t, filepath.Join(memDir, ShipmentsFile), shKey), readSorted(t, filepath.Join(dir, ShipmentsFile), shKey)
	same(ShipmentsFile, ms, ss, len(ms))
	entKey := func(e *Entity) string { return e.ID + e.Role }
	me, se := readSorted(t, filepath.Join(memDir, EntitiesFile), entKey), readSorted(t, filepath.Join(dir, EntitiesFile), entKey)
	same(EntitiesFile, me, se, len(me))
	decKey := func(d *Decision) string { return fmt.Sprintf("%05d", d.Seq) }
	md, sd := readSorted(t, filepath.Join(memDir, DecisionsFile), decKey), readSorted(t, filepath.Join(dir, DecisionsFile), decKey)
	same(DecisionsFile, md, sd, len(md))
	// The Review material is listed in one order on both paths: no sort.
	mh, sh := readRows[ScreenHit](t, filepath.Join(memDir, ScreeningFile)), readRows[ScreenHit](t, filepath.Join(dir, ScreeningFile))
	same(ScreeningFile, mh, sh, len(mh))
	mp, sp := readRows[Duplicate](t, filepath.Join(memDir, DupesFile)), readRows[Duplicate](t, filepath.Join(dir, DupesFile))
	same(DupesFile, mp, sp, len(mp))
	checkReview(t, dir, res)
	sameFigures(t, goFigures(t, dir), workbookFigures(t, xlsx))
	if sum.Rows != len(res.Records) || sum.Shipments != len(res.Merge.Shipments) {
		t.Errorf("summary: %d rows %d shipments, want %d %d", sum.Rows, sum.Shipments, len(res.Records), len(res.Merge.Shipments))
	}
}

// checkReview checks screening.parquet and possible_duplicates.parquet
// against the run and the other files: every hit as the Screening sheet
// lists it, its entity marked on entities.parquet, every pair as the
// Possible duplicates sheet lists it, naming shipments of
// shipments.parquet.
func checkReview(t *testing.T, dir string, res *pipeline.Result) {
	t.Helper()
	hits := readRows[ScreenHit](t, filepath.Join(dir, ScreeningFile))
	rows := res.ScreenRows()
	if len(hits) == 0 || len(hits) != len(rows) {
		t.Fatalf("%d screening rows, want %d (and some)", len(hits), len(rows))
	}
	ents := readRows[Entity](t, filepath.Join(dir, EntitiesFile))
	listed := map[string]string{}
	for _, e := range ents {
		listed[e.ID] = e.Listed
	}
	nListed := 0
	for i, h := range hits {
		w := rows[i]
		if h.EntityID != w.Hit.Key || h.Name != w.Hit.Name || h.ListedID != w.Hit.ListedID || h.Score != w.Hit.Score ||
			h.Status != string(w.Hit.Status) || !reflect.DeepEqual(h.Reasons, w.Hit.Reasons) || h.TaxID != w.TaxID {
			t.Errorf("screening row %d: %+v, want %+v", i, h, w)
		}
		if want := res.Screening.Status(h.EntityID); listed[h.EntityID] != want {
			t.Errorf("entity %s: listed %q on entities.parquet, want %q", h.EntityID, listed[h.EntityID], want)
		}
		if listed[h.EntityID] == "listed" {
			nListed++
		}
	}
	if nListed == 0 {
		t.Error("no entity listed: the samples' list names two of their firms")
	}
	pairs := readRows[Duplicate](t, filepath.Join(dir, DupesFile))
	d := res.DupList()
	if len(pairs) == 0 || len(pairs) != len(d.Pairs) {
		t.Fatalf("%d possible duplicates, want %d (and some)", len(pairs), len(d.Pairs))
	}
	ships := readRows[Shipment](t, filepath.Join(dir, ShipmentsFile))
	ids := map[string]bool{}
	for _, s := range ships {
		ids[s.ID] = true
	}
	for i, p := range pairs {
		w := d.Pairs[i]
		if p.Rank != int32(i+1) || p.ShipmentA != w.A.ID || p.ShipmentB != w.B.ID || p.Score != w.Score ||
			!reflect.DeepEqual(p.WhyNotMerged, w.NotMerged) || !reflect.DeepEqual(p.SourceRowsB, w.B.Rows) || p.HS6 != w.A.HSCode[:6] {
			t.Errorf("pair %d: %+v, want %+v", i, p, w)
		}
		if !ids[p.ShipmentA] || !ids[p.ShipmentB] {
			t.Errorf("pair %d names %s / %s, not both on shipments.parquet", i, p.ShipmentA, p.ShipmentB)
		}
	}
}
