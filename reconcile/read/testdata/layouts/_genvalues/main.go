// Command _gen writes the input files of the read-values layouts of the
// corpus (totals, non-data sheets, HS codes and tax IDs, units in cells,
// hidden rows and columns, decimal separators), each the way a real tool
// writes it: a hand-typed or pandas-style CSV, an excelize workbook, a
// workbook whose XML is written by hand, or LibreOffice converting a CSV.
// The expected.json files are written by hand, not here.
//
//	cd reconcile/read/testdata/layouts && go run ./_genvalues
//
// LibreOffice layouts are converted only when soffice is installed (see
// scripts/setup.sh); otherwise their CSV is written and the xlsx kept.
package main

import (
	"archive/zip"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	for _, l := range csvLayouts {
		write(l.dir, l.file, l.text)
	}
	for _, g := range []func() error{totalSumFormula, totalLanguages, notDataNotes, currencyFormat, hiddenRowsCols} {
		if err := g(); err != nil {
			log.Fatal(err)
		}
	}
	for _, l := range officeLayouts {
		if err := libreOffice(l.dir, l.text); err != nil {
			log.Printf("%s: %v (kept the existing input.xlsx)", l.dir, err)
		}
	}
}

func write(dir, file, text string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
}

type textLayout struct{ dir, file, text string }

// csvLayouts are typed or script-written text files.
var csvLayouts = []textLayout{
	{"total-unlabelled-csv", "input.csv", "Date,Consignee,Shipper,HS Code,Net weight (kg),Gross weight (kg),Value USD\n" +
		"2022-10-03,OOO TEKHKRIM,NORINCO,930200,1200.5,1300,50000\n" +
		"2022-10-05,OOO TEKHKRIM,NORINCO,0303540000,800,850,30000\n" +
		",,,,2000.5,2150,80000\n" +
		"2022-10-07,OOO ALFA,POLY TECH,847130,150,160,12000\n" +
		",,,,150,160,12000\n" +
		",,,,2150.5,2310,92000\n"},
	{"total-mismatch-csv", "input.csv", "Date;Consignee;Net weight, kg;Value USD\n" +
		"03.10.2022;OOO TEKHKRIM;1200,5;50000\n" +
		"05.10.2022;OOO TEKHKRIM;eight hundred;30000\n" +
		"07.10.2022;OOO ALFA;150;12000\n" +
		"ИТОГО;;2150,5;92000\n"},
	{"total-false-positive-csv", "input.csv", "Date,Consignee,HS Code,Description,Net weight (kg)\n" +
		"2022-10-03,OOO TEKHKRIM,930200,rifles,5\n" +
		",,930200,rifle parts,5\n" +
		",,930200,spare barrels,10\n" +
		"2022-10-04,OOO ALFA,847130,laptops,7\n" +
		",,,,7\n"},
	{"total-subtotal-labels-csv", "input.csv", "Declaration No;Date;Consignee;HS Code;Net weight (kg);Value USD\n" +
		"10216170/030222/0000001;03.02.2022;OOO ALFA;930200;100;1000\n" +
		"Subtotal 02.2022;;;;100;1000\n" +
		"10216170/040322/0000002;04.03.2022;OOO ALFA;930200;200;2000\n" +
		"10216170/050322/0000003;05.03.2022;OOO BETA;930200;50,5;500\n" +
		"Итого за март;;;;250,5;2500\n" +
		"10216170/060422/0000004;06.04.2022;OOO BETA;930200;10;100\n" +
		"小计 2022-04;;;;10;100\n" +
		"10216170/070522/0000005;07.05.2022;OOO GAMMA;930200;20;200\n" +
		"Ara Toplam 05.2022;;;;20;200\n" +
		"10216170/080622/0000006;08.06.2022;OOO GAMMA;930200;30;300\n" +
		"06.2022 Total;;;;30;300\n" +
		"Genel Toplam;;;;410,5;4100\n"},
	{"total-bare-subtotals-csv", "input.csv", "Declaración;Fecha;Importador;Código HS;Peso neto (kg);Valor USD\n" +
		"10216170/030222/0000001;03.02.2022;OOO ALFA;930200;100;1000\n" +
		"Período 02.2022;;;;100;1000\n" +
		"10216170/040322/0000002;04.03.2022;OOO ALFA;930200;200;2000\n" +
		"Período 03.2022;;;;200;2000\n" +
		"10216170/050422/0000003;05.04.2022;OOO BETA;930200;50;500\n" +
		"10216170/060422/0000004;06.04.2022;OOO BETA;930200;10;100\n" +
		"Período 04.2022;;;;60;600\n" +
		";;;;7;70\n" +
		"TOTAL;;;;360;3600\n"},
	{"total-twice-csv", "input.csv", "Date,Consignee,HS Code,Net weight (kg),Value USD\n" +
		"2022-02-03,OOO ALFA,930200,100,1000\n" +
		"2022-02-28,February,,100,1000\n" +
		"2022-03-04,OOO ALFA,930200,200,2000\n" +
		"2022-03-05,OOO BETA,930200,50,500\n" +
		"2022-03-31,March,,250,2500\n" +
		"TOTAL,,,350,3500\n"},
	{"needsmap-unknown-headers-csv", "input.csv", "GR8;GR2;GR54;Net weight, kg\n" +
		"ТОО Альфа;Norinco;03.10.2022;1200\n" +
		"ТОО Бета;Poly Tech;05.10.2022;800\n"},
	{"hscode-pandas-csv", "input.csv", ",Date,Consignee,Consignee INN,HS Code,Net weight (kg),Value USD\n" +
		"0,2022-10-03,OOO TEKHKRIM,7722476458.0,8517620009.0,1200.5,50000.0\n" +
		"1,2022-10-05,OOO ALFA,7.72346E+11,303540000.0,800.0,30000.0\n" +
		"2,2022-10-06,OOO BETA,7701234560.0,'0306179100,100.0,2000.0\n" +
		"3,2022-10-07,OOO GAMMA,,0303.54.00.00,50.0,1000.0\n"},
	{"units-in-cells-csv", "input.csv", "Date,Consignee,Net weight,Value,Quantity\n" +
		"2022-10-03,OOO TEKHKRIM,18 t,\"$98,765.43\",\"1,200 PCS\"\n" +
		"2022-10-04,OOO ALFA,\"1,5 тонн\",\"1 234,56 руб.\",15 шт.\n" +
		"2022-10-05,OOO BETA,24 MT,\"USD 1,234\",3\n" +
		"2022-10-06,OOO GAMMA,\"12,5 kg\",€500,2\n" +
		"2022-10-07,OOO DELTA,100,\"($1,234.00)\",1\n"},
	{"units-conflict-csv", "input.csv", "Date,Consignee,Net weight (kg),Value USD\n" +
		"2022-10-03,OOO TEKHKRIM,18 t,50000\n" +
		"2022-10-04,OOO ALFA,1200,€30000\n" +
		"2022-10-05,OOO BETA,5 PCS,100\n"},
	{"decimal-tonnes-csv", "input.csv", "Date,Consignee,Net weight (t),Value USD\n" +
		"2022-10-03,OOO TEKHKRIM,3.471,50000\n" +
		"2022-10-04,OOO ALFA,2.105,30000\n" +
		"2022-10-05,OOO BETA,1.250,2000\n"},
	{"decimal-kg-ambiguous-csv", "input.csv", "Date,Consignee,Net weight (kg),Value USD\n" +
		"2022-10-03,OOO TEKHKRIM,3.471,50000\n" +
		"2022-10-04,OOO ALFA,2.105,30000\n" +
		"2022-10-05,OOO BETA,1.250,2000\n"},
	{"decimal-file-votes-csv", "input.csv", "Date,Consignee,Net weight (kg),Value USD\n" +
		"2022-10-03,OOO TEKHKRIM,3.471,50000.50\n" +
		"2022-10-04,OOO ALFA,2.105,30000.25\n" +
		"2022-10-05,OOO BETA,1.250,2000.00\n"},
}

