package workbook

import (
	"testing"

	"tradecheck/reconcile/totals"
)

func TestUSDCell(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name        string
		m           totals.Measures
		value       any
		wantFormula string
	}{
		{"known", totals.Measures{Shipments: 2, ValueUSD: 10}, 10.0, "SUM(E2:E3)"},
		{"partly known", totals.Measures{Shipments: 2, ValueUSD: 10, NoUSD: 1, NoUSDCur: map[string]int{"EUR": 1}}, 10.0, "SUM(E2:E3)"},
		{"none known", totals.Measures{Shipments: 2, NoUSD: 2, NoUSDCur: map[string]int{"UAH": 2}}, "unknown", `IF(COUNT(E2:E3)=0,"unknown",SUM(E2:E3))`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := usdCell(1, "SUM(E2:E3)", "COUNT(E2:E3)", &tt.m)
			if c.Value != tt.value || c.Formula != tt.wantFormula {
				t.Errorf("usdCell = %v / %q, want %v / %q", c.Value, c.Formula, tt.value, tt.wantFormula)
			}
		})
	}
}
