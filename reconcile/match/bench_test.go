package match

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var syll = []string{"tek", "krim", "ros", "neft", "gaz", "prom", "stroi", "mash", "avto", "tech", "sib", "ural", "volga", "don",
	"kub", "baltik", "nord", "yug", "vost", "zap", "alfa", "beta", "omega", "delta", "sigma", "star", "lin", "mar", "ko",
	"ra", "ni", "to", "vi", "sa", "lu", "me", "ka", "zo", "pe", "ri", "dji", "hua", "wei", "xin", "long", "feng", "tai"}
var words = []string{"trading", "group", "international", "logistics", "industrial", "zavod", "holding", "import", "export", "technology"}
var forms = []string{"OOO", "LLC", "LTD", "CO., LTD.", "JSC", "AO", "FZE", "LTD. ŞTİ.", "GmbH", "", "ООО", "ЗАО"}

// synthNames makes n distinct-ish company names with spelling variants,
// roughly like a customs export: about one name in four is a variant of
// another.
func synthNames(n int, seed uint64) []string {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		k := 2 + rng.IntN(3)
		for i := 0; i < k; i++ {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		core := strings.ToUpper(b.String())
		if rng.IntN(3) == 0 {
			core += " " + strings.ToUpper(words[rng.IntN(len(words))])
		}
		if rng.IntN(5) == 0 {
			core += fmt.Sprintf(" %d", 1+rng.IntN(20))
		}
		f := forms[rng.IntN(len(forms))]
		out = append(out, strings.TrimSpace(f+" "+core))
		for v := 0; v < rng.IntN(3) && len(out) < n; v++ {
			f2 := forms[rng.IntN(len(forms))]
			name := core + " " + f2
			if rng.IntN(2) == 0 {
				name = strings.ToLower(name)
			}
			out = append(out, name)
		}
	}
	return out
}

// cpuTime is the process's user+system CPU time. Benchmarks report it
// next to wall time because the wall time of a shared machine says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakHeap samples the heap in use until stop is closed and returns the
// highest value seen, in MB.
func peakHeap(stop chan struct{}) chan float64 {
	out := make(chan float64, 1)
	go func() {
		var peak uint64
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-stop:
				out <- float64(peak) / 1e6
				return
			case <-t.C:
			}
		}
	}()
	return out
}

func benchCluster(b *testing.B, n int) {
	ns := synthNames(n, 7)
	ms := make([]Mention, len(ns))
	for i, s := range ns {
		ms[i] = Mention{Name: s, Role: Consignee, Count: 1}
	}
	runtime.GC()
	b.ReportAllocs()
	stop := make(chan struct{})
	peak := peakHeap(stop)
	c0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Cluster(context.Background(), ms, nil, Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
	close(stop)
	b.ReportMetric(<-peak, "peak-heap-MB")
}

// BenchmarkCluster100k: target at most 5 s and 1 GB on 2 cores.
func BenchmarkCluster100k(b *testing.B) { benchCluster(b, 100_000) }

func BenchmarkSearch(b *testing.B) {
	ns := synthNames(100_000, 9)
	ix, err := NewSearchIndex(context.Background(), ns, nil)
	if err != nil {
		b.Fatal(err)
	}
	// Typing "tekhkrim" one keystroke at a time, and a few other queries.
	queries := []string{"t", "te", "tek", "tekh", "tekhk", "tekhkr", "tekhkri", "tekhkrim", "alfa", "омега", "sib neft", "dji"}
	b.ReportAllocs()
	c0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(queries[i%len(queries)], 20)
	}
	b.StopTimer()
	b.ReportMetric(float64(cpuTime()-c0)/1e6/float64(b.N), "cpu-ms/op")
}

// BenchmarkCluster1M is the million-name run; it only runs when
// TRADECHECK_BENCH_1M is set, as it takes minutes.
func BenchmarkCluster1M(b *testing.B) {
	if os.Getenv("TRADECHECK_BENCH_1M") == "" {
		b.Skip("set TRADECHECK_BENCH_1M=1 to run")
	}
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("TRADECHECK_BENCH_1M")); err == nil && v > 1 {
		n = v
	}
	benchCluster(b, n)
}
