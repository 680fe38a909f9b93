package match

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"tradecheck/reconcile/names"
)

// Default thresholds: precision first. A pair at or above the auto
// threshold merges (if the clusters' cores agree); pairs between the two go
// to review.
const (
	DefaultAutoThreshold   = 0.90
	DefaultReviewThreshold = 0.78
)

// ErrBadOptions is returned for thresholds outside 0 < review <= auto <= 1.
var ErrBadOptions = errors.New("bad clustering options")

// unit is a set of mentions that are the same by construction: same core
// key after transliteration and legal form, same legal family and tax ID.
type unit struct {
	mentions []int // sorted by mention key; mentions[0] is the representative
	count    int
	pinned   bool // split or assigned by the user: never merged automatically
	within   string
}

// Cluster groups mentions into entities. Decisions apply before automatic
// clustering, so the user's word always wins. progress(done, total) is
// called now and then; ctx cancels.
func Cluster(ctx context.Context, mentions []Mention, decisions []Decision, opt Options, progress func(done, total int)) (*Result, error) {
	if opt.AutoThreshold == 0 {
		opt.AutoThreshold = DefaultAutoThreshold
	}
	if opt.ReviewThreshold == 0 {
		opt.ReviewThreshold = min(DefaultReviewThreshold, opt.AutoThreshold)
	}
	if !(opt.ReviewThreshold > 0 && opt.ReviewThreshold <= opt.AutoThreshold && opt.AutoThreshold <= 1) {
		return nil, fmt.Errorf("%w: want 0 < review (%g) <= auto (%g) <= 1", ErrBadOptions, opt.ReviewThreshold, opt.AutoThreshold)
	}
	prog := safeProgress(progress)
	c := &clusterer{ms: mentions, opt: opt, prog: prog}
	if err := c.analyze(ctx); err != nil {
		return nil, err
	}
	c.plan = makePlan(mentions, decisions)
	c.makeUnits()
	if err := c.score(ctx); err != nil {
		return nil, err
	}
	c.link()
	return c.result(), nil
}

// safeProgress serialises progress calls from worker goroutines and makes
// a nil callback a no-op.
func safeProgress(p func(done, total int)) func(done, total int) {
	if p == nil {
		return func(int, int) {}
	}
	var mu sync.Mutex
	return func(d, t int) {
		mu.Lock()
		p(d, t)
		mu.Unlock()
	}
}

type clusterer struct {
	ms   []Mention
	opt  Options
	prog func(done, total int)
	plan *plan

	order []int    // mention indexes sorted by key: everything below is input-order independent
	keys  []string // Mention.Key per mention, made once: the sorts compare them often
	an    []*names.Name
	tax   []string

	units   []unit
	unitOf  []int
	profs   []*profile
	pairs   []scored
	weights *weighter

	// union-find over units
	parent  []int
	core    []int
	degree  []int32 // per unit: pairs at or above the auto threshold
	anchors [][]int // per root: units joined by decisive evidence (tax ID, user); names are checked against these
	firm    []bool  // per root: anchors come from a tax ID or the user's word, not from a name alone
	size    []int
	cTax    []string
	members [][]int
	reason  []string
	rscore  []float64
	cannot  map[int][]int
	review  map[[2]int]Pair

	unmatchable map[int]string // per unit: why no rule can place it by its name (noteUnmatchable)
}

