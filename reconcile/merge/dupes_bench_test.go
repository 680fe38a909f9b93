package merge

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"tradecheck/reconcile"
)

// BenchmarkDupesMillion times the Possible duplicates pass and the
// overlap check on a million rows from three sources (a thousand
// consignees, fifty HS-6 codes, one year), after Reconcile.
func BenchmarkDupesMillion(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(1, 2))
	in := Input{Sources: []Source{{Name: "a", Granularity: reconcile.GranularityShipment}, {Name: "b", Granularity: reconcile.GranularityShipment}, {Name: "c", Granularity: reconcile.GranularityShipment}}}
	hs := make([]string, 50)
	for i := range hs {
		hs[i] = string(rune('1'+i%9)) + "0" + string(rune('A'+i)) + "100"
	}
	t0 := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		rec := reconcile.Record{
			Source: reconcile.Provenance{File: "f", Sheet: "S", Row: i + 2},
			Date:   reconcile.Date{Time: t0.AddDate(0, 0, rng.IntN(365)), Precision: reconcile.PrecisionDay},
			HSCode: hs[rng.IntN(len(hs))], NetKg: reconcile.Num(float64(100 + rng.IntN(20000))),
		}
		in.Records = append(in.Records, rec)
		in.SourceOf = append(in.SourceOf, int32(rng.IntN(3)))
		in.Consignee = append(in.Consignee, int32(rng.IntN(1000)))
		in.Shipper = append(in.Shipper, -1)
	}
	start := time.Now()
	res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	// The machine may be shared: the pass is judged against Reconcile.
	b.ReportMetric(time.Since(start).Seconds(), "reconcile-s")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := PossibleDuplicates(context.Background(), in, res, DefaultOptions(), nil)
		if err != nil {
			b.Fatal(err)
		}
		os := Overlaps(in, res, DefaultOptions(), d)
		b.ReportMetric(float64(len(d.Pairs)+d.More), "pairs")
		b.ReportMetric(float64(len(os)), "overlaps")
	}
}
