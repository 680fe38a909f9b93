package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
	"tradecheck/reconcile/parquetout"
	"tradecheck/reconcile/pipeline"
)

// exportScreen writes the audit workbook and reopens exported ones.
type exportScreen struct {
	u       *UI
	content fyne.CanvasObject

	info       *widget.Label
	saveBtn    *widget.Button
	openBtn    *widget.Button
	parquetBtn *widget.Button
	last       *widget.Label
	// lastPath is the workbook written last, for the "open folder" offer.
	lastPath string
}

func newExportScreen(u *UI) *exportScreen {
	s := &exportScreen{u: u}
	s.buildUI()
	return s
}

func (s *exportScreen) buildUI() {
	intro := widget.NewRichTextFromMarkdown("## Export\n\nThe audit workbook holds every shipment, entity and total, each traced to its source file, sheet and row, plus the project itself: opening the workbook here later restores the sources, mappings and your decisions about names.")
	intro.Wrapping = fyne.TextWrapWord
	s.info = widget.NewLabel("Load sources first.")
	s.info.Wrapping = fyne.TextWrapWord
	s.saveBtn = widget.NewButtonWithIcon("Save as…", theme.DocumentSaveIcon(), s.onSaveAs)
	s.saveBtn.Importance = widget.HighImportance
	s.saveBtn.Disable()
	s.openBtn = widget.NewButtonWithIcon("Open exported workbook…", theme.FolderOpenIcon(), s.u.onOpenExported)
	s.parquetBtn = widget.NewButtonWithIcon("Export Parquet…", theme.FolderIcon(), s.onExportParquet)
	s.parquetBtn.Disable()
	pq := widget.NewRichTextFromMarkdown("**Parquet** files (records, shipments, entities, decisions) carry the same rows and totals to DuckDB, Spark or Polars: for sets too large for this app, decide names on a sample here, export the workbook, and run `tradecheck-cli reconcile --decisions WORKBOOK.xlsx --parquet DIR` over the full files (README, \"Large sets\").")
	pq.Wrapping = fyne.TextWrapWord
	s.last = widget.NewLabel("")
	s.last.Wrapping = fyne.TextWrapWord
	s.content = container.NewPadded(container.NewVBox(intro, s.info,
		container.NewHBox(s.saveBtn, s.openBtn), widget.NewSeparator(), pq, container.NewHBox(s.parquetBtn), s.last))
}

func (s *exportScreen) setResult(res *pipeline.Result) {
	s.saveBtn.Enable()
	s.parquetBtn.Enable()
	s.info.SetText(fmt.Sprintf("Ready to export: %s, %s about names.", summary(res), plural(len(res.Project.Decisions), "decision")))
}

func (u *UI) onSave() { u.tabs.Select(u.tabExport); u.export.onSaveAs() }

// onSaveAs asks where to save with the real file dialog, then writes.
func (s *exportScreen) onSaveAs() {
	if s.u.result == nil {
		dialog.ShowInformation("Nothing to export", "Load sources first.", s.u.win)
		return
	}
	def := pipeline.DefaultOutputPath(s.u.project, time.Now())
	if within(def, s.u.opt.SampleDir) {
		// The unpacked samples live in the app's config folder, which a
		// user would never find again: offer the home folder instead.
		if home, err := os.UserHomeDir(); err == nil {
			def = filepath.Join(home, filepath.Base(def))
		}
	}
	s.u.askSavePath("Save the audit workbook", filepath.Base(def), filepath.Dir(def), ".xlsx", s.write)
}

// write writes the workbook to path in the background and offers to open
// the folder.
func (s *exportScreen) write(path string) {
	res := s.u.result
	s.u.jobs.run("Writing "+filepath.Base(path)+"…", func(ctx context.Context, progress progressFunc) error {
		return pipeline.WriteWorkbook(ctx, res, path, stageProgress(progress))
	}, func(err error) {
		if err != nil {
			if errors.Is(err, reconcile.ErrCanceled) {
				s.u.setStatus("Export cancelled; any earlier file at that path is intact.")
				return
			}
			showError("Could not write the workbook", err, s.u.win)
			return
		}
		s.lastPath = path
		s.last.SetText("Saved " + path)
		s.u.setStatus("Saved " + path)
		dialog.ShowConfirm("Workbook saved", "Saved "+filepath.Base(path)+".\nOpen the folder that contains it?", func(ok bool) {
			if ok {
				s.openFolder(filepath.Dir(path))
			}
		}, s.u.win)
	})
}

