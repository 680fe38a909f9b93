package screen

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
)

// Default thresholds: the matcher's own, so that a hit means what a merge
// means.
const (
	DefaultThreshold       = match.DefaultAutoThreshold   // at or above: listed
	DefaultReviewThreshold = match.DefaultReviewThreshold // at or above, below Threshold: review
)

// ErrBadOptions is returned for thresholds outside (0, 1].
var ErrBadOptions = errors.New("bad screening options")

// Options of a screening run.
type Options struct {
	Threshold       float64 // 0 takes DefaultThreshold
	ReviewThreshold float64 // 0 takes DefaultReviewThreshold (never above Threshold)
	// Decisions confirm or reject hits; they apply in order, the last
	// one about a pair winning.
	Decisions []Decision
}

func (o Options) norm() (Options, error) {
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.ReviewThreshold == 0 {
		o.ReviewThreshold = min(DefaultReviewThreshold, o.Threshold)
	}
	if o.Threshold < 0 || o.Threshold > 1 || o.ReviewThreshold < 0 || o.ReviewThreshold > o.Threshold {
		return o, fmt.Errorf("%w: threshold %g, review threshold %g (want 0 < review ≤ threshold ≤ 1)", ErrBadOptions, o.Threshold, o.ReviewThreshold)
	}
	return o, nil
}

// Query is one name to screen: a mention of a consignee or shipper.
type Query struct {
	Key   string // the caller's handle, such as the entity ID; copied to hits
	Name  string // as written
	Role  string // "consignee", "shipper" or "" for a plain list of names
	TaxID string // from the source's ID column; one glued to the name is found too
}

// MentionKey identifies the name that a decision is about, as match does:
// role, tax ID and the name as written.
func (q Query) MentionKey() string { return q.Role + "\x1f" + q.TaxID + "\x1f" + q.Name }

// Status of a hit.
type Status string

// Statuses. Listed and confirmed hits make a party listed.
const (
	StatusListed    Status = "listed"    // score at or above the threshold
	StatusReview    Status = "review"    // in the grey zone, for the user to decide
	StatusConfirmed Status = "confirmed" // the user confirmed it
	StatusRejected  Status = "rejected"  // the user rejected it; kept for the audit trail
)

// Counts reports whether the hit makes the party listed.
func (s Status) Counts() bool { return s == StatusListed || s == StatusConfirmed }

// Hit is one name found on one list entry.
type Hit struct {
	Query      int    // index into the queries screened
	Key        string // Query.Key
	Name       string // the name as written that hit
	Role       string
	TaxID      string // the query's tax ID, given or split off the name
	Source     string // list source code (SourceOFAC …), part of a decision's key
	List       string // list name for people
	ListedID   string
	ListedName string // the listed name (primary or alias) that matched
	Primary    string // the entry's primary name
	Score      float64
	Reasons    []string
	Programs   []string
	Listed     string // listing date, "" when the list gives none
	Status     Status
}

// Result of a screening run.
type Result struct {
	Hits []Hit // by query, then score descending
	// Unapplied lists decisions that named no name of this run or no
	// entry of these lists, so the caller can tell the user.
	Unapplied []Decision
	Screened  int // queries screened
	Against   int // organisations screened against
}

// Screen screens every query against the index. Work is spread over the
// available cores; progress (may be nil) is called now and then with the
// queries done so far. It fails only on bad options or cancellation.
func (x *Index) Screen(ctx context.Context, qs []Query, opt Options, progress func(done, total int)) (*Result, error) {
	opt, err := opt.norm()
	if err != nil {
		return nil, err
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), len(qs)/64+1))
	per := make([][]Hit, len(qs))
	var next, done atomic.Int64
	var mu sync.Mutex
	const chunk = 64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := x.newScratch()
			for ctx.Err() == nil {
				start := int(next.Add(chunk)) - chunk
				if start >= len(qs) {
					return
				}
				end := min(start+chunk, len(qs))
				for i := start; i < end; i++ {
					per[i] = x.screenOne(s, i, qs[i], opt)
				}
				d := int(done.Add(int64(end - start)))
				if progress != nil {
					mu.Lock()
					progress(d, len(qs))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", reconcile.ErrCanceled, err)
	}
	res := &Result{Screened: len(qs), Against: x.screens}
	for _, hs := range per {
		res.Hits = append(res.Hits, hs...)
	}
	res.Hits, res.Unapplied = x.applyDecisions(res.Hits, qs, opt)
	sort.SliceStable(res.Hits, func(i, j int) bool {
		if res.Hits[i].Query != res.Hits[j].Query {
			return res.Hits[i].Query < res.Hits[j].Query
		}
		return res.Hits[i].Score > res.Hits[j].Score
	})
	return res, nil
}

