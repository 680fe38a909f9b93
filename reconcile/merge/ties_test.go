package merge

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A firm ships the same standard load twice in a few days: one B/L row
// fits both declarations equally, so it joins neither and Possible
// duplicates names the tie; a quantity that tells them apart decides.
func TestTiedCandidates(t *testing.T) {
	t.Parallel()
	d1 := row{src: 0, cons: 1, ship: 2, decl: "10009100/040423/0001750", date: "2023-04-05", hs: "880730", net: 20000, gross: 21000}
	d2 := d1
	d2.decl, d2.date = "10009100/060423/0001802", "2023-04-06"
	bl := row{src: 1, cons: 1, ship: 2, bl: "MEDU813128006", date: "2023-04-04", hs: "880730", gross: 21000}
	tests := []struct {
		name   string
		rows   []row
		qty    []float64 // per row, 0 for none
		groups string
		tie    bool // Possible duplicates names the tie
	}{
		{"one declaration fits: merged", []row{d1, bl}, nil, "0+1", false},
		{"two fit equally: neither", []row{d1, d2, bl}, nil, "0 1 2", true},
		{"the quantity tells them apart", []row{d1, d2, bl}, []float64{40, 38, 38}, "0 1+2", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			for i, q := range tc.qty {
				if q > 0 {
					in.Records[i].Quantity, in.Records[i].QuantityUnit = reconcile.Num(q), "pcs"
				}
			}
			res, dupes := reconcileAndList(t, in)
			if got := groups(res); got != tc.groups {
				t.Errorf("shipments %q, want %q", got, tc.groups)
			}
			found := false
			for _, p := range dupes.Pairs {
				why := strings.Join(p.NotMerged, "; ")
				if strings.Contains(why, "two shipments of this firm fit equally: S-") {
					found = true
					ids := []string{res.Shipments[res.ShipmentOf[0]].ID, res.Shipments[res.ShipmentOf[1]].ID}
					for _, id := range ids {
						if !strings.Contains(why, id) {
							t.Errorf("the tie names %q, not %s", why, id)
						}
					}
				}
			}
			if found != tc.tie {
				t.Errorf("tie on Possible duplicates: %v, want %v (%+v)", found, tc.tie, dupes.Pairs)
			}
		})
	}
}
