package workbook

import (
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
)

// Weights converted from pounds are stored to the gram (kg to 3
// decimals, tonnes to 6: more digits are float noise a cell must not
// show, see kgDecimals) and show through their number format: kilograms
// to the gram without a stray point, tonnes to the kilogram; a float32
// match score is written without its noise and shown to two decimals.
func TestNumberFormats(t *testing.T) {
	d := testData(t)
	const kg = 1697.6 * 0.45359237 // 1,697.6 lb
	d.Merge.Shipments[0].Tonnes = reconcile.Num(kg / 1000)
	d.Records[d.Merge.Shipments[0].Rows[0]].NetKg = reconcile.Num(kg)
	d.Names.Review = []match.Pair{{A: 0, B: 1, Score: float64(float32(0.88)), Reasons: []string{"test"}}}
	f := writeAndOpen(t, d)
	format := func(sheet, cell string) string {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil {
			return ""
		}
		return *st.CustomNumFmt
	}
	col := func(header string) string { return col(ShipmentsHeader, header) }
	for _, tc := range []struct {
		name, sheet, cell, format string
		value                     float64
	}{
		{"net kg to the gram", SheetShipments, col("Net kg") + "2", "#,##0.0##", 770.018},
		{"tonnes to the gram", SheetShipments, col("Tonnes") + "2", "#,##0.000", 0.770018},
		{"a whole number of kg", SheetShipments, col("Net kg") + "3", "#,##0.0##", 2000},
		{"review score without float32 noise", SheetReview, "G2", "0.00", 0.88},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := format(tc.sheet, tc.cell); got != tc.format {
				t.Errorf("%s!%s format %q, want %q", tc.sheet, tc.cell, got, tc.format)
			}
			s, err := f.GetCellValue(tc.sheet, tc.cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if v, err := strconv.ParseFloat(s, 64); err != nil || v != tc.value {
				t.Errorf("%s!%s = %q, want %v", tc.sheet, tc.cell, s, tc.value)
			}
		})
	}
	if got := format(SheetSummary, "E2"); got != "#,##0.000" {
		t.Errorf("Summary tonnes format %q", got)
	}
}
