package read

import (
	"fmt"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestUnknownTotalLabel: two shipments and a row with a label and their
// sums (the new user's V9 files). Whatever the label — one the
// vocabulary lacks, or one a code page turned into question marks — the
// row is a total when its figures add up, and is counted but warned
// about when they do not.
func TestUnknownTotalLabel(t *testing.T) {
	for _, tt := range []struct {
		label       string
		col         int // 0: date column, 2: importer column
		weight, usd float64
		total       bool
	}{
		{"Jami", 0, 3750, 514000, true},
		{"Összesen", 0, 3750, 514000, true},
		{"Σύνολο", 0, 3750, 514000, true},
		{"????? ?? ??????", 0, 3750, 514000, true},
		{"Hammasi", 0, 3750, 514000, true},  // a label no list holds
		{"Hammasi", 2, 3750, 514000, false}, // in a party column: a firm's name
		{"Hammasi", 0, 3750, 999999, false}, // adds up to nothing
		{"????? ?? ??????", 0, 9999, 514000, false},
	} {
		t.Run(fmt.Sprintf("%s in column %d, %v", tt.label, tt.col, tt.total), func(t *testing.T) {
			last := []any{nil, nil, nil, nil, nil, nil, tt.weight, tt.usd}
			last[tt.col] = tt.label
			rows := sheetRows{
				1: {"Date", "Exporter", "Importer", "Origin", "Destination", "HS Code", "Gross Weight (kg)", "Value (USD)"},
				2: {"2022-10-31", "FALCON DRONE TRADING FZE", "AEROKOMPLEKT LLC", "China", "Russia", "880730", 1250, 94000},
				3: {"2022-11-19", "FALCON DRONE TRADING FZE", "AEROKOMPLEKT LLC", "China", "Russia", "880622", 2500, 420000},
				4: last,
			}
			path := writeXLSX(t, "v9.xlsx", []string{"Export"}, map[string]sheetRows{"Export": rows}, nil)
			sr, recs := readSheet(t, path, "Export", Options{})
			skipped := false
			for _, s := range sr.Skipped() {
				if s.Row == 4 && s.Reason == reconcile.SkipTotal {
					skipped = true
				}
			}
			warned := strings.Contains(fmt.Sprint(sr.Warnings()), "row(s) 4 (")
			if tt.total {
				if !skipped || len(recs) != 2 {
					t.Fatalf("row 4 not skipped as a total row: %d records, skips %v", len(recs), sr.Skipped())
				}
				return
			}
			if skipped || len(recs) != 3 || tt.col != 2 && !warned {
				t.Fatalf("a row that adds up to nothing: skipped %v, %d records, warnings %v; want it read and warned about", skipped, len(recs), sr.Warnings())
			}
		})
	}
}
