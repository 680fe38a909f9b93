package merge

import (
	"context"
	"testing"
)

// ruleKind classes a pair of rows by the fuzzy rule that may join them:
// parties the same entities or only related across scripts, rows of one
// flow (declaration and B/L) or an export and an import row.
type ruleKind int

const (
	ruleSameOneFlow  ruleKind = iota // same-firm rule, declaration/B/L
	ruleSameExport                   // export–import pairing, same firm
	ruleNamesOneFlow                 // names-in-review (cross-script), one flow
	ruleNamesExport                  // names-in-review, export–import
	nRuleKinds
)

var ruleNames = [nRuleKinds]string{"same firm, declaration/B/L", "same firm, export/import", "cross-script, declaration/B/L", "cross-script, export/import"}

// ruleStats counts, per rule, the row pairs joined, the wrong ones among
// them and the true pairs (rows of one shipment in two sources).
type ruleStats struct{ joined, wrong, truth [nRuleKinds]int }

func (s *ruleStats) precision(k ruleKind) float64 {
	return 1 - float64(s.wrong[k])/float64(max(s.joined[k], 1))
}

func (s *ruleStats) recall(k ruleKind) float64 {
	return float64(s.joined[k]-s.wrong[k]) / float64(max(s.truth[k], 1))
}

func (s synthRelated) kind(a, b int) ruleKind {
	k := ruleSameOneFlow
	if s.in.Consignee[a] != s.in.Consignee[b] || s.in.Shipper[a] != s.in.Shipper[b] {
		k = ruleNamesOneFlow
	}
	if s.in.SourceOf[a] == 2 || s.in.SourceOf[b] == 2 {
		k++
	}
	return k
}

// measureRules reconciles synthRelated layouts of several seeds and
// counts every rule's joins against the truth.
func measureRules(t *testing.T, falseRel float64, perConsignee int, seeds uint64) ruleStats {
	t.Helper()
	var st ruleStats
	for seed := range seeds {
		s := newSynthRelated(seed, falseRel, perConsignee)
		res, err := Reconcile(context.Background(), s.in, DefaultOptions(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for a := range s.truth {
			for b := a + 1; b < len(s.truth); b++ {
				if s.truth[a] == s.truth[b] {
					st.truth[s.kind(a, b)]++
				}
			}
		}
		for _, sh := range res.Shipments {
			for x := 0; x < len(sh.Rows); x++ {
				for y := x + 1; y < len(sh.Rows); y++ {
					a, b := int(sh.Rows[x]), int(sh.Rows[y])
					k := s.kind(a, b)
					st.joined[k]++
					if s.truth[a] != s.truth[b] {
						st.wrong[k]++
					}
				}
			}
		}
	}
	return st
}

// TestRulePrecisionRecall measures each fuzzy rule on its own over the
// random layouts of synthRelated (standard loads, sister firms, a firm
// shipping twice a day, none of the identifiers shared across sources):
// precision = joined pairs that are one shipment / joined pairs, recall
// = joined true pairs / true pairs. Recall cannot reach 1 here: nothing
// but the firm, goods, date and weight links the rows, and a pair two
// shipments fit equally is left for the reader (Possible duplicates).
func TestRulePrecisionRecall(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		falseRel     float64
		perConsignee int // shipments per consignee in 180 days
		// minimum precision per rule; recall only must not collapse
		minPrec [nRuleKinds]float64
	}{
		// A firm's two shipments that fit one row equally stay apart
		// (clearTiedEdges), and an export row pairs only when its
		// candidates across the import sources are one shipment
		// (clearCrossEdges): before those checks the same-firm rules
		// measured 0.90 (declaration/B/L) and 0.85 (export/import) here.
		// With 30% of the cross-script review pairs wrong, an export's
		// true import row often is no candidate at all (its firm's name
		// is related to another firm), and the one that is looks unique.
		{0, 12, [nRuleKinds]float64{0.97, 0.95, 0.95, 0.90}},
		{0.3, 12, [nRuleKinds]float64{0.97, 0.93, 0.95, 0.90}},
		{0, 40, [nRuleKinds]float64{0.95, 0.93, 0.95, 0.85}},
	} {
		st := measureRules(t, tc.falseRel, tc.perConsignee, 20)
		t.Logf("%d shipments per consignee in 180 days, %.0f%% false cross-script relations, 20 seeds:", tc.perConsignee, 100*tc.falseRel)
		t.Logf("  %-32s %7s %7s %9s %7s", "rule", "joined", "wrong", "precision", "recall")
		for k := range nRuleKinds {
			t.Logf("  %-32s %7d %7d %9.3f %7.3f", ruleNames[k], st.joined[k], st.wrong[k], st.precision(k), st.recall(k))
			if st.truth[k] == 0 || st.joined[k] == 0 {
				t.Errorf("%s: %d true pairs, %d joined: the generator does not exercise the rule", ruleNames[k], st.truth[k], st.joined[k])
				continue
			}
			if st.precision(k) < tc.minPrec[k] {
				t.Errorf("%s: precision %.3f, want ≥ %.2f", ruleNames[k], st.precision(k), tc.minPrec[k])
			}
			if st.recall(k) < 0.3 {
				t.Errorf("%s: recall %.3f, want ≥ 0.30: the rule hardly joins anything", ruleNames[k], st.recall(k))
			}
		}
	}
}
