package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// dupeSources writes two CSV sources whose first rows describe one
// shipment six days apart: a possible duplicate, not merged.
func dupeSources(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	hdr := "Date,Consignee,Shipper,HS code,Net weight kg,Value USD\n"
	os.WriteFile(a, []byte(hdr+"2022-06-14,OOO TEKHKRIM,NORINCO,930320,1000,5000\n2022-08-01,OOO ZAVOD,ACME,847130,300,900\n"), 0o644)
	os.WriteFile(b, []byte(hdr+"2022-06-20,TEKHKRIM LLC,NORINCO,930320,1010,5000\n"), 0o644)
	return []string{a, b}
}

func TestDupesMergeAndUndo(t *testing.T) {
	u := newTestUI(t)
	u.OpenPaths(dupeSources(t))
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result; status %q", u.status.Text)
	}
	s := u.dupes
	if len(s.pairs) != 1 || !strings.HasPrefix(s.count.Text, "1 possible duplicate(s)") {
		t.Fatalf("pairs: got %d, count %q; want 1", len(s.pairs), s.count.Text)
	}
	if !s.merge.Disabled() {
		t.Error("Merge is enabled with no pair selected")
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if s.merge.Disabled() || !strings.Contains(s.detail.Text, "beyond the ±3-day window") {
		t.Fatalf("after selecting: merge disabled %v, detail %q", s.merge.Disabled(), s.detail.Text)
	}
	test.Tap(s.merge)
	settle(t, u)
	if got := len(u.result.Merge.Shipments); got != 2 || len(s.pairs) != 0 {
		t.Fatalf("after Merge: %d shipments, %d pairs; want 2 and 0", got, len(s.pairs))
	}
	if d := u.project.ShipmentDecisions; len(d) != 1 || d[0].Op != merge.OpMerge || d[0].SHA256 == "" {
		t.Fatalf("decisions: %+v, want one merge naming its file's SHA-256", d)
	}
	// Ctrl+Z is the Edit menu's "Undo last decision".
	var undo *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Undo last decision" {
				undo = it
			}
		}
	}
	if undo == nil {
		t.Fatal("no Undo item in the menu")
	}
	// The driver reports Ctrl+Z as fyne.ShortcutUndo and matches menu
	// items by the shortcut's name.
	if undo.Shortcut == nil || undo.Shortcut.ShortcutName() != (&fyne.ShortcutUndo{}).ShortcutName() {
		t.Errorf("Undo shortcut: %#v, want fyne.ShortcutUndo (Ctrl+Z)", undo.Shortcut)
	}
	undo.Action()
	settle(t, u)
	if got := len(u.result.Merge.Shipments); got != 3 || len(s.pairs) != 1 || len(u.project.ShipmentDecisions) != 0 {
		t.Errorf("after undo: %d shipments, %d pairs, %d decisions; want 3, 1, 0", got, len(s.pairs), len(u.project.ShipmentDecisions))
	}
	if !strings.HasPrefix(u.status.Text, "Undone: Merging S") {
		t.Errorf("status after undo: %q", u.status.Text)
	}

	t.Run("keep apart", func(t *testing.T) {
		s.table.Select(widget.TableCellID{Row: 0, Col: 0})
		test.Tap(s.apart)
		settle(t, u)
		if len(s.pairs) != 0 || !strings.Contains(s.count.Text, "1 pair(s) kept apart by you") {
			t.Errorf("after Keep apart: %d pairs, count %q", len(s.pairs), s.count.Text)
		}
		test.Tap(s.undo)
		settle(t, u)
		if len(s.pairs) != 1 {
			t.Errorf("after undo: %d pairs, want 1", len(s.pairs))
		}
	})
	t.Run("undo takes back entity decisions too", func(t *testing.T) {
		before := len(u.result.Names.Entities)
		m := u.result.Names.Mentions[0]
		u.decide(match.Decision{Op: match.OpRename, Name: m.Name, Role: m.Role, Target: "RENAMED"}, "Renaming…")
		settle(t, u)
		if len(u.project.Decisions) != 1 {
			t.Fatalf("decisions: %d, want 1", len(u.project.Decisions))
		}
		u.undo()
		settle(t, u)
		if len(u.project.Decisions) != 0 || len(u.result.Names.Entities) != before {
			t.Errorf("after undo: %d decisions, %d entities; want 0, %d", len(u.project.Decisions), len(u.result.Names.Entities), before)
		}
		u.undo()
		if u.status.Text != "Nothing to undo." {
			t.Errorf("empty stack: status %q", u.status.Text)
		}
	})
}

// mergedPair loads dupeSources and merges their one possible duplicate
// on the Possible duplicates tab.
func mergedPair(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t)
	u.OpenPaths(dupeSources(t))
	settle(t, u)
	u.dupes.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(u.dupes.merge)
	settle(t, u)
	return u
}

