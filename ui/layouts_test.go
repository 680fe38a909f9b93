package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile"
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

// A mapping the store cannot save is reported, never dropped: a damaged
// mappings file once (it is left as it is), a failing write each time.
func TestLayoutSaveFailures(t *testing.T) {
	headers := []string{"Получатель", "Вес нетто, кг"}
	t.Run("damaged file", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "mappings.json")
		os.WriteFile(path, []byte("{not json"), 0o644)
		l := newLayoutStore(path, dir)
		err := l.remember(headers, 0, reconcile.FieldConsignee)
		if err == nil || !strings.Contains(err.Error(), "mappings.json") || !strings.Contains(err.Error(), "not saved") {
			t.Errorf("first change: %v, want the damaged file named", err)
		}
		if err := l.remember(headers, 1, reconcile.FieldNetWeight); err != nil {
			t.Errorf("second change: %v, want the damage reported once", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "{not json" {
			t.Errorf("the damaged file was overwritten: %q", b)
		}
	})
	t.Run("write fails", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "sub", "mappings.json")
		l := newLayoutStore(path, dir)
		os.WriteFile(filepath.Join(dir, "sub"), []byte("a file where the folder should be"), 0o644)
		for i := range 2 {
			if err := l.remember(headers, i, reconcile.FieldConsignee); err == nil || !strings.Contains(err.Error(), "not saved") {
				t.Errorf("change %d: %v, want the failed save reported", i, err)
			}
		}
	})
}
