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

// readSorted reads a Parquet file and sorts its rows by key.
func readSorted[T any](t *testing.T, path string, key func(*T) string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatal(err)
	}
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
	sameFigures(t, goFigures(t, dir), workbookFigures(t, xlsx))
	if sum.Rows != len(res.Records) || sum.Shipments != len(res.Merge.Shipments) {
		t.Errorf("summary: %d rows %d shipments, want %d %d", sum.Rows, sum.Shipments, len(res.Records), len(res.Merge.Shipments))
	}
}