func TestShipmentActions(t *testing.T) {
	u := mergedPair(t)
	s, a := u.shipments, u.shipments.actions
	merged := -1
	for k, i := range s.view {
		if len(s.ships[i].Rows) == 2 {
			merged = k
		}
	}
	if merged < 0 {
		t.Fatal("no merged shipment in the table")
	}
	s.table.Select(widget.TableCellID{Row: merged, Col: 1})
	if a.split.Disabled() || a.exclude.Disabled() || !a.include.Disabled() {
		t.Fatalf("merged shipment selected: split %v, exclude %v, include %v disabled", a.split.Disabled(), a.exclude.Disabled(), a.include.Disabled())
	}
	if !strings.Contains(s.detail.Text, "Your decisions: merged by you") {
		t.Errorf("detail does not show the decision: %q", s.detail.Text)
	}
	test.Tap(a.split)
	settle(t, u)
	if got := len(u.result.Merge.Shipments); got != 3 {
		t.Fatalf("after Split: %d shipments, want 3", got)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 1})
	test.Tap(a.exclude)
	findEntry(t, u.win.Canvas().Overlays().Top()).SetText("re-export")
	submitTopForm(t, u)
	settle(t, u)
	var excluded []string
	for _, sh := range u.result.Merge.Shipments {
		if sh.Excluded {
			excluded = append(excluded, sh.ExcludeReason)
		}
	}
	if len(excluded) != 1 || excluded[0] != "re-export" {
		t.Fatalf("excluded: %q, want one with reason re-export", excluded)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 1})
	for k, i := range s.view {
		if s.ships[i].Excluded {
			s.table.Select(widget.TableCellID{Row: k, Col: 1})
		}
	}
	test.Tap(a.include)
	settle(t, u)
	for _, sh := range u.result.Merge.Shipments {
		if sh.Excluded {
			t.Errorf("%s still excluded after Count again", sh.ID)
		}
	}
	// Four decisions, four undos: back to the first result.
	for range 4 {
		u.undo()
		settle(t, u)
	}
	if got := len(u.result.Merge.Shipments); got != 3 || len(u.project.ShipmentDecisions) != 0 || len(u.dupes.pairs) != 1 {
		t.Errorf("after undoing everything: %d shipments, %d decisions, %d pairs; want 3, 0, 1", got, len(u.project.ShipmentDecisions), len(u.dupes.pairs))
	}
}

func TestSourceOrder(t *testing.T) {
	u := newTestUI(t)
	files := dupeSources(t)
	u.OpenPaths(files)
	settle(t, u)
	p := u.sources.order
	if len(p.order) != 2 || p.order[0] != files[0] || !p.reset.Disabled() || !p.up.Disabled() {
		t.Fatalf("order %q, reset disabled %v; want the files as added, default rule", p.order, p.reset.Disabled())
	}
	if !strings.Contains(p.overlap.Text, "a.csv ~ b.csv: 0 shipment(s) merged, 1 row(s) look alike but not merged, 1 possible duplicate(s)") {
		t.Errorf("overlap: %q", p.overlap.Text)
	}
	// Unranked, the rows carry no rank: the rule decides field by field.
	row := func(i int) string {
		l := p.list.CreateItem().(*widget.Label)
		p.list.UpdateItem(i, l)
		return l.Text
	}
	if got := row(0); got != "• a.csv" {
		t.Errorf("unranked row: %q, want no rank number", got)
	}
	p.list.Select(1)
	test.Tap(p.up)
	settle(t, u)
	if got := u.project.Params.SourcePreference; len(got) != 2 || got[0] != files[1] {
		t.Fatalf("preference: %q, want b.csv first", got)
	}
	if got := u.result.Project.Params.SourcePreference; len(got) != 2 || got[0] != files[1] {
		t.Errorf("the run did not use the order: %q", got)
	}
	if p.order[0] != files[1] || p.reset.Disabled() {
		t.Errorf("panel after Up: %q, reset disabled %v", p.order, p.reset.Disabled())
	}
	if got := row(0); got != "1. b.csv" {
		t.Errorf("ranked row: %q, want %q", got, "1. b.csv")
	}
	// Merging the pair now takes b.csv's values: it is preferred.
	u.dupes.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(u.dupes.merge)
	settle(t, u)
	for _, sh := range u.result.Merge.Shipments {
		if len(sh.Rows) == 2 && sh.ConsigneeName != "TEKHKRIM LLC" {
			t.Errorf("merged shipment takes its consignee from %q, want b.csv's TEKHKRIM LLC", sh.ConsigneeName)
		}
	}
	test.Tap(p.reset)
	settle(t, u)
	if len(u.project.Params.SourcePreference) != 0 || p.order[0] != files[0] {
		t.Errorf("after Default order: preference %q, panel %q", u.project.Params.SourcePreference, p.order)
	}
}

// Ctrl+Z while a text field has focus is the field's own undo, not a
// decision's.
func TestUndoKeyInTextField(t *testing.T) {
	u := mergedPair(t)
	u.tabs.Select(u.tabShipments)
	u.win.Canvas().Focus(u.shipments.text)
	if u.win.Canvas().Focused() != u.shipments.text {
		t.Fatal("could not focus the text filter")
	}
	u.onUndoKey()
	settle(t, u)
	if len(u.project.ShipmentDecisions) != 1 {
		t.Errorf("Ctrl+Z in a text field took back a decision: %d left, want 1", len(u.project.ShipmentDecisions))
	}
	u.win.Canvas().Unfocus()
	u.onUndoKey()
	settle(t, u)
	if len(u.project.ShipmentDecisions) != 0 {
		t.Errorf("Ctrl+Z with nothing focused: %d decisions left, want 0", len(u.project.ShipmentDecisions))
	}
}
