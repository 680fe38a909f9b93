package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/goods"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// KindHS2022 is the Discrepancies kind of a shipment dated before 2022
// whose HS code exists only from HS 2022.
const KindHS2022 = "HS 2022 code before 2022"

// Screening is what screening the run's parties against the project's
// sanctions lists found. Result.Screening is nil when the project has no
// lists.
type Screening struct {
	Lists []*screen.List
	// Errors are the list files that could not be read (*reconcile.Error);
	// the lists that could are still used.
	Errors []error
	// Hits are every hit of every name as written, by name then score;
	// rejected hits stay, marked, for the audit trail.
	Hits []screen.Hit
	// Unapplied are screening decisions that named no name of this run or
	// no entry of these lists.
	Unapplied []screen.Decision
	Screened  int // names as written screened
	Against   int // organisations screened against

	listed map[string]bool // entity ID → a hit counts (listed or confirmed)
	review map[string]bool // entity ID → a hit is waiting for review
	idx    *screen.Index   // kept for Recluster: lists are not read again
}

// Listed reports whether the entity (by ID) has a hit that counts.
func (s *Screening) Listed(entityID string) bool { return s != nil && s.listed[entityID] }

// Status is "listed", "review" or "" for an entity ID: what the Listed
// columns of the workbook and the app show.
func (s *Screening) Status(entityID string) string {
	switch {
	case s == nil:
		return ""
	case s.listed[entityID]:
		return string(screen.StatusListed)
	case s.review[entityID]:
		return string(screen.StatusReview)
	}
	return ""
}

// HitsOf returns the hits of one entity (every spelling, every entry).
func (s *Screening) HitsOf(entityID string) []screen.Hit {
	if s == nil {
		return nil
	}
	var out []screen.Hit
	for _, h := range s.Hits {
		if h.Key == entityID {
			out = append(out, h)
		}
	}
	return out
}

// Goods are the goods lists of a run: the bundled CHPL first, then the
// user's lists in project order.
type Goods struct {
	Lists  []*goods.List
	Errors []error // user list files that could not be read
}

// chpl is the bundled Common High Priority List, read once.
var chpl = totals.CHPLList()

// readGoods reads the project's goods lists.
func readGoods(paths []string) *Goods {
	g := &Goods{Lists: []*goods.List{chpl}}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			g.Errors = append(g.Errors, &reconcile.Error{File: p, Err: reconcile.ErrNotFound, Hint: "check the path of the goods list"})
			continue
		}
		l, err := goods.ReadList(f, p)
		f.Close()
		if err != nil {
			g.Errors = append(g.Errors, err)
			continue
		}
		if l.Short == "" {
			// No "# short:" line: claims name the list by its file name.
			base := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			l.Short = strings.ToLower(strings.ReplaceAll(base, " ", "_"))
		}
		g.Lists = append(g.Lists, l)
	}
	return g
}

