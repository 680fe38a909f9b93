package ui

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
)

// sourceItem is one line of the sources list: a sheet, or a file that
// could not be read.
type sourceItem struct {
	file  int
	sheet int // -1 for a file-level error
}

// notUsed is the field selector's label for an unmapped column.
const notUsed = "(not used)"

// sourcesScreen lists the loaded files and sheets and edits the column
// mapping of the selected one.
type sourcesScreen struct {
	u       *UI
	content fyne.CanvasObject

	res   *pipeline.Result
	items []sourceItem
	cur   *sourceItem

	list    *widget.List
	order   *sourceOrderPanel
	remove  *widget.Button
	summary *widget.Label
	// why explains the mapping of the column last clicked in the grid.
	why     *widget.Label
	reasons []reconcile.Note
	grid    *widget.Table
	preview [][]string // first rows of the selected sheet, as written
	mapping []reconcile.Field
	headers []string
	empty   *widget.Label
	// overview holds the hint and the overlap of every pair of sources;
	// it gives way to the panel of a selected source (both in one stack).
	overview fyne.CanvasObject
	panel    *fyne.Container
	lists    *widget.Label // the sanctions lists screened against
	// rowNums are the Excel row numbers of the preview rows.
	rowNums   []int
	headerRow int
	// previewing is the preview being read; selecting another sheet
	// stops it (a large CSV can take a while to reach row 30).
	previewing latest
	settings   *sheetSettings // fixed values and date order (sourcesettings.go)
	// flow sets the selected sheet's trade flow and declaring country.
	flow *flowPanel
}

func newSourcesScreen(u *UI) *sourcesScreen {
	s := &sourcesScreen{u: u}
	s.buildUI()
	return s
}

