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

	res     *pipeline.Result
	table   *totals.Table
	rows    []totals.Group // table.Groups, ordered by the chosen measure
	gen     int
	mu      sync.Mutex
	stale   bool // result changed while the tab was hidden
	groupBy totals.GroupBy

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
	chartBox := container.NewBorder(nil, s.notes, nil, nil, s.chartTabs(container.NewVScroll(s.chart)))
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
	{"Value USD", 130, func(g *totals.Group) string { return fmtUSD(g.ValueUSD) }},
	{"Left out", 200, func(g *totals.Group) string { return leftOut(&g.Measures) }},
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

// filter builds the engine's filter from the controls. The entity text
// picks the entity whose canonical name equals it, else the first that
// contains it; unknown text matches nothing rather than everything.
func (s *totalsScreen) filter() totals.Filter {
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
	if q := strings.TrimSpace(s.entity.Text); q != "" && s.res != nil && s.res.Names != nil {
		tf.Entity = "(no such entity)"
		lq := strings.ToLower(q)
		for _, e := range s.res.Names.Entities {
			if strings.EqualFold(e.Canonical, q) || strings.EqualFold(e.ID, q) {
				tf.Entity = e.ID
				break
			}
		}
		if tf.Entity == "(no such entity)" {
			for _, e := range s.res.Names.Entities {
				if strings.Contains(strings.ToLower(e.Canonical), lq) {
					tf.Entity = e.ID
					break
				}
			}
		}
	}
	return tf
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
	res, g, f := s.res, s.groupBy, s.filter()
	s.refreshMonthly(res, f)
	compute := func() *totals.Table { return res.Totals(g, f) }
	if len(res.Records) < 50000 {
		s.apply(gen, compute())
		return
	}
	s.u.goBG(func() {
		t := compute()
		s.u.main(func() { s.apply(gen, t) }, false)
	})
}

func (s *totalsScreen) apply(gen int, t *totals.Table) {
	s.mu.Lock()
	stale := gen != s.gen
	s.mu.Unlock()
	if stale {
		return
	}
	s.table = t
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
			vals[i], texts[i] = g.ValueUSD, fmtUSD(g.ValueUSD)
		} else {
			vals[i], texts[i] = g.Tonnes, fmtTonnes(g.Tonnes)+" t"
		}
	}
	s.chart.set(labels, vals, texts)
	s.showMonthly()
	s.grid.Refresh()
	m := &t.Total
	s.total.SetText(fmt.Sprintf("Total: %s, %s t, %s — %s%s",
		plural(m.Shipments, "shipment"), fmtTonnes(m.Tonnes), fmtUSD(m.ValueUSD), plural(len(t.Groups), "group"), suffix(leftOut(m))))
	s.notes.SetText(strings.Join(append(s.res.Warnings(), t.Notes...), "\n"))
}

func suffix(s string) string {
	if s == "" {
		return ""
	}
	return " (left out: " + s + ")"
}
