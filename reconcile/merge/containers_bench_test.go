package merge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// BenchmarkContainerLines reconciles 30,000 declarations with a B/L feed
// of one row per container (1–4 per B/L, a third repeating the B/L's
// value and weight on every row, so the undecided path runs), and
// reports the time of the same rows with the container numbers blanked
// (no container rule) beside it.
func BenchmarkContainerLines(b *testing.B) {
	const n = 30_000
	rng := rand.New(rand.NewPCG(3, 4))
	t0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	in := Input{Sources: []Source{{Name: "decl", Granularity: reconcile.GranularityShipment}, {Name: "feed", Granularity: reconcile.GranularityShipment}}}
	add := func(rec reconcile.Record, src, cons int32) {
		rec.Source = reconcile.Provenance{File: in.Sources[src].Name, Row: len(in.Records) + 2}
		in.Records = append(in.Records, rec)
		in.SourceOf = append(in.SourceOf, src)
		in.Consignee = append(in.Consignee, cons)
		in.Shipper = append(in.Shipper, cons+5000)
	}
	for s := range n {
		cons := int32(rng.IntN(3000))
		date := reconcile.Date{Time: t0.AddDate(0, 0, rng.IntN(365)), Precision: reconcile.PrecisionDay}
		k := 1 + rng.IntN(4)
		same := rng.IntN(3) == 0
		w, usd := float64(1000+rng.IntN(3000)), float64(10000+rng.IntN(400000))
		gross := 0.0
		bl := fmt.Sprintf("COSU%010d", s)
		for c := range k {
			cw := w
			if !same {
				cw += float64(10 * c)
			}
			gross += cw
			v := reconcile.Number{}
			if same || c == 0 {
				v = reconcile.Num(usd)
			}
			add(reconcile.Record{Date: date, BillOfLading: bl, Container: fmt.Sprintf("TGHU%07d", s*4+c), HSCode: "630790", GrossKg: reconcile.Num(cw), ValueUSD: v}, 1, cons)
		}
		add(reconcile.Record{Date: date, DeclarationID: fmt.Sprintf("10702070/010122/%07d", s), HSCode: "6307909800", NetKg: reconcile.Num(gross * 0.95), ValueUSD: reconcile.Num(usd)}, 0, cons)
	}
	plain := in
	plain.Records = make([]reconcile.Record, len(in.Records))
	copy(plain.Records, in.Records)
	for i := range plain.Records {
		plain.Records[i].Container = ""
	}
	var base time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		start := time.Now()
		if _, err := Reconcile(context.Background(), plain, DefaultOptions(), nil, nil); err != nil {
			b.Fatal(err)
		}
		base += time.Since(start)
		b.StartTimer()
		res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(res.Shipments)), "shipments")
	}
	b.ReportMetric(base.Seconds()/float64(b.N), "no-containers-s/op")
}
