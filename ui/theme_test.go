package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestTextContrast computes the WCAG contrast of every text colour the
// app uses for words against the background, in both variants: body and
// secondary text (low-importance labels use the "disabled" colour) must
// reach AA, 4.5:1.
func TestTextContrast(t *testing.T) {
	th := newAppTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder} {
			t.Run(string(n)+variantName(v), func(t *testing.T) {
				if c := contrast(th.Color(n, v), bg); c < 4.5 {
					t.Errorf("contrast %.2f:1, want at least 4.5:1", c)
				}
			})
		}
		// Secondary text must stay quieter than body text.
		if contrast(th.Color(theme.ColorNameDisabled, v), bg) >= contrast(th.Color(theme.ColorNameForeground, v), bg) {
			t.Errorf("%s: secondary text is as loud as body text", variantName(v))
		}
	}
	// The measure itself: black on white is 21:1, equal colours 1:1, and
	// Fyne's own dark "disabled" grey is the failure this theme fixes.
	black, white := color.NRGBA{0, 0, 0, 255}, color.NRGBA{255, 255, 255, 255}
	if c := contrast(black, white); c < 20.99 || c > 21.01 {
		t.Errorf("black on white: %.3f, want 21", c)
	}
	if c := contrast(white, white); c != 1 {
		t.Errorf("white on white: %v, want 1", c)
	}
	def := theme.DefaultTheme()
	if c := contrast(def.Color(theme.ColorNameDisabled, theme.VariantDark), def.Color(theme.ColorNameBackground, theme.VariantDark)); c >= 4.5 {
		t.Logf("Fyne's default dark secondary text now reaches %.2f:1; the override may be unnecessary", c)
	}
}

func variantName(v fyne.ThemeVariant) string {
	if v == theme.VariantDark {
		return "/dark"
	}
	return "/light"
}
