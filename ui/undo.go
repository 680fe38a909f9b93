package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// undoStep is the project's decisions as they were before one decision
// (or one batch of them). The decisions themselves live in the engine;
// undoing only restores the lists and re-applies them.
type undoStep struct {
	what  string
	names []match.Decision
	ships []merge.Decision
}

// maxUndo bounds the stack: each step copies the decision lists.
const maxUndo = 100

// pushUndo records the decisions before a change described by why.
func (u *UI) pushUndo(why string) {
	if u.project == nil {
		return
	}
	u.undoSteps = append(u.undoSteps, undoStep{
		what:  strings.TrimSuffix(strings.TrimSpace(why), "…"),
		names: append([]match.Decision(nil), u.project.Decisions...),
		ships: append([]merge.Decision(nil), u.project.ShipmentDecisions...),
	})
	if len(u.undoSteps) > maxUndo {
		u.undoSteps = append(u.undoSteps[:0:0], u.undoSteps[len(u.undoSteps)-maxUndo:]...)
	}
}

// undo takes back the last entity or shipment decision (Ctrl+Z).
func (u *UI) undo() {
	if u.project == nil || len(u.undoSteps) == 0 {
		u.setStatus("Nothing to undo.")
		return
	}
	st := u.undoSteps[len(u.undoSteps)-1]
	u.undoSteps = u.undoSteps[:len(u.undoSteps)-1]
	u.project.Decisions, u.project.ShipmentDecisions = st.names, st.ships
	u.undoNote = "Undone: " + st.what + "."
	u.recluster("Undoing: " + st.what + "…")
}

// onUndoKey is Ctrl+Z. The menu sees the shortcut before the focused
// widget, so a text field being edited gets its own undo back.
func (u *UI) onUndoKey() {
	type textField interface {
		fyne.Shortcutable
		SelectedText() string
	}
	if e, ok := u.win.Canvas().Focused().(textField); ok {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.undo()
}

// decideShipments records shipment decisions and reclusters once.
func (u *UI) decideShipments(ds []merge.Decision, why string) {
	if u.project == nil || len(ds) == 0 {
		return
	}
	u.pushUndo(why)
	u.project.ShipmentDecisions = append(u.project.ShipmentDecisions, ds...)
	u.recluster(why)
}
