package ui

import "fyne.io/fyne/v2"

// Preference keys of the window's size, in Fyne units, as the user left it.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// defaultWindowSize is the size the window opens at before the screen's
// size is known (and in tests).
var defaultWindowSize = fyne.NewSize(1200, 780)

// windowSize is the size to open the window at on a screen whose free
// area (without task bars) is screen: the size the user left it at when
// that still fits, else most of the screen — tables of shipments and
// claims want the room — but no larger than a comfortable 1680 × 1050.
// Fyne has no "maximise" on every driver, and full screen hides the
// desktop, so the app picks a size instead.
func windowSize(screen, saved fyne.Size) fyne.Size {
	if screen.Width <= 0 || screen.Height <= 0 {
		if saved.Width > 0 && saved.Height > 0 {
			return saved
		}
		return defaultWindowSize
	}
	if saved.Width >= 400 && saved.Height >= 300 && saved.Width <= screen.Width && saved.Height <= screen.Height {
		return saved
	}
	// Leave a margin for the window's frame and title bar.
	return fyne.NewSize(min(screen.Width*0.94, 1680), min(screen.Height*0.92, 1050))
}

// FitScreen sizes the window for a screen whose free area is screen (in
// Fyne units; zero when unknown) and centres it. cmd/tradecheck calls it
// once the window exists, since only the driver knows the screen.
func (u *UI) FitScreen(screen fyne.Size) {
	p := u.app.Preferences()
	saved := fyne.NewSize(float32(p.Float(prefWindowWidth)), float32(p.Float(prefWindowHeight)))
	u.win.Resize(windowSize(screen, saved))
	u.win.CenterOnScreen()
}

// saveWindowSize remembers the window's size for the next start.
func (u *UI) saveWindowSize() {
	s := u.win.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}
