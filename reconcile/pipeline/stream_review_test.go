package pipeline

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/screen"
)

// dupSet writes three sources of one made-up trade in which many
// shipments are Possible duplicates: a declaration register (Cyrillic
// names where a firm has them), a B/L feed (Latin names, a bare gross
// "Weight", dates a few days off, weights up to 12 % off) and an
// aggregator without identifiers; some shipments are repeated a day or
// two apart with equal weights, so that one row fits two (a tie). The
// firms include names in two scripts the matcher only relates (review
// pairs), so pairs across two consignee entities occur too.
func dupSet(t *testing.T, seed uint64, n int) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	type firm struct{ latin, cyr string }
	cons := []firm{{"OOO TEKHKRIM", "ООО «Техкрим»"}, {"SKYLINE DRONES FZ-CO", "СКАЙЛАЙН ДРОНС ФЗКО"},
		{"KRASNY LUCH LLC", "ООО «Красный Луч»"}, {"ALFA STEEL LLC", ""}, {"BETA MACHINERY JSC", ""},
		{"GAMMA POLYMERS LTD", ""}, {"DELTA AGRO LLC", "ООО «Дельта Агро»"}}
	ships := []string{"ACME TRADING LTD", "CHINA NORTH INDUSTRIES CORP.", "SHENZHEN RIVER ELECTRONICS CO LTD"}
	hs := []string{"8542310000", "8807300000", "9303301000", "8458110000"}
	var decl, bl, agg strings.Builder
	decl.WriteString("Номер декларации;Дата;Получатель;Отправитель;ТН ВЭД;Вес нетто, кг;Вес брутто, кг;Стат. стоимость, USD\n")
	bl.WriteString("Bill of Lading Number,Arrival Date,Consignee,Shipper,HS Code,Weight,Weight Unit\n")
	agg.WriteString("date,consignee,shipper,hs code,net weight kg,value usd\n")
	start := time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	type ship struct {
		c, s, h int
		day     time.Time
		net     float64
	}
	var prev ship
	for i := 0; i < n; i++ {
		sh := ship{rng.IntN(len(cons)), rng.IntN(len(ships)), rng.IntN(len(hs)), start.AddDate(0, 0, rng.IntN(300)), float64(100 + rng.IntN(4900))}
		if i > 0 && rng.IntN(6) == 0 { // a repeat: same firm, goods and weight a day or two later
			sh = prev
			sh.day = sh.day.AddDate(0, 0, rng.IntN(3))
		}
		prev = sh
		c := cons[sh.c]
		name := c.latin
		if c.cyr != "" && rng.IntN(2) == 0 {
			name = c.cyr
		}
		gross := sh.net * 1.05
		if rng.IntN(5) != 0 {
			fmt.Fprintf(&decl, "10009100/%s/%07d;%s;%s;%s;%s;%s;%.1f;%d\n", sh.day.Format("020106"), i+1, sh.day.Format("02.01.2006"),
				name, ships[sh.s], hs[sh.h], strings.Replace(fmt.Sprintf("%.1f", sh.net), ".", ",", 1), gross, int(sh.net*20))
		}
		if rng.IntN(10) < 7 {
			d := sh.day.AddDate(0, 0, rng.IntN(13)-3)
			w := gross
			if rng.IntN(2) == 0 {
				w *= 1 + (rng.Float64()-0.5)*0.24
			}
			fmt.Fprintf(&bl, "MEDU%09d,%s,%s,%s,%s,%.0f,KG\n", 813000000+i, d.Format("2006-01-02"), c.latin, ships[sh.s], hs[sh.h][:6], w)
		}
		if rng.IntN(10) < 3 {
			d := sh.day.AddDate(0, 0, rng.IntN(11))
			fmt.Fprintf(&agg, "%s,%s,%s,%s,%.0f,%d\n", d.Format("2006-01-02"), c.latin, ships[sh.s], hs[sh.h], sh.net*(0.9+rng.Float64()*0.2), int(sh.net*20))
		}
	}
	dir := t.TempDir()
	return []string{writeFile(t, dir, "declarations.csv", decl.String()), writeFile(t, dir, "bl_feed.csv", bl.String()),
		writeFile(t, dir, "aggregator.csv", agg.String())}
}

