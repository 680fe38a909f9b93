package claims

import (
	"strings"
	"testing"
)

// TestNothingFoundNeedsCoverage: "Nothing found" says the data holds no
// such shipments, so it needs a source that covers the claim's dates.
// Nothing in scope in a period no source covers (or covers only in
// part) is Insufficient data for a claim the missing months could make
// true; an editor would read "Nothing found" as "no such imports".
func TestNothingFoundNeedsCoverage(t *testing.T) {
	t.Parallel()
	ships := baseShips() // June–December 2022; the source covers 2021-12 to 2023-01
	tests := []struct {
		name   string
		c      Claim
		kind   Kind
		reason string
	}{
		{"period no source covers", claim(Tonnes, MoreThan, 20, Filters{Destination: []string{"RU"}, HSPrefixes: []string{"6307"}, From: "2020-01-01", To: "2020-06-30"}),
			Insufficient, "no shipment passes every filter (destination RU; HS 6307; 2020-01-01 to 2020-06-30), but no source covers 2020-01-01 to 2020-06-30"},
		{"period partly covered, nothing in the covered months", claim(Shipments, AtLeast, 1, Filters{HSPrefixes: []string{"6307"}, From: "2022-10-01", To: "2023-06-30"}),
			Insufficient, "the data cannot tell whether there were any"},
		{"period covered", claim(Tonnes, MoreThan, 20, Filters{HSPrefixes: []string{"6307"}, From: "2022-10-01", To: "2022-12-31"}),
			NothingFound, "Nothing found: no shipment passes every filter"},
		{"uncovered, but no amount could make it true", claim(Tonnes, LessThan, 0, Filters{HSPrefixes: []string{"6307"}, From: "2020-01-01", To: "2020-06-30"}),
			Contradicted, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Check(testData(ships), tt.c)
			if v.Kind != tt.kind {
				t.Fatalf("got %s, want %s (%s)", v.Kind, tt.kind, v.Reason)
			}
			if tt.kind == Insufficient && v.Why != WhyCoverage {
				t.Errorf("why: got %q, want %q", v.Why, WhyCoverage)
			}
			if !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("reason %q, want it to contain %q", v.Reason, tt.reason)
			}
		})
	}
}

// TestShipmentCountCountsConsignments: three goods items of one
// declaration in scope are one shipment, said in the reason; an item of
// the same declaration that may be in scope (no destination) adds
// nothing to the upper bound, one of another declaration adds one.
func TestShipmentCountCountsConsignments(t *testing.T) {
	t.Parallel()
	ships := baseShips()[:3] // A1, A2, A3: armour June–September 2022
	for i := range ships {
		ships[i].date = "2022-07-18"
	}
	d := testData(ships)
	for i := range d.Shipments {
		d.Shipments[i].Consignment = "D10005030150223000170"
	}
	c := claim(Shipments, Exactly, 1, armourJuneDec)
	v := Check(d, c)
	if v.Kind != Supported || v.Lower != 1 || v.Upper != 1 {
		t.Fatalf("got %s %v–%v, want supported 1–1 (%s)", v.Kind, v.Lower, v.Upper, v.Reason)
	}
	if !strings.Contains(v.Reason, "1 shipment (3 goods items in 1 declaration, counted as one shipment)") {
		t.Errorf("reason %q does not say the items are one declaration", v.Reason)
	}
	t.Run("undetermined items", func(t *testing.T) {
		more := append(baseShips()[:3], baseShips()[:2]...)
		for i := range more {
			more[i].date = "2022-07-18"
		}
		more[3].dest, more[4].dest = "", "" // may be in scope
		d := testData(more)
		for i := range d.Shipments {
			d.Shipments[i].Consignment = "D1"
		}
		d.Shipments[4].Consignment = "D2"
		v := Check(d, claim(Shipments, Exactly, 1, armourJuneDec))
		if v.Lower != 1 || v.Upper != 2 || v.Undetermined != 2 {
			t.Errorf("got %v–%v with %d undetermined, want 1–2 with 2 (%s)", v.Lower, v.Upper, v.Undetermined, v.Reason)
		}
	})
}
