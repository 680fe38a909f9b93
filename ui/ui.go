package ui

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// Options configure the UI. The zero value is fine for the real app.
type Options struct {
	// ConfigDir is where projects are autosaved and the recent list is
	// kept. Empty means the app's storage root, or
	// os.UserConfigDir()/tradecheck when the app has none.
	ConfigDir string
	// SampleDir is where the bundled samples are unpacked. Empty means
	// ConfigDir/samples.
	SampleDir string
	// Samples is the bundled sample data (samples.FS in the real app);
	// nil disables "Try the sample data".
	Samples fs.FS
	// MappingPath is the file of saved column mappings, shared with the
	// CLI. Empty means read.DefaultMappingPath(), or ConfigDir/mappings.json
	// when ConfigDir is given (tests) or there is no user config folder.
	MappingPath string
}

// UI is Tradecheck's main window: a shell of tabs, one per screen, over the
// current project and its latest result.
type UI struct {
	app     fyne.App
	win     fyne.Window
	opt     Options
	store   *projectStore
	layouts *layoutStore
	jobs    *jobBar
	// main delivers work to the UI goroutine (fyne.Do in the app).
	main toMain
	// ctx is cancelled when the window closes: every background job
	// derives its context from it, so none outlives the window.
	ctx     context.Context
	closeBG context.CancelFunc
	// bg counts background goroutines other than jobs (filtering,
	// indexing, previews), so tests can wait for them.
	bg atomic.Int32

	tabs   *container.AppTabs
	status *widget.Label

	start     *startScreen
	sources   *sourcesScreen
	entities  *entitiesScreen
	shipments *shipmentsScreen
	dupes     *dupesScreen
	totals    *totalsScreen
	claims    *claimsScreen
	export    *exportScreen

	tabStart, tabSources, tabEntities, tabShipments, tabDupes, tabTotals, tabClaims, tabExport *container.TabItem

	// project is the user's state; result is the latest run over it (nil
	// before the first run finishes).
	project *pipeline.Project
	result  *pipeline.Result
	projID  string
	// grownFrom is the ID the project had before files were added to
	// it; autosave drops that entry from the recent list.
	grownFrom string
	// pick is the open offer of more files from a folder, nil when none.
	pick *siblingPick

	// passwords typed this session, by path; never autosaved.
	passwords map[string]string
	// noPassword lists files whose password prompt the user skipped, so we
	// do not ask again on every run.
	noPassword map[string]bool
	// shownErrs remembers the file errors already shown, by path, so a
	// re-read (a mapping change, an added file) does not repeat them.
	shownErrs map[string]string

	// onResult is called after every new result is shown; tests hook it.
	onResult func()

	// undoSteps are the decision lists before each decision, newest
	// last (Ctrl+Z); undoNote is shown with the next result.
	undoSteps []undoStep
	undoNote  string
}

// New builds the UI into w. It does not show the window.
func New(a fyne.App, w fyne.Window, opt Options) *UI {
	a.Settings().SetTheme(newAppTheme()) // readable secondary text (theme.go)
	return newUI(a, w, opt, fyneDo)
}

// newUI is New with the way to reach the UI goroutine; tests pass a queue.
func newUI(a fyne.App, w fyne.Window, opt Options, main toMain) *UI {
	if opt.MappingPath == "" {
		if p, err := read.DefaultMappingPath(); err == nil && opt.ConfigDir == "" {
			opt.MappingPath = p
		}
	}
	if opt.ConfigDir == "" {
		opt.ConfigDir = defaultConfigDir(a)
	}
	if opt.MappingPath == "" {
		opt.MappingPath = filepath.Join(opt.ConfigDir, "mappings.json")
	}
	if opt.SampleDir == "" {
		opt.SampleDir = filepath.Join(opt.ConfigDir, "samples")
	}
	ctx, closeBG := context.WithCancel(context.Background())
	u := &UI{
		app:        a,
		win:        w,
		opt:        opt,
		store:      newProjectStore(opt.ConfigDir),
		layouts:    newLayoutStore(opt.MappingPath, opt.ConfigDir),
		main:       main,
		ctx:        ctx,
		closeBG:    closeBG,
		jobs:       newJobBar(ctx, main),
		passwords:  map[string]string{},
		noPassword: map[string]bool{},
		shownErrs:  map[string]string{},
	}
	u.buildUI()
	return u
}

func defaultConfigDir(a fyne.App) string {
	if s := a.Storage(); s != nil && s.RootURI() != nil && s.RootURI().Scheme() == "file" {
		return s.RootURI().Path()
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "tradecheck")
	}
	return filepath.Join(os.TempDir(), "tradecheck")
}

