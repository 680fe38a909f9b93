package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/values"
)

// claimForm adds or edits one claim. Every field is read with the same
// parsers as a claims CSV, so the form accepts what a claims table
// accepts; a problem is shown under the fields and the form stays open.
type claimForm struct {
	s    *claimsScreen
	id   string // "" when adding
	orig claims.Claim

	text       *widget.Entry
	measure    *widget.Select
	unit       *widget.Entry
	comparator *widget.Select
	figure     *widget.Entry
	tolerance  *widget.Entry

	consignee, shipper         *widget.Entry
	consigneeHint, shipperHint *widget.Label
	consigneeFind, shipperFind *widget.Button

	origin, dispatch, destination *widget.SelectEntry

	hs, desc, from, to, note *widget.Entry
	goods                    *widget.Entry  // goods_list: chpl, chpl:3.A …
	listed                   *widget.Select // party_listed

	problem      *widget.Label
	save, cancel *widget.Button
	dlg          *dialog.CustomDialog
	// picker is the open entity picker, nil when none; tests reach it.
	picker *entityPicker
}

// The "On a sanctions list" choices and the party_listed values they
// stand for.
var (
	listedLabels = []string{"No restriction", "The consignee", "The shipper", "Either party"}
	listedValues = []string{"", claims.PartyConsignee, claims.PartyShipper, claims.PartyEither}
)

func measureLabels() []string {
	out := make([]string, len(claims.Measures))
	for i, m := range claims.Measures {
		out[i] = m.Label()
	}
	return out
}

func comparatorLabels() []string {
	out := make([]string, len(claims.Comparators))
	for i, c := range claims.Comparators {
		out[i] = c.Label()
	}
	return out
}

// openForm shows the form for c, or an empty one to add a claim.
func (s *claimsScreen) openForm(c *claims.Claim) {
	f := newClaimForm(s, c)
	s.form = f
	title := "Add a claim"
	if c != nil {
		title = "Edit claim " + c.ID
	}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVScroll(f.body()), s.u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.dlg.SetOnClosed(func() {
		if s.form == f {
			s.form = nil
		}
	})
	f.dlg.Resize(fyne.NewSize(820, 700))
	f.dlg.Show()
	s.u.win.Canvas().Focus(f.text)
}

func newClaimForm(s *claimsScreen, c *claims.Claim) *claimForm {
	f := &claimForm{s: s}
	f.buildUI()
	if c == nil {
		f.measure.SetSelectedIndex(0)
		f.comparator.SetSelectedIndex(0)
	} else {
		f.fill(*c)
	}
	f.onMeasure(f.measure.Selected)
	f.onComparator(f.comparator.Selected)
	return f
}

func (f *claimForm) buildUI() {
	f.text = widget.NewMultiLineEntry()
	f.text.Wrapping = fyne.TextWrapWord
	f.text.SetMinRowsVisible(2)
	f.text.SetPlaceHolder("The sentence as published")
	f.measure = widget.NewSelect(measureLabels(), f.onMeasure)
	f.unit = widget.NewEntry()
	f.unit.SetPlaceHolder("pcs, kg, m2, l …")
	f.comparator = widget.NewSelect(comparatorLabels(), f.onComparator)
	f.figure = widget.NewEntry()
	f.figure.SetPlaceHolder("12, 1,000, $10 million")
	f.tolerance = widget.NewEntry()
	f.tolerance.SetPlaceHolder(fmt.Sprintf("%d (the default)", claims.DefaultTolerancePct))

	f.consignee, f.consigneeHint, f.consigneeFind = f.partyField(match.Consignee)
	f.shipper, f.shipperHint, f.shipperFind = f.partyField(match.Shipper)

	f.origin = newCountryPicker("Any; e.g. China (CN)")
	f.dispatch = newCountryPicker("Any; e.g. Turkey (TR)")
	f.destination = newCountryPicker("Any; e.g. Russian Federation (RU)")
	f.hs = widget.NewEntry()
	f.hs.SetPlaceHolder("Any; e.g. 6307 90 98, 8806 8807")
	f.desc = widget.NewEntry()
	f.desc.SetPlaceHolder("Any; words that must all appear, alternatives separated by |")
	f.from = widget.NewEntry()
	f.from.SetPlaceHolder("From: 2022-06-01, 2022-06, 2022")
	f.to = widget.NewEntry()
	f.to.SetPlaceHolder("To (included): 2022-12-31, 2022-12")
	f.note = widget.NewEntry()
	f.note.SetPlaceHolder("Your note (optional)")
	f.goods = widget.NewEntry()
	f.goods.SetPlaceHolder("Any; e.g. chpl, chpl:1, chpl:3.A (Common High Priority List)")
	f.listed = widget.NewSelect(listedLabels, nil)
	f.listed.SetSelectedIndex(0)

	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	f.save = widget.NewButtonWithIcon("Save and check", theme.ConfirmIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), f.onCancel)
}

