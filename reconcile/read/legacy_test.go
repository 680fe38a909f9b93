package read

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"tradecheck/internal/testenv"
	"tradecheck/reconcile"
)

func TestHTMLTable(t *testing.T) {
	t.Parallel()
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>
<table><tr><td><table><tr><td>logo</td></tr></table></td></tr></table>
<table border=1>
<thead><tr><th rowspan=2>Получатель</th><th colspan=2>Вес, кг</th><th rowspan=2>Код ТН ВЭД</th></tr>
<tr><th>нетто</th><th>брутто</th></tr></thead>
<tbody><tr><td>ООО Ромашка</td><td>1 200,5</td><td>1 300</td><td>0303540000</td></tr>
<tr style="display: none"><td>ООО Скрытая</td><td>5</td><td>6</td><td>8517620009</td></tr>
<tr><td>АО Лютик<br>Москва</td><td>20</td><td>22</td><td>8517620009</td></tr></tbody></table></body></html>`
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "portal.xls")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Format() != "html" || w.Encoding() != "windows-1251" {
		t.Errorf("format %q encoding %q, want html windows-1251", w.Format(), w.Encoding())
	}
	if got := w.Sheets(); len(got) != 2 {
		t.Errorf("sheets %q: want the logo table and the data table", got)
	}
	w.Close()
	f := readAll(t, path, Options{})
	var data *SheetResult
	for i := range f.Sheets {
		if len(f.Sheets[i].Records) > 0 {
			data = &f.Sheets[i]
		}
	}
	if data == nil {
		t.Fatalf("no records: %+v", f.Sheets)
	}
	if len(data.Records) != 3 {
		t.Fatalf("got %d records, want 3 (the hidden one flagged, still read)", len(data.Records))
	}
	r := data.Records[0]
	if r.Consignee.Name() != "ООО Ромашка" || r.NetKg.Value != 1200.5 || r.GrossKg.Value != 1300 || r.HSCode != "0303540000" {
		t.Errorf("first record: %q net %v gross %v hs %q", r.Consignee.Name(), r.NetKg, r.GrossKg, r.HSCode)
	}
	if got := data.Records[2].Consignee.Name(); got != "АО Лютик Москва" {
		t.Errorf("a <br> inside a cell: %q", got)
	}
}

func TestXML2003(t *testing.T) {
	t.Parallel()
	doc := `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Notes"><Table><Row><Cell><Data ss:Type="String">Exported by the portal</Data></Cell></Row></Table></Worksheet>
 <Worksheet ss:Name="Data"><Table>
  <Row ss:Index="2"><Cell><Data ss:Type="String">Importer</Data></Cell><Cell><Data ss:Type="String">Date</Data></Cell><Cell ss:Index="4"><Data ss:Type="String">Net weight (kg)</Data></Cell><Cell><Data ss:Type="String">HS code</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">Acme Ltd</Data></Cell><Cell><Data ss:Type="DateTime">2022-10-03T00:00:00.000</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">1200.5</Data></Cell><Cell><Data ss:Type="String">0303540000</Data></Cell></Row>
  <Row><Cell ss:MergeAcross="1"><Data ss:Type="String">Beta &amp; Co</Data></Cell><Cell ss:Index="4"><Data ss:Type="Number">2E1</Data></Cell><Cell><Data ss:Type="String">8517620009</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>`
	path := filepath.Join(t.TempDir(), "export.xls")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	f := readAll(t, path, Options{})
	if f.Format != "xml2003" || len(f.Sheets) != 2 || f.Sheets[1].Sheet != "Data" {
		t.Fatalf("format %q sheets %v", f.Format, sheetNames(f))
	}
	s := f.Sheets[1]
	if s.HeaderRow != 2 || len(s.Records) != 2 {
		t.Fatalf("header row %d, %d records", s.HeaderRow, len(s.Records))
	}
	r := s.Records[0]
	if r.Consignee.Name() != "Acme Ltd" || r.Date.String() != "2022-10-03" || r.NetKg.Value != 1200.5 || r.HSCode != "0303540000" {
		t.Errorf("first record: %q %s %v %q", r.Consignee.Name(), r.Date, r.NetKg, r.HSCode)
	}
	if r := s.Records[1]; r.Consignee.Name() != "Beta & Co" || r.NetKg.Value != 20 {
		t.Errorf("second record: %q %v", r.Consignee.Name(), r.NetKg)
	}
}

// needSoffice skips a test that converts through LibreOffice when it is
// not installed, except on CI, where scripts/setup.sh installs it.
func needSoffice(t *testing.T) {
	t.Helper()
	if sofficePath() == "" {
		testenv.Skip(t, "LibreOffice (soffice) is not installed: scripts/setup.sh installs libreoffice-calc")
	}
}

// TestConvertedOnce reads an .ods (LibreOffice's, from the layout corpus)
// twice: one conversion, reported through Options.Converting, the input
// untouched, no lock file beside it.
func TestConvertedOnce(t *testing.T) {
	t.Parallel()
	needSoffice(t)
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join("testdata", "layouts", "fmt-ods-pt", "di.ods"))
	if err != nil {
		t.Fatal(err)
	}
	ods := filepath.Join(dir, "di.ods")
	if err := os.WriteFile(ods, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	conversions.Lock()
	n0 := conversions.n
	conversions.Unlock()
	var told atomic.Int32
	for i := 0; i < 2; i++ {
		f := readAll(t, ods, Options{Converting: func() { told.Add(1) }})
		if f.Format != "ods" || len(f.Sheets) != 1 || len(f.Sheets[0].Records) != 2 || f.Sheets[0].Records[0].NetKg.Value != 1300 {
			t.Fatalf("read %d: format %q %+v", i, f.Format, f.Sheets)
		}
	}
	conversions.Lock()
	n := conversions.n - n0
	conversions.Unlock()
	if n != 1 {
		t.Errorf("%d conversions for two reads of one file, want 1", n)
	}
	if told.Load() == 0 {
		t.Error("the conversion was not reported through Options.Converting")
	}
	after, _ := os.ReadFile(ods)
	if !bytes.Equal(orig, after) {
		t.Error("the input file changed")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "di.ods" {
			t.Errorf("a file was left beside the input: %s", e.Name())
		}
	}
}

func TestSofficeNotInstalled(t *testing.T) {
	t.Setenv(SofficeEnv, "none")
	dir := t.TempDir()
	path := filepath.Join(dir, "old.xls")
	if err := os.WriteFile(path, legacyXLS(t), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	var re *reconcile.Error
	if !errors.Is(err, reconcile.ErrLegacyXLS) || !errors.As(err, &re) || !strings.Contains(re.Hint, "LibreOffice") || !strings.Contains(re.Hint, ".xlsx") {
		t.Errorf("got %v, want ErrLegacyXLS saying LibreOffice is needed or to save as .xlsx", err)
	}
}