func (u *UI) buildUI() {
	u.start = newStartScreen(u)
	u.sources = newSourcesScreen(u)
	u.entities = newEntitiesScreen(u)
	u.shipments = newShipmentsScreen(u)
	u.dupes = newDupesScreen(u)
	u.totals = newTotalsScreen(u)
	u.claims = newClaimsScreen(u)
	u.export = newExportScreen(u)

	u.tabStart = container.NewTabItem("Start", u.start.content)
	u.tabSources = container.NewTabItem("Sources", u.sources.content)
	u.tabEntities = container.NewTabItem("Entities", u.entities.content)
	u.tabShipments = container.NewTabItem("Shipments", u.shipments.content)
	u.tabDupes = container.NewTabItem("Possible duplicates", u.dupes.content)
	u.tabTotals = container.NewTabItem("Totals", u.totals.content)
	u.tabClaims = container.NewTabItem("Claims", u.claims.content)
	u.tabExport = container.NewTabItem("Export", u.export.content)
	u.tabs = container.NewAppTabs(u.tabStart, u.tabSources, u.tabEntities, u.tabShipments, u.tabDupes, u.tabTotals, u.tabClaims, u.tabExport)
	u.tabs.OnSelected = u.onTabSelected

	u.status = widget.NewLabel("No sources loaded. Open files, a folder, or try the sample data.")
	u.status.Truncation = fyne.TextTruncateEllipsis
	bottom := container.NewVBox(u.jobs.box, u.status)

	u.win.SetContent(container.NewBorder(nil, bottom, nil, nil, u.tabs))
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.onDropped)
	u.win.Canvas().SetOnTypedRune(u.onTypedRune)
	u.win.SetOnClosed(func() {
		u.saveWindowSize()
		u.closeBG()
	})
	u.win.Resize(defaultWindowSize)
}

// goBG runs fn in a goroutine that tests can wait for. fn delivers its
// results with u.main.
func (u *UI) goBG(fn func()) {
	u.bg.Add(1)
	go func() {
		defer u.bg.Add(-1)
		fn()
	}()
}

// shortcut is Ctrl+key (Cmd+key on macOS).
func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// mainMenu carries the keyboard shortcuts: a menu item's shortcut fires even
// while a text field has focus, which a canvas shortcut would not.
func (u *UI) mainMenu() *fyne.MainMenu {
	open := fyne.NewMenuItem("Open files…", u.onOpenFiles)
	open.Shortcut = shortcut(fyne.KeyO)
	folder := fyne.NewMenuItem("Open folder…", u.onOpenFolder)
	samples := fyne.NewMenuItem("Try the sample data", u.onSamples)
	openWB := fyne.NewMenuItem("Open exported workbook…", u.onOpenExported)
	save := fyne.NewMenuItem("Save audit workbook as…", u.onSave)
	save.Shortcut = shortcut(fyne.KeyS)
	search := fyne.NewMenuItem("Search entities", u.onSearch)
	search.Shortcut = shortcut(fyne.KeyF)
	// The driver turns Ctrl+Z (Cmd+Z) into fyne.ShortcutUndo before it
	// looks at the menu: a CustomShortcut on KeyZ would never fire.
	undo := fyne.NewMenuItem("Undo last decision", u.onUndoKey)
	undo.Shortcut = &fyne.ShortcutUndo{}

	view := make([]*fyne.MenuItem, 0, 8)
	for i, name := range []string{"Start", "Sources", "Entities", "Shipments", "Possible duplicates", "Totals", "Claims", "Export"} {
		i := i
		it := fyne.NewMenuItem(name, func() { u.tabs.SelectIndex(i) })
		it.Shortcut = shortcut(fyne.KeyName(fmt.Sprint(i + 1)))
		view = append(view, it)
	}
	return fyne.NewMainMenu(
		fyne.NewMenu("File", open, folder, samples, fyne.NewMenuItemSeparator(), openWB, save),
		fyne.NewMenu("Edit", undo, search),
		fyne.NewMenu("View", view...),
	)
}

// setStatus shows a one-line status under the tabs.
func (u *UI) setStatus(s string) { u.status.SetText(s) }

func (u *UI) onTabSelected(t *container.TabItem) {
	switch t {
	case u.tabTotals:
		if u.totals.stale {
			u.totals.refresh()
		}
	case u.tabEntities:
		u.entities.onShown()
	}
}

// onTypedRune gets runes typed while no widget has focus: the Review
// queue's S/N/K keys.
func (u *UI) onTypedRune(r rune) {
	if u.tabs.Selected() == u.tabEntities {
		u.entities.onKey(r)
	}
}

func (u *UI) onSearch() {
	u.tabs.Select(u.tabEntities)
	u.entities.focusSearch()
}

func (u *UI) onOpenFiles() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError("Could not open the file", err, u.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		u.openWithSiblings(path) // openmany.go
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(sourceExtensions))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (u *UI) onOpenFolder() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError("Could not open the folder", err, u.win)
			return
		}
		if l == nil {
			return
		}
		u.OpenPaths([]string{l.Path()})
	}, u.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (u *UI) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, x := range uris {
		if x.Scheme() == "file" {
			paths = append(paths, x.Path())
		}
	}
	u.OpenPaths(paths)
}

// sourceExtensions are the files a folder contributes. Others in a folder
// are ignored; a single file of any kind is still handed to the reader,
// which explains what it is when it cannot read it.
var sourceExtensions = []string{".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv", ".txt"}

func isSourceFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range sourceExtensions {
		if ext == e {
			return !strings.HasPrefix(filepath.Base(name), "~$") && !strings.HasPrefix(filepath.Base(name), ".")
		}
	}
	return false
}

// expandPaths turns dropped or chosen paths into source files: folders
// contribute their spreadsheet files (not recursively: a reporter's folder
// of exports is flat, and a deep walk of a home folder would be a surprise).
func expandPaths(paths []string) []string {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			out = append(out, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			out = append(out, p) // the reader reports the folder as an error
			continue
		}
		var files []string
		for _, e := range ents {
			if !e.IsDir() && isSourceFile(e.Name()) {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(files)
		out = append(out, files...)
	}
	return out
}
