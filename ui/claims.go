package ui

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
)

// claimsScreen lists the project's claims with their verdicts, edits
// them, and shows the shipments behind the selected verdict. The claims
// live in the project (so they are autosaved); the verdicts are the
// engine's, recomputed whenever the claims or the result change.
type claimsScreen struct {
	u       *UI
	content fyne.CanvasObject
	// inline is the work (shipments × claims) checked on the UI
	// goroutine; more runs in the background (checkInline).
	inline int

	res *pipeline.Result
	// data is the result as the checker reads it; verdicts were computed
	// over vdata (the same, unless a check is still running).
	data     *claims.Data
	vdata    *claims.Data
	verdicts []claims.Verdict
	// entityIDs maps entity IDs of the result to their index, for the
	// form's hints.
	entityIDs map[string]int

	// checker keeps the engine's caches between checks; ckMu guards it
	// because large checks run off the UI goroutine.
	checker *claims.Checker
	ckMu    sync.Mutex
	gen     int // bumps on every check, so stale verdicts are dropped
	// checking is the background check: a newer check or Cancel stops
	// it. stopped says the user cancelled it, so claims show "Not
	// checked" rather than "Checking…" until the next check.
	checking latest
	stopped  bool
	// checkBar and checkBtn show a background check's progress and stop
	// it (Cancel), or start it again after a cancel (Check again).
	checkBar *widget.ProgressBar
	checkBtn *widget.Button
	checkBox *fyne.Container

	selID string // ID of the selected claim, "" none
	sel   *claims.Verdict
	// in and near are the selected verdict's rows as the tables show them.
	in, near []claimRow

	addBtn, editBtn, delBtn, importBtn *widget.Button
	count                              *widget.Label
	list                               *widget.List

	empty    *widget.Label
	detail   *fyne.Container
	title    *widget.Label
	badge    *verdictBadge
	figure   *widget.Label
	reason   *widget.Label
	notes    *widget.Label
	filters  *widget.Label
	inner    *container.AppTabs
	tabIn    *container.TabItem
	tabNear  *container.TabItem
	inTable  *widget.Table
	nearTbl  *widget.Table
	showIn   *widget.Button
	showNear *widget.Button
	shownID  string // claim whose rows the tables show, to reset their scroll
	// headScroll holds the claim's text; it is laid out again whenever
	// the text changes, or wrapped lines overlap the ones below.
	headScroll *container.Scroll
	// copyMemo and exportMemo hand the verdicts on (claimsmemo.go).
	copyMemo, exportMemo *widget.Button

	// form is the open add/edit form, nil when none; tests reach it here.
	form *claimForm
}

func newClaimsScreen(u *UI) *claimsScreen {
	s := &claimsScreen{u: u, checker: claims.NewChecker(nil), inline: checkInline}
	s.buildUI()
	s.update()
	return s
}

