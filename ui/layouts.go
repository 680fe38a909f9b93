package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// layoutStore remembers the user's column mappings per header layout, so a
// new export with the same columns is read the way the user fixed the
// last one. It is the reader's MappingStore, the one the CLI reads too
// (os.UserConfigDir()/tradecheck/mappings.json), so that inspect and
// reconcile read a file the way the app does.
type layoutStore struct {
	st *read.MappingStore // nil when the file could not be read: nothing is saved over it
}

func newLayoutStore(path, configDir string) *layoutStore {
	st, err := read.OpenMappingStore(path)
	if err != nil {
		return &layoutStore{} // a damaged file is left for the user to fix, not overwritten
	}
	importLayouts(st, filepath.Join(configDir, "layouts.json"))
	return &layoutStore{st: st}
}

// importLayouts takes over the layouts an earlier version kept in its own
// layouts.json (headers lower-cased and joined by \x1f), for layouts the
// store does not know yet. The old file is left as it is.
func importLayouts(st *read.MappingStore, path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return
	}
	var old map[string]map[int]reconcile.Field
	if json.Unmarshal(b, &old) != nil {
		return
	}
	for k, cols := range old {
		headers := strings.Split(k, "\x1f")
		if st.Get(read.LayoutKey(headers)) != nil {
			continue
		}
		for col, f := range cols {
			_ = pipeline.RememberMapping(st, headers, col, f)
		}
	}
}

// remember saves one column's field for a layout.
func (l *layoutStore) remember(headers []string, col int, f reconcile.Field) {
	_ = pipeline.RememberMapping(l.st, headers, col, f) // a failed save only loses the memory of it
}

// apply adds saved mappings to the project (pipeline.Project.ApplySaved);
// it reports whether the project changed and needs another run.
func (l *layoutStore) apply(p *pipeline.Project, res *pipeline.Result) bool {
	return p.ApplySaved(l.st, res)
}
