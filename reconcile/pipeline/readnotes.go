package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
)

// ReadNotes lists what reading the sources found that a reader of the
// figures must know, one line each, for the Summary notes and the CLI:
// total rows that differ from the rows read (rows may be missing or
// misread), total rows that match, sheets whose columns need mapping
// (left out of every total), sheets that are not data, and rows hidden
// in Excel.
func (r *Result) ReadNotes() []string {
	var out []string
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		for _, s := range f.Sheets {
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += " [" + s.Sheet + "]"
			}
			switch {
			case s.NeedsMapping:
				out = append(out, fmt.Sprintf("%s: not counted — %s", name, s.Status))
			case s.NoTable && strings.HasPrefix(s.Status, "not a data sheet"):
				status, _, _ := strings.Cut(s.Status, " — ")
				out = append(out, fmt.Sprintf("%s: %s; left out", name, status))
			}
			for _, c := range s.Checks {
				out = append(out, name+": "+c)
			}
		}
	}
	return out
}
