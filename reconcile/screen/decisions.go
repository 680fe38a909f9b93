package screen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"tradecheck/reconcile/match"
)

// Decision ops.
const (
	OpConfirm = "confirm" // the name is the listed entry
	OpReject  = "reject"  // it is not
)

// Decision is the user's verdict on one hit. It is keyed by the name as
// written, its role and tax ID (as match keys a mention, so it survives
// re-clustering and entity IDs that change) and by the list's source code
// and the entry's ID on that list (stable across downloads: OFAC's
// ent_num, OpenSanctions' id, OFSI's group ID, the EU reference number).
type Decision struct {
	Op         string    `json:"op"`
	Name       string    `json:"name"`
	Role       string    `json:"role,omitempty"`
	TaxID      string    `json:"tax_id,omitempty"`
	List       string    `json:"list"`
	ListedID   string    `json:"listed_id"`
	ListedName string    `json:"listed_name,omitempty"` // for people reading the log
	Time       time.Time `json:"time"`
	Note       string    `json:"note,omitempty"`
}

// Key identifies the pair a decision is about.
func (d Decision) Key() string {
	return d.List + "\x1f" + d.ListedID + "\x1f" + Query{Name: d.Name, Role: d.Role, TaxID: d.TaxID}.MentionKey()
}

// hitKey is Decision.Key for a hit.
func hitKey(h *Hit, q Query) string {
	return h.Source + "\x1f" + h.ListedID + "\x1f" + q.MentionKey()
}

// NewDecision records a verdict on a hit.
func NewDecision(op string, h Hit, q Query, note string, now time.Time) Decision {
	return Decision{Op: op, Name: q.Name, Role: q.Role, TaxID: q.TaxID, List: h.Source, ListedID: h.ListedID,
		ListedName: h.ListedName, Time: now.UTC(), Note: note}
}

// ErrBadDecision is wrapped by errors about decision logs.
var ErrBadDecision = errors.New("bad screening decision")

// Validate checks that a decision carries its op, name and list entry.
func (d Decision) Validate() error {
	switch {
	case d.Op != OpConfirm && d.Op != OpReject:
		return fmt.Errorf("%w: op %q (want %q or %q)", ErrBadDecision, d.Op, OpConfirm, OpReject)
	case strings.TrimSpace(d.Name) == "":
		return fmt.Errorf("%w: no name", ErrBadDecision)
	case d.List == "" || d.ListedID == "":
		return fmt.Errorf("%w: no list or listed ID", ErrBadDecision)
	}
	return nil
}

// ReadDecisions reads a JSON array of decisions, validating each.
func ReadDecisions(r io.Reader) ([]Decision, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var ds []Decision
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("%w: %v (want a JSON array of decisions)", ErrBadDecision, err)
	}
	for i, d := range ds {
		if err := d.Validate(); err != nil {
			return nil, fmt.Errorf("decision %d: %w", i+1, err)
		}
	}
	return ds, nil
}

// WriteDecisions writes decisions as an indented JSON array.
func WriteDecisions(w io.Writer, ds []Decision) error {
	if ds == nil {
		ds = []Decision{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}

// applyDecisions sets the status of decided hits (the last decision about
// a pair wins) and adds a hit for a confirmed pair that did not score
// this run, so a confirmation holds when a list's spelling changes. A
// decision about a name not screened, or an entry not in the lists, comes
// back unapplied.
func (x *Index) applyDecisions(hits []Hit, qs []Query, opt Options) ([]Hit, []Decision) {
	if len(opt.Decisions) == 0 {
		return hits, nil
	}
	last := map[string]Decision{}
	var order []string
	for _, d := range opt.Decisions {
		k := d.Key()
		if _, ok := last[k]; !ok {
			order = append(order, k)
		}
		last[k] = d
	}
	used := map[string]bool{}
	for i := range hits {
		h := &hits[i]
		k := hitKey(h, qs[h.Query])
		d, ok := last[k]
		if !ok {
			continue
		}
		used[k] = true
		if d.Op == OpConfirm {
			h.Status = StatusConfirmed
		} else {
			h.Status = StatusRejected
		}
		h.Reasons = append(h.Reasons, decisionReason(d))
	}
	byMention := map[string][]int{}
	for i, q := range qs {
		byMention[q.MentionKey()] = append(byMention[q.MentionKey()], i)
	}
	var unapplied []Decision
	for _, k := range order {
		d := last[k]
		if used[k] {
			continue
		}
		qis := byMention[Query{Name: d.Name, Role: d.Role, TaxID: d.TaxID}.MentionKey()]
		ei := x.findEntry(d.List, d.ListedID)
		if len(qis) == 0 || ei < 0 {
			unapplied = append(unapplied, d)
			continue
		}
		if d.Op == OpReject {
			continue // nothing hit; nothing to reject
		}
		l, e := x.entry(ei)
		for _, qi := range qis {
			q := qs[qi]
			score, reasons := match.Explain(match.Mention{Name: q.Name}, match.Mention{Name: e.Primary()})
			h := x.newHit(qi, q, q.TaxID, l, e, e.Primary())
			h.Score, h.Reasons, h.Status = score, append(reasons, decisionReason(d)), StatusConfirmed
			hits = append(hits, *h)
		}
	}
	return hits, unapplied
}

func decisionReason(d Decision) string {
	verb := "confirmed"
	if d.Op == OpReject {
		verb = "rejected"
	}
	r := verb + " by the user"
	if !d.Time.IsZero() {
		r += " on " + d.Time.Format("2006-01-02")
	}
	if d.Note != "" {
		r += ": " + d.Note
	}
	return r
}

// findEntry finds an indexed entry by source and listed ID, -1 if none.
func (x *Index) findEntry(source, id string) int32 {
	for i, r := range x.entries {
		l := x.lists[r.list]
		if l.Source == source && l.Entries[r.entry].ID == id {
			return int32(i)
		}
	}
	return -1
}
