package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
)

func TestBarChartMarkup(t *testing.T) {
	test.NewTempApp(t)
	c := newBarChart()
	c.set([]string{"TEKHKOM LLC", "OOO TEKHKRIM", "a name far too long to fit in the label column of the chart"},
		[]float64{1924.161, 42.12, 0.5}, []string{"1924.161 t", "42.120 t", "0.500 t"})
	w := test.NewWindow(c)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 120))
	test.AssertRendersToMarkup(t, "chart.xml", w.Canvas())
}

func TestReviewPanelMarkup(t *testing.T) {
	u := newTestUI(t)
	res := namesResult([]string{"OOO TEKHKRIM", "ООО «Техкрим»", "TEKHKRIM-SERVICE LLC"}, []int{0, 0, 1})
	res.Names.Review = []match.Pair{{A: 0, B: 2, Score: 0.82, Reasons: []string{"Jaro-Winkler 0.90: TEKHKRIM ~ TEKHKRIM SERVICE"}}}
	u.entities.review.setResult(res)
	u.tabs.Select(u.tabEntities)
	u.entities.inner.Select(u.entities.tabReview)
	test.AssertRendersToMarkup(t, "review.xml", u.win.Canvas())
	if u.entities.review.remaining() != 1 {
		t.Errorf("remaining: got %d, want 1", u.entities.review.remaining())
	}
}

func TestErrorDialogMarkup(t *testing.T) {
	test.NewTempApp(t)
	err := &reconcile.Error{File: "/home/r/Downloads/export.xlsx", Sheet: "Shipments", Row: 12, Column: 5,
		Err: reconcile.ErrCorrupt, Hint: "download the file again"}
	w := test.NewWindow(errorContent(err))
	defer w.Close()
	w.Resize(fyne.NewSize(560, 200))
	test.AssertRendersToMarkup(t, "error.xml", w.Canvas())
}