// officeLayouts are CSVs LibreOffice converts to xlsx, as a user who opens
// a portal's CSV and saves it does: numbers typed as numbers, so an HS
// code loses its leading zero.
var officeLayouts = []textLayout{
	{"hscode-lost-zero-libreoffice", "", "Date,Importer,HS Code,Net Weight (kg),Value USD\n" +
		"2022-10-03,OOO RYBA,0303540000,1200.5,50000\n" +
		"2022-10-05,OOO RYBA,0306179100,800,30000\n" +
		"2022-10-06,OOO TECH,8517620009,100,2000\n"},
	{"total-label-libreoffice", "", "Date,Importer,Exporter,Net Weight (kg),Gross Weight (kg),Value USD\n" +
		"2022-10-03,OOO RYBA,NORD FISH,1200.5,1300,50000\n" +
		"2022-10-05,OOO RYBA,NORD FISH,800,850,30000\n" +
		"Grand Total,,,2000.5,2150,80000\n"},
}

func libreOffice(dir, text string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "layout")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	csv := filepath.Join(tmp, "input.csv")
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("soffice", "--headless", "-env:UserInstallation=file://"+tmp+"/profile",
		"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", tmp, csv)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("soffice: %v: %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(tmp, "input.xlsx"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "input.xlsx"), b, 0o644)
}

func save(f *excelize.File, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return f.SaveAs(filepath.Join(dir, "input.xlsx"))
}

func rows(f *excelize.File, sheet string, rr [][]any) {
	for i, r := range rr {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(sheet, cell, &r)
	}
}

