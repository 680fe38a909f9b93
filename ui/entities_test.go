package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
)

// findEntity returns the summary whose names include name.
func findEntity(res *pipeline.Result, name string) *pipeline.EntitySummary {
	sums := res.Entities()
	for i := range sums {
		for _, n := range sums[i].Names {
			if n == name {
				return &sums[i]
			}
		}
	}
	return nil
}

// selectEntityHolding searches for q and selects the row whose entity
// holds name.
func selectEntityHolding(t *testing.T, u *UI, q, name string) {
	t.Helper()
	u.entities.search.SetText("")
	test.Type(u.entities.search, q)
	for i, r := range u.entities.rows {
		for _, n := range r.sum.Names {
			if n == name {
				u.entities.list.Select(i)
				return
			}
		}
	}
	t.Fatalf("no entity holding %q among the hits for %q", name, q)
}

func memberButton(t *testing.T, u *UI, name string) *widget.Button {
	t.Helper()
	for i, m := range u.entities.members {
		if m.m.Name == name {
			o := u.entities.memberLst.CreateItem()
			u.entities.memberLst.UpdateItem(i, o)
			return o.(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Button)
		}
	}
	t.Fatalf("%q is not a member of the selected entity", name)
	return nil
}

func TestSplitOutChangesTotals(t *testing.T) {
	u := loadSamples(t)
	// Pick a multi-name entity and split one of its names out.
	var victim string
	var before *pipeline.EntitySummary
	for _, e := range u.result.Entities() {
		if len(e.Names) > 1 && e.Role == match.Consignee {
			e := e
			before, victim = &e, e.Names[len(e.Names)-1]
			break
		}
	}
	if before == nil {
		t.Fatal("the samples have no multi-name entity (they are meant to)")
	}
	entitiesBefore := len(u.result.Names.Entities)
	groupsBefore := len(u.result.Totals(totals.ByConsignee, totals.Filter{}).Groups)

	selectEntityHolding(t, u, victim, victim)
	test.Tap(memberButton(t, u, victim))
	settle(t, u)

	if got := len(u.project.Decisions); got != 1 || u.project.Decisions[0].Op != match.OpSplit || u.project.Decisions[0].Name != victim {
		t.Fatalf("decisions: got %+v, want one split of %q", u.project.Decisions, victim)
	}
	if got := len(u.result.Names.Entities); got <= entitiesBefore {
		t.Errorf("entities: got %d, want more than %d after the split", got, entitiesBefore)
	}
	after := findEntity(u.result, victim)
	if after == nil || len(after.Names) != 1 {
		t.Fatalf("split name %q: got entity %+v, want it alone", victim, after)
	}
	u.tabs.Select(u.tabTotals)
	if got := len(u.totals.rows); got <= groupsBefore {
		t.Errorf("Totals by consignee: got %d groups, want more than %d after the split", got, groupsBefore)
	}
	for _, g := range u.totals.rows {
		if g.Key == after.ID && g.Tonnes != after.Tonnes {
			t.Errorf("Totals row for %s: got %.3f t, want the entity's %.3f t", after.ID, g.Tonnes, after.Tonnes)
		}
	}
	// The detail panel stays on the entity the name left.
	if u.entities.selected == nil || u.entities.selected.Canonical == victim && len(before.Names) > 1 && u.entities.members[0].m.Name == victim {
		t.Errorf("detail panel followed the split name instead of its old entity")
	}
}

