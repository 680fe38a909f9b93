package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/pipeline"
)

// startScreen is the welcome view: ways to load sources and the recent
// projects.
type startScreen struct {
	u       *UI
	content fyne.CanvasObject

	openFiles, openFolder, samples, openExported *widget.Button
	recentList                                   *widget.List
	recent                                       []recentProject
	noRecent                                     *widget.Label
	loaded                                       *widget.Label
}

func newStartScreen(u *UI) *startScreen {
	s := &startScreen{u: u}
	s.buildUI()
	s.refreshRecent()
	return s
}

func (s *startScreen) buildUI() {
	title := widget.NewRichTextFromMarkdown("# Tradecheck\n\nCheck claims built on customs data: load exports, match company names across spellings and scripts, reconcile shipments, total them and export an audit workbook where every figure traces to its source row.")
	title.Wrapping = fyne.TextWrapWord

	s.openFiles = widget.NewButtonWithIcon("Open files…", theme.FileIcon(), s.u.onOpenFiles)
	s.openFiles.Importance = widget.HighImportance
	s.openFolder = widget.NewButtonWithIcon("Open folder…", theme.FolderOpenIcon(), s.u.onOpenFolder)
	s.samples = widget.NewButtonWithIcon("Try the sample data", theme.MediaPlayIcon(), s.u.onSamples)
	s.openExported = widget.NewButtonWithIcon("Open exported workbook…", theme.DocumentIcon(), s.u.onOpenExported)
	hint := widget.NewLabel("You can also drop files or folders here. Open files… offers the folder’s other files too.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance

	s.loaded = widget.NewLabel("")
	s.loaded.Wrapping = fyne.TextWrapWord

	s.recentList = widget.NewList(
		func() int { return len(s.recent) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("project")
			title.Truncation = fyne.TextTruncateEllipsis
			when := widget.NewLabel("2006-01-02 15:04")
			when.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), when, title)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(s.recent) {
				return
			}
			r := s.recent[id]
			b := o.(*fyne.Container)
			b.Objects[0].(*widget.Label).SetText(r.Title)
			b.Objects[2].(*widget.Label).SetText(r.Saved.Local().Format("2006-01-02 15:04"))
		})
	s.recentList.OnSelected = s.onRecentSelected
	s.noRecent = widget.NewLabel("No recent projects yet.")
	s.noRecent.Importance = widget.LowImportance

	buttons := container.NewGridWithColumns(2, s.openFiles, s.openFolder, s.samples, s.openExported)
	left := container.NewVBox(title, buttons, hint, s.loaded)
	recentHead := widget.NewLabelWithStyle("Recent projects", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewBorder(container.NewVBox(recentHead, s.noRecent), nil, nil, nil, s.recentList)
	split := container.NewHSplit(container.NewPadded(left), container.NewPadded(right))
	split.Offset = 0.55
	s.content = split
}

// refreshRecent reloads the recent-projects list from the store.
func (s *startScreen) refreshRecent() {
	list, err := s.u.store.recent()
	if err != nil {
		list = nil
	}
	s.recent = list
	if len(list) == 0 {
		s.noRecent.Show()
	} else {
		s.noRecent.Hide()
	}
	s.recentList.UnselectAll()
	s.recentList.Refresh()
}

func (s *startScreen) onRecentSelected(id widget.ListItemID) {
	if id >= len(s.recent) {
		return
	}
	r := s.recent[id]
	s.recentList.UnselectAll()
	if err := s.u.OpenRecent(r.ID); err != nil {
		showError("Could not open the project", err, s.u.win)
	}
}

func (s *startScreen) setResult(res *pipeline.Result) {
	s.loaded.SetText(fmt.Sprintf("Loaded: %s. Go to Entities to review company names, Shipments to see rows, Totals for figures.", summary(res)))
}
