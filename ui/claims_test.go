package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/samples"
)

// newSampleUI builds a UI whose "Try the sample data" uses the bundled
// samples, and clicks it.
func newSampleUI(t *testing.T, a fyne.App, dir string) *UI {
	t.Helper()
	m := &testMain{}
	w := a.NewWindow("Tradecheck")
	u := newUI(a, w, Options{ConfigDir: dir, Samples: samples.FS}, m.do)
	mains.Store(u, m)
	w.Resize(fyne.NewSize(1200, 780))
	t.Cleanup(func() {
		settle(t, u)
		w.Close()
		mains.Delete(u)
	})
	test.Tap(u.start.samples)
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result after Try the sample data; status %q", u.status.Text)
	}
	u.tabs.Select(u.tabClaims)
	return u
}

// claimRowView renders list row i and returns its badge and labels.
func claimRowView(t *testing.T, s *claimsScreen, i int) (*verdictBadge, []string) {
	t.Helper()
	o := s.list.CreateItem()
	s.list.UpdateItem(i, o)
	c := o.(*fyne.Container)
	badge := c.Objects[1].(*fyne.Container).Objects[0].(*verdictBadge)
	var texts []string
	for _, l := range c.Objects[0].(*fyne.Container).Objects {
		texts = append(texts, l.(*widget.Label).Text)
	}
	return badge, texts
}

