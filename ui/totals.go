package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// groupByLabels names each grouping in the selector.
var groupByLabels = map[totals.GroupBy]string{
	totals.ByConsignee:   "Consignee",
	totals.ByShipper:     "Shipper",
	totals.ByOrigin:      "Origin country",
	totals.ByDispatch:    "Dispatch country",
	totals.ByDestination: "Destination country",
	totals.ByRoute:       "Route",
	totals.ByHSChapter:   "HS chapter (2)",
	totals.ByHSHeading:   "HS heading (4)",
	totals.ByHSSub:       "HS subheading (6)",
	totals.ByMonth:       "Month",
	totals.ByCHPLTier:    "CHPL tier",
}

// Choices of the CHPL tier filter besides the tiers themselves.
const (
	tierAll = "All goods"
	tierAny = "On the CHPL (any tier)"
)

const (
	measureTonnes = "Tonnes"
	measureValue  = "Value USD"
)

// totalsScreen shows the engine's grouped totals as a table and a bar chart.
type totalsScreen struct {
	u       *UI
	content fyne.CanvasObject

	res *pipeline.Result
	// resolver turns the entity text into entities the way a claim's
	// consignee and shipper filters do; nil when the result has no names.
	resolver *claims.Resolver
	table    *totals.Table
	// applied is the filter the table was computed with, for the chart
	// subtitle; entityNote says how its entity text was resolved when a
	// reader must know (a closest-name guess, several entities).
	applied    totals.Filter
	entityNote string
	rows       []totals.Group // table.Groups, ordered by the chosen measure
	gen        int
	mu         sync.Mutex
	stale      bool // result changed while the tab was hidden
	groupBy    totals.GroupBy

	group   *widget.Select
	measure *widget.RadioGroup
	from    *widget.Entry
	to      *widget.Entry
	hs      *widget.Entry
	country *widget.Entry
	entity  *widget.SelectEntry
	desc    *widget.Entry
	listed  *widget.Check  // listed parties only
	tier    *widget.Select // CHPL tier filter
	grid    *widget.Table
	chart   *barChart
	charts  chartParts // monthly chart and exports (totalschart.go)
	total   *widget.Label
	notes   *widget.Label
}

func newTotalsScreen(u *UI) *totalsScreen {
	s := &totalsScreen{u: u, groupBy: totals.ByConsignee}
	s.buildUI()
	return s
}

func (s *totalsScreen) buildUI() {
	var opts []string
	for _, g := range totals.GroupBys {
		opts = append(opts, groupByLabels[g])
	}
	s.group = widget.NewSelect(opts, s.onGroupChanged)
	s.group.SetSelected(groupByLabels[totals.ByConsignee])
	s.measure = widget.NewRadioGroup([]string{measureTonnes, measureValue}, func(string) { s.onMeasureChanged() })
	s.measure.Horizontal = true
	s.measure.Required = true
	s.measure.SetSelected(measureTonnes)

	mk := func(ph string) *widget.Entry { return filterEntry(ph, s.refresh) }
	s.from = mk("From (YYYY-MM-DD)")
	s.to = mk("To (YYYY-MM-DD)")
	s.hs = mk("HS prefixes")
	s.country = mk("Countries (CN TR…)")
	s.desc = mk("Description has")
	s.entity = widget.NewSelectEntry(nil)
	s.entity.SetPlaceHolder("Entity")
	s.entity.OnChanged = func(string) { s.refresh() }
	s.listed = widget.NewCheck("Listed party only (either side)", func(bool) { s.refresh() })
	s.listed.Disable() // until a run has screened against a list
	tiers := []string{tierAll, tierAny}
	for _, t := range totals.CHPLList().Tiers() {
		tiers = append(tiers, "CHPL tier "+t)
	}
	s.tier = widget.NewSelect(tiers, func(string) { s.refresh() })
	s.tier.SetSelected(tierAll)

	s.grid = newLabelTable(totalsColumns, func() int { return len(s.rows) }, s.updateCell)
	s.chart = newBarChart()
	s.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.total.Wrapping = fyne.TextWrapWord
	s.notes = widget.NewLabel("")
	s.notes.Wrapping = fyne.TextWrapWord
	s.notes.Importance = widget.LowImportance

	controls := container.NewVBox(
		container.NewHBox(widget.NewLabel("Group by"), s.group, widget.NewLabel("Show"), s.measure, s.listed, s.tier),
		container.NewGridWithColumns(6, s.from, s.to, s.hs, s.country, s.entity, s.desc),
		s.total,
	)
	settings := widget.NewButton("Rates and rules…", s.u.showSettings)
	// The notes scroll in their own pane: a run with many sheets has a
	// long list, and a label that grows with it pushed the window past
	// the bottom of the screen.
	notes := container.NewBorder(nil, container.NewHBox(settings), nil, nil, container.NewVScroll(s.notes))
	chartBox := container.NewVSplit(s.chartTabs(container.NewVScroll(s.chart)), notes)
	chartBox.Offset = 0.6
	split := container.NewHSplit(s.grid, chartBox)
	split.Offset = 0.6
	s.content = container.NewBorder(controls, nil, nil, nil, split)
}

