package merge

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// pairRows: rows 0 and 1 merge by the fuzzy rule; row 2 is six days off,
// too far for the rule, close enough to be a possible duplicate.
var pairRows = []row{
	{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
	{src: 1, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000},
	{src: 2, cons: 1, ship: 2, date: "2022-06-20", hs: "930320", net: 1020},
}

func TestPairDecisions(t *testing.T) {
	t.Parallel()
	const r0, r1, r2 = "a.xlsx!S:2", "b.xlsx!S:3", "c.csv!S:4"
	tests := []struct {
		name      string
		decisions []Decision
		want      string
	}{
		{"none", nil, "0+1 2"},
		{"merge a pair", []Decision{{Op: OpMerge, Row: r0, Other: r2, Reason: "same truck"}}, "0+1+2"},
		{"merge names the other row of the shipment", []Decision{{Op: OpMerge, Row: r2, Other: r1}}, "0+1+2"},
		{"keep apart", []Decision{{Op: OpApart, Row: r0, Other: r1}}, "0 1 2"},
		{"merge then keep apart: the later wins", []Decision{{Op: OpMerge, Row: r0, Other: r2}, {Op: OpApart, Row: r2, Other: r0}}, "0+1 2"},
		{"keep apart then merge: the later wins", []Decision{{Op: OpApart, Row: r0, Other: r2}, {Op: OpMerge, Row: r0, Other: r2}}, "0+1+2"},
		{"merge then split the merged row", []Decision{{Op: OpMerge, Row: r0, Other: r2}, {Op: OpSplit, Row: r2}}, "0+1 2"},
		{"a row of a file not read is ignored", []Decision{{Op: OpMerge, Row: r0, Other: "gone.csv:9"}}, "0+1 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), input(pairRows), DefaultOptions(), tc.decisions, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.name == "merge a pair" && !strings.Contains(strings.Join(res.Shipments[0].Reasons, "|"), "merged by the user: same truck") {
				t.Errorf("reasons do not say the user merged: %q", res.Shipments[0].Reasons)
			}
		})
	}
	t.Run("keep apart rows merged on one declaration", func(t *testing.T) {
		rows := []row{
			{src: 0, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000},
			{src: 1, cons: 1, ship: 2, decl: "D1", item: "1", date: "2022-06-14", hs: "930320", net: 1000},
		}
		res, _ := Reconcile(context.Background(), input(rows), DefaultOptions(), []Decision{{Op: OpApart, Row: "a.xlsx!S:2", Other: "b.xlsx!S:3"}}, nil)
		if got := groups(res); got != "0 1" {
			t.Errorf("got %q, want 0 1", got)
		}
	})
}