func (s *sourcesScreen) buildUI() {
	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.FileIcon())
			name := widget.NewLabelWithStyle("file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			info := widget.NewLabel("info")
			info.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, icon, nil, container.NewVBox(name, info))
		},
		s.updateItem)
	s.list.OnSelected = s.onSelected
	add := widget.NewButtonWithIcon("Add files…", theme.ContentAddIcon(), s.u.onOpenFiles)
	addDir := widget.NewButtonWithIcon("Add folder…", theme.FolderOpenIcon(), s.u.onOpenFolder)
	s.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), s.onRemove)
	s.remove.Disable()
	s.lists = widget.NewLabel(listsText(nil))
	s.lists.Wrapping = fyne.TextWrapWord
	// The lists' text goes on the right with the overlap: under the
	// source list it squeezed the list to one visible source.
	left := container.NewBorder(nil, container.NewHBox(add, addDir, s.remove), nil, nil, s.list)

	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.grid = widget.NewTableWithHeaders(
		func() (int, int) {
			if len(s.headers) == 0 {
				return 0, 0
			}
			return len(s.preview) + 1, len(s.headers) + 1
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("cell text")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		s.updateCell)
	// Column 0 is the Excel row number; column i+1 is source column i.
	// The header row holds only the field selectors and grid row 0 the
	// headers as written: a taller header would make every row as tall.
	s.grid.ShowHeaderColumn = false
	s.grid.CreateHeader = func() fyne.CanvasObject {
		sel := widget.NewSelect(fieldOptions(), nil)
		row := widget.NewLabelWithStyle("Row", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewStack(row, sel)
	}
	s.grid.UpdateHeader = s.updateHeader
	s.why = widget.NewLabel(whyHint)
	s.why.Wrapping = fyne.TextWrapWord
	s.grid.OnSelected = s.onCellSelected
	s.empty = widget.NewLabel("Select a source to see how its columns were read and change the mapping.")
	s.empty.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel("Each column's field is chosen above it; the first row is the header as written. A change re-reads the source and is saved with the project.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	s.settings = newSheetSettings(s)
	s.flow = newFlowPanel(s)
	s.panel = container.NewBorder(container.NewVBox(s.summary, s.settings.box, s.flow.box, help, s.why), nil, nil, nil, s.grid)
	s.panel.Hide()
	s.order = newSourceOrderPanel(s.u)
	s.overview = container.NewPadded(container.NewVScroll(container.NewVBox(s.empty, s.lists, s.order.overlapBox)))
	right := container.NewStack(s.overview, s.panel)
	leftSplit := container.NewVSplit(left, s.order.box)
	leftSplit.Offset = 0.45
	split := container.NewHSplit(leftSplit, right)
	split.Offset = 0.3
	s.content = split
}

func fieldOptions() []string {
	opts := []string{notUsed}
	for _, f := range reconcile.Fields {
		opts = append(opts, string(f))
	}
	return opts
}

func (s *sourcesScreen) setResult(res *pipeline.Result) {
	s.res = res
	s.lists.SetText(listsText(res))
	s.order.setResult(res)
	s.items = s.items[:0]
	for fi, f := range res.Files {
		if f.Err != nil || len(f.Sheets) == 0 {
			s.items = append(s.items, sourceItem{file: fi, sheet: -1})
		}
		for si := range f.Sheets {
			s.items = append(s.items, sourceItem{file: fi, sheet: si})
		}
	}
	s.list.Refresh()
	// Keep the selected sheet selected across runs, and show it from the
	// new result: selecting the row that is already selected fires no
	// OnSelected, and the panel kept the previous run's mapping (a column
	// set to "not used" still showed its old field).
	if s.cur != nil {
		for i, it := range s.items {
			if it == *s.cur {
				s.list.Select(i)
				s.showSheet()
				return
			}
		}
	}
	s.cur = nil
	s.showSheet()
}

func (s *sourcesScreen) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.items) {
		return
	}
	it := s.items[id]
	f := &s.res.Files[it.file]
	c := o.(*fyne.Container)
	box := c.Objects[0].(*fyne.Container)
	icon := c.Objects[1].(*widget.Icon)
	name := box.Objects[0].(*widget.Label)
	info := box.Objects[1].(*widget.Label)
	base := filepath.Base(f.Path)
	if it.sheet < 0 {
		icon.SetResource(theme.ErrorIcon())
		name.SetText(base)
		if f.Err != nil {
			info.SetText(humanMessage(f.Err))
		} else {
			info.SetText("no sheets")
		}
		info.Importance = widget.DangerImportance
		info.Refresh()
		return
	}
	sh := &f.Sheets[it.sheet]
	icon.SetResource(theme.FileIcon())
	name.SetText(base)
	info.Importance = widget.MediumImportance
	if sh.NoTable || sh.NeedsMapping || sh.TotalsBad > 0 || sh.LeftOut != "" {
		info.Importance = widget.WarningImportance
	}
	line := sheetLine(sh)
	if sh.Sheet != "" {
		line = sh.Sheet + ": " + line
	}
	info.SetText(line)
}

// sheetLine is the one-line summary of a sheet in the list.
func sheetLine(sh *pipeline.SheetResult) string {
	switch {
	case sh.NotData:
		return "not a data sheet, left out"
	case sh.NoTable:
		return "no table found"
	case sh.NeedsMapping:
		return "needs mapping: map its party or date columns; not counted until then"
	case sh.LeftOut != "":
		return leftOutLine(sh)
	}
	skipped := 0
	for _, n := range sh.Skipped {
		skipped += n
	}
	s := fmt.Sprintf("%d rows, %d skipped", sh.Rows, skipped)
	if len(sh.Warnings) > 0 {
		s += fmt.Sprintf(", %d warnings", len(sh.Warnings))
	}
	if sh.Granularity == reconcile.GranularityMonthly {
		s += ", monthly"
	}
	return s
}

func (s *sourcesScreen) onSelected(id widget.ListItemID) {
	if id >= len(s.items) {
		return
	}
	it := s.items[id]
	s.cur = &it
	s.remove.Enable()
	s.showSheet()
}