// scratch is per-worker memory: a stamp per listed name so a candidate is
// scored once per query.
type scratch struct {
	seen  []uint32
	stamp uint32
	cands []int32
}

func (x *Index) newScratch() *scratch { return &scratch{seen: make([]uint32, len(x.names))} }

// screenOne screens one query: a tax ID equal to a listed one is decisive;
// then every listed name that shares a word (or a slip of one) with it is
// scored by the matcher, and the best score per entry kept.
func (x *Index) screenOne(s *scratch, qi int, q Query, opt Options) []Hit {
	qn := names.Analyze(q.Name)
	tax := q.TaxID
	if tax == "" {
		tax = qn.TaxID
	}
	best := map[int32]*Hit{}
	if v := normID(tax); usableID(v) {
		for _, ei := range x.byID[v] {
			l, e := x.entry(ei)
			h := x.newHit(qi, q, tax, l, e, e.Primary())
			h.Score = 1
			h.Reasons = []string{fmt.Sprintf("same tax ID %s (%s)", tax, idWhere(e, v))}
			best[ei] = h
		}
	}
	s.stamp++
	if s.stamp == 0 { // wrapped: clear
		clear(s.seen)
		s.stamp = 1
	}
	s.cands = s.cands[:0]
	x.candidates(s, qn)
	for _, a := range qn.Alts {
		x.candidates(s, a)
	}
	minTok := (opt.ReviewThreshold-0.3)/0.7 - 0.05
	qp := prep(qn)
	for _, ni := range s.cands {
		ln := &x.names[ni]
		if _, decided := best[ln.entry]; decided && best[ln.entry].Score >= 1 {
			continue
		}
		if !plausible(qp, ln.p, minTok) {
			continue
		}
		l, e := x.entry(ln.entry)
		score, reasons := scoreNames(q.Name, qp, ln)
		score, reasons = adjust(score, reasons, qp, ln.p, tax, e, opt)
		if score < opt.ReviewThreshold {
			continue
		}
		if h, ok := best[ln.entry]; ok && h.Score >= score {
			continue
		}
		h := x.newHit(qi, q, tax, l, e, ln.text)
		h.Score, h.Reasons = score, reasons
		best[ln.entry] = h
	}
	x.phoneticHits(best, qi, q, qn, tax, opt)
	if len(best) == 0 {
		return nil
	}
	out := make([]Hit, 0, len(best))
	addr := qn.AddressNote() // the cell's address was not compared with the list
	for _, h := range best {
		if addr != "" {
			h.Reasons = append(h.Reasons, addr)
		}
		if h.Score >= opt.Threshold {
			h.Status = StatusListed
		} else {
			h.Status = StatusReview
		}
		out = append(out, *h)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].ListedID < out[j].ListedID
	})
	return out
}

func (x *Index) newHit(qi int, q Query, tax string, l *List, e *Entry, listedName string) *Hit {
	return &Hit{Query: qi, Key: q.Key, Name: q.Name, Role: q.Role, TaxID: tax, Source: l.Source, List: l.Name,
		ListedID: e.ID, ListedName: listedName, Primary: e.Primary(), Programs: e.Programs, Listed: e.Listed}
}

// idWhere says where the list gives an identifier, for the reason.
func idWhere(e *Entry, v string) string {
	for _, id := range e.IDs {
		if normID(id.Value) == v {
			w := "listed as " + id.Label + " " + id.Value
			if id.Country != "" {
				w += " (" + id.Country + ")"
			}
			return w
		}
	}
	return "listed"
}

// candidates adds the listed names that share a word, a long word within
// a slip, or the whole joined name with n.
func (x *Index) candidates(s *scratch, n *names.Name) {
	add := func(list []int32) {
		for _, ni := range list {
			if s.seen[ni] != s.stamp {
				s.seen[ni] = s.stamp
				s.cands = append(s.cands, ni)
			}
		}
	}
	for _, k := range indexKeys(n) {
		add(x.byKey[k])
		if len(k) >= fixMin-1 {
			// A listed word one slip away: one of its deletions is this
			// word, or this word less a letter is it or one of its
			// deletions.
			add(x.byDel[k])
			for _, d := range deletions(k) {
				add(x.byKey[d])
				add(x.byDel[d])
			}
		}
	}
	if n.Distinctive {
		add(x.byWhole[joinCore(n)])
	}
	if (n.Cut || n.Open) && len(n.Keys) > 0 {
		// The last word of a name cut short is the start of a word.
		if k := n.Keys[len(n.Keys)-1]; len(k) >= stumpMin {
			add(x.byStart[k])
		}
	}
	if n.Numbered {
		add(x.byWhole["#"+n.SeqKey()])
	}
	if numberName(n) || genericName(n) {
		add(x.byWhole["="+n.SeqKey()])
	}
}
