package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestClaimHeadNoOverlap: in every sample claim's detail, the title,
// figure, reason, notes and filters stack without overlapping, each as
// tall as its wrapped text needs, at two window widths.
func TestClaimHeadNoOverlap(t *testing.T) {
	u := newSampleUI(t, test.NewTempApp(t), t.TempDir())
	s := u.claims
	for _, w := range []float32{1200, 900} {
		u.win.Resize(fyne.NewSize(w, 780))
		for _, c := range u.project.Claims {
			s.selectClaim(c.ID)
			objs := []fyne.CanvasObject{s.title, s.figure, s.reason, s.notes, s.filters}
			var prevBottom float32
			var prevName string
			for i, o := range objs {
				if !o.Visible() {
					continue
				}
				name := []string{"title", "figure", "reason", "notes", "filters"}[i]
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
				if pos.Y < prevBottom-0.5 {
					t.Errorf("width %v, %s: %s starts at %.1f, above the end of %s at %.1f", w, c.ID, name, pos.Y, prevName, prevBottom)
				}
				if o.Size().Height < o.MinSize().Height-0.5 {
					t.Errorf("width %v, %s: %s is %.1f tall, its text needs %.1f", w, c.ID, name, o.Size().Height, o.MinSize().Height)
				}
				prevBottom, prevName = pos.Y+o.Size().Height, name
			}
		}
	}
}
