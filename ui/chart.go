package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// maxBars is how many bars the chart draws; the table below has the rest.
const maxBars = 15

// barChart is a horizontal bar chart drawn with canvas primitives: one
// rectangle, label and value text per bar. It only presents; callers pass
// the figures already computed by the engine.
type barChart struct {
	widget.BaseWidget
	labels []string
	values []float64
	texts  []string // formatted values
	// OnTapped reports the bar the user tapped.
	OnTapped func(i int)
}

func newBarChart() *barChart {
	c := &barChart{}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the bars. Only the first maxBars are drawn.
func (c *barChart) set(labels []string, values []float64, texts []string) {
	n := len(labels)
	if n > maxBars {
		n = maxBars
	}
	c.labels, c.values, c.texts = labels[:n], values[:n], texts[:n]
	c.Refresh()
}

func (c *barChart) Tapped(e *fyne.PointEvent) {
	if c.OnTapped == nil || len(c.labels) == 0 {
		return
	}
	h := c.Size().Height / float32(len(c.labels))
	if i := int(e.Position.Y / h); i >= 0 && i < len(c.labels) {
		c.OnTapped(i)
	}
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barRenderer{c: c}
	r.rebuild()
	return r
}

type barRenderer struct {
	c       *barChart
	bars    []*canvas.Rectangle
	labels  []*canvas.Text
	vals    []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *barRenderer) rebuild() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	for len(r.bars) < len(c.labels) {
		r.bars = append(r.bars, canvas.NewRectangle(th.Color(theme.ColorNamePrimary, v)))
		r.labels = append(r.labels, canvas.NewText("", th.Color(theme.ColorNameForeground, v)))
		r.vals = append(r.vals, canvas.NewText("", th.Color(theme.ColorNameForeground, v)))
	}
	r.bars, r.labels, r.vals = r.bars[:len(c.labels)], r.labels[:len(c.labels)], r.vals[:len(c.labels)]
	r.objects = r.objects[:0]
	size := th.Size(theme.SizeNameText)
	for i := range c.labels {
		r.bars[i].FillColor = th.Color(theme.ColorNamePrimary, v)
		r.bars[i].CornerRadius = 2
		r.labels[i].Text = c.labels[i]
		r.labels[i].Color = th.Color(theme.ColorNameForeground, v)
		r.labels[i].TextSize = size
		r.vals[i].Text = c.texts[i]
		r.vals[i].Color = th.Color(theme.ColorNameForeground, v)
		r.vals[i].TextSize = size
		r.objects = append(r.objects, r.bars[i], r.labels[i], r.vals[i])
	}
}

func (r *barRenderer) Layout(size fyne.Size) {
	c := r.c
	n := len(c.labels)
	if n == 0 {
		return
	}
	labelW := size.Width * 0.32
	valueW := float32(110)
	barMax := size.Width - labelW - valueW - 16
	if barMax < 10 {
		barMax = 10
	}
	maxV := 0.0
	for _, v := range c.values {
		if v > maxV {
			maxV = v
		}
	}
	rowH := size.Height / float32(n)
	barH := rowH * 0.7
	for i := 0; i < n; i++ {
		y := float32(i) * rowH
		w := float32(0)
		if maxV > 0 && c.values[i] > 0 {
			w = barMax * float32(c.values[i]/maxV)
		}
		if w < 1 && c.values[i] > 0 {
			w = 1
		}
		r.bars[i].Move(fyne.NewPos(labelW+8, y+(rowH-barH)/2))
		r.bars[i].Resize(fyne.NewSize(w, barH))
		r.labels[i].Text = ellipsize(c.labels[i], labelW, r.labels[i].TextSize)
		r.labels[i].Move(fyne.NewPos(0, y+(rowH-r.labels[i].MinSize().Height)/2))
		r.labels[i].Resize(fyne.NewSize(labelW, r.labels[i].MinSize().Height))
		r.vals[i].Move(fyne.NewPos(labelW+8+w+6, y+(rowH-r.vals[i].MinSize().Height)/2))
		r.vals[i].Resize(r.vals[i].MinSize())
	}
}

// ellipsize shortens s with "…" until it fits width at text size.
func ellipsize(s string, width, size float32) string {
	if fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 {
		rs = rs[:len(rs)-1]
		t := string(rs) + "…"
		if fyne.MeasureText(t, size, fyne.TextStyle{}).Width <= width {
			return t
		}
	}
	return "…"
}

func (r *barRenderer) MinSize() fyne.Size {
	return fyne.NewSize(300, float32(len(r.c.labels))*22)
}

func (r *barRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *barRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *barRenderer) Destroy()                     {}
