package merge

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A B/L feed (source 1) writes one row per container; the declaration
// (source 0) carries the whole shipment. Every case here failed before
// the container rule: each container was its own shipment.
func TestContainerLines(t *testing.T) {
	t.Parallel()
	decl := row{src: 0, cons: 1, ship: 2, decl: "10702070/031022/0001037", date: "2022-10-03", hs: "880730", net: 4200, usd: 186000}
	cont := func(c string, gross, usd float64) row {
		return row{src: 1, cons: 1, ship: 2, bl: "COSU6312340007", cont: c, date: "2022-09-29", hs: "880730", gross: gross, usd: usd}
	}
	withBL := decl
	withBL.bl = "COSU6312340007"
	tests := []struct {
		name       string
		rows       []row
		groups     string
		gross, usd float64 // of the shipment holding row 0
		dupes      int     // exact duplicates
		note       string  // in a discrepancy of that shipment
		pairWhy    string  // in a Possible duplicates reason
	}{
		{"value on the first container row only", []row{decl, cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 0)},
			"0+1+2", 4560, 186000, 0, "", ""},
		{"the same rows without the declaration", []row{cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 0)},
			"0+1", 4560, 186000, 0, "", ""},
		{"values per container differ: added", []row{decl, cont("TGHU3054137", 2300, 90000), cont("TGHU3054266", 2260, 96000)},
			"0+1+2", 4560, 186000, 0, "", ""},
		{"one value repeated on rows of different weights: once, flagged", []row{cont("TGHU3054918", 2900, 186000), cont("TGHU3055046", 2800, 186000)},
			"0+1", 5700, 186000, 0, "counted once", ""},
		{"one value and one weight, a declaration of the B/L gives it once", []row{withBL, cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 186000)},
			"0+1+2", 4560, 186000, 0, "gives the value once", ""},
		{"one value and one weight, the matching declaration gives the sum", []row{func() row { d := decl; d.usd = 372000; return d }(), cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 186000)},
			"0+1+2", 4560, 372000, 0, "gives their sum", ""},
		{"one value and one weight, nothing tells: apart, the containers named", []row{cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 186000)},
			"0 1", 2280, 186000, 0, "", "containers TGHU3054137 and TGHU3054266 of B/L COSU6312340007"},
		{"a vendor-duplicated container row is counted once", []row{decl, cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280, 0), cont("TGHU3054266", 2280, 0)},
			"0+1+2", 4560, 186000, 1, "", ""},
		{"a duplicated container row with a float artefact is counted once", []row{decl, cont("TGHU3054137", 2280, 186000), cont("TGHU3054266", 2280.0000000001, 0), cont("TGHU3054266", 2280, 0)},
			"0+1+2", 4560, 186000, 1, "", ""},
		{"a container twice with different weights: not grouped", []row{cont("TGHU3054137", 2280, 186000), cont("TGHU3054137", 2100, 0)},
			"0 1", 2280, 186000, 0, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, d := reconcileAndList(t, input(tc.rows))
			if got := groups(res); got != tc.groups {
				t.Fatalf("shipments %q, want %q", got, tc.groups)
			}
			sh := &res.Shipments[res.ShipmentOf[0]]
			recs := input(tc.rows).Records
			if g := sh.GrossKg(recs); !g.Valid || math.Abs(g.Value-tc.gross) > 1e-6 {
				t.Errorf("gross %v, want %v", g, tc.gross)
			}
			if v := sh.ValueUSD(recs); !v.Valid || v.Value != tc.usd {
				t.Errorf("value %v, want %v", v, tc.usd)
			}
			if res.Duplicates != tc.dupes {
				t.Errorf("%d exact duplicates, want %d", res.Duplicates, tc.dupes)
			}
			for i := range tc.rows {
				if res.ShipmentOf[i] < 0 {
					t.Errorf("row %d has no fate", i)
				}
			}
			if tc.note != "" {
				found := false
				for _, x := range res.Discrepancies {
					found = found || x.Shipment == sh.ID && strings.Contains(x.Rule, tc.note)
				}
				if !found {
					t.Errorf("no discrepancy says %q: %+v", tc.note, res.Discrepancies)
				}
			}
			if strings.Count(groups(res), "+") > 0 && sh.ContainerLines() == 0 {
				t.Errorf("the shipment does not count its container lines")
			}
			found := tc.pairWhy == ""
			for _, p := range d.Pairs {
				found = found || strings.Contains(strings.Join(p.NotMerged, "; "), tc.pairWhy)
			}
			if !found {
				t.Errorf("no possible duplicate says %q: %+v", tc.pairWhy, d.Pairs)
			}
		})
	}
}

