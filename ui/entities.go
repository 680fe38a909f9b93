package ui

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
)

// entityRow is one line of the entity list: a summary, and the name to
// show with the search's matched characters.
type entityRow struct {
	sum     *pipeline.EntitySummary
	text    string
	matched []int
}

// memberRow is one name as written inside the selected entity.
type memberRow struct {
	mention int // index into Names.Mentions
	m       match.Mention
	reason  string
	score   float64
	core    bool
	sources string // file names that use this name
}

// entitiesScreen lists entities, searches them, shows one in detail and
// lets the user correct the matcher. Every correction becomes a
// match.Decision handed to the UI, which reclusters through the pipeline.
type entitiesScreen struct {
	u       *UI
	content fyne.CanvasObject

	res      *pipeline.Result
	sums     []pipeline.EntitySummary
	byEntity map[int][]int // entity index -> indexes into sums
	rows     []entityRow
	selected *pipeline.EntitySummary
	members  []memberRow
	gen      int
	mu       sync.Mutex
	indexing latest // the search index being built

	inner     *container.AppTabs
	tabList   *container.TabItem
	tabReview *container.TabItem

	search    *widget.Entry
	count     *widget.Label
	list      *widget.List
	threshold *widget.Slider
	threshLbl *widget.Label

	title     *widget.Label
	info      *widget.Label
	confirm   *widget.Button
	rename    *widget.Button
	mergeBtn  *widget.Button
	memberLst *widget.List
	detail    *fyne.Container
	empty     *widget.Label

	review *reviewPanel
	hits   *hitsPanel // sanctions screening hits of the selected entity
	// leaving is the key of a name being split out, so the detail panel
	// stays on the entity it left.
	leaving string
	// searcher indexes the current result's names; nil while indexing,
	// or when indexing failed: searchErr then says why, where the count
	// of results would be.
	searcher  *entitySearch
	searchErr error
}

func newEntitiesScreen(u *UI) *entitiesScreen {
	s := &entitiesScreen{u: u, byEntity: map[int][]int{}}
	s.buildUI()
	return s
}

func (s *entitiesScreen) buildUI() {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search names in any script, e.g. tekhkrim  (Ctrl+F)")
	s.search.OnChanged = s.onSearchChanged
	s.count = widget.NewLabel("")
	s.count.Importance = widget.LowImportance

	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			name := widget.NewRichText(&widget.TextSegment{Style: plainStyle, Text: "Entity name"})
			name.Truncation = fyne.TextTruncateEllipsis
			nums := widget.NewLabel("consignee · 0 shipments · 0.000 t · $0")
			nums.Importance = widget.LowImportance
			nums.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, nums)
		},
		s.updateRow)
	s.list.OnSelected = s.onEntitySelected

	s.threshold = widget.NewSlider(0.5, 1.0)
	s.threshold.Step = 0.01
	s.threshold.SetValue(pipeline.DefaultParams().AutoThreshold)
	s.threshLbl = widget.NewLabel("")
	s.threshold.OnChanged = func(v float64) { s.threshLbl.SetText(fmt.Sprintf("Auto-merge at ≥ %.2f", v)) }
	s.threshold.OnChangeEnded = s.onThresholdChanged
	s.threshold.OnChanged(s.threshold.Value)

	top := container.NewVBox(s.search, container.NewBorder(nil, nil, s.threshLbl, nil, s.threshold), s.count)
	left := container.NewBorder(top, nil, nil, nil, s.list)

	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Wrapping = fyne.TextWrapWord
	s.info = widget.NewLabel("")
	s.info.Wrapping = fyne.TextWrapWord
	s.confirm = widget.NewButtonWithIcon("Confirm all names", theme.ConfirmIcon(), s.onConfirm)
	s.rename = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), s.onRename)
	s.mergeBtn = widget.NewButtonWithIcon("Merge with…", theme.ContentAddIcon(), s.onMerge)

	s.memberLst = widget.NewList(
		func() int { return len(s.members) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("info")
			info.Truncation = fyne.TextTruncateEllipsis
			why := widget.NewLabel("why")
			why.Truncation = fyne.TextTruncateEllipsis
			why.Importance = widget.LowImportance
			split := widget.NewButtonWithIcon("Split out", theme.ContentCutIcon(), nil)
			use := widget.NewButtonWithIcon("Use as name", theme.DocumentCreateIcon(), nil)
			return container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(split, use)), container.NewVBox(name, info, why))
		},
		s.updateMember)

	actions := container.NewHBox(s.confirm, s.rename, s.mergeBtn)
	namesHead := widget.NewLabelWithStyle("Names as written", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.hits = newHitsPanel(s)
	s.detail = container.NewBorder(container.NewVBox(s.title, s.info, actions, s.hits.box, namesHead), nil, nil, nil, s.memberLst)
	s.detail.Hide()
	s.empty = widget.NewLabel("Select an entity to see its names, sources and why they were matched.")
	s.empty.Wrapping = fyne.TextWrapWord
	right := container.NewStack(container.NewPadded(s.empty), container.NewPadded(s.detail))

	split := container.NewHSplit(left, right)
	split.Offset = 0.45

	s.review = newReviewPanel(s)
	s.tabList = container.NewTabItem("Entities", split)
	s.tabReview = container.NewTabItem("Review", s.review.content)
	s.inner = container.NewAppTabs(s.tabList, s.tabReview)
	s.inner.OnSelected = func(t *container.TabItem) {
		if t == s.tabReview {
			// Nothing focused, so S/N/K reach the canvas.
			s.u.win.Canvas().Unfocus()
		}
	}
	s.content = s.inner
}

