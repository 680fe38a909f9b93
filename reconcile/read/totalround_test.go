package read

import (
	"strings"
	"testing"
)

// A portal's unlabelled total row worked out from unrounded pounds is a
// pound or two off the sum of the rounded cells. Typed numbers keep no raw
// text in the record, so the rounding allowance must come from the cells:
// without it the total became a fourth "shipment" and doubled the tonnes.
func TestRoundedTotalOfTypedNumbers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		total   []any
		records int
		check   string
	}{
		{"within the rounding of three cells", []any{nil, nil, 37651, 320588.43}, 3, "total row 5 matches the 3 rows read"},
		{"far beyond it is a row, not a total", []any{nil, nil, 37700, 320588.43}, 4, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, "lb.xlsx", []string{"Data"}, map[string]sheetRows{"Data": {
				1: {"Date", "Buyer", "Gross Weight (lbs)", "Value (USD)"},
				2: {"2022-03-01", "OOO TEKHKRIM", 16388, 95000.34},
				3: {"2022-03-04", "AGROPROM LLC", 5475, 107696.5},
				4: {"2022-03-09", "OOO URALMASHSNAB", 15787, 117891.59},
				5: tt.total,
			}}, nil)
			sr, recs := readSheet(t, path, "Data", Options{})
			if len(recs) != tt.records {
				t.Errorf("got %d records, want %d", len(recs), tt.records)
			}
			var checks []string
			for _, c := range sr.TotalChecks() {
				checks = append(checks, c.String())
			}
			got := strings.Join(checks, "; ")
			if tt.check != "" && !strings.Contains(got, tt.check) || tt.check == "" && got != "" {
				t.Errorf("checks %q, want %q", got, tt.check)
			}
		})
	}
}
