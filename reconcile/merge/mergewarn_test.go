package merge

import (
	"context"
	"strings"
	"testing"
)

// A merge the user decides is carried out whatever the identifiers say,
// but one across two declaration numbers (or bills of lading of one
// issuer) is usually a mistake, and the result says so.
func TestMergeDecisionWarnings(t *testing.T) {
	t.Parallel()
	a := row{src: 0, cons: 1, ship: 2, decl: "10009100/040423/0001750", item: "1", date: "2023-04-04", hs: "880730", net: 500}
	with := func(r row, f func(*row)) row { f(&r); return r }
	merge := []Decision{{Op: OpMerge, Row: "a.xlsx!S:2", Other: "b.xlsx!S:3"}}
	tests := []struct {
		name string
		rows []row
		want string // part of the one warning, "" for none
	}{
		{"two declaration numbers", []row{a, with(a, func(r *row) { r.src, r.decl = 1, "10216170/040423/0001737" })},
			"different declaration numbers (a.xlsx!S:2: 10009100/040423/0001750; b.xlsx!S:3: 10216170/040423/0001737)"},
		{"two bills of lading of one issuer", []row{with(a, func(r *row) { r.decl, r.item, r.bl = "", "", "MEDU813128006" }), with(a, func(r *row) { r.src, r.decl, r.item, r.bl = 1, "", "", "MEDU225730654" })},
			"different bill-of-lading numbers of one issuer"},
		{"a declaration and a B/L row: no warning", []row{a, with(a, func(r *row) { r.src, r.decl, r.item, r.bl, r.date = 1, "", "", "MEDU813128006", "2023-03-20" })}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), input(tc.rows), DefaultOptions(), merge, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := groups(res); got != "0+1" {
				t.Fatalf("the user's merge was not carried out: %q", got)
			}
			switch {
			case tc.want == "" && len(res.MergeWarnings) > 0:
				t.Errorf("warnings %q, want none", res.MergeWarnings)
			case tc.want != "" && (len(res.MergeWarnings) != 1 || !strings.Contains(res.MergeWarnings[0], tc.want)):
				t.Errorf("warnings %q, want one with %q", res.MergeWarnings, tc.want)
			}
		})
	}
}
