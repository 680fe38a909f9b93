package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
)

// dupColumns are the columns of the Possible duplicates table. Consignee
// and Why not merged are free text: they share the width the window
// leaves (fitTable), and Why not merged wraps onto more lines.
var dupColumns = []struct {
	title string
	fitColumn
}{{"Score", fitColumn{55, 0}}, {"Shipment A", fitColumn{110, 0}}, {"Shipment B", fitColumn{110, 0}},
	{"Date A", fitColumn{100, 0}}, {"Date B", fitColumn{100, 0}}, {"Consignee", fitColumn{220, 140}},
	{"HS-6", fitColumn{70, 0}}, {"Tonnes A", fitColumn{85, 0}}, {"Tonnes B", fitColumn{85, 0}},
	{"Why not merged", fitColumn{420, 260}}}

// dupWhyCol is the index of the Why not merged column.
const dupWhyCol = 9

// dupesScreen lists pairs of shipments that were not merged but look
// alike, and lets the user merge a pair or keep it apart. The decisions
// are the engine's (pipeline.PairDecision); this screen only shows them.
type dupesScreen struct {
	u       *UI
	content fyne.CanvasObject

	res   *pipeline.Result
	pairs []merge.DupPair
	sel   int // selected pair, -1 none

	count  *widget.Label
	table  *widget.Table
	fit    *fitTable
	detail *widget.Label
	merge  *widget.Button
	apart  *widget.Button
	undo   *widget.Button
}

func newDupesScreen(u *UI) *dupesScreen {
	s := &dupesScreen{u: u, sel: -1}
	s.buildUI()
	return s
}

func (s *dupesScreen) buildUI() {
	s.count = widget.NewLabel("No shipments yet.")
	s.count.Wrapping = fyne.TextWrapWord
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.pairs), len(dupColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("template text")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(dupColumns) {
			o.(*widget.Label).SetText(dupColumns[id.Col].title)
		}
	}
	fit := &fitTable{t: s.table, onWidths: s.fitRows}
	for i, c := range dupColumns {
		s.table.SetColumnWidth(i, c.width)
		fit.cols = append(fit.cols, c.fitColumn)
	}
	s.fit = fit
	s.table.OnSelected = func(id widget.TableCellID) { s.selectPair(id.Row) }

	s.merge = widget.NewButtonWithIcon("Merge: one shipment", theme.ContentAddIcon(), s.onMerge)
	s.apart = widget.NewButtonWithIcon("Keep apart: two shipments", theme.CancelIcon(), s.onApart)
	s.undo = widget.NewButtonWithIcon("Undo (Ctrl+Z)", theme.ContentUndoIcon(), s.u.undo)
	s.merge.Importance = widget.HighImportance
	s.detail = widget.NewLabel("Select a pair to see its source rows and why the rules left it apart.")
	s.detail.Wrapping = fyne.TextWrapWord
	actions := container.NewHBox(s.merge, s.apart, s.undo)
	bottom := container.NewBorder(actions, nil, nil, nil, container.NewVScroll(s.detail))
	split := container.NewVSplit(container.New(fit, s.table), bottom)
	split.Offset = 0.62
	s.content = container.NewBorder(s.count, nil, nil, nil, split)
	s.enable()
}

func (s *dupesScreen) enable() {
	if s.sel >= 0 && s.sel < len(s.pairs) {
		s.merge.Enable()
		s.apart.Enable()
	} else {
		s.merge.Disable()
		s.apart.Disable()
	}
}

func (s *dupesScreen) setResult(res *pipeline.Result) {
	s.res = res
	s.pairs = nil
	if res.Dupes != nil {
		s.pairs = res.Dupes.Pairs
	}
	s.sel = -1
	s.table.UnselectAll()
	s.fitRows()
	s.table.Refresh()
	s.count.SetText(dupesSummary(res))
	s.detail.SetText("Select a pair to see its source rows and why the rules left it apart.")
	s.enable()
}

