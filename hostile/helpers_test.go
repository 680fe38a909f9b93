package hostile_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"tradecheck/cli"
	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// runCLI runs tradecheck-cli in-process, as main does.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = cli.Run(&cli.Env{Stdout: &out, Stderr: &errb}, args)
	return code, out.String(), errb.String()
}

// checkMessage asserts that stderr is one line (plus optional summary lines
// the command prints on success paths are not expected here) that names the
// file, contains every want fragment, and carries no Go stack trace.
func checkMessage(t *testing.T, stderr, file string, want ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if stderr == "" {
		t.Fatalf("stderr is empty, want a one-line message naming %s", file)
	}
	if len(lines) != 1 {
		t.Errorf("stderr has %d lines, want 1:\n%s", len(lines), stderr)
	}
	for _, bad := range []string{"goroutine ", "panic", ".go:", "runtime/debug"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr contains %q (a stack trace or panic), want a plain message:\n%s", bad, stderr)
		}
	}
	if !strings.Contains(stderr, file) {
		t.Errorf("stderr %q does not name the file %s", stderr, file)
	}
	for _, w := range want {
		if !strings.Contains(strings.ToLower(stderr), strings.ToLower(w)) {
			t.Errorf("stderr %q does not say %q", stderr, w)
		}
	}
}

// wantErr asserts err is a *reconcile.Error for file wrapping sentinel.
func wantErr(t *testing.T, err error, sentinel error, file string) *reconcile.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want %v", sentinel)
	}
	if !errors.Is(err, sentinel) {
		t.Fatalf("got %v, want errors.Is(err, %v)", err, sentinel)
	}
	var re *reconcile.Error
	if !errors.As(err, &re) {
		t.Fatalf("got %T %v, want a *reconcile.Error", err, err)
	}
	if re.File != file {
		t.Errorf("error names file %q, want %q", re.File, file)
	}
	if re.Hint == "" {
		t.Errorf("error %q has no hint of what to do", err)
	}
	return re
}

// header and row are the standard shipment table of the generated inputs.
var header = []string{"Date", "Consignee", "Shipper", "HS code", "Net weight, kg", "Value, USD"}

func shipmentRow(i int) []any {
	return []any{fmt.Sprintf("2022-06-%02d", i%28+1), fmt.Sprintf("OOO TEKHKRIM %d", i), "NORINCO", "930200", 100 + i, 1000 + 10*i}
}

// writeXLSX writes a real workbook through excelize: the header and n rows.
func writeXLSX(t testing.TB, path string, n int, opts ...excelize.Options) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	if err := f.SetSheetRow("Sheet1", "A1", &hdr); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		r := shipmentRow(i)
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path, opts...); err != nil {
		t.Fatal(err)
	}
	return path
}

// pkg is a hand-built xlsx package, for inputs excelize refuses to write
// (cells over 32,767 characters, 10,000 sheets, zip bombs) or writes too
// slowly for a test. Sheets are worksheet XML bodies (the part between
// <sheetData> and </sheetData>), or whole parts when they start with "<?xml".
type pkg struct {
	sheets []pkgSheet
	sst    []string // shared strings, when non-nil
	extra  map[string]string
	// raw, when set, writes parts itself (a zip bomb's sheet) after the
	// others; parts it writes must not also be listed in sheets' data.
	raw func(t testing.TB, zw *zip.Writer)
	// skipSheet1 leaves sheet 1's part to raw.
	skipSheet1 bool
	skipN      int  // 1-based sheet whose part raw writes
	fast       bool // deflate at BestSpeed (big parts); a new flate writer per part is slow for many small ones
}

type pkgSheet struct {
	name, data string
	state      string // "", "hidden"
}

const worksheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`
const worksheetTail = `</sheetData></worksheet>`

// write writes the package to path; sheetWriter, when non-nil, streams the
// body of sheet 1 instead of pkg.sheets[0].data.
func (p *pkg) write(t testing.TB, path string) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	if p.fast {
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	}
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	var ct, wb, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, s := range p.sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, n, state, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
	}
	if p.sst != nil {
		ct.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`, len(p.sheets)+1)
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	rels.WriteString(`</Relationships>`)
	put("[Content_Types].xml", ct.String())
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", wb.String())
	put("xl/_rels/workbook.xml.rels", rels.String())
	if p.sst != nil {
		var b strings.Builder
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(p.sst), len(p.sst))
		for _, s := range p.sst {
			b.WriteString("<si><t>" + xmlEscape(s) + "</t></si>")
		}
		b.WriteString("</sst>")
		put("xl/sharedStrings.xml", b.String())
	}
	for name, body := range p.extra {
		put(name, body)
	}
	for i, s := range p.sheets {
		if (i == 0 && p.skipSheet1) || i+1 == p.skipN {
			continue
		}
		body := s.data
		if !strings.HasPrefix(body, "<?xml") {
			body = worksheetHead + body + worksheetTail
		}
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), body)
	}
	if p.raw != nil {
		p.raw(t, zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

func bufioWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<20) }

func xmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	return r.Replace(s)
}

// xmlRow renders one row of inline-string cells (numbers as numbers).
func xmlRow(r int, cells ...any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, r)
	for i, c := range cells {
		ref := reconcile.ColumnName(i+1) + fmt.Sprint(r)
		switch v := c.(type) {
		case nil:
		case string:
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, xmlEscape(v))
		default:
			fmt.Fprintf(&b, `<c r="%s"><v>%v</v></c>`, ref, v)
		}
	}
	b.WriteString("</row>")
	return b.String()
}

func headerXML() string {
	h := make([]any, len(header))
	for i, s := range header {
		h[i] = s
	}
	return xmlRow(1, h...)
}

// cfbStream is one stream of a compound file.
type cfbStream struct {
	name string
	data []byte
}

