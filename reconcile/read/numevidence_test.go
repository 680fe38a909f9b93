package read

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestLoneSeparatorEvidence reads a weight column whose "1,125" could be
// 1.125 or 1125, under each kind of evidence a careful reader uses. The
// first row is the one with the lone separator; want is its weight in
// kg, or -1 when nothing decides (flagged ambiguous_number, left out).
func TestLoneSeparatorEvidence(t *testing.T) {
	en := []any{"Date", "Consignee", "Net weight, kg"}
	enT := []any{"Date", "Consignee", "Net weight, t"}
	ru := []any{"Дата", "Получатель", "Вес нетто, кг"}
	ruT := []any{"Дата", "Получатель", "Вес нетто, т"}
	tests := []struct {
		name    string
		header  []any
		cells   []any // weights of rows 2.., the first is the "1,125"-like cell
		total   any   // nil for no total row
		mapping map[int]ColumnOverride
		want    float64
		why     string // in the column's Reason
	}{
		// The new user's LibreOffice-converted Russian register: typed
		// numbers beside one text cell. Old code let the typed cells vote
		// for a decimal point and read 1,125 t.
		{name: "typed numbers are no vote (tonnes)", header: ruT, cells: []any{"1,125", 3.75, 0.48, 6.2}, total: 11.555, want: 1125},
		{name: "total row decides decimals", header: en, cells: []any{"1,125", "2,250", 3}, total: 6.375, want: 1.125, why: "total row"},
		{name: "total row decides thousands", header: en, cells: []any{"1,125", "2,250", 3}, total: 3378, want: 1125, why: "total row"},
		{name: "total row beats the unit", header: enT, cells: []any{"1,125", "2,250", 3}, total: 3378, want: 1125e3, why: "total row"},
		{name: "magnitudes of typed numbers", header: en, cells: []any{"1,125", 3.75, 0.48, 6.2}, want: 1.125, why: "typed numbers run"},
		{name: "magnitudes say thousands", header: en, cells: []any{"1,125", 3750, 480, 6200}, want: 1125, why: "typed numbers run"},
		{name: "header language writes a decimal comma", header: ru, cells: []any{"1,125", "2,250"}, want: 1.125, why: "decimal comma"},
		{name: "other text cells decide", header: en, cells: []any{"1,125", "2.500,5"}, want: 1.125},
		{name: "nothing decides", header: en, cells: []any{"1,125", "2,250"}, want: -1},
		{name: "total that fits neither decides nothing", header: en, cells: []any{"1,125", "2,250"}, total: 99, want: -1},
		{name: "the user's decimal point", header: en, cells: []any{"1,125", "2,250"}, mapping: map[int]ColumnOverride{2: {Decimal: "point"}}, want: 1125},
		{name: "the user's decimal comma beats the total", header: en, cells: []any{"1,125", "2,250", 3}, total: 3378, mapping: map[int]ColumnOverride{2: {Decimal: "comma"}}, want: 1.125},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := sheetRows{1: tt.header}
			for k, w := range tt.cells {
				rows[k+2] = []any{fmt.Sprintf("2022-10-%02d", k+3), fmt.Sprintf("FIRM %c LLC", 'A'+k), w}
			}
			if tt.total != nil {
				rows[len(tt.cells)+2] = []any{"Total", nil, tt.total}
			}
			path := writeXLSX(t, "w.xlsx", []string{"S"}, map[string]sheetRows{"S": rows}, nil)
			sr, recs := readSheet(t, path, "S", Options{Mapping: tt.mapping})
			if len(recs) != len(tt.cells) {
				t.Fatalf("%d records, want %d", len(recs), len(tt.cells))
			}
			got := recs[0].NetKg
			if tt.want < 0 {
				if got.Valid || !hasFlag(recs[0], reconcile.FieldNetWeight, reconcile.FlagAmbiguousNumber) {
					t.Fatalf("net %v valid=%v flags %v: want left out and flagged ambiguous_number", got.Value, got.Valid, recs[0].Flags)
				}
				asks := false
				for _, w := range sr.Warnings() {
					asks = asks || w.Fix == reconcile.FixDecimalSeparator && w.Column > 0 && !strings.Contains(w.Text, "--")
				}
				if !asks {
					t.Errorf("warnings %v do not ask for the column's decimal separator (without a flag: the app shows the text)", sr.Warnings())
				}
				return
			}
			if !got.Valid || math.Abs(got.Value-tt.want) > 1e-9 {
				t.Fatalf("net = %v (valid %v, flags %v), want %v", got.Value, got.Valid, recs[0].Flags, tt.want)
			}
			if hasFlag(recs[0], reconcile.FieldNetWeight, reconcile.FlagAmbiguousNumber) {
				t.Errorf("settled cell still flagged ambiguous_number")
			}
			if reason := sr.Columns()[2].Reason; !strings.Contains(reason, tt.why) {
				t.Errorf("column reason %q does not say %q", reason, tt.why)
			}
		})
	}
}

// TestCellUnitsEuropeanColumn: a column whose cells carry their own
// units and write the European convention ("2.500,5 kg", "12,5 MT")
// reads "1.250 KG" as 1,250 kg, not 1.25 (the new user's V11 column).
func TestCellUnitsEuropeanColumn(t *testing.T) {
	cells := []string{"1.250 KG", "12,5 MT", "2.500,5 kg", "3 250 KGS", "1,5 T", "0,75 t", "1.500 LBS", "2500"}
	want := []float64{1250, 12500, 2500.5, 3250, 1500, 750, 680.388555, 2500}
	rows := sheetRows{1: {"Date", "Shipper", "Gross Weight"}}
	for k, c := range cells {
		rows[k+2] = []any{fmt.Sprintf("2022-10-%02d", k+3), fmt.Sprintf("FIRM%d", k), c}
	}
	path := writeXLSX(t, "w.xlsx", []string{"S"}, map[string]sheetRows{"S": rows}, nil)
	_, recs := readSheet(t, path, "S", Options{})
	for k, rec := range recs {
		t.Run(cells[k], func(t *testing.T) {
			if !rec.GrossKg.Valid || math.Abs(rec.GrossKg.Value-want[k]) > 1e-3 {
				t.Errorf("gross %v (valid %v, flags %v), want %v", rec.GrossKg.Value, rec.GrossKg.Valid, rec.Flags, want[k])
			}
		})
	}
}
