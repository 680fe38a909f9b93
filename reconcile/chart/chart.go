// Package chart draws Tradecheck's charts for publication, without a
// window: the ranked bars of the Totals screen and the monthly time
// series, as PNG (Go's own fonts, so a render is the same on every
// machine) and as hand-written SVG (text stays text, so an editor can
// restyle it). The app shows the same drawing on screen and exports it;
// tests render it headlessly.
//
// The chart only presents: callers pass figures the engine computed and
// the strings to print beside them.
package chart

import (
	"image/color"
	"math"
	"strings"

	"tradecheck/reconcile/values"
)

// Kind is the shape of a chart.
type Kind int

// Kinds.
const (
	Bars    Kind = iota // horizontal bars, largest first (groups)
	Columns             // vertical columns along time (months)
)

// Article size: 16:9, the width of a news site's main column at 2x.
const (
	ArticleWidth  = 800 // logical pixels; PNG doubles them
	ArticleHeight = 450
	PNGScale      = 2
)

// MaxBars is how many bars a Bars chart draws; the rest are summed in
// the subtitle's note by the caller if it wishes.
const MaxBars = 15

// Palette colours a chart. The zero Palette means Light.
type Palette struct {
	Background, Text, Muted, Bar, Grid color.NRGBA
}

// Light is the palette for print and web: dark text on white, with
// contrast above WCAG AA for every text colour.
var Light = Palette{
	Background: color.NRGBA{255, 255, 255, 255},
	Text:       color.NRGBA{26, 26, 26, 255},
	Muted:      color.NRGBA{85, 85, 85, 255},
	Bar:        color.NRGBA{31, 96, 168, 255},
	Grid:       color.NRGBA{221, 221, 221, 255},
}

// Chart is one chart's data and words.
type Chart struct {
	Kind     Kind
	Title    string
	Subtitle string // the filter, in words
	Unit     string // "t", "USD": printed on the value axis
	Labels   []string
	Values   []float64
	Texts    []string // printed beside each bar; empty: formatted from Values
	Source   string   // footnote: where the figures come from
	Palette  Palette
}

func (c *Chart) palette() Palette {
	if c.Palette == (Palette{}) {
		return Light
	}
	return c.Palette
}

// text returns the printed value of bar i.
func (c *Chart) text(i int) string {
	if i < len(c.Texts) && c.Texts[i] != "" {
		return c.Texts[i]
	}
	return values.FormatNumber(c.Values[i], 1)
}

// n is how many bars are drawn.
func (c *Chart) n() int {
	n := min(len(c.Labels), len(c.Values))
	if c.Kind == Bars {
		n = min(n, MaxBars)
	}
	return n
}

// align of a text relative to its x.
type align int

const (
	left align = iota
	center
	right
)

// painter is what the layout draws with: a raster image or SVG markup.
// Coordinates are logical pixels; y of a text is its baseline.
type painter interface {
	rect(x, y, w, h float64, c color.NRGBA)
	text(x, y float64, s string, size float64, a align, c color.NRGBA, bold bool)
}

// draw lays the chart out on a w×h canvas.
func (c *Chart) draw(p painter, w, h float64) {
	pal := c.palette()
	p.rect(0, 0, w, h, pal.Background)
	const m = 24.0 // outer margin
	y := m + 20
	title := fit(c.Title, w-2*m, 20, true)
	p.text(m, y, title, 20, left, pal.Text, true)
	if c.Subtitle != "" {
		y += 22
		p.text(m, y, fit(c.Subtitle, w-2*m, 13, false), 13, left, pal.Muted, false)
	}
	top := y + 18
	bottom := h - m
	if c.Source != "" {
		p.text(m, h-m+4, fit(c.Source, w-2*m, 11, false), 11, left, pal.Muted, false)
		bottom -= 18
	}
	if c.n() == 0 {
		p.text(w/2, (top+bottom)/2, "No shipments match these filters.", 14, center, pal.Muted, false)
		return
	}
	if c.Kind == Columns {
		c.columns(p, m, top, w-m, bottom, pal)
	} else {
		c.bars(p, m, top, w-m, bottom, pal)
	}
}