func TestRenameAndMergeDecisions(t *testing.T) {
	u := loadSamples(t)
	sums := u.result.Entities()
	if len(sums) < 2 {
		t.Fatal("need two entities")
	}
	a, b := sums[0], sums[1]
	u.entities.showEntity(&a)
	core, _ := u.entities.core()

	t.Run("rename", func(t *testing.T) {
		u.entities.onRename()
		e, ok := u.win.Canvas().Focused().(*widget.Entry)
		if !ok {
			// The form does not focus its entry; find it in the overlay.
			e = findEntry(t, u.win.Canvas().Overlays().Top())
		}
		e.SetText("Renamed Firm")
		submitTopForm(t, u)
		settle(t, u)
		last := u.project.Decisions[len(u.project.Decisions)-1]
		if last.Op != match.OpRename || last.Target != "Renamed Firm" || last.Name != core.Name {
			t.Errorf("got %+v, want rename of %q to Renamed Firm", last, core.Name)
		}
		found := false
		for _, e := range u.result.Entities() {
			if e.Canonical == "Renamed Firm" {
				found = true
			}
		}
		if !found {
			t.Errorf("no entity is called Renamed Firm after the rename")
		}
	})
	t.Run("merge through the picker", func(t *testing.T) {
		sa := findEntity(u.result, core.Name)
		u.entities.showEntity(sa)
		u.entities.onMerge()
		top := u.win.Canvas().Overlays().Top()
		q := findEntry(t, top)
		test.Type(q, b.Names[0])
		list := findList(t, top)
		if list.Length() == 0 {
			t.Fatalf("the picker found nothing for %q", b.Names[0])
		}
		list.Select(0)
		// The second dialog asks which name the merged entity goes by.
		submitTopForm(t, u)
		settle(t, u)
		ds := u.project.Decisions
		merge, rename := ds[len(ds)-2], ds[len(ds)-1]
		if merge.Op != match.OpMerge || merge.Role != sa.Role || merge.OtherRole != sa.Role {
			t.Errorf("got %+v, want a merge within the %s role", merge, sa.Role)
		}
		if rename.Op != match.OpRename || rename.Target == "" {
			t.Errorf("got %+v, want the merged entity named", rename)
		}
		found := false
		for _, e := range u.result.Entities() {
			if e.Canonical == rename.Target && slices.Contains(e.Names, merge.Name) && slices.Contains(e.Names, merge.Other) {
				found = true
			}
		}
		if !found {
			t.Errorf("no entity holds %q and %q under the chosen name %q", merge.Name, merge.Other, rename.Target)
		}
	})
}

// The picker offers entities of the selected entity's role only.
func TestMergeTargetsKeepRole(t *testing.T) {
	u := loadSamples(t)
	s := u.entities
	var all []searchHit
	roles := map[match.Role]int{}
	for _, sum := range s.sums {
		all = append(all, searchHit{Entity: sum.Entity, Text: sum.Canonical})
		roles[sum.Role]++
	}
	if roles[match.Consignee] < 2 || roles[match.Shipper] == 0 {
		t.Fatalf("the samples need consignees and shippers, have %v", roles)
	}
	for _, role := range []match.Role{match.Consignee, match.Shipper} {
		t.Run(string(role), func(t *testing.T) {
			self := -1
			for _, sum := range s.sums {
				if sum.Role == role {
					self = sum.Entity
					break
				}
			}
			got := s.mergeTargets(all, self, role)
			if len(got) == 0 {
				t.Fatal("no targets")
			}
			for _, h := range got {
				if h.sum.Role != role || h.Entity == self {
					t.Errorf("offered %q (%s, entity %d) for a %s, entity %d", h.sum.Canonical, h.sum.Role, h.Entity, role, self)
				}
			}
		})
	}
}

