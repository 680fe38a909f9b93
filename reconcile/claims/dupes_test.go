package claims

import (
	"strings"
	"testing"

	"tradecheck/reconcile/merge"
)

// Shipments on Possible duplicates change what a verdict may say: a pair
// with both shipments in scope gives a second figure, counted once, and
// when that figure flips the verdict the claim is Insufficient until the
// user decides. baseShips: A1 = 0 (2.1 t), A2 = 1 (1.8 t), A3 = 2 (2.0 t)
// are in armourJuneDec's scope (5.9 t); A-MAY = 3 is not.
func TestPossibleDuplicates(t *testing.T) {
	t.Parallel()
	pair := func(a, b int32) merge.DupPair { return merge.DupPair{A: a, B: b, Score: 0.9} }
	for _, tt := range []struct {
		name   string
		claim  Claim
		pairs  []merge.DupPair
		kind   Kind
		why    string
		reason string // in Reason
		note   string // in Notes; "" means no note names Possible duplicates
	}{
		{"no pairs", claim(Tonnes, MoreThan, 5, armourJuneDec), nil, Supported, "", "Supported: 5.9 t in 3 shipments", ""},
		{"pair in scope, verdict holds counted once", claim(Tonnes, MoreThan, 3, armourJuneDec), []merge.DupPair{pair(0, 1)},
			Supported, "", "Supported: 5.9 t",
			"2 shipments in scope may be duplicates of each other (Possible duplicates: A1 / A2); if they are one shipment, the figure is between 3.8 t and 4.1 t, and the verdict is the same."},
		{"pair in scope turns Supported", claim(Tonnes, MoreThan, 5, armourJuneDec), []merge.DupPair{pair(0, 1)},
			Insufficient, WhyDuplicates,
			"Insufficient data: depends on whether A1 and A2 are one shipment (Possible duplicates). Counting every shipment the figure is 5.9 t in 3 shipments, and the claim (more than 5 t) would be Supported; counting each pair once it is between 3.8 t and 4.1 t, and the claim would be Contradicted.",
			""},
		{"pair in scope turns Contradicted", claim(Tonnes, LessThan, 5, armourJuneDec), []merge.DupPair{pair(1, 0)},
			Insufficient, WhyDuplicates, "depends on whether A2 and A1 are one shipment", ""},
		{"shipment count", claim(Shipments, Exactly, 3, armourJuneDec), []merge.DupPair{pair(0, 2)},
			Insufficient, WhyDuplicates, "counting each pair once it is 2 shipments, and the claim would be Contradicted", ""},
		{"shipment count holds", claim(Shipments, AtLeast, 2, armourJuneDec), []merge.DupPair{pair(0, 2)},
			Supported, "", "Supported: 3",
			"2 shipments in scope may be duplicates of each other (Possible duplicates: A1 / A3); if they are one shipment, the figure is 2 shipments, and the verdict is the same."},
		{"one side in scope", claim(Tonnes, MoreThan, 5, armourJuneDec), []merge.DupPair{pair(3, 0)},
			Supported, "", "Supported: 5.9 t",
			"1 shipment in scope is listed as a possible duplicate of a shipment outside it (Possible duplicates: A-MAY / A1)"},
		{"a shipment in two pairs counts once", claim(Shipments, AtLeast, 2, armourJuneDec), []merge.DupPair{pair(0, 1), pair(0, 2)},
			Supported, "", "Supported: 3",
			"(Possible duplicates: A1 / A2); if they are one shipment, the figure is 2 shipments, and the verdict is the same. Also listed as possible duplicates in scope: A1 / A3."},
		{"pair out of scope", claim(Tonnes, MoreThan, 5, armourJuneDec), []merge.DupPair{pair(3, 5)},
			Supported, "", "Supported: 5.9 t", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := testData(baseShips())
			d.Dupes = tt.pairs
			v := Check(d, tt.claim)
			if v.Kind != tt.kind || v.Why != tt.why {
				t.Errorf("kind %s/%q, want %s/%q (%s)", v.Kind, v.Why, tt.kind, tt.why, v.Reason)
			}
			if !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("reason %q, want it to contain %q", v.Reason, tt.reason)
			}
			notes := strings.Join(v.Notes, " | ")
			if tt.note == "" && strings.Contains(notes, "Possible duplicates") || !strings.Contains(notes, tt.note) {
				t.Errorf("notes %q, want %q", notes, tt.note)
			}
		})
	}
}
