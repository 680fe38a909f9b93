package ui

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// The Sources screen sets a fixed value and a date order for the
// selected sheet: saved in the project as sheet settings (Column -1, as
// the CLI's --map FILE:dispatch_country=TR), read again, and shown in
// the summary with where they came from.
func TestSheetSettingsOnSourcesScreen(t *testing.T) {
	u := loadSamples(t)
	s := u.sources
	idx := -1
	for i, it := range s.items {
		if it.sheet >= 0 && !u.result.Files[it.file].Sheets[it.sheet].NoTable {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Fatal("no sheet with a table")
	}
	s.list.Select(idx)
	settle(t, u)
	it := s.items[idx]
	sh := u.result.Files[it.file].Sheets[it.sheet]

	s.settings.field.SetSelected(string(reconcile.FieldDispatchCountry))
	s.settings.value.SetText("Atlantis")
	s.settings.onSet() // refused: not a country (a dialog, nothing saved)
	s.settings.value.SetText("Türkiye")
	s.settings.onSet()
	settle(t, u)
	s.settings.order.SetSelected(orderMDY)
	settle(t, u)

	want := map[pipeline.ColumnOverride]bool{
		{Sheet: sh.Sheet, Column: -1, ColumnOverride: read.ColumnOverride{Field: reconcile.FieldDispatchCountry}, Value: "TR"}: true,
		{Sheet: sh.Sheet, Column: -1, DateOrder: pipeline.DateMDY}:                                                             true,
	}
	got := u.project.Sources[it.file].Mapping
	if len(got) != 2 || !want[got[0]] || !want[got[1]] {
		t.Fatalf("project mapping %+v, want the dispatch country TR and month-first dates", got)
	}
	if !strings.Contains(s.summary.Text, "Fixed: dispatch_country = TR, from your mapping") {
		t.Errorf("summary does not show the fixed value: %q", s.summary.Text)
	}
	s.settings.onClear()
	settle(t, u)
	if got := u.project.Sources[it.file].Mapping; len(got) != 1 || got[0].DateOrder != pipeline.DateMDY {
		t.Errorf("after Clear: %+v, want only the date order", got)
	}
}