// totalSumFormula: groups closed by SUBTOTAL rows and a SUM grand total,
// with no label anywhere, as a hand-made register has them.
func totalSumFormula() error {
	f := excelize.NewFile()
	rows(f, "Sheet1", [][]any{
		{"Date", "Consignee", "HS Code", "Net weight (kg)", "Value USD"},
		{"2022-10-03", "OOO TEKHKRIM", "930200", 1200.5, 50000},
		{"2022-10-05", "OOO TEKHKRIM", "930200", 800, 30000},
		{nil, nil, nil, nil, nil},
		{"2022-10-07", "OOO ALFA", "847130", 150, 12000},
		{"2022-10-08", "OOO ALFA", "847130", 50, 3000},
		{nil, nil, nil, nil, nil},
		{nil, nil, nil, nil, nil},
	})
	for _, c := range []string{"D", "E"} {
		f.SetCellFormula("Sheet1", c+"4", "SUBTOTAL(9,"+c+"2:"+c+"3)")
		f.SetCellFormula("Sheet1", c+"7", "SUBTOTAL(9,"+c+"5:"+c+"6)")
		f.SetCellFormula("Sheet1", c+"8", "SUM("+c+"2:"+c+"3,"+c+"5:"+c+"6)")
	}
	return save(f, "total-sum-formula-excelize")
}

// totalLanguages: one sheet per language, each closed by its own label.
func totalLanguages() error {
	f := excelize.NewFile()
	labels := []struct{ sheet, label string }{{"TR", "Genel Toplam"}, {"UA", "Разом:"}, {"ZH", "合计"}, {"KZ", "Барлығы"}, {"ES", "Total general"}}
	for i, l := range labels {
		if i == 0 {
			f.SetSheetName("Sheet1", l.sheet)
		} else {
			f.NewSheet(l.sheet)
		}
		rows(f, l.sheet, [][]any{
			{"Date", "Consignee", "Net weight (kg)", "Value USD"},
			{"2022-10-03", "FIRMA A", 1000, 5000},
			{"2022-10-04", "FIRMA B", 500, 2500},
			{l.label, nil, 1500, 7500},
		})
	}
	return save(f, "total-languages-excelize")
}

// notDataNotes: a data sheet, a notes sheet whose Consignee header sits
// over sentences, and a lookup of HS chapters without figures.
func notDataNotes() error {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Data")
	rows(f, "Data", [][]any{
		{"Date", "Consignee", "Net weight (kg)", "Value USD"},
		{"2022-10-03", "OOO TEKHKRIM", 1200, 50000},
		{"2022-10-04", "OOO ALFA", 800, 30000},
	})
	f.NewSheet("Notes")
	rows(f, "Notes", [][]any{
		{"Consignee", "Note"},
		{"OOO TEKHKRIM", "Checked against the register on 12 May; 2 shipments missing."},
		{"OOO ALFA", "Name spelled OOO ALFA-M in 2021 filings."},
	})
	f.NewSheet("Codes")
	rows(f, "Codes", [][]any{
		{"HS Code", "Description", "Quantity"},
		{"0303", "Frozen fish", "see note"},
		{"9302", "Revolvers and pistols", "n/a"},
	})
	return save(f, "notdata-notes-sheet-excelize")
}

// currencyFormat: a Value column whose header names no currency but whose
// cells show "$#,##0.00".
func currencyFormat() error {
	f := excelize.NewFile()
	rows(f, "Sheet1", [][]any{
		{"Date", "Consignee", "Net weight (kg)", "Value"},
		{"2022-10-03", "OOO TEKHKRIM", 1200, 50000.5},
		{"2022-10-04", "OOO ALFA", 800, 30000},
	})
	code := `"$"#,##0.00`
	st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return err
	}
	f.SetCellStyle("Sheet1", "D2", "D3", st)
	return save(f, "units-currency-format-excelize")
}

// hiddenRowsCols: XML written by hand, as an auto-filter leaves it: a
// hidden stale "Net weight" column before the visible one, and two rows
// hidden by the filter.
func hiddenRowsCols() error {
	row := func(n int, hidden bool, cells ...string) string {
		h := ""
		if hidden {
			h = ` hidden="1"`
		}
		var b strings.Builder
		fmt.Fprintf(&b, `<row r="%d"%s>`, n, h)
		for i, c := range cells {
			if c == "" {
				continue
			}
			ref := string(rune('A'+i)) + fmt.Sprint(n)
			if strings.HasPrefix(c, "#") {
				fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, c[1:])
			} else {
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, c)
			}
		}
		return b.String() + "</row>"
	}
	sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="3" max="3" width="0" hidden="1" customWidth="1"/></cols><sheetData>` +
		row(1, false, "Date", "Consignee", "Net weight (kg)", "Net weight (kg)", "Value USD") +
		row(2, false, "2022-10-03", "OOO TEKHKRIM", "#9999", "#1200", "#50000") +
		row(3, true, "2022-10-04", "OOO ALFA", "#9999", "#800", "#30000") +
		row(4, true, "2022-10-05", "OOO BETA", "#9999", "#100", "#2000") +
		row(5, false, "2022-10-06", "OOO GAMMA", "#9999", "#50", "#1000") +
		`</sheetData><autoFilter ref="A1:E5"/></worksheet>`
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Filtered" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet,
	}
	dir := "hidden-rows-cols-handxml"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	out, err := os.Create(filepath.Join(dir, "input.xlsx"))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(out)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		w, err := zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}
