package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tradecheck/samples"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile/match"
)

// sampleSources are the bundled samples that are shipment sources.
func sampleSources(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"../samples/*.xlsx", "../samples/*.csv"} {
		m, _ := filepath.Glob(pat)
		for _, f := range m {
			// Not the claims table nor the sanctions list: shipment sources.
			if filepath.Base(f) != "claims.csv" && filepath.Base(f) != samples.List {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no sample data in ../samples: run make samples")
	}
	return out
}

// loadSamples opens the samples in a fresh UI and waits for the result.
func loadSamples(t *testing.T) *UI {
	t.Helper()
	u := newTestUI(t)
	u.OpenPaths(sampleSources(t))
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result after loading the samples; status %q", u.status.Text)
	}
	return u
}

func TestLoadSamplesFillsScreens(t *testing.T) {
	u := loadSamples(t)
	if got := len(u.result.Files); got != len(samples.Sources) {
		t.Errorf("files: got %d, want %d", got, len(samples.Sources))
	}
	for _, f := range u.result.Files {
		if f.Err != nil {
			t.Errorf("%s: %v", f.Path, f.Err)
		}
	}
	if got := u.sources.list.Length(); got < 3 {
		t.Errorf("sources list: got %d lines, want at least one per file", got)
	}
	if got, want := len(u.shipments.view), len(u.result.Merge.Shipments); got != want || got == 0 {
		t.Errorf("shipments view: got %d rows, want all %d", got, want)
	}
	if !strings.Contains(u.shipments.count.Text, "shipments") {
		t.Errorf("shipments count label: %q", u.shipments.count.Text)
	}
	if u.entities.list.Length() == 0 {
		t.Errorf("entity list is empty")
	}
	// The project was autosaved and is listed as recent.
	if r, _ := u.store.recent(); len(r) != 1 {
		t.Errorf("recent projects after a load: got %d, want 1", len(r))
	}
	if _, err := os.Stat(u.store.path(u.projID)); err != nil {
		t.Errorf("autosaved project: %v", err)
	}
}

func TestEntitiesSearchTekhkrim(t *testing.T) {
	u := loadSamples(t)
	u.onSearch()
	test.Type(u.entities.search, "tekhkrim")
	if u.entities.list.Length() == 0 {
		t.Fatalf("typing tekhkrim found nothing")
	}
	first := u.entities.rows[0]
	if !strings.Contains(strings.ToLower(first.sum.Canonical), "tekhkrim") && !strings.Contains(first.sum.Canonical, "Техкрим") {
		t.Errorf("first hit: got %q, want Tekhkrim", first.sum.Canonical)
	}
	if len(first.matched) == 0 {
		t.Errorf("first hit %q has no highlighted characters", first.text)
	}
	u.entities.list.Select(0)
	if !u.entities.detail.Visible() {
		t.Fatalf("selecting an entity did not show its details")
	}
	if len(u.entities.members) == 0 {
		t.Errorf("detail lists no names as written")
	}
}

func TestReopeningSameFilesKeepsDecisions(t *testing.T) {
	srcs := sampleSources(t)
	dir := t.TempDir()
	a := test.NewTempApp(t)
	u := newTestUIIn(t, a, dir)
	u.OpenPaths(srcs)
	settle(t, u)
	name := u.result.Names.Mentions[0]
	u.decide(match.Decision{Op: match.OpSplit, Name: name.Name, Role: name.Role, TaxID: name.TaxID}, "split")
	settle(t, u)

	// Next start, same files (make run does this): the decision is back.
	v := newTestUIIn(t, a, dir)
	v.OpenPaths(srcs)
	settle(t, v)
	if got := len(v.project.Decisions); got != 1 || v.project.Decisions[0].Name != name.Name {
		t.Errorf("decisions after reopening the same files: got %+v, want the split of %q", v.project.Decisions, name.Name)
	}
	// Without arguments the last project is restored.
	x := newTestUIIn(t, a, dir)
	if !x.RestoreLast() {
		t.Fatal("RestoreLast found nothing")
	}
	settle(t, x)
	if x.result == nil || len(x.project.Decisions) != 1 {
		t.Errorf("restored project: result %v, decisions %+v", x.result != nil, x.project.Decisions)
	}
}
