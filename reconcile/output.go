package reconcile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// OutputMode is the permission to give an output that is written to a
// temporary file and renamed to path: the mode of the file it replaces,
// else 0644. os.CreateTemp makes 0600 files, and an audit workbook or a
// matched CSV is made to be shared with an editor.
func OutputMode(path string) fs.FileMode {
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		return fi.Mode().Perm()
	}
	return 0o644
}

// WriteAtomic streams an output into place: fill writes into a temporary
// file beside path, which is synced, given OutputMode and renamed over
// path. A reader never sees half a file, and on any failure (fill's error
// included) the previous file at path is unchanged and the temporary file
// removed. Errors are *Error naming path, except fill's own, returned as
// they are. Outputs too large to hold in memory (Parquet exports) need the
// streaming form; small ones pass a func that writes a byte slice.
func WriteAtomic(path string, fill func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return &Error{File: path, Err: err, Hint: "check that the folder exists and is writable"}
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	werr := tmp.Sync()
	if werr == nil {
		werr = tmp.Chmod(OutputMode(path))
	}
	if cerr := tmp.Close(); werr != nil || cerr != nil {
		return &Error{File: path, Err: errors.Join(werr, cerr), Hint: "writing failed (disk full?); the previous file, if any, is unchanged"}
	}
	if err := os.Rename(name, path); err != nil {
		return &Error{File: path, Err: err, Hint: "cannot replace the output file; the previous file, if any, is unchanged"}
	}
	ok = true
	return nil
}

// SameFile reports whether paths a and b name one file: the same absolute
// path, or (when both exist) the same file through links or case-folding
// file systems. Outputs use it to refuse overwriting an input.
func SameFile(a, b string) bool {
	aa, _ := filepath.Abs(a)
	ba, _ := filepath.Abs(b)
	if aa == ba {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
