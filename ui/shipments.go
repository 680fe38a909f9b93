package ui

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
)

// shipColumn is one column of the Shipments table.
type shipColumn struct {
	title string
	width float32
	text  func(s *merge.Shipment) string
	// num gives a numeric sort key, ok false when unknown (sorted last in
	// either direction); nil sorts by text.
	num func(s *merge.Shipment) (float64, bool)
	// natural marks the column whose order is the engine's shipment order.
	natural bool
}

func numText(v float64, ok bool, prec int) string {
	if !ok {
		return "—"
	}
	return fixed(v, prec)
}

var shipColumns = []shipColumn{
	{title: "ID", width: 110, text: func(s *merge.Shipment) string { return s.ID }, natural: true},
	{title: "Date", width: 100, text: func(s *merge.Shipment) string { return s.Date.String() },
		num: func(s *merge.Shipment) (float64, bool) { return float64(s.Date.Time.Unix()), s.Date.Known() }},
	{title: "Consignee", width: 230, text: func(s *merge.Shipment) string { return s.ConsigneeName }},
	{title: "Shipper", width: 230, text: func(s *merge.Shipment) string { return s.ShipperName }},
	{title: "Origin", width: 60, text: func(s *merge.Shipment) string { return s.Origin }},
	{title: "Dispatch", width: 70, text: func(s *merge.Shipment) string { return s.Dispatch }},
	{title: "Dest.", width: 60, text: func(s *merge.Shipment) string { return s.Destination }},
	{title: "HS", width: 100, text: func(s *merge.Shipment) string { return s.HSCode }},
	{title: "Description", width: 260, text: func(s *merge.Shipment) string { return s.Description }},
	{title: "Tonnes", width: 90, text: func(s *merge.Shipment) string { return numText(s.Tonnes.Value, s.Tonnes.Valid, 3) },
		num: func(s *merge.Shipment) (float64, bool) { return s.Tonnes.Value, s.Tonnes.Valid }},
	{title: "Value USD", width: 110, text: func(s *merge.Shipment) string { return numText(s.USD.Value, s.USD.Valid, 0) },
		num: func(s *merge.Shipment) (float64, bool) { return s.USD.Value, s.USD.Valid }},
	{title: "Status", width: 240, text: func(s *merge.Shipment) string { return s.Status() }},
}

// shipmentsScreen is a virtualised table of every reconciled shipment:
// widget.Table creates cells only for the rows on screen, so a million
// shipments cost a slice of int32 indexes, not a widget each.
type shipmentsScreen struct {
	u       *UI
	content fyne.CanvasObject

	res   *pipeline.Result
	ships []merge.Shipment
	// view holds indexes into ships after filtering and sorting.
	view     []int32
	disc     map[string]int // discrepancies per shipment ID
	sortCol  int
	sortDesc bool
	gen      int // bumps on every refilter, so stale results are dropped
	mu       sync.Mutex

	filter  shipFilter
	from    *widget.Entry
	to      *widget.Entry
	hs      *widget.Entry
	country *widget.Entry
	entity  *widget.Entry
	text    *widget.Entry
	count   *widget.Label
	// resolver resolves the entity text as the Totals screen and claims
	// do; entityNote under the filters says how it was resolved.
	resolver   *claims.Resolver
	entityNote *widget.Label
	table      *widget.Table
	detail     *widget.Label
	rows       *widget.Table
	actions    *shipActions
	sel        int32 // selected shipment, -1 none
	// only, when set, narrows the table to these shipment IDs (a claim's
	// rows, from the Claims screen); onlyNote says whose they are.
	only     map[string]bool
	onlyNote string
}

func newShipmentsScreen(u *UI) *shipmentsScreen {
	s := &shipmentsScreen{u: u, sel: -1, sortCol: 0}
	s.buildUI()
	return s
}

func (s *shipmentsScreen) buildUI() {
	mk := func(ph string) *widget.Entry { return filterEntry(ph, s.onFilterChanged) }
	s.from = mk("From (YYYY-MM-DD)")
	s.to = mk("To (YYYY-MM-DD)")
	s.hs = mk("HS prefixes")
	s.country = mk("Countries (CN TR…)")
	s.entity = mk("Entity")
	s.text = mk("Any text")
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.onClearFilters)
	s.count = widget.NewLabel("No shipments yet.")

	filters := container.NewGridWithColumns(6, s.from, s.to, s.hs, s.country, s.entity, s.text)
	s.entityNote = widget.NewLabel("")
	s.entityNote.Wrapping = fyne.TextWrapWord
	s.entityNote.Importance = widget.LowImportance
	s.entityNote.Hide()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(clear, s.count), filters), s.entityNote)

	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.view), len(shipColumns) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("template text")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("header", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = s.updateHeader
	s.table.SetColumnWidth(0, 64)
	for i, c := range shipColumns {
		s.table.SetColumnWidth(i+1, c.width)
	}
	s.table.OnSelected = s.onSelected

	s.detail = widget.NewLabel(marksLegend)
	s.detail.Wrapping = fyne.TextWrapWord
	s.rows = newLabelTable(provColumns, s.sourceRowCount, s.updateSourceCell)
	s.actions = newShipActions(s)
	bottom := container.NewBorder(container.NewVBox(s.actions.box, s.detail), nil, nil, nil, s.rows)
	split := container.NewVSplit(s.table, bottom)
	split.Offset = 0.68
	s.content = container.NewBorder(top, nil, nil, nil, split)
}