type totalsColumn struct {
	title string
	width float32
	text  func(g *totals.Group) string
}

// fmtTonnes writes tonnes with three decimals and thousands separators:
// "1,924.161".
func fmtTonnes(t float64) string { return fixed(t, 3) }

// fmtUSD writes whole dollars with thousands separators.
func fmtUSD(v float64) string {
	if v < 0 {
		return "-$" + values.FormatNumber(-v, 0)
	}
	return "$" + values.FormatNumber(v, 0)
}

var totalsColumns = []totalsColumn{
	{"Group", 220, func(g *totals.Group) string { return g.Label }},
	{"Shipments", 80, func(g *totals.Group) string { return strconv.Itoa(g.Measures.Shipments) }},
	{"Monthly", 70, func(g *totals.Group) string { return strconv.Itoa(g.AggregateRows) }},
	{"Tonnes", 100, func(g *totals.Group) string { return fmtTonnes(g.Tonnes) }},
	{"Value USD", 130, func(g *totals.Group) string { return groupUSD(&g.Measures) }},
	{"Left out", 200, func(g *totals.Group) string { return leftOut(&g.Measures) }},
}

// groupUSD is a group's value: "unknown" when none of its values is
// known in USD (the Left out column says why), never "$0".
func groupUSD(m *totals.Measures) string {
	if all, _ := m.USDGap(); all {
		return "unknown"
	}
	return fmtUSD(m.ValueUSD)
}

// leftOut says what a figure does not include, so a reader never mistakes
// a partial total for a complete one.
func leftOut(m *totals.Measures) string {
	var p []string
	if m.NoWeight > 0 {
		p = append(p, fmt.Sprintf("%d no weight", m.NoWeight))
	}
	if m.NoUSD > 0 {
		p = append(p, fmt.Sprintf("%d no USD", m.NoUSD))
	}
	if m.NoValue > 0 {
		p = append(p, fmt.Sprintf("%d no value", m.NoValue))
	}
	if m.GrossFallback > 0 {
		p = append(p, fmt.Sprintf("%d gross", m.GrossFallback))
	}
	return strings.Join(p, ", ")
}

func (s *totalsScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(s.rows) {
		l.SetText("")
		return
	}
	l.SetText(totalsColumns[id.Col].text(&s.rows[id.Row]))
}

func (s *totalsScreen) onGroupChanged(label string) {
	for g, l := range groupByLabels {
		if l == label {
			s.groupBy = g
		}
	}
	s.refresh()
}

func (s *totalsScreen) onMeasureChanged() { s.show() }

