// Command _gen writes the layouts that test header languages, encodings
// and legacy formats into ../<name>/: the input file,
// written the way its tool writes it, and expected.json. Run from the
// module root:
//
//	go run ./reconcile/read/testdata/layouts/_gen
//
// The .xls and .ods layouts are made by LibreOffice converting a CSV
// (soffice must be installed); the others by excelize, by x/text encoders
// (CSV bytes in a legacy encoding) and by hand-written HTML and XML.
// The data are synthetic.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// layout is one corpus entry: a header, rows, and what must be read.
type layout struct {
	name, file, writer, language, note, encoding string
	sheet                                        string // "" for text and HTML files
	header                                       []string
	rows                                         [][]string
	fields                                       []string // per column: field or "-"
	first                                        map[string]string
	write                                        func(l *layout, path string) error
}

type expected struct {
	File     string              `json:"file"`
	Writer   string              `json:"writer"`
	Language string              `json:"language,omitempty"`
	Note     string              `json:"note,omitempty"`
	Encoding string              `json:"encoding,omitempty"`
	Sheets   map[string]expSheet `json:"sheets"`
}

type expSheet struct {
	Data      bool              `json:"data"`
	HeaderRow int               `json:"header_row,omitempty"`
	Mapping   map[string]string `json:"mapping,omitempty"`
	Records   int               `json:"records"`
	First     map[string]string `json:"first,omitempty"`
}

func main() {
	for _, l := range layouts() {
		dir := filepath.Join("reconcile", "read", "testdata", "layouts", l.name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		if err := l.write(&l, filepath.Join(dir, l.file)); err != nil {
			log.Fatalf("%s: %v", l.name, err)
		}
		m := map[string]string{}
		for i, f := range l.fields {
			m[colName(i)] = f
		}
		sheet := l.sheet
		for k, v := range l.first {
			// Numbers as the harness renders them: Go's shortest form.
			if n, err := strconv.ParseFloat(v, 64); err == nil && k != "hs_code" && !strings.HasSuffix(k, "_id") && k != "item_no" {
				l.first[k] = strconv.FormatFloat(n, 'g', -1, 64)
			}
		}
		e := expected{File: l.file, Writer: l.writer, Language: l.language, Note: l.note, Encoding: l.encoding,
			Sheets: map[string]expSheet{sheet: {Data: true, HeaderRow: 1, Mapping: m, Records: len(l.rows), First: l.first}}}
		b, _ := json.MarshalIndent(e, "", "  ")
		if err := os.WriteFile(filepath.Join(dir, "expected.json"), append(b, '\n'), 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", dir)
	}
}

func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// writeXLSX writes with excelize: numbers that parse as numbers are typed
// cells, the rest text (HS codes and tax IDs stay text, as a careful
// clerk types them).
func writeXLSX(l *layout, path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.sheet
	if sheet != "Sheet1" {
		f.SetSheetName("Sheet1", sheet)
	}
	for c, h := range l.header {
		f.SetCellValue(sheet, colName(c)+"1", h)
	}
	for r, row := range l.rows {
		for c, v := range row {
			cell := colName(c) + strconv.Itoa(r+2)
			if n, err := strconv.ParseFloat(v, 64); err == nil && !strings.HasPrefix(v, "0") && len(v) < 9 {
				f.SetCellValue(sheet, cell, n)
			} else {
				f.SetCellStr(sheet, cell, v)
			}
		}
	}
	return f.SaveAs(path)
}

func csvText(l *layout, sep string) string {
	var b strings.Builder
	for _, row := range append([][]string{l.header}, l.rows...) {
		for i, v := range row {
			if i > 0 {
				b.WriteString(sep)
			}
			if strings.ContainsAny(v, sep+"\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			b.WriteString(v)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

// encodedCSV writes a CSV in a legacy encoding, as Excel's "CSV" or a DOS
// program writes it.
func encodedCSV(enc encoding.Encoding, sep string) func(l *layout, path string) error {
	return func(l *layout, path string) error {
		b, err := enc.NewEncoder().Bytes([]byte(csvText(l, sep)))
		if err != nil {
			return err
		}
		return os.WriteFile(path, b, 0o644)
	}
}

func utf8CSV(l *layout, path string) error { return os.WriteFile(path, []byte(csvText(l, ",")), 0o644) }

// viaLibreOffice writes a UTF-8 CSV and lets LibreOffice convert it
// (to "xls" BIFF8 or "ods").
func viaLibreOffice(to string) func(l *layout, path string) error {
	return func(l *layout, path string) error {
		tmp, err := os.MkdirTemp("", "layout-gen-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		src := filepath.Join(tmp, "input.csv")
		if err := os.WriteFile(src, []byte(csvText(l, ",")), 0o644); err != nil {
			return err
		}
		filter := to
		if to == "xls" {
			filter = `xls:MS Excel 97`
		}
		// Import filter: comma-separated, UTF-8 (76), first line 1, columns
		// as "standard" except the text ones (HS codes keep their zeros).
		cmd := exec.Command("soffice", "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(tmp, "profile"),
			"--infilter=CSV:44,34,76,1", "--convert-to", filter, "--outdir", tmp, src)
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("soffice: %v %s", err, out)
		}
		b, err := os.ReadFile(filepath.Join(tmp, "input."+to))
		if err != nil {
			return err
		}
		return os.WriteFile(path, b, 0o644)
	}
}

// htmlTable writes a web portal's "Excel" export: an HTML table saved as
// .xls, in Windows-1251 with a meta charset.
func htmlTable(l *layout, path string) error {
	var b bytes.Buffer
	b.WriteString("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Выгрузка</title></head><body>\n")
	b.WriteString("<table border=\"1\">\n<tr>")
	for _, h := range l.header {
		fmt.Fprintf(&b, "<th>%s</th>", h)
	}
	b.WriteString("</tr>\n")
	for _, row := range l.rows {
		b.WriteString("<tr>")
		for _, v := range row {
			fmt.Fprintf(&b, "<td style=\"mso-number-format:'\\@'\">%s</td>", strings.ReplaceAll(v, "&", "&amp;"))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></body></html>\n")
	out, err := charmap.Windows1251.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}

// xml2003 writes Excel 2003 XML (SpreadsheetML) by hand, as old Excel
// and some portals save ".xls".
func xml2003(l *layout, path string) error {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<?mso-application progid="Excel.Sheet"?>` + "\n")
	b.WriteString(`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">` + "\n")
	fmt.Fprintf(&b, " <Worksheet ss:Name=%q>\n  <Table>\n", l.sheet)
	for _, row := range append([][]string{l.header}, l.rows...) {
		b.WriteString("   <Row>")
		for _, v := range row {
			typ := "String"
			if _, err := strconv.ParseFloat(v, 64); err == nil && !strings.HasPrefix(v, "0") && len(v) < 9 {
				typ = "Number"
			}
			if len(v) == 10 && v[4] == '-' && v[7] == '-' {
				typ, v = "DateTime", v+"T00:00:00.000"
			}
			fmt.Fprintf(&b, `<Cell><Data ss:Type="%s">%s</Data></Cell>`, typ, strings.ReplaceAll(strings.ReplaceAll(v, "&", "&amp;"), "<", "&lt;"))
		}
		b.WriteString("</Row>\n")
	}
	b.WriteString("  </Table>\n </Worksheet>\n</Workbook>\n")
	return os.WriteFile(path, b.Bytes(), 0o644)
}