func dupes(t *testing.T, in Input, ds []Decision) (*Result, *Dupes) {
	t.Helper()
	res, err := Reconcile(context.Background(), in, DefaultOptions(), ds, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := PossibleDuplicates(context.Background(), in, res, DefaultOptions(), ds)
	if err != nil {
		t.Fatal(err)
	}
	return res, d
}

func TestPossibleDuplicates(t *testing.T) {
	t.Parallel()
	two := func(a, b row) []row { return []row{a, b} }
	base := row{src: 0, cons: 1, ship: 2, date: "2022-06-14", hs: "930320", net: 1000}
	with := func(f func(*row)) row { r := base; f(&r); return r }
	tests := []struct {
		name      string
		rows      []row
		edit      func(in *Input)
		decisions []Decision
		want      int    // pairs listed
		notMerged string // part of the NotMerged text of the first pair
	}{
		{"dates past the merge window", pairRows, nil, nil, 1, "beyond the ±3-day window"},
		{"weights past the merge tolerance", two(base, with(func(r *row) { r.src, r.net = 1, 1030 })), nil, nil, 1, "2.9% apart, beyond the 1% tolerance"},
		{"two rows of one source", two(base, with(func(r *row) { r.date = "2022-06-15" })), nil, nil, 1, "both rows come from a.xlsx"},
		{"shippers differ", two(base, with(func(r *row) { r.src, r.ship = 1, 3 })), nil, nil, 1, "the shippers are different entities"},
		// The merge rule compares a net-only row with a gross-only one within
		// the packaging band, so the pair is one shipment, not a doubt.
		{"net against gross in the packaging band merges", two(base, with(func(r *row) { r.src, r.net = 1, 0 })),
			func(in *Input) { in.Records[1].GrossKg = reconcile.Num(1100) }, nil, 0, ""},
		{"net against gross past the merge rule's packaging band", two(base, with(func(r *row) { r.src, r.net = 1, 0 })),
			func(in *Input) { in.Records[1].GrossKg = reconcile.Num(1250) }, nil, 1, "only a net weight and the other only a gross weight"},
		{"gross far over net", two(base, with(func(r *row) { r.src, r.net = 1, 0 })),
			func(in *Input) { in.Records[1].GrossKg = reconcile.Num(2000) }, nil, 0, ""},
		{"weights far apart", two(base, with(func(r *row) { r.src, r.net = 1, 1200 })), nil, nil, 0, ""},
		{"dates far apart", two(base, with(func(r *row) { r.src, r.date = 1, "2022-06-30" })), nil, nil, 0, ""},
		{"other HS-6", two(base, with(func(r *row) { r.src, r.hs, r.date = 1, "930330", "2022-06-20" })), nil, nil, 0, ""},
		{"other consignee", two(base, with(func(r *row) { r.src, r.cons, r.date = 1, 4, "2022-06-20" })), nil, nil, 0, ""},
		{"different declarations are two shipments", two(with(func(r *row) { r.decl = "D1" }), with(func(r *row) { r.src, r.decl = 1, "D2" })), nil, nil, 0, ""},
		{"different bills of lading are two shipments", two(base, with(func(r *row) { r.src, r.date = 1, "2022-06-20" })),
			func(in *Input) { in.Records[0].BillOfLading, in.Records[1].BillOfLading = "MAEU1", "MAEU2" }, nil, 0, ""},
		{"a declaration against a bill of lading", two(with(func(r *row) { r.decl = "D1" }), with(func(r *row) { r.src, r.date = 1, "2022-06-20" })),
			func(in *Input) { in.Records[1].BillOfLading = "MAEU1" }, nil, 1, "beyond the ±3-day window"},
		{"kept apart by the user", pairRows, nil, []Decision{{Op: OpApart, Row: "a.xlsx!S:2", Other: "c.csv!S:4"}}, 0, ""},
		{"excluded shipments are not counted", pairRows, nil, []Decision{{Op: OpExclude, Row: "c.csv!S:4"}}, 0, ""},
		{"merged by the user", pairRows, nil, []Decision{{Op: OpMerge, Row: "a.xlsx!S:2", Other: "c.csv!S:4"}}, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			if tc.edit != nil {
				tc.edit(&in)
			}
			res, d := dupes(t, in, tc.decisions)
			if len(d.Pairs) != tc.want {
				t.Fatalf("pairs: got %d (%+v), want %d; shipments %s", len(d.Pairs), d.Pairs, tc.want, groups(res))
			}
			if tc.want == 0 {
				return
			}
			p := d.Pairs[0]
			if got := strings.Join(p.NotMerged, "; "); !strings.Contains(got, tc.notMerged) {
				t.Errorf("not merged: got %q, want it to contain %q", got, tc.notMerged)
			}
			if p.Score <= 0 || p.Score > 1 || p.A == p.B {
				t.Errorf("pair %+v: score out of (0, 1] or a shipment paired with itself", p)
			}
			if !strings.Contains(strings.Join(p.Agree, "; "), "same consignee entity") {
				t.Errorf("agree: %q", p.Agree)
			}
		})
	}
	t.Run("kept apart counted", func(t *testing.T) {
		_, d := dupes(t, input(pairRows), []Decision{{Op: OpApart, Row: "c.csv!S:4", Other: "b.xlsx!S:3"}})
		if d.KeptApart != 1 {
			t.Errorf("KeptApart: got %d, want 1", d.KeptApart)
		}
	})
	t.Run("closer pairs score higher", func(t *testing.T) {
		rows := []row{base, with(func(r *row) { r.src, r.date = 1, "2022-06-18" }), with(func(r *row) { r.src, r.date = 2, "2022-06-23" })}
		_, d := dupes(t, input(rows), nil)
		if len(d.Pairs) != 3 {
			t.Fatalf("pairs: got %d, want 3", len(d.Pairs))
		}
		for k := 1; k < len(d.Pairs); k++ {
			if d.Pairs[k].Score > d.Pairs[k-1].Score {
				t.Errorf("not best first: %+v", d.Pairs)
			}
		}
		if d.Pairs[0].Days != 4 {
			t.Errorf("best pair: %d days apart, want the 4-day pair first", d.Pairs[0].Days)
		}
	})
}
