package read

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"tradecheck/internal/testenv"
	"tradecheck/reconcile"
)

func zipBytes(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	zw.Close()
	return buf.Bytes()
}

// encryptedXLSX writes a password-protected workbook with excelize.
func encryptedXLSX(t *testing.T, password string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Importer", "Net weight, kg"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Tekhkrim", 12})
	path := filepath.Join(t.TempDir(), "locked.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	return path
}

// legacyXLS turns an encrypted package (an OLE compound file) into one
// whose first stream is called "Workbook", as a BIFF .xls has: the
// directory entry's UTF-16 name is rewritten in place.
func legacyXLS(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(encryptedXLSX(t, "x"))
	if err != nil {
		t.Fatal(err)
	}
	old := utf16le("EncryptionInfo")
	i := bytes.Index(data, old)
	if i < 0 {
		t.Fatal("no EncryptionInfo entry in the OLE file")
	}
	name := make([]byte, 64)
	copy(name, utf16le("Workbook"))
	copy(data[i:i+64], name)
	binary.LittleEndian.PutUint16(data[i+64:], uint16(len(utf16le("Workbook"))+2))
	// Rename the other stream so the file no longer looks encrypted.
	if j := bytes.Index(data, utf16le("EncryptedPackage")); j >= 0 {
		copy(data[j:], utf16le("PackageXXXXXXXXX"))
	}
	return data
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func TestOpenRefusals(t *testing.T) {
	// Legacy .xls and .ods need LibreOffice: without it they are refused
	// with a message that says what to do (legacy_test.go reads them with it).
	t.Setenv(SofficeEnv, "none")
	good := writeXLSX(t, "good.xlsx", []string{"S"}, map[string]sheetRows{"S": {1: {"Importer", "Net weight"}, 2: {"A", 1}}}, nil)
	goodBytes, _ := os.ReadFile(good)
	own := writeXLSX(t, "audit.xlsx", []string{"S"}, map[string]sheetRows{"S": {1: {"x"}}}, func(f *excelize.File) {
		f.SetDocProps(&excelize.DocProperties{Category: OwnOutputMarker})
	})
	tests := []struct {
		name string
		path string
		want error
		hint string
	}{
		{"missing", filepath.Join(t.TempDir(), "nope.xlsx"), reconcile.ErrNotFound, "path"},
		{"directory", t.TempDir(), reconcile.ErrIsDirectory, "inside"},
		{"empty", writeFile(t, "empty.xlsx", nil), reconcile.ErrEmpty, "export"},
		{"truncated zip", writeFile(t, "cut.xlsx", goodBytes[:len(goodBytes)/2]), reconcile.ErrCorrupt, "again"},
		{"pdf", writeFile(t, "report.xlsx", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")), reconcile.ErrNotSheet, "xlsx"},
		{"png", writeFile(t, "chart.csv", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)), reconcile.ErrNotSheet, "xlsx"},
		{"binary", writeFile(t, "blob.csv", bytes.Repeat([]byte{0, 1, 2, 3, 0xfe, 0x10}, 200)), reconcile.ErrNotSheet, ".csv"},
		{"ods", writeFile(t, "data.xlsx", zipBytes(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})), reconcile.ErrODS, "install it"},
		{"docx", writeFile(t, "memo.xlsx", zipBytes(t, map[string]string{"word/document.xml": "<x/>"})), reconcile.ErrNotSheet, "no Excel workbook"},
		{"legacy xls renamed", writeFile(t, "old.xlsx", legacyXLS(t)), reconcile.ErrLegacyXLS, "needs LibreOffice"},
		{"encrypted", encryptedXLSX(t, "s3cret"), reconcile.ErrEncrypted, "password"},
		{"own output", own, reconcile.ErrOwnOutput, "original source"},
		{"html page without a table", writeFile(t, "web.xls", []byte("<html><body><p>Session expired</p></body></html>")), reconcile.ErrNotSheet, "export the data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Open(tt.path, Options{})
			if err == nil {
				w.Close()
				t.Fatalf("Open(%s) succeeded, want %v", tt.name, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want errors.Is %v", err, tt.want)
			}
			var re *reconcile.Error
			if !errors.As(err, &re) || re.File != tt.path {
				t.Fatalf("got %T %v, want *reconcile.Error naming the file", err, err)
			}
			if !strings.Contains(err.Error(), tt.hint) {
				t.Errorf("message %q does not say what to do (%q)", err, tt.hint)
			}
		})
	}
}

func TestPassword(t *testing.T) {
	t.Parallel()
	path := encryptedXLSX(t, "s3cret")
	if _, err := Open(path, Options{Password: "wrong"}); !errors.Is(err, reconcile.ErrWrongPassword) {
		t.Errorf("wrong password: got %v, want ErrWrongPassword", err)
	}
	sr, recs := readSheet(t, path, "Sheet1", Options{Password: "s3cret"})
	if len(recs) != 1 || recs[0].Consignee.Name() != "Tekhkrim" || recs[0].NetKg.Value != 12 {
		t.Errorf("decrypted records = %+v (columns %+v), want Tekhkrim 12 kg", recs, sr.Columns())
	}
}

func TestLimits(t *testing.T) {
	t.Parallel()
	t.Run("row past Excel's limit", func(t *testing.T) {
		sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>Importer</t></is></c><c r="B1" t="inlineStr"><is><t>Net weight</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="B2"><v>1</v></c></row>` +
			`<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>B</t></is></c></row></sheetData></worksheet>`
		path := writeFile(t, "big.xlsx", minimalXLSX(t, sheet))
		f := readAll(t, path, Options{})
		s := f.Sheets[0]
		if !errors.Is(s.Err, reconcile.ErrTooLarge) || len(s.Records) != 1 {
			t.Errorf("err %v, %d records; want ErrTooLarge after keeping the 1 record above", s.Err, len(s.Records))
		}
	})
	t.Run("cell too long", func(t *testing.T) {
		long := strings.Repeat("x", MaxCellLen+1)
		sheet := `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Importer</t></is></c><c t="inlineStr"><is><t>Net weight</t></is></c></row>` +
			`<row r="2"><c t="inlineStr"><is><t>` + long + `</t></is></c><c><v>1</v></c></row></sheetData></worksheet>`
		path := writeFile(t, "long.xlsx", minimalXLSX(t, sheet))
		f := readAll(t, path, Options{})
		var re *reconcile.Error
		if !errors.Is(f.Sheets[0].Err, reconcile.ErrTooLarge) || !errors.As(f.Sheets[0].Err, &re) || re.Row != 2 || re.Column != 1 {
			t.Errorf("err %v, want ErrTooLarge at row 2 column A", f.Sheets[0].Err)
		}
	})
	t.Run("row too wide", func(t *testing.T) {
		sheet := `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Importer</t></is></c><c r="B1" t="inlineStr"><is><t>Net weight</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c><c r="XFE2"><v>1</v></c></row>` +
			`<row r="3"><c r="A3" t="inlineStr"><is><t>B</t></is></c><c r="B3"><v>2</v></c></row></sheetData></worksheet>`
		path := writeFile(t, "wide.xlsx", minimalXLSX(t, sheet))
		sr, recs := readSheet(t, path, "Sheet1", Options{})
		if len(recs) != 1 || sr.SkipCounts()[reconcile.SkipTooWide] != 1 {
			t.Errorf("%d records, skips %v; want 1 record and 1 row too wide", len(recs), sr.SkipCounts())
		}
	})
	t.Run("zip bomb", func(t *testing.T) {
		// 40 MiB of whitespace inside the sheet compresses about 1000:1.
		var sheet strings.Builder
		sheet.WriteString(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Importer</t></is></c><c t="inlineStr"><is><t>Net weight</t></is></c></row>`)
		sheet.WriteString(strings.Repeat(" ", 40<<20))
		sheet.WriteString(`</sheetData></worksheet>`)
		path := writeFile(t, "bomb.xlsx", minimalXLSX(t, sheet.String()))
		f := readAll(t, path, Options{})
		if !errors.Is(f.Sheets[0].Err, reconcile.ErrTooLarge) {
			t.Errorf("err %v, want ErrTooLarge from the compression-ratio guard", f.Sheets[0].Err)
		}
	})
}

