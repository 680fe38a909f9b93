package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenSize is the free area (without task bars) of the primary screen
// in the window's Fyne units, or a zero size when GLFW cannot tell. Fyne
// has no API for it; its desktop driver runs on GLFW, which it has
// initialised by the time a window exists. Call it on the main thread
// (the app's OnStarted).
func screenSize(w fyne.Window) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		if vm := m.GetVideoMode(); vm != nil {
			width, height = vm.Width, vm.Height
		}
	}
	scale := w.Canvas().Scale()
	if width <= 0 || height <= 0 || scale <= 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(float32(width)/scale, float32(height)/scale)
}
