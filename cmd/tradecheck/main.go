// Command tradecheck is Tradecheck's desktop app. It stays thin: the
// window's contents belong to package ui. File and folder arguments are
// opened as sources (make run passes the samples); without arguments the
// last project is restored.
package main

import (
	"os"

	"fyne.io/fyne/v2/app"

	"tradecheck/samples"
	"tradecheck/ui"
)

func main() {
	a := app.NewWithID("org.tradecheck.app")
	w := a.NewWindow("Tradecheck")
	u := ui.New(a, w, ui.Options{Samples: samples.FS})
	if files := os.Args[1:]; len(files) > 0 {
		u.OpenPaths(files)
	} else {
		u.RestoreLast()
	}
	// The screen's size is known once the driver runs: open the window
	// at a size that fits it (or the size the user left it at).
	a.Lifecycle().SetOnStarted(func() { u.FitScreen(screenSize(w)) })
	w.ShowAndRun()
}