// marksLegend explains the first column.
const marksLegend = "Marks: ×n merged from n sources · dup exact duplicate rows, counted once · ≠ sources disagree. Select a shipment to see the source rows behind it."

// marker is the first column: merged sources, duplicates, discrepancies.
func (s *shipmentsScreen) marker(sh *merge.Shipment) string {
	var m []string
	if len(sh.Rows) > 1 {
		m = append(m, fmt.Sprintf("×%d", len(sh.Rows)))
	}
	if len(sh.Duplicates) > 0 {
		m = append(m, fmt.Sprintf("dup%d", len(sh.Duplicates)))
	}
	if n := s.disc[sh.ID]; n > 0 {
		m = append(m, "≠")
	}
	return strings.Join(m, " ")
}

func (s *shipmentsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.view) {
		l.SetText("")
		return
	}
	sh := &s.ships[s.view[id.Row]]
	if id.Col == 0 {
		l.Importance = widget.WarningImportance
		l.SetText(s.marker(sh))
		return
	}
	l.Importance = widget.MediumImportance
	if !sh.Counted() {
		l.Importance = widget.LowImportance
	}
	l.SetText(shipColumns[id.Col-1].text(sh))
}

func (s *shipmentsScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	if id.Col == 0 {
		b.SetText("Marks")
		b.OnTapped = nil
		return
	}
	col := id.Col - 1
	t := shipColumns[col].title
	if col == s.sortCol {
		if s.sortDesc {
			t += " ▼"
		} else {
			t += " ▲"
		}
	}
	b.SetText(t)
	b.OnTapped = func() { s.onSort(col) }
}

