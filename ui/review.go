package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
)

// reviewPanel walks the grey-zone pairs the matcher was unsure about. The
// user's answer becomes a confirm or not-same decision; Skip only moves on.
type reviewPanel struct {
	s       *entitiesScreen
	content fyne.CanvasObject

	res     *pipeline.Result
	pairs   []match.Pair
	skipped map[string]bool
	pos     int

	progress *widget.Label
	nameA    *widget.Label
	infoA    *widget.Label
	nameB    *widget.Label
	infoB    *widget.Label
	why      *widget.Label
	same     *widget.Button
	notSame  *widget.Button
	skip     *widget.Button
}

func newReviewPanel(s *entitiesScreen) *reviewPanel {
	r := &reviewPanel{s: s, skipped: map[string]bool{}}
	r.buildUI()
	return r
}

func (r *reviewPanel) buildUI() {
	r.progress = widget.NewLabel("Nothing to review yet.")
	big := func() *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	small := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		return l
	}
	r.nameA, r.infoA, r.nameB, r.infoB = big(), small(), big(), small()
	r.why = widget.NewLabel("")
	r.why.Wrapping = fyne.TextWrapWord
	r.same = widget.NewButtonWithIcon("Same firm (S)", theme.ConfirmIcon(), r.onSame)
	r.same.Importance = widget.HighImportance
	r.notSame = widget.NewButtonWithIcon("Not same (N)", theme.CancelIcon(), r.onNotSame)
	r.skip = widget.NewButtonWithIcon("Skip (K)", theme.MediaSkipNextIcon(), r.onSkip)
	help := widget.NewLabel("These pairs scored between the review and auto-merge thresholds. Press S, N or K when no text field has focus.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	cards := container.NewGridWithColumns(2,
		widget.NewCard("", "", container.NewVBox(r.nameA, r.infoA)),
		widget.NewCard("", "", container.NewVBox(r.nameB, r.infoB)))
	r.content = container.NewPadded(container.NewVBox(r.progress, cards, r.why,
		container.NewHBox(r.same, r.notSame, r.skip), help))
	r.show()
}

func pairKey(res *pipeline.Result, p match.Pair) string {
	return res.Names.Mentions[p.A].Key() + "\x1e" + res.Names.Mentions[p.B].Key()
}

func (r *reviewPanel) setResult(res *pipeline.Result) {
	r.res = res
	r.pairs = r.pairs[:0]
	if res.Names != nil {
		for _, p := range res.Names.Review {
			if !r.skipped[pairKey(res, p)] {
				r.pairs = append(r.pairs, p)
			}
		}
	}
	r.pos = 0
	r.show()
}

// remaining is the number of pairs still to review.
func (r *reviewPanel) remaining() int { return len(r.pairs) - r.pos }

func (r *reviewPanel) current() (match.Pair, bool) {
	if r.pos < len(r.pairs) {
		return r.pairs[r.pos], true
	}
	return match.Pair{}, false
}

func (r *reviewPanel) mentionInfo(i int) string {
	m := r.res.Names.Mentions[i]
	s := fmt.Sprintf("%s · %s", m.Role, plural(m.Count, "row"))
	if m.TaxID != "" {
		s += " · tax ID " + m.TaxID
	}
	if e := r.res.Names.EntityOf[i]; e >= 0 {
		s += " · now in " + r.res.Names.Entities[e].Canonical
	}
	return s
}

func (r *reviewPanel) show() {
	p, ok := r.current()
	for _, b := range []*widget.Button{r.same, r.notSame, r.skip} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if !ok {
		r.progress.SetText("Nothing left to review.")
		r.nameA.SetText("")
		r.infoA.SetText("")
		r.nameB.SetText("")
		r.infoB.SetText("")
		r.why.SetText("")
		return
	}
	r.progress.SetText(fmt.Sprintf("Pair %d of %d", r.pos+1, len(r.pairs)))
	r.nameA.SetText(r.res.Names.Mentions[p.A].Name)
	r.infoA.SetText(r.mentionInfo(p.A))
	r.nameB.SetText(r.res.Names.Mentions[p.B].Name)
	r.infoB.SetText(r.mentionInfo(p.B))
	r.why.SetText(fmt.Sprintf("Score %.2f: %s", p.Score, strings.Join(p.Reasons, "; ")))
}

func (r *reviewPanel) decide(op string) {
	p, ok := r.current()
	if !ok {
		return
	}
	a, b := r.res.Names.Mentions[p.A], r.res.Names.Mentions[p.B]
	// Move on at once; the recluster replaces the queue when it finishes.
	r.skipped[pairKey(r.res, p)] = true
	r.pos++
	r.show()
	verb := "Confirming"
	if op == match.OpNotSame {
		verb = "Separating"
	}
	r.s.u.decide(match.Decision{Op: op, Name: a.Name, Role: a.Role, TaxID: a.TaxID, Other: b.Name, OtherRole: b.Role},
		fmt.Sprintf("%s %q and %q…", verb, a.Name, b.Name))
}

func (r *reviewPanel) onSame()    { r.decide(match.OpConfirm) }
func (r *reviewPanel) onNotSame() { r.decide(match.OpNotSame) }

func (r *reviewPanel) onSkip() {
	p, ok := r.current()
	if !ok {
		return
	}
	r.skipped[pairKey(r.res, p)] = true
	r.pos++
	r.show()
	r.s.tabReview.Text = fmt.Sprintf("Review (%d)", r.remaining())
	r.s.inner.Refresh()
}

// plural writes "1 row", "2 rows".
// entities counts entities ("1 entity", "3 entities"), which plural's
// added "s" would misspell.
func entities(n int) string {
	if n == 1 {
		return "1 entity"
	}
	return fmt.Sprintf("%d entities", n)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
