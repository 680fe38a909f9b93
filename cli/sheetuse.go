package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// applySheetUse sets one --skip-sheet or --include-sheet, FILE!SHEET as
// --map writes it (FILE alone for a text file), on the sources it names.
// It is an override like --map's, so the audit workbook records it with
// the sheet's mapping and --decisions replays it.
func applySheetUse(p *pipeline.Project, target, use string) error {
	file, sheet, _ := strings.Cut(target, "!")
	if strings.TrimSpace(file) == "" {
		return fmt.Errorf("want FILE!SHEET (FILE alone for a CSV)")
	}
	hit := false
	for i := range p.Sources {
		src := &p.Sources[i]
		if filepath.Base(src.Path) != filepath.Base(file) {
			continue
		}
		kept := src.Mapping[:0]
		for _, m := range src.Mapping {
			if !(m.Column < 0 && m.Sheet == sheet && m.SheetUse != "") {
				kept = append(kept, m)
			}
		}
		src.Mapping = append(kept, pipeline.ColumnOverride{Sheet: sheet, Column: -1, SheetUse: use})
		hit = true
	}
	if !hit {
		return fmt.Errorf("no input file is named %q", file)
	}
	return nil
}

// unknownSheetUse lists the --skip-sheet and --include-sheet targets
// whose sheet the file does not have, so a typo does not pass for a
// sheet left out.
func unknownSheetUse(res *pipeline.Result) []string {
	var out []string
	for fi, f := range res.Files {
		if f.Err != nil || fi >= len(res.Project.Sources) {
			continue
		}
		have := map[string]bool{}
		var names []string
		for _, s := range f.Sheets {
			have[s.Sheet] = true
			names = append(names, fmt.Sprintf("%q", s.Sheet))
		}
		for _, m := range res.Project.Sources[fi].Mapping {
			if m.Column < 0 && m.SheetUse != "" && !have[m.Sheet] {
				what := map[bool]string{true: "--skip-sheet", false: "--include-sheet"}[m.SheetUse == read.SheetLeaveOut]
				out = append(out, fmt.Sprintf("%s %s!%s: the file has no such sheet (its sheets: %s)", what, filepath.Base(f.Path), m.Sheet, strings.Join(names, ", ")))
			}
		}
	}
	return out
}