func (s *claimsScreen) buildUI() {
	s.addBtn = widget.NewButtonWithIcon("Add claim…", theme.ContentAddIcon(), s.onAdd)
	s.addBtn.Importance = widget.HighImportance
	s.editBtn = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), s.onEdit)
	s.delBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), s.onDelete)
	s.importBtn = widget.NewButtonWithIcon("Import claims…", theme.FolderOpenIcon(), s.onImport)
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance
	s.count.Wrapping = fyne.TextWrapWord

	s.list = widget.NewList(
		func() int { return len(s.claimList()) },
		func() fyne.CanvasObject {
			text := widget.NewLabelWithStyle("Claim text", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			text.Truncation = fyne.TextTruncateEllipsis
			fig := widget.NewLabel("Expected · computed")
			fig.Truncation = fyne.TextTruncateEllipsis
			why := widget.NewLabel("Reason")
			why.Truncation = fyne.TextTruncateEllipsis
			why.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, container.NewCenter(newVerdictBadge()), nil, container.NewVBox(text, fig, why))
		},
		s.updateRow)
	s.list.OnSelected = s.onSelected

	buttons := container.NewGridWithColumns(2, s.addBtn, s.importBtn, s.editBtn, s.delBtn)
	s.checkBar = widget.NewProgressBar()
	s.checkBtn = widget.NewButton("Cancel", s.onCancelCheck)
	s.checkBox = container.NewBorder(nil, nil, nil, s.checkBtn, s.checkBar)
	s.checkBox.Hide()
	left := container.NewBorder(container.NewVBox(buttons, s.count, s.checkBox), nil, nil, nil, s.list)

	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Wrapping = fyne.TextWrapWord
	s.badge = newVerdictBadge()
	s.figure = widget.NewLabel("")
	s.figure.Wrapping = fyne.TextWrapWord
	s.reason = widget.NewLabel("")
	s.reason.Wrapping = fyne.TextWrapWord
	s.notes = widget.NewLabel("")
	s.notes.Wrapping = fyne.TextWrapWord
	s.notes.Importance = widget.WarningImportance
	s.filters = widget.NewLabel("")
	s.filters.Wrapping = fyne.TextWrapWord
	s.filters.Importance = widget.LowImportance

	s.inTable = newRowTable(inScopeColumns, func() []claimRow { return s.in })
	s.nearTbl = newRowTable(nearColumns, func() []claimRow { return s.near })
	s.showIn = widget.NewButtonWithIcon("Show in Shipments", theme.NavigateNextIcon(), s.onShowInScope)
	s.showNear = widget.NewButtonWithIcon("Show in Shipments", theme.NavigateNextIcon(), s.onShowNear)
	s.tabIn = container.NewTabItem("In scope", container.NewBorder(container.NewHBox(s.showIn), nil, nil, nil, s.inTable))
	s.tabNear = container.NewTabItem("Near the boundary", container.NewBorder(container.NewHBox(s.showNear), nil, nil, nil, s.nearTbl))
	s.inner = container.NewAppTabs(s.tabIn, s.tabNear)

	s.copyMemo = widget.NewButtonWithIcon("Copy memo", theme.ContentCopyIcon(), s.onCopyMemo)
	s.exportMemo = widget.NewButtonWithIcon("Export memo of all claims…", theme.DocumentSaveIcon(), s.onExportMemo)
	head := container.NewVBox(s.title, container.NewBorder(nil, nil, container.NewVBox(s.badge), nil, s.figure), s.reason, s.notes, s.filters)
	s.headScroll = container.NewVScroll(head)
	split := container.NewVSplit(s.headScroll, s.inner)
	split.Offset = 0.36
	// The memo buttons stay above the scrolling head, always in reach.
	s.detail = container.NewBorder(container.NewHBox(s.copyMemo, s.exportMemo), nil, nil, nil, split)
	s.detail.Hide()
	s.empty = widget.NewLabel("")
	s.empty.Wrapping = fyne.TextWrapWord
	right := container.NewStack(container.NewPadded(s.empty), container.NewPadded(s.detail))

	hs := container.NewHSplit(left, right)
	hs.Offset = 0.38
	s.content = hs
}

// claimList is the project's claims (nil before any project).
func (s *claimsScreen) claimList() []claims.Claim {
	if s.u.project == nil {
		return nil
	}
	return s.u.project.Claims
}

// verdictOf returns the verdict of claim c, nil while it is being
// checked (a verdict of an earlier version of the claim does not count).
func (s *claimsScreen) verdictOf(c *claims.Claim) *claims.Verdict {
	for i := range s.verdicts {
		if s.verdicts[i].Claim.Equal(c) {
			return &s.verdicts[i]
		}
	}
	return nil
}

