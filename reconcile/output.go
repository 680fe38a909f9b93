package reconcile

import (
	"errors"
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

// WriteFileAtomic writes data to a temporary file beside path, syncs it
// and renames it over path, so a reader never sees half a file and the
// previous file survives any failure. Errors are *Error naming path.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return &Error{File: path, Err: err, Hint: "check that the folder exists and is writable"}
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Sync()
	}
	if werr == nil {
		werr = tmp.Chmod(OutputMode(path))
	}
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(name)
		return &Error{File: path, Err: errors.Join(werr, cerr)}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return &Error{File: path, Err: err}
	}
	return nil
}
