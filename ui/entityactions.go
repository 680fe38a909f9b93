package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
)

// core returns the selected entity's core name (its first member in the
// selected role).
func (s *entitiesScreen) core() (match.Mention, bool) {
	for _, m := range s.members {
		if m.core {
			return m.m, true
		}
	}
	if len(s.members) > 0 {
		return s.members[0].m, true
	}
	return match.Mention{}, false
}

// onSplit asks the engine to take one name out of its entity.
func (s *entitiesScreen) onSplit(m match.Mention) {
	s.leaving = m.Key()
	s.u.decide(match.Decision{Op: match.OpSplit, Name: m.Name, Role: m.Role, TaxID: m.TaxID},
		fmt.Sprintf("Splitting out %q…", m.Name))
}

// onConfirm confirms every name of the entity as the same firm as its core.
func (s *entitiesScreen) onConfirm() {
	c, ok := s.core()
	if !ok {
		return
	}
	var ds []match.Decision
	for _, m := range s.members {
		if m.core {
			continue
		}
		ds = append(ds, match.Decision{Op: match.OpConfirm, Name: m.m.Name, Role: m.m.Role, TaxID: m.m.TaxID,
			Other: c.Name, OtherRole: c.Role})
	}
	s.u.decideAll(ds, "Confirming "+c.Name+"…")
}

// onRename asks for a new display name.
func (s *entitiesScreen) onRename() {
	c, ok := s.core()
	if !ok || s.selected == nil {
		return
	}
	e := widget.NewEntry()
	e.SetText(s.selected.Canonical)
	dialog.ShowForm("Rename entity", "Rename", "Cancel", []*widget.FormItem{{Text: "Name", Widget: e}}, func(ok bool) {
		name := strings.TrimSpace(e.Text)
		if !ok || name == "" || name == s.selected.Canonical {
			return
		}
		s.u.decide(match.Decision{Op: match.OpRename, Name: c.Name, Role: c.Role, TaxID: c.TaxID, Target: name},
			"Renaming…")
	}, s.u.win)
}

// onThresholdChanged sets the auto-merge threshold and reclusters.
func (s *entitiesScreen) onThresholdChanged(v float64) {
	p := s.u.project
	if p == nil || p.Params.AutoThreshold == v {
		return
	}
	p.Params.AutoThreshold = v
	p.Params.ReviewThreshold = match.ReviewThresholdFor(v)
	s.u.recluster(fmt.Sprintf("Re-matching names at %.2f…", v))
}

// onKey handles the Review queue's keys when nothing has focus.
func (s *entitiesScreen) onKey(r rune) {
	if s.inner.Selected() != s.tabReview {
		return
	}
	switch r {
	case 's', 'S':
		s.review.onSame()
	case 'n', 'N':
		s.review.onNotSame()
	case 'k', 'K':
		s.review.onSkip()
	}
}
