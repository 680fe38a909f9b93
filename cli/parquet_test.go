package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"tradecheck/reconcile/parquetout"
)

func TestReconcileParquet(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	dir := filepath.Join(t.TempDir(), "out")
	t.Run("parquet only", func(t *testing.T) {
		code, out, errs := runRec(append([]string{"reconcile", "--parquet", dir}, files...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "wrote "+dir) {
			t.Errorf("output does not name the folder: %s", out)
		}
		shs, err := parquet.ReadFile[parquetout.Shipment](filepath.Join(dir, parquetout.ShipmentsFile))
		if err != nil || len(shs) == 0 {
			t.Fatalf("shipments.parquet: %d rows, %v", len(shs), err)
		}
		for _, f := range []string{parquetout.RecordsFile, parquetout.EntitiesFile, parquetout.DecisionsFile} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Error(err)
			}
		}
		if m, _ := filepath.Glob(filepath.Join(filepath.Dir(files[0]), "*.xlsx")); len(m) != 2 {
			t.Errorf("a workbook was written without -o: %v", m)
		}
	})
	t.Run("parquet and workbook", func(t *testing.T) {
		xlsx := filepath.Join(t.TempDir(), "a.xlsx")
		code, _, errs := runRec(append([]string{"reconcile", "--parquet", dir, "-o", xlsx}, files...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if _, err := os.Stat(xlsx); err != nil {
			t.Error(err)
		}
	})
	t.Run("a file is not a folder", func(t *testing.T) {
		code, _, errs := runRec(append([]string{"reconcile", "--parquet", files[0]}, files...)...)
		if code != ExitUsage || !strings.Contains(errs, "--parquet") {
			t.Fatalf("exit %d (%s), want a usage error", code, errs)
		}
	})
}
