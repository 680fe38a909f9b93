package hostile_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// bomb describes a zip part that expands to size bytes: head, then unit
// repeated, then tail. declared is the uncompressed size written in the
// zip directory (a real bomb may lie); 0 means honest.
type bomb struct {
	name       string
	head, tail string
	unit       string
	size       int64
	declared   int64
}

// writeBombPart streams the part into zw without ever holding it: the
// deflate stream is made of one compressed block for the head (plus 64 KiB
// of unit), one compressed block for 1 MiB of unit repeated as often as
// needed, and one block for the tail. Deflate back-references reach at
// most 32 KiB back, and the 32 KiB before every copy of the middle block
// are the same repeated unit, so the copies decode identically. This takes
// well under a second for several GiB, where compressing them would take
// half a minute.
func writeBombPart(t testing.TB, zw *zip.Writer, b bomb) {
	t.Helper()
	unit := []byte(b.unit)
	pre := append([]byte(b.head), bytes.Repeat(unit, (64<<10)/len(unit)+1)...)
	mid := bytes.Repeat(unit, (1<<20)/len(unit))
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(pre)
	fw.Flush()
	preC := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write(mid)
	fw.Flush()
	midC := append([]byte(nil), buf.Bytes()...)
	buf.Reset()
	fw.Write([]byte(b.tail))
	fw.Close()
	tailC := append([]byte(nil), buf.Bytes()...)

	k := (b.size - int64(len(pre)) - int64(len(b.tail))) / int64(len(mid))
	if k < 1 {
		k = 1
	}
	total := int64(len(pre)) + k*int64(len(mid)) + int64(len(b.tail))
	crc := crc32.ChecksumIEEE(pre)
	for i := int64(0); i < k; i++ {
		crc = crc32.Update(crc, crc32.IEEETable, mid)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(b.tail))
	declared := total
	if b.declared > 0 {
		declared = b.declared
	}
	comp := int64(len(preC)) + k*int64(len(midC)) + int64(len(tailC))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: b.name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(comp), UncompressedSize64: uint64(declared)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(preC)
	for i := int64(0); i < k; i++ {
		if _, err := w.Write(midC); err != nil {
			t.Fatal(err)
		}
	}
	w.Write(tailC)
}

