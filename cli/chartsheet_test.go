package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A workbook with a chart sheet beside its data (what Excel users make
// to show a monthly bar) used to stop reconcile and check -o with
// "this is a chart sheet, not a table": no audit workbook for any file.
func TestChartSheetDoesNotStopTheWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"},
		{"10702/010922/001", "2022-09-01", "ALFA LLC", 1000, 10000},
		{"10702/020922/002", "2022-09-02", "ALFA LLC", 2000, 20000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.AddChartSheet("Chart1", &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Sheet1!$D$1", Categories: "Sheet1!$C$2:$C$3", Values: "Sheet1!$D$2:$D$3"}},
	}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "with_chart.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.xlsx")
	code, stdout, stderr := runRec("reconcile", "-o", out, book)
	if code != ExitOK {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "counted: 2 shipments, 3.000 t") {
		t.Errorf("the data sheet is not counted:\n%s", stdout)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no audit workbook: %v", err)
	}
}