// TestStreamDupesEqualRun: the streamed run lists the same Possible
// duplicates as Run — the same pairs, shipment IDs, scores and reasons,
// in the same order — whether each group of rows is a part of its own
// or all fit in one, and gives the same shipments.
func TestStreamDupesEqualRun(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			t.Parallel()
			paths := dupSet(t, seed, 150)
			res, err := Run(context.Background(), NewProject(paths...), nil)
			if err != nil {
				t.Fatal(err)
			}
			mem := res.DupList()
			cross, ties := 0, 0
			for _, p := range mem.Pairs {
				if p.A.ConsigneeEntityID != p.B.ConsigneeEntityID {
					cross++
				}
				if strings.Contains(strings.Join(p.NotMerged, " "), "fit equally") {
					ties++
				}
			}
			if len(mem.Pairs) < 20 || cross == 0 || ties == 0 {
				t.Fatalf("the set lost its point: %d pairs, %d across two related consignee entities, %d ties", len(mem.Pairs), cross, ties)
			}
			memOut := runOutcome(t, NewProject(paths...))
			// idHashBits 4 holds back nearly every shipment, to be given
			// its ID after the last part: the pairs must name them by
			// their final IDs.
			for _, opt := range []StreamOptions{{PartRows: 1}, {PartRows: 1 << 20}, {PartRows: 1, idHashBits: 4}} {
				str := newOutcome()
				opt.TempDir = t.TempDir()
				sum, err := Stream(context.Background(), NewProject(paths...), opt, &collect{t, str}, nil)
				if err != nil {
					t.Fatal(err)
				}
				if d := diffOutcomes(memOut, str); len(d) > 0 {
					t.Errorf("parts of %d, %d-bit hashes: %s", opt.PartRows, opt.idHashBits, strings.Join(d, "\n"))
				}
				if d := diffDupes(mem, sum.Dupes); d != "" {
					t.Errorf("parts of %d, %d-bit hashes: %s", opt.PartRows, opt.idHashBits, d)
				}
				if opt.idHashBits > 0 && sum.HeldBack < len(memOut.shipments)/2 {
					t.Errorf("%d of %d shipments held back: the case lost its point", sum.HeldBack, len(memOut.shipments))
				}
			}
		})
	}
}

// diffDupes says how two lists differ, "" when they are equal.
func diffDupes(mem, str *DupList) string {
	if str == nil {
		return "no list streamed"
	}
	if mem.More != str.More || mem.KeptApart != str.KeptApart || mem.WindowDays != str.WindowDays || mem.WeightPct != str.WeightPct {
		return fmt.Sprintf("counts: in memory %d more %d kept apart %d days %g%%, streamed %d %d %d %g%%", mem.More, mem.KeptApart, mem.WindowDays, mem.WeightPct,
			str.More, str.KeptApart, str.WindowDays, str.WeightPct)
	}
	for i := range max(len(mem.Pairs), len(str.Pairs)) {
		var a, b DupRow
		if i < len(mem.Pairs) {
			a = mem.Pairs[i]
		}
		if i < len(str.Pairs) {
			b = str.Pairs[i]
		}
		if !reflect.DeepEqual(a, b) {
			return fmt.Sprintf("%d pairs in memory, %d streamed; pair %d:\n  in memory: %+v\n  streamed:  %+v", len(mem.Pairs), len(str.Pairs), i, a, b)
		}
	}
	return ""
}