func (s *totalsScreen) setResult(res *pipeline.Result) {
	s.res = res
	s.resolver = nil
	if res.Names != nil {
		s.resolver = claims.NewResolver(res.Names)
	}
	if res.Screening != nil {
		s.listed.Enable()
	} else {
		s.listed.SetChecked(false)
		s.listed.Disable()
	}
	// Offer the biggest entities in the entity picker.
	var names []string
	// The Entities screen has already summarised this result.
	for i, e := range s.u.entities.sums {
		if i >= 300 {
			break
		}
		names = append(names, e.Canonical)
	}
	s.entity.SetOptions(dedupe(names))
	s.stale = true
	if s.u.tabs == nil || s.u.tabs.Selected() == s.u.tabTotals {
		s.refresh()
	}
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// filter builds the engine's filter from the controls, the entity text
// resolved as in entityFilter.
func (s *totalsScreen) filter() totals.Filter {
	f, q := s.controlsFilter()
	entityFilter(&f, s.resolver, q)
	return f
}

// controlsFilter builds the engine's filter from every control but the
// entity, whose text it returns for entityFilter: resolving a name can
// take a while on a large result, so refresh does it off the UI goroutine.
func (s *totalsScreen) controlsFilter() (totals.Filter, string) {
	tf := shipFilter{From: s.from.Text, To: s.to.Text, HS: s.hs.Text, Countries: s.country.Text}.totalsFilter()
	tf.DescriptionContains = strings.TrimSpace(s.desc.Text)
	if s.listed.Checked {
		tf.PartyListed = totals.PartyEither
	}
	switch t := s.tier.Selected; t {
	case tierAll, "":
	case tierAny:
		tf.CHPLTiers = []string{"any"}
	default:
		tf.CHPLTiers = []string{strings.TrimPrefix(t, "CHPL tier ")}
	}
	return tf, strings.TrimSpace(s.entity.Text)
}

// entityFilter narrows f to the entities that q names, in either role,
// resolved exactly as a claim's consignee or shipper filter resolves a
// name (claims.Resolver: entity ID, tax ID, same name, name words,
// closest name), so the Totals and a claim never disagree on who a name
// is. Text that resolves to nothing matches nothing rather than
// everything. It returns what the reader must know about the resolution.
func entityFilter(f *totals.Filter, rv *claims.Resolver, q string) string {
	if q == "" || rv == nil {
		return ""
	}
	r := rv.Resolve(claims.AnyRole, q)
	f.Entities = r.Entities
	if len(f.Entities) == 0 {
		f.Entities = []string{q} // no entity has it as ID: matches nothing
	}
	return r.Note()
}

// refresh recomputes the totals in the background.
func (s *totalsScreen) refresh() {
	if s.res == nil {
		return
	}
	s.stale = false
	s.mu.Lock()
	s.gen++
	gen := s.gen
	s.mu.Unlock()
	res, g, rv := s.res, s.groupBy, s.resolver
	f, q := s.controlsFilter()
	compute := func() (*totals.Table, string) {
		note := entityFilter(&f, rv, q)
		return res.Totals(g, f), note
	}
	if len(res.Records) < 50000 {
		t, note := compute()
		s.apply(gen, res, f, t, note)
		return
	}
	s.u.goBG(func() {
		t, note := compute()
		s.u.main(func() { s.apply(gen, res, f, t, note) }, false)
	})
}

func (s *totalsScreen) apply(gen int, res *pipeline.Result, f totals.Filter, t *totals.Table, note string) {
	s.mu.Lock()
	stale := gen != s.gen
	s.mu.Unlock()
	if stale || res != s.res {
		return
	}
	s.table, s.applied, s.entityNote = t, f, note
	s.refreshMonthly(res, f)
	s.show()
}

// show orders the groups by the chosen measure and draws table and chart.
func (s *totalsScreen) show() {
	t := s.table
	if t == nil {
		return
	}
	s.rows = append(s.rows[:0], t.Groups...)
	value := s.measure.Selected == measureValue
	if value {
		sort.SliceStable(s.rows, func(i, j int) bool { return s.rows[i].ValueUSD > s.rows[j].ValueUSD })
	}
	labels := make([]string, len(s.rows))
	vals := make([]float64, len(s.rows))
	texts := make([]string, len(s.rows))
	for i := range s.rows {
		g := &s.rows[i]
		labels[i] = g.Label
		if value {
			vals[i], texts[i] = g.ValueUSD, groupUSD(&g.Measures)
		} else {
			vals[i], texts[i] = g.Tonnes, fmtTonnes(g.Tonnes)+" t"
		}
	}
	s.chart.set(labels, vals, texts)
	s.showMonthly()
	s.grid.Refresh()
	m := &t.Total
	s.total.SetText(fmt.Sprintf("Total: %s, %s t, %s — %s%s",
		plural(m.Shipments, "shipment"), fmtTonnes(m.Tonnes), m.USDText(fmtUSD(m.ValueUSD)), plural(len(t.Groups), "group"), suffix(leftOut(m))))
	var notes []string
	if s.entityNote != "" {
		notes = append(notes, s.entityNote)
	}
	notes = append(append(append(notes, reconcile.NotesWith(s.res.Warnings(), how)...), readNotesFor(s.res)...), t.Notes...)
	s.notes.SetText(strings.Join(notes, "\n"))
}

func suffix(s string) string {
	if s == "" {
		return ""
	}
	return " (left out: " + s + ")"
}
