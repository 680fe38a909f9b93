package ui

import (
	"os"
	"path/filepath"
	"testing"

	"tradecheck/reconcile/read"
)

// Layouts an earlier version saved in its own layouts.json are taken over
// by the shared mappings file, which the CLI reads too.
func TestLayoutsImported(t *testing.T) {
	dir := t.TempDir()
	old := `{"получатель\u001fвес нетто, кг\u001fdescription": {"2": ""}}`
	if err := os.WriteFile(filepath.Join(dir, "layouts.json"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "mappings.json")
	newLayoutStore(path, dir)
	st, err := read.OpenMappingStore(path)
	if err != nil {
		t.Fatal(err)
	}
	got := st.Get(read.LayoutKey([]string{"Получатель", "Вес нетто, кг", "Description"}))
	if len(got) != 1 || !got[2].Ignore {
		t.Errorf("imported mapping: got %v, want column 2 not used", got)
	}
}
