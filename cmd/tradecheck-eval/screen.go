package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tradecheck/reconcile/names"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/values"
)

// The screening evaluation screens customs-style spellings of the OFAC
// and EU list names against the shared OFAC files (sdn.csv of May 2024
// with alt.csv of September 2024), read by reconcile/screen's own readers.
//
// Listed firms (recall):
//   - every OFAC organisation's names (primary and aliases), as listed and
//     as customs-style variants written by this program's own generator
//     (variants.go: transliteration schemes, legal-form swaps, quotes,
//     case, glued INN, 35-character cut, one typo);
//   - the names of EU 269/2014, 833/2014 and 765/2006 records that share a
//     Russian INN with an OFAC record (the INN links file): the EU's
//     Cyrillic and Latin spellings of a firm OFAC lists, and variants.
//
// A query is found when a hit of status "listed" names one of the OFAC
// records of its firm; "found at review" counts review hits too.
//
// Firms that are not listed (false hits per 1,000 names):
//   - PATSTAT applicant names (dedupe examples, mostly Dutch and
//     multinational firms) and customs-style variants of them;
//   - the consignee, shipper, importer and exporter names of the trade
//     samples (real customs spellings, 51 countries; a few could be listed
//     firms, so their hits are printed for a look);
//   - held-out list names: OFAC organisations split in two by a hash of
//     ent_num; half B's names and variants are screened against half A
//     only. These are the hardest negatives (sanctioned firms' own naming
//     style, Russian, Chinese, Iranian), but the lists file some firms
//     twice: a B record that shares a name (up to case and punctuation),
//     a core name (legal form set aside, as the matcher does), or an
//     identifier with an A record is left out as the same firm.

type screenQuery struct {
	name  string
	kind  string          // variant kind, "real" for a name as listed
	truth map[string]bool // OFAC ent_nums of the firm; nil for an unlisted name
	set   string
}

func screenEval(data string, seed uint64, perName int, show int, w io.Writer) error {
	ctx := context.Background()
	lists, err := screen.ReadFiles(ctx, []string{filepath.Join(data, "ofac_sdn")})
	if err != nil {
		return err
	}
	if len(lists) != 1 {
		return fmt.Errorf("want one OFAC list from %s, got %d", filepath.Join(data, "ofac_sdn"), len(lists))
	}
	ofac := lists[0]
	fmt.Fprintf(w, "\n== screening ==\nlist: %s\n", ofac.Summary())
	for _, n := range ofac.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
	rng := rand.New(rand.NewPCG(seed, 0x5c4ee))

	// Listed firms: OFAC organisations' names and variants.
	var rows []alias
	for _, e := range ofac.Entries {
		if e.Kind != screen.KindOrganization {
			continue
		}
		inn := ""
		for _, id := range e.IDs {
			if v := digitsOnly(id.Value); values.ValidINN(v) {
				inn = v
				break
			}
		}
		for _, n := range e.Names {
			rows = append(rows, alias{source: "ofac", group: e.ID, name: n.Text, script: scriptOf(n.Text), inn: inn})
		}
	}
	var listed []screenQuery
	for _, v := range makeVariants(rows, perName, rng) {
		listed = append(listed, screenQuery{name: v.name, kind: v.kind, truth: map[string]bool{v.group: true}, set: "OFAC names"})
	}

	// EU records linked to OFAC by INN.
	euTruth, err := euLinks(filepath.Join(data, "_derived", "inn_links_eu_ofac.csv"))
	if err != nil {
		return err
	}
	aliases, err := loadAliases(filepath.Join(data, "_derived", "alias_groups.csv"))
	if err != nil {
		return err
	}
	var euRows []alias
	for _, a := range aliases {
		if strings.HasPrefix(a.source, "eu_") && euTruth[a.group] != nil {
			euRows = append(euRows, a)
		}
	}
	for _, v := range makeVariants(euRows, perName, rng) {
		truth := map[string]bool{}
		for id := range euTruth[v.group] {
			truth[id] = true
		}
		listed = append(listed, screenQuery{name: v.name, kind: v.kind, truth: truth, set: "EU names of OFAC-listed firms"})
	}

	// Unlisted firms.
	var unlisted []screenQuery
	var pat []alias
	for _, a := range aliases {
		if a.source == "patstat_leuven" {
			pat = append(pat, alias{source: a.source, group: a.group, name: a.name, script: "Latin"})
		}
	}
	for _, v := range makeVariants(pat, 1, rng) {
		unlisted = append(unlisted, screenQuery{name: v.name, kind: v.kind, set: "PATSTAT names and variants"})
	}
	trade, err := tradeNames(filepath.Join(data, "port_brain_trade_samples", "csv"))
	if err != nil {
		return err
	}
	for _, n := range trade {
		unlisted = append(unlisted, screenQuery{name: n, kind: "real", set: "trade-sample party names"})
	}

	// A hit on another OFAC record of the same firm counts: OFAC files
	// some firms twice (same name, same core name and legal kind, or same
	// identifier), and no name can tell those records apart.
	twins := ofacTwins(ofac)
	for i := range listed {
		for id := range listed[i].truth {
			for _, t := range twins[id] {
				listed[i].truth[t] = true
			}
		}
	}
	idx := screen.NewIndex(lists)
	t0 := time.Now()
	all := append(append([]screenQuery(nil), listed...), unlisted...)
	res, err := screenAll(ctx, idx, all)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "screened %d names against %d organisations in %s\n", len(all), idx.Organizations(), time.Since(t0).Round(time.Millisecond))
	report(w, all, res, show)

	// Held-out list names.
	heldA, heldB := splitOFAC(ofac)
	idxA := screen.NewIndex([]*screen.List{heldA})
	var bRows []alias
	for _, e := range heldB.Entries {
		for _, n := range e.Names {
			bRows = append(bRows, alias{source: "ofac", group: e.ID, name: n.Text, script: scriptOf(n.Text)})
		}
	}
	var held []screenQuery
	for _, v := range makeVariants(bRows, 1, rng) {
		held = append(held, screenQuery{name: v.name, kind: v.kind, set: "held-out OFAC names (B against A)"})
	}
	hres, err := screenAll(ctx, idxA, held)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nheld out: %d OFAC organisations screened against the other %d (after leaving out %s)\n", len(heldB.Entries), len(heldA.Entries), heldB.Notes[0])
	report(w, held, hres, show)
	return nil
}

