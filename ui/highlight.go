package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var (
	plainStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameForeground}
	matchStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary,
		TextStyle: fyne.TextStyle{Bold: true}}
)

// highlightSegments splits text into inline segments where the runes at
// the matched positions (rune offsets, as match.SearchHit.Positions gives
// them) are bold and in the primary colour. Positions out of range are
// ignored.
func highlightSegments(text string, matched []int) []widget.RichTextSegment {
	if len(matched) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Style: plainStyle, Text: text}}
	}
	hit := make(map[int]bool, len(matched))
	for _, m := range matched {
		hit[m] = true
	}
	var segs []widget.RichTextSegment
	start, cur, ri := 0, false, 0
	for i := range text {
		h := hit[ri]
		ri++
		if i == 0 {
			cur = h
			continue
		}
		if h != cur {
			segs = append(segs, segment(text[start:i], cur))
			start, cur = i, h
		}
	}
	if start < len(text) {
		segs = append(segs, segment(text[start:], cur))
	}
	return segs
}

func segment(s string, hit bool) widget.RichTextSegment {
	if hit {
		return &widget.TextSegment{Style: matchStyle, Text: s}
	}
	return &widget.TextSegment{Style: plainStyle, Text: s}
}
