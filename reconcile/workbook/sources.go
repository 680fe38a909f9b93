package workbook

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// MappingText renders a sheet's mapping one column per line:
// `A "Date" → date`; unmapped columns show "(none)". ParseMapping reads it.
func MappingText(headers []string, mapping []reconcile.Field) string {
	var lines []string
	n := max(len(headers), len(mapping))
	for i := 0; i < n; i++ {
		h, f := "", "(none)"
		if i < len(headers) {
			h = headers[i]
		}
		if i < len(mapping) && mapping[i] != "" {
			f = string(mapping[i])
		}
		lines = append(lines, fmt.Sprintf("%s %q → %s", reconcile.ColumnName(i+1), h, f))
	}
	return strings.Join(lines, "\n")
}

func (w *writer) sources() error {
	d := w.d
	sw, err := w.open(SheetSources, []float64{26, 14, 40, 20, 16, 12, 20, 11, 11, 8, 10, 10, 24, 40, 11, 24, 40, 40, 20, 14}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, SourcesHeader); err != nil {
		return err
	}
	r := 2
	done := map[int]bool{}
	for fi, f := range d.Files {
		row := func(cells []any) error {
			err := sw.SetRow("A"+strconv.Itoa(r), cells)
			r++
			return err
		}
		base := []any{filepath.Base(f.Path), "", f.Path, f.SHA256, f.Vendor, f.Retrieved, f.Note}
		if f.Err != nil {
			cells := append(base, make([]any, len(SourcesHeader)-len(base))...)
			cells[16] = f.Err.Error()
			cells[19], cells[20] = f.UserMapping, f.UserFlow
			if err := row(cells); err != nil {
				return err
			}
			continue
		}
		for si, s := range d.Sheets {
			if s.FileIndex != fi || done[si] {
				continue
			}
			done[si] = true
			var skipped []string
			total := 0
			keys := make([]string, 0, len(s.Skipped))
			for k := range s.Skipped {
				keys = append(keys, string(k))
			}
			sort.Strings(keys)
			for _, k := range keys {
				c := s.Skipped[reconcile.SkipReason(k)]
				total += c
				skipped = append(skipped, fmt.Sprintf("%s: %d", k, c))
			}
			errText := ""
			switch {
			case s.Status != "":
				errText = s.Status
			case s.NoTable:
				errText = "no table found in this sheet"
			}
			cells := append(append([]any{}, base...), s.DateFrom.String(), s.DateTo.String(), s.HeaderRow, s.Rows, total,
				strings.Join(skipped, "; "), MappingText(s.Headers(), s.Mapping()), s.Granularity, w.srcNames[si], errText,
				strings.Join(reconcile.NoteTexts(s.Warnings), "; "), strings.Join(s.Checks, "; "), s.UserMapping, s.UserFlow)
			cells[1] = s.Sheet
			if err := row(cells); err != nil {
				return err
			}
		}
	}
	if err := w.overlaps(sw, r+1); err != nil {
		return err
	}
	return w.flush(sw)
}

// sourcesRows is the number of rows below the Sources header: one per
// sheet read and one per file that could not be read.
func (w *writer) sourcesRows() int {
	n := len(w.d.Sheets)
	for _, f := range w.d.Files {
		if f.Err != nil {
			n++
		}
	}
	return n
}
