package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/goods"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/screen"
)

// splitListFiles takes sanctions lists (recognised by content, like claims
// tables) out of files, so a list opened or dropped with the sources is
// screened against instead of being read as shipments.
func splitListFiles(files []string) (sources, lists []string) {
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".csv", ".xml", ".txt", ".tsv":
			if screen.IsListFile(f) {
				lists = append(lists, f)
				continue
			}
		}
		sources = append(sources, f)
	}
	return sources, lists
}

// splitGoodsLists takes lists of HS codes (a code column with labels or
// tiers, nothing else) out of files: they serve claims' goods_list.
func splitGoodsLists(files []string) (sources, lists []string) {
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".csv", ".txt", ".tsv":
			if goods.IsListFile(f) {
				lists = append(lists, f)
				continue
			}
		}
		sources = append(sources, f)
	}
	return sources, lists
}

// addLists adds sanctions lists and goods lists to the project (once
// each). It reports whether the project changed.
func addLists(p *pipeline.Project, lists, goodsLists []string) bool {
	add := func(dst *[]string, files []string) bool {
		have := map[string]bool{}
		for _, l := range *dst {
			have[absPath(l)] = true
		}
		changed := false
		for _, l := range files {
			if a := absPath(l); !have[a] {
				have[a] = true
				*dst = append(*dst, a)
				changed = true
			}
		}
		return changed
	}
	a := add(&p.Lists, lists)
	return add(&p.GoodsLists, goodsLists) || a
}

// listsText is the Sources screen's account of the lists: what each is and
// how many organisations it holds, and the files that could not be read.
func listsText(res *pipeline.Result) string {
	var g strings.Builder
	if res != nil && res.Goods != nil {
		for _, l := range res.Goods.Lists[1:] { // the CHPL is always there
			fmt.Fprintf(&g, "\n• goods list %q (goods_list %s): %d codes", l.Name, l.Short, len(l.Items))
		}
		for _, e := range res.Goods.Errors {
			g.WriteString("\n• goods list not read: " + e.Error())
		}
	}
	if res == nil || res.Screening == nil {
		return "Lists: no sanctions list. Open or drop one (OpenSanctions, OFAC, UK, EU) to screen every consignee and shipper." + g.String()
	}
	s := res.Screening
	var b strings.Builder
	b.WriteString("Lists:")
	b.WriteString(g.String())
	for _, l := range s.Lists {
		b.WriteString("\n• " + l.Summary())
	}
	for _, e := range s.Errors {
		b.WriteString("\n• not read: " + e.Error())
	}
	listed, review := res.ScreenCounts()
	fmt.Fprintf(&b, "\n%d names screened: %d entities listed, %d for review (see Entities).", s.Screened, listed, review)
	return b.String()
}

// hitsPanel shows the selected entity's screening hits in its detail, one
// per list entry, with the reasons and Confirm / Reject buttons. Decisions
// go through the engine (pipeline.Result.ScreenDecide) and a Recluster.
type hitsPanel struct {
	s   *entitiesScreen
	box *fyne.Container
}

func newHitsPanel(s *entitiesScreen) *hitsPanel {
	return &hitsPanel{s: s, box: container.NewVBox()}
}

// show fills the panel for one entity; called on the UI goroutine.
func (h *hitsPanel) show(res *pipeline.Result, sum *pipeline.EntitySummary) {
	h.box.RemoveAll()
	if res == nil || res.Screening == nil || sum == nil {
		h.box.Hide()
		return
	}
	var hits []screen.Hit
	for _, x := range screen.Best(res.Screening.HitsOf(sum.ID)) {
		if x.Role == string(sum.Role) {
			hits = append(hits, x)
		}
	}
	head := widget.NewLabelWithStyle("Sanctions lists: no hit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.box.Add(head)
	if len(hits) > 0 {
		head.SetText(fmt.Sprintf("Sanctions lists: %d hit(s)", len(hits)))
	}
	for _, x := range hits {
		h.box.Add(h.hitRow(sum, x))
	}
	h.box.Show()
}

func (h *hitsPanel) hitRow(sum *pipeline.EntitySummary, x screen.Hit) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(fmt.Sprintf("%s — %s %s: %s (score %.2f)", strings.ToUpper(string(x.Status)), x.List, x.ListedID,
		x.ListedName, x.Score), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	switch x.Status {
	case screen.StatusListed, screen.StatusConfirmed:
		title.Importance = widget.DangerImportance
	case screen.StatusReview:
		title.Importance = widget.WarningImportance
	default:
		title.Importance = widget.LowImportance
	}
	detail := "Name as written: " + x.Name + "\nWhy: " + strings.Join(x.Reasons, "; ")
	if len(x.Programs) > 0 {
		detail += "\nProgrammes: " + strings.Join(x.Programs, "; ")
	}
	if x.Listed != "" {
		detail += "\nListed: " + x.Listed
	}
	why := widget.NewLabel(detail)
	why.Wrapping = fyne.TextWrapWord
	confirm := widget.NewButtonWithIcon("Confirm", theme.ConfirmIcon(), func() { h.decide(screen.OpConfirm, sum, x) })
	reject := widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { h.decide(screen.OpReject, sum, x) })
	switch x.Status {
	case screen.StatusConfirmed:
		confirm.Disable()
	case screen.StatusRejected:
		reject.Disable()
	}
	return container.NewVBox(title, why, container.NewHBox(confirm, reject))
}

// decide records the verdict on every spelling of the entity that hit the
// entry, then reclusters off the UI goroutine.
func (h *hitsPanel) decide(op string, sum *pipeline.EntitySummary, x screen.Hit) {
	u := h.s.u
	if u.project == nil || u.result == nil {
		return
	}
	if err := u.result.ScreenDecide(u.project, op, sum.ID, x.Source, x.ListedID, ""); err != nil {
		showError("Could not record the decision", err, u.win)
		return
	}
	verb := "Confirming"
	if op == screen.OpReject {
		verb = "Rejecting"
	}
	u.recluster(fmt.Sprintf("%s %s on %s…", verb, sum.Canonical, x.List))
}

// listedMark flags a listed or review entity in the entity list.
func listedMark(res *pipeline.Result, id string) string {
	if res == nil {
		return ""
	}
	switch res.Screening.Status(id) {
	case string(screen.StatusListed):
		return " · LISTED"
	case string(screen.StatusReview):
		return " · list hit to review"
	}
	return ""
}