// onExportParquet asks for a folder with the real folder dialog, then
// writes the Parquet files into it.
func (s *exportScreen) onExportParquet() {
	if s.u.result == nil {
		dialog.ShowInformation("Nothing to export", "Load sources first.", s.u.win)
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			showError("Could not open the folder", err, s.u.win)
			return
		}
		if l == nil {
			return
		}
		s.u.app.Preferences().SetString(prefSaveDir, l.Path())
		s.writeParquet(l.Path())
	}, s.u.win)
	d.SetConfirmText("Export here")
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(s.u.saveDir(home))); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// writeParquet writes the result's Parquet files into dir in the
// background, with the rows written as progress, and offers to open the
// folder.
func (s *exportScreen) writeParquet(dir string) {
	res := s.u.result
	s.u.jobs.run("Writing Parquet files…", func(ctx context.Context, progress progressFunc) error {
		return parquetout.Write(ctx, res, dir, parquetout.Options{Progress: func(file string, rows int) {
			total := len(res.Records)
			if filepath.Base(file) == parquetout.ShipmentsFile && res.Merge != nil {
				total = len(res.Merge.Shipments)
			}
			progress(rows, total, "Writing "+filepath.Base(file)+"…")
		}})
	}, func(err error) {
		if err != nil {
			if errors.Is(err, reconcile.ErrCanceled) || errors.Is(err, context.Canceled) {
				s.u.setStatus("Parquet export cancelled; files written earlier in that folder are intact.")
				return
			}
			showError("Could not write the Parquet files", err, s.u.win)
			return
		}
		msg := "Wrote " + parquetout.RecordsFile + ", " + parquetout.ShipmentsFile + ", " + parquetout.EntitiesFile + " and " + parquetout.DecisionsFile + " into " + dir
		s.last.SetText(msg)
		s.u.setStatus(msg)
		dialog.ShowConfirm("Parquet files written", msg+".\nOpen the folder?", func(ok bool) {
			if ok {
				s.openFolder(dir)
			}
		}, s.u.win)
	})
}

func (s *exportScreen) openFolder(dir string) {
	u := &url.URL{Scheme: "file", Path: dir}
	if err := s.u.app.OpenURL(u); err != nil {
		showError("Could not open the folder", err, s.u.win)
	}
}

// onOpenExported reopens an audit workbook as a project.
func (u *UI) onOpenExported() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			showError("Could not open the workbook", err, u.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		u.OpenExported(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// sourceCheck is the state of one source of a reopened project.
type sourceCheck struct {
	index   int
	path    string
	missing bool // not found at its path
	changed bool // found, but its SHA-256 differs
}

// OpenExported reads an exported workbook back into a project, checks each
// source by path and SHA-256, asks the user to locate any that moved or
// changed, then runs the project (decisions are re-applied by the run).
func (u *UI) OpenExported(path string) {
	var p *pipeline.Project
	var checks []sourceCheck
	u.jobs.run("Opening "+filepath.Base(path)+"…", func(ctx context.Context, progress progressFunc) error {
		var err error
		p, err = pipeline.OpenExported(ctx, path, stageProgress(progress))
		if err != nil {
			return err
		}
		checks, err = checkSources(ctx, p, progress)
		return err
	}, func(err error) {
		if err != nil {
			if !errors.Is(err, reconcile.ErrCanceled) {
				showError("Could not open the workbook", err, u.win)
			}
			return
		}
		u.locateSources(p, checks, func() { dropLeftOut(p); u.SetProject(p) })
	})
}

// checkSources checks each source of p with the engine (SourceSpec.Check:
// found, same SHA-256) and returns those missing or changed.
func checkSources(ctx context.Context, p *pipeline.Project, progress progressFunc) ([]sourceCheck, error) {
	var bad []sourceCheck
	for i, s := range p.Sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress(i, len(p.Sources), "Checking "+filepath.Base(s.Path)+"…")
		err := s.Check(ctx)
		switch {
		case err == nil:
		case errors.Is(err, pipeline.ErrSourceChanged):
			bad = append(bad, sourceCheck{index: i, path: s.Path, changed: true})
		case errors.Is(err, reconcile.ErrNotFound):
			bad = append(bad, sourceCheck{index: i, path: s.Path, missing: true})
		default:
			return nil, err // cancelled
		}
	}
	return bad, nil
}

// locateSources asks, one at a time, where each moved or changed source is.
// The user can pick the file, keep the changed one, or leave it out; done
// runs when every source has an answer.
func (u *UI) locateSources(p *pipeline.Project, checks []sourceCheck, done func()) {
	if len(checks) == 0 {
		done()
		return
	}
	c := checks[0]
	next := func() { u.locateSources(p, checks[1:], done) }
	what := "was not found at"
	if c.changed {
		what = "has changed since the export (its SHA-256 differs) at"
	}
	msg := widget.NewLabel(fmt.Sprintf("%s %s\n%s\n\nLocate the original file, or continue without it.", filepath.Base(c.path), what, c.path))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	locate := widget.NewButton("Locate…", func() {
		d.Hide()
		fd := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
			if err == nil && rc != nil {
				p.Sources[c.index].Path = rc.URI().Path()
				rc.Close()
			}
			next()
		}, u.win)
		fd.Resize(fyne.NewSize(900, 600))
		fd.Show()
	})
	locate.Importance = widget.HighImportance
	skip := widget.NewButton("Leave it out", func() {
		d.Hide()
		p.Sources[c.index].Path = "" // removed below
		next()
	})
	buttons := []fyne.CanvasObject{skip, locate}
	if c.changed {
		buttons = append([]fyne.CanvasObject{widget.NewButton("Use the changed file", func() { d.Hide(); next() })}, buttons...)
	}
	d = dialog.NewCustomWithoutButtons("Source moved or changed", msg, u.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// dropLeftOut removes the sources the user chose to leave out (path "").
func dropLeftOut(p *pipeline.Project) {
	kept := p.Sources[:0]
	for _, s := range p.Sources {
		if s.Path != "" {
			kept = append(kept, s)
		}
	}
	p.Sources = kept
}

// within reports whether path is inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
