package read

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// benchFile generates (once, cached in the OS temp dir) an xlsx of n rows
// by 12 columns with excelize's StreamWriter: typed dates and numbers,
// inline strings, as export tools write them.
func benchFile(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("tradecheck-bench-v1-%d.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	header := []any{"Date", "Declaration number", "Importer name", "Exporter name", "Origin country", "HS code",
		"Product description", "Quantity", "Unit", "Net weight, kg", "Gross weight, kg", "Customs value USD"}
	if err := sw.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	countries := []string{"CHINA", "TURKEY", "INDIA", "ITALY", "UNITED ARAB EMIRATES"}
	base := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, 12)
	for i := 0; i < n; i++ {
		row[0] = excelize.Cell{StyleID: dateStyle, Value: base.AddDate(0, 0, i%700)}
		row[1] = fmt.Sprintf("10005030/%06d/%07d", i%999999, i)
		row[2] = fmt.Sprintf("OOO IMPORTER %d", i%5000)
		row[3] = fmt.Sprintf("EXPORTER CO LTD %d", i%3000)
		row[4] = countries[i%len(countries)]
		row[5] = strconv.Itoa(6907000000 + i%9999)
		row[6] = "GLAZED CERAMIC TILES FOR INTERIOR USE"
		row[7] = float64(i%1000) + 0.5
		row[8] = "M2"
		row[9] = float64(i%50000)/10 + 1
		row[10] = float64(i%50000)/10 + 2
		row[11] = float64(i%90000)*1.25 + 3
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	tmp := strings.TrimSuffix(path, ".xlsx") + ".part.xlsx"
	if err := f.SaveAs(tmp); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// peakRSS resets and reads the process's peak resident set (Linux).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmHWM:"), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

func benchRead(b *testing.B, n int) {
	if testing.Short() {
		b.Skip("large generated workbook; skipped under -short")
	}
	path := benchFile(b, n)
	runtime.GC()
	resetPeakRSS()
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		sr, err := w.Sheet("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		recs := 0
		for {
			rec, err := sr.Read()
			if err != nil {
				break
			}
			if !rec.NetKg.Valid || !rec.Date.Known() {
				b.Fatalf("row %d not read: %+v", rec.Source.Row, rec)
			}
			recs++
		}
		if recs != n {
			b.Fatalf("%d records, want %d", recs, n)
		}
		sr.Close()
		w.Close()
	}
	b.StopTimer()
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
	// CPU seconds per read: the wall clock is noisy on a shared machine.
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// BenchmarkReadXLSX200k reads 200,000 rows × 12 columns into records
// (target: ≤ 6 s and ≤ 100 MB RSS on 2 cores).
func BenchmarkReadXLSX200k(b *testing.B) { benchRead(b, 200_000) }

// BenchmarkReadXLSX1M reads 1,000,000 rows (target: flat memory, ≤ 256 MB).
func BenchmarkReadXLSX1M(b *testing.B) { benchRead(b, 1_000_000) }

// BenchmarkReadAll200k is the pipeline's path: all records kept in memory.
func BenchmarkReadAll200k(b *testing.B) {
	if testing.Short() {
		b.Skip("large generated workbook; skipped under -short")
	}
	path := benchFile(b, 200_000)
	runtime.GC()
	resetPeakRSS()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := ReadAll(context.Background(), path, Options{}, nil)
		if err != nil || len(f.Sheets[0].Records) != 200_000 {
			b.Fatalf("err %v", err)
		}
	}
	b.StopTimer()
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// BenchmarkReadCSV200k reads a 200,000-row semicolon CSV in Windows-1251
// with Russian-locale numbers.
func BenchmarkReadCSV200k(b *testing.B) {
	if testing.Short() {
		b.Skip("large generated file; skipped under -short")
	}
	path := filepath.Join(os.TempDir(), "tradecheck-bench-v1-200000.csv")
	if _, err := os.Stat(path); err != nil {
		var sb strings.Builder
		sb.WriteString("Дата;Номер ДТ;Получатель;Отправитель;Страна происхождения;Код ТН ВЭД;Описание;Количество;Ед. изм.;Вес нетто, кг;Вес брутто, кг;Статистическая стоимость, долл. США\r\n")
		for i := 0; i < 200_000; i++ {
			fmt.Fprintf(&sb, "%02d.%02d.2022;10005030/%06d/%07d;ООО «Импортёр %d»;EXPORTER CO LTD %d;КИТАЙ;%d;ПЛИТКА КЕРАМИЧЕСКАЯ;%d,5;м2;%d,%d;%d,%d;%d,25\r\n",
				i%28+1, i%12+1, i%999999, i, i%5000, i%3000, 6907000000+i%9999, i%1000, i%5000+1, i%10, i%5000+2, i%10, i%90000)
		}
		data, err := charmapEncode(sb.String())
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		sr, err := w.Sheet("")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			rec, err := sr.Read()
			if err != nil {
				break
			}
			if !rec.NetKg.Valid || !rec.Date.Known() || !rec.ValueUSD.Valid {
				b.Fatalf("row %d not read: %+v", rec.Source.Row, rec)
			}
			n++
		}
		if n != 200_000 {
			b.Fatalf("%d records", n)
		}
		sr.Close()
		w.Close()
	}
	b.StopTimer()
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

func charmapEncode(s string) ([]byte, error) {
	return charmap.Windows1251.NewEncoder().Bytes([]byte(s))
}
