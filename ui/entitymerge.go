package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
	"tradecheck/reconcile/pipeline"
)

// mergeHit is one entity the picker offers: the summary in the selected
// entity's role, and the name that matched the search.
type mergeHit struct {
	searchHit
	sum *pipeline.EntitySummary
}

// mergeTargets keeps the search hits that are entities in role, other than
// self. The screen shows an entity per role (its consignee or its shipper
// summary) and a merge joins the two entities' names in that role, so a
// consignee is offered consignees only: a shipper joined to it would not
// even show among its names.
func (s *entitiesScreen) mergeTargets(hits []searchHit, self int, role match.Role) []mergeHit {
	var out []mergeHit
	for _, h := range hits {
		if h.Entity == self {
			continue
		}
		for _, si := range s.byEntity[h.Entity] {
			if s.sums[si].Role == role {
				out = append(out, mergeHit{h, &s.sums[si]})
				break
			}
		}
	}
	return out
}

// onMerge opens a fuzzy-search picker of the other entities in the selected
// entity's role, then asks which name the merged entity goes by.
func (s *entitiesScreen) onMerge() {
	if _, ok := s.core(); !ok || s.selected == nil {
		return
	}
	self, role := s.selected.Entity, s.selected.Role
	var hits []mergeHit
	q := widget.NewEntry()
	q.SetPlaceHolder("Type the name of a " + string(role) + " to merge with")
	var d dialog.Dialog
	list := widget.NewList(
		func() int { return len(hits) },
		func() fyne.CanvasObject {
			rt := widget.NewRichText(&widget.TextSegment{Style: plainStyle, Text: "name"})
			rt.Truncation = fyne.TextTruncateEllipsis
			return rt
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(hits) {
				return
			}
			h := hits[id]
			segs := highlightSegments(h.Text, h.Matched)
			if h.sum.Canonical != h.Text {
				segs = append(segs, &widget.TextSegment{Style: plainStyle, Text: "  → " + h.sum.Canonical})
			}
			segs = append(segs, &widget.TextSegment{Style: plainStyle, Text: "  · " + plural(h.sum.Shipments, "shipment")})
			o.(*widget.RichText).Segments = segs
			o.(*widget.RichText).Refresh()
		})
	q.OnChanged = func(text string) {
		hits = s.mergeTargets(s.searcher.search(strings.TrimSpace(text), 60), self, role)
		list.Refresh()
	}
	list.OnSelected = func(id widget.ListItemID) {
		if id >= len(hits) {
			return
		}
		d.Hide()
		s.askMergedName(hits[id].sum)
	}
	hint := widget.NewLabel("Only " + string(role) + "s are listed: a merge joins the names of one role.")
	hint.Importance = widget.LowImportance
	body := container.NewBorder(container.NewVBox(q, hint), nil, nil, nil, list)
	d = dialog.NewCustom("Merge "+s.selected.Canonical+" with…", "Cancel", body, s.u.win)
	d.Resize(fyne.NewSize(600, 460))
	d.Show()
	s.u.win.Canvas().Focus(q)
}

// nameChoice is a spelling the merged entity could go by.
type nameChoice struct {
	name string
	rows int
	cut  bool // may have been cut at a field width (NPP RADIOTEKHNIKA JOINT STOCK COMPA)
}

// nameChoices lists the role's spellings of the given entities, the best
// first: a complete spelling before one that may be cut at a field width,
// then the one written on most rows, then the longer. Spellings that
// differ only in their tax ID count as one.
func nameChoices(res *pipeline.Result, role match.Role, entities ...int) []nameChoice {
	idx := map[string]int{}
	var out []nameChoice
	for _, e := range entities {
		for _, mi := range res.Names.Entities[e].Members {
			m := res.Names.Mentions[mi]
			if m.Role != role || strings.TrimSpace(m.Name) == "" {
				continue
			}
			i, ok := idx[m.Name]
			if !ok {
				i = len(out)
				idx[m.Name] = i
				out = append(out, nameChoice{name: m.Name, cut: names.Analyze(m.Name).Cut})
			}
			out[i].rows += m.Count
		}
	}
	slices.SortStableFunc(out, func(a, b nameChoice) int {
		if a.cut != b.cut {
			if a.cut {
				return 1
			}
			return -1
		}
		if a.rows != b.rows {
			return cmp.Compare(b.rows, a.rows)
		}
		return cmp.Compare(utf8.RuneCountInString(b.name), utf8.RuneCountInString(a.name))
	})
	return out
}

// mainMention is the entity's name in role written on most rows: the name
// a decision about the entity refers to.
func mainMention(res *pipeline.Result, e int, role match.Role) (match.Mention, bool) {
	var best match.Mention
	found := false
	for _, mi := range res.Names.Entities[e].Members {
		m := res.Names.Mentions[mi]
		if m.Role == role && (!found || m.Count > best.Count) {
			best, found = m, true
		}
	}
	return best, found
}

// askMergedName asks which spelling the merged entity goes by, the best
// one chosen, and records the merge with that name. The merge stays
// reversible: Split out takes a name out again, and Undo takes the
// decisions back.
func (s *entitiesScreen) askMergedName(other *pipeline.EntitySummary) {
	sel := s.selected
	c, ok := mainMention(s.res, sel.Entity, sel.Role)
	om, ok2 := mainMention(s.res, other.Entity, sel.Role)
	if !ok || !ok2 {
		return
	}
	choices := nameChoices(s.res, sel.Role, sel.Entity, other.Entity)
	labels := make([]string, len(choices))
	byLabel := map[string]string{}
	for i, ch := range choices {
		note := plural(ch.rows, "row")
		if ch.cut {
			note += ", may be cut short"
		}
		labels[i] = fmt.Sprintf("%s  (%s)", ch.name, note)
		byLabel[labels[i]] = ch.name
	}
	radio := widget.NewRadioGroup(labels, nil)
	radio.Required = true
	if len(labels) > 0 {
		radio.SetSelected(labels[0])
	}
	text := widget.NewLabel(fmt.Sprintf("%s (%s) and %s (%s) become one %s. Which name should it go by?",
		sel.Canonical, plural(sel.Shipments, "shipment"), other.Canonical, plural(other.Shipments, "shipment"), sel.Role))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(text, nil, nil, nil, container.NewVScroll(radio))
	d := dialog.NewCustomConfirm("Merge entities", "Merge", "Cancel", body, func(yes bool) {
		if !yes {
			return
		}
		ds := []match.Decision{{Op: match.OpMerge, Name: c.Name, Role: c.Role, TaxID: c.TaxID,
			Other: om.Name, OtherRole: om.Role}}
		if name := byLabel[radio.Selected]; name != "" {
			ds = append(ds, match.Decision{Op: match.OpRename, Name: om.Name, Role: om.Role, TaxID: om.TaxID, Target: name})
		}
		s.u.decideAll(ds, fmt.Sprintf("Merging %q with %q…", sel.Canonical, other.Canonical))
	}, s.u.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// onUseName makes one of the entity's spellings the name it goes by.
func (s *entitiesScreen) onUseName(m match.Mention) {
	if s.selected == nil || m.Name == s.selected.Canonical {
		return
	}
	s.u.decide(match.Decision{Op: match.OpRename, Name: m.Name, Role: m.Role, TaxID: m.TaxID, Target: m.Name},
		fmt.Sprintf("Naming the entity %q…", m.Name))
}
