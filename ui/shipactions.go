package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/merge"
)

// shipActions are the Shipments screen's decisions about the selected
// shipment: split it into its source rows, exclude it from the totals
// with a reason, or count it again. The decisions name source rows
// (pipeline.SplitDecisions, ExcludeDecision); Ctrl+Z takes one back.
type shipActions struct {
	s       *shipmentsScreen
	box     *fyne.Container
	split   *widget.Button
	exclude *widget.Button
	include *widget.Button
}

func newShipActions(s *shipmentsScreen) *shipActions {
	a := &shipActions{s: s}
	a.split = widget.NewButtonWithIcon("Split into its rows", theme.ContentCutIcon(), a.onSplit)
	a.exclude = widget.NewButtonWithIcon("Exclude…", theme.ContentRemoveIcon(), a.onExclude)
	a.include = widget.NewButtonWithIcon("Count again", theme.ContentAddIcon(), a.onInclude)
	undo := widget.NewButtonWithIcon("Undo (Ctrl+Z)", theme.ContentUndoIcon(), s.u.undo)
	a.box = container.NewHBox(a.split, a.exclude, a.include, undo)
	a.update()
	return a
}

// selected is the selected shipment, nil when none.
func (a *shipActions) selected() *merge.Shipment {
	s := a.s
	if s.res == nil || s.sel < 0 || int(s.sel) >= len(s.ships) {
		return nil
	}
	return &s.ships[s.sel]
}

// update enables what applies to the selected shipment.
func (a *shipActions) update() {
	sh := a.selected()
	enable(a.split, sh != nil && len(sh.Rows) > 1)
	enable(a.exclude, sh != nil && !sh.Excluded)
	enable(a.include, sh != nil && sh.Excluded)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (a *shipActions) onSplit() {
	sh := a.selected()
	if sh == nil {
		return
	}
	a.s.u.decideShipments(a.s.res.SplitDecisions(int(a.s.sel), ""), "Splitting "+sh.ID+" into its rows…")
}

func (a *shipActions) onExclude() {
	sh := a.selected()
	if sh == nil {
		return
	}
	sel := int(a.s.sel)
	reason := widget.NewEntry()
	reason.SetPlaceHolder("e.g. re-export, not an import")
	dialog.ShowForm("Exclude "+sh.ID+" from the totals", "Exclude", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Reason", reason)}, func(ok bool) {
			if !ok {
				return
			}
			d := a.s.res.ExcludeDecision(merge.OpExclude, sel, strings.TrimSpace(reason.Text))
			a.s.u.decideShipments([]merge.Decision{d}, "Excluding "+sh.ID+"…")
		}, a.s.u.win)
}

func (a *shipActions) onInclude() {
	sh := a.selected()
	if sh == nil {
		return
	}
	d := a.s.res.ExcludeDecision(merge.OpInclude, int(a.s.sel), "")
	a.s.u.decideShipments([]merge.Decision{d}, "Counting "+sh.ID+" again…")
}
