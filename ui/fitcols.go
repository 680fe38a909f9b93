package ui

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitColumn is a table column's preferred width and, for a column of
// free text that may give or take room, its least width (0: fixed).
type fitColumn struct {
	width, least float32
}

// columnWidths shares width among the columns: fixed columns keep their
// width; the flexible ones shrink in proportion to their preferred width
// (down to their least) when the table is narrower than the columns, and
// the last flexible column takes what is left when it is wider. So the
// widest text (Why not merged) is never cut off by a column that runs
// past the window's edge.
func columnWidths(cols []fitColumn, width float32) []float32 {
	out := make([]float32, len(cols))
	var fixed, flex float32
	lastFlex := -1
	for i, c := range cols {
		out[i] = c.width
		if c.least > 0 {
			flex += c.width
			lastFlex = i
		} else {
			fixed += c.width
		}
	}
	if lastFlex < 0 {
		return out
	}
	room := width - fixed
	if room >= flex {
		out[lastFlex] += room - flex
		return out
	}
	for i, c := range cols {
		if c.least > 0 {
			out[i] = float32(math.Floor(float64(max(c.least, c.width*room/flex))))
		}
	}
	return out
}

// fitTable lays out a table with columnWidths on every change of width.
// onWidths, when set, runs after the widths change (to fit row heights).
type fitTable struct {
	t        *widget.Table
	cols     []fitColumn
	widths   []float32
	laidOut  float32
	onWidths func()
}

func (f *fitTable) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width == f.laidOut {
		return
	}
	f.laidOut = size.Width
	// Leave room for the vertical scroll bar and the column separators.
	f.widths = columnWidths(f.cols, size.Width-theme.ScrollBarSize()-float32(len(f.cols))*theme.SeparatorThicknessSize())
	for i, w := range f.widths {
		f.t.SetColumnWidth(i, w)
	}
	if f.onWidths != nil {
		f.onWidths()
	}
}

func (f *fitTable) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// wrappedLines counts the lines text takes in a label of the given width
// wrapping at words, as widget.Label does with its inner padding.
func wrappedLines(text string, width float32) int {
	size, style := theme.TextSize(), fyne.TextStyle{}
	avail := width - 2*theme.InnerPadding()
	if avail <= 0 || fyne.MeasureText(text, size, style).Width <= avail {
		return 1
	}
	lines, line := 1, ""
	for _, w := range strings.Fields(text) {
		next := w
		if line != "" {
			next = line + " " + w
		}
		if line != "" && fyne.MeasureText(next, size, style).Width > avail {
			lines++
			next = w
		}
		line = next
	}
	return lines
}

// wrappedHeight is the height of a label holding lines lines.
func wrappedHeight(lines int) float32 {
	line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{}).Height
	return float32(lines)*line + float32(lines-1)*theme.LineSpacing() + 2*theme.InnerPadding()
}
