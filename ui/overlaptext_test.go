package ui

import (
	"strings"
	"testing"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
)

// Pairs of sources that share nothing are counted in one line, not
// listed: they buried the pairs a user must look at.
func TestOverlapTextFoldsQuietPairs(t *testing.T) {
	res := &pipeline.Result{Overlaps: []merge.Overlap{
		{A: 0, B: 1, Merged: 4},
		{A: 0, B: 2},
		{A: 1, B: 2},
		{A: 0, B: 3, Dupes: 2},
	}}
	got := strings.Split(overlapText(res), "\n")
	if len(got) != 3 {
		t.Fatalf("want 2 pair lines and 1 summary, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
	if !strings.Contains(got[0], "4 shipment(s) merged") || !strings.Contains(got[1], "2 possible duplicate(s)") {
		t.Errorf("pair lines: %q", got[:2])
	}
	if got[2] != "2 other pair(s) of sources share no shipment and no look-alike row." {
		t.Errorf("summary line: %q", got[2])
	}
}
