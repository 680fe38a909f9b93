package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
)

// sourceOrderPanel sits under the Sources screen's file list. It sets the
// preferred-source order (Params.SourcePreference: when sources disagree
// about a merged shipment, the higher one's values are used) and shows
// how every pair of sources overlaps, with the double-counting warnings.
type sourceOrderPanel struct {
	u       *UI
	box     fyne.CanvasObject
	list    *widget.List
	order   []string // file paths, most trusted first
	ranked  bool     // the user set the order (else the default rule)
	sel     int
	up      *widget.Button
	down    *widget.Button
	reset   *widget.Button
	hint    *widget.Label
	overlap *widget.Label
	warn    *widget.Label // possible double counting
	// overlapBox is the overlap of every pair of sources, for the
	// Sources screen's right side.
	overlapBox *fyne.Container
}

func newSourceOrderPanel(u *UI) *sourceOrderPanel {
	p := &sourceOrderPanel{u: u, sel: -1}
	p.list = widget.NewList(
		func() int { return len(p.order) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("file")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.order) {
				// Numbers only for an order the user set: unranked, the
				// rule decides per field, and "1." would claim a rank.
				text := "• " + filepath.Base(p.order[id])
				if p.ranked {
					text = fmt.Sprintf("%d. %s", id+1, filepath.Base(p.order[id]))
				}
				o.(*widget.Label).SetText(text)
			}
		})
	p.list.OnSelected = func(id widget.ListItemID) { p.sel = id; p.enable() }
	p.up = widget.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { p.move(-1) })
	p.down = widget.NewButtonWithIcon("Down", theme.MoveDownIcon(), func() { p.move(1) })
	p.reset = widget.NewButtonWithIcon("Default order", theme.ViewRefreshIcon(), p.onReset)
	title := widget.NewLabelWithStyle("Preferred source when sources disagree", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.hint = widget.NewLabel("")
	p.hint.Wrapping = fyne.TextWrapWord
	p.hint.Importance = widget.LowImportance
	p.overlap = widget.NewLabel("")
	p.overlap.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(title, container.NewHBox(p.up, p.down, p.reset))
	p.box = container.NewBorder(top, p.hint, nil, nil, p.list)
	// The overlap goes on the right, where a source's columns show once
	// one is selected: the left column is too narrow for its sentences.
	p.warn = widget.NewLabel("")
	p.warn.Wrapping = fyne.TextWrapWord
	p.warn.Importance = widget.DangerImportance
	p.overlapBox = container.NewVBox(widget.NewLabelWithStyle("Overlap between sources", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.warn, p.overlap)
	p.enable()
	return p
}

func (p *sourceOrderPanel) enable() {
	enable(p.up, p.sel > 0 && p.sel < len(p.order))
	enable(p.down, p.sel >= 0 && p.sel < len(p.order)-1)
	enable(p.reset, p.ranked)
}

// setResult shows the order the result was run with: the files the user
// ranked first, in that order, then the others in the order they were
// added.
func (p *sourceOrderPanel) setResult(res *pipeline.Result) {
	pref := res.Project.Params.SourcePreference
	p.ranked = len(pref) > 0
	var files []string
	for _, f := range res.Files {
		if f.Err == nil {
			files = append(files, f.Path)
		}
	}
	p.order = p.order[:0]
	taken := map[string]bool{}
	for _, want := range pref {
		for _, f := range files {
			if !taken[f] && (want == f || want == filepath.Base(f)) {
				p.order = append(p.order, f)
				taken[f] = true
			}
		}
	}
	for _, f := range files {
		if !taken[f] {
			p.order = append(p.order, f)
		}
	}
	if p.ranked {
		p.hint.SetText("Your order: the first listed source's values win. Sources you did not rank follow the default rule.")
	} else {
		p.hint.SetText("No order set: the default rule decides, field by field: shipment-level data over monthly aggregates, then sources with declaration numbers, USD as given over converted values, the richer row, then the file name. Move a source up or down to set your own order.")
	}
	p.overlap.SetText(overlapText(res))
	p.warn.SetText(strings.Join(reconcile.NotesWith(res.Warnings(), how), "\n"))
	p.list.UnselectAll()
	p.sel = -1
	p.list.Refresh()
	p.enable()
}

// overlapText is one line per pair of sources, then the warnings.
func overlapText(res *pipeline.Result) string {
	if len(res.Overlaps) == 0 {
		return "No two sources share firms, goods and period."
	}
	var lines []string
	quiet := 0
	for _, o := range res.Overlaps {
		// Pairs that share nothing would bury the few that do: with six
		// sheets, ten of fifteen lines said "0, 0, 0".
		if o.Merged == 0 && o.LookAlike == 0 && o.Dupes == 0 {
			quiet++
			continue
		}
		lines = append(lines, fmt.Sprintf("%s ~ %s: %d shipment(s) merged, %d row(s) look alike but not merged, %d possible duplicate(s).",
			res.SourceName(o.A), res.SourceName(o.B), o.Merged, o.LookAlike, o.Dupes))
	}
	if quiet > 0 {
		lines = append(lines, fmt.Sprintf("%d other pair(s) of sources share no shipment and no look-alike row.", quiet))
	}
	return strings.Join(lines, "\n")
}

// move moves the selected source by d places and applies the order.
func (p *sourceOrderPanel) move(d int) {
	i, j := p.sel, p.sel+d
	if p.u.project == nil || i < 0 || j < 0 || i >= len(p.order) || j >= len(p.order) {
		return
	}
	p.order[i], p.order[j] = p.order[j], p.order[i]
	p.u.project.Params.SourcePreference = append([]string(nil), p.order...)
	p.u.recluster("Applying your source order…")
}

func (p *sourceOrderPanel) onReset() {
	if p.u.project == nil {
		return
	}
	p.u.project.Params.SourcePreference = nil
	p.u.recluster("Going back to the default source order…")
}