// TestZipBombPartIsValid checks the bomb writer itself on a small part:
// archive/zip must inflate it to exactly the bytes intended, CRC included.
func TestZipBombPartIsValid(t *testing.T) {
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	b := bomb{name: "p.xml", head: "<a>", unit: "<row><c><v>0</v></c></row>", tail: "</a>", size: 5 << 20}
	writeBombPart(t, zw, b)
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(zbuf.Bytes()), int64(zbuf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if _, err := got.ReadFrom(rc); err != nil {
		t.Fatalf("inflating the bomb part: %v", err)
	}
	s := got.String()
	if !strings.HasPrefix(s, "<a><row>") || !strings.HasSuffix(s, "</row></a>") || int64(len(s)) != int64(zr.File[0].UncompressedSize64) {
		t.Fatalf("inflated %d bytes %q…%q, want <a>, rows, </a> and %d bytes", len(s), s[:20], s[len(s)-20:], zr.File[0].UncompressedSize64)
	}
	if n := strings.Count(s, "<row>"); n*len(b.unit) != len(s)-7 {
		t.Errorf("inflated %d rows in %d bytes, want only whole rows", n, len(s))
	}
}

// TestZipBomb: parts that expand to gigabytes are refused with ErrTooLarge
// after reading at most a few MiB, in bounded memory.
func TestZipBomb(t *testing.T) {
	const gib = 1 << 30
	vHead := worksheetHead + headerXML() + `<row r="2"><c r="A2"><v>`
	vTail := `</v></c></row>` + worksheetTail
	cases := []struct {
		name  string
		b     bomb
		sst   bool // the bomb is the shared strings part
		want  []error
		where string // "open" or "sheet"
		heap  uint64 // peak heap growth allowed; 0 means 128 MiB
	}{
		{"3 GiB of zeros, sizes honest", bomb{head: vHead, unit: "0", tail: vTail, size: 3 * gib}, false, []error{reconcile.ErrTooLarge}, "sheet", 0},
		{"1.5 GiB of zeros, under the part limit", bomb{head: vHead, unit: "0", tail: vTail, size: gib + gib/2}, false, []error{reconcile.ErrTooLarge}, "sheet", 0},
		{"1.5 GiB of NUL bytes", bomb{head: vHead, unit: "\x00", tail: vTail, size: gib + gib/2}, false, []error{reconcile.ErrTooLarge, reconcile.ErrCorrupt}, "sheet", 0},
		{"3 GiB of zeros, size lies (1 MiB)", bomb{head: vHead, unit: "0", tail: vTail, size: 3 * gib, declared: 1 << 20}, false, []error{reconcile.ErrTooLarge, reconcile.ErrCorrupt}, "sheet", 0},
		// Rows of 26 bytes deflate 412:1 and one endless row 487:1, both
		// far above real exports (10:1 for the 1,048,576-row sheet of
		// BenchmarkMillionRows).
		{"1.5 GiB of empty rows", bomb{head: worksheetHead + headerXML(), unit: "<row><c><v>0</v></c></row>", tail: worksheetTail, size: gib + gib/2}, false, []error{reconcile.ErrTooLarge}, "sheet", 0},
		{"1.5 GiB of cells in one row", bomb{head: worksheetHead + headerXML() + "<row>", unit: "<c><v>0</v></c>", tail: "</row>" + worksheetTail, size: gib + gib/2}, false, []error{reconcile.ErrTooLarge}, "sheet", 0},
		{"400 MiB shared strings of zeros", bomb{head: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`, unit: "0", tail: "</t></si></sst>", size: 400 << 20}, true, []error{reconcile.ErrTooLarge}, "sheet", 0},
		{"1 GiB shared strings", bomb{head: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`, unit: "<si><t>0</t></si>", tail: "</sst>", size: gib}, true, []error{reconcile.ErrTooLarge}, "sheet", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bomb.xlsx")
			tc.b.name = "xl/worksheets/sheet1.xml"
			p := &pkg{sheets: []pkgSheet{{name: "Sheet1"}}, skipSheet1: true}
			if tc.sst {
				tc.b.name = "xl/sharedStrings.xml"
				p.skipSheet1 = false
				p.sheets[0].data = headerXML() + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`
			}
			p.raw = func(t testing.TB, zw *zip.Writer) { writeBombPart(t, zw, tc.b) }
			start := time.Now()
			p.write(t, path)
			fi, _ := os.Stat(path)
			t.Logf("bomb: %d bytes on disk expanding to %d MiB, written in %v", fi.Size(), tc.b.size>>20, time.Since(start).Round(time.Millisecond))

			var f *read.File
			var err error
			start = time.Now()
			peak := peakHeap(func() { f, err = readAll(path, read.Options{}) })
			t.Logf("read.ReadAll: %v, peak heap +%d MiB", time.Since(start).Round(time.Millisecond), peak>>20)
			if err == nil {
				if len(f.Sheets) != 1 {
					t.Fatalf("%d sheets, want 1", len(f.Sheets))
				}
				err = f.Sheets[0].Err
			}
			matched := false
			for _, w := range tc.want {
				matched = matched || errors.Is(err, w)
			}
			if !matched {
				t.Fatalf("got %v, want one of %v", err, tc.want)
			}
			var re *reconcile.Error
			if !errors.As(err, &re) || re.File != path || re.Hint == "" {
				t.Errorf("got %#v, want a *reconcile.Error naming %s with a hint", err, path)
			}
			limit := tc.heap
			if limit == 0 {
				limit = 128 << 20
			}
			if peak > limit {
				t.Errorf("peak heap grew by %d MiB while refusing the bomb, want under %d MiB", peak>>20, limit>>20)
			}
			if f != nil && records(f) > 1 {
				t.Errorf("%d records from a bomb, want at most 1", records(f))
			}

			code, _, stderr := runCLI("inspect", path)
			if code != 1 {
				t.Errorf("inspect exit %d, want 1", code)
			}
			checkMessage(t, stderr, path)
			t.Logf("inspect: %s", strings.TrimSpace(stderr))
		})
	}
}

// TestZipBombBesideFormula: a small sheet with a formula that has no
// cached value makes the reader open the package with excelize to compute
// it; a bomb elsewhere in the package (another sheet, or a media part the
// reader never looks at) must not be inflated by excelize on the way. The
// formula is then flagged, not computed: never zero.
func TestZipBombBesideFormula(t *testing.T) {
	cases := []struct {
		name, part string
		sheets     int
	}{
		{"bomb sheet", "xl/worksheets/sheet2.xml", 2},
		{"bomb image", "xl/media/image1.png", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "formula-bomb.xlsx")
			p := &pkg{sheets: []pkgSheet{
				{name: "Data", data: headerXML() + xmlRow(2, "2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, nil) +
					`<row r="3"><c r="A3" t="inlineStr"><is><t>2022-06-02</t></is></c><c r="B3" t="inlineStr"><is><t>OOO TEKHKRIM</t></is></c><c r="E3"><f>E2*2</f></c></row>`},
			}}
			if tc.sheets == 2 {
				p.sheets = append(p.sheets, pkgSheet{name: "Junk"})
				p.skipN = 2
			}
			p.raw = func(t testing.TB, zw *zip.Writer) {
				writeBombPart(t, zw, bomb{name: tc.part, head: worksheetHead + `<row r="1"><c r="A1"><v>`, unit: "0",
					tail: `</v></c></row>` + worksheetTail, size: 1900 << 20})
			}
			p.write(t, path)
			var f *read.File
			var err error
			start := time.Now()
			peak := peakHeap(func() { f, err = readAll(path, read.Options{}) })
			t.Logf("read.ReadAll: %v, peak heap +%d MiB", time.Since(start).Round(time.Millisecond), peak>>20)
			if err != nil {
				t.Fatalf("ReadAll: %v", err)
			}
			data := f.Sheets[0]
			if data.Err != nil || len(data.Records) != 2 {
				t.Fatalf("Data sheet: err %v, %d records; want 2 records", data.Err, len(data.Records))
			}
			got := data.Records[1]
			if got.NetKg.Valid {
				t.Errorf("formula E2*2 beside a bomb read as %v, want it flagged, not computed", got.NetKg.Value)
			}
			if !hasFlag(got, reconcile.FlagFormulaNoValue) {
				t.Errorf("formula cell not flagged %s: %+v", reconcile.FlagFormulaNoValue, got.Flags)
			}
			if tc.sheets == 2 && !errors.Is(f.Sheets[1].Err, reconcile.ErrTooLarge) {
				t.Errorf("Junk sheet: %v, want ErrTooLarge", f.Sheets[1].Err)
			}
			if peak > 128<<20 {
				t.Errorf("peak heap +%d MiB, want under 128 MiB", peak>>20)
			}
		})
	}
}

func hasFlag(r reconcile.Record, code reconcile.FlagCode) bool {
	for _, f := range r.Flags {
		if f.Code == code {
			return true
		}
	}
	return false
}