func fmtCounts(sum *pipeline.EntitySummary) string {
	return fmt.Sprintf("%s · %s t · %s", plural(sum.Shipments, "shipment"), fmtTonnes(sum.Tonnes), sum.Measures.USDText(fmtUSD(sum.ValueUSD)))
}

func (s *entitiesScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	c := o.(*fyne.Container)
	rt := c.Objects[0].(*widget.RichText)
	text := r.text
	if text == "" {
		text = r.sum.Canonical
	}
	segs := highlightSegments(text, r.matched)
	if r.text != "" && r.text != r.sum.Canonical {
		segs = append(segs, &widget.TextSegment{Style: plainStyle, Text: "  → " + r.sum.Canonical})
	}
	rt.Segments = segs
	rt.Refresh()
	c.Objects[1].(*widget.Label).SetText(string(r.sum.Role) + " · " + fmtCounts(r.sum) + listedMark(s.res, r.sum.ID))
}

// setResult shows a new result, keeping the search and the selected entity
// (by a name it holds) when it still exists.
func (s *entitiesScreen) setResult(res *pipeline.Result) {
	var keep string
	if s.selected != nil {
		for _, m := range s.members {
			if m.m.Key() != s.leaving {
				keep = m.m.Key()
				break
			}
		}
	}
	s.leaving = ""
	s.res = res
	s.sums = res.Entities()
	s.byEntity = map[int][]int{}
	for i := range s.sums {
		s.byEntity[s.sums[i].Entity] = append(s.byEntity[s.sums[i].Entity], i)
	}
	if res.Project.Params.AutoThreshold > 0 {
		s.threshold.SetValue(res.Project.Params.AutoThreshold)
		s.threshold.OnChanged(s.threshold.Value)
	}
	s.searcher, s.searchErr = nil, nil
	// A newer result makes the index of this one pointless: it stops.
	ctx := s.indexing.start(s.u.ctx)
	if res.Names == nil || len(res.Names.Mentions) < 20000 {
		s.searcher, s.searchErr = newEntitySearch(ctx, res)
	} else {
		s.count.SetText("Indexing names…")
		s.u.goBG(func() {
			idx, err := newEntitySearch(ctx, res)
			s.u.main(func() {
				if s.res == res {
					s.searcher, s.searchErr = idx, err
					s.applySearch(s.search.Text)
				}
			}, false)
		})
	}
	s.applySearch(s.search.Text)
	s.review.setResult(res)
	s.tabReview.Text = fmt.Sprintf("Review (%d)", s.review.remaining())
	s.inner.Refresh()

	s.selected = nil
	if keep != "" && res.Names != nil {
		for mi, m := range res.Names.Mentions {
			if m.Key() == keep {
				if idx, ok := s.byEntity[res.Names.EntityOf[mi]]; ok {
					s.showEntity(&s.sums[idx[0]])
				}
				break
			}
		}
	}
	if s.selected == nil {
		s.detail.Hide()
		s.empty.Show()
	}
}

func (s *entitiesScreen) onShown() {}

func (s *entitiesScreen) focusSearch() {
	s.inner.Select(s.tabList)
	s.u.win.Canvas().Focus(s.search)
}

func (s *entitiesScreen) onSearchChanged(q string) { s.applySearch(q) }

// applySearch fills the list: every entity by tonnes when the box is
// empty, else the search hits, best first. Large projects search in the
// background so typing never waits.
func (s *entitiesScreen) applySearch(q string) {
	q = strings.TrimSpace(q)
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	res, searcher := s.res, s.searcher
	if res == nil {
		return
	}
	if q != "" && searcher == nil {
		if s.searchErr != nil {
			s.count.SetText("Search unavailable: " + humanMessage(s.searchErr))
		}
		return // indexing; the search runs when the index is ready
	}
	// The goroutine works on this result's slices only, never on fields
	// the UI goroutine may replace meanwhile.
	sums, byEntity := s.sums, s.byEntity
	build := func() []entityRow {
		if q == "" {
			rows := make([]entityRow, len(sums))
			for i := range sums {
				rows[i] = entityRow{sum: &sums[i]}
			}
			return rows
		}
		var rows []entityRow
		for _, h := range searcher.search(q, 500) {
			for _, si := range byEntity[h.Entity] {
				rows = append(rows, entityRow{sum: &sums[si], text: h.Text, matched: h.Matched})
			}
		}
		return rows
	}
	if res.Names == nil || len(res.Names.Mentions) < 20000 {
		s.showRows(gen, build())
		return
	}
	s.u.goBG(func() {
		rows := build()
		s.u.main(func() { s.showRows(gen, rows) }, false)
	})
}