// partyField is a consignee or shipper entry with a "Find…" button that
// opens the entity search, and a hint that names the entities typed IDs
// stand for.
func (f *claimForm) partyField(role match.Role) (*widget.Entry, *widget.Label, *widget.Button) {
	e := widget.NewEntry()
	e.SetPlaceHolder("Any; a name as written or an entity picked with Find… (several separated by ;)")
	hint := widget.NewLabel("")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	hint.Hide()
	e.OnChanged = func(text string) { f.showPartyHint(text, hint) }
	find := widget.NewButtonWithIcon("Find…", theme.SearchIcon(), func() { f.openPicker(role, e) })
	return e, hint, find
}

// showPartyHint names the entities behind IDs in a party field, so the
// form reads "E-3F9A2C is OOO TEKHKRIM" rather than a bare code.
func (f *claimForm) showPartyHint(text string, hint *widget.Label) {
	res := f.s.res
	var parts []string
	for _, q := range claims.ParseNames(text) {
		if !claims.LooksLikeEntityID(q) {
			continue
		}
		i, ok := f.s.entityIDs[strings.ToUpper(q)]
		if !ok || res == nil || res.Names == nil {
			parts = append(parts, q+" is not an entity now (split or merged?): find it again")
			continue
		}
		parts = append(parts, q+" is "+res.Names.Entities[i].Canonical)
	}
	hint.SetText(strings.Join(parts, "; "))
	hint.Hidden = len(parts) == 0
	hint.Refresh()
}

func (f *claimForm) body() fyne.CanvasObject {
	party := func(e *widget.Entry, hint *widget.Label, find *widget.Button) fyne.CanvasObject {
		return container.NewVBox(container.NewBorder(nil, nil, nil, find, e), hint)
	}
	dates := container.NewGridWithColumns(2, f.from, f.to)
	form := widget.NewForm(
		widget.NewFormItem("Claim", f.text),
		widget.NewFormItem("Measure", container.NewGridWithColumns(2, f.measure, f.unit)),
		widget.NewFormItem("Comparator", container.NewGridWithColumns(2, f.comparator, f.tolerance)),
		widget.NewFormItem("Figure", f.figure),
		widget.NewFormItem("Consignee", party(f.consignee, f.consigneeHint, f.consigneeFind)),
		widget.NewFormItem("Shipper", party(f.shipper, f.shipperHint, f.shipperFind)),
		widget.NewFormItem("Origin", f.origin),
		widget.NewFormItem("Dispatched from", f.dispatch),
		widget.NewFormItem("Destination", f.destination),
		widget.NewFormItem("HS prefixes", f.hs),
		widget.NewFormItem("Description has", f.desc),
		widget.NewFormItem("Goods list", f.goods),
		widget.NewFormItem("On a sanctions list", f.listed),
		widget.NewFormItem("Dates", dates),
		widget.NewFormItem("Note", f.note),
	)
	return container.NewVBox(form, f.problem)
}

// onMeasure enables the unit for quantity claims only.
func (f *claimForm) onMeasure(string) {
	if f.measure.SelectedIndex() >= 0 && claims.Measures[f.measure.SelectedIndex()] == claims.Quantity {
		f.unit.Enable()
	} else {
		f.unit.Disable()
	}
}

// onComparator enables the tolerance for "about" and "almost" only.
func (f *claimForm) onComparator(string) {
	i := f.comparator.SelectedIndex()
	if i >= 0 && (claims.Comparators[i] == claims.About || claims.Comparators[i] == claims.Almost) {
		f.tolerance.Enable()
	} else {
		f.tolerance.Disable()
	}
}