// progress phases: analysis and scoring each report 0..n; the total is 2n.
func (c *clusterer) analyze(ctx context.Context) error {
	n := len(c.ms)
	c.order = make([]int, n)
	for i := range c.order {
		c.order[i] = i
	}
	keys := make([]string, n)
	for i, m := range c.ms {
		keys[i] = m.Key()
	}
	c.keys = keys
	slices.SortStableFunc(c.order, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	c.an = make([]*names.Name, n)
	c.tax = make([]string, n)
	workers := max(1, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				if i%4096 == w {
					if err := ctx.Err(); err != nil {
						errs[w] = err
						return
					}
					if w == 0 {
						c.prog(i, 2*n)
					}
				}
				a := names.Analyze(c.ms[i].Name)
				c.an[i] = a
				t := strings.TrimSpace(c.ms[i].TaxID)
				if t == "" {
					t = a.TaxID
				}
				c.tax[i] = t
			}
		}(w)
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (c *clusterer) makeUnits() {
	byKey := map[string]int{}
	c.unitOf = make([]int, len(c.ms))
	// Mentions the user says differ from another mention are kept out of
	// shared units, so that the cannot-link can hold.
	alone := map[int]bool{}
	for _, p := range c.plan.notSame {
		alone[p[0]], alone[p[1]] = true, true
	}
	for _, i := range c.order {
		a := c.an[i]
		pinned := c.plan.split[i] || c.plan.assign[i] != ""
		var key, within string
		switch {
		case pinned:
		case a.Distinctive || a.Numbered:
			ck := a.CoreKey()
			if !a.Distinctive {
				ck = a.SeqKey() // Zavod 1A is not Zavod A1
			}
			if a.Open {
				ck += "-" // AO RAVENSTVO- is not AO RAVENSTVO
			}
			key = "D\x1f" + c.tax[i] + "\x1f" + ck + "\x1f" + a.Class().Family() + "\x1f" + string(a.Class())
			within = "same after transliteration and legal form: " + a.Display()
			if cl := a.Class(); cl != "" {
				within += " / " + string(cl)
			}
			if a.CutForm {
				within += fmt.Sprintf(" (cut at %d characters inside its legal form)", TruncationWidth)
			}
			within += spelledOut(a)
		case len(a.Keys) > 0:
			// Only legal form and generic words: never grouped on the name.
		case c.tax[i] != "":
			key = "T\x1f" + c.tax[i]
			within = "same INN " + c.tax[i]
		}
		if alone[i] {
			key = ""
		}
		u, ok := byKey[key]
		if key == "" || !ok {
			u = len(c.units)
			c.units = append(c.units, unit{pinned: pinned, within: within})
			if key != "" {
				byKey[key] = u
			}
		}
		c.units[u].mentions = append(c.units[u].mentions, i)
		c.units[u].count += max(1, c.ms[i].Count)
		c.unitOf[i] = u
	}
	// Token weights from how many units use each core word.
	w := &weighter{df: map[string]int{}, n: len(c.units)}
	for _, u := range c.units {
		a := c.an[u.mentions[0]]
		seen := map[string]bool{}
		for _, k := range a.Core {
			if !seen[k] {
				seen[k] = true
				w.df[k]++
			}
		}
	}
	c.weights = w
	c.profs = make([]*profile, len(c.units))
	forEach(len(c.units), func(ui int) {
		// A unit is scored through one of its spellings: one that is not
		// cut when it has one. A cut spelling as the unit's face would
		// make the whole name (… NEW YORK CORP.) the start of every longer
		// name too (… NEW YORK II CORP.).
		u := c.units[ui]
		r := u.mentions[0]
		for _, i := range u.mentions {
			if !c.an[i].Cut {
				r = i
				break
			}
		}
		p := newProfile(c.an[r], c.tax[r], w)
		if len(u.mentions) > 1 {
			ms := make([]*names.Name, len(u.mentions))
			for k, i := range u.mentions {
				ms[k] = c.an[i]
			}
			p.latAlts = unitSpellings(c.an[r], ms)
			p.spelt = unitFlats(p, ms)
		}
		c.profs[ui] = p
	})
}

func (c *clusterer) score(ctx context.Context) error {
	ix, err := buildIndex(ctx, c.profs)
	if err != nil {
		return err
	}
	n := len(c.ms)
	nu := len(c.units)
	pairs, err := ix.candidates(ctx, c.profs, c.opt.ReviewThreshold, func(d, t int) {
		c.prog(n+d*n/max(1, nu), 2*n)
	})
	if err != nil {
		return err
	}
	c.pairs = pairs
	return nil
}
