package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// sheetSettings is the Sources screen's bar for what a sheet says once
// for all its rows: a fixed value of a field (a Turkish export register's
// dispatch country) and the order of its dates when the file cannot tell.
// Both are saved with the project like column mappings (a
// ColumnOverride with Column -1), the same as the CLI's
// --map FILE:dispatch_country=TR and --date-order FILE:mdy.
type sheetSettings struct {
	s     *sourcesScreen
	field *widget.Select
	value *widget.Entry
	order *widget.Select
	use   *widget.Button // leave the sheet out or include it (sheetuse.go)
	tons  *widget.Select // what "tons" alone means (tons.go)
	notes *widget.Label  // the run's read notes for the sheet
	box   fyne.CanvasObject
	// quiet stops the date-order select's callback while showSheet
	// sets it from the project.
	quiet bool
}

// Date order choices of the select.
const (
	orderFromFile = "from the file"
	orderDMY      = "day first (03/04 = 3 April)"
	orderMDY      = "month first (03/04 = 4 March)"
)

func newSheetSettings(s *sourcesScreen) *sheetSettings {
	st := &sheetSettings{s: s}
	var fields []string
	for _, f := range read.ConstantFields {
		fields = append(fields, string(f))
	}
	st.field = widget.NewSelect(fields, nil)
	st.field.SetSelected(string(reconcile.FieldDispatchCountry))
	st.value = widget.NewEntry()
	st.value.SetPlaceHolder("country or currency, e.g. TR, Türkiye, USD")
	set := widget.NewButton("Set for the sheet", st.onSet)
	clear := widget.NewButton("Clear", st.onClear)
	st.order = widget.NewSelect([]string{orderFromFile, orderDMY, orderMDY}, st.onOrder)
	st.tons = widget.NewSelect(tonChoices, st.onTons)
	st.notes = widget.NewLabel("")
	st.notes.Wrapping = fyne.TextWrapWord
	st.notes.Importance = widget.WarningImportance
	st.notes.Hide()
	st.box = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("Fixed value:"), container.NewHBox(set, clear), container.NewGridWithColumns(2, st.field, st.value)),
		container.NewHBox(widget.NewLabel("Date order:"), st.order, widget.NewLabel("\"tons\" mean:"), st.tons,
			widget.NewButton("Rates and rules…", s.u.showSettings), st.newUseButton()),
		st.notes)
	return st
}

// show sets the bar from the project for the selected sheet.
func (st *sheetSettings) show(path, sheet string) {
	st.quiet = true
	defer func() { st.quiet = false }()
	st.order.SetSelected(orderFromFile)
	st.tons.SetSelected(tonsFromFile)
	st.value.SetText("")
	st.showNotes(path, sheet)
	for _, o := range st.overrides(path, sheet) {
		if l, ok := tonLabels[o.Unit]; ok {
			st.tons.SetSelected(l)
		}
		switch o.DateOrder {
		case pipeline.DateDMY:
			st.order.SetSelected(orderDMY)
		case pipeline.DateMDY:
			st.order.SetSelected(orderMDY)
		}
		if o.Field == reconcile.Field(st.field.Selected) && o.Value != "" {
			st.value.SetText(o.Value)
		}
	}
}

// overrides are the sheet settings (Column -1) the project holds for the
// sheet: its own and those for every sheet of the file.
func (st *sheetSettings) overrides(path, sheet string) []pipeline.ColumnOverride {
	var out []pipeline.ColumnOverride
	if st.s.u.project == nil {
		return nil
	}
	for _, src := range st.s.u.project.Sources {
		if absPath(src.Path) != absPath(path) {
			continue
		}
		for _, o := range src.Mapping {
			if o.Column < 0 && (o.Sheet == sheet || o.Sheet == "") {
				out = append(out, o)
			}
		}
	}
	return out
}

// edit replaces the selected sheet's settings that same says are the
// same kind as ov (nil ov only removes), then re-reads.
func (st *sheetSettings) edit(same func(pipeline.ColumnOverride) bool, ov *pipeline.ColumnOverride) {
	s := st.s
	if s.cur == nil || s.cur.sheet < 0 || s.u.project == nil {
		return
	}
	f := &s.res.Files[s.cur.file]
	sh := &f.Sheets[s.cur.sheet]
	for i := range s.u.project.Sources {
		src := &s.u.project.Sources[i]
		if absPath(src.Path) != absPath(f.Path) {
			continue
		}
		kept := src.Mapping[:0]
		for _, m := range src.Mapping {
			if !(m.Column < 0 && m.Sheet == sh.Sheet && same(m)) {
				kept = append(kept, m)
			}
		}
		src.Mapping = kept
		if ov != nil {
			o := *ov
			o.Sheet, o.Column = sh.Sheet, -1
			src.Mapping = append(src.Mapping, o)
		}
	}
	s.u.runProject()
}

func (st *sheetSettings) onSet() {
	f := reconcile.Field(st.field.Selected)
	v, ok := read.CanonicalConstant(f, strings.TrimSpace(st.value.Text))
	if !ok {
		showError("Not a fixed value", fmt.Errorf("%q is not a %s Tradecheck knows; write a name or an ISO code (TR, Türkiye; USD)", st.value.Text, map[bool]string{true: "currency", false: "country"}[f == reconcile.FieldCurrency]), st.s.u.win)
		return
	}
	st.edit(func(m pipeline.ColumnOverride) bool { return m.Field == f && m.Value != "" },
		&pipeline.ColumnOverride{ColumnOverride: read.ColumnOverride{Field: f}, Value: v})
}

func (st *sheetSettings) onClear() {
	f := reconcile.Field(st.field.Selected)
	st.edit(func(m pipeline.ColumnOverride) bool { return m.Field == f && m.Value != "" }, nil)
}

func (st *sheetSettings) onOrder(v string) {
	if st.quiet {
		return
	}
	same := func(m pipeline.ColumnOverride) bool { return m.DateOrder != "" }
	switch v {
	case orderDMY:
		st.edit(same, &pipeline.ColumnOverride{DateOrder: pipeline.DateDMY})
	case orderMDY:
		st.edit(same, &pipeline.ColumnOverride{DateOrder: pipeline.DateMDY})
	default:
		st.edit(same, nil)
	}
}

// settingsLines say what the sheet's fixed values and banner period
// are, and where each came from, for the sheet's summary.
func settingsLines(sh *pipeline.SheetResult) string {
	var b strings.Builder
	for _, c := range sh.Constants {
		fmt.Fprintf(&b, "\nFixed: %s = %s, from %s", c.Field, c.Value, c.From)
	}
	if sh.Period.Known() {
		fmt.Fprintf(&b, "\nPeriod stated: %s", sh.Period)
	}
	return b.String()
}
