package read

import (
	"errors"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A damaged package part is never dropped silently: relationships that
// say where the sheets are refuse the file naming the part; the root
// relationships and the styles are worked around, and every sheet warns
// naming the part.
func TestDamagedParts(t *testing.T) {
	t.Parallel()
	const (
		rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
		wbRels   = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
		styles   = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
		damaged  = `<Relationships><Relationship Id="rId1"`
		sheet    = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>Consignee</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c><c r="C1" t="inlineStr"><is><t>Net weight kg</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>OOO ALFA</t></is></c><c r="B2" s="1"><v>44835</v></c><c r="C2"><v>1200</v></c></row>` +
			`</sheetData></worksheet>`
	)
	pkg := func(root, rels, st string) []byte {
		return zipBytesOrdered(t, [][2]string{
			{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
			{"_rels/.rels", root},
			{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", rels},
			{"xl/styles.xml", st},
			{"xl/worksheets/sheet1.xml", sheet},
		})
	}
	tests := []struct {
		name    string
		data    []byte
		openErr string // the part an Open error names
		warn    string // the part a sheet warning names
	}{
		{"intact", pkg(rootRels, wbRels, styles), "", ""},
		{"root relationships damaged", pkg(damaged, wbRels, styles), "", "_rels/.rels"},
		{"workbook relationships damaged", pkg(rootRels, damaged, styles), "xl/_rels/workbook.xml.rels", ""},
		{"styles damaged", pkg(rootRels, wbRels, `<styleSheet><cellXfs`), "", "xl/styles.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "book.xlsx", tt.data)
			w, err := Open(path, Options{})
			if tt.openErr != "" {
				if !errors.Is(err, reconcile.ErrCorrupt) || !strings.Contains(err.Error(), tt.openErr) || !strings.Contains(err.Error(), "book.xlsx") {
					t.Fatalf("Open: %v, want ErrCorrupt naming the file and %s", err, tt.openErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			w.Close()
			f := readAll(t, path, Options{})
			sh := f.Sheets[0]
			if sh.Err != nil || len(sh.Records) != 1 {
				t.Fatalf("err %v, %d records; want the one row read", sh.Err, len(sh.Records))
			}
			var warned []string
			for _, w := range sh.Warnings {
				if strings.Contains(w.Text, "damaged") {
					warned = append(warned, w.Text)
				}
			}
			switch {
			case tt.warn == "" && len(warned) > 0:
				t.Errorf("warnings %q on an intact part", warned)
			case tt.warn != "" && (len(warned) != 1 || !strings.Contains(warned[0], tt.warn)):
				t.Errorf("warnings %q, want one naming %s", sh.Warnings, tt.warn)
			}
		})
	}
}
