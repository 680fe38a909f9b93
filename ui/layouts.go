package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
)

// layoutStore remembers the user's column mappings per header layout, so a
// new export with the same columns is read the way the user fixed the
// last one. It is kept beside the autosaved projects.
type layoutStore struct {
	path string
	mu   sync.Mutex
	// by layout key, column -> field
	m map[string]map[int]reconcile.Field
}

func newLayoutStore(dir string) *layoutStore {
	l := &layoutStore{path: filepath.Join(dir, "layouts.json"), m: map[string]map[int]reconcile.Field{}}
	if b, err := os.ReadFile(l.path); err == nil {
		_ = json.Unmarshal(b, &l.m) // a damaged file only loses saved layouts
	}
	return l
}

// layoutKey identifies a header layout: the headers, case-folded.
func layoutKey(headers []string) string {
	hs := make([]string, len(headers))
	for i, h := range headers {
		hs[i] = strings.ToLower(strings.TrimSpace(h))
	}
	return strings.Join(hs, "\x1f")
}

// remember saves one column's field for a layout.
func (l *layoutStore) remember(headers []string, _ string, col int, f reconcile.Field) {
	if len(headers) == 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	k := layoutKey(headers)
	if l.m[k] == nil {
		l.m[k] = map[int]reconcile.Field{}
	}
	l.m[k][col] = f
	if b, err := json.MarshalIndent(l.m, "", "  "); err == nil {
		_ = writeFileAtomic(l.path, b)
	}
}

// apply adds saved mappings to sources whose sheets have a remembered
// layout and no override yet for that column. It reports whether it
// changed the project (which then needs another run).
func (l *layoutStore) apply(p *pipeline.Project, res *pipeline.Result) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	changed := false
	for _, f := range res.Files {
		for _, sh := range f.Sheets {
			saved := l.m[layoutKey(sh.Headers)]
			if len(saved) == 0 {
				continue
			}
			for i := range p.Sources {
				src := &p.Sources[i]
				if absPath(src.Path) != absPath(f.Path) {
					continue
				}
				for col, field := range saved {
					if col >= len(sh.Headers) || hasOverride(src, sh.Sheet, col) {
						continue
					}
					if col < len(sh.Mapping) && sh.Mapping[col] == field {
						continue
					}
					src.Mapping = append(src.Mapping, pipeline.ColumnOverride{Sheet: sh.Sheet, Column: col, Header: sh.Headers[col],
						Field: field, Ignore: field == reconcile.FieldNone})
					changed = true
				}
			}
		}
	}
	return changed
}

func hasOverride(src *pipeline.SourceSpec, sheet string, col int) bool {
	for _, m := range src.Mapping {
		if m.Sheet == sheet && m.Column == col {
			return true
		}
	}
	return false
}
