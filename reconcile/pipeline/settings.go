package pipeline

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// Settings lists, in words, what the user set for a source that changes
// its figures: trade flow and declaring country, column mappings, sheets
// left out or read after all, date orders, units. Empty
// when the file's own statements decide everything.
func (s *SourceSpec) Settings() []string {
	var out []string
	sheets := make([]string, 0, len(s.Flow))
	for sh := range s.Flow {
		sheets = append(sheets, sh)
	}
	sort.Strings(sheets)
	for _, sh := range sheets {
		out = append(out, "trade flow "+sheetLabel(sh)+userFlow(s, sh))
	}
	if len(s.Flow) == 0 && s.DeclaringCountry != "" {
		out = append(out, "declaring country "+s.DeclaringCountry)
	}
	cols, use, order, unit, fixed := 0, 0, 0, 0, 0
	for _, m := range s.Mapping {
		switch {
		case m.Column >= 0:
			cols++
		case m.SheetUse != "":
			use++
		case m.DateOrder != "":
			order++
		case m.Unit != "":
			unit++
		default:
			fixed++
		}
	}
	for _, c := range []struct {
		n          int
		one, other string
	}{{cols, "a column mapping", " column mappings"}, {use, "a sheet left out or included", " sheets left out or included"},
		{order, "a date order", " date orders"}, {unit, "a weight unit", " weight units"}, {fixed, "a fixed field value", " fixed field values"}} {
		switch {
		case c.n == 1:
			out = append(out, c.one)
		case c.n > 1:
			out = append(out, strconv.Itoa(c.n)+c.other)
		}
	}
	return out
}

func sheetLabel(sheet string) string {
	if sheet == "" {
		return ""
	}
	return "[" + sheet + "] "
}

// unappliedSettings notes the sources the user gave settings for whose
// file could not be read: a replayed run (--decisions, a reopened
// workbook) whose file moved would otherwise drop an export flow or a
// mapping without a word, and a verdict could change.
func (r *Result) unappliedSettings() []reconcile.Note {
	var out []reconcile.Note
	for fi, f := range r.Files {
		if f.Err == nil || fi >= len(r.Project.Sources) {
			continue
		}
		if set := r.Project.Sources[fi].Settings(); len(set) > 0 {
			out = append(out, reconcile.Note{Text: filepath.Base(f.Path) + ": could not be read, so your settings for it were not applied (" +
				strings.Join(set, "; ") + "); the figures leave the file out"})
		}
	}
	return out
}
