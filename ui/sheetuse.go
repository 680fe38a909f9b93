package ui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// Labels of the Sources screen's button that leaves a sheet out or takes
// it back: the CLI's --skip-sheet and --include-sheet.
const (
	leaveOutLabel = "Leave this sheet out"
	includeLabel  = "Include this sheet"
)

// newUseButton is the button of the sheet bar that leaves the selected
// sheet out of every total or includes it again.
func (st *sheetSettings) newUseButton() *widget.Button {
	st.use = widget.NewButton(leaveOutLabel, st.onUse)
	return st.use
}

// showUse labels the button for sheet sh: a sheet left out (by the user,
// or as a summary sheet) can be included, any other sheet with a table
// left out. A sheet without a table has nothing to include.
func (st *sheetSettings) showUse(sh *pipeline.SheetResult) {
	switch {
	case sh.NoTable:
		st.use.Hide()
	case sh.LeftOut != "":
		st.use.SetText(includeLabel)
		st.use.Show()
	default:
		st.use.SetText(leaveOutLabel)
		st.use.Show()
	}
}

// onUse records the user's word on the selected sheet as a sheet
// override (saved with the project and the audit workbook like a column
// mapping) and re-reads. Including sets read.SheetInclude, which also
// overrules the summary-sheet reading.
func (st *sheetSettings) onUse() {
	s := st.s
	if s.cur == nil || s.cur.sheet < 0 || s.res == nil {
		return
	}
	sh := &s.res.Files[s.cur.file].Sheets[s.cur.sheet]
	use := read.SheetLeaveOut
	if sh.LeftOut != "" {
		use = read.SheetInclude
	}
	st.edit(func(m pipeline.ColumnOverride) bool { return m.SheetUse != "" }, &pipeline.ColumnOverride{SheetUse: use})
}

// leftOutLine is the Sources list's line for a sheet left out.
func leftOutLine(sh *pipeline.SheetResult) string {
	if sh.Summary {
		return fmt.Sprintf("summary sheet, left out (%d rows); Include it if they are shipments", sh.LeftOutRows())
	}
	return fmt.Sprintf("left out by you (%d rows)", sh.LeftOutRows())
}

// fileErr is why file f gave no rows: its own error, or, when every
// sheet was left out for want of a table or of a mapping, the first such
// sheet's error. A file whose sheets the user left out gave no rows on
// purpose and has none.
func fileErr(f pipeline.FileResult) error {
	if f.Err != nil {
		return f.Err
	}
	var first error
	for _, sh := range f.Sheets {
		switch {
		case sh.Sheet == claims.SheetName:
			// claims, not shipments: imported on the Claims screen
		case sh.Rows > 0 || (sh.LeftOut != "" && !sh.Summary):
			return nil
		case first == nil && sh.Err != nil && (sh.NoTable || sh.NeedsMapping):
			first = sh.Err
		}
	}
	return first
}
