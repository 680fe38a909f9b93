package totals

import (
	"fmt"
	"testing"
)

func TestUSDText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		m    Measures
		want string
	}{
		{"all known", Measures{Shipments: 3, ValueUSD: 100}, "$100"},
		{"all in a currency without rate", Measures{Shipments: 8, NoUSD: 8, NoUSDCur: map[string]int{"UAH": 8}}, "USD unknown: 8 values in UAH have no USD rate"},
		{"one unknown", Measures{Shipments: 1, NoUSD: 1, NoUSDCur: map[string]int{"": 1}}, "USD unknown: 1 value of unknown currency has no USD rate"},
		{"part known", Measures{Shipments: 8, ValueUSD: 1092450, NoUSD: 4, NoUSDCur: map[string]int{"EUR": 4}}, "$1092450 (leaves out 4 values in EUR: no USD rate)"},
		{"two currencies", Measures{Shipments: 6, ValueUSD: 5, NoUSD: 5, NoUSDCur: map[string]int{"EUR": 4, "": 1}}, "$5 (leaves out 5 values (1 of unknown currency, 4 in EUR): no USD rate)"},
		{"no value at all", Measures{Shipments: 2, NoValue: 2}, "USD unknown: 2 shipments have no value"},
		{"some without value", Measures{Shipments: 2, NoValue: 1, ValueUSD: 7}, "$7"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.USDText("$" + fmtInt(tt.m.ValueUSD)); got != tt.want {
				t.Errorf("USDText = %q, want %q", got, tt.want)
			}
		})
	}
}

func fmtInt(v float64) string { return fmt.Sprintf("%.0f", v) }

func TestAddValues(t *testing.T) {
	t.Parallel()
	var sum Measures
	sum.AddValues(&Measures{Shipments: 2, ValueUSD: 10})
	sum.AddValues(&Measures{Shipments: 3, NoUSD: 3, NoUSDCur: map[string]int{"UAH": 3}})
	if got, want := sum.USDText("$10"), "$10 (leaves out 3 values in UAH: no USD rate)"; got != want {
		t.Errorf("USDText over two parts = %q, want %q", got, want)
	}
}
