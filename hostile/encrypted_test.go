package hostile_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// TestEncrypted: an xlsx saved by excelize with a password is asked for
// its password, a wrong one gets its own message, the right one reads.
func TestEncrypted(t *testing.T) {
	dir := t.TempDir()
	path := writeXLSX(t, filepath.Join(dir, "secret.xlsx"), 4, excelize.Options{Password: "Pa55"})
	t.Run("no password", func(t *testing.T) {
		_, err := readAll(path, read.Options{})
		wantErr(t, err, reconcile.ErrEncrypted, path)
		code, _, stderr := runCLI("inspect", path)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, path, "password-protected", "--password")
	})
	t.Run("wrong password", func(t *testing.T) {
		for _, pw := range []string{"pa55", "wrong", "Pa55 "} {
			_, err := readAll(path, read.Options{Password: pw})
			wantErr(t, err, reconcile.ErrWrongPassword, path)
		}
		code, _, stderr := runCLI("inspect", "--password", "nope", path)
		if code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		checkMessage(t, stderr, path, "wrong password")
		code, _, stderr = runCLI("reconcile", "-o", filepath.Join(t.TempDir(), "o.xlsx"), path, "--password", "nope")
		if code != 1 {
			t.Errorf("reconcile exit %d, want 1", code)
		}
		if !strings.Contains(stderr, "wrong password") || !strings.Contains(stderr, path) {
			t.Errorf("reconcile stderr %q, want the wrong-password message naming %s", stderr, path)
		}
	})
	t.Run("right password", func(t *testing.T) {
		f, err := readAll(path, read.Options{Password: "Pa55"})
		if err != nil {
			t.Fatalf("ReadAll with the right password: %v", err)
		}
		if got := records(f); got != 4 {
			t.Errorf("read %d records, want 4", got)
		}
		rec := f.Sheets[0].Records[0]
		if rec.Consignee.Name() != "OOO TEKHKRIM 1" || !rec.NetKg.Valid || rec.NetKg.Value != 101 {
			t.Errorf("first record consignee %q net %+v, want OOO TEKHKRIM 1 and 101 kg", rec.Consignee.Name(), rec.NetKg)
		}
		code, stdout, stderr := runCLI("inspect", path, "--password", "Pa55")
		if code != 0 || !strings.Contains(stdout, "4 data rows") {
			t.Errorf("inspect exit %d stdout %q stderr %q, want 0 and 4 data rows", code, stdout, stderr)
		}
		out := filepath.Join(t.TempDir(), "out.xlsx")
		code, stdout, stderr = runCLI("reconcile", "--password", "Pa55", "-o", out, path)
		if code != 0 {
			t.Fatalf("reconcile exit %d stderr %q", code, stderr)
		}
		if !strings.Contains(stdout, "4 rows") {
			t.Errorf("reconcile stdout %q, want 4 rows read", stdout)
		}
		// The password is never written into the audit workbook.
		if bytesInZip(t, out, "Pa55") {
			t.Errorf("the audit workbook contains the password")
		}
		p := pipeline.NewProject(path)
		p.Sources[0].Password = "Pa55"
		res, err := pipeline.Run(context.Background(), p, nil)
		if err != nil || len(res.Errors()) != 0 || len(res.Records) != 4 {
			t.Errorf("pipeline.Run: err %v file errors %v records %d, want 4 records", err, res.Errors(), len(res.Records))
		}
	})
}

// bytesInZip reports whether any part of the zip at path contains s.
func bytesInZip(t *testing.T, path, s string) bool {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// TestCorruptSheetData flips bytes inside the compressed sheet part of a
// good workbook: the package opens, the sheet read fails with ErrCorrupt
// naming the sheet, and nothing is invented.
func TestCorruptSheetData(t *testing.T) {
	dir := t.TempDir()
	src := writeXLSX(t, filepath.Join(dir, "src.xlsx"), 200)
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var off int64 = -1
	var size int64
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			off, _ = f.DataOffset()
			size = int64(f.CompressedSize64)
		}
	}
	if off < 0 {
		t.Fatal("no sheet1.xml in excelize's output")
	}
	bad := append([]byte(nil), data...)
	for i := off + size/3; i < off+size/3+16; i++ {
		bad[i] ^= 0x5A
	}
	path := filepath.Join(dir, "flipped.xlsx")
	writeBytes(t, path, bad)
	f, err := readAll(path, read.Options{})
	if err != nil {
		wantErr(t, err, reconcile.ErrCorrupt, path)
		return
	}
	if len(f.Sheets) != 1 || f.Sheets[0].Err == nil {
		t.Fatalf("sheets %+v, want Sheet1 with an error", f.Sheets)
	}
	re := wantErr(t, f.Sheets[0].Err, reconcile.ErrCorrupt, path)
	if re.Sheet != "Sheet1" {
		t.Errorf("error names sheet %q, want Sheet1", re.Sheet)
	}
	if n := len(f.Sheets[0].Records); n >= 200 {
		t.Errorf("%d records from a damaged sheet of 200 rows, want fewer (the damaged rest is not invented)", n)
	}
	code, _, stderr := runCLI("inspect", path)
	if code != 1 {
		t.Errorf("inspect exit %d, want 1", code)
	}
	checkMessage(t, stderr, path, "Sheet1", "damaged")
}
