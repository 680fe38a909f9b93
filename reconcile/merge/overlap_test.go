package merge

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// overlapRows renders n shipments of one firm into sources 0 and 1: with
// declIDs, source 1's rows carry numbers of their own (a bill-of-lading
// column read as declaration numbers), so no row can merge.
func overlapInput(n int, declIDs bool, shift int) Input {
	var rows []row
	for k := 0; k < n; k++ {
		date := fmt.Sprintf("2022-06-%02d", 1+3*k)
		other := fmt.Sprintf("2022-06-%02d", 1+3*k+shift)
		a := row{src: 0, cons: 1, ship: 2, decl: fmt.Sprintf("D%d", k), item: "1", date: date, hs: "930320", net: float64(1000 + 100*k)}
		b := row{src: 1, cons: 1, ship: 2, date: other, hs: "930320", net: float64(1000 + 100*k)}
		if declIDs {
			b.decl, b.item = fmt.Sprintf("MAEU%d", k), "1"
		}
		rows = append(rows, a, b)
	}
	return input(rows)
}

func TestOverlaps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		in               Input
		merged, lookLike int
		warn             bool
	}{
		{"rows merge", overlapInput(6, false, 1), 6, 0, false},
		{"bill-of-lading numbers read as declarations", overlapInput(6, true, 1), 0, 6, true},
		{"too few look-alike rows to say", overlapInput(2, true, 1), 0, 2, false},
		{"same firm and goods, other shipments", overlapInput(6, false, 20), 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Reconcile(context.Background(), tc.in, DefaultOptions(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			d, _ := PossibleDuplicates(context.Background(), tc.in, res, DefaultOptions(), nil)
			os := Overlaps(tc.in, res, DefaultOptions(), d)
			if len(os) != 1 {
				t.Fatalf("overlaps: got %d, want 1 (sources 0 and 1)", len(os))
			}
			o := os[0]
			if o.A != 0 || o.B != 1 || o.Merged != tc.merged || o.LookAlike != tc.lookLike {
				t.Errorf("got %+v, want merged %d, look-alike %d", o, tc.merged, tc.lookLike)
			}
			if (o.Warning.Text != "") != tc.warn {
				t.Errorf("warning %q, want one: %v", o.Warning.Text, tc.warn)
			}
			if tc.warn && !strings.HasPrefix(o.Warning.Text, "possible double counting between a.xlsx and b.xlsx: ") {
				t.Errorf("warning text: %q", o.Warning.Text)
			}
			// Rows whose declaration numbers differ are never listed as
			// possible duplicates: the warning must not send the user to
			// an empty list without saying why it is empty.
			if tc.warn && o.Dupes == 0 && !strings.Contains(o.Warning.Text, "none is on the Possible duplicates list, which leaves out pairs whose declaration or B/L numbers differ") {
				t.Errorf("warning with no listed pair does not say why the list is empty: %q", o.Warning.Text)
			}
			// ... and asks which file holds export declarations, a step
			// each front end words (a flag, a control).
			if wantStep := tc.warn && o.Dupes == 0; (o.Warning.Fix == reconcile.FixTradeFlow) != wantStep {
				t.Errorf("warning step %+v, want the trade flow asked: %v", o.Warning.Step, wantStep)
			}
		})
	}
}