func (s *claimsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	cs := s.claimList()
	if id >= len(cs) {
		return
	}
	c := cs[id]
	b := o.(*fyne.Container)
	badge := b.Objects[1].(*fyne.Container).Objects[0].(*verdictBadge)
	box := b.Objects[0].(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(c.ID + "  " + oneLine(c.Text))
	v := s.verdictOf(&c)
	if v == nil {
		badge.setKind(s.pendingKind())
		box.Objects[1].(*widget.Label).SetText("Claimed: " + c.Expected())
		box.Objects[2].(*widget.Label).SetText("")
		return
	}
	badge.setKind(v.Kind)
	box.Objects[1].(*widget.Label).SetText("Claimed: " + c.Expected() + " · found: " + figureText(v))
	box.Objects[2].(*widget.Label).SetText(oneLine(v.Reason))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// figureText is the computed figure with its bounds: "12.6 t", "at least
// 155.067 t" when shipments in scope lack the measure, or "4.1 t to 6.2 t"
// when shipments that may be in scope add to it.
func figureText(v *claims.Verdict) string {
	c := &v.Claim
	if v.Kind == claims.NothingFound && len(v.InScope) == 0 {
		return "no shipment in scope"
	}
	lo := claims.FormatFigure(c.Measure, c.Unit, v.Lower)
	if v.Upper == v.Lower {
		return lo
	}
	if math.IsInf(v.Upper, 1) {
		return "at least " + lo
	}
	return lo + " to " + claims.FormatFigure(c.Measure, c.Unit, v.Upper)
}

// figureDetail explains the figure in the detail panel.
func figureDetail(v *claims.Verdict) string {
	c := &v.Claim
	s := "Claimed: " + c.Expected() + "\nFound: " + figureText(v)
	switch {
	case v.Missing > 0:
		s += fmt.Sprintf(" (the lower bound counts known values only; %s in scope, so there is no upper bound)",
			claims.MissingWhat(c, v.Missing))
	case v.Undetermined > 0:
		s += fmt.Sprintf(" (the upper bound adds %s that may be in scope)", plural(v.Undetermined, "shipment"))
	}
	s += fmt.Sprintf("\n%s in scope", plural(len(v.InScope), "shipment"))
	if v.NearTotal > 0 {
		s += fmt.Sprintf(" · %s near the boundary", plural(v.NearTotal, "shipment"))
	}
	return s
}

// setResult re-checks every claim against a new result. It is called
// wherever the app installs a result: after reading sources and after
// every Recluster (confirm, split, merge, threshold), so verdicts follow
// the user's decisions.
func (s *claimsScreen) setResult(res *pipeline.Result) {
	if cs := s.claimList(); s.u.result == res && !claims.EqualLists(res.Project.Claims, cs) && (len(cs) > 0 || len(res.Project.Claims) > 0) {
		// Claims changed while the run read a snapshot of the project:
		// the export writes the Claims sheet from the result's project.
		s.u.result = res.WithClaims(cs)
	}
	s.res = res
	s.data = res.ClaimsData()
	s.entityIDs = map[string]int{}
	if res.Names != nil {
		for i, e := range res.Names.Entities {
			s.entityIDs[e.ID] = i
		}
	}
	s.recheck()
}

// reset forgets the verdicts of the previous project while a new one is
// read, so no claim shows a verdict computed over other sources.
func (s *claimsScreen) reset() {
	s.gen++
	s.checking.cancel()
	s.stopped = false
	s.checkBox.Hide()
	s.res, s.data, s.vdata, s.verdicts = nil, nil, nil, nil
	s.update()
}

// update refreshes the list, the counts and the detail panel.
func (s *claimsScreen) update() {
	cs := s.claimList()
	s.list.Refresh()
	switch {
	case s.u.project == nil:
		s.count.SetText("Load sources first: claims are checked against them.")
	case len(cs) == 0:
		s.count.SetText("No claims yet.")
	case s.stopped:
		s.count.SetText(plural(len(cs), "claim") + ": check cancelled, not checked.")
	default:
		n := map[claims.Kind]int{}
		for _, v := range s.verdicts {
			n[v.Kind]++
		}
		var parts []string
		for _, k := range []claims.Kind{claims.Supported, claims.Contradicted, claims.Insufficient, claims.NothingFound} {
			if n[k] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", n[k], strings.ToLower(k.Label())))
			}
		}
		s.count.SetText(plural(len(cs), "claim") + ": " + strings.Join(parts, ", "))
	}
	if s.u.project == nil {
		s.addBtn.Disable()
		s.importBtn.Disable()
	} else {
		s.addBtn.Enable()
		s.importBtn.Enable()
	}
	idx := s.indexOf(s.selID)
	if idx < 0 {
		s.selID = ""
		s.list.UnselectAll()
	}
	s.showDetail()
}

// indexOf returns the position of the claim with id, -1 when none.
func (s *claimsScreen) indexOf(id string) int {
	if id == "" {
		return -1
	}
	for i, c := range s.claimList() {
		if c.ID == id {
			return i
		}
	}
	return -1
}

func (s *claimsScreen) onSelected(id widget.ListItemID) {
	cs := s.claimList()
	if id >= len(cs) {
		return
	}
	s.selID = cs[id].ID
	s.showDetail()
}

// selectClaim selects the claim with id in the list.
func (s *claimsScreen) selectClaim(id string) {
	if i := s.indexOf(id); i >= 0 {
		s.list.Select(i)
		s.list.ScrollTo(i)
	}
}

// showDetail fills the right-hand panel for the selected claim.
func (s *claimsScreen) showDetail() {
	i := s.indexOf(s.selID)
	if i < 0 {
		s.sel, s.in, s.near = nil, nil, nil
		s.editBtn.Disable()
		s.delBtn.Disable()
		s.copyMemo.Disable()
		s.detail.Hide()
		if len(s.claimList()) == 0 {
			s.empty.SetText("A claim is a published figure: “More than 12 tonnes of Chinese body armour reached Russia via Turkey in late 2022”. " +
				"Add one with the form, or import a claims table (CSV, or a workbook with a Claims sheet). Each claim gets a verdict — " +
				"Supported, Contradicted, Insufficient data or Nothing found — with the shipments behind it.")
		} else {
			s.empty.SetText("Select a claim to see its verdict, the shipments behind it and those near the boundary.")
		}
		s.empty.Show()
		return
	}
	s.editBtn.Enable()
	s.delBtn.Enable()
	c := s.claimList()[i]
	s.title.SetText(c.ID + ": " + oneLine(c.Text))
	s.filters.SetText("Filters: " + c.Filters.String())
	s.sel = s.verdictOf(&c)
	v := s.sel
	if v == nil {
		s.badge.setKind(s.pendingKind())
		s.figure.SetText("Claimed: " + c.Expected())
		s.reason.SetText(s.badge.text())
		s.notes.SetText("")
		s.notes.Hide()
	} else {
		s.badge.setKind(v.Kind)
		s.figure.SetText(figureDetail(v))
		s.reason.SetText(v.Reason)
		notes := append([]string(nil), v.Notes...)
		for _, r := range v.Resolved {
			if r.How != claims.NotFound && r.How != claims.ByClosest && len(r.Entities) == 1 {
				notes = append(notes, fmt.Sprintf("%s “%s” is %s (%s, by %s).", r.Role, r.Query, strings.Join(r.Names, ", "), r.Entities[0], r.How))
			}
		}
		s.notes.SetText(strings.Join(notes, "\n"))
		s.notes.Hidden = len(notes) == 0
		s.notes.Refresh()
	}
	prevIn, prevNear := len(s.in), len(s.near)
	s.in, s.near = s.inRows(), s.nearRows()
	if c.ID != s.shownID || len(s.in) != prevIn || len(s.near) != prevNear {
		// A scroll offset kept from another claim or an earlier check
		// would hide the first rows of the new ones.
		s.inTable.ScrollToTop()
		s.nearTbl.ScrollToTop()
	}
	s.shownID = c.ID
	nIn, nNear := len(s.in), 0
	if v != nil {
		nNear = v.NearTotal
	}
	s.tabIn.Text = fmt.Sprintf("In scope (%d)", nIn)
	s.tabNear.Text = fmt.Sprintf("Near the boundary (%d)", nNear)
	s.inner.Refresh()
	setEnabled(s.showIn, nIn > 0)
	setEnabled(s.copyMemo, v != nil && s.res != nil)
	setEnabled(s.exportMemo, len(s.verdicts) > 0 && s.res != nil)
	setEnabled(s.showNear, v != nil && len(v.Near) > 0)
	s.inTable.Refresh()
	s.nearTbl.Refresh()
	s.empty.Hide()
	s.detail.Show()
	// The labels' wrapped heights changed with their text; the scroll
	// does not notice on its own.
	s.headScroll.Content.Refresh()
	s.headScroll.Refresh()
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// onShowInScope opens the Shipments screen on the verdict's shipments.
func (s *claimsScreen) onShowInScope() {
	if s.sel == nil {
		return
	}
	s.u.shipments.showOnly(s.sel.IDs(), s.sel.Claim.ID+": shipments in scope")
	s.u.tabs.Select(s.u.tabShipments)
}

// onShowNear opens the Shipments screen on the near-boundary shipments.
func (s *claimsScreen) onShowNear() {
	if s.sel == nil {
		return
	}
	ids := make([]string, len(s.sel.Near))
	for i, n := range s.sel.Near {
		ids[i] = n.ID
	}
	s.u.shipments.showOnly(ids, s.sel.Claim.ID+": shipments near the boundary")
	s.u.tabs.Select(s.u.tabShipments)
}

// setClaims replaces the project's claims, autosaves, re-checks and
// selects the claim with id. The slice is replaced, never changed in
// place, so a run that copied the project meanwhile keeps its own.
func (s *claimsScreen) setClaims(cs []claims.Claim, id string) {
	p := s.u.project
	if p == nil {
		return
	}
	p.Claims = cs
	if s.u.result != nil {
		// The export writes the Claims sheet from the result's project.
		s.u.result = s.u.result.WithClaims(cs)
		// Claims opened with the sources arrive after their result:
		// the Start screen's count of what was loaded includes them.
		s.u.start.setResult(s.u.result)
	}
	s.u.autosave()
	if id != "" {
		s.selID = id
	}
	s.recheck()
	if id != "" {
		s.selectClaim(id)
	}
}

func (s *claimsScreen) onAdd() {
	if s.u.project == nil {
		return
	}
	s.openForm(nil)
}

func (s *claimsScreen) onEdit() {
	i := s.indexOf(s.selID)
	if i < 0 {
		return
	}
	c := s.claimList()[i]
	s.openForm(&c)
}

// saveClaim stores a claim from the form: it replaces the claim with
// the same ID, or is added with a new ID.
func (s *claimsScreen) saveClaim(c claims.Claim) {
	cs := append([]claims.Claim(nil), s.claimList()...)
	if i := s.indexOf(c.ID); c.ID != "" && i >= 0 {
		cs[i] = c
	} else {
		c.ID = claims.NextID(cs)
		cs = append(cs, c)
	}
	s.setClaims(cs, c.ID)
	s.u.setStatus("Claim " + c.ID + " saved and checked.")
}

func (s *claimsScreen) onDelete() {
	i := s.indexOf(s.selID)
	if i < 0 {
		return
	}
	c := s.claimList()[i]
	dialog.ShowConfirm("Delete claim", fmt.Sprintf("Delete claim %s?\n%s", c.ID, oneLine(c.Text)), func(ok bool) {
		if ok {
			s.deleteClaim(c.ID)
		}
	}, s.u.win)
}

// deleteClaim removes the claim with id.
func (s *claimsScreen) deleteClaim(id string) {
	var cs []claims.Claim
	for _, c := range s.claimList() {
		if c.ID != id {
			cs = append(cs, c)
		}
	}
	s.selID = ""
	s.list.UnselectAll()
	s.setClaims(cs, "")
	s.u.setStatus("Claim " + id + " deleted.")
}
