package ui

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// siblingPick is the open "more files from this folder" offer; tests
// reach it through UI.pick.
type siblingPick struct {
	check *widget.CheckGroup
	done  func(ok bool)
}

// openWithSiblings opens path after offering, with check boxes, the other
// spreadsheets and CSV files of its folder that are not loaded yet: the
// file dialog takes one file, and a story is usually three exports from
// one download folder. Everything picked is read in one run, which
// leaves one recent project.
func (u *UI) openWithSiblings(path string) {
	dir := filepath.Dir(path)
	sibs := u.siblingSources(path)
	if len(sibs) == 0 {
		u.OpenPaths([]string{path})
		return
	}
	check := widget.NewCheckGroup(sibs, nil)
	done := func(ok bool) {
		u.pick = nil
		paths := []string{path}
		if ok {
			for _, n := range check.Selected {
				paths = append(paths, filepath.Join(dir, n))
			}
		}
		u.OpenPaths(paths)
	}
	u.pick = &siblingPick{check: check, done: done}
	intro := widget.NewLabel("Opening " + filepath.Base(path) + ". Also open these files from " + dir + "?")
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(check)
	scroll.SetMinSize(fyne.NewSize(480, min(float32(len(sibs))*36+8, 320)))
	d := dialog.NewCustomConfirm("Open more files from this folder?", "Open checked files too", "Only this file",
		container.NewBorder(intro, nil, nil, nil, scroll), done, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// siblingSources lists the source files beside path (by name), leaving
// out path itself, hidden and temporary files, and files already loaded.
func (u *UI) siblingSources(path string) []string {
	ents, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return nil
	}
	loaded := map[string]bool{absPath(path): true}
	if u.project != nil {
		for _, s := range u.project.Sources {
			loaded[absPath(s.Path)] = true
		}
	}
	var out []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "~$") {
			continue
		}
		ext := strings.ToLower(filepath.Ext(n))
		ok := false
		for _, x := range sourceExtensions {
			ok = ok || x == ext
		}
		if ok && !loaded[absPath(filepath.Join(filepath.Dir(path), n))] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
