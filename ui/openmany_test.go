package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// copySampleFolder copies the sample sources into a fresh folder with a stray
// text file and a lock file, as a download folder has.
func copySampleFolder(t *testing.T) (dir string, names []string) {
	t.Helper()
	dir = t.TempDir()
	// Three sources: the test loads two, then the third.
	for _, src := range sampleSources(t)[:3] {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, filepath.Base(src))
	}
	sort.Strings(names)
	os.WriteFile(filepath.Join(dir, "~$lock.xlsx"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.pdf"), []byte("x"), 0o644)
	return dir, names
}

// TestOpenWithSiblings: opening one file offers the other sources of its
// folder; the checked ones load with it in one run, and the project is
// one recent entry. Files added later replace that entry rather than
// adding a second.
func TestOpenWithSiblings(t *testing.T) {
	u := newTestUI(t)
	dir, names := copySampleFolder(t)
	first := filepath.Join(dir, names[0])
	u.openWithSiblings(first)
	if u.pick == nil {
		t.Fatal("no offer of the folder's other files")
	}
	if got, want := strings.Join(u.pick.check.Options, ","), strings.Join(names[1:], ","); got != want {
		t.Errorf("offered %s, want %s (no lock file, no PDF, not the file itself)", got, want)
	}
	u.pick.check.SetSelected([]string{names[1]})
	u.pick.done(true)
	settle(t, u)
	if u.pick != nil || u.result == nil || len(u.result.Files) != 2 {
		t.Fatalf("after Open: pick %v, result files %d, want the file and the one checked", u.pick, len(u.result.Files))
	}
	if r, _ := u.store.recent(); len(r) != 1 {
		t.Errorf("recent projects after one load: %d, want 1", len(r))
	}
	// The rest, added later: offered without the two loaded, and the
	// project's recent entry is replaced, not doubled.
	if got := u.siblingSources(first); strings.Join(got, ",") != strings.Join(names[2:], ",") {
		t.Errorf("offer after loading two: %v, want %v", got, names[2:])
	}
	var rest []string
	for _, n := range names[2:] {
		rest = append(rest, filepath.Join(dir, n))
	}
	u.OpenPaths(rest)
	settle(t, u)
	r, _ := u.store.recent()
	if len(r) != 1 || r[0].ID != u.projID {
		t.Errorf("recent after adding files: %d entries (%v), want the grown project only", len(r), r)
	}
	// Only this file: the offer declined opens just the file.
	v := newTestUI(t)
	v.openWithSiblings(first)
	v.pick.done(false)
	settle(t, v)
	if v.result == nil || len(v.result.Files) != 1 {
		t.Errorf("Only this file: %v", v.result)
	}
}
