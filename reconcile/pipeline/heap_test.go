package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"testing"
)

func TestHeapAfterRun(t *testing.T) {
	dir := os.Getenv("TRADECHECK_HEAP_DIR")
	if dir == "" {
		t.Skip("profiling helper")
	}
	files := []string{filepath.Join(dir, "decl.xlsx"), filepath.Join(dir, "agg.xlsx"), filepath.Join(dir, "mirror.csv")}
	res, err := Run(context.Background(), NewProject(files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	f, _ := os.Create("/tmp/merge-heap.out")
	pprof.WriteHeapProfile(f)
	f.Close()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("records %d, heap in use %d MB, sizeof records slice cap %d", len(res.Records), ms.HeapInuse>>20, cap(res.Records))
}
