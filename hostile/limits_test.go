package hostile_test

import (
	"archive/zip"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// TestLongCells: a cell over Excel's 32,767 characters is refused with its
// position (inline and shared strings, and in CSV files alike), and the
// rows above are kept; were a CSV cell that long read, the audit workbook
// would still have to be written with cells Excel can hold.
func TestLongCells(t *testing.T) {
	long := strings.Repeat("ООО Техкрим ", 4000) // 48,000 characters
	t.Run("inline string", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "long.xlsx")
		(&pkg{sheets: []pkgSheet{{name: "Sheet1", data: headerXML() +
			xmlRow(2, "2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, 1000) +
			xmlRow(3, "2022-06-02", long, "NORINCO", "930200", 100, 1000)}}}).write(t, path)
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sh := f.Sheets[0]
		re := wantErr(t, sh.Err, reconcile.ErrTooLarge, path)
		if re.Sheet != "Sheet1" || re.Row != 3 || re.Column != 2 {
			t.Errorf("error at sheet %q row %d column %d, want Sheet1 row 3 column 2 (B)", re.Sheet, re.Row, re.Column)
		}
		if len(sh.Records) != 1 {
			t.Errorf("%d records kept, want the 1 row above", len(sh.Records))
		}
		code, _, stderr := runCLI("inspect", path)
		if code != 1 {
			t.Errorf("inspect exit %d, want 1", code)
		}
		checkMessage(t, stderr, path, `sheet "Sheet1", row 3, column B`, "32767")
	})
	t.Run("shared string", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "long-sst.xlsx")
		(&pkg{sst: []string{"OOO TEKHKRIM", long}, sheets: []pkgSheet{{name: "Sheet1", data: headerXML() +
			`<row r="2"><c r="B2" t="s"><v>0</v></c><c r="E2"><v>100</v></c></row>` +
			`<row r="3"><c r="B3" t="s"><v>1</v></c><c r="E3"><v>100</v></c></row>`}}}).write(t, path)
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sh := f.Sheets[0]
		// Either refused at its position like an inline string, or read
		// whole: never cut silently.
		if sh.Err != nil {
			re := wantErr(t, sh.Err, reconcile.ErrTooLarge, path)
			if re.Row != 3 || re.Column != 2 {
				t.Errorf("error at row %d column %d, want row 3 column 2", re.Row, re.Column)
			}
			return
		}
		if len(sh.Records) != 2 {
			t.Fatalf("%d records, want 2", len(sh.Records))
		}
		if got := sh.Records[1].Consignee.Name(); got != strings.TrimSpace(long) && !hasFlag(sh.Records[1], reconcile.FlagUnparsed) {
			t.Errorf("consignee of %d characters read as %d characters without an error or flag (cut silently)", len([]rune(long)), len([]rune(got)))
		}
	})
	t.Run("csv cell", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "long.csv")
		writeBytes(t, path, []byte(strings.Join(header, ",")+"\n2022-06-01,OOO TEKHKRIM,NORINCO,930200,100,1000\n2022-06-02,"+long+",NORINCO,930200,100,1000\n"))
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sh := f.Sheets[0]
		if sh.Err == nil && len(sh.Records) == 2 {
			// Read: the output workbook must still be written.
			res, err := pipeline.Run(context.Background(), pipeline.NewProject(path), nil)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out.xlsx")
			if err := pipeline.WriteWorkbook(context.Background(), res, out, nil); err != nil {
				t.Fatalf("WriteWorkbook with a %d-character name: %v", len([]rune(long)), err)
			}
			// Excel cannot hold more than 32,767 characters in a cell: the
			// audit workbook must stay openable.
			x, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			seen := 0
			for _, name := range x.GetSheetList() {
				rows, _ := x.GetRows(name)
				for r, row := range rows {
					for c, v := range row {
						n := utf8.RuneCountInString(v)
						if n > read.MaxCellLen {
							t.Errorf("%s row %d column %d holds %d characters, over Excel's %d", name, r+1, c+1, n, read.MaxCellLen)
						}
						if strings.HasPrefix(v, "ООО Техкрим ООО Техкрим") {
							seen++
						}
					}
				}
			}
			if seen == 0 {
				t.Errorf("the long name appears nowhere in the audit workbook")
			}
			return
		}
		re := wantErr(t, sh.Err, reconcile.ErrTooLarge, path)
		if re.Row != 3 {
			t.Errorf("error at row %d, want 3", re.Row)
		}
	})
}

