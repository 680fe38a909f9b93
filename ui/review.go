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
	effect   *widget.Label
	same     *widget.Button
	notSame  *widget.Button
	skip     *widget.Button
	open     *widget.Button

	// gen numbers the pair shown, so a context worked out for an earlier
	// pair is dropped when it arrives late.
	gen int
	ctx *pipeline.ReviewContext
}

// reviewSamples is how many source rows the card lists per side.
const reviewSamples = 3

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
	r.open = widget.NewButtonWithIcon("Open in Shipments", theme.SearchIcon(), r.onOpen)
	r.effect = widget.NewLabel("")
	r.effect.Wrapping = fyne.TextWrapWord
	help := widget.NewLabel("These pairs scored between the review and auto-merge thresholds. Press S, N or K when no text field has focus.")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	cards := container.NewGridWithColumns(2,
		widget.NewCard("", "", container.NewVBox(r.nameA, r.infoA)),
		widget.NewCard("", "", container.NewVBox(r.nameB, r.infoB)))
	r.content = container.NewPadded(container.NewVBox(r.progress, cards, r.why, r.effect,
		container.NewHBox(r.same, r.notSame, r.skip, r.open), help))
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
	r.gen++
	r.ctx = nil
	r.effect.SetText("")
	r.open.Disable()
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
	if len(r.res.Records) == 0 {
		return // names only: nothing more to show
	}
	// The context scans the records and may check the claims twice: off
	// the UI goroutine.
	gen, res := r.gen, r.res
	r.s.u.goBG(func() {
		ctx := res.ReviewContext(p, reviewSamples)
		r.s.u.main(func() {
			if gen == r.gen && res == r.res {
				r.showContext(&ctx)
			}
		}, false)
	})
}

// showContext adds the evidence beyond the names to the card.
func (r *reviewPanel) showContext(c *pipeline.ReviewContext) {
	r.ctx = c
	r.infoA.SetText(r.mentionInfo(c.A.Mention) + "\n" + sideText(&c.A))
	r.infoB.SetText(r.mentionInfo(c.B.Mention) + "\n" + sideText(&c.B))
	var lines []string
	switch {
	case len(c.SharedTaxIDs) > 0:
		lines = append(lines, "Same tax ID: "+strings.Join(c.SharedTaxIDs, ", "))
	case c.TaxIDsConflict:
		lines = append(lines, "Different tax IDs: two legal entities")
	}
	if len(c.SharedCountries) > 0 {
		lines = append(lines, "Countries on both sides: "+strings.Join(c.SharedCountries, ", "))
	}
	if c.A.EntityRows > 0 && c.B.EntityRows > 0 && !c.SameEntity {
		lines = append(lines, fmt.Sprintf("Merging joins %s (%s) and %s (%s).", c.A.EntityName, plural(c.A.EntityRows, "row"), c.B.EntityName, plural(c.B.EntityRows, "row")))
	}
	for _, ch := range c.Claims {
		l := fmt.Sprintf("Claim %s: figure %g → %g", ch.ClaimID, ch.FigureBefore, ch.FigureAfter)
		if ch.VerdictChanges {
			l += fmt.Sprintf(", verdict %s → %s", ch.Before.Label(), ch.After.Label())
		}
		lines = append(lines, l)
	}
	if c.ClaimsChecked && len(c.Claims) == 0 {
		lines = append(lines, "No claim's verdict or figure would change.")
	}
	r.effect.SetText(strings.Join(lines, "\n"))
	r.open.Enable()
}

// sideText is one side's evidence in a few lines.
func sideText(s *pipeline.ReviewSide) string {
	var parts []string
	if len(s.TaxIDs) > 0 {
		parts = append(parts, "tax ID "+strings.Join(s.TaxIDs, ", "))
	}
	if len(s.Countries) > 0 {
		var cs []string
		for _, c := range s.Countries {
			cs = append(cs, c.Value)
		}
		parts = append(parts, strings.Join(cs, " "))
	}
	if s.First.Known() {
		parts = append(parts, s.First.String()+" – "+s.Last.String())
	}
	if len(s.HSChapters) > 0 {
		var hs []string
		for _, c := range s.HSChapters {
			hs = append(hs, fmt.Sprintf("HS %s (%d)", c.Value, c.Rows))
		}
		parts = append(parts, strings.Join(hs, ", "))
	}
	parts = append(parts, fmt.Sprintf("%s in %s", plural(s.Rows, "row"), plural(len(s.Sources), "source")))
	var rows []string
	for _, p := range s.SampleRows {
		rows = append(rows, p.String())
	}
	out := strings.Join(parts, " · ")
	if len(rows) > 0 {
		out += "\n" + strings.Join(rows, ", ")
	}
	return out
}

// onOpen shows the shipments of both names in the Shipments screen.
func (r *reviewPanel) onOpen() {
	p, ok := r.current()
	if !ok || r.res == nil || r.res.Merge == nil {
		return
	}
	ms := map[int32]bool{int32(p.A): true, int32(p.B): true}
	var ids []string
	for _, sh := range r.res.Merge.Shipments {
		for _, row := range sh.Rows {
			if int(row) < len(r.res.ConsigneeMention) && (ms[r.res.ConsigneeMention[row]] || ms[r.res.ShipperMention[row]]) {
				ids = append(ids, sh.ID)
				break
			}
		}
	}
	a, b := r.res.Names.Mentions[p.A].Name, r.res.Names.Mentions[p.B].Name
	r.s.u.shipments.showOnly(ids, fmt.Sprintf("review: %s / %s", a, b))
	r.s.u.tabs.Select(r.s.u.tabShipments)
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
