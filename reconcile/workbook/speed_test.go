package workbook

import (
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile/merge"
)

// refFormulaString is formulaString as first written (rune slices
// throughout); the faster version must give the same text.
func refFormulaString(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return `""`
	}
	var parts []string
	for len(r) > 0 {
		n := min(len(r), 250)
		parts = append(parts, `"`+strings.ReplaceAll(string(r[:n]), `"`, `""`)+`"`)
		r = r[n:]
	}
	return strings.Join(parts, "&")
}

func TestFormulaStringMatchesReference(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"quotes", `say "hi" ""`},
		{"250 ASCII", strings.Repeat("a", 250)},
		{"251 ASCII", strings.Repeat("a", 251)},
		{"200 Cyrillic (400 bytes, one literal)", strings.Repeat("ж", 200)},
		{"300 Cyrillic with quotes", strings.Repeat(`ж"`, 150)},
		{"invalid UTF-8", "ab\xffcd\xfe" + strings.Repeat("x", 300)},
		{"emoji", strings.Repeat("🚢", 260)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := formulaString(tc.in), refFormulaString(tc.in); got != want {
				t.Errorf("got %.80q, want %.80q", got, want)
			}
		})
	}
}

// TestShipmentRowLinks checks the Discrepancies links when shipment IDs
// are where merge puts them and when they are not.
func TestShipmentRowLinks(t *testing.T) {
	t.Parallel()
	d := testData(t)
	shs := d.Merge.Shipments
	if len(shs) < 3 {
		t.Fatalf("got %d shipments, want at least 3", len(shs))
	}
	// Swap two IDs so that one is not at its numbered place.
	shs[0].ID, shs[1].ID = shs[1].ID, shs[0].ID
	d.Merge.Discrepancies = []merge.Discrepancy{
		{Shipment: shs[2].ID, Kind: merge.KindConflict, Used: "x"},
		{Shipment: shs[1].ID, Kind: merge.KindConflict, Used: "x"},
		{Shipment: "", Kind: merge.KindUnparsed, Used: "x"},
		{Shipment: "S999", Kind: merge.KindUnparsed, Used: "x"},
	}
	f := writeAndOpen(t, d)
	for _, tc := range []struct{ cell, wantFormula, wantValue string }{
		{"A2", `HYPERLINK("#Shipments!A4","` + shs[2].ID + `")`, shs[2].ID},
		{"A3", `HYPERLINK("#Shipments!A3","` + shs[1].ID + `")`, shs[1].ID},
		{"A4", "", ""},
		{"A5", "", "S999"},
	} {
		formula, err := f.GetCellFormula(SheetDiscrepancies, tc.cell)
		if err != nil {
			t.Fatal(err)
		}
		value, _ := f.GetCellValue(SheetDiscrepancies, tc.cell)
		if formula != tc.wantFormula || value != tc.wantValue {
			t.Errorf("%s: got formula %q value %q, want %q and %q", tc.cell, formula, value, tc.wantFormula, tc.wantValue)
		}
	}
}

// TestOverflowSheet: a source row past Excel's last row goes to a
// "part 2" sheet, which gets the header, and Shipments links there.
func TestOverflowSheet(t *testing.T) {
	t.Parallel()
	d := testData(t)
	d.Raw = nil
	far := MaxSheetRows + 5
	last := len(d.Records) - 1
	d.Records[last].Source.Row = far
	d.Sheets[0].TotalRows = far
	f := writeAndOpen(t, d)
	part := ""
	for _, s := range f.GetSheetList() {
		if strings.HasSuffix(s, " part 2") {
			part = s
		}
	}
	if part == "" {
		t.Fatalf("no overflow sheet among %v", f.GetSheetList())
	}
	_, row := location(far)
	for _, tc := range []struct{ cell, want string }{
		{"A1", SourceSheetLead[0]},
		{"D1", "Name"},
		{"A" + itoa(row), itoa(far)},
	} {
		if got, _ := f.GetCellValue(part, tc.cell); got != tc.want {
			t.Errorf("%s!%s: got %q, want %q", part, tc.cell, got, tc.want)
		}
	}
	id := d.Merge.Shipments[d.Merge.ShipmentOf[last]].ID
	if got, _ := f.GetCellValue(part, "B"+itoa(row)); got != id {
		t.Errorf("%s!B%d: got shipment %q, want %q", part, row, got, id)
	}
	found := false
	rows, _ := f.GetRows(SheetShipments)
	for i := range rows {
		formula, _ := f.GetCellFormula(SheetShipments, "P"+itoa(i+1))
		if strings.Contains(formula, "part 2'!A"+itoa(row)) {
			found = true
		}
	}
	if !found {
		t.Errorf("no Shipments source link into %s row %d", part, row)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
