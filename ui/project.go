package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
)

// OpenPaths adds files and folders to the project as sources and runs it.
func (u *UI) OpenPaths(paths []string) { u.openPaths(paths, nil) }

// openPaths is OpenPaths; prep, when given, may change the project before
// it runs (the samples add their claims) and reports whether it did.
func (u *UI) openPaths(paths []string, prep func(*pipeline.Project) bool) {
	files, claimFiles := splitClaimFiles(expandPaths(paths))
	files, lists := splitListFiles(files)
	files, goodsLists := splitGoodsLists(files)
	if len(lists)+len(goodsLists) > 0 {
		if u.project == nil && len(files) == 0 {
			u.setStatus("Lists are screened against the parties of shipments: load the shipment files first, then the list.")
			return
		}
		if len(files) == 0 {
			if addLists(u.project, lists, goodsLists) {
				u.runProject()
			} else {
				u.setStatus("That list is already loaded.")
			}
			return
		}
	}
	if len(claimFiles) > 0 {
		if u.project == nil && len(files) == 0 {
			u.setStatus("Claims are checked against sources: load the shipment files first, then the claims file.")
			return
		}
		defer func() {
			for _, f := range claimFiles {
				u.claims.importFile(f)
			}
		}()
	}
	if len(files) == 0 {
		return
	}
	if u.project == nil {
		u.project = u.savedProject(files)
	}
	prepped := prep != nil && prep(u.project)
	listsAdded := addLists(u.project, lists, goodsLists)
	have := map[string]bool{}
	for _, s := range u.project.Sources {
		have[absPath(s.Path)] = true
	}
	added, retry := 0, false
	var fresh []pipeline.SourceSpec
	for _, f := range files {
		a := absPath(f)
		if have[a] {
			// A file whose password prompt was skipped asks again: adding
			// it again is how the error's hint says to give the password.
			if u.noPassword[a] {
				delete(u.noPassword, a)
				retry = true
			}
			continue
		}
		have[a] = true
		u.project.Sources = append(u.project.Sources, pipeline.SourceSpec{Path: a})
		fresh = append(fresh, pipeline.SourceSpec{Path: a, Password: u.passwords[a]})
		added++
	}
	if added > 0 && u.projID != "" {
		// The project grows: its recent entry is replaced by the
		// bigger one, so files added one by one leave one entry.
		u.grownFrom = u.projID
	}
	// Claims typed into a Claims sheet of a new source join the project.
	u.claims.importFromSources(fresh)
	if added == 0 && u.result != nil && !listsAdded && !retry {
		if prepped {
			u.claims.setClaims(u.project.Claims, "")
		}
		u.setStatus("Those files are already loaded.")
		return
	}
	u.runProject()
}

