package pipeline

import (
	"context"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
)

// mentionTable numbers the distinct names (with role and tax ID) in the
// order they first appear and counts their rows.
type mentionTable struct {
	idx map[string]int32
	ms  []match.Mention
}

// mention is p's mention in role, and whether it names anyone.
func mention(p reconcile.Party, role match.Role) (match.Mention, bool) {
	name := strings.TrimSpace(p.Name())
	if name == "" && p.TaxID == "" {
		return match.Mention{}, false
	}
	return match.Mention{Name: name, Role: role, TaxID: p.TaxID}, true
}

// add counts one row naming p in role and returns its mention index, -1
// when the row names no party.
func (t *mentionTable) add(p reconcile.Party, role match.Role) int32 {
	m, ok := mention(p, role)
	if !ok {
		return -1
	}
	return t.addN(m, 1)
}

// addN counts n rows naming m.
func (t *mentionTable) addN(m match.Mention, n int) int32 {
	k := m.Key()
	if i, ok := t.idx[k]; ok {
		t.ms[i].Count += n
		return i
	}
	if t.idx == nil {
		t.idx = map[string]int32{}
	}
	m.Count = n
	t.ms = append(t.ms, m)
	t.idx[k] = int32(len(t.ms) - 1)
	return int32(len(t.ms) - 1)
}

// find returns p's mention index without counting, -1 when none.
func (t *mentionTable) find(p reconcile.Party, role match.Role) int32 {
	m, ok := mention(p, role)
	if !ok {
		return -1
	}
	if i, ok := t.idx[m.Key()]; ok {
		return i
	}
	return -1
}

// cluster builds mentions from the records and clusters them.
func (r *Result) cluster(ctx context.Context, progress func(Progress)) error {
	n := len(r.Records)
	if r.ConsigneeMention == nil {
		r.ConsigneeMention = make([]int32, n)
		r.ShipperMention = make([]int32, n)
		var mt mentionTable
		for i := range r.Records {
			r.ConsigneeMention[i] = mt.add(r.Records[i].Consignee, match.Consignee)
			r.ShipperMention[i] = mt.add(r.Records[i].Shipper, match.Shipper)
		}
		r.Names = &match.Result{Mentions: mt.ms}
	}
	names, err := clusterNames(ctx, &r.Project, r.Names.Mentions, progress)
	if err != nil {
		return err
	}
	r.Names = names
	ent := func(m int32) int32 {
		if m < 0 || int(m) >= len(names.EntityOf) {
			return -1
		}
		return int32(names.EntityOf[m])
	}
	r.ConsigneeEntity = make([]int32, n)
	r.ShipperEntity = make([]int32, n)
	for i := 0; i < n; i++ {
		r.ConsigneeEntity[i] = ent(r.ConsigneeMention[i])
		r.ShipperEntity[i] = ent(r.ShipperMention[i])
	}
	return nil
}