// TestWideRow: a row of 16,384 cells (A…XFD) is read; a cell beyond XFD
// makes its row a "row too wide" skip; nothing else is lost.
func TestWideRow(t *testing.T) {
	var b strings.Builder
	b.WriteString(headerXML())
	b.WriteString(xmlRow(2, "2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, 1000))
	b.WriteString(`<row r="3">`)
	first := []any{"2022-06-02", "OOO WIDE", "NORINCO", "930200", 200, 2000}
	for c := 1; c <= 16384; c++ {
		ref := reconcile.ColumnName(c) + "3"
		if c <= len(first) {
			switch v := first[c-1].(type) {
			case string:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
			default:
				fmt.Fprintf(&b, `<c r="%s"><v>%v</v></c>`, ref, v)
			}
			continue
		}
		fmt.Fprintf(&b, `<c r="%s"><v>%d</v></c>`, ref, c)
	}
	b.WriteString(`</row>`)
	b.WriteString(xmlRow(4, "2022-06-03", "OOO TOO WIDE", "NORINCO", "930200", 300, 3000)[:len(xmlRow(4, "2022-06-03", "OOO TOO WIDE", "NORINCO", "930200", 300, 3000))-len("</row>")] +
		`<c r="XFE4"><v>1</v></c></row>`)
	b.WriteString(xmlRow(5, "2022-06-04", "OOO AFTER", "NORINCO", "930200", 400, 4000))
	path := filepath.Join(t.TempDir(), "wide.xlsx")
	(&pkg{sheets: []pkgSheet{{name: "Sheet1", data: b.String()}}}).write(t, path)
	f, err := readAll(path, read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sh := f.Sheets[0]
	if sh.Err != nil {
		t.Fatalf("sheet error %v", sh.Err)
	}
	var names []string
	for _, r := range sh.Records {
		names = append(names, r.Consignee.Name())
	}
	if strings.Join(names, "|") != "OOO TEKHKRIM|OOO WIDE|OOO AFTER" {
		t.Errorf("records %q, want OOO TEKHKRIM, OOO WIDE, OOO AFTER", names)
	}
	if len(sh.Skips) != 1 || sh.Skips[0].Row != 4 || sh.Skips[0].Reason != reconcile.SkipTooWide {
		t.Errorf("skipped %+v, want row 4 %q", sh.Skips, reconcile.SkipTooWide)
	}
}

// TestMillionCellRow: a row of a million distinct cells (not a bomb by
// its compression ratio) stops the sheet at 32,768 cells with ErrTooLarge
// at that row, instead of scanning on; the rows above are kept.
func TestMillionCellRow(t *testing.T) {
	var b strings.Builder
	b.WriteString(headerXML())
	b.WriteString(xmlRow(2, "2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, 1000))
	b.WriteString(`<row r="3">`)
	for i := 0; i < 1_000_000; i++ {
		fmt.Fprintf(&b, `<c><v>%d</v></c>`, i*7919%1000003)
	}
	b.WriteString(`</row>`)
	b.WriteString(xmlRow(4, "2022-06-03", "OOO AFTER", "NORINCO", "930200", 300, 3000))
	path := filepath.Join(t.TempDir(), "million-cells.xlsx")
	(&pkg{sheets: []pkgSheet{{name: "Sheet1", data: b.String()}}}).write(t, path)
	var f *read.File
	var err error
	start := time.Now()
	peak := peakHeap(func() { f, err = readAll(path, read.Options{}) })
	t.Logf("read.ReadAll: %v, peak heap +%d MiB", time.Since(start).Round(time.Millisecond), peak>>20)
	if err != nil {
		t.Fatal(err)
	}
	sh := f.Sheets[0]
	re := wantErr(t, sh.Err, reconcile.ErrTooLarge, path)
	if re.Sheet != "Sheet1" || re.Row != 3 {
		t.Errorf("error at sheet %q row %d, want Sheet1 row 3", re.Sheet, re.Row)
	}
	if len(sh.Records) != 1 || sh.Records[0].Consignee.Name() != "OOO TEKHKRIM" {
		t.Errorf("%d records, want the 1 row above", len(sh.Records))
	}
}

// TestManySheets: 10,000 sheets are over the 1,000-sheet limit and refused
// at once with the figure; 1,000 sheets are read.
func TestManySheets(t *testing.T) {
	mk := func(n int) string {
		p := &pkg{}
		for i := 1; i <= n; i++ {
			p.sheets = append(p.sheets, pkgSheet{name: fmt.Sprintf("S%d", i), data: headerXML() + xmlRow(2, "2022-06-01", fmt.Sprintf("OOO %d", i), "NORINCO", "930200", i, 10*i)})
		}
		path := filepath.Join(t.TempDir(), fmt.Sprintf("sheets-%d.xlsx", n))
		p.write(t, path)
		return path
	}
	t.Run("10000 sheets", func(t *testing.T) {
		path := mk(10000)
		var err error
		peak := peakHeap(func() { _, err = readAll(path, read.Options{}) })
		re := wantErr(t, err, reconcile.ErrTooLarge, path)
		if !strings.Contains(re.Error(), "10000") || !strings.Contains(re.Error(), fmt.Sprint(read.MaxSheets)) {
			t.Errorf("message %q does not give the count and the limit", re.Error())
		}
		t.Logf("peak heap +%d MiB", peak>>20)
		code, _, stderr := runCLI("inspect", path)
		if code != 1 {
			t.Errorf("inspect exit %d, want 1", code)
		}
		checkMessage(t, stderr, path, "sheets")
	})
	t.Run("1000 sheets", func(t *testing.T) {
		path := mk(read.MaxSheets)
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Sheets) != read.MaxSheets || records(f) != read.MaxSheets {
			t.Errorf("%d sheets, %d records; want %d of each", len(f.Sheets), records(f), read.MaxSheets)
		}
	})
}

// TestRowLimit: a row numbered past Excel's 1,048,576 stops the sheet with
// ErrTooLarge at that row; the rows above are kept.
func TestRowLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rows.xlsx")
	(&pkg{sheets: []pkgSheet{{name: "Sheet1", data: headerXML() +
		xmlRow(2, "2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, 1000) +
		xmlRow(read.MaxRows, "2022-06-02", "OOO LAST", "NORINCO", "930200", 100, 1000) +
		xmlRow(read.MaxRows+1, "2022-06-03", "OOO PAST", "NORINCO", "930200", 100, 1000)}}}).write(t, path)
	f, err := readAll(path, read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sh := f.Sheets[0]
	re := wantErr(t, sh.Err, reconcile.ErrTooLarge, path)
	if re.Row != read.MaxRows+1 {
		t.Errorf("error at row %d, want %d", re.Row, read.MaxRows+1)
	}
	if len(sh.Records) != 2 || sh.Records[1].Source.Row != read.MaxRows {
		t.Errorf("records %d (last row %d), want 2 ending at row %d", len(sh.Records), sh.Records[len(sh.Records)-1].Source.Row, read.MaxRows)
	}
}

// BenchmarkMillionRows reads a sheet of exactly 1,048,576 rows (header +
// data), Excel's limit, and reports the time and peak heap; it checks
// that every row is read. It takes tens of seconds on a 2-core machine,
// hence a benchmark (go test -run '^$' -bench MillionRows ./hostile);
// the last row at the limit is also read, fast, by the sparse sheet of
// reconcile/read's TestPerSourceSheetListsAbsentRows.
func BenchmarkMillionRows(b *testing.B) {
	t := b
	path := filepath.Join(t.TempDir(), "million.xlsx")
	p := &pkg{sheets: []pkgSheet{{name: "Sheet1"}}, skipSheet1: true, fast: true}
	p.raw = func(t testing.TB, zw *zip.Writer) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		bw := bufioWriter(w)
		bw.WriteString(worksheetHead + headerXML())
		for r := 2; r <= read.MaxRows; r++ {
			bw.WriteString(xmlRow(r, fmt.Sprintf("2022-%02d-%02d", r%12+1, r%28+1), fmt.Sprintf("OOO FIRM %d", r%5000), "NORINCO", "930200", r%1000+1, r%777+1))
		}
		bw.WriteString(worksheetTail)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	p.write(t, path)
	t.Logf("wrote %s in %v", path, time.Since(start).Round(time.Millisecond))
	if zr, err := zip.OpenReader(path); err == nil {
		for _, zf := range zr.File {
			if zf.Name == "xl/worksheets/sheet1.xml" {
				t.Logf("sheet part: %d MiB, compressed %d MiB, ratio %d:1", zf.UncompressedSize64>>20, zf.CompressedSize64>>20, zf.UncompressedSize64/max(zf.CompressedSize64, 1))
			}
		}
		zr.Close()
	}
	var f *read.File
	var err error
	b.ResetTimer()
	for b.Loop() {
		peak := peakHeap(func() { f, err = readAll(path, read.Options{}) })
		b.ReportMetric(float64(peak>>20), "peak-MiB")
	}
	b.StopTimer()
	if err != nil {
		t.Fatal(err)
	}
	sh := f.Sheets[0]
	if sh.Err != nil || len(sh.Records) != read.MaxRows-1 {
		t.Fatalf("err %v, %d records; want %d", sh.Err, len(sh.Records), read.MaxRows-1)
	}
	if last := sh.Records[len(sh.Records)-1].Source.Row; last != read.MaxRows {
		t.Errorf("last record at row %d, want %d", last, read.MaxRows)
	}
}
