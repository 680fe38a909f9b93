package fileio

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestWriteAtomicReplacesWholeFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "new" {
		t.Errorf("got %q, want %q", got, "new")
	}
	fi, _ := os.Stat(path)
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644 (shared outputs)", fi.Mode().Perm())
	}
	assertOnlyFile(t, dir, "out.csv")
}

func TestWriteAtomicKeepsOldFileOnFailure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := WriteFile(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteAtomic(path, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "old" {
		t.Errorf("previous file changed to %q", got)
	}
	assertOnlyFile(t, dir, "out.csv")
}

func TestWriteAtomicMissingFolder(t *testing.T) {
	t.Parallel()
	if err := WriteFile(filepath.Join(t.TempDir(), "no", "such", "x.csv"), nil); err == nil {
		t.Fatal("no error writing into a missing folder")
	}
}

func assertOnlyFile(t *testing.T, dir, name string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 || ents[0].Name() != name {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %q, want only %q (temp file left behind?)", names, name)
	}
}

func TestSHA256(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(path, []byte("abc"), 0o644)
	got, err := SHA256(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	// The FIPS 180-2 test vector for "abc".
	if want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := SHA256(ctx, path); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
}

func TestSame(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	os.WriteFile(a, []byte("x"), 0o644)
	b := filepath.Join(dir, "b.xlsx")
	os.WriteFile(b, []byte("x"), 0o644)
	link := filepath.Join(dir, "link.xlsx")
	linked := os.Link(a, link) == nil
	tests := []struct {
		name string
		x, y string
		want bool
	}{
		{"same path", a, a, true},
		{"dotted path", a, filepath.Join(dir, ".", "a.xlsx"), true},
		{"other file, same bytes", a, b, false},
		{"missing files, same path", filepath.Join(dir, "n.xlsx"), filepath.Join(dir, "n.xlsx"), true},
		{"missing files, other paths", filepath.Join(dir, "n.xlsx"), filepath.Join(dir, "m.xlsx"), false},
	}
	if linked {
		tests = append(tests, struct {
			name string
			x, y string
			want bool
		}{"hard link", a, link, true})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Same(tt.x, tt.y); got != tt.want {
				t.Errorf("Same(%q, %q) = %v, want %v", tt.x, tt.y, got, tt.want)
			}
		})
	}
}
