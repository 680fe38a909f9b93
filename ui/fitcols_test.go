package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestColumnWidths(t *testing.T) {
	cols := []fitColumn{{60, 0}, {220, 140}, {100, 0}, {420, 260}} // 800 preferred, 160 fixed
	for _, c := range []struct {
		name  string
		width float32
		want  []float32
	}{
		{"as preferred", 800, []float32{60, 220, 100, 420}},
		{"wider: the last flexible column takes the rest", 1000, []float32{60, 220, 100, 620}},
		{"narrower: flexible columns shrink in proportion", 640, []float32{60, 165, 100, 315}},
		{"much narrower: no column below its least", 300, []float32{60, 140, 100, 260}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := columnWidths(cols, c.width); !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	t.Run("no flexible column", func(t *testing.T) {
		fixed := []fitColumn{{50, 0}, {70, 0}}
		if got := columnWidths(fixed, 500); !slices.Equal(got, []float32{50, 70}) {
			t.Errorf("got %v, want the widths unchanged", got)
		}
	})
}

func TestWrappedLines(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("the shippers are different entities ", 6)
	one, many := wrappedLines("weights 2.9% apart", 300), wrappedLines(long, 300)
	if one != 1 || many < 3 {
		t.Errorf("lines: short %d (want 1), long %d (want 3 or more)", one, many)
	}
	if wrappedHeight(many) <= wrappedHeight(1) {
		t.Errorf("a wrapped cell should be taller than a one-line cell")
	}
}

// The Possible duplicates table fits the window: its columns end inside
// it, and Why not merged wraps instead of running past the edge.
func TestDupesColumnsFitWindow(t *testing.T) {
	u := loadSamples(t)
	u.win.Resize(defaultWindowSize)
	u.tabs.Select(u.tabDupes)
	settle(t, u)
	if len(u.dupes.fit.widths) != len(dupColumns) {
		t.Fatalf("the table was not laid out: widths %v", u.dupes.fit.widths)
	}
	var sum float32
	for _, w := range u.dupes.fit.widths {
		sum += w
	}
	if sum > u.dupes.fit.laidOut {
		t.Errorf("columns take %.0f of %.0f", sum, u.dupes.fit.laidOut)
	}
}