func (s *entitiesScreen) showRows(gen int, rows []entityRow) {
	s.mu.Lock()
	stale := gen != s.gen
	s.mu.Unlock()
	if stale {
		return
	}
	s.rows = rows
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	if strings.TrimSpace(s.search.Text) == "" {
		s.count.SetText(entities(len(rows)))
	} else {
		s.count.SetText(fmt.Sprintf("%d found", len(rows)))
	}
}

func (s *entitiesScreen) onEntitySelected(id widget.ListItemID) {
	if id >= len(s.rows) {
		return
	}
	s.showEntity(s.rows[id].sum)
}

// showEntity fills the detail panel for one entity.
func (s *entitiesScreen) showEntity(sum *pipeline.EntitySummary) {
	s.selected = sum
	res := s.res
	e := &res.Names.Entities[sum.Entity]
	s.members = s.members[:0]
	for i, mi := range e.Members {
		m := res.Names.Mentions[mi]
		if m.Role != sum.Role {
			continue
		}
		r := memberRow{mention: mi, m: m, core: i == 0}
		if i < len(e.Reasons) {
			r.reason = e.Reasons[i]
		}
		if i < len(e.Scores) {
			r.score = e.Scores[i]
		}
		s.members = append(s.members, r)
	}
	s.fillSources(sum)
	s.hits.show(res, sum)
	s.title.SetText(sum.Canonical)
	s.info.SetText(fmt.Sprintf("%s · %s · %s\nSources: %s", sum.ID, sum.Role, fmtCounts(sum), strings.Join(sum.Sources, ", ")))
	if len(s.members) > 1 {
		s.confirm.Enable()
	} else {
		s.confirm.Disable()
	}
	s.memberLst.Refresh()
	s.empty.Hide()
	s.detail.Show()
}

// fillSources finds, for each name, the files whose rows use it. It reads
// the records' provenance only; it decides nothing.
func (s *entitiesScreen) fillSources(sum *pipeline.EntitySummary) {
	res := s.res
	ent := res.ConsigneeEntity
	if sum.Role == match.Shipper {
		ent = res.ShipperEntity
	}
	files := make([]map[string]bool, len(s.members))
	index := map[string]int{}
	for i, m := range s.members {
		files[i] = map[string]bool{}
		index[m.m.Name] = i
	}
	for r := range res.Records {
		if r >= len(ent) || int(ent[r]) != sum.Entity {
			continue
		}
		rec := &res.Records[r]
		p := rec.Consignee
		if sum.Role == match.Shipper {
			p = rec.Shipper
		}
		for _, n := range p.Names {
			if i, ok := index[n]; ok {
				files[i][filepath.Base(rec.Source.File)] = true
			}
		}
	}
	for i := range s.members {
		var fs []string
		for f := range files[i] {
			fs = append(fs, f)
		}
		sort.Strings(fs)
		s.members[i].sources = strings.Join(fs, ", ")
	}
}

func (s *entitiesScreen) updateMember(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.members) {
		return
	}
	m := s.members[id]
	c := o.(*fyne.Container)
	box := c.Objects[0].(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(m.m.Name)
	info := plural(m.m.Count, "row")
	if m.m.TaxID != "" {
		info += " · tax ID " + m.m.TaxID
	}
	if m.sources != "" {
		info += " · in " + m.sources
	}
	why := "core name: the others were matched to it"
	if note, ok := strings.CutPrefix(m.reason, "core; "); ok && m.core {
		// A name no rule can place by its name (cut to its legal form)
		// says so, rather than looking like a firm of its own.
		why = note
	} else if !m.core {
		why = fmt.Sprintf("score %.2f: %s", m.score, m.reason)
	}
	box.Objects[1].(*widget.Label).SetText(info)
	box.Objects[2].(*widget.Label).SetText(why)
	btns := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container)
	b := btns.Objects[0].(*widget.Button)
	b.OnTapped = func() { s.onSplit(m.m) }
	if len(s.members) < 2 {
		b.Disable()
	} else {
		b.Enable()
	}
	use := btns.Objects[1].(*widget.Button)
	use.OnTapped = func() { s.onUseName(m.m) }
	if s.selected != nil && m.m.Name == s.selected.Canonical {
		use.Disable()
	} else {
		use.Enable()
	}
}
