package pipeline

import (
	"maps"
	"path/filepath"
	"slices"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// RememberMapping saves the user's mapping of one column for a header
// layout, so that the next file with the same header row is read the way
// the user fixed this one: by the app, and by the CLI's inspect,
// reconcile and check. f == FieldNone saves "not used".
func RememberMapping(st *read.MappingStore, headers []string, col int, f reconcile.Field) error {
	if st == nil || len(headers) == 0 || col < 0 {
		return nil
	}
	key := read.LayoutKey(headers)
	over := st.Get(key)
	if over == nil {
		over = map[int]read.ColumnOverride{}
	}
	over[col] = read.ColumnOverride{Field: f, Ignore: f == reconcile.FieldNone}
	return st.Set(key, over)
}

// ApplySaved adds the mappings saved for a sheet's header layout to the
// project, as ordinary column overrides: for columns the user has not set
// in this project, and only where they change what was read. Being
// ordinary overrides, they show in the app, are recorded on the audit
// workbook's Method sheet and come back with it. It reports whether the
// project changed, which then needs another Run.
func (p *Project) ApplySaved(st *read.MappingStore, res *Result) bool {
	if st == nil || res == nil {
		return false
	}
	changed := false
	for _, f := range res.Files {
		for _, sh := range f.Sheets {
			headers, mapping := sh.Headers(), sh.Mapping()
			saved := st.Get(read.LayoutKey(headers))
			if len(saved) == 0 {
				continue
			}
			for i := range p.Sources {
				src := &p.Sources[i]
				if absPath(src.Path) != absPath(f.Path) {
					continue
				}
				for _, col := range slices.Sorted(maps.Keys(saved)) {
					o := saved[col]
					field := o.Field
					if o.Ignore {
						field = reconcile.FieldNone
					}
					if col >= len(headers) || src.hasOverride(sh.Sheet, col) {
						continue
					}
					if col < len(mapping) && mapping[col] == field && o.Unit == "" && o.Currency == "" {
						continue
					}
					src.Mapping = append(src.Mapping, ColumnOverride{Sheet: sh.Sheet, Column: col, Header: headers[col],
						ColumnOverride: read.ColumnOverride{Field: field, Ignore: field == reconcile.FieldNone, Unit: o.Unit, Currency: o.Currency}})
					changed = true
				}
			}
		}
	}
	return changed
}

func (s *SourceSpec) hasOverride(sheet string, col int) bool {
	for _, m := range s.Mapping {
		if m.Sheet == sheet && m.Column == col {
			return true
		}
	}
	return false
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