// minimalXLSX builds a one-sheet package around the given sheet XML.
func minimalXLSX(t *testing.T, sheetXML string) []byte {
	t.Helper()
	return zipBytesOrdered(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML},
	})
}

func zipBytesOrdered(t *testing.T, files [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	zw.Close()
	return buf.Bytes()
}

func TestTooManySheets(t *testing.T) {
	t.Parallel()
	var sheets strings.Builder
	for i := 1; i <= MaxSheets+1; i++ {
		sheets.WriteString(`<sheet name="S` + strconv.Itoa(i) + `" sheetId="` + strconv.Itoa(i) + `" r:id="rId1"/>`)
	}
	data := zipBytesOrdered(t, [][2]string{
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + sheets.String() + `</sheets></workbook>`},
	})
	_, err := Open(writeFile(t, "many.xlsx", data), Options{})
	if !errors.Is(err, reconcile.ErrTooLarge) || !strings.Contains(err.Error(), "1001 sheets") {
		t.Errorf("got %v, want ErrTooLarge naming 1001 sheets", err)
	}
}

// TestOpenNotRegularFile: a named pipe or a device is refused at once as
// "not a regular file" (ErrNotSheet), never opened (opening a FIFO with
// no writer blocks) and never called empty.
func TestOpenNotRegularFile(t *testing.T) {
	t.Parallel()
	fifo := filepath.Join(t.TempDir(), "export.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		testenv.Skip(t, "cannot make a named pipe: "+err.Error())
	}
	for _, tc := range []struct{ name, path string }{
		{"named pipe", fifo},
		{"device", "/dev/zero"},
		{"character device /dev/null", "/dev/null"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := os.Stat(tc.path); err != nil {
				testenv.Skip(t, err.Error())
			}
			done := make(chan error, 1)
			go func() {
				w, err := Open(tc.path, Options{})
				if w != nil {
					w.Close()
				}
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("Open(%s) blocked", tc.path)
			}
			var re *reconcile.Error
			if !errors.Is(err, reconcile.ErrNotSheet) || !errors.As(err, &re) || re.File != tc.path {
				t.Fatalf("Open(%s) = %v, want a *reconcile.Error wrapping ErrNotSheet", tc.path, err)
			}
			if errors.Is(err, reconcile.ErrEmpty) || strings.Contains(err.Error(), "empty") {
				t.Errorf("got %q, want no claim that the file is empty", err)
			}
			if msg := err.Error(); !strings.Contains(msg, "not a regular file") || !strings.Contains(msg, "give a saved spreadsheet file") {
				t.Errorf("got %q, want it to say \"not a regular file\" and \"give a saved spreadsheet file\"", msg)
			}
		})
	}
}
