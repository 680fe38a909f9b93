package hostile_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/internal/testenv"
	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// refusal is one input that must be refused as a whole, with the sentinel
// and words the CLI message must carry.
type refusal struct {
	name     string
	file     string // base name
	make     func(t *testing.T, path string)
	sentinel error
	says     []string // fragments of the CLI message (besides the file)
}

func refusals() []refusal {
	pngHead := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	return []refusal{
		{"empty file", "empty.xlsx", func(t *testing.T, p string) { writeBytes(t, p, nil) }, reconcile.ErrEmpty, []string{"empty", "again"}},
		{"empty csv", "empty.csv", func(t *testing.T, p string) { writeBytes(t, p, nil) }, reconcile.ErrEmpty, []string{"empty"}},
		{"corrupt zip", "corrupt.xlsx", func(t *testing.T, p string) {
			// A zip signature followed by garbage: no central directory.
			writeBytes(t, p, append([]byte("PK\x03\x04"), bytes.Repeat([]byte("garbage"), 100)...))
		}, reconcile.ErrCorrupt, []string{"damaged", "download it again"}},
		{"zip without workbook", "notes.xlsx", func(t *testing.T, p string) {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, _ := zw.Create("readme.txt")
			w.Write([]byte("hello"))
			zw.Close()
			writeBytes(t, p, b.Bytes())
		}, reconcile.ErrNotSheet, []string{"no excel workbook"}},
		{"PNG image", "chart.xlsx", func(t *testing.T, p string) {
			writeBytes(t, p, append(pngHead, bytes.Repeat([]byte{0, 1, 2, 0xff}, 500)...))
		}, reconcile.ErrNotSheet, []string{"image", ".xlsx or .csv"}},
		{"PDF", "report.csv", func(t *testing.T, p string) {
			writeBytes(t, p, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n\x00\x01\x02\x03\nendstream\n%%EOF\n"))
		}, reconcile.ErrNotSheet, []string{"PDF", ".xlsx or .csv"}},
		{"random binary", "data.csv", func(t *testing.T, p string) {
			b := make([]byte, 64<<10)
			rand.New(rand.NewSource(7)).Read(b)
			writeBytes(t, p, b)
		}, reconcile.ErrNotSheet, []string{"binary"}},
		{"legacy xls", "old.xls", func(t *testing.T, p string) {
			writeCFB(t, p, cfbStream{"Workbook", biffWorkbook()})
		}, reconcile.ErrLegacyXLS, []string{"LibreOffice", "save it as .xlsx"}},
		{"legacy xls renamed to xlsx", "old-renamed.xlsx", func(t *testing.T, p string) {
			writeCFB(t, p, cfbStream{"Workbook", biffWorkbook()}, cfbStream{"\x05SummaryInformation", []byte{0xFE, 0xFF}})
		}, reconcile.ErrLegacyXLS, []string{"LibreOffice", "save it as .xlsx"}},
		{"Excel 5 xls (Book stream)", "excel5.xls", func(t *testing.T, p string) {
			writeCFB(t, p, cfbStream{"Book", biffWorkbook()})
		}, reconcile.ErrLegacyXLS, []string{"LibreOffice", "save it as .xlsx"}},
		{"Word document in OLE", "memo.xls", func(t *testing.T, p string) {
			writeCFB(t, p, cfbStream{"WordDocument", []byte{0xEC, 0xA5}})
		}, reconcile.ErrNotSheet, []string{"not a spreadsheet"}},
		{"damaged OLE", "broken.xls", func(t *testing.T, p string) {
			writeBytes(t, p, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, bytes.Repeat([]byte{0xFF}, 600)...))
		}, reconcile.ErrCorrupt, []string{"damaged"}},
		{"ods", "sheet.ods", writeODS, reconcile.ErrODS, []string{"LibreOffice", "save it as .xlsx"}},
		{"ods renamed to xlsx", "sheet-ods.xlsx", writeODS, reconcile.ErrODS, []string{"LibreOffice", "save it as .xlsx"}},
		{"encrypted without password", "secret.xlsx", func(t *testing.T, p string) {
			writeXLSX(t, p, 3, excelize.Options{Password: "x"})
		}, reconcile.ErrEncrypted, []string{"password"}},
		{"HTML page without a table saved as xls", "export.xls", func(t *testing.T, p string) {
			writeBytes(t, p, []byte("<html><body><p>Your session has expired</p></body></html>"))
		}, reconcile.ErrNotSheet, []string{"without a table", "export the data"}},
	}
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeODS writes an OpenDocument spreadsheet package: a stored mimetype
// entry first, as the format requires, then content.xml.
func writeODS(t *testing.T, path string) {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>`))
	w, _ = zw.Create("META-INF/manifest.xml")
	w.Write([]byte(`<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`))
	zw.Close()
	writeBytes(t, path, b.Bytes())
}

// TestRefused covers the files that cannot be read at all: the engine
// returns the typed error, the CLI exits 1 with one line naming the file
// and what to do, and a reconciliation with a good file keeps the good one.
func TestRefused(t *testing.T) {
	// .xls and .ods are read through LibreOffice; here it is "not
	// installed", which must refuse them with a message saying what to do.
	t.Setenv(read.SofficeEnv, "none")
	dir := t.TempDir()
	good := writeXLSX(t, filepath.Join(dir, "good.xlsx"), 3)
	for _, tc := range refusals() {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			tc.make(t, path)
			_, err := read.Open(path, read.Options{})
			wantErr(t, err, tc.sentinel, path)
			if !read.IsRefusal(err) {
				t.Errorf("read.IsRefusal(%v) = false, want true", err)
			}
			_, err = readAll(path, read.Options{})
			wantErr(t, err, tc.sentinel, path)

			code, _, stderr := runCLI("inspect", path)
			if code != 1 {
				t.Errorf("inspect exit %d, want 1", code)
			}
			checkMessage(t, stderr, path, tc.says...)
			t.Logf("inspect: %s", strings.TrimSpace(stderr))
			// --debug adds stack traces to internal errors only: a refused
			// file is the same one line.
			code, _, stderr = runCLI("inspect", "--debug", path)
			if code != 1 {
				t.Errorf("inspect --debug exit %d, want 1", code)
			}
			checkMessage(t, stderr, path, tc.says...)

			// --json: the file appears as {"file": …, "error": …}.
			code, stdout, _ := runCLI("inspect", "--json", path)
			var obj struct {
				File  string `json:"file"`
				Error string `json:"error"`
			}
			if err := json.Unmarshal([]byte(stdout), &obj); err != nil || code != 1 || obj.File != path || !strings.Contains(obj.Error, tc.sentinel.Error()) {
				t.Errorf("inspect --json: exit %d, %q (%v); want 1 and {file, error: …%s…}", code, stdout, err, tc.sentinel)
			}

			// As the claims file of check: refused, named, no stack trace.
			code, _, stderr = runCLI("check", "--claims", path, good)
			if code != 1 {
				t.Errorf("check --claims exit %d, want 1; stderr %q", code, stderr)
			}
			if first, _, _ := strings.Cut(stderr, "\n"); !strings.Contains(first, path) || strings.Contains(stderr, "goroutine ") {
				t.Errorf("check --claims stderr %q, want its first line to name %s", stderr, path)
			}

			// Reconciling it with a good file: the good one is read and
			// written, the bad one is reported and listed.
			out := filepath.Join(t.TempDir(), "out.xlsx")
			code, stdout, stderr = runCLI("reconcile", "-o", out, good, path)
			if code != 1 {
				t.Errorf("reconcile exit %d, want 1; stderr %q", code, stderr)
			}
			checkMessage(t, stderr, path, tc.says...)
			if !strings.Contains(stdout, "wrote "+out) {
				t.Errorf("reconcile stdout %q does not say it wrote %s", stdout, out)
			}
			// The audit workbook's Sources sheet lists the refused file
			// with its error: nothing disappears unexplained.
			if x, err := excelize.OpenFile(out); err != nil {
				t.Errorf("opening the audit workbook: %v", err)
			} else {
				rows, _ := x.GetRows("Sources")
				x.Close()
				listed := false
				for _, r := range rows {
					line := strings.Join(r, "|")
					if strings.Contains(line, tc.file) && strings.Contains(line, tc.sentinel.Error()) {
						listed = true
					}
				}
				if !listed {
					t.Errorf("the Sources sheet does not list %s with %q: %q", tc.file, tc.sentinel, rows)
				}
			}
			res, err := pipeline.Run(context.Background(), pipeline.NewProject(good, path), nil)
			if err != nil {
				t.Fatalf("pipeline.Run: %v", err)
			}
			if len(res.Records) != 3 {
				t.Errorf("pipeline.Run kept %d records of the good file, want 3", len(res.Records))
			}
			if errs := res.Errors(); len(errs) != 1 || !errors.Is(errs[0], tc.sentinel) {
				t.Errorf("pipeline errors %v, want one wrapping %v", errs, tc.sentinel)
			}
		})
	}
}

// TestTruncatedXLSX cuts a real workbook at several lengths: each cut is
// refused as damaged (never a panic, never a partial silent read).
func TestTruncatedXLSX(t *testing.T) {
	dir := t.TempDir()
	full := writeXLSX(t, filepath.Join(dir, "full.xlsx"), 50)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	for _, frac := range []float64{0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99} {
		n := max(int(float64(len(data))*frac), 5)
		t.Run(fmt.Sprintf("%d of %d bytes", n, len(data)), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cut.xlsx")
			writeBytes(t, path, data[:n])
			_, err := readAll(path, read.Options{})
			wantErr(t, err, reconcile.ErrCorrupt, path)
			code, _, stderr := runCLI("inspect", path)
			if code != 1 {
				t.Errorf("inspect exit %d, want 1", code)
			}
			checkMessage(t, stderr, path, "truncated or damaged", "download it again")
		})
	}
	// Cutting only the last byte of the central directory's end record.
	t.Run("last byte", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "cut.xlsx")
		writeBytes(t, path, data[:len(data)-1])
		_, err := readAll(path, read.Options{})
		wantErr(t, err, reconcile.ErrCorrupt, path)
	})
}

// TestNotRegularFiles: a named pipe, a device and a folder given as input
// are refused at once (a pipe is never opened, so nothing blocks on it).
func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "export.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		testenv.Skip(t, "cannot make a named pipe: "+err.Error())
	}
	for _, tc := range []struct {
		name, path string
		want       error
		msg        []string
	}{
		{"named pipe", fifo, reconcile.ErrNotSheet, []string{"not a regular file", "give a saved spreadsheet file"}},
		{"device", "/dev/zero", reconcile.ErrNotSheet, []string{"not a regular file", "give a saved spreadsheet file"}},
		{"folder", dir, reconcile.ErrIsDirectory, []string{"is a directory"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				testenv.Skip(t, err.Error())
			}
			_, err := readAll(tc.path, read.Options{})
			if err == nil || !read.IsRefusal(err) || !errors.Is(err, tc.want) {
				t.Fatalf("ReadAll(%s): %v, want a refusal wrapping %v", tc.path, err, tc.want)
			}
			if errors.Is(err, reconcile.ErrEmpty) {
				t.Errorf("ReadAll(%s): %v, want no claim that it is empty", tc.path, err)
			}
			code, _, stderr := runCLI("inspect", tc.path)
			if code != 1 {
				t.Errorf("inspect exit %d, want 1", code)
			}
			checkMessage(t, stderr, tc.path, tc.msg...)
			t.Logf("%s", strings.TrimSpace(stderr))
		})
	}
}
