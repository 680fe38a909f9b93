package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile"
)

// TestSourceFlow sets a source's trade flow and declaring country on the
// Sources screen: saved with the project, re-run, read back by the engine;
// a country that is not one is refused; "As the file says" clears it.
func TestSourceFlow(t *testing.T) {
	u := loadSamples(t)
	s := u.sources
	idx := firstTableItem(t, u)
	s.list.Select(idx)
	settle(t, u)
	it := s.items[idx]
	sheet := u.result.Files[it.file].Sheets[it.sheet].Sheet
	p := s.flow
	if !p.box.Visible() || p.flow.Selected != flowAuto {
		t.Fatalf("flow control visible %v, shows %q; want visible, %q", p.box.Visible(), p.flow.Selected, flowAuto)
	}

	p.flow.SetSelected(flowExport) // re-runs without a country
	settle(t, u)
	test.Type(p.country, "Atlantis")
	p.apply()
	if !strings.Contains(p.note.Text, "not a country") || u.project.Sources[it.file].DeclaringCountry != "" {
		t.Fatalf("a made-up country: note %q, project country %q; want it refused", p.note.Text, u.project.Sources[it.file].DeclaringCountry)
	}
	p.country.SetText("Türkiye")
	p.apply()
	settle(t, u)
	src := u.project.Sources[it.file]
	if src.Flow[sheet] != reconcile.FlowExport || src.DeclaringCountry != "TR" {
		t.Fatalf("project source: flow %v, country %q; want %s for sheet %q, TR", src.Flow, src.DeclaringCountry, reconcile.FlowExport, sheet)
	}
	got := u.result.Files[it.file].Sheets[it.sheet]
	if got.Flow != reconcile.FlowExport || got.Country != "TR" {
		t.Errorf("after the re-run the sheet reads as %q of %q, want export of TR", got.Flow, got.Country)
	}
	if p.flow.Selected != flowExport || p.country.Text != "TR" || !strings.Contains(p.note.Text, "export declarations of TR") {
		t.Errorf("controls after the re-run: %q, %q, note %q", p.flow.Selected, p.country.Text, p.note.Text)
	}

	p.flow.SetSelected(flowAuto)
	p.country.SetText("")
	p.apply()
	settle(t, u)
	if src := u.project.Sources[it.file]; src.Flow[sheet] != "" || src.DeclaringCountry != "" {
		t.Errorf("after %q: flow %v, country %q; want both cleared", flowAuto, src.Flow, src.DeclaringCountry)
	}
}
