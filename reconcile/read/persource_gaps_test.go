package read_test

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/workbook"
)

// sparseXLSX writes a one-sheet package: header on row 1, records on rows
// 2 and 5, and one record on Excel's last row; rows 3–4 and 6–1048575
// are absent from the XML as Excel leaves blank rows.
func sparseXLSX(t *testing.T, path string) {
	t.Helper()
	row := func(n int, name string, kg int) string {
		r := strconv.Itoa(n)
		return `<row r="` + r + `"><c r="A` + r + `" t="inlineStr"><is><t>` + name + `</t></is></c><c r="B` + r + `"><v>` + strconv.Itoa(kg) + `</v></c></row>`
	}
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>Importer</t></is></c><c r="B1" t="inlineStr"><is><t>Net weight, kg</t></is></c></row>` +
		row(2, "OOO TEKHKRIM", 100) + row(5, "OOO ALFA", 200) + row(1048576, "OOO BETA", 300) + `</sheetData></worksheet>`
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet},
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPerSourceSheetListsAbsentRows: the audit workbook's per-source
// sheet lists every row below the header exactly once, rows absent from
// the source XML as "skipped: blank" (a long run as one summarising row).
func TestPerSourceSheetListsAbsentRows(t *testing.T) {
	t.Parallel()
	sample, _ := filepath.Abs("../../samples/ru_declarations_2022_ILLUSTRATIVE.xlsx")
	sparse := filepath.Join(t.TempDir(), "sparse.xlsx")
	sparseXLSX(t, sparse)
	tests := []struct {
		name, path string
		want       map[string]string // source row → fate prefix
		rowsFrom   int               // rows from here to rowsTo must all be listed
		rowsTo     int
	}{
		{"sample with blank row 102", sample, map[string]string{"102": "skipped: blank", "101": "", "103": ""}, 2, 355},
		{"sparse sheet", sparse, map[string]string{"3": "skipped: blank", "4": "skipped: blank",
			"6": "skipped: blank (rows 6–1048575 blank)", "1048576": ""}, 2, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Fatal(err) // the samples are in the repository
			}
			res, err := pipeline.Run(context.Background(), pipeline.NewProject(tt.path), nil)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "audit.xlsx")
			if err := pipeline.WriteWorkbook(context.Background(), res, out, nil); err != nil {
				t.Fatalf("WriteWorkbook: %v", err)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			srcRows, _ := f.GetRows(workbook.SheetSources)
			name := ""
			for _, r := range srcRows[1:] {
				if len(r) > 15 && r[0] == filepath.Base(tt.path) && r[15] != "" {
					name = r[15]
					break
				}
			}
			if name == "" {
				t.Fatalf("no per-source sheet for %s in %v", tt.path, srcRows)
			}
			rows, err := f.Rows(name)
			if err != nil {
				t.Fatal(err)
			}
			fates := map[string]string{}
			for rows.Next() {
				r, _ := rows.Columns()
				if len(r) < 3 || r[0] == "Source row" {
					continue
				}
				if _, dup := fates[r[0]]; dup {
					t.Errorf("source row %s listed twice", r[0])
				}
				fates[r[0]] = r[2]
			}
			rows.Close()
			for row, prefix := range tt.want {
				got, ok := fates[row]
				switch {
				case !ok:
					t.Errorf("source row %s not listed", row)
				case prefix == "" && strings.HasPrefix(got, "skipped"):
					t.Errorf("source row %s: fate %q, want a record", row, got)
				case !strings.HasPrefix(got, prefix):
					t.Errorf("source row %s: fate %q, want %q", row, got, prefix)
				}
			}
			for r := tt.rowsFrom; r <= tt.rowsTo; r++ {
				if _, ok := fates[strconv.Itoa(r)]; !ok {
					t.Errorf("source row %d not listed", r)
				}
			}
		})
	}
}

// TestAssumedKgCountedNotLeftOut: a weight read as kg because no unit is
// stated keeps its value through the pipeline — counted in the shipment's
// weight — and its Kept flag is not reported as a value "left out".
func TestAssumedKgCountedNotLeftOut(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "nounit.csv")
	if err := os.WriteFile(path, []byte("Importer;Net weight;Value USD\nOOO TEKHKRIM;1200;5000\nOOO ALFA;800;3000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(context.Background(), pipeline.NewProject(path), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 2 {
		t.Fatalf("got %d records, want 2", len(res.Records))
	}
	total := 0.0
	for i := range res.Merge.Shipments {
		if n := res.Merge.Shipments[i].NetKg(res.Records); n.Valid {
			total += n.Value
		}
	}
	if total != 2000 {
		t.Errorf("shipments' net weight %v kg, want 2000 (the assumed-kg values counted)", total)
	}
	for _, d := range res.Merge.Discrepancies {
		if strings.Contains(d.Rule, "unit not stated") {
			t.Errorf("discrepancy %+v: a kept value is reported as left out", d)
		}
	}
	for _, r := range res.Records {
		kept := false
		for _, f := range r.Flags {
			kept = kept || f.Kept && f.Detail == "unit not stated; read as kg"
		}
		if !kept {
			t.Errorf("row %d: flags %+v, want the kept unknown_unit flag", r.Source.Row, r.Flags)
		}
	}
}
