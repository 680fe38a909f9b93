package ui

import (
	"encoding/json"
	"fmt"
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
	// err is why mappings cannot be saved (the store's file is damaged,
	// or taking over the old layouts failed), until remember reports it.
	err error
}

func newLayoutStore(path, configDir string) *layoutStore {
	st, err := read.OpenMappingStore(path)
	if err != nil {
		return &layoutStore{err: err} // a damaged file is left for the user to fix, not overwritten
	}
	return &layoutStore{st: st, err: importLayouts(st, filepath.Join(configDir, "layouts.json"))}
}

// importLayouts takes over the layouts an earlier version kept in its own
// layouts.json (headers lower-cased and joined by \x1f), for layouts the
// store does not know yet. The old file is left as it is; one that is
// missing or unreadable has nothing to take over.
func importLayouts(st *read.MappingStore, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var old map[string]map[int]reconcile.Field
	if json.Unmarshal(b, &old) != nil {
		return nil
	}
	for k, cols := range old {
		headers := strings.Split(k, "\x1f")
		if st.Get(read.LayoutKey(headers)) != nil {
			continue
		}
		for col, f := range cols {
			if err := pipeline.RememberMapping(st, headers, col, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// remember saves one column's field for a layout. The mapping applies to
// this run either way; the error says why the next file with these
// headers will not get it. A store that could not be opened is reported
// once, not on every change.
func (l *layoutStore) remember(headers []string, col int, f reconcile.Field) error {
	err := l.err
	l.err = nil
	if l.st != nil {
		if e := pipeline.RememberMapping(l.st, headers, col, f); e != nil {
			err = e
		}
	}
	if err != nil {
		return fmt.Errorf("the mapping is used now but was not saved for the next file with these columns: %w", err)
	}
	return nil
}

// apply adds saved mappings to the project (pipeline.Project.ApplySaved);
// it reports whether the project changed and needs another run.
func (l *layoutStore) apply(p *pipeline.Project, res *pipeline.Result) bool {
	return p.ApplySaved(l.st, res)
}