// onSort sorts by a column; tapping the sorted column reverses it.
func (s *shipmentsScreen) onSort(col int) {
	if col == s.sortCol {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.refilter()
}

// showOnly narrows the table to the shipments with these IDs, with the
// typed filters cleared; note names them in the count ("C2: shipments in
// scope"). Clearing the filters shows every shipment again.
func (s *shipmentsScreen) showOnly(ids []string, note string) {
	s.only = make(map[string]bool, len(ids))
	for _, id := range ids {
		s.only[id] = true
	}
	s.onlyNote = note
	for _, e := range []*widget.Entry{s.from, s.to, s.hs, s.country, s.entity, s.text} {
		e.Text = ""
		e.Refresh()
	}
	s.onFilterChanged()
}

func (s *shipmentsScreen) onClearFilters() {
	s.only, s.onlyNote = nil, ""
	for _, e := range []*widget.Entry{s.from, s.to, s.hs, s.country, s.entity, s.text} {
		e.Text = ""
		e.Refresh()
	}
	s.onFilterChanged()
}

func (s *shipmentsScreen) onFilterChanged() {
	s.filter = shipFilter{
		From: s.from.Text, To: s.to.Text, HS: s.hs.Text,
		Countries: s.country.Text, Entity: s.entity.Text, Text: s.text.Text,
	}
	s.refilter()
}

func (s *shipmentsScreen) setResult(res *pipeline.Result) {
	s.res = res
	s.resolver = nil
	if res.Names != nil {
		s.resolver = claims.NewResolver(res.Names)
	}
	s.ships = nil
	s.disc = map[string]int{}
	if res.Merge != nil {
		s.ships = res.Merge.Shipments
		for _, d := range res.Merge.Discrepancies {
			if d.Shipment != "" {
				s.disc[d.Shipment]++
			}
		}
	}
	s.sel = -1
	s.table.UnselectAll()
	s.detail.SetText(marksLegend)
	s.rows.Refresh()
	s.actions.update()
	s.refilter()
}

// refilter filters and sorts in the background: at a million rows this
// takes longer than a frame.
func (s *shipmentsScreen) refilter() {
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	ships, f, col, desc := s.ships, s.filter, s.sortCol, s.sortDesc
	res, only, rv := s.res, s.only, s.resolver
	var note string
	compute := func() []int32 {
		var m func(*merge.Shipment) bool
		m, note = f.compile(res, rv)
		view := make([]int32, 0, len(ships))
		for i := range ships {
			// A newer keystroke makes this run pointless: stop early.
			if i&0xffff == 0xffff && s.stale(gen) {
				return nil
			}
			if m(&ships[i]) && (only == nil || only[ships[i].ID]) {
				view = append(view, int32(i))
			}
		}
		sortView(view, ships, shipColumns[col], desc)
		return view
	}
	if len(ships) < 20000 {
		view := compute() // sets note
		s.applyView(gen, view, note)
		return
	}
	s.count.SetText("Filtering…")
	s.u.goBG(func() {
		view := compute()
		s.u.main(func() { s.applyView(gen, view, note) }, false)
	})
}

// stale reports whether a newer refilter has started since gen.
func (s *shipmentsScreen) stale(gen int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return gen != s.gen
}

func (s *shipmentsScreen) applyView(gen int, view []int32, entityNote string) {
	if s.stale(gen) {
		return
	}
	s.view = view
	s.entityNote.SetText(entityNote)
	if entityNote == "" {
		s.entityNote.Hide()
	} else {
		s.entityNote.Show()
	}
	if s.only != nil {
		s.count.SetText(fmt.Sprintf("%d of %d shipments — %s (clear filters to see all)", len(view), len(s.ships), s.onlyNote))
	} else {
		s.count.SetText(fmt.Sprintf("%d of %d shipments", len(view), len(s.ships)))
	}
	s.table.Refresh()
}

func (s *shipmentsScreen) onSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(s.view) {
		return
	}
	s.sel = s.view[id.Row]
	sh := &s.ships[s.sel]
	text := fmt.Sprintf("%s — %s. %s", sh.ID, sh.Status(), strings.Join(sh.Reasons, "; "))
	if n := s.disc[sh.ID]; n > 0 {
		var ds []string
		for _, d := range s.res.Merge.Discrepancies {
			if d.Shipment == sh.ID {
				ds = append(ds, fmt.Sprintf("%s %s: used %s (%s)", d.Kind, d.Field, d.Used, d.Rule))
			}
		}
		text += "\nDiscrepancies: " + strings.Join(ds, "; ")
	}
	if d := s.res.DecisionText(int(s.sel)); d != "" {
		text += "\nYour decisions: " + d + "."
	}
	s.detail.SetText(text)
	s.rows.Refresh()
	s.actions.update()
}

// sourceRows are the record indexes behind the selected shipment: its rows
// then its exact duplicates.
func (s *shipmentsScreen) sourceRows() []int32 {
	if s.sel < 0 || int(s.sel) >= len(s.ships) {
		return nil
	}
	sh := &s.ships[s.sel]
	return append(append([]int32(nil), sh.Rows...), sh.Duplicates...)
}

func (s *shipmentsScreen) sourceRowCount() int { return len(s.sourceRows()) }

func (s *shipmentsScreen) updateSourceCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	rows := s.sourceRows()
	if id.Row < 0 || id.Row >= len(rows) || s.res == nil {
		l.SetText("")
		return
	}
	sh := &s.ships[s.sel]
	ri := rows[id.Row]
	rec := &s.res.Records[ri]
	role := "used"
	if id.Row >= len(sh.Rows) {
		role = "duplicate"
	} else if id.Row > 0 {
		role = "also"
	}
	l.SetText(provColumns[id.Col].text(role, rec))
}

// sortView orders view by column c. The ID column keeps the engine's order
// (reversed when descending); numeric columns put unknown values last in
// either direction, so "largest first" never starts with blanks.
func sortView(view []int32, ships []merge.Shipment, c shipColumn, desc bool) {
	switch {
	case c.natural:
		if desc {
			for i, j := 0, len(view)-1; i < j; i, j = i+1, j-1 {
				view[i], view[j] = view[j], view[i]
			}
		}
	case c.num != nil:
		keys := make([]float64, len(ships))
		known := make([]bool, len(ships))
		for _, i := range view {
			keys[i], known[i] = c.num(&ships[i])
		}
		sort.SliceStable(view, func(a, b int) bool {
			x, y := view[a], view[b]
			if known[x] != known[y] {
				return known[x]
			}
			if desc {
				return keys[x] > keys[y]
			}
			return keys[x] < keys[y]
		})
	default:
		texts := make([]string, len(ships))
		for _, i := range view {
			texts[i] = c.text(&ships[i])
		}
		sort.SliceStable(view, func(a, b int) bool {
			x, y := view[a], view[b]
			if desc {
				return texts[x] > texts[y]
			}
			return texts[x] < texts[y]
		})
	}
}