// Random shipments, each a declaration and its containers split at
// random with the value on the first row, split per row, or repeated on
// every row: the shipments' totals equal the declarations', and every row
// has a shipment.
func TestContainerSplitsProperty(t *testing.T) {
	t.Parallel()
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rnd := rand.New(rand.NewPCG(seed, 7))
			var rows []row
			var wantGross, wantUSD float64
			n := 3 + rnd.IntN(8)
			for s := range n {
				date := fmt.Sprintf("2022-%02d-%02d", 1+s, 10+rnd.IntN(10))
				k := 1 + rnd.IntN(4)
				same := k > 1 && rnd.IntN(3) == 0 // every container the same weight
				base := float64(1000 + rnd.IntN(2000))
				ws := make([]float64, k)
				gross := 0.0
				for c := range ws {
					ws[c] = base
					if !same {
						ws[c] += float64(10 * (c + 1))
					}
					gross += ws[c]
				}
				mode := rnd.IntN(3)
				vbase := float64(10000 * (1 + rnd.IntN(50)))
				vs := make([]float64, k)
				usd := 0.0
				for c := range vs {
					switch mode {
					case 0: // the value on the first row
						if c == 0 {
							vs[c] = vbase
						}
					case 1: // per row, adding up
						vs[c] = vbase + float64(1000*c)
					case 2: // the B/L's value on every row
						vs[c] = vbase
					}
					if mode != 2 {
						usd += vs[c]
					}
				}
				if mode == 2 {
					usd = vbase
				}
				bl := fmt.Sprintf("COSU63123400%02d", s)
				d := row{src: 0, cons: int32(1 + s%3), ship: 9, decl: fmt.Sprintf("10702070/%02d0122/00%05d", s+1, s), date: date, hs: "630790", net: gross * 0.93, gross: gross, usd: usd}
				if rnd.IntN(2) == 0 {
					d.bl = bl
				}
				rows = append(rows, d)
				wantGross += gross
				wantUSD += usd
				for c := range k {
					b := row{src: 1, cons: d.cons, ship: 9, bl: bl, cont: fmt.Sprintf("TGHU%03d%04d", s, c), date: date, hs: "630790", gross: ws[c], usd: vs[c]}
					rows = append(rows, b)
					if rnd.IntN(5) == 0 {
						rows = append(rows, b) // the vendor repeats the row
					}
				}
			}
			in := input(rows)
			res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			var gotGross, gotUSD float64
			for i := range res.Shipments {
				sh := &res.Shipments[i]
				if !sh.Counted() {
					continue
				}
				// Totals per shipment as totals.Apply reads them: the
				// declaration's weights first, the containers' added.
				if g := sh.GrossKg(in.Records); g.Valid {
					gotGross += g.Value
				}
				if v := sh.ValueUSD(in.Records); v.Valid {
					gotUSD += v.Value
				}
			}
			for i := range rows {
				if res.ShipmentOf[i] < 0 {
					t.Errorf("row %d has no shipment", i)
				}
			}
			// The containers' added figures agree with the declaration.
			for _, x := range res.Discrepancies {
				if x.Kind == KindConflict && x.Field != reconcile.FieldDate {
					t.Errorf("conflict %s: %+v", x.Field, x.Values)
				}
			}
			if len(res.Shipments) != n {
				t.Errorf("%d shipments, want %d: %s", len(res.Shipments), n, groups(res))
			}
			if math.Abs(gotGross-wantGross) > 0.01 || math.Abs(gotUSD-wantUSD) > 0.01 {
				t.Errorf("gross %.1f USD %.0f, want %.1f and %.0f: %s", gotGross, gotUSD, wantGross, wantUSD, groups(res))
			}
		})
	}
}

// Two identical declarations and two identical export declarations (a
// firm's two identical loads on one day) pair in row order: either
// pairing gives the same totals. A figure that differs keeps the tie.
func TestIdenticalTies(t *testing.T) {
	t.Parallel()
	imp := row{src: 0, cons: 1, ship: 2, decl: "10418010/230123/0001370", date: "2023-01-23", hs: "621143", net: 3200, gross: 3450, usd: 144000}
	exp := row{src: 2, cons: 1, ship: 2, decl: "22341300EX23000007", date: "2023-01-16", hs: "621143", net: 3200, gross: 3450, usd: 140000}
	bl := row{src: 1, cons: 1, ship: 2, bl: "MEDU813128006", date: "2023-01-20", hs: "621143", gross: 3450}
	with := func(r row, f func(*row)) row { f(&r); return r }
	imp2 := with(imp, func(r *row) { r.decl = "10418010/230123/0001407" })
	exp2 := with(exp, func(r *row) { r.decl = "22341300EX23000008" })
	tests := []struct {
		name     string
		rows     []row
		want     string
		explains bool // a shipment's reason says the pairing was arbitrary
	}{
		{"two identical imports and two identical exports", []row{imp, imp2, exp, exp2}, "0+2 1+3", true},
		{"two identical declarations and two identical B/L rows", []row{imp, imp2, with(bl, func(r *row) {}), with(bl, func(r *row) { r.bl = "MEDU813128007" })}, "0+2 1+3", true},
		{"identical pairs in three sources", []row{imp, imp2, with(bl, func(r *row) {}), with(bl, func(r *row) { r.bl = "MEDU813128007" }), exp, exp2}, "0+2+4 1+3+5", true},
		{"the imports' values differ: still a tie", []row{imp, with(imp2, func(r *row) { r.usd = 150000 }), exp, exp2}, "0 1 2 3", false},
		{"the exports' weights differ within the tolerance: still a tie", []row{imp, imp2, exp, with(exp2, func(r *row) { r.net = 3210 })}, "0 1 2 3", false},
		{"three imports, two exports: still a tie", []row{imp, imp2, with(imp, func(r *row) { r.decl = "10418010/230123/0001408" }), exp, exp2}, "0 1 2 3 4", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			in.Sources[2].Flow = reconcile.FlowExport
			res, d := reconcileAndList(t, in)
			if got := groups(res); got != tc.want {
				t.Fatalf("shipments %q, want %q", got, tc.want)
			}
			explained := false
			for _, sh := range res.Shipments {
				explained = explained || strings.Contains(strings.Join(sh.Reasons, "; "), "arbitrary, but the totals do not depend on it")
			}
			if explained != tc.explains {
				t.Errorf("reason says the pairing was arbitrary: %v, want %v", explained, tc.explains)
			}
			if tc.explains && len(d.Pairs) != 0 {
				t.Errorf("paired rows still listed as possible duplicates: %+v", d.Pairs)
			}
		})
	}
}
