package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWindowSize(t *testing.T) {
	for _, c := range []struct {
		name          string
		screen, saved fyne.Size
		want          fyne.Size
	}{
		{"screen unknown", fyne.Size{}, fyne.Size{}, defaultWindowSize},
		{"screen unknown, size left", fyne.Size{}, fyne.NewSize(900, 700), fyne.NewSize(900, 700)},
		{"1400 × 900: most of it", fyne.NewSize(1400, 900), fyne.Size{}, fyne.NewSize(1316, 828)},
		{"big screen: a comfortable size", fyne.NewSize(2560, 1440), fyne.Size{}, fyne.NewSize(1680, 1050)},
		{"the size left, when it fits", fyne.NewSize(1400, 900), fyne.NewSize(1000, 700), fyne.NewSize(1000, 700)},
		{"the size left on a bigger screen does not fit this one", fyne.NewSize(1280, 720), fyne.NewSize(1600, 1000), fyne.NewSize(1203.2, 662.4)},
		{"a size too small to use is not restored", fyne.NewSize(1400, 900), fyne.NewSize(50, 40), fyne.NewSize(1316, 828)},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := windowSize(c.screen, c.saved); got != c.want {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// The size the window is closed at is the size FitScreen opens it at.
func TestWindowSizeRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	u := newTestUIIn(t, a, t.TempDir())
	u.win.Resize(fyne.NewSize(1000, 700))
	u.saveWindowSize()
	u.win.Resize(defaultWindowSize)
	u.FitScreen(fyne.NewSize(1400, 900))
	if got := u.win.Canvas().Size(); got != fyne.NewSize(1000, 700) {
		t.Errorf("got %v, want the size left", got)
	}
}