// dupesSummary is the line above the table.
func dupesSummary(res *pipeline.Result) string {
	d := res.Dupes
	if d == nil {
		return "No shipments yet."
	}
	s := fmt.Sprintf("%d possible duplicate(s): pairs of counted shipments that were not merged but share the consignee entity and HS-6, with dates within %d days and weights within %g%%. None is merged unless you decide so.",
		len(d.Pairs)+d.More, d.WindowDays, d.WeightPct)
	if d.More > 0 {
		s += fmt.Sprintf(" The best %d are listed.", len(d.Pairs))
	}
	if d.KeptApart > 0 {
		s += fmt.Sprintf(" %d pair(s) kept apart by you are not listed.", d.KeptApart)
	}
	return s
}

// whyText is a pair's Why not merged cell.
func whyText(p merge.DupPair) string { return strings.Join(p.NotMerged, "; ") }

// fitRows makes each row tall enough for its Why not merged text wrapped
// at the column's width.
func (s *dupesScreen) fitRows() {
	if s.fit == nil || len(s.fit.widths) <= dupWhyCol {
		return
	}
	w := s.fit.widths[dupWhyCol]
	for r, p := range s.pairs {
		s.table.SetRowHeight(r, wrappedHeight(wrappedLines(whyText(p), w)))
	}
}

func (s *dupesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	// Cells are reused across columns: only Why not merged wraps.
	if id.Col == dupWhyCol {
		l.Truncation, l.Wrapping = fyne.TextTruncateOff, fyne.TextWrapWord
	} else {
		l.Truncation, l.Wrapping = fyne.TextTruncateEllipsis, fyne.TextWrapOff
	}
	if id.Row >= len(s.pairs) || s.res == nil {
		l.SetText("")
		return
	}
	p := s.pairs[id.Row]
	A, B := &s.res.Merge.Shipments[p.A], &s.res.Merge.Shipments[p.B]
	var t string
	switch id.Col {
	case 0:
		t = strconv.FormatFloat(p.Score, 'f', 2, 64)
	case 1:
		t = A.ID
	case 2:
		t = B.ID
	case 3:
		t = A.Date.String()
	case 4:
		t = B.Date.String()
	case 5:
		t = A.ConsigneeName
		if A.Consignee != B.Consignee { // one firm in two scripts?
			t += " / " + B.ConsigneeName
		}
	case 6:
		t = A.HSCode[:min(6, len(A.HSCode))]
	case 7:
		t = numText(A.Tonnes.Value, A.Tonnes.Valid, 3)
	case 8:
		t = numText(B.Tonnes.Value, B.Tonnes.Valid, 3)
	case dupWhyCol:
		t = whyText(p)
	}
	l.SetText(t)
}

func (s *dupesScreen) selectPair(row int) {
	if row < 0 || row >= len(s.pairs) {
		s.sel = -1
		s.enable()
		return
	}
	s.sel = row
	p := s.pairs[row]
	recs := s.res.Records
	side := func(sh *merge.Shipment) string {
		var rows []string
		for _, x := range sh.Rows {
			rows = append(rows, merge.RowKey(recs[x].Source))
		}
		return fmt.Sprintf("%s  %s  %s  %s t  %s\n    rows: %s", sh.ID, sh.Date, sh.ConsigneeName,
			numText(sh.Tonnes.Value, sh.Tonnes.Valid, 3), sh.Status(), strings.Join(rows, "; "))
	}
	s.detail.SetText(fmt.Sprintf("A: %s\nB: %s\nAlike: %s.\nNot merged because: %s.",
		side(&s.res.Merge.Shipments[p.A]), side(&s.res.Merge.Shipments[p.B]),
		strings.Join(p.Agree, "; "), strings.Join(p.NotMerged, "; ")))
	s.enable()
}

func (s *dupesScreen) decide(op string) {
	if s.sel < 0 || s.sel >= len(s.pairs) || s.res == nil {
		return
	}
	p := s.pairs[s.sel]
	a, b := s.res.Merge.Shipments[p.A].ID, s.res.Merge.Shipments[p.B].ID
	why := "Merging " + a + " and " + b + "…"
	if op == merge.OpApart {
		why = "Keeping " + a + " and " + b + " apart…"
	}
	s.u.decideShipments([]merge.Decision{s.res.PairDecision(op, p, "")}, why)
}

func (s *dupesScreen) onMerge() { s.decide(merge.OpMerge) }
func (s *dupesScreen) onApart() { s.decide(merge.OpApart) }
