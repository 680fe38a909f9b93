package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"testing"
)

// xmlish is repetitive text like sheet XML, with some noise.
func xmlish(n int, seed int64) []byte {
	rng := rand.New(rand.NewSource(seed))
	var b bytes.Buffer
	for r := 1; b.Len() < n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>S%d</t></is></c><c r="B%d"><v>%d</v></c></row>`, r, r, rng.Intn(1e6), r, rng.Int63())
	}
	return b.Bytes()[:n]
}

func TestDeflateParallel(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		size int
	}{
		{"empty", 0},
		{"one byte", 1},
		{"under one chunk", deflateChunk - 7},
		{"exactly two chunks", 2 * deflateChunk},
		{"several chunks and a bit", 5*deflateChunk + 12345},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := xmlish(tc.size, int64(tc.size))
			var out bytes.Buffer
			crc, n, cn, err := deflateParallel(&out, io.NewSectionReader(bytes.NewReader(in), 0, int64(len(in))))
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(len(in)) || cn != int64(out.Len()) {
				t.Errorf("got sizes %d, %d; want %d, %d", n, cn, len(in), out.Len())
			}
			if want := crc32.ChecksumIEEE(in); crc != want {
				t.Errorf("got CRC %08x, want %08x", crc, want)
			}
			got, err := io.ReadAll(flate.NewReader(&out))
			if err != nil {
				t.Fatalf("inflating: %v", err)
			}
			if !bytes.Equal(got, in) {
				t.Errorf("inflated %d bytes differ from the %d written", len(got), len(in))
			}
		})
	}
}

// failAfter fails every write past n bytes.
type failAfter struct{ n int }

func (f *failAfter) Write(b []byte) (int, error) {
	if f.n -= len(b); f.n < 0 {
		return 0, fmt.Errorf("disk full")
	}
	return len(b), nil
}

func TestDeflateParallelWriteError(t *testing.T) {
	t.Parallel()
	in := xmlish(9*deflateChunk, 3)
	_, _, _, err := deflateParallel(&failAfter{n: 1000}, io.NewSectionReader(bytes.NewReader(in), 0, int64(len(in))))
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("got %v, want the write error", err)
	}
}

// TestParallelZip checks that parts handed over as sections of a file
// (deferred) and as plain writes both come out whole and in order.
func TestParallelZip(t *testing.T) {
	t.Parallel()
	big := xmlish(3*deflateChunk+99, 1)
	small := []byte("<workbook/>")
	var out bytes.Buffer
	z := newParallelZip(&out, t.TempDir())
	for _, p := range []struct {
		name string
		r    io.Reader
	}{
		{"xl/worksheets/sheet1.xml", io.NewSectionReader(bytes.NewReader(big), 0, int64(len(big)))},
		{"xl/workbook.xml", bytes.NewReader(small)},
		{"xl/worksheets/sheet2.xml", io.NewSectionReader(bytes.NewReader(small), 0, int64(len(small)))},
	} {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, p.r); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		data []byte
	}{{"xl/worksheets/sheet1.xml", big}, {"xl/workbook.xml", small}, {"xl/worksheets/sheet2.xml", small}}
	if len(zr.File) != len(want) {
		t.Fatalf("got %d parts, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC too
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		// The headers zip.Writer.Create writes, which Excel has accepted.
		if f.ReaderVersion != 20 || f.CreatorVersion&0xff != 20 || f.Flags&0x8 == 0 {
			t.Errorf("%s: got versions %d/%d, flags %#x; want 20/20 and a data descriptor", f.Name, f.CreatorVersion, f.ReaderVersion, f.Flags)
		}
		if f.Name != want[i].name || !bytes.Equal(got, want[i].data) {
			t.Errorf("part %d: got %s (%d bytes), want %s (%d bytes)", i, f.Name, len(got), want[i].name, len(want[i].data))
		}
	}
}