// expectedVerdicts reads the verdicts samples/expected.json gives, by
// claim text.
func expectedVerdicts(t *testing.T) map[string]claims.Kind {
	t.Helper()
	b, err := samples.FS.ReadFile(samples.Expected)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Claims []struct {
			Claim   string `json:"claim"`
			Verdict string `json:"verdict"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]claims.Kind{}
	for _, c := range doc.Claims {
		out[c.Claim] = claims.Kind(c.Verdict)
	}
	return out
}

// engineVerdict checks c against the UI's current result with the engine
// directly, the oracle the screen must agree with.
func engineVerdict(u *UI, c claims.Claim) claims.Verdict {
	return claims.Check(u.result.ClaimsData(), c)
}

func TestClaimsSamplesShowEngineVerdicts(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	want := expectedVerdicts(t)
	cs := u.project.Claims
	if len(cs) != len(want) || len(cs) < 10 {
		t.Fatalf("claims after loading the samples: got %d, want the %d of samples/claims.csv", len(cs), len(want))
	}
	if got := s.list.Length(); got != len(cs) {
		t.Fatalf("list rows: got %d, want %d", got, len(cs))
	}
	seen := map[claims.Kind]bool{}
	for i, c := range cs {
		t.Run(c.ID, func(t *testing.T) {
			v := engineVerdict(u, c)
			badge, texts := claimRowView(t, s, i)
			if badge.kind != v.Kind {
				t.Errorf("badge: got %q, want the engine's %q", badge.kind, v.Kind)
			}
			if badge.text() != v.Kind.Label() {
				t.Errorf("badge text: got %q, want %q", badge.text(), v.Kind.Label())
			}
			if _, ok := want[c.Text]; !ok {
				t.Errorf("claim %q is not in expected.json", c.Text)
			}
			if !strings.Contains(texts[1], figureText(&v)) || !strings.Contains(texts[1], c.Expected()) {
				t.Errorf("figure line: got %q, want the claim %q and the figure %q", texts[1], c.Expected(), figureText(&v))
			}
			if texts[2] != oneLine(v.Reason) || texts[2] == "" {
				t.Errorf("reason line: got %q, want %q", texts[2], oneLine(v.Reason))
			}
			seen[v.Kind] = true
		})
	}
	for _, k := range []claims.Kind{claims.Supported, claims.Contradicted, claims.Insufficient, claims.NothingFound} {
		if !seen[k] {
			t.Errorf("no sample claim shows %s", k.Label())
		}
	}
	if !strings.Contains(s.count.Text, "11 claims") {
		t.Errorf("count: got %q, want 11 claims with their verdicts", s.count.Text)
	}
}

func TestClaimsDetailShowsRows(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	// The story's body-armour claim via Turkey: supported, with rows in
	// scope and near-boundary rows (other dispatch countries).
	i := indexOfText(t, u, "via Turkey between June and December")
	s.list.Select(i)
	v := engineVerdict(u, u.project.Claims[i])
	if !s.detail.Visible() {
		t.Fatal("selecting a claim did not show its detail")
	}
	if s.badge.kind != v.Kind || s.reason.Text != v.Reason {
		t.Errorf("detail: got %q %q, want %q %q", s.badge.kind, s.reason.Text, v.Kind, v.Reason)
	}
	if got, want := len(s.in), len(v.InScope); got != want || got == 0 {
		t.Fatalf("in-scope rows: got %d, want %d", got, want)
	}
	if s.tabIn.Text != fmt.Sprintf("In scope (%d)", len(v.InScope)) {
		t.Errorf("tab: got %q", s.tabIn.Text)
	}
	// Every row shows its ID, date, consignee and source rows.
	for r, row := range v.InScope {
		for c, want := range map[int]string{0: row.ID, 1: row.Date.String(), 7: strings.Join(row.Sources, "; ")} {
			if got := inScopeColumns[c].text(&s.in[r]); got != want || got == "" {
				t.Errorf("row %d column %s: got %q, want %q", r, inScopeColumns[c].title, got, want)
			}
		}
		if s.in[r].ship == nil || s.in[r].ship.ID != row.ID {
			t.Errorf("row %d: shipment %v, want %s", r, s.in[r].ship, row.ID)
		}
	}
	if len(v.Near) == 0 {
		t.Fatalf("the engine gives no near-boundary rows for %q", v.Claim.Text)
	}
	if got := len(s.near); got != len(v.Near) {
		t.Errorf("near rows: got %d, want %d", got, len(v.Near))
	}
	if got := colMisses.text(&s.near[0]); got != v.Near[0].Filter || got == "" {
		t.Errorf("near row misses: got %q, want %q", got, v.Near[0].Filter)
	}

	t.Run("show in Shipments", func(t *testing.T) {
		test.Tap(s.showIn)
		settle(t, u)
		if u.tabs.Selected() != u.tabShipments {
			t.Fatalf("Show in Shipments did not open the Shipments screen")
		}
		if got := len(u.shipments.view); got != len(v.InScope) {
			t.Errorf("Shipments view: got %d rows, want the %d in scope", got, len(v.InScope))
		}
		ids := map[string]bool{}
		for _, r := range v.InScope {
			ids[r.ID] = true
		}
		for _, x := range u.shipments.view {
			if !ids[u.shipments.ships[x].ID] {
				t.Errorf("Shipments shows %s, not in scope", u.shipments.ships[x].ID)
			}
		}
		if !strings.Contains(u.shipments.count.Text, "shipments in scope") {
			t.Errorf("Shipments count: got %q, want it to name the claim's rows", u.shipments.count.Text)
		}
		u.shipments.onClearFilters()
		settle(t, u)
		if got, want := len(u.shipments.view), len(u.shipments.ships); got != want {
			t.Errorf("after clearing: got %d rows, want all %d", got, want)
		}
	})
}

func indexOfText(t *testing.T, u *UI, part string) int {
	t.Helper()
	for i, c := range u.project.Claims {
		if strings.Contains(c.Text, part) {
			return i
		}
	}
	t.Fatalf("no claim contains %q", part)
	return -1
}

func TestClaimsAddThroughForm(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	u := newSampleUI(t, a, dir)
	s := u.claims
	before := len(u.project.Claims)

	test.Tap(s.addBtn)
	f := s.form
	if f == nil {
		t.Fatal("Add claim did not open the form")
	}
	test.Type(f.text, "Russia got more than 40 t of Chinese body armour through Turkey in 2022")
	f.measure.SetSelected(claims.Tonnes.Label())
	f.comparator.SetSelected(claims.MoreThan.Label())
	test.Type(f.figure, "abc")
	test.Tap(f.save)
	if s.form != f || !f.problem.Visible() || !strings.Contains(f.problem.Text, "Figure") {
		t.Fatalf("a bad figure: form open %v, problem %q; want the form kept open naming Figure", s.form == f, f.problem.Text)
	}
	if len(u.project.Claims) != before {
		t.Fatalf("a bad claim was saved")
	}
	f.figure.SetText("")
	test.Type(f.figure, "40")
	test.Type(f.origin, "China (CN)")
	test.Type(f.dispatch, "turkey")
	test.Type(f.destination, "RU")
	test.Type(f.hs, "6307 90 98")
	test.Type(f.from, "2022")
	test.Type(f.to, "2022")
	test.Tap(f.save)
	settle(t, u)
	if s.form != nil {
		t.Fatalf("form still open: %q", f.problem.Text)
	}
	if got := len(u.project.Claims); got != before+1 {
		t.Fatalf("claims: got %d, want %d", got, before+1)
	}
	c := u.project.Claims[before]
	want := claims.Filters{Origin: []string{"CN"}, Dispatch: []string{"TR"}, Destination: []string{"RU"},
		HSPrefixes: []string{"63079098"}, From: "2022-01-01", To: "2022-12-31"}
	if fmt.Sprint(c.Filters) != fmt.Sprint(want) || c.Figure != 40 || c.Measure != claims.Tonnes || c.Comparator != claims.MoreThan {
		t.Errorf("saved claim: got %+v, want tonnes more than 40 with %+v", c, want)
	}
	v := engineVerdict(u, c)
	if s.selID != c.ID || s.badge.kind != v.Kind || s.reason.Text != v.Reason {
		t.Errorf("detail: got %s %q, want the new claim %s %q", s.selID, s.badge.kind, c.ID, v.Kind)
	}
	if v.Kind != claims.Contradicted {
		t.Errorf("engine verdict for > 40 t via Turkey: got %s, want contradicted (the samples carry about 12.6 t)", v.Kind)
	}

	// The claim is in the autosaved project and comes back next start.
	x := newTestUIIn(t, a, dir)
	if !x.RestoreLast() {
		t.Fatal("RestoreLast found nothing")
	}
	settle(t, x)
	if got := len(x.project.Claims); got != before+1 || x.project.Claims[before].Text != c.Text {
		t.Errorf("restored claims: got %d, want %d with the new one", got, before+1)
	}
	if got := x.claims.list.Length(); got != before+1 {
		t.Errorf("restored list: got %d rows, want %d", got, before+1)
	}
}

func TestClaimsEditChangesVerdict(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	i := indexOfText(t, u, "via Turkey between June and December")
	s.list.Select(i)
	if s.badge.kind != claims.Supported {
		t.Fatalf("before the edit: got %s, want supported", s.badge.kind)
	}
	id := u.project.Claims[i].ID
	test.Tap(s.editBtn)
	f := s.form
	if f == nil || f.figure.Text != "12" || f.dispatch.Text != "Türkiye (TR)" {
		t.Fatalf("edit form: got figure %q dispatch %q, want the claim's 12 and Türkiye (TR)", f.figure.Text, f.dispatch.Text)
	}
	f.figure.SetText("")
	test.Type(f.figure, "30")
	test.Tap(f.save)
	settle(t, u)
	c := u.project.Claims[i]
	if c.ID != id || c.Figure != 30 {
		t.Fatalf("edited claim: got %s %v, want %s with figure 30", c.ID, c.Figure, id)
	}
	v := engineVerdict(u, c)
	if v.Kind != claims.Contradicted {
		t.Errorf("engine verdict for more than 30 t: got %s, want contradicted", v.Kind)
	}
	// The audit workbook is written from the result's project: it must
	// carry the edited claim without a re-run.
	if got := u.result.Project.Claims[i].Figure; got != 30 {
		t.Errorf("result's claim for the export: got figure %v, want 30", got)
	}
	badge, texts := claimRowView(t, s, i)
	if badge.kind != v.Kind || s.badge.kind != v.Kind {
		t.Errorf("after the edit: list %s, detail %s; want %s", badge.kind, s.badge.kind, v.Kind)
	}
	if !strings.Contains(texts[1], "more than 30 t") {
		t.Errorf("list figure: got %q, want the new figure", texts[1])
	}

	t.Run("delete", func(t *testing.T) {
		n := len(u.project.Claims)
		s.deleteClaim(id)
		if len(u.project.Claims) != n-1 || s.indexOf(id) >= 0 || s.detail.Visible() {
			t.Errorf("after delete: %d claims, %s found %v, detail shown %v", len(u.project.Claims), id, s.indexOf(id) >= 0, s.detail.Visible())
		}
	})
}

// TestClaimsFollowSplit adds a claim about an entity picked with the
// entity search ("it received at least N shipments", N its count now),
// then splits one of its names out on the Entities screen: the verdict
// must follow, as the engine computes it over the new entities.
func TestClaimsFollowSplit(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims

	// A consignee entity with a name, not its core, that some but not
	// all of its shipments were written to.
	ships := u.result.Merge.Shipments
	var ent int
	var victim *match.Mention
	total := 0
	for e := range u.result.Names.Entities {
		names, n := map[string]int{}, 0
		for i := range ships {
			if int(ships[i].Consignee) == e && ships[i].Counted() {
				names[ships[i].ConsigneeName]++
				n++
			}
		}
		for _, m := range u.result.Names.Entities[e].Members[1:] {
			mm := u.result.Names.Mentions[m]
			if mm.Role == match.Consignee && names[mm.Name] > 0 && names[mm.Name] < n {
				ent, victim, total = e, &mm, n
				break
			}
		}
		if victim != nil {
			break
		}
	}
	if victim == nil {
		t.Fatal("the samples have no consignee entity whose shipments are written under several names")
	}
	e := u.result.Names.Entities[ent]

	test.Tap(s.addBtn)
	f := s.form
	test.Type(f.text, fmt.Sprintf("%s received at least %d shipments", e.Canonical, total))
	f.measure.SetSelected(claims.Shipments.Label())
	f.comparator.SetSelected(claims.AtLeast.Label())
	test.Type(f.figure, fmt.Sprint(total))
	test.Tap(f.consigneeFind)
	if f.picker == nil {
		t.Fatal("Find… did not open the entity picker")
	}
	test.Type(f.picker.query, victim.Name)
	picked := false
	for k, h := range f.picker.hits {
		if h.Entity == ent {
			f.picker.list.Select(k)
			picked = true
			break
		}
	}
	if !picked {
		t.Fatalf("the picker did not find %s for %q", e.ID, victim.Name)
	}
	if f.consignee.Text != e.ID || !strings.Contains(f.consigneeHint.Text, e.Canonical) {
		t.Fatalf("consignee field: got %q (hint %q), want %s (%s)", f.consignee.Text, f.consigneeHint.Text, e.ID, e.Canonical)
	}
	test.Tap(f.save)
	settle(t, u)
	i := len(u.project.Claims) - 1
	before := *s.verdictOf(&u.project.Claims[i])
	if want := engineVerdict(u, u.project.Claims[i]); before.Kind != want.Kind || len(before.InScope) != total {
		t.Fatalf("before the split: got %s with %d shipments, want the engine's %s with %d", before.Kind, len(before.InScope), want.Kind, total)
	}

	// Split the name out on the Entities screen.
	u.tabs.Select(u.tabEntities)
	selectEntityHolding(t, u, victim.Name, victim.Name)
	test.Tap(memberButton(t, u, victim.Name))
	settle(t, u)
	u.tabs.Select(u.tabClaims)

	after := s.verdictOf(&u.project.Claims[i])
	if after == nil {
		t.Fatal("no verdict after the split")
	}
	want := engineVerdict(u, u.project.Claims[i])
	if after.Kind != want.Kind || after.Lower != want.Lower || len(after.InScope) != len(want.InScope) || after.Reason != want.Reason {
		t.Errorf("after the split: got %s %v (%d rows), want the engine's %s %v (%d rows)",
			after.Kind, after.Lower, len(after.InScope), want.Kind, want.Lower, len(want.InScope))
	}
	if after.Kind == before.Kind && len(after.InScope) == len(before.InScope) {
		t.Errorf("the verdict did not change after splitting %q out of %s: %s, %d shipments", victim.Name, e.Canonical, after.Kind, len(after.InScope))
	}
	badge, texts := claimRowView(t, s, i)
	if badge.kind != want.Kind || !strings.Contains(texts[1], figureText(&want)) {
		t.Errorf("list after the split: got %s %q, want %s %q", badge.kind, texts[1], want.Kind, figureText(&want))
	}
	if s.selID != u.project.Claims[i].ID || s.badge.kind != want.Kind {
		t.Errorf("detail after the split: got %s %s, want %s %s", s.selID, s.badge.kind, u.project.Claims[i].ID, want.Kind)
	}
	t.Logf("split %q out of %s (%s): %s %d → %s %d", victim.Name, e.Canonical, e.ID, before.Kind, len(before.InScope), after.Kind, len(after.InScope))
}

func TestClaimsImport(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	before := len(u.project.Claims)
	dir := t.TempDir()
	path := filepath.Join(dir, "mine.csv")
	csv := "claim,measure,unit,comparator,figure,tolerance_pct,consignee,shipper,origin,dispatch,destination,hs_prefixes,description_contains,date_from,date_to\n" +
		// the same as a sample claim: not added twice
		"Russia imported almost 80 tonnes of body armour in 2022,tonnes,,almost,80,10,,,,,RU,63079098,,2022-01-01,2022-12-31\n" +
		"Russia imported at most 5 shipments of body armour in 2022,shipments,,at_most,5,,,,,,RU,63079098,,2022-01-01,2022-12-31\n" +
		"A broken row,furlongs,,more_than,1,,,,,,RU,,,,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	s.importFile(path)
	settle(t, u)
	if got := len(u.project.Claims); got != before+1 {
		t.Fatalf("claims after import: got %d, want %d (one new, one already there, one unreadable)", got, before+1)
	}
	c := u.project.Claims[before]
	if c.ID == "" || s.indexOf(c.ID) != before {
		t.Errorf("imported claim ID %q is not unique", c.ID)
	}
	if v := s.verdictOf(&c); v == nil || v.Kind != engineVerdict(u, c).Kind {
		t.Errorf("imported claim: got verdict %v, want the engine's", v)
	}
	if !strings.Contains(u.status.Text, "1 claim added, 1 already there, 1 row could not be read") {
		t.Errorf("status: got %q", u.status.Text)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Errorf("the unreadable row was not shown in a dialog")
	}
}

func TestSampleClaimsKeepUserClaims(t *testing.T) {
	dir := t.TempDir()
	a := test.NewTempApp(t)
	u := newSampleUI(t, a, dir)
	u.claims.deleteClaim(u.project.Claims[0].ID)
	n := len(u.project.Claims)
	// Trying the samples again keeps the user's claims as they are.
	test.Tap(u.start.samples)
	settle(t, u)
	if got := len(u.project.Claims); got != n {
		t.Errorf("claims after trying the samples again: got %d, want the user's %d", got, n)
	}
}

func TestCountryChoices(t *testing.T) {
	for in, want := range map[string]string{
		"China (CN); Türkiye (TR)": "[CN TR]", "CN TR": "[CN TR]", "Virgin Islands (U.S.) (VI)": "[VI]", "": "[]", "Китай": "[CN]",
	} {
		if got, err := parseCountryField(in); fmt.Sprint(got) != want || err != nil {
			t.Errorf("parseCountryField(%q): got %v %v, want %s", in, got, err, want)
		}
	}
	if _, err := parseCountryField("Narnia"); err == nil {
		t.Errorf("parseCountryField(Narnia): got no error")
	}
	tests := []struct {
		name, typed, want string
	}{
		{"code", "tr", "Türkiye (TR)"},
		{"English name", "turkey", "Türkiye (TR)"},
		{"name prefix", "Türk", "Türkiye (TR)"},
		{"Russian name", "Китай", "China (CN)"},
		{"after a choice", "China (CN); rus", "China (CN); Russian Federation (RU)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := countryChoices(tt.typed)
			found := false
			for _, o := range got {
				found = found || o == tt.want
			}
			if !found {
				t.Errorf("choices for %q: got %d (%.3v…), want %q among them", tt.typed, len(got), got, tt.want)
			}
		})
	}
	for _, o := range countryOptions {
		cs, err := parseCountryField(o)
		if err != nil || len(cs) != 1 {
			t.Errorf("option %q reads back as %v, %v; want one country", o, cs, err)
		}
	}
}

func TestClaimsSheetOfSourceIsImported(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "my_claims.xlsx")
	x := excelize.NewFile()
	if err := x.SetSheetName("Sheet1", claims.SheetName); err != nil {
		t.Fatal(err)
	}
	rows := [][]string{claims.Columns,
		{"DJI sent 12 shipments of drone parts to Russia via the UAE in November and December 2022", "shipments", "", "exactly", "12", "", "", "SZ DJI Technology", "", "AE", "RU", "8806 8807", "", "2022-11-01", "2022-12-31"}}
	for i, r := range rows {
		cells := make([]any, len(r))
		for j, c := range r {
			cells[j] = c
		}
		if err := x.SetSheetRow(claims.SheetName, fmt.Sprintf("A%d", i+1), &cells); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths(append(sampleSources(t), path))
	settle(t, u)
	if got := len(u.project.Claims); got != 1 {
		t.Fatalf("claims from the Claims sheet: got %d, want 1", got)
	}
	c := u.project.Claims[0]
	v := u.claims.verdictOf(&c)
	if v == nil || v.Kind != engineVerdict(u, c).Kind {
		t.Errorf("verdict of the sheet's claim: got %v, want the engine's %s", v, engineVerdict(u, c).Kind)
	}
	// Opening the same files again does not add it twice.
	u.OpenPaths([]string{path})
	settle(t, u)
	if got := len(u.project.Claims); got != 1 {
		t.Errorf("claims after opening the workbook again: got %d, want 1", got)
	}
}

// TestClaimsCheckInBackground forces the background path that large
// projects take: badges say "Checking…" until the verdicts arrive, and
// the verdicts are the engine's.
func TestClaimsCheckInBackground(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	s.inline = 0
	s.recheck()
	if badge, _ := claimRowView(t, s, 0); badge.kind != "" || badge.text() != "Checking…" {
		t.Errorf("while checking: got badge %q, want Checking…", badge.text())
	}
	settle(t, u)
	for i, c := range u.project.Claims {
		badge, _ := claimRowView(t, s, i)
		if want := engineVerdict(u, c).Kind; badge.kind != want {
			t.Errorf("%s after the background check: got %q, want %q", c.ID, badge.kind, want)
		}
	}
}

// TestClaimsFileAmongSources opens the samples folder, claims.csv
// included: the claims table is added as claims, not read as shipments.
func TestClaimsFileAmongSources(t *testing.T) {
	sampleSources(t)
	u := newTestUI(t)
	u.OpenPaths([]string{"../samples"})
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result; status %q", u.status.Text)
	}
	for _, s := range u.project.Sources {
		if filepath.Base(s.Path) == samples.Claims {
			t.Errorf("%s was loaded as a shipment source", samples.Claims)
		}
	}
	if got, want := len(u.project.Sources), len(samples.Sources); got != want {
		t.Errorf("sources: got %d, want %d", got, want)
	}
	if got := len(u.project.Claims); got < 10 {
		t.Fatalf("claims from the folder's claims.csv: got %d, want 10", got)
	}
	// They were added while the sources were read; the result the export
	// writes carries them all the same.
	if got := len(u.result.Project.Claims); got != len(u.project.Claims) {
		t.Errorf("claims in the result for the export: got %d, want %d", got, len(u.project.Claims))
	}
	// The Start screen says what was loaded, claims too.
	if want := fmt.Sprintf("%d sources, %d claims, ", len(u.project.Sources), len(u.project.Claims)); !strings.Contains(u.start.loaded.Text, want) {
		t.Errorf("start: got %q, want it to say %q", u.start.loaded.Text, want)
	}
	if want := fmt.Sprintf("%d claims, ", len(u.project.Claims)); !strings.Contains(u.status.Text, want) {
		t.Errorf("status: got %q, want it to say %q", u.status.Text, want)
	}
	for i, c := range u.project.Claims {
		if badge, _ := claimRowView(t, u.claims, i); badge.kind != engineVerdict(u, c).Kind {
			t.Errorf("%s: got %q, want the engine's verdict", c.ID, badge.kind)
		}
	}

	t.Run("claims file alone, no sources", func(t *testing.T) {
		v := newTestUI(t)
		v.OpenPaths([]string{"../samples/claims.csv"})
		settle(t, v)
		if v.project != nil || !strings.Contains(v.status.Text, "load the shipment files first") {
			t.Errorf("got project %v, status %q; want none and a hint", v.project != nil, v.status.Text)
		}
	})
}

// BenchmarkClaimsRecheck measures what the UI goroutine pays per result
// on the samples: every claim checked again (checkInline bounds this).
func BenchmarkClaimsRecheck(b *testing.B) {
	dir := b.TempDir()
	a := test.NewTempApp(b)
	m := &testMain{}
	u := newUI(a, a.NewWindow("Tradecheck"), Options{ConfigDir: dir, Samples: samples.FS}, m.do)
	mains.Store(u, m)
	defer mains.Delete(u)
	u.onSamples()
	settle(b, u)
	if u.result == nil {
		b.Fatal("no result")
	}
	pairs := len(u.result.Merge.Shipments) * len(u.project.Claims)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.claims.recheck()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pairs), "ns/pair")
}
