package ui

import (
	"os"
	"path/filepath"
	"strings"

	"tradecheck/reconcile/fileio"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// prefSaveDir is the preference that remembers the folder of the last
// save, so every Save dialog (workbook, memo, charts) opens where the
// user saved last, across sessions.
const prefSaveDir = "save.lastDir"

// saveDir is the folder a Save dialog opens in: the last folder saved
// to while it still exists, else fallback.
func (u *UI) saveDir(fallback string) string {
	if d := u.app.Preferences().String(prefSaveDir); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return fallback
}

// askSavePath shows the real save dialog for a file called name, in the
// remembered folder (else dir), and calls chosen with the path picked,
// ext added when the user left it off. The dialog creates an empty file;
// it is closed and replaced atomically by whatever chosen writes.
func (u *UI) askSavePath(title, name, dir, ext string, chosen func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError("Could not save", err, u.win)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		path = withExt(path, ext)
		u.app.Preferences().SetString(prefSaveDir, filepath.Dir(path))
		chosen(path)
	}, u.win)
	d.SetTitleText(title)
	d.SetFileName(name)
	if l, err := storage.ListerForURI(storage.NewFileURI(u.saveDir(dir))); err == nil {
		d.SetLocation(l)
	}
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// withExt adds ext to path when it lacks it, removing the empty file the
// dialog made under the name without it.
func withExt(path, ext string) string {
	if strings.EqualFold(filepath.Ext(path), ext) {
		return path
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() == 0 {
		os.Remove(path)
	}
	return path + ext
}

// writeInBackground writes data made by make to path off the UI
// goroutine, atomically, then reports on the status line or in a dialog.
// Small exports (a memo, a chart) do not use the job bar, whose new job
// would cancel a running re-check.
func (u *UI) writeInBackground(what, path string, make func() ([]byte, error)) {
	u.goBG(func() {
		data, err := make()
		if err == nil {
			err = fileio.WriteFile(path, data)
		}
		u.main(func() {
			if err != nil {
				showError("Could not save the "+what, err, u.win)
				return
			}
			u.setStatus("Saved the " + what + " to " + path)
		}, false)
	})
}
