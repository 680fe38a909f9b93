package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// A column mapping saved in the app (here: the mirror CSV's Importer
// column, not used) is how inspect, reconcile and check read the next file
// with that header row, unless --no-saved-mappings; reconcile records it
// on the Sources sheet so that the run can be repeated anywhere.
func TestSavedMappingsUsed(t *testing.T) {
	cfg := t.TempDir() // this test saves a mapping: its own config folder on every OS
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv("AppData", cfg)
	mirror := filepath.Join("..", "samples", "mirror_exports_tonnes_ILLUSTRATIVE.csv")
	col := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(append([]string{"inspect", "--json", mirror}, args...)...)
		if code != ExitOK {
			t.Fatalf("inspect exit %d: %s", code, errs)
		}
		var got struct {
			Sheets []struct {
				Columns []struct {
					Header, Field string
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		for _, c := range got.Sheets[0].Columns {
			if c.Header == "Importer" {
				return c.Field
			}
		}
		t.Fatalf("no Importer column in %s", out)
		return ""
	}
	if f := col(); f != "consignee" {
		t.Fatalf("fixture: Importer maps to %q, want consignee", f)
	}

	// Save "Importer: not used" as the app does, for the headers the
	// pipeline reports.
	res, err := pipeline.Run(context.Background(), pipeline.NewProject(mirror), nil)
	if err != nil {
		t.Fatal(err)
	}
	headers := res.Files[0].Sheets[0].Headers()
	idx := slices.Index(headers, "Importer")
	path, _ := read.DefaultMappingPath()
	st, err := read.OpenMappingStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.RememberMapping(st, headers, idx, reconcile.FieldNone); err != nil {
		t.Fatal(err)
	}

	if f := col(); f != "" {
		t.Errorf("inspect with the saved mapping: Importer maps to %q, want not used", f)
	}
	if f := col("--no-saved-mappings"); f != "consignee" {
		t.Errorf("inspect --no-saved-mappings: Importer maps to %q, want consignee", f)
	}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if code, _, errs := runCLI("reconcile", "-o", out, mirror); code != ExitOK {
		t.Fatalf("reconcile exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Sources")
	found := false
	for _, r := range rows {
		if strings.Contains(strings.Join(r, "|"), `"header":"Importer","ignore":true`) {
			found = true
		}
	}
	if !found {
		t.Errorf("the Sources sheet does not record the saved mapping as an override: %v", rows)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}