// bars draws ranked horizontal bars with the label on the left and the
// value at the end of each bar.
func (c *Chart) bars(p painter, x0, y0, x1, y1 float64, pal Palette) {
	n := c.n()
	const size = 13.0
	labelW := 0.0
	for i := 0; i < n; i++ {
		labelW = math.Max(labelW, measure(c.Labels[i], size, false))
	}
	labelW = math.Min(labelW, (x1-x0)*0.38)
	valueW := 0.0
	for i := 0; i < n; i++ {
		valueW = math.Max(valueW, measure(c.text(i), size, false))
	}
	barX := x0 + labelW + 10
	barMax := math.Max(10, x1-barX-valueW-8)
	maxV := maxOf(c.Values[:n])
	rowH := math.Min(34, (y1-y0)/float64(n))
	barH := rowH * 0.66
	for i := 0; i < n; i++ {
		y := y0 + float64(i)*rowH
		base := y + rowH/2 + size*0.35
		p.text(x0, base, fit(c.Labels[i], labelW, size, false), size, left, pal.Text, false)
		bw := 0.0
		if maxV > 0 && c.Values[i] > 0 {
			bw = math.Max(1, barMax*c.Values[i]/maxV)
		}
		p.rect(barX, y+(rowH-barH)/2, bw, barH, pal.Bar)
		p.text(barX+bw+6, base, c.text(i), size, left, pal.Text, false)
	}
}

// columns draws a time series: a value axis with round ticks and grid
// lines, one column per month, month labels thinned to fit.
func (c *Chart) columns(p painter, x0, y0, x1, y1 float64, pal Palette) {
	n := c.n()
	const size = 11.0
	maxV := maxOf(c.Values[:n])
	step := niceStep(maxV / 5)
	top := math.Max(step, math.Ceil(maxV/step)*step)
	axisW := 0.0
	for v := 0.0; v <= top+step/2; v += step {
		axisW = math.Max(axisW, measure(tick(v, step), size, false))
	}
	unitH := 0.0
	if c.Unit != "" {
		p.text(x0, y0+size, c.Unit, size, left, pal.Muted, false)
		unitH = size + 8
	}
	px0, px1 := x0+axisW+8, x1
	py0, py1 := y0+unitH+6, y1-size-10 // room for month labels
	yOf := func(v float64) float64 { return py1 - (py1-py0)*v/top }
	for v := 0.0; v <= top+step/2; v += step {
		y := yOf(v)
		p.rect(px0, y, px1-px0, 1, pal.Grid)
		p.text(px0-6, y+size*0.35, tick(v, step), size, right, pal.Muted, false)
	}
	slot := (px1 - px0) / float64(n)
	colW := slot * 0.72
	// Label every k-th month so labels never overlap.
	labelW := 0.0
	for i := 0; i < n; i++ {
		labelW = math.Max(labelW, measure(monthLabel(c.Labels[i]), size, false))
	}
	every := max(1, int(math.Ceil((labelW+6)/slot)))
	showValues := n <= 24
	for i := 0; i < n; i++ {
		x := px0 + float64(i)*slot + (slot-colW)/2
		v := math.Max(0, c.Values[i])
		y := yOf(v)
		p.rect(x, y, colW, py1-y, pal.Bar)
		if showValues && measure(c.text(i), 9, false) <= slot {
			p.text(x+colW/2, y-4, c.text(i), 9, center, pal.Text, false)
		}
		if i%every == 0 {
			p.text(x+colW/2, py1+size+6, monthLabel(c.Labels[i]), size, center, pal.Text, false)
		}
	}
	p.rect(px0, py1, px1-px0, 1, pal.Muted)
}

// monthLabel shortens "2022-06" to "Jun 22"; other labels pass through.
func monthLabel(s string) string {
	if len(s) == 7 && s[4] == '-' {
		months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
		mm := int(s[5]-'0')*10 + int(s[6]-'0')
		if mm >= 1 && mm <= 12 {
			return months[mm-1] + " " + s[2:4]
		}
	}
	return s
}

func maxOf(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		if v > m && !math.IsInf(v, 0) && !math.IsNaN(v) {
			m = v
		}
	}
	return m
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if f*p >= raw {
			return f * p
		}
	}
	return 10 * p
}

// tick prints an axis value with as many decimals as the step needs.
func tick(v, step float64) string {
	dec := 0
	if step < 1 {
		dec = int(math.Ceil(-math.Log10(step)))
	}
	return values.FormatNumber(v, dec)
}

// fit shortens s with "…" until it fits width.
func fit(s string, width, size float64, bold bool) string {
	if measure(s, size, bold) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 {
		rs = rs[:len(rs)-1]
		t := strings.TrimRight(string(rs), " ") + "…"
		if measure(t, size, bold) <= width {
			return t
		}
	}
	return "…"
}
