package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/values"
)

// Trade flow choices on the Sources screen. "As the file says" leaves the
// sheet's own statement (a flow column, a banner, its name) to decide.
const (
	flowAuto   = "As the file says"
	flowImport = "Import declarations"
	flowExport = "Export declarations"
)

// flowPanel sets a source sheet's trade flow and, for an export register,
// the declaring country (the dispatch country of its rows): the engine
// warns when it cannot tell, and asks for it here. A change is saved with
// the project (SourceSpec.Flow, DeclaringCountry) and re-runs the project
// like a mapping change.
type flowPanel struct {
	s       *sourcesScreen
	flow    *widget.Select
	country *widget.Entry
	note    *widget.Label
	box     *fyne.Container
	// showing suppresses the callbacks while show sets the controls.
	showing bool
}

func newFlowPanel(s *sourcesScreen) *flowPanel {
	p := &flowPanel{s: s}
	p.flow = widget.NewSelect([]string{flowAuto, flowImport, flowExport}, func(string) { p.apply() })
	p.country = widget.NewEntry()
	p.country.SetPlaceHolder("Declaring country (ISO code, e.g. TR)")
	p.country.OnSubmitted = func(string) { p.apply() }
	set := widget.NewButton("Set", p.apply)
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Importance = widget.LowImportance
	row := container.NewBorder(nil, nil, widget.NewLabel("Trade flow"), nil,
		container.NewGridWithColumns(2, p.flow, container.NewBorder(nil, nil, nil, set, p.country)))
	p.box = container.NewVBox(row, p.note)
	return p
}

// spec is the project's source for the selected sheet's file.
func (p *flowPanel) spec() (*pipeline.SourceSpec, *pipeline.SheetResult) {
	s := p.s
	if s.cur == nil || s.cur.sheet < 0 || s.res == nil || s.u.project == nil {
		return nil, nil
	}
	f := &s.res.Files[s.cur.file]
	for i := range s.u.project.Sources {
		if src := &s.u.project.Sources[i]; absPath(src.Path) == absPath(f.Path) {
			return src, &f.Sheets[s.cur.sheet]
		}
	}
	return nil, nil
}

// show sets the controls from the project (what the user chose) and says
// how the engine read the sheet.
func (p *flowPanel) show() {
	src, sh := p.spec()
	if src == nil {
		p.box.Hide()
		return
	}
	p.showing = true
	defer func() { p.showing = false }()
	switch src.Flow[sh.Sheet] {
	case reconcile.FlowImport:
		p.flow.SetSelected(flowImport)
	case reconcile.FlowExport:
		p.flow.SetSelected(flowExport)
	default:
		p.flow.SetSelected(flowAuto)
	}
	p.country.SetText(src.DeclaringCountry)
	p.enableCountry()
	p.note.SetText(flowNote(sh))
	p.box.Show()
}

func (p *flowPanel) enableCountry() {
	if p.flow.Selected == flowImport {
		p.country.Disable()
	} else {
		p.country.Enable()
	}
}

// flowNote says how the sheet was read: its flow and who stated it, and
// the declaring country of an export register.
func flowNote(sh *pipeline.SheetResult) string {
	switch {
	case sh.Flow == reconcile.FlowExport && sh.Country != "":
		return fmt.Sprintf("Read as export declarations of %s (%s): their dispatch country is %s.", sh.Country, sh.FlowWhy, sh.Country)
	case sh.Flow == reconcile.FlowExport:
		return fmt.Sprintf("Read as export declarations (%s); the declaring country is unknown, so their dispatch country stays unknown: enter it.", sh.FlowWhy)
	case sh.Flow == reconcile.FlowImport:
		return fmt.Sprintf("Read as import declarations (%s).", sh.FlowWhy)
	}
	return "Nothing in the file states its trade flow: read as import declarations. Choose Export for a register of export declarations."
}

// apply saves the chosen flow and country with the project and re-runs
// it. A country that is not a known code or name is refused, with a note.
func (p *flowPanel) apply() {
	if p.showing {
		return
	}
	p.enableCountry()
	src, sh := p.spec()
	if src == nil {
		return
	}
	flow := ""
	switch p.flow.Selected {
	case flowImport:
		flow = reconcile.FlowImport
	case flowExport:
		flow = reconcile.FlowExport
	}
	cc := ""
	if t := strings.TrimSpace(p.country.Text); t != "" && flow != reconcile.FlowImport {
		c, ok := values.Country(t)
		if !ok {
			p.note.SetText(fmt.Sprintf("“%s” is not a country code or name: enter an ISO code such as TR, CN or RU.", t))
			return
		}
		cc = c
	}
	if src.Flow[sh.Sheet] == flow && src.DeclaringCountry == cc {
		return
	}
	if flow == "" {
		delete(src.Flow, sh.Sheet)
	} else {
		if src.Flow == nil {
			src.Flow = map[string]string{}
		}
		src.Flow[sh.Sheet] = flow
	}
	src.DeclaringCountry = cc
	p.s.u.runProject()
}