// screenParties screens every name as written, consignee and shipper, of
// the clustered result against the project's lists. The index is built
// once per Run and reused by Recluster (idx non-nil).
func (r *Result) screenParties(ctx context.Context, idx *screen.Index, lists []*screen.List, listErrs []error) error {
	if len(r.Project.Lists) == 0 {
		return nil
	}
	if idx == nil {
		var err error
		lists, err = screen.ReadFiles(ctx, r.Project.Lists)
		if ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		listErrs = unjoin(err)
		idx = screen.NewIndex(lists)
	}
	s := &Screening{Lists: lists, Errors: listErrs, idx: idx}
	p := r.Project.Params
	res, err := idx.Screen(ctx, screen.MentionQueries(r.Names),
		screen.Options{Threshold: p.ScreenThreshold, ReviewThreshold: p.ScreenReviewThreshold, Decisions: r.Project.ScreenDecisions}, nil)
	if err != nil {
		if ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		return fmt.Errorf("screening: %w", err)
	}
	s.Hits, s.Unapplied, s.Screened, s.Against = res.Hits, res.Unapplied, res.Screened, res.Against
	r.Screening = s.rekey(r.Names)
	return nil
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// goodsChecks adds a discrepancy for every shipment dated before 2022 that
// uses an HS 2022-only code: the figure by HS code may be a vendor's
// re-coding, which a fact-checker must know before quoting it.
func goodsChecks(m *merge.Result) {
	for i := range m.Shipments {
		sh := &m.Shipments[i]
		if sh.HSCode == "" {
			continue
		}
		if w := goods.Check(sh.HSCode, sh.Date); w != "" {
			m.Discrepancies = append(m.Discrepancies, merge.Discrepancy{Shipment: sh.ID, Kind: KindHS2022,
				Field: reconcile.FieldHSCode, Used: sh.HSCode, Rule: w})
		}
	}
}

// ScreenDecide records the user's verdict (screen.OpConfirm or
// screen.OpReject) on every hit of entity entityID on one list entry —
// every spelling of the entity that hit it — and returns the project to
// Recluster. It fails when the entity has no such hit.
func (r *Result) ScreenDecide(p *Project, op, entityID, source, listedID, note string) error {
	if r.Screening == nil {
		return errors.New("no sanctions list is loaded")
	}
	qs := map[string]bool{}
	var added int
	for _, h := range r.Screening.Hits {
		if h.Key != entityID || h.Source != source || h.ListedID != listedID {
			continue
		}
		q := screen.Query{Name: h.Name, Role: h.Role, TaxID: h.TaxID}
		if qs[q.MentionKey()] {
			continue
		}
		qs[q.MentionKey()] = true
		// The query's tax ID as given: a decision keys on the mention's
		// own ID column, not on one split off the name.
		q.TaxID = mentionTaxID(r, h)
		p.ScreenDecisions = append(p.ScreenDecisions, screen.NewDecision(op, h, q, note, time.Now()))
		added++
	}
	if added == 0 {
		return fmt.Errorf("entity %s has no hit on %s %s", entityID, source, listedID)
	}
	return nil
}

// mentionTaxID is the tax ID of the mention a hit was made for (the hit's
// TaxID may have been split off the name).
func mentionTaxID(r *Result, h screen.Hit) string {
	if r.Names != nil && h.Query >= 0 && h.Query < len(r.Names.Mentions) {
		return r.Names.Mentions[h.Query].TaxID
	}
	return h.TaxID
}

// sortedHits is a sorted copy of hits, for the Screening sheet; the
// result's own order is left alone.
func sortedHits(hits []screen.Hit) []screen.Hit {
	out := append([]screen.Hit(nil), hits...)
	screen.SortHits(out)
	return out
}

func screenThreshold(p Params) float64 {
	if p.ScreenThreshold > 0 {
		return p.ScreenThreshold
	}
	return screen.DefaultThreshold
}

func screenReviewThreshold(p Params) float64 {
	if p.ScreenReviewThreshold > 0 {
		return p.ScreenReviewThreshold
	}
	return min(screen.DefaultReviewThreshold, screenThreshold(p))
}

// ScreenRows are the screening hits as the Screening sheet and
// screening.parquet list them: sorted (screen.SortHits), each with the
// tax ID of its mention as given; nil when the run screened nothing.
func (r *Result) ScreenRows() []workbook.ScreenRow {
	if r.Screening == nil {
		return nil
	}
	hits := sortedHits(r.Screening.Hits)
	out := make([]workbook.ScreenRow, 0, len(hits))
	for _, h := range hits {
		out = append(out, workbook.ScreenRow{Hit: h, TaxID: mentionTaxID(r, h)})
	}
	return out
}

// screeningSheet is what the workbook's Screening sheet and Listed
// columns show; nil when the run screened nothing.
func (r *Result) screeningSheet() *workbook.Screening {
	s := r.Screening
	if s == nil {
		return nil
	}
	ws := &workbook.Screening{Rows: r.ScreenRows(), Unapplied: s.Unapplied, Decisions: r.Project.ScreenDecisions, Status: s.Status}
	for _, l := range s.Lists {
		ws.Lists = append(ws.Lists, l.Summary()+" — "+strings.Join(l.Files, ", "))
		for _, n := range l.Notes {
			ws.Notes = append(ws.Notes, l.Name+": "+n)
		}
	}
	for _, e := range s.Errors {
		ws.Notes = append(ws.Notes, "Not read: "+e.Error())
	}
	return ws
}

// listNotes are the Summary notes about screening and goods: how many
// parties the lists name, and how many shipments carry an HS 2022 code
// before 2022.
func (r *Result) listNotes() []string {
	var out []string
	if s := r.Screening; s != nil {
		listed, review := r.ScreenCounts()
		out = append(out, fmt.Sprintf("Sanctions screening: %d names against %d organisations on %d list(s): %d entities listed, %d with hits for review (Screening sheet; the Listed column).",
			s.Screened, s.Against, len(s.Lists), listed, review))
		if len(s.Errors) > 0 {
			out = append(out, fmt.Sprintf("%d list file(s) could not be read; see the Screening sheet.", len(s.Errors)))
		}
	}
	n := 0
	if r.Merge != nil {
		for _, d := range r.Merge.Discrepancies {
			if d.Kind == KindHS2022 {
				n++
			}
		}
	}
	if n > 0 {
		out = append(out, fmt.Sprintf("%d shipment(s) dated before 2022 use an HS code that exists only from HS 2022 (Discrepancies sheet): figures by HS code may rest on codes re-coded later.", n))
	}
	return out
}

// ScreenCounts counts the entities with a hit that counts (listed) and
// those with only hits to review.
func (r *Result) ScreenCounts() (listed, review int) {
	if r.Screening == nil || r.Names == nil {
		return 0, 0
	}
	for _, e := range r.Names.Entities {
		switch r.Screening.Status(e.ID) {
		case string(screen.StatusListed):
			listed++
		case string(screen.StatusReview):
			review++
		}
	}
	return listed, review
}

// sameScreening reports whether two projects screen alike: the same
// screening decisions and thresholds (the names are the same in a
// Recluster).
func sameScreening(a, b Project) bool {
	return slices.Equal(a.ScreenDecisions, b.ScreenDecisions) && a.Params.ScreenThreshold == b.Params.ScreenThreshold &&
		a.Params.ScreenReviewThreshold == b.Params.ScreenReviewThreshold
}

// rekey returns the screening with each hit's entity ID taken from the
// new clustering: a hit belongs to a name as written (Hit.Query is its
// mention), and entity decisions move names between entities. Screening
// 100,000 names again on every entity decision would cost seconds.
func (s *Screening) rekey(names *match.Result) *Screening {
	n := *s
	n.Hits = append([]screen.Hit(nil), s.Hits...)
	for i := range n.Hits {
		h := &n.Hits[i]
		h.Key = ""
		if q := h.Query; q >= 0 && q < len(names.EntityOf) && names.EntityOf[q] >= 0 && names.EntityOf[q] < len(names.Entities) {
			h.Key = names.Entities[names.EntityOf[q]].ID
		}
	}
	n.listed = screen.Listed(n.Hits)
	n.review = map[string]bool{}
	for _, h := range n.Hits {
		if h.Status == screen.StatusReview {
			n.review[h.Key] = true
		}
	}
	return &n
}
