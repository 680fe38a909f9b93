package ui

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/chart"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// The Totals screen's publishable charts: the ranked bars (By group) and
// the monthly series (By month) for the current filter and measure, each
// exportable as PNG and SVG at article size. The drawing is
// reconcile/chart's, so what is on screen is what is exported.

// chartParts are the widgets of the chart tabs.
type chartParts struct {
	tabs       *container.AppTabs
	tabGroups  *container.TabItem
	tabMonths  *container.TabItem
	monthly    *canvas.Raster
	months     *totals.Table // ByMonth for the current filter
	monthsGen  int
	exportPNG  *widget.Button
	exportSVG  *widget.Button
	monthsNote *widget.Label
}

// chartTabs wraps the bar chart in tabs with the monthly chart and the
// export buttons.
func (s *totalsScreen) chartTabs(bars fyne.CanvasObject) fyne.CanvasObject {
	c := &s.charts
	c.monthly = canvas.NewRaster(s.drawMonthly)
	c.monthly.SetMinSize(fyne.NewSize(300, 220))
	c.monthsNote = widget.NewLabel("")
	c.monthsNote.Wrapping = fyne.TextWrapWord
	c.monthsNote.Importance = widget.LowImportance
	c.tabGroups = container.NewTabItem("By group", bars)
	c.tabMonths = container.NewTabItem("By month", container.NewBorder(nil, c.monthsNote, nil, nil, c.monthly))
	c.tabs = container.NewAppTabs(c.tabGroups, c.tabMonths)
	c.exportPNG = widget.NewButtonWithIcon("Export chart as PNG…", theme.DocumentSaveIcon(), func() { s.onExportChart(".png") })
	c.exportSVG = widget.NewButtonWithIcon("SVG…", theme.DocumentSaveIcon(), func() { s.onExportChart(".svg") })
	c.exportPNG.Disable()
	c.exportSVG.Disable()
	return container.NewBorder(container.NewHBox(c.exportPNG, c.exportSVG), nil, nil, nil, c.tabs)
}

// refreshMonthly recomputes the monthly table for filter f, inline for
// small results and in the background for large ones.
func (s *totalsScreen) refreshMonthly(res *pipeline.Result, f totals.Filter) {
	s.charts.monthsGen++
	gen := s.charts.monthsGen
	set := func(t *totals.Table) {
		if gen != s.charts.monthsGen {
			return
		}
		s.charts.months = t
		s.showMonthly()
	}
	if len(res.Records) < 50000 {
		set(res.Totals(totals.ByMonth, f))
		return
	}
	s.u.goBG(func() {
		t := res.Totals(totals.ByMonth, f)
		s.u.main(func() { set(t) }, false)
	})
}

// showMonthly redraws the monthly chart (measure or data changed).
func (s *totalsScreen) showMonthly() {
	c := &s.charts
	_, unknown := totals.MonthSeries(c.months)
	note := ""
	if unknown != nil && unknown.Measures.Shipments > 0 {
		note = plural(unknown.Measures.Shipments, "shipment") + " without a known date are not on this chart."
	}
	c.monthsNote.SetText(note)
	c.monthsNote.Hidden = note == ""
	on := s.table != nil
	setEnabled(c.exportPNG, on)
	setEnabled(c.exportSVG, on)
	c.monthly.Refresh()
}

// monthlyChart is the monthly series of the current filter and measure.
func (s *totalsScreen) monthlyChart() *chart.Chart {
	value := s.measure.Selected == measureValue
	c := &chart.Chart{Kind: chart.Columns, Title: "Tonnes by month", Unit: "t"}
	if value {
		c.Title, c.Unit = "Value (USD) by month", "USD"
	}
	months, _ := totals.MonthSeries(s.charts.months)
	for _, g := range months {
		c.Labels = append(c.Labels, g.Label)
		if value {
			c.Values = append(c.Values, g.ValueUSD)
			c.Texts = append(c.Texts, groupUSD(&g.Measures))
		} else {
			c.Values = append(c.Values, g.Tonnes)
			c.Texts = append(c.Texts, trimTonnes(g.Tonnes))
		}
	}
	s.describe(c)
	return c
}

