package read

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestBannerUnits: units stated once above the header apply to headers
// that state none (the new user's V7 file read 3.75 t as 3.75 kg and
// USD 168.5 thousand as 168.5), and never override a header's own unit
// or the user's.
func TestBannerUnits(t *testing.T) {
	for _, tt := range []struct {
		name         string
		banner       string
		weightHeader string
		valueHeader  string
		mapping      map[int]ColumnOverride
		kg, usd      float64 // of the first row: 3.75 and 168.5 as written
	}{
		{name: "russian statistics office", banner: "Единицы измерения: вес нетто — тонн; стоимость — тыс. долл. США",
			weightHeader: "Вес нетто", valueHeader: "Стоимость, USD", kg: 3750, usd: 168500},
		{name: "english, two rows", banner: "Weight in tonnes\nValue: USD thousand",
			weightHeader: "Net weight", valueHeader: "Value USD", kg: 3750, usd: 168500},
		{name: "header's own unit wins", banner: "Weight in tonnes; value in USD thousand",
			weightHeader: "Net weight, kg", valueHeader: "Value, USD million", kg: 3.75, usd: 168.5e6},
		{name: "user's unit wins", banner: "Weight in tonnes; value in USD thousand",
			weightHeader: "Net weight", valueHeader: "Value USD", mapping: map[int]ColumnOverride{2: {Unit: "kg"}, 3: {Unit: "1"}}, kg: 3.75, usd: 168.5},
		{name: "a banner that names no unit", banner: "Экспорт Республики Казахстан в Российскую Федерацию",
			weightHeader: "Net weight", valueHeader: "Value USD", kg: 3.75, usd: 168.5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := sheetRows{1: {"Report"}, 3: {"Date", "Consignee", tt.weightHeader, tt.valueHeader}}
			lines := strings.Split(tt.banner, "\n")
			rows[2] = []any{lines[0]}
			if len(lines) > 1 {
				rows[1] = []any{lines[1]}
			}
			rows[4] = []any{"2022-09-12", "OOO ALFA", 3.75, 168.5}
			rows[5] = []any{"2022-09-13", "OOO BETA", 1.125, 204.3}
			path := writeXLSX(t, "v7.xlsx", []string{"S"}, map[string]sheetRows{"S": rows}, nil)
			sr, recs := readSheet(t, path, "S", Options{Mapping: tt.mapping})
			if len(recs) != 2 {
				t.Fatalf("%d records, want 2", len(recs))
			}
			r := recs[0]
			if !r.NetKg.Valid || math.Abs(r.NetKg.Value-tt.kg) > 1e-9 || !r.ValueUSD.Valid || math.Abs(r.ValueUSD.Value-tt.usd) > 1e-6 {
				t.Fatalf("net %v kg, USD %v; want %v kg, %v (columns %+v)", r.NetKg.Value, r.ValueUSD.Value, tt.kg, tt.usd, sr.Columns())
			}
			fromBanner := tt.kg == 3750
			if noted := strings.Contains(fmt.Sprint(sr.Warnings()), "units stated above the header"); noted != fromBanner {
				t.Errorf("note on the banner's units %v, want %v: %v", noted, fromBanner, sr.Warnings())
			}
		})
	}
}