// showSheet fills the right side for the selected sheet.
func (s *sourcesScreen) showSheet() {
	s.preview, s.rowNums, s.headers, s.mapping, s.reasons = nil, nil, nil, nil, nil
	s.why.SetText(whyHint)
	if s.cur == nil || s.res == nil {
		s.panel.Hide()
		s.overview.Show()
		s.remove.Disable()
		s.grid.Refresh()
		return
	}
	s.overview.Hide()
	s.panel.Show()
	f := &s.res.Files[s.cur.file]
	if s.cur.sheet < 0 {
		s.flow.box.Hide()
		if f.Err != nil {
			s.summary.SetText(fmt.Sprintf("%s\n\n%s", f.Path, humanMessage(f.Err)))
		}
		s.grid.Refresh()
		return
	}
	sh := &f.Sheets[s.cur.sheet]
	s.headers = sh.Headers()
	s.mapping = sh.Mapping()
	s.reasons = sh.Reasons()
	s.headerRow = sh.HeaderRow
	s.summary.SetText(sheetSummary(f, sh) + settingsLines(sh))
	s.settings.show(f.Path, sh.Sheet)
	s.settings.showUse(sh)
	s.flow.show()
	s.grid.SetColumnWidth(0, 60)
	for i := range s.headers {
		s.grid.SetColumnWidth(i+1, 150)
	}
	s.grid.Refresh()
	s.loadPreview(f.Path, sh)
}

// loadPreview reads the first rows of the sheet in the background.
func (s *sourcesScreen) loadPreview(path string, sh *pipeline.SheetResult) {
	cur := *s.cur
	pw := s.u.passwords[absPath(path)]
	ctx := s.previewing.start(s.u.ctx)
	s.u.goBG(func() {
		nums, rows, err := previewRows(ctx, path, sh, pw, 30)
		s.u.main(func() {
			if s.cur == nil || *s.cur != cur || ctx.Err() != nil {
				return
			}
			if err != nil {
				s.summary.SetText(s.summary.Text + "\nPreview unavailable: " + humanMessage(err))
			}
			s.preview, s.rowNums = rows, nums
			s.grid.Refresh()
		}, false)
	})
}

// sheetSummary explains how a sheet was read: where its header is, how
// many rows became records, and why the others did not.
func sheetSummary(f *pipeline.FileResult, sh *pipeline.SheetResult) string {
	var b strings.Builder
	b.WriteString(f.Path)
	if sh.Sheet != "" {
		fmt.Fprintf(&b, " — sheet %q", sh.Sheet)
	}
	if sh.NoTable {
		if sh.Status != "" {
			b.WriteString("\nLeft out: " + sh.Status)
		} else {
			b.WriteString("\nNo table found on this sheet.")
		}
		return b.String()
	}
	if sh.NeedsMapping {
		b.WriteString("\nNot counted: " + sh.Status)
	}
	if sh.LeftOut != "" {
		fmt.Fprintf(&b, "\nLeft out, %d rows not counted: %s", sh.LeftOutRows(), sh.LeftOut)
	}
	for _, c := range sh.Checks {
		b.WriteString("\nCheck: " + c)
	}
	fmt.Fprintf(&b, "\nHeader on row %d · %d rows read · granularity %s", sh.HeaderRow, sh.Rows, sh.Granularity)
	b.WriteString("\n" + detectedLine(sh))
	if sh.DateFrom.Known() {
		fmt.Fprintf(&b, " · dates %s to %s", sh.DateFrom, sh.DateTo)
	}
	if len(sh.Skipped) > 0 {
		var parts []string
		for r, n := range sh.Skipped {
			parts = append(parts, fmt.Sprintf("%d %s", n, r))
		}
		sort.Strings(parts)
		b.WriteString("\nSkipped: " + strings.Join(parts, ", "))
		var rows []string
		for _, sk := range sh.Skips {
			if sk.Reason == reconcile.SkipBanner {
				continue // rows above the header are not data
			}
			if len(rows) == 8 {
				rows = append(rows, "…")
				break
			}
			rows = append(rows, fmt.Sprintf("row %d (%s)", sk.Row, sk.Reason))
		}
		if len(rows) > 0 {
			b.WriteString(" — " + strings.Join(rows, ", "))
		}
	}
	for _, w := range sh.Warnings {
		b.WriteString("\nWarning: " + withControls(w))
	}
	return b.String()
}

// whyHint invites a click on a column to see why it was mapped.
const whyHint = "Click a column to see why it was mapped."

// detectedLine says how the file was read: its format and encoding, and
// the weight units and currencies found in its headers or columns.
func detectedLine(sh *pipeline.SheetResult) string {
	none := func(s []string) string {
		if len(s) == 0 {
			return "none found"
		}
		return strings.Join(s, ", ")
	}
	line := "Read as " + sh.Format
	if sh.Encoding != "" {
		line += ", encoding " + sh.Encoding
	}
	units, currencies := sh.Units()
	return line + " · units: " + none(units) + " · currencies: " + none(currencies)
}

