package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with readable secondary text. Fyne
// draws low-importance labels (counts, hints, notes) in its "disabled"
// colour, which on the dark theme is #39393a on #171718, a contrast of
// about 1.6:1; WCAG AA asks 4.5:1 for body text. The greys below meet it
// in both variants while staying visibly quieter than the foreground.
// Disabled buttons keep their flat disabled background, so they still
// look disabled.
type appTheme struct{ fyne.Theme }

// secondaryText is the grey of secondary text per variant.
var secondaryText = map[fyne.ThemeVariant]color.NRGBA{
	theme.VariantDark:  {R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}, // 6.4:1 on #171718
	theme.VariantLight: {R: 0x70, G: 0x70, B: 0x70, A: 0xff}, // 4.9:1 on white
}

func newAppTheme() fyne.Theme { return appTheme{theme.DefaultTheme()} }

func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameDisabled:
		return secondaryText[v]
	case theme.ColorNamePlaceHolder:
		if v == theme.VariantLight {
			// #888888 on white is 3.5:1.
			return secondaryText[v]
		}
	}
	return t.Theme.Color(n, v)
}

// contrast is the WCAG 2 contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
