package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// BenchmarkSamples runs the samples end to end: read, match, reconcile,
// write the audit workbook. Target: at most 2 s.
func BenchmarkSamples(b *testing.B) {
	files := sampleFiles(b)
	out := filepath.Join(b.TempDir(), "out.xlsx")
	for i := 0; i < b.N; i++ {
		res, err := Run(context.Background(), NewProject(files...), nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMillionRows runs 1,000,000 input rows from three sources end
// to end. Target: at most 60 s and 1.5 GB on 2 cores. It is skipped
// unless TRADECHECK_BENCH_1M=1; the generated inputs are cached in
// $TMPDIR/tradecheck-bench-1m. Run with -benchtime=1x.
func BenchmarkMillionRows(b *testing.B) {
	if os.Getenv("TRADECHECK_BENCH_1M") != "1" {
		b.Skip("set TRADECHECK_BENCH_1M=1 to run the 1,000,000-row benchmark")
	}
	n := 1_000_000
	if v, err := strconv.Atoi(os.Getenv("TRADECHECK_BENCH_ROWS")); err == nil && v > 0 {
		n = v // smaller runs for profiling
	}
	dir := filepath.Join(os.TempDir(), "tradecheck-bench-"+strconv.Itoa(n))
	files := genMillion(b, dir, n)
	out := filepath.Join(b.TempDir(), "out.xlsx")
	// As the CLI does: a soft heap limit under the 1.5 GB target, unless
	// GOMEMLIMIT says otherwise.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(1400 << 20))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		res, err := Run(context.Background(), NewProject(files...), nil)
		if err != nil {
			b.Fatal(err)
		}
		read := time.Since(start)
		b.ReportMetric(float64(peakRSS())/(1<<20), "MB-peak-RSS-before-write")
		if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(len(res.Records)), "rows")
		b.ReportMetric(float64(len(res.Merge.Shipments)), "shipments")
		b.ReportMetric(read.Seconds(), "s-read+match+merge")
		b.ReportMetric(time.Since(start).Seconds(), "s-total")
		b.ReportMetric(float64(peakRSS())/(1<<20), "MB-peak-RSS")
		b.ReportMetric(cpuSeconds(), "cpu-s")
		fi, _ := os.Stat(out)
		b.ReportMetric(float64(fi.Size())/(1<<20), "MB-output")
	}
}

// cpuSeconds is the process's user+system CPU time: on a shared machine
// it says more than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// peakRSS reads VmHWM from /proc (Linux); 0 elsewhere.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// genMillion writes three synthetic sources totalling n rows: a
// declaration export (xlsx, 50%), an aggregator export that repeats 40%
// of the declarations with other spellings (xlsx, 30%), and a
// semicolon CSV without declaration numbers (20%) that repeats some
// shipments within the fuzzy tolerances.
func genMillion(b *testing.B, dir string, n int) []string {
	files := []string{filepath.Join(dir, "decl.xlsx"), filepath.Join(dir, "agg.xlsx"), filepath.Join(dir, "mirror.csv")}
	done := true
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			done = false
		}
	}
	if done {
		return files
	}
	final := dir
	dir = final + ".part"
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	finalFiles := files
	files = []string{filepath.Join(dir, "decl.xlsx"), filepath.Join(dir, "agg.xlsx"), filepath.Join(dir, "mirror.csv")}
	rng := rand.New(rand.NewSource(1))
	type ship struct {
		decl, cons, shipper, hs, desc, origin string
		date                                  time.Time
		net, usd                              float64
	}
	words := []string{"STEEL", "TEXTIL", "AGRO", "MASH", "KERAMIKA", "FRUKT", "TEKH", "PROM", "SNAB", "TORG", "LOGISTIK", "METALL", "KHIM", "ELEKTRO", "STROY"}
	firm := func(i int) string {
		return words[i%len(words)] + "-" + words[(i/len(words))%len(words)] + " " + strconv.Itoa(i)
	}
	countries := []string{"CN", "TR", "DE", "IT", "KZ", "AE", "IN", "BY"}
	hs := []string{"6307909800", "8471300000", "8806100000", "6907210000", "0805100000", "8428909000", "7208510000", "3926909709"}
	base := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	nDecl := n / 2
	ships := make([]ship, nDecl)
	for i := range ships {
		c := rng.Intn(6000)
		ships[i] = ship{
			decl: fmt.Sprintf("10702%03d/%06d/%07d", rng.Intn(999), rng.Intn(999999), i), cons: firm(c), shipper: firm(10000 + rng.Intn(3000)),
			hs: hs[rng.Intn(len(hs))], desc: "Goods of kind " + strconv.Itoa(rng.Intn(50)), origin: countries[rng.Intn(len(countries))],
			date: base.AddDate(0, 0, rng.Intn(365)), net: float64(100 + rng.Intn(20000)), usd: float64(1000 + rng.Intn(500000)),
		}
	}
	writeXLSX := func(path string, header []string, rows func(fn func([]any) error) error) {
		f := excelize.NewFile()
		defer f.Close() // removes the stream's temp file
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		h := make([]any, len(header))
		for i, x := range header {
			h[i] = x
		}
		sw.SetRow("A1", h)
		r := 2
		if err := rows(func(cells []any) error {
			err := sw.SetRow("A"+strconv.Itoa(r), cells)
			r++
			return err
		}); err != nil {
			b.Fatal(err)
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := f.SaveAs(path); err != nil {
			b.Fatal(err)
		}
	}
	writeXLSX(files[0], []string{"DECLARATION_NUMBER", "ITEM_NO", "DATE", "CONSIGNEE_NAME", "SHIPPER_NAME", "ORIGIN_COUNTRY", "COUNTRY_OF_DISPATCH", "DESTINATION_COUNTRY", "HS_CODE", "PRODUCT_DESCRIPTION", "NET_WEIGHT_KG", "GROSS_WEIGHT_KG", "VALUE_USD"},
		func(fn func([]any) error) error {
			for _, s := range ships {
				if err := fn([]any{s.decl, 1, s.date.Format("2006-01-02"), "OOO " + s.cons, s.shipper, s.origin, s.origin, "RU", s.hs, s.desc, s.net, s.net * 1.05, s.usd}); err != nil {
					return err
				}
			}
			return nil
		})
	nAgg := n * 3 / 10
	writeXLSX(files[1], []string{"ARRIVAL_DATE", "DECLARATION_NUMBER", "ITEM_NO", "CONSIGNEE_NAME", "SHIPPER_NAME", "ORIGIN_COUNTRY", "COUNTRY_OF_DISPATCH", "DESTINATION_COUNTRY", "HS_CODE", "PRODUCT_DESCRIPTION", "NET_WEIGHT_KG", "GROSS_WEIGHT_KG", "VALUE_USD"},
		func(fn func([]any) error) error {
			for i := 0; i < nAgg; i++ {
				s := ships[rng.Intn(nDecl)]
				decl := s.decl
				if i%3 == 2 { // a different shipment of the same firms
					decl = fmt.Sprintf("10999%03d/%06d/%07d", rng.Intn(999), rng.Intn(999999), i)
				}
				if err := fn([]any{s.date.AddDate(0, 0, 1).Format("2006-01-02"), decl, 1, s.cons + " LLC", s.shipper, s.origin, s.origin, "RU", s.hs, strings.ToUpper(s.desc), s.net, s.net * 1.05, s.usd}); err != nil {
					return err
				}
			}
			return nil
		})
	fh, err := os.Create(files[2])
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(fh)
	fmt.Fprintln(w, "Export date;Exporter;Importer;Country of origin;Country of dispatch;Country of destination;HS code;Description of goods;Net weight, t;Gross weight, t;Value, USD")
	for i := 0; i < n-nDecl-nAgg; i++ {
		s := ships[rng.Intn(nDecl)]
		fmt.Fprintf(w, "%s;%s;%s LTD;%s;%s;RU;%s;%s;%s;%s;%s\n", s.date.AddDate(0, 0, rng.Intn(3)).Format("02/01/2006"), s.shipper, s.cons, s.origin, s.origin, s.hs, s.desc,
			strings.ReplaceAll(strconv.FormatFloat(s.net/1000, 'f', 3, 64), ".", ","), strings.ReplaceAll(strconv.FormatFloat(s.net*1.05/1000, 'f', 3, 64), ".", ","),
			strings.ReplaceAll(strconv.FormatFloat(s.usd, 'f', 2, 64), ".", ","))
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	fh.Close()
	os.RemoveAll(final)
	if err := os.Rename(dir, final); err != nil {
		b.Fatal(err)
	}
	return finalFiles
}