// groupsChart is the ranked bars as the By group tab shows them.
func (s *totalsScreen) groupsChart() *chart.Chart {
	value := s.measure.Selected == measureValue
	what := "Tonnes"
	if value {
		what = "Value (USD)"
	}
	c := &chart.Chart{Kind: chart.Bars, Title: what + " by " + strings.ToLower(groupByLabels[s.groupBy])}
	for i := range s.rows {
		g := &s.rows[i]
		c.Labels = append(c.Labels, g.Label)
		if value {
			c.Values = append(c.Values, g.ValueUSD)
			c.Texts = append(c.Texts, groupUSD(&g.Measures))
		} else {
			c.Values = append(c.Values, g.Tonnes)
			c.Texts = append(c.Texts, trimTonnes(g.Tonnes)+" t")
		}
	}
	if n := len(s.rows) - chart.MaxBars; n > 0 {
		c.Title += " (top " + strconv.Itoa(chart.MaxBars) + " of " + strconv.Itoa(len(s.rows)) + ")"
	}
	s.describe(c)
	return c
}

// describe sets the subtitle (the filter in words) and the footnote
// (where the figures come from).
func (s *totalsScreen) describe(c *chart.Chart) {
	f := s.applied
	c.Subtitle = f.Describe(func(id string) string {
		if s.res == nil || s.res.Names == nil {
			return ""
		}
		for _, e := range s.res.Names.Entities {
			if e.ID == id {
				return e.Canonical
			}
		}
		return ""
	})
	if s.res != nil {
		var names []string
		for _, f := range s.res.Files {
			if f.Err == nil {
				names = append(names, filepath.Base(f.Path))
			}
		}
		c.Source = "Source: customs records (" + strings.Join(names, ", ") + "), reconciled with Tradecheck " + pipeline.Version
	}
}

// drawMonthly renders the monthly chart for the raster, in the theme's
// colours, at the canvas scale so text stays sharp.
func (s *totalsScreen) drawMonthly(w, h int) image.Image {
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(s.charts.monthly); cv != nil {
		scale = cv.Scale()
	}
	if w <= 0 || h <= 0 {
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	c := s.monthlyChart()
	c.Source = "" // the footnote is for exports; the screen shows the files elsewhere
	c.Palette = themePalette()
	return c.Image(int(float32(w)/scale), int(float32(h)/scale), float64(scale))
}

// themePalette is the chart palette of the current theme variant.
func themePalette() chart.Palette {
	a := fyne.CurrentApp()
	th, v := a.Settings().Theme(), a.Settings().ThemeVariant()
	nrgba := func(n fyne.ThemeColorName) color.NRGBA {
		return color.NRGBAModel.Convert(th.Color(n, v)).(color.NRGBA)
	}
	bg := nrgba(theme.ColorNameBackground)
	bg.A = 255
	return chart.Palette{Background: bg, Text: nrgba(theme.ColorNameForeground), Muted: nrgba(theme.ColorNamePlaceHolder),
		Bar: nrgba(theme.ColorNamePrimary), Grid: nrgba(theme.ColorNameSeparator)}
}

// onExportChart asks where to save the chart of the visible tab.
func (s *totalsScreen) onExportChart(ext string) {
	if s.table == nil {
		return
	}
	c, name := s.groupsChart(), "totals-by-"+string(s.groupBy)
	if s.charts.tabs.Selected() == s.charts.tabMonths {
		c, name = s.monthlyChart(), "totals-by-month"
	}
	if s.measure.Selected == measureValue {
		name += "-usd"
	} else {
		name += "-tonnes"
	}
	dir, _ := os.UserHomeDir()
	s.u.askSavePath("Export the chart", name+ext, dir, ext, func(path string) { s.writeChart(c, path) })
}

// writeChart writes c to path as PNG or SVG, by the path's extension.
func (s *totalsScreen) writeChart(c *chart.Chart, path string) {
	s.u.writeInBackground("chart", path, func() ([]byte, error) {
		if strings.EqualFold(filepath.Ext(path), ".svg") {
			return c.SVG(), nil
		}
		return c.PNG()
	})
}

// trimTonnes prints tonnes with up to three decimals and separators.
func trimTonnes(t float64) string { return values.FormatNumber(t, 3) }
