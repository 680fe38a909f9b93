package match

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// ErrBadDecision is wrapped by DecisionError.
var ErrBadDecision = errors.New("bad decision")

// DecisionError says which entry of a decisions log is wrong and why.
type DecisionError struct {
	Index int // 0-based position in the log
	Err   error
	Hint  string
}

func (e *DecisionError) Error() string {
	return fmt.Sprintf("decision %d: %v — %s", e.Index+1, e.Err, e.Hint)
}

func (e *DecisionError) Unwrap() error { return e.Err }

// maxDecisionsBytes bounds the log ReadDecisions accepts.
const maxDecisionsBytes = 64 << 20

// ReadDecisions reads a decisions log written by WriteDecisions: a JSON
// array of Decision. Every entry is validated (known op, a name, the
// fields its op needs); the first bad one is returned as *DecisionError.
func ReadDecisions(r io.Reader) ([]Decision, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxDecisionsBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxDecisionsBytes {
		return nil, &DecisionError{Index: 0, Err: ErrBadDecision, Hint: "the decisions log is over 64 MB"}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var ds []Decision
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		return nil, &DecisionError{Index: 0, Err: fmt.Errorf("%w: %v", ErrBadDecision, err), Hint: "the decisions log must be a JSON array of decisions"}
	}
	for i, d := range ds {
		if err := d.Validate(); err != nil {
			return nil, &DecisionError{Index: i, Err: ErrBadDecision, Hint: err.Error()}
		}
	}
	return ds, nil
}

// WriteDecisions writes decisions as an indented JSON array, in order.
func WriteDecisions(w io.Writer, ds []Decision) error {
	if ds == nil {
		ds = []Decision{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ds)
}

// Validate checks that a decision carries what its op needs.
func (d Decision) Validate() error {
	if strings.TrimSpace(d.Name) == "" {
		return errors.New("a decision needs the name it is about")
	}
	switch d.Op {
	case OpConfirm, OpNotSame, OpMerge:
		if strings.TrimSpace(d.Other) == "" {
			return fmt.Errorf("%q needs the other name", d.Op)
		}
	case OpRename, OpAssign:
		if strings.TrimSpace(d.Target) == "" {
			return fmt.Errorf("%q needs a target", d.Op)
		}
	case OpSplit:
	default:
		return fmt.Errorf("unknown op %q (want confirm, not_same, split, merge, rename or assign)", d.Op)
	}
	return nil
}

// mentionRef finds mentions by name, role and tax ID. An empty role or
// tax ID in a decision matches any.
type mentionRef struct {
	byName map[string][]int
	ms     []Mention
}

func newMentionRef(ms []Mention) *mentionRef {
	r := &mentionRef{byName: map[string][]int{}, ms: ms}
	for i, m := range ms {
		r.byName[m.Name] = append(r.byName[m.Name], i)
	}
	return r
}

func (r *mentionRef) find(name string, role Role, tax string) []int {
	var out []int
	for _, i := range r.byName[name] {
		m := r.ms[i]
		if role != "" && m.Role != "" && m.Role != role {
			continue
		}
		if tax != "" && m.TaxID != "" && m.TaxID != tax {
			continue
		}
		out = append(out, i)
	}
	return out
}

// plan is the decisions resolved to mention indexes. Later decisions on
// the same pair or mention override earlier ones.
type plan struct {
	confirm   [][2]int
	notSame   [][2]int
	merge     [][2]int
	split     map[int]bool
	assign    map[int]string
	rename    []renameOp
	unapplied []Decision
}

type renameOp struct {
	mention int
	name    string
}

func makePlan(ms []Mention, ds []Decision) *plan {
	p := &plan{split: map[int]bool{}, assign: map[int]string{}}
	ref := newMentionRef(ms)
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return ds[a].Time.Compare(ds[b].Time) })
	type pairKey [2]int
	pairOp := map[pairKey]string{}
	var pairOrder []pairKey
	for _, i := range order {
		d := ds[i]
		if d.Validate() != nil {
			p.unapplied = append(p.unapplied, d)
			continue
		}
		as := ref.find(d.Name, d.Role, d.TaxID)
		if len(as) == 0 {
			p.unapplied = append(p.unapplied, d)
			continue
		}
		switch d.Op {
		case OpConfirm, OpNotSame, OpMerge:
			bs := ref.find(d.Other, d.OtherRole, "")
			if len(bs) == 0 {
				p.unapplied = append(p.unapplied, d)
				continue
			}
			for _, a := range as {
				for _, b := range bs {
					if a == b {
						continue
					}
					k := pairKey{min(a, b), max(a, b)}
					if _, ok := pairOp[k]; !ok {
						pairOrder = append(pairOrder, k)
					}
					pairOp[k] = d.Op
				}
			}
		case OpSplit:
			for _, a := range as {
				p.split[a] = true
				delete(p.assign, a)
				// A later split overrides earlier confirms and merges
				// that tie this mention to others.
				for k, op := range pairOp {
					if (k[0] == a || k[1] == a) && (op == OpConfirm || op == OpMerge) {
						pairOp[k] = ""
					}
				}
			}
		case OpAssign:
			for _, a := range as {
				p.assign[a] = strings.TrimSpace(d.Target)
				delete(p.split, a)
			}
		case OpRename:
			p.rename = append(p.rename, renameOp{as[0], strings.TrimSpace(d.Target)})
		}
	}
	for _, k := range pairOrder {
		switch pairOp[k] {
		case OpConfirm:
			p.confirm = append(p.confirm, k)
		case OpNotSame:
			p.notSame = append(p.notSame, k)
		case OpMerge:
			p.merge = append(p.merge, k)
		}
	}
	return p
}

// NewDecision is a convenience for callers building a decision now.
func NewDecision(op string, m Mention, other *Mention, target, note string) Decision {
	d := Decision{Op: op, Name: m.Name, Role: m.Role, TaxID: m.TaxID, Target: target, Note: note, Time: time.Now().UTC()}
	if other != nil {
		d.Other, d.OtherRole = other.Name, other.Role
	}
	return d
}