// savedProject returns the autosaved project over exactly these files, so
// opening the same files again (make run, a double-click on the same
// exports) continues with the user's decisions; otherwise a new project.
func (u *UI) savedProject(files []string) *pipeline.Project {
	keys := make([]string, len(files))
	for i, f := range files {
		keys[i] = absPath(f)
	}
	if b, err := u.store.load(projectID(keys)); err == nil {
		var p pipeline.Project
		if json.Unmarshal(b, &p) == nil {
			return &p
		}
	}
	return pipeline.NewProject()
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// SetProject replaces the project (a restored or reopened one) and runs it.
func (u *UI) SetProject(p *pipeline.Project) {
	u.project = p
	u.result = nil
	u.undoSteps = nil
	u.claims.reset()
	u.runProject()
}

// runProject reads every source and reconciles, in the background.
func (u *UI) runProject() {
	p := u.project
	for i := range p.Sources {
		if pw, ok := u.passwords[p.Sources[i].Path]; ok {
			p.Sources[i].Password = pw
		}
	}
	var res *pipeline.Result
	// The job reads a copy taken here, on the UI goroutine: the user may
	// change the project's fields (claims, decisions) while it runs.
	snap := *p
	u.jobs.run("Reading sources…", func(ctx context.Context, progress progressFunc) error {
		var err error
		res, err = pipeline.Run(ctx, &snap, stageProgress(progress))
		return err
	}, func(err error) {
		if err != nil {
			if errors.Is(err, reconcile.ErrCanceled) {
				u.setStatus("Cancelled. Nothing was changed.")
				return
			}
			showError("Could not reconcile the sources", err, u.win)
			return
		}
		if u.layouts.apply(p, res) {
			// A saved layout mapping applies to a new source: read again.
			u.runProject()
			return
		}
		u.setResult(res)
		u.askPasswords(res)
	})
}

// recluster re-applies decisions and parameters without reading files.
func (u *UI) recluster(why string) {
	if u.result == nil {
		return
	}
	base, p := u.result, *u.project // a copy, as in runProject
	var res *pipeline.Result
	u.jobs.run(why, func(ctx context.Context, progress progressFunc) error {
		var err error
		res, err = base.Recluster(ctx, &p, stageProgress(progress))
		return err
	}, func(err error) {
		if err != nil {
			if errors.Is(err, reconcile.ErrCanceled) {
				u.setStatus("Cancelled; the last decision is saved but not applied yet.")
				return
			}
			showError("Could not apply the change", err, u.win)
			return
		}
		u.setResult(res)
	})
}

// stageNames are the pipeline's stages as the progress label says them.
var stageNames = map[string]string{
	pipeline.StageRead:   "Reading",
	pipeline.StageMatch:  "Matching names",
	pipeline.StageMerge:  "Reconciling shipments",
	pipeline.StageWrite:  "Writing",
	pipeline.StageVerify: "Checking the workbook",
	pipeline.StageOpen:   "Opening",
	pipeline.StageClaims: "Checking claims",
}

// stageProgress adapts the pipeline's staged progress to the bar.
func stageProgress(p progressFunc) func(pipeline.Progress) {
	return func(pr pipeline.Progress) {
		if pr.Stage == pipeline.StageConvert {
			// No rows to count while LibreOffice works: a moving bar.
			p(0, -1, "Converting "+filepath.Base(pr.File)+" with LibreOffice…")
			return
		}
		note := stageNames[pr.Stage]
		if note == "" {
			note = pr.Stage
		}
		if pr.File != "" {
			note += " " + filepath.Base(pr.File)
		}
		if pr.Total == 0 && pr.Done > 0 {
			note += fmt.Sprintf(": %d rows", pr.Done)
		}
		p(pr.Done, pr.Total, note+"…")
	}
}

// setResult shows a new result on every screen and autosaves.
func (u *UI) setResult(res *pipeline.Result) {
	u.result = res
	u.start.setResult(res)
	u.sources.setResult(res)
	u.entities.setResult(res)
	u.shipments.setResult(res)
	u.dupes.setResult(res)
	u.totals.setResult(res)
	u.claims.setResult(res)
	if u.result != res {
		// The claims screen gave the result the claims added while it
		// was read (a claims CSV opened with the sources): count them.
		res = u.result
		u.start.setResult(res)
	}
	u.export.setResult(res)
	u.setStatus(summary(res))
	if u.undoNote != "" {
		u.setStatus(u.undoNote + " " + summary(res))
		u.undoNote = ""
	}
	u.autosave()
	if u.onResult != nil {
		u.onResult()
	}
}

// summary is the status line for a result.
func summary(res *pipeline.Result) string {
	files, failed := len(res.Files), 0
	for _, f := range res.Files {
		if fileErr(f) != nil {
			failed++
		}
	}
	s := plural(files, "source")
	if n := len(res.Project.Claims); n > 0 {
		// Claims opened with the sources (a claims CSV among the files)
		// are part of what was loaded.
		s += ", " + plural(n, "claim")
	}
	s += ", " + plural(len(res.Records), "row") + " read"
	if res.Names != nil {
		s += ", " + plural(len(res.Names.Mentions), "name") + " in " + entities(len(res.Names.Entities))
	}
	if failed > 0 {
		s += fmt.Sprintf(" — %d could not be read (see Sources)", failed)
	}
	if res.Dupes != nil && len(res.Dupes.Pairs) > 0 {
		s += fmt.Sprintf(", %d possible duplicate(s)", len(res.Dupes.Pairs)+res.Dupes.More)
	}
	if w := res.Warnings(); len(w) > 0 {
		s += " — " + withControls(w[0])
	}
	return s
}

// askPasswords prompts, one file at a time, for encrypted workbooks that
// failed for want of a password, then runs again if any was given. Other
// file errors are shown once in a dialog; the other sources stay loaded.
func (u *UI) askPasswords(res *pipeline.Result) {
	var need []pipeline.FileResult
	var other []error
	for _, f := range res.Files {
		switch {
		case f.Err == nil:
		case (errors.Is(f.Err, reconcile.ErrEncrypted) || errors.Is(f.Err, reconcile.ErrWrongPassword)) && !u.noPassword[absPath(f.Path)]:
			need = append(need, f)
		default:
			if msg := f.Err.Error(); u.shownErrs[absPath(f.Path)] != msg {
				u.shownErrs[absPath(f.Path)] = msg
				other = append(other, f.Err)
			}
		}
		if err := fileErr(f); f.Err == nil && err != nil && u.shownErrs[absPath(f.Path)] != err.Error() {
			// No sheet gave a row: as unread as a file that failed.
			u.shownErrs[absPath(f.Path)] = err.Error()
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		showError(fmt.Sprintf("%d of %s could not be read", len(other), plural(len(res.Files), "source")), errors.Join(other...), u.win)
	}
	// Errors of files no longer loaded may be shown again if they return.
	for path := range u.shownErrs {
		found := false
		for _, f := range res.Files {
			if absPath(f.Path) == path && fileErr(f) != nil {
				found = true
			}
		}
		if !found {
			delete(u.shownErrs, path)
		}
	}
	u.promptNext(need, false)
}

func (u *UI) promptNext(need []pipeline.FileResult, gotAny bool) {
	if len(need) == 0 {
		if gotAny {
			u.runProject()
		}
		return
	}
	f := need[0]
	wrong := errors.Is(f.Err, reconcile.ErrWrongPassword)
	askPassword(f.Path, wrong, u.win, func(pw string, ok bool) {
		if ok {
			u.passwords[f.Path] = pw
			u.passwords[absPath(f.Path)] = pw
		} else {
			u.noPassword[absPath(f.Path)] = true
		}
		u.promptNext(need[1:], gotAny || ok)
	})
}

// sourceKeys identifies the project's sources for its autosave ID.
func sourceKeys(p *pipeline.Project) []string {
	keys := make([]string, len(p.Sources))
	for i, s := range p.Sources {
		keys[i] = absPath(s.Path)
	}
	return keys
}

// projectTitle names a project in the recent list by its files.
func projectTitle(p *pipeline.Project) string {
	var names []string
	for _, s := range p.Sources {
		names = append(names, filepath.Base(s.Path))
	}
	if len(names) > 3 {
		return fmt.Sprintf("%s, %s and %d more", names[0], names[1], len(names)-2)
	}
	return strings.Join(names, ", ")
}

// autosave writes the project to the store. Passwords are never written:
// SourceSpec.Password has json:"-".
func (u *UI) autosave() {
	if u.project == nil || len(u.project.Sources) == 0 {
		return
	}
	b, err := json.MarshalIndent(u.project, "", "  ")
	if err != nil {
		u.setStatus("Autosave failed: " + err.Error())
		return
	}
	id := projectID(sourceKeys(u.project))
	if err := u.store.save(id, projectTitle(u.project), b); err != nil {
		u.setStatus("Autosave failed: " + err.Error())
		return
	}
	if u.grownFrom != "" && u.grownFrom != id {
		// The project grew: its smaller entry would stay in the recent list.
		if err := u.store.forget(u.grownFrom); err != nil {
			u.setStatus("Saved, but the recent list still shows the project before these files were added: " + err.Error())
		}
	}
	u.grownFrom = ""
	u.projID = id
	u.start.refreshRecent()
}

// OpenRecent restores a saved project by its ID.
func (u *UI) OpenRecent(id string) error {
	b, err := u.store.load(id)
	if err != nil {
		return err
	}
	var p pipeline.Project
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("the saved project is damaged: %w", err)
	}
	u.SetProject(&p)
	return nil
}

// RestoreLast reopens the most recent project, if any. It reports whether
// there was one.
func (u *UI) RestoreLast() bool {
	recent, err := u.store.recent()
	if err != nil || len(recent) == 0 {
		return false
	}
	if err := u.OpenRecent(recent[0].ID); err != nil {
		u.setStatus("Could not restore the last project: " + err.Error())
		return false
	}
	return true
}

// decide records a user decision about names and reclusters. The
// decision is plain data; the engine applies it.
func (u *UI) decide(d match.Decision, why string) {
	if u.project == nil {
		return
	}
	if d.Time.IsZero() {
		d.Time = time.Now().UTC()
	}
	u.pushUndo(why)
	u.project.Decisions = append(u.project.Decisions, d)
	u.recluster(why)
}

// decideAll records several decisions and reclusters once.
func (u *UI) decideAll(ds []match.Decision, why string) {
	if u.project == nil || len(ds) == 0 {
		return
	}
	now := time.Now().UTC()
	u.pushUndo(why)
	for _, d := range ds {
		if d.Time.IsZero() {
			d.Time = now
		}
		u.project.Decisions = append(u.project.Decisions, d)
	}
	u.recluster(why)
}