// fill shows an existing claim.
func (f *claimForm) fill(c claims.Claim) {
	f.id, f.orig = c.ID, c
	f.text.SetText(c.Text)
	for i, m := range claims.Measures {
		if m == c.Measure {
			f.measure.SetSelectedIndex(i)
		}
	}
	f.unit.SetText(c.Unit)
	for i, k := range claims.Comparators {
		if k == c.Comparator {
			f.comparator.SetSelectedIndex(i)
		}
	}
	f.figure.SetText(strings.ReplaceAll(values.FormatNumber(c.Figure, 9), ",", ""))
	if c.TolerancePct > 0 {
		f.tolerance.SetText(values.FormatNumber(c.TolerancePct, 6))
	}
	fl := c.Filters
	f.consignee.SetText(strings.Join(fl.Consignee, "; "))
	f.shipper.SetText(strings.Join(fl.Shipper, "; "))
	f.origin.SetText(countryLabel(fl.Origin))
	f.dispatch.SetText(countryLabel(fl.Dispatch))
	f.destination.SetText(countryLabel(fl.Destination))
	f.hs.SetText(strings.Join(fl.HSPrefixes, " "))
	f.desc.SetText(strings.Join(fl.Description, " | "))
	f.from.SetText(fl.From)
	f.to.SetText(fl.To)
	f.note.SetText(c.Note)
	f.goods.SetText(fl.GoodsList)
	for i, v := range listedValues {
		if v == fl.PartyListed {
			f.listed.SetSelectedIndex(i)
		}
	}
}

// claim reads the fields into a claim. The error names the field to fix.
func (f *claimForm) claim() (claims.Claim, error) {
	c := f.orig
	c.ID = f.id
	c.Text = strings.TrimSpace(f.text.Text)
	if c.Text == "" {
		return c, errors.New("Claim: write the sentence as published")
	}
	mi, ci := f.measure.SelectedIndex(), f.comparator.SelectedIndex()
	if mi < 0 {
		return c, errors.New("Measure: choose what the claim counts")
	}
	if ci < 0 {
		return c, errors.New("Comparator: choose how the claim relates to its figure")
	}
	c.Measure, c.Comparator, c.Unit = claims.Measures[mi], claims.Comparators[ci], ""
	var err error
	if c.Measure == claims.Quantity {
		if c.Unit, err = claims.ParseUnit(f.unit.Text); err != nil {
			return c, fmt.Errorf("Unit: %v; write pcs, kg, m2, l or another unit", err)
		}
		if c.Unit == "" {
			return c, errors.New("Unit: a quantity claim needs a unit (pcs, kg, m2, …)")
		}
	}
	if c.Figure, err = claims.ParseFigure(f.figure.Text); err != nil {
		return c, fmt.Errorf("Figure: %v", err)
	}
	c.TolerancePct = 0
	if c.Comparator == claims.About || c.Comparator == claims.Almost {
		if c.TolerancePct, err = claims.ParseTolerance(f.tolerance.Text); err != nil {
			return c, fmt.Errorf("Tolerance: %v", err)
		}
	}
	var fl claims.Filters
	fl.Consignee = claims.ParseNames(f.consignee.Text)
	fl.Shipper = claims.ParseNames(f.shipper.Text)
	for _, x := range []struct {
		name string
		text string
		dst  *[]string
	}{{"Origin", f.origin.Text, &fl.Origin}, {"Dispatched from", f.dispatch.Text, &fl.Dispatch}, {"Destination", f.destination.Text, &fl.Destination}} {
		if *x.dst, err = parseCountryField(x.text); err != nil {
			return c, fmt.Errorf("%s: %v; pick a country from the list", x.name, err)
		}
	}
	if fl.HSPrefixes, err = claims.ParseHSPrefixes(f.hs.Text); err != nil {
		return c, fmt.Errorf("HS prefixes: %v", err)
	}
	fl.Description = claims.ParseDescription(f.desc.Text)
	if fl.GoodsList, err = claims.ParseGoodsList(f.goods.Text); err != nil {
		return c, fmt.Errorf("Goods list: %v", err)
	}
	if i := f.listed.SelectedIndex(); i > 0 {
		fl.PartyListed = listedValues[i]
	}
	if fl.From, err = claims.ParseDate(f.from.Text, false); err != nil {
		return c, fmt.Errorf("From: %v; write a date like 2022-06-01", err)
	}
	if fl.To, err = claims.ParseDate(f.to.Text, true); err != nil {
		return c, fmt.Errorf("To: %v; write a date like 2022-12-31", err)
	}
	c.Filters = fl
	c.Note = strings.TrimSpace(f.note.Text)
	if c.Origin == "" {
		c.Origin = "typed in the app"
	}
	if err := c.Validate(); err != nil {
		return c, err
	}
	return c, nil
}

