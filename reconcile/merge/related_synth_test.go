package merge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// synthRelated is a random layout for the names-in-review rule: a
// declaration register (source 0, shippers often in Cyrillic), a B/L
// feed (source 1, Latin names, gross weight only, dated 0–4 days before
// the declaration) and an export register (source 2, shippers in Chinese
// or Latin, net weight only, 5–40 days before). Each firm's names in the three scripts
// are three entities related as cross-script review pairs. Near misses
// are planted on purpose:
//   - false relations: a Cyrillic name the matcher relates to the Latin
//     name of ANOTHER firm (its review pairs are wrong this often);
//   - sister firms supplying the same consignee the same goods in the
//     same weeks, often with the same standard load (weights equal);
//   - one firm shipping twice on one day with one weight (two
//     declarations, one of them in the B/L feed).
type synthRelated struct {
	in    Input
	truth []int // record → true shipment
}

func newSynthRelated(seed uint64, falseRel float64, perConsignee int) synthRelated {
	rng := rand.New(rand.NewPCG(seed, 77))
	const firms, consignees = 12, 5
	// Entities: firm f is f (Latin), 100+f (Cyrillic), 200+f (Chinese);
	// consignee c is 1000+c (Latin), 1100+c (Cyrillic).
	var rel []Relation
	cyrOf := make([]int32, firms) // the Latin entity the Cyrillic name of f is related to
	for f := range firms {
		cyrOf[f] = int32(f)
		if rng.Float64() < falseRel {
			cyrOf[f] = int32((f + 1 + rng.IntN(firms-1)) % firms) // wrongly related
		}
		rel = append(rel, Relation{A: int32(100 + f), B: cyrOf[f], CrossScript: true, Why: "sounds alike"},
			Relation{A: int32(200 + f), B: int32(f), CrossScript: true, Why: "pinyin"},
			// Sister firms' Latin names look alike: a review pair too.
			Relation{A: int32(f), B: int32((f + 1) % firms), Why: "Jaro-Winkler"})
	}
	for c := range consignees {
		rel = append(rel, Relation{A: int32(1100 + c), B: int32(1000 + c), CrossScript: true, Why: "translation"})
	}
	s := synthRelated{in: Input{Related: rel, Sources: []Source{
		{Name: "decl.xlsx", Granularity: reconcile.GranularityShipment, Rank: 9},
		{Name: "bl.csv", Granularity: reconcile.GranularityShipment, Rank: 9},
		{Name: "export.xlsx", Granularity: reconcile.GranularityShipment, Rank: 9, Flow: reconcile.FlowExport},
	}}}
	loads := []float64{20000, 24000, 10000, 5000}
	hs := []string{"030617", "630790", "880730"}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	decl := 0
	add := func(src int32, ship int, date time.Time, h string, net, gross float64, cons int32, shipper int32, id, bl string) {
		rec := reconcile.Record{
			Source:        reconcile.Provenance{File: s.in.Sources[src].Name, Sheet: "S", Row: len(s.in.Records) + 2},
			Date:          reconcile.Date{Time: date, Precision: reconcile.PrecisionDay},
			DeclarationID: id, BillOfLading: bl, HSCode: h,
		}
		if net > 0 {
			rec.NetKg = reconcile.Num(net)
		}
		if gross > 0 {
			rec.GrossKg = reconcile.Num(gross)
		}
		s.in.Records = append(s.in.Records, rec)
		s.in.SourceOf = append(s.in.SourceOf, src)
		s.in.Consignee = append(s.in.Consignee, cons)
		s.in.Shipper = append(s.in.Shipper, shipper)
		s.truth = append(s.truth, ship)
	}
	ship := 0
	for c := range consignees {
		// Each consignee buys one kind of goods from three firms, two of
		// them sisters (f and f+1, which a false relation often joins).
		h := hs[rng.IntN(len(hs))]
		f0 := rng.IntN(firms)
		suppliers := []int{f0, (f0 + 1) % firms, rng.IntN(firms)}
		for range perConsignee {
			f := suppliers[rng.IntN(len(suppliers))]
			date := start.AddDate(0, 0, rng.IntN(180))
			net := loads[rng.IntN(len(loads))]
			if rng.Float64() < 0.4 {
				net = float64(500 + rng.IntN(20000))
			}
			gross := net * 1.05
			twice := rng.Float64() < 0.1 // the firm ships twice that day
			for k := 0; k <= boolInt(twice); k++ {
				inDecl, inBL, inExp := rng.Float64() < 0.85, rng.Float64() < 0.5 && k == 0, rng.Float64() < 0.4
				consDecl := int32(1000 + c)
				if rng.Float64() < 0.3 {
					consDecl = int32(1100 + c)
				}
				shipDecl := int32(f)
				if rng.Float64() < 0.6 {
					shipDecl = int32(100 + f)
				}
				decl++
				if inDecl {
					add(0, ship, date, h, net, gross, consDecl, shipDecl, fmt.Sprintf("10009100/%06d/%07d", decl%1000000, decl), "")
				}
				if inBL {
					add(1, ship, date.AddDate(0, 0, -rng.IntN(5)), h, 0, gross, int32(1000+c), int32(f), "", fmt.Sprintf("MEDU%09d", decl))
				}
				if inExp {
					shipExp := int32(200 + f)
					if rng.Float64() < 0.5 {
						shipExp = int32(f)
					}
					add(2, ship, date.AddDate(0, 0, -5-rng.IntN(36)), h, net, 0, int32(1000+c), shipExp, fmt.Sprintf("53002023%09d", decl), "")
				}
				ship++
			}
		}
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// joinStats counts joined row pairs and the wrong ones, for pairs of one
// flow (declaration and B/L rows) and export–import pairs.
type joinStats struct{ joined, wrong [2]int }

func (j joinStats) precision(k int) float64 {
	return 1 - float64(j.wrong[k])/float64(max(j.joined[k], 1))
}

// TestNamesInReviewPrecision measures the names-in-review rule on random
// layouts (synthRelated) against the rule it extends: of the row pairs it
// joins (parties differ, related across scripts), how many are one true
// shipment, beside the same figure for pairs whose parties are the same
// entities. The layouts are harsh on purpose — standard loads, sister
// firms, a firm shipping twice a day, 30% of the matcher's Cyrillic
// review pairs wrong — so neither rule is perfect; a wrong join there is
// one no rule could avoid (the true counterpart is missing from the other
// source and another shipment of the same firm, goods and weight fits).
// The rule may merge automatically only while it is as precise as the
// same-entity rule on the same layouts (within 3 points) and, for pairs
// of one flow, at least 95% precise at a regular importer's pace.
func TestNamesInReviewPrecision(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		falseRel     float64
		perConsignee int // shipments per consignee in 180 days
	}{{0, 12}, {0.3, 12}, {0, 40}, {0.3, 40}} {
		var names, same joinStats
		for seed := range uint64(20) {
			s := newSynthRelated(seed, tc.falseRel, tc.perConsignee)
			res, err := Reconcile(context.Background(), s.in, DefaultOptions(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, sh := range res.Shipments {
				for x := 0; x < len(sh.Rows); x++ {
					for y := x + 1; y < len(sh.Rows); y++ {
						a, b := sh.Rows[x], sh.Rows[y]
						st := &same
						if s.in.Consignee[a] != s.in.Consignee[b] || s.in.Shipper[a] != s.in.Shipper[b] {
							st = &names
						}
						k := boolInt(s.in.SourceOf[a] == 2 || s.in.SourceOf[b] == 2) // 1: export–import
						st.joined[k]++
						if s.truth[a] != s.truth[b] {
							st.wrong[k]++
						}
					}
				}
			}
		}
		t.Logf("%d shipments per consignee, %.0f%% false relations: names in review: one flow %d joins, precision %.3f; export–import %d, %.3f | same entities: one flow %d, %.3f; export–import %d, %.3f",
			tc.perConsignee, 100*tc.falseRel, names.joined[0], names.precision(0), names.joined[1], names.precision(1),
			same.joined[0], same.precision(0), same.joined[1], same.precision(1))
		for k, kind := range []string{"one flow", "export–import"} {
			if names.joined[k] == 0 || same.joined[k] == 0 {
				t.Fatalf("%s: no joins to measure: the generator does not exercise the rules", kind)
			}
			// At a heavy importer's pace the names-in-review export rule
			// once trailed the same-entity one by ~4 points (0.919 against
			// 0.957): an export whose true import row names the firm in a
			// third script (Chinese ↔ Cyrillic, related only through the
			// Latin name) saw one wrong candidate and took it. Such rows
			// now count as candidates (clearCrossEdges), and the rule is
			// held to the same bound at every pace.
			if names.precision(k) < same.precision(k)-0.03 {
				t.Errorf("%s: names-in-review precision %.3f, same-entity %.3f: the rule is less precise than the one it extends", kind, names.precision(k), same.precision(k))
			}
		}
		if tc.perConsignee <= 12 && names.precision(0) < 0.95 {
			t.Errorf("one flow: names-in-review precision %.3f at a regular importer's pace, want ≥ 0.95", names.precision(0))
		}
	}
}
