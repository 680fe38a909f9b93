package claims

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/workbook"
)

// TestSheetRowLimit: a claim whose shipments no longer fit under Excel's
// row limit keeps the engine's figure as a plain value and says why;
// claims before it keep their formulas.
func TestSheetRowLimit(t *testing.T) {
	t.Parallel()
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 20
	d := testData(baseShips())
	vs := CheckAll(d, []Claim{
		claim(Tonnes, MoreThan, 5, armourJuneDec),                       // 3 in scope, 3 near: fits
		claim(Tonnes, AtLeast, 0, Filters{Destination: []string{"RU"}}), // 9 in scope: does not fit
	})
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	shipRow := map[string]int{}
	for i, sh := range d.Shipments {
		shipRow[sh.ID] = i + 2
	}
	cs := &workbook.ClaimsSheet{SW: sw, NextRow: 2, ShipmentRow: shipRow, LastRow: len(d.Shipments) + 1,
		Column: map[string]string{"Shipment ID": "A", "Tonnes": "N", "Value USD": "O", "Quantity": "AF", "Quantity unit": "AG"}}
	if err := (&Sheet{Verdicts: vs}).Write(cs); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if fl, _ := f.GetCellFormula("Sheet1", "H2"); fl != "SUMPRODUCT(SUMIFS(Shipments!$N$2:$N$10,Shipments!$A$2:$A$10,$C$7:$C$9))" {
		t.Errorf("first claim's formula: got %q, want SUMIFS over C7:C9", fl)
	}
	if fl, _ := f.GetCellFormula("Sheet1", "H3"); fl != "" {
		t.Errorf("second claim: got formula %q, want a plain value", fl)
	}
	if v, _ := f.GetCellValue("Sheet1", "H3", excelize.Options{RawCellValue: true}); v != "15.27" {
		t.Errorf("second claim's figure: got %q, want 15.27", v)
	}
	if note, _ := f.GetCellValue("Sheet1", "O3"); !strings.Contains(note, "row limit") {
		t.Errorf("second claim's note: got %q, want it to explain the row limit", note)
	}
}
