package pipeline

import (
	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// DupList is the Possible duplicates list as the outputs show it, with
// each pair's shipments named by ID rather than by index: a streamed run
// holds no index over all its shipments. Run gives it with
// Result.DupList, Stream in StreamSummary.Dupes; for the same project
// both give the same pairs in the same order.
type DupList struct {
	Pairs []DupRow // best first, at most merge.MaxDupPairs
	// More counts pairs left off past merge.MaxDupPairs; KeptApart the
	// pairs the user kept apart, which are not listed.
	More, KeptApart int
	// WindowDays and WeightPct are how close dates and weights must be
	// (merge.DupWindow).
	WindowDays int
	WeightPct  float64
}

// DupRow is one pair of DupList: merge.DupPair with what the Possible
// duplicates sheet shows of its two shipments.
type DupRow struct {
	Score float64 // 0–1, higher is more alike
	Days  int     // dates apart
	A, B  DupShipment
	// Agree lists what the two have in common; NotMerged says which
	// merge rule kept them apart.
	Agree, NotMerged []string
}

// DupShipment is one side of a DupRow.
type DupShipment struct {
	ID                string
	Date              reconcile.Date
	ConsigneeEntityID string // the pair's consignees may be two entities the matcher relates
	ConsigneeEntity   string // canonical name
	HSCode            string
	Tonnes            reconcile.Number
	Rows              []string // row keys (file!sheet:row), the preferred first
}

// DupList is the run's Possible duplicates list with shipments named by
// ID; nil when the run listed none (no merge yet).
func (r *Result) DupList() *DupList {
	d := r.Dupes
	if d == nil {
		return nil
	}
	out := &DupList{More: d.More, KeptApart: d.KeptApart, WindowDays: d.WindowDays, WeightPct: d.WeightPct}
	out.Pairs = make([]DupRow, 0, len(d.Pairs))
	for _, p := range d.Pairs {
		out.Pairs = append(out.Pairs, dupRow(r, p))
	}
	return out
}

// dupRow names pair p of r's shipments.
func dupRow(r *Result, p merge.DupPair) DupRow {
	lab := r.Labels()
	side := func(i int32) DupShipment {
		sh := &r.Merge.Shipments[i]
		out := DupShipment{ID: sh.ID, Date: sh.Date, ConsigneeEntityID: lab.EntityID(sh.Consignee),
			ConsigneeEntity: lab.EntityName(sh.Consignee), HSCode: sh.HSCode, Tonnes: sh.Tonnes}
		out.Rows = make([]string, 0, len(sh.Rows))
		for _, x := range sh.Rows {
			out.Rows = append(out.Rows, merge.RowKey(r.Records[x].Source))
		}
		return out
	}
	return DupRow{Score: p.Score, Days: p.Days, A: side(p.A), B: side(p.B), Agree: p.Agree, NotMerged: p.NotMerged}
}
