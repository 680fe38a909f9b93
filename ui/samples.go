package ui

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// sampleExcluded are bundled files that are not shipment sources.
var sampleExcluded = map[string]bool{"claims.csv": true}

// onSamples unpacks the bundled sample data and opens it. The samples are
// embedded so this works from an installed binary.
func (u *UI) onSamples() {
	if u.opt.Samples == nil {
		showError("No sample data", errors.New("this build has no bundled samples"), u.win)
		return
	}
	paths, err := unpackSamples(u.opt.Samples, u.opt.SampleDir)
	if err != nil {
		showError("Could not unpack the sample data", err, u.win)
		return
	}
	u.openPaths(paths, u.sampleClaims)
}

// unpackSamples writes the embedded samples into dir (only files that are
// missing or differ, so their SHA-256 stays stable across runs) and returns
// the source paths, sorted.
func unpackSamples(fsys fs.FS, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	ents, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, e := range ents {
		if e.IsDir() || sampleExcluded[e.Name()] || !isSourceFile(e.Name()) {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		dst := filepath.Join(dir, e.Name())
		if old, err := os.ReadFile(dst); err != nil || !bytes.Equal(old, data) {
			if err := writeFileAtomic(dst, data); err != nil {
				return nil, err
			}
		}
		paths = append(paths, dst)
	}
	sort.Strings(paths)
	return paths, nil
}