func screenAll(ctx context.Context, idx *screen.Index, qs []screenQuery) ([][]screen.Hit, error) {
	sq := make([]screen.Query, len(qs))
	for i, q := range qs {
		sq[i] = screen.Query{Name: q.name}
	}
	r, err := idx.Screen(ctx, sq, screen.Options{}, nil)
	if err != nil {
		return nil, err
	}
	out := make([][]screen.Hit, len(qs))
	for _, h := range r.Hits {
		out[h.Query] = append(out[h.Query], h)
	}
	return out, nil
}

// report prints recall for listed names and false hits for unlisted ones,
// by set and by variant kind.
func report(w io.Writer, qs []screenQuery, hits [][]screen.Hit, show int) {
	type tally struct{ n, listed, review int }
	bySet := map[string]*tally{}
	byKind := map[string]*tally{}
	var setOrder []string
	var missed, falseHits []string
	setListed := map[string]bool{}
	missedIn := map[string]int{}
	for i, q := range qs {
		setListed[q.set] = q.truth != nil
		t := bySet[q.set]
		if t == nil {
			t = &tally{}
			bySet[q.set] = t
			setOrder = append(setOrder, q.set)
		}
		t.n++
		var okListed, okReview bool
		if q.truth != nil {
			for _, h := range hits[i] {
				if q.truth[h.ListedID] {
					okListed = okListed || h.Status == screen.StatusListed
					okReview = true
				}
			}
			kk := q.set + "\x1f" + q.kind
			k := byKind[kk]
			if k == nil {
				k = &tally{}
				byKind[kk] = k
			}
			k.n++
			if okListed {
				k.listed++
			}
			if okReview {
				k.review++
			}
			if !okListed && missedIn[q.set] < show {
				missedIn[q.set]++
				missed = append(missed, fmt.Sprintf("  missed %-55q (%s) %s", q.name, q.kind, bestOf(hits[i])))
			}
		} else {
			for _, h := range hits[i] {
				if h.Status == screen.StatusListed {
					okListed = true
				}
				okReview = true
			}
			if okListed && len(falseHits) < show {
				falseHits = append(falseHits, fmt.Sprintf("  hit %-55q %s", q.name, bestOf(hits[i])))
			}
		}
		if okListed {
			t.listed++
		}
		if okReview {
			t.review++
		}
	}
	for _, s := range setOrder {
		t := bySet[s]
		if setListed[s] {
			fmt.Fprintf(w, "  %-40s %6d names: recall %.4f listed, %.4f listed or review (targets: recall >= 0.95)\n", s, t.n, ratio(t.listed, t.n), ratio(t.review, t.n))
		} else {
			fmt.Fprintf(w, "  %-40s %6d names: %.2f false hits listed per 1,000, %.2f listed or review (target <= 1 listed per 1,000)\n", s, t.n, 1000*ratio(t.listed, t.n), 1000*ratio(t.review, t.n))
		}
	}
	if len(byKind) > 0 {
		var kinds []string
		for k := range byKind {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		set := ""
		for _, k := range kinds {
			s, kind, _ := strings.Cut(k, "\x1f")
			if s != set {
				set = s
				fmt.Fprintf(w, "  %s, recall by kind of spelling (listed / listed or review):\n", s)
			}
			t := byKind[k]
			fmt.Fprintf(w, "    %-28s %6d  %.3f / %.3f\n", kind, t.n, ratio(t.listed, t.n), ratio(t.review, t.n))
		}
	}
	for _, s := range missed {
		fmt.Fprintln(w, s)
	}
	for _, s := range falseHits {
		fmt.Fprintln(w, s)
	}
}

func bestOf(hs []screen.Hit) string {
	if len(hs) == 0 {
		return "no hit"
	}
	h := hs[0]
	return fmt.Sprintf("best: %s %q %.2f %s [%s]", h.ListedID, h.ListedName, h.Score, h.Status, strings.Join(h.Reasons, "; "))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func scriptOf(s string) string {
	if hasCyrillic(s) {
		return "Cyrillic"
	}
	return names.ScriptOf(s).String()
}