func (f *claimForm) onSave() {
	c, err := f.claim()
	if err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		return
	}
	f.problem.Hide()
	if f.dlg != nil {
		f.dlg.Hide()
	}
	f.s.form = nil
	f.s.saveClaim(c)
}

func (f *claimForm) onCancel() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	f.s.form = nil
}

// entityPicker finds an entity with the matcher's fuzzy search and adds
// its ID to a consignee or shipper field.
type entityPicker struct {
	f      *claimForm
	role   match.Role
	target *widget.Entry
	query  *widget.Entry
	list   *widget.List
	hits   []searchHit
	dlg    dialog.Dialog
}

// openPicker shows the entity search for a party field.
func (f *claimForm) openPicker(role match.Role, target *widget.Entry) {
	p := &entityPicker{f: f, role: role, target: target}
	p.query = widget.NewEntry()
	p.query.SetPlaceHolder("Type a " + string(role) + " name in any script, e.g. tekhkrim")
	p.query.OnChanged = p.onQuery
	p.list = widget.NewList(
		func() int { return len(p.hits) },
		func() fyne.CanvasObject {
			rt := widget.NewRichText(&widget.TextSegment{Style: plainStyle, Text: "name"})
			rt.Truncation = fyne.TextTruncateEllipsis
			return rt
		},
		p.updateHit)
	p.list.OnSelected = p.onPick
	body := container.NewBorder(p.query, nil, nil, nil, p.list)
	p.dlg = dialog.NewCustom("Find a "+string(role), "Cancel", body, f.s.u.win)
	p.dlg.SetOnClosed(func() {
		if f.picker == p {
			f.picker = nil
		}
	})
	p.dlg.Resize(fyne.NewSize(640, 460))
	f.picker = p
	p.dlg.Show()
	f.s.u.win.Canvas().Focus(p.query)
}

// onQuery searches entities that have a name in the picker's role.
func (p *entityPicker) onQuery(text string) {
	p.hits = p.hits[:0]
	searcher := p.f.s.u.entities.searcher
	res := p.f.s.res
	if searcher != nil && res != nil && res.Names != nil {
		for _, h := range searcher.search(strings.TrimSpace(text), 200) {
			if hasRole(res.Names, h.Entity, p.role) {
				p.hits = append(p.hits, h)
			}
			if len(p.hits) >= 60 {
				break
			}
		}
	}
	p.list.UnselectAll()
	p.list.Refresh()
}

// hasRole reports whether entity e has a name written in role.
func hasRole(r *match.Result, e int, role match.Role) bool {
	for _, m := range r.Entities[e].Members {
		if r.Mentions[m].Role == role {
			return true
		}
	}
	return false
}

func (p *entityPicker) updateHit(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.hits) {
		return
	}
	h := p.hits[id]
	e := p.f.s.res.Names.Entities[h.Entity]
	segs := highlightSegments(h.Text, h.Matched)
	tail := "  · " + e.ID
	if e.Canonical != h.Text {
		tail = "  → " + e.Canonical + tail
	}
	segs = append(segs, &widget.TextSegment{Style: plainStyle, Text: tail})
	o.(*widget.RichText).Segments = segs
	o.(*widget.RichText).Refresh()
}

// onPick adds the picked entity's ID to the field. An ID names exactly
// that entity; the hint under the field shows its name.
func (p *entityPicker) onPick(id widget.ListItemID) {
	if id >= len(p.hits) {
		return
	}
	eid := p.f.s.res.Names.Entities[p.hits[id].Entity].ID
	have := claims.ParseNames(p.target.Text)
	for _, x := range have {
		if strings.EqualFold(x, eid) {
			p.dlg.Hide()
			return
		}
	}
	p.target.SetText(strings.Join(append(have, eid), "; "))
	p.dlg.Hide()
}