// TestStreamScreeningEqualsRun: the streamed run screens the same names
// against the same lists as Run and finds the same hits (names, list
// entries, scores, reasons, statuses), with a user's decision applied
// alike, and counts the same listed entities.
func TestStreamScreeningEqualsRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	paths := dupSet(t, 4, 60)
	list := writeFile(t, t.TempDir(), "targets.simple.csv", screenList+
		`"T-5","Company","Skyline Drones FZCO","","","ae","","","PROG-E","","","Test list","2023-01-01","2024-01-01","2024-01-01"`+"\n")
	p := NewProject(paths...)
	p.Lists = []string{list}
	res, err := Run(ctx, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// A rejected hit and a decision that names nothing of this run:
	// both paths must apply the one and report the other.
	var hit *screen.Hit
	for i := range res.Screening.Hits {
		if h := &res.Screening.Hits[i]; h.ListedID == "T-1" {
			hit = h
		}
	}
	if hit == nil {
		t.Fatal("the set lost its point: no hit")
	}
	if err := res.ScreenDecide(p, screen.OpReject, hit.Key, hit.Source, hit.ListedID, "another firm"); err != nil {
		t.Fatal(err)
	}
	p.ScreenDecisions = append(p.ScreenDecisions, screen.Decision{Op: screen.OpConfirm, Name: "NO SUCH FIRM", Role: "consignee", List: hit.Source, ListedID: "T-9"})
	if res, err = Run(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	listed, review := res.ScreenCounts()
	if listed == 0 || len(res.Screening.Unapplied) != 1 {
		t.Fatalf("the set lost its point: %d listed, %d for review, %d decisions unapplied", listed, review, len(res.Screening.Unapplied))
	}
	for _, partRows := range []int{1, 1 << 20} {
		sum, err := Stream(ctx, p, StreamOptions{PartRows: partRows, TempDir: t.TempDir()}, &collect{t, newOutcome()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		m, s := res.Screening, sum.Result.Screening
		if s == nil {
			t.Fatal("streamed run did not screen")
		}
		if !reflect.DeepEqual(m.Hits, s.Hits) {
			t.Errorf("parts of %d: hits differ:\n  in memory: %+v\n  streamed:  %+v", partRows, m.Hits, s.Hits)
		}
		if m.Screened != s.Screened || m.Against != s.Against || !reflect.DeepEqual(m.Unapplied, s.Unapplied) || len(s.Lists) != 1 || len(s.Errors) != 0 {
			t.Errorf("parts of %d: screened %d/%d against %d/%d, unapplied %v / %v, %d list(s), errors %v", partRows, m.Screened, s.Screened,
				m.Against, s.Against, m.Unapplied, s.Unapplied, len(s.Lists), s.Errors)
		}
		if l, r := sum.Result.ScreenCounts(); l != listed || r != review {
			t.Errorf("parts of %d: %d listed, %d for review; in memory %d, %d", partRows, l, r, listed, review)
		}
	}
}

// TestKeepDupes: over parts, the list keeps the best MaxDupPairs pairs in
// Run's order (score, then the shipments' places) and counts the rest,
// and held shipments get their final IDs.
func TestKeepDupes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Held shipment 0 has the ID its part gave it until numberHeld.
	s := &streamer{heldPart: &Result{Merge: &merge.Result{Shipments: []merge.Shipment{{ID: "S-0000AAAA"}}}}}
	s.sum.Dupes = &DupList{More: 7} // as a part's PossibleDuplicates left off 7
	var all []streamDup
	for part := 0; part < 3; part++ {
		dups := make([]streamDup, 2000)
		for i := range dups {
			d := &dups[i]
			d.row.Score = float64(rng.IntN(100)) / 100
			d.row.A.ID, d.row.B.ID = fmt.Sprintf("S-%d-%d-A", part, i), fmt.Sprintf("S-%d-%d-B", part, i)
			d.order = [2]shipOrder{{sec: int64(rng.IntN(50)), global: part*10000 + i}, {sec: int64(rng.IntN(50)), global: part*10000 + i + 1}}
			d.part = [2]int32{int32(i), int32(i + 1)}
			if part == 1 && i == 7 { // a tie naming the held shipment
				d.row.Score = 1
				d.row.NotMerged = []string{"two shipments of this firm fit equally: S-0000AAAA and S-0000AAAA01 (…)"}
			}
		}
		all = append(all, dups...)
		heldAt := map[int32]int32{}
		if part == 1 {
			heldAt[5] = 0 // shipment 5 of part 1 was held back
		}
		s.keepDupes(slices.Clone(dups), heldAt)
	}
	s.heldPart.Merge.Shipments[0].ID = "S-FINAL" // numberHeld
	s.finishDupes()
	slices.SortFunc(all, compareDups)
	got := s.sum.Dupes
	if len(got.Pairs) != merge.MaxDupPairs || got.More != 7+len(all)-merge.MaxDupPairs {
		t.Fatalf("%d pairs, %d more; want %d and %d", len(got.Pairs), got.More, merge.MaxDupPairs, 7+len(all)-merge.MaxDupPairs)
	}
	for i, p := range got.Pairs {
		want := all[i].row
		// Shipment 5 of part 1 is side A of pair 5 and side B of pair 4.
		if want.B.ID == "S-1-4-B" {
			want.B.ID = "S-FINAL"
		}
		if want.A.ID == "S-1-5-A" {
			want.A.ID = "S-FINAL"
		}
		if p.A.ID != want.A.ID || p.B.ID != want.B.ID || p.Score != want.Score {
			t.Fatalf("pair %d: %s / %s %.2f, want %s / %s %.2f", i, p.A.ID, p.B.ID, p.Score, want.A.ID, want.B.ID, want.Score)
		}
		if want.A.ID == "S-1-7-A" {
			if w := "two shipments of this firm fit equally: S-FINAL and S-0000AAAA01 (…)"; len(p.NotMerged) != 1 || p.NotMerged[0] != w {
				t.Errorf("tie reason %q, want %q", p.NotMerged, w)
			}
		}
	}
}

func TestReplaceID(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"whole word", "fit equally: S-0000AAAA and S-1", "fit equally: S-NEW and S-1"},
		{"twice", "S-0000AAAA, S-0000AAAA", "S-NEW, S-NEW"},
		{"longer ID left alone", "S-0000AAAA01 and XS-0000AAAA", "S-0000AAAA01 and XS-0000AAAA"},
		{"at the end after a longer one", "S-0000AAAA01 (S-0000AAAA)", "S-0000AAAA01 (S-NEW)"},
		{"absent", "nothing here", "nothing here"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := replaceID(c.text, "S-0000AAAA", "S-NEW"); got != c.want {
				t.Errorf("replaceID(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}