// onCellSelected shows why the clicked column was mapped as it is.
func (s *sourcesScreen) onCellSelected(id widget.TableCellID) {
	col := id.Col - 1
	if col < 0 || col >= len(s.headers) {
		s.why.SetText(whyHint)
		return
	}
	field := notUsed
	if col < len(s.mapping) && s.mapping[col] != reconcile.FieldNone {
		field = string(s.mapping[col])
	}
	reason := "no reason recorded"
	if col < len(s.reasons) && s.reasons[col].Text != "" {
		reason = withControls(s.reasons[col])
	}
	s.why.SetText(fmt.Sprintf("Column %s %q → %s: %s", reconcile.ColumnName(col+1), s.headers[col], field, reason))
}

func (s *sourcesScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	rowLbl := st.Objects[0].(*widget.Label)
	sel := st.Objects[1].(*widget.Select)
	if id.Col <= 0 { // the row-number column
		sel.Hide()
		rowLbl.Show()
		return
	}
	rowLbl.Hide()
	sel.Show()
	col := id.Col - 1
	if col >= len(s.headers) {
		return
	}
	cur := notUsed
	if col < len(s.mapping) && s.mapping[col] != reconcile.FieldNone {
		cur = string(s.mapping[col])
	}
	sel.OnChanged = nil
	sel.SetSelected(cur)
	sel.OnChanged = func(v string) { s.onFieldChanged(col, v) }
}

func (s *sourcesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	italic := id.Row == 0
	if l.TextStyle.Italic != italic {
		l.TextStyle.Italic = italic
		l.Refresh()
	}
	r := id.Row - 1
	switch {
	case id.Row == 0 && id.Col == 0:
		l.SetText(fmt.Sprint(s.headerRow))
	case id.Row == 0 && id.Col-1 < len(s.headers):
		l.SetText(s.headers[id.Col-1])
	case r < 0 || r >= len(s.preview):
		l.SetText("")
	case id.Col == 0:
		l.SetText(fmt.Sprint(s.rowNums[r]))
	case id.Col-1 < len(s.preview[r]):
		l.SetText(s.preview[r][id.Col-1])
	default:
		l.SetText("")
	}
}

// onFieldChanged records the user's mapping for one column and re-reads.
func (s *sourcesScreen) onFieldChanged(col int, v string) {
	if s.cur == nil || s.cur.sheet < 0 || s.u.project == nil {
		return
	}
	f := &s.res.Files[s.cur.file]
	sh := &f.Sheets[s.cur.sheet]
	field := reconcile.Field(v)
	if v == notUsed {
		field = reconcile.FieldNone
	}
	if col < len(sh.Columns) && sh.Columns[col].Field == field {
		return
	}
	for i := range s.u.project.Sources {
		src := &s.u.project.Sources[i]
		if absPath(src.Path) != absPath(f.Path) {
			continue
		}
		ov := pipeline.ColumnOverride{Sheet: sh.Sheet, Column: col}
		ov.Field, ov.Ignore = field, field == reconcile.FieldNone
		if col < len(sh.Columns) {
			ov.Header = sh.Columns[col].Header
		}
		kept := src.Mapping[:0]
		for _, m := range src.Mapping {
			if !(m.Sheet == sh.Sheet && m.Column == col) {
				kept = append(kept, m)
			}
		}
		src.Mapping = append(kept, ov)
	}
	if err := s.u.layouts.remember(sh.Headers(), col, field); err != nil {
		showError("Mapping not saved", err, s.u.win)
	}
	s.u.runProject()
}

// onRemove drops the selected file from the project.
func (s *sourcesScreen) onRemove() {
	if s.cur == nil || s.u.project == nil {
		return
	}
	path := absPath(s.res.Files[s.cur.file].Path)
	kept := s.u.project.Sources[:0]
	for _, src := range s.u.project.Sources {
		if absPath(src.Path) != path {
			kept = append(kept, src)
		}
	}
	s.u.project.Sources = kept
	s.cur = nil
	s.list.UnselectAll()
	s.u.runProject()
}