// writeCFB writes a minimal OLE compound file (version 3, 512-byte sectors)
// holding the given streams under the root storage. Each stream is padded
// to at least 4,096 bytes so it lives in regular sectors (no mini stream).
func writeCFB(t testing.TB, path string, streams ...cfbStream) {
	t.Helper()
	const (
		sec        = 512
		freeSect   = 0xFFFFFFFF
		endChain   = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
		entrySize  = 128
		perDirSect = sec / entrySize
	)
	for i := range streams {
		if len(streams[i].data) < 4096 {
			streams[i].data = append(streams[i].data, make([]byte, 4096-len(streams[i].data))...)
		}
	}
	dirEntries := 1 + len(streams)
	dirSectors := (dirEntries + perDirSect - 1) / perDirSect
	// Sector 0: FAT; then directory sectors; then streams.
	next := 1 + dirSectors
	starts := make([]int, len(streams))
	var sizes []int
	for i, s := range streams {
		starts[i] = next
		n := (len(s.data) + sec - 1) / sec
		sizes = append(sizes, n)
		next += n
	}
	if next > sec/4 {
		t.Fatalf("writeCFB: %d sectors do not fit one FAT sector", next)
	}
	fat := make([]uint32, sec/4)
	for i := range fat {
		fat[i] = freeSect
	}
	fat[0] = fatSect
	for i := 1; i <= dirSectors; i++ {
		fat[i] = uint32(i + 1)
	}
	fat[dirSectors] = endChain
	for i := range streams {
		for k := 0; k < sizes[i]; k++ {
			fat[starts[i]+k] = uint32(starts[i] + k + 1)
		}
		fat[starts[i]+sizes[i]-1] = endChain
	}
	le := binary.LittleEndian
	hdr := make([]byte, sec)
	copy(hdr, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(hdr[0x18:], 0x003E)
	le.PutUint16(hdr[0x1A:], 0x0003)
	le.PutUint16(hdr[0x1C:], 0xFFFE)
	le.PutUint16(hdr[0x1E:], 9)
	le.PutUint16(hdr[0x20:], 6)
	le.PutUint32(hdr[0x2C:], 1)        // FAT sectors
	le.PutUint32(hdr[0x30:], 1)        // first directory sector
	le.PutUint32(hdr[0x38:], 4096)     // mini stream cutoff
	le.PutUint32(hdr[0x3C:], endChain) // first mini FAT sector
	le.PutUint32(hdr[0x44:], endChain) // first DIFAT sector
	le.PutUint32(hdr[0x4C:], 0)        // DIFAT[0] = FAT in sector 0
	for i := 1; i < 109; i++ {
		le.PutUint32(hdr[0x4C+4*i:], freeSect)
	}
	entry := func(name string, typ byte, left, right, child uint32, start uint32, size uint64) []byte {
		e := make([]byte, entrySize)
		u := utf16.Encode([]rune(name))
		for i, c := range u {
			le.PutUint16(e[2*i:], c)
		}
		if name != "" {
			le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		}
		e[0x42] = typ
		e[0x43] = 1 // black
		le.PutUint32(e[0x44:], left)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], start)
		le.PutUint64(e[0x78:], size)
		return e
	}
	var dir bytes.Buffer
	child := uint32(noStream)
	if len(streams) > 0 {
		child = 1
	}
	dir.Write(entry("Root Entry", 5, noStream, noStream, child, endChain, 0))
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		dir.Write(entry(s.name, 2, noStream, right, noStream, uint32(starts[i]), uint64(len(s.data))))
	}
	for dir.Len()%sec != 0 {
		dir.Write(entry("", 0, noStream, noStream, noStream, 0, 0))
	}
	var out bytes.Buffer
	out.Write(hdr)
	for _, v := range fat {
		binary.Write(&out, le, v)
	}
	out.Write(dir.Bytes())
	for i, s := range streams {
		out.Write(s.data)
		if pad := sizes[i]*sec - len(s.data); pad > 0 {
			out.Write(make([]byte, pad))
		}
	}
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// biffWorkbook is the start of a BIFF8 Workbook stream: a BOF record for
// the workbook globals and an EOF record.
func biffWorkbook() []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	rec := func(typ uint16, data []byte) {
		binary.Write(&b, le, typ)
		binary.Write(&b, le, uint16(len(data)))
		b.Write(data)
	}
	bof := make([]byte, 16)
	le.PutUint16(bof[0:], 0x0600) // BIFF8
	le.PutUint16(bof[2:], 0x0005) // workbook globals
	le.PutUint16(bof[4:], 0x0DBB) // build
	le.PutUint16(bof[6:], 0x07CC) // year
	rec(0x0809, bof)
	rec(0x000A, nil)
	return b.Bytes()
}

// peakHeap runs fn while sampling the Go heap and returns the peak
// HeapInuse above the level before fn, in bytes.
func peakHeap(fn func()) (peak uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-tk.C:
				runtime.ReadMemStats(&m)
				mu.Lock()
				if m.HeapInuse > base && m.HeapInuse-base > peak {
					peak = m.HeapInuse - base
				}
				mu.Unlock()
			}
		}
	}()
	fn()
	close(stop)
	<-done
	runtime.ReadMemStats(&ms)
	mu.Lock()
	defer mu.Unlock()
	if ms.HeapInuse > base && ms.HeapInuse-base > peak {
		peak = ms.HeapInuse - base
	}
	return peak
}

// readAll is read.ReadAll with a background context and default options.
func readAll(path string, opt read.Options) (*read.File, error) {
	return read.ReadAll(context.Background(), path, opt, nil)
}

// records counts the records of every sheet.
func records(f *read.File) int {
	n := 0
	for _, s := range f.Sheets {
		n += len(s.Records)
	}
	return n
}
