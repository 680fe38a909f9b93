package ui

import (
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/values"
)

// verdictBadge is a verdict as a coloured pill: green Supported, red
// Contradicted, orange Insufficient data, grey Nothing found. Colours
// come from the theme at every refresh, so the badge follows the system
// light or dark theme.
type verdictBadge struct {
	widget.BaseWidget
	kind claims.Kind // "" while the claim is being checked
}

func newVerdictBadge() *verdictBadge {
	b := &verdictBadge{}
	b.ExtendBaseWidget(b)
	return b
}

// notChecked is the badge of a claim whose check the user cancelled.
const notChecked claims.Kind = "not_checked"

// setKind shows a verdict kind; "" shows "Checking…", notChecked "Not
// checked".
func (b *verdictBadge) setKind(k claims.Kind) {
	if b.kind == k {
		return
	}
	b.kind = k
	b.Refresh()
}

// text is the badge's label.
func (b *verdictBadge) text() string {
	switch b.kind {
	case "":
		return "Checking…"
	case notChecked:
		return "Not checked"
	}
	return b.kind.Label()
}

// colors returns the fill and the text colour for the badge's kind.
// Nothing found (and Checking…) has no fill: an outline in the text
// colour, which reads in both themes.
func (b *verdictBadge) colors() (fill, fg color.Color) {
	c := func(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, b) }
	switch b.kind {
	case claims.Supported:
		return c(theme.ColorNameSuccess), c(theme.ColorNameForegroundOnSuccess)
	case claims.Contradicted:
		return c(theme.ColorNameError), c(theme.ColorNameForegroundOnError)
	case claims.Insufficient:
		return c(theme.ColorNameWarning), c(theme.ColorNameForegroundOnWarning)
	}
	return color.Transparent, c(theme.ColorNameForeground)
}

func (b *verdictBadge) CreateRenderer() fyne.WidgetRenderer {
	r := &badgeRenderer{b: b, bg: canvas.NewRectangle(color.Transparent), label: canvas.NewText("", color.Black)}
	r.label.TextStyle = fyne.TextStyle{Bold: true}
	r.label.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type badgeRenderer struct {
	b     *verdictBadge
	bg    *canvas.Rectangle
	label *canvas.Text
}

// badgeWidth fits the longest label, so every badge in a list lines up.
func (r *badgeRenderer) badgeWidth() float32 {
	w := fyne.MeasureText(claims.Insufficient.Label(), r.label.TextSize, r.label.TextStyle).Width
	return w + 4*theme.Padding()
}

func (r *badgeRenderer) MinSize() fyne.Size {
	h := fyne.MeasureText("Ag", r.label.TextSize, r.label.TextStyle).Height
	return fyne.NewSize(r.badgeWidth(), h+2*theme.Padding())
}

func (r *badgeRenderer) Layout(size fyne.Size) {
	min := r.MinSize()
	pos := fyne.NewPos(0, (size.Height-min.Height)/2)
	r.bg.Move(pos)
	r.bg.Resize(min)
	r.label.Move(pos)
	r.label.Resize(min)
}

func (r *badgeRenderer) Refresh() {
	fill, fg := r.b.colors()
	r.bg.FillColor = fill
	r.bg.StrokeColor, r.bg.StrokeWidth = nil, 0
	if fill == color.Transparent {
		r.bg.StrokeColor, r.bg.StrokeWidth = fg, 1.5
	}
	r.bg.CornerRadius = theme.InputRadiusSize() * 2
	r.label.Color = fg
	r.label.Text = r.b.text()
	r.label.TextSize = theme.TextSize()
	r.bg.Refresh()
	r.label.Refresh()
}

func (r *badgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.label} }
func (r *badgeRenderer) Destroy()                     {}

// countryOptions lists every country values knows as "Name (XX)", sorted
// by name. The engine's country parser reads that form back (a name and a
// code that agree), so a picked option needs no second lookup table.
var countryOptions = func() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if name := values.CountryName(code); name != code {
				out = append(out, name+" ("+code+")")
			}
		}
	}
	sort.Strings(out)
	return out
}()

// countryLabel renders ISO codes for the country pickers: "China (CN);
// Turkey (TR)".
func countryLabel(codes []string) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = values.CountryName(c) + " (" + c + ")"
	}
	return strings.Join(out, "; ")
}

// newCountryPicker is a SelectEntry over the country list. Typing narrows
// the drop-down to countries whose name or code starts with the last
// word typed; several countries are separated by ";", and picking one
// from the drop-down replaces only the country being typed.
func newCountryPicker(placeholder string) *widget.SelectEntry {
	e := widget.NewSelectEntry(countryOptions)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(text string) { e.SetOptions(countryChoices(text)) }
	return e
}

// countryChoices are the drop-down entries for what has been typed: the
// countries already chosen (everything up to the last ";") followed by
// each country that matches the part after it.
func countryChoices(text string) []string {
	head, last := "", text
	if i := strings.LastIndex(text, ";"); i >= 0 {
		head, last = strings.TrimSpace(text[:i])+"; ", text[i+1:]
	}
	last = strings.ToLower(strings.TrimSpace(last))
	if strings.HasSuffix(last, ")") {
		last = "" // a complete choice: offer the whole list again
	}
	var out []string
	if code, ok := values.Country(last); ok && last != "" {
		// A name in any language the engine knows ("turkey", "китай").
		out = append(out, head+values.CountryName(code)+" ("+code+")")
	}
	for _, o := range countryOptions {
		lo := strings.ToLower(o)
		code := strings.ToLower(o[len(o)-3 : len(o)-1])
		if last == "" || strings.HasPrefix(lo, last) || code == last || strings.Contains(lo, " "+last) {
			out = append(out, head+o)
		}
	}
	if len(out) == 0 {
		return countryOptions
	}
	return out
}

// parseCountryField reads a country picker: options as listed ("Virgin
// Islands (U.S.) (VI)") by their code, anything else ("CN TR", "Китай")
// with the engine's country parser.
func parseCountryField(text string) ([]string, error) {
	var out []string
	for _, piece := range strings.Split(text, ";") {
		piece = strings.TrimSpace(piece)
		if n := len(piece); n >= 4 && piece[n-1] == ')' && piece[n-4] == '(' {
			if code := piece[n-3 : n-1]; values.CountryName(code) != code {
				out = appendCode(out, code)
				continue
			}
		}
		cs, err := claims.ParseCountries(piece)
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out = appendCode(out, c)
		}
	}
	return out, nil
}

func appendCode(list []string, c string) []string {
	for _, x := range list {
		if x == c {
			return list
		}
	}
	return append(list, c)
}