// The merged entity's suggested name is a complete spelling before one cut
// at a field width, then the one on most rows.
func TestNameChoices(t *testing.T) {
	cut := "NPP RADIOTEKHNIKA JOINT STOCK COMPA"
	if !names.Analyze(cut).Cut {
		t.Fatalf("%q should look cut", cut)
	}
	cases := []struct {
		name     string
		mentions []match.Mention
		want     []string
	}{
		{"complete spelling before a cut one with more rows", []match.Mention{
			{Name: cut, Role: match.Consignee, Count: 9},
			{Name: "АО «НПП «Радиотехника»", Role: match.Consignee, TaxID: "5003128760", Count: 7},
			{Name: "АО «НПП «Радиотехника»", Role: match.Consignee, Count: 1},
		}, []string{"АО «НПП «Радиотехника»", cut}},
		{"most rows, then longer", []match.Mention{
			{Name: "TEKHNOSFERA LLC", Role: match.Consignee, Count: 2},
			{Name: "OOO TEKHNOSFERA", Role: match.Consignee, Count: 5},
			{Name: "LLC TEKHNOSFERA MOSCOW", Role: match.Consignee, Count: 2},
		}, []string{"OOO TEKHNOSFERA", "LLC TEKHNOSFERA MOSCOW", "TEKHNOSFERA LLC"}},
		{"names of the other role left out", []match.Mention{
			{Name: "ALPHA LLC", Role: match.Consignee, Count: 1},
			{Name: "ALPHA TRADING", Role: match.Shipper, Count: 4},
		}, []string{"ALPHA LLC"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			members := make([]int, len(c.mentions))
			for i := range members {
				members[i] = i
			}
			// Two entities, so that the choice spans both.
			res := &pipeline.Result{Names: &match.Result{Mentions: c.mentions,
				Entities: []match.Entity{{Members: members[:1]}, {Members: members[1:]}}}}
			var got []string
			for _, ch := range nameChoices(res, match.Consignee, 0, 1) {
				got = append(got, ch.name)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestThresholdReclusters(t *testing.T) {
	u := loadSamples(t)
	u.entities.threshold.SetValue(0.99)
	u.entities.onThresholdChanged(0.99)
	settle(t, u)
	if got := u.project.Params.AutoThreshold; got != 0.99 {
		t.Errorf("project threshold: got %v, want 0.99", got)
	}
	if got := u.result.Project.Params.AutoThreshold; got != 0.99 {
		t.Errorf("result ran at %v, want 0.99", got)
	}
	if !strings.Contains(u.entities.threshLbl.Text, "0.99") {
		t.Errorf("label: got %q", u.entities.threshLbl.Text)
	}
}

// reviewPairsCSV has near-miss firm names ("X" against "X TRADING") that
// the matcher puts in the grey zone, so the review queue is never empty
// whatever the samples hold.
const reviewPairsCSV = `Consignee,Date,Net weight (kg),HS code
TEKHKRIM OOO,2022-10-01,1200,870899
TEKHKRIM TRADING OOO,2022-10-02,1300,870899
VOLGA AVTO LLC,2022-10-03,900,870899
VOLGA AVTOTRANS LLC,2022-10-04,950,870899
NORD STAR LLC,2022-10-05,400,630790
NORD STAR TRADING LLC,2022-10-06,450,630790
`

func TestReviewQueueKeys(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review-pairs.csv")
	if err := os.WriteFile(path, []byte(reviewPairsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	u.OpenPaths([]string{path})
	settle(t, u)
	if u.result == nil {
		t.Fatalf("no result after loading %s; status %q", path, u.status.Text)
	}
	n := u.entities.review.remaining()
	if n < 2 {
		t.Fatalf("got %d review pairs from %d near-miss names, want at least 2", n, 6)
	}
	if !strings.Contains(u.entities.tabReview.Text, "Review (") {
		t.Errorf("review tab title: %q", u.entities.tabReview.Text)
	}
	for _, b := range []*widget.Button{u.entities.review.same, u.entities.review.notSame, u.entities.review.skip} {
		if !strings.Contains(b.Text, "(S)") && !strings.Contains(b.Text, "(N)") && !strings.Contains(b.Text, "(K)") {
			t.Errorf("button %q does not show its key", b.Text)
		}
	}
	u.tabs.Select(u.tabEntities)
	u.entities.inner.Select(u.entities.tabReview)
	first, _ := u.entities.review.current()

	// K skips without a decision.
	decisions := len(u.project.Decisions)
	u.win.Canvas().(test.WindowlessCanvas).OnTypedRune()('k')
	if got := len(u.project.Decisions); got != decisions {
		t.Errorf("K made a decision")
	}
	if p, _ := u.entities.review.current(); p.A == first.A && p.B == first.B {
		t.Errorf("K did not move on")
	}
	// N records "not same" for the pair on screen.
	cur, _ := u.entities.review.current()
	ca, cb := u.result.Names.Mentions[cur.A], u.result.Names.Mentions[cur.B]
	u.win.Canvas().(test.WindowlessCanvas).OnTypedRune()('n')
	settle(t, u)
	last := u.project.Decisions[len(u.project.Decisions)-1]
	if last.Op != match.OpNotSame || last.Name != ca.Name || last.Other != cb.Name {
		t.Errorf("N: got %+v, want not_same %q / %q", last, ca.Name, cb.Name)
	}
}

func findEntry(t *testing.T, o fyne.CanvasObject) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatal("no entry in the dialog")
	}
	return found
}

func findList(t *testing.T, o fyne.CanvasObject) *widget.List {
	t.Helper()
	var found *widget.List
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok && found == nil {
			found = l
		}
	})
	if found == nil {
		t.Fatal("no list in the dialog")
	}
	return found
}

// submitTopForm taps the confirm button of the dialog on top.
func submitTopForm(t *testing.T, u *UI) {
	t.Helper()
	var btn *widget.Button
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.HighImportance && b.Text != "" && btn == nil {
			btn = b
		}
	})
	if btn == nil {
		t.Fatal("no confirm button in the dialog")
	}
	test.Tap(btn)
}

// walk visits o and everything rendered inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// A name wrongly merged by the user (or a colleague's decision) can be
// split out again: the later split wins.
func TestSplitUndoesWrongMerge(t *testing.T) {
	u := loadSamples(t)
	sums := u.result.Entities()
	var a, b *pipeline.EntitySummary
	for i := range sums {
		if sums[i].Role != match.Consignee {
			continue
		}
		if a == nil {
			a = &sums[i]
		} else if b == nil {
			b = &sums[i]
		}
	}
	u.entities.showEntity(a)
	core, _ := u.entities.core()
	other := b.Names[0]
	u.decide(match.Decision{Op: match.OpMerge, Name: core.Name, Role: core.Role, TaxID: core.TaxID, Other: other, OtherRole: match.Consignee}, "merge")
	settle(t, u)
	merged := findEntity(u.result, other)
	if merged == nil || len(merged.Names) < 2 {
		t.Fatalf("after the merge %q is alone", other)
	}
	u.entities.showEntity(merged)
	test.Tap(memberButton(t, u, other))
	settle(t, u)
	if e := findEntity(u.result, other); e == nil || len(e.Names) != 1 {
		t.Errorf("after splitting %q out of the wrong merge: got %+v, want it alone", other, e)
	}
}

func TestConfirmAllNames(t *testing.T) {
	u := loadSamples(t)
	var multi *pipeline.EntitySummary
	sums := u.result.Entities()
	for i := range sums {
		if len(sums[i].Names) > 2 {
			multi = &sums[i]
			break
		}
	}
	if multi == nil {
		t.Fatal("no entity with three names in the samples (they are meant to have one)")
	}
	u.entities.showEntity(multi)
	members := len(u.entities.members)
	test.Tap(u.entities.confirm)
	settle(t, u)
	if got := len(u.project.Decisions); got != members-1 {
		t.Fatalf("decisions: got %d, want one confirm per non-core name (%d)", got, members-1)
	}
	core := u.project.Decisions[0].Other
	for _, d := range u.project.Decisions {
		if d.Op != match.OpConfirm || d.Other != core {
			t.Errorf("got %+v, want confirm of a name with the core %q", d, core)
		}
	}
	if e := findEntity(u.result, core); e == nil || len(e.Names) != len(multi.Names) {
		t.Errorf("after confirming: got %+v, want the same %d names together", e, len(multi.Names))
	}
}
