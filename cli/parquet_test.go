package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"tradecheck/reconcile/parquetout"
	"tradecheck/reconcile/pipeline"
	"tradecheck/samples"
)

func TestReconcileParquet(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	list := filepath.Join("..", "samples", samples.List)
	dir := filepath.Join(t.TempDir(), "out")
	// Both paths screen and list possible duplicates, and say where.
	review := []string{"possible duplicates: 1 pair(s) not merged that look alike (possible_duplicates.parquet)",
		"(screening.parquet)"}
	t.Run("parquet only", func(t *testing.T) {
		code, out, errs := runRec(append([]string{"reconcile", "--screen", list, "--parquet", dir}, files...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "wrote "+dir) {
			t.Errorf("output does not name the folder: %s", out)
		}
		for _, want := range review {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q: %s", want, out)
			}
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
		code, _, errs := runRec(append([]string{"reconcile", "--screen", list, "--parquet", dir, "-o", xlsx}, files...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if _, err := os.Stat(xlsx); err != nil {
			t.Error(err)
		}
	})
	t.Run("streamed", func(t *testing.T) {
		sdir := filepath.Join(t.TempDir(), "streamed")
		code, out, errs := runRec(append([]string{"reconcile", "--stream", "--screen", list, "--parquet", sdir}, files...)...)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if !strings.Contains(out, "part(s) of at most") || !strings.Contains(out, "wrote "+sdir) {
			t.Errorf("output does not say it streamed into the folder: %s", out)
		}
		for _, want := range review {
			if !strings.Contains(out, want) {
				t.Errorf("output lacks %q: %s", want, out)
			}
		}
		if strings.Contains(out+errs, "screen") && strings.Contains(out+errs, "does not") {
			t.Errorf("the streamed run still says it leaves something out of screening: %s %s", out, errs)
		}
		// The same hits and pairs as the in-memory run wrote above.
		for _, f := range []string{parquetout.ScreeningFile, parquetout.DupesFile} {
			a, err1 := os.ReadFile(filepath.Join(dir, f))
			b, err2 := os.ReadFile(filepath.Join(sdir, f))
			if err1 != nil || err2 != nil || len(a) == 0 || string(a) != string(b) {
				t.Errorf("%s: the streamed file differs from the in-memory one (%v, %v)", f, err1, err2)
			}
		}
		// The same shipments as the in-memory run wrote above.
		mem, err1 := parquet.ReadFile[parquetout.Shipment](filepath.Join(dir, parquetout.ShipmentsFile))
		str, err2 := parquet.ReadFile[parquetout.Shipment](filepath.Join(sdir, parquetout.ShipmentsFile))
		if err1 != nil || err2 != nil || len(mem) == 0 || len(mem) != len(str) {
			t.Fatalf("shipments: %d in memory (%v), %d streamed (%v)", len(mem), err1, len(str), err2)
		}
		ids := map[string]bool{}
		for _, s := range mem {
			ids[s.ID] = true
		}
		for _, s := range str {
			if !ids[s.ID] {
				t.Errorf("streamed shipment %s is not among the in-memory run's", s.ID)
			}
		}
	})
	t.Run("--stream with -o is the workbook path", func(t *testing.T) {
		xlsx := filepath.Join(t.TempDir(), "b.xlsx")
		code, out, errs := runRec(append([]string{"reconcile", "--stream", "--parquet", t.TempDir(), "-o", xlsx}, files...)...)
		if code != ExitOK || strings.Contains(out, "part(s)") {
			t.Fatalf("exit %d (%s): %s", code, errs, out)
		}
	})
	t.Run("a file is not a folder", func(t *testing.T) {
		code, _, errs := runRec(append([]string{"reconcile", "--parquet", files[0]}, files...)...)
		if code != ExitUsage || !strings.Contains(errs, "--parquet") {
			t.Fatalf("exit %d (%s), want a usage error", code, errs)
		}
	})
}

func TestUseStream(t *testing.T) {
	small := filepath.Join(t.TempDir(), "a.csv")
	if err := os.WriteFile(small, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "b.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(streamAutoBytes); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	for _, tc := range []struct {
		name string
		args []string
		file string
		want bool
	}{
		{"small input", nil, small, false},
		{"256 MB of input", nil, big, true},
		{"--stream on small input", []string{"--stream"}, small, true},
		{"--stream=false on big input", []string{"--stream=false"}, big, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := flag.NewFlagSet("reconcile", flag.ContinueOnError)
			stream := streamFlag(fs)
			if err := fs.Parse(tc.args); err != nil {
				t.Fatal(err)
			}
			if got := useStream(fs, *stream, pipeline.NewProject(tc.file)); got != tc.want {
				t.Errorf("useStream = %v, want %v", got, tc.want)
			}
		})
	}
}
