package read

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzMarkupTables feeds HTML and Excel 2003 XML to their readers: never a
// panic or a hang, whatever the markup. Seeds are the tables of the tests.
func FuzzMarkupTables(f *testing.F) {
	for _, s := range []string{
		`<table><tr><th rowspan=2>Получатель</th><th colspan=2>Вес</th></tr><tr><th>нетто</th><th>брутто</th></tr><tr><td>А</td><td>1</td><td>2</td></tr></table>`,
		`<table><tr><td colspan=99999 rowspan=99999>x</td></tr><tr><td>y</td></tr></table>`,
		`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table><Row ss:Index="3"><Cell ss:Index="2" ss:MergeAcross="3"><Data ss:Type="Number">1.5</Data></Cell></Row></Table></Worksheet></Workbook>`,
		`<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row ss:Index="99999999"><Cell ss:Index="-4"><Data ss:Type="DateTime">2022-10-03T00:00:00.000</Data></Cell></Row></Table></Worksheet></Workbook>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "x.xls")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if kind := markupKind(b); kind == "xml2003" {
			openXML2003(path, b)
		} else {
			openHTML(path, b)
		}
	})
}

// FuzzDetectEncoding: any bytes get one of the known encodings, and
// decoding with it never fails. Seeds are the encoding test lines.
func FuzzDetectEncoding(f *testing.F) {
	for _, tt := range encodingCases {
		b, _ := tt.enc.NewEncoder().Bytes([]byte(tt.text))
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		ch := detectEncodingChoice(b)
		if ch.name != "utf-8" && decoderFor(ch.name) == nil {
			t.Fatalf("unknown encoding %q", ch.name)
		}
		decodeHead(b, ch.name)
	})
}
