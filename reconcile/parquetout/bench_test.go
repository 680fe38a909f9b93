package parquetout

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"tradecheck/reconcile/internal/procstat"
	"tradecheck/reconcile/pipeline"
	"tradecheck/samples"
)

// benchRows reads TRADECHECK_BENCH_ROWS, else def.
func benchRows(def int) int {
	if v, err := strconv.Atoi(os.Getenv("TRADECHECK_BENCH_ROWS")); err == nil && v > 0 {
		return v
	}
	return def
}

// heapPeak samples the heap in use every 20 ms until stop is called, and
// returns the highest value seen, in MB.
func heapPeak() (stop func() float64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() float64 {
		close(done)
		<-finished
		return float64(peak.Load()) / (1 << 20)
	}
}

// BenchmarkWriteRecordsStream streams generated records.parquet rows
// (TRADECHECK_BENCH_ROWS, default 1,000,000; 200k distinct names) through
// the writer to a discarded output: the export's own cost per row and its
// peak heap, which must not grow with the rows. Compare
// TRADECHECK_BENCH_ROWS=1000000 with 10000000.
func BenchmarkWriteRecordsStream(b *testing.B) {
	n := benchRows(1_000_000)
	names := benchNames(200_000)
	for i := 0; i < b.N; i++ {
		runtime.GC()
		stop := heapPeak()
		start, cpu0 := time.Now(), procstat.CPUSeconds()
		err := writeStream(context.Background(), io.Discard, "bench", Options{RowGroupRows: RowGroupRows}, func(emit func(Record) error) error {
			rng := rand.New(rand.NewPCG(1, 2))
			for k := 0; k < n; k++ {
				net, usd := float64(100+rng.IntN(20000)), float64(1000+rng.IntN(500000))
				days := int32(18993 + rng.IntN(365))
				c := names[rng.IntN(180_000)]
				if err := emit(Record{File: "decl.csv", SHA256: "ab12", Row: int32(k + 2), RowKey: "decl.csv:" + strconv.Itoa(k+2),
					Fate: FateCounted, ShipmentID: "S" + strconv.Itoa(k), Date: &days, DatePrecision: "day",
					DeclarationID: "10702010/" + strconv.Itoa(k), Consignee: c, ConsigneeEntityID: "E-" + c[:4],
					Shipper: names[180_000+rng.IntN(20_000)], OriginCountry: "CN", DestinationCountry: "RU",
					HSCode: "8471300000", Description: "Goods of kind " + strconv.Itoa(rng.IntN(50)),
					NetKg: &net, Value: &usd, Currency: "USD", ValueUSD: &usd}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.ReportMetric(float64(n)/el.Seconds(), "rows/s")
		b.ReportMetric(float64(n)/(procstat.CPUSeconds()-cpu0), "rows/cpu-s")
		b.ReportMetric(stop(), "MB-heap-peak")
	}
}

// benchNames returns n distinct company names.
func benchNames(n int) []string {
	words := []string{"STEEL", "TEXTIL", "AGRO", "MASH", "KERAMIKA", "FRUKT", "TEKH", "PROM", "SNAB", "TORG", "LOGISTIK", "METALL", "KHIM", "ELEKTRO", "STROY"}
	forms := []string{"LLC", "JSC", "LTD", "CO., LTD", "GMBH", "A.S."}
	out := make([]string, n)
	for i := range out {
		out[i] = words[i%len(words)] + "-" + words[(i/len(words))%len(words)] + " " + strconv.Itoa(i) + " " + forms[i%len(forms)]
	}
	return out
}

// BenchmarkParquetRun measures the big-data path: generated CSV sources
// with TRADECHECK_BENCH_ROWS rows (default 10,000,000) and 200,000
// distinct company names, reconciled and written to Parquet, as
// `tradecheck-cli reconcile --parquet` does. It is skipped unless
// TRADECHECK_BENCH_PARQUET=1 (it needs several GB and minutes); the
// inputs are cached in $TMPDIR/tradecheck-parquet-bench-N. Run with
// -benchtime=1x and GOMEMLIMIT unset (the CLI's soft limit is not set
// here: the run's heap is what is measured).
func BenchmarkParquetRun(b *testing.B) {
	if os.Getenv("TRADECHECK_BENCH_PARQUET") != "1" {
		b.Skip("set TRADECHECK_BENCH_PARQUET=1 to run the 10M-row Parquet benchmark")
	}
	n := benchRows(10_000_000)
	files := genCSV(b, filepath.Join(os.TempDir(), "tradecheck-parquet-bench-"+strconv.Itoa(n)), n, 200_000)
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		stop := heapPeak()
		res, err := pipeline.Run(context.Background(), pipeline.NewProject(files...), nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range res.Errors() {
			b.Fatal(e)
		}
		run := time.Since(start)
		heapRun := stop()
		rssRun := procstat.PeakRSSMB()
		stop = heapPeak()
		ws := time.Now()
		if err := Write(context.Background(), res, out, Options{}); err != nil {
			b.Fatal(err)
		}
		write := time.Since(ws)
		b.ReportMetric(float64(len(res.Records)), "rows")
		b.ReportMetric(float64(len(res.Names.Mentions)), "distinct-names")
		b.ReportMetric(float64(len(res.Merge.Shipments)), "shipments")
		b.ReportMetric(run.Seconds(), "s-read+match+merge")
		b.ReportMetric(write.Seconds(), "s-parquet")
		b.ReportMetric(float64(len(res.Records))/time.Since(start).Seconds(), "rows/s")
		b.ReportMetric(heapRun, "MB-heap-peak-run")
		b.ReportMetric(stop(), "MB-heap-peak-parquet")
		b.ReportMetric(rssRun, "MB-peak-RSS-run")
		b.ReportMetric(procstat.PeakRSSMB(), "MB-peak-RSS")
		b.ReportMetric(procstat.CPUSeconds(), "cpu-s")
		var size int64
		for _, f := range outFiles {
			if fi, err := os.Stat(filepath.Join(out, f)); err == nil {
				size += fi.Size()
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MB-parquet")
	}
}

// genCSV writes two semicolon CSV sources totalling n rows over distinct
// company names (90% consignees, 10% shippers): a declaration register
// (70% of the rows) and a second export repeating 30% of its
// declarations with the same names, so the merge has cross-source pairs.
func genCSV(b *testing.B, dir string, n, distinct int) []string {
	files := []string{filepath.Join(dir, "register.csv"), filepath.Join(dir, "vendor.csv")}
	if _, err := os.Stat(files[1]); err == nil {
		return files
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	names := benchNames(distinct)
	nCons := distinct * 9 / 10
	countries := []string{"CN", "TR", "DE", "IT", "KZ", "AE", "IN", "BY"}
	hs := []string{"6307909800", "8471300000", "8806100000", "6907210000", "0805100000", "8428909000", "7208510000", "3926909709"}
	row := func(rng *rand.Rand, k int) string {
		c, s := names[k%nCons], names[nCons+rng.IntN(distinct-nCons)]
		if k < distinct { // every name appears at least once
			s = names[nCons+k%(distinct-nCons)]
		}
		d := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, k%365)
		return fmt.Sprintf("10702%03d/%s/%07d;%s;%s;%s;%s;RU;%s;Goods of kind %d;%d;%d;%d.%02d",
			k%1000, d.Format("020106"), k, d.Format("2006-01-02"), c, s, countries[k%len(countries)], hs[k%len(hs)], k%50,
			100+k%20000, 105+k%20000, 1000+k%500000, k%100)
	}
	header := "Declaration number;Date;Consignee;Shipper;Country of origin;Country of destination;HS code;Description;Net weight kg;Gross weight kg;Value USD\n"
	write := func(path string, rows int, pick func(rng *rand.Rand, i int) int) {
		f, err := os.Create(path + ".part")
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		w.WriteString(header)
		rng := rand.New(rand.NewPCG(7, uint64(rows)))
		for i := 0; i < rows; i++ {
			w.WriteString(row(rng, pick(rng, i)))
			w.WriteByte('\n')
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		if err := os.Rename(path+".part", path); err != nil {
			b.Fatal(err)
		}
	}
	nReg := n * 7 / 10
	write(files[0], nReg, func(_ *rand.Rand, i int) int { return i })
	write(files[1], n-nReg, func(rng *rand.Rand, _ int) int { return rng.IntN(nReg) })
	return files
}

// BenchmarkParquetStream measures the bounded-memory path: the
// generated CSV sources of BenchmarkParquetRun (TRADECHECK_BENCH_ROWS
// rows, default 10,000,000; 200,000 distinct names) written to Parquet by
// WriteStream, as `tradecheck-cli reconcile --parquet` does above 256 MB
// of input (with the CLI's 1.4 GB soft heap limit unless GOMEMLIMIT is
// set). Peak RSS is the process's, so run one size per process. When
// DuckDB is installed (scripts/setup.sh) it then times
// docs/parquet/totals.sql, the Summary and Totals, over the files.
// The parties are screened against the samples' list (a handful of
// entries: the run pays for screening every distinct name, not for a
// large list) and the possible duplicates are counted.
// Skipped unless TRADECHECK_BENCH_PARQUET=1; run with -benchtime=1x.
func BenchmarkParquetStream(b *testing.B) {
	if os.Getenv("TRADECHECK_BENCH_PARQUET") != "1" {
		b.Skip("set TRADECHECK_BENCH_PARQUET=1 to run the 10M-row streamed Parquet benchmark")
	}
	n := benchRows(10_000_000)
	files := genCSV(b, filepath.Join(os.TempDir(), "tradecheck-parquet-bench-"+strconv.Itoa(n)), n, 200_000)
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(1400 << 20))
	}
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		runtime.GC()
		start, cpu0 := time.Now(), procstat.CPUSeconds()
		stop := heapPeak()
		stages := map[string]time.Time{}
		p := pipeline.NewProject(files...)
		p.Lists = []string{filepath.Join("..", "..", "samples", samples.List)}
		sum, err := WriteStream(context.Background(), p, out, Options{}, pipeline.StreamOptions{TempDir: b.TempDir()}, func(p pipeline.Progress) {
			if _, ok := stages[p.Stage]; !ok {
				stages[p.Stage] = time.Now()
			}
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, e := range sum.Result.Errors() {
			b.Fatal(e)
		}
		el := time.Since(start)
		b.ReportMetric(float64(sum.Rows), "rows")
		b.ReportMetric(float64(len(sum.Result.Names.Mentions)), "distinct-names")
		b.ReportMetric(float64(sum.Shipments), "shipments")
		b.ReportMetric(float64(sum.Parts), "parts")
		b.ReportMetric(float64(sum.LargestPart), "rows-largest-part")
		b.ReportMetric(float64(sum.HeldBack), "shipments-held-back")
		b.ReportMetric(float64(sum.IDClashes), "id-clashes")
		b.ReportMetric(float64(len(sum.Dupes.Pairs)+sum.Dupes.More), "possible-duplicates")
		b.ReportMetric(float64(len(sum.Result.Screening.Hits)), "screening-hits")
		if m, ok := stages[pipeline.StageMatch]; ok {
			b.ReportMetric(m.Sub(start).Seconds(), "s-read")
			if g, ok := stages[pipeline.StageMerge]; ok {
				b.ReportMetric(g.Sub(m).Seconds(), "s-match+group")
				b.ReportMetric(time.Since(g).Seconds(), "s-merge+write")
			}
		}
		b.ReportMetric(el.Seconds(), "s-total")
		b.ReportMetric(float64(sum.Rows)/el.Seconds(), "rows/s")
		b.ReportMetric(procstat.CPUSeconds()-cpu0, "cpu-s")
		b.ReportMetric(stop(), "MB-heap-peak")
		b.ReportMetric(procstat.PeakRSSMB(), "MB-peak-RSS")
		var size int64
		for _, f := range outFiles {
			if fi, err := os.Stat(filepath.Join(out, f)); err == nil {
				size += fi.Size()
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MB-parquet")
		if cmd := duckdbCommand(); cmd != nil {
			sql, _ := filepath.Abs(filepath.Join("..", "..", "docs", "parquet", "totals.sql"))
			ds := time.Now()
			if msg, err := exec.Command(cmd[0], append(cmd[1:], "-C", out, sql)...).CombinedOutput(); err != nil {
				b.Fatalf("duckdb: %v: %s", err, msg)
			}
			b.ReportMetric(time.Since(ds).Seconds(), "s-duckdb-summary+totals")
		}
	}
}
