package reconcile

import (
	"io/fs"
	"os"
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
