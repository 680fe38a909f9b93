package merge

import (
	"context"
	"flag"
	"fmt"
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

// showWrong logs each wrong join TestRulePrecisionRecall counts: go test
// ./reconcile/merge -run RulePrecisionRecall -v -args -rules.wrong.
var showWrong = flag.Bool("rules.wrong", false, "TestRulePrecisionRecall: log every wrong join with its rows")

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
						if *showWrong {
							t.Logf("seed %d, %s: %s + %s", seed, ruleNames[k], s.describe(a), s.describe(b))
						}
					}
				}
			}
		}
	}
	return st
}

// describe names row i for -rules.wrong: its source, true shipment,
// date, weights and parties.
func (s synthRelated) describe(i int) string {
	rec := &s.in.Records[i]
	return fmt.Sprintf("[row %d of %s, shipment %d, %s, net %g gross %g, consignee %d shipper %d]", i, s.in.Sources[s.in.SourceOf[i]].Name,
		s.truth[i], rec.Date.Time.Format("2006-01-02"), rec.NetKg.Value, rec.GrossKg.Value, s.in.Consignee[i], s.in.Shipper[i])
}

// ruleSeeds is how many random layouts each row of the test measures.
// A rule joins ~7 pairs per layout and errs on a few in a hundred: on 20
// layouts one wrong pair more or less moves precision by 0.007 and the
// figures by ±0.015 from seed set to seed set, too coarse for floors
// 0.02 apart (20 seeds gave same-firm export/import 0.950 and 0.939
// before the rival checks; 100 give 0.973 and 0.949).
const ruleSeeds = 100

// TestRulePrecisionRecall measures each fuzzy rule on its own over the
// random layouts of synthRelated (standard loads, sister firms, a firm
// shipping twice a day, none of the identifiers shared across sources):
// precision = joined pairs that are one shipment / joined pairs, recall
// = joined true pairs / true pairs. Recall cannot reach 1 here: nothing
// but the firm, goods, date and weight links the rows, and a pair two
// shipments fit equally is left for the reader (Possible duplicates).
// Neither can precision: the wrong export/import pairs left are a firm's
// two identical loads of one day, or an export whose own import rows
// are all missing while another shipment of the firm fits — nothing in
// the rows tells them apart (-rules.wrong lists them).
func TestRulePrecisionRecall(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		falseRel     float64
		perConsignee int // shipments per consignee in 180 days
		// minimum precision and recall per rule, in ruleNames' order
		minPrec, minRecall [nRuleKinds]float64
	}{
		// A firm's two shipments that fit one row equally stay apart
		// (clearTiedEdges), and an export row pairs only when its
		// candidates across the import sources are one shipment and
		// the import row has one export candidate (clearCrossEdges).
		// Rows naming the firm in a third script, and rows alike on
		// the day and weight under another shipper name, count as
		// candidates there: before they did, the export/import rules
		// measured 0.973 (same firm) and 0.949 (cross-script) in the
		// first row, 0.949 and 0.932 in the second, 0.963 and 0.925 in
		// the third, recall 0.773 / 0.478, 0.794 / 0.464, 0.551 / 0.357.
		// With 30% of the cross-script review pairs wrong, an export's
		// true import row often is no candidate at all (its firm's name
		// is related to another firm), and the one that is looks unique.
		{0, 12, [nRuleKinds]float64{0.97, 0.975, 0.975, 0.975}, [nRuleKinds]float64{0.89, 0.74, 0.87, 0.43}},
		{0.3, 12, [nRuleKinds]float64{0.955, 0.955, 0.97, 0.955}, [nRuleKinds]float64{0.89, 0.76, 0.64, 0.42}},
		{0, 40, [nRuleKinds]float64{0.96, 0.965, 0.975, 0.96}, [nRuleKinds]float64{0.82, 0.52, 0.81, 0.31}},
	} {
		st := measureRules(t, tc.falseRel, tc.perConsignee, ruleSeeds)
		t.Logf("%d shipments per consignee in 180 days, %.0f%% false cross-script relations, %d seeds:", tc.perConsignee, 100*tc.falseRel, ruleSeeds)
		t.Logf("  %-32s %7s %7s %9s %7s", "rule", "joined", "wrong", "precision", "recall")
		for k := range nRuleKinds {
			t.Logf("  %-32s %7d %7d %9.3f %7.3f", ruleNames[k], st.joined[k], st.wrong[k], st.precision(k), st.recall(k))
			if st.truth[k] == 0 || st.joined[k] == 0 {
				t.Errorf("%s: %d true pairs, %d joined: the generator does not exercise the rule", ruleNames[k], st.truth[k], st.joined[k])
				continue
			}
			if st.precision(k) < tc.minPrec[k] {
				t.Errorf("%s: precision %.3f, want ≥ %.3f", ruleNames[k], st.precision(k), tc.minPrec[k])
			}
			if st.recall(k) < tc.minRecall[k] {
				t.Errorf("%s: recall %.3f, want ≥ %.2f: the rule joins fewer true pairs than it did", ruleNames[k], st.recall(k), tc.minRecall[k])
			}
		}
	}
}
