package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// Two value columns of a register: the invoice value in its own currency
// and the customs value in national currency. Invented register, not a
// real file.
func TestInvoiceOrCustomsValue(t *testing.T) {
	t.Parallel()
	const csv = "Declaration;Consignee;Invoice value;Currency;Customs value, UAH\n" +
		"UA500100/2023/000001;Alpha;1000;USD;36500\n" +
		"UA500100/2023/000002;Beta;2000;EUR;78000\n" +
		"UA500100/2023/000003;Gamma;;EUR;40000\n"
	path := writeFile(t, "register.csv", []byte(csv))
	type row struct {
		value    float64
		currency string
		customs  bool // flagged customs_value_used
	}
	for _, tt := range []struct {
		name  string
		rates []string
		want  []row
	}{
		{"no rate: invoice values, dollars count", nil,
			[]row{{1000, "USD", false}, {2000, "EUR", false}, {40000, "UAH", true}}},
		{"EUR rate: invoice values", []string{"EUR"},
			[]row{{1000, "USD", false}, {2000, "EUR", false}, {40000, "UAH", true}}},
		{"UAH rate only: customs value where the invoice cannot convert", []string{"UAH"},
			[]row{{1000, "USD", false}, {78000, "UAH", true}, {40000, "UAH", true}}},
		{"both rates: the invoice wins", []string{"EUR", "UAH"},
			[]row{{1000, "USD", false}, {2000, "EUR", false}, {40000, "UAH", true}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sr, recs := readSheet(t, path, "", Options{RateCurrencies: tt.rates})
			if f := fieldOf(sr.Columns(), "Invoice value"); f != reconcile.FieldValue {
				t.Fatalf("Invoice value mapped to %q, want value", f)
			}
			cust := sr.Columns()[4]
			if cust.Field != "" || cust.AltFor != reconcile.FieldValue || !strings.Contains(cust.Reason, "fallback of column C") {
				t.Errorf("customs column = %q alt %q (%s), want unmapped, the invoice value's fallback, saying so", cust.Field, cust.AltFor, cust.Reason)
			}
			if len(recs) != len(tt.want) {
				t.Fatalf("got %d records, want %d", len(recs), len(tt.want))
			}
			for i, w := range tt.want {
				r := recs[i]
				if r.Value.Value != w.value || r.Value.Valid != (w.value != 0) || r.Currency != w.currency || hasFlag(r, reconcile.FieldValue, reconcile.FlagCustomsValueUsed) != w.customs {
					t.Errorf("row %d: value %+v %s flags %v; want %v %s, customs_value_used %v", i+2, r.Value, r.Currency, r.Flags, w.value, w.currency, w.customs)
				}
			}
		})
	}
}

// Where the customs value is in USD (Russia's statistical value), both
// are read into their own fields, as before; a user's mapping decides
// alone.
func TestValuePairsLeftAlone(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		headers []string
		over    map[int]ColumnOverride
		want    map[string]reconcile.Field
	}{
		{"statistical value in USD beside the invoice", []string{"Фактурная стоимость", "Валюта", "Статистическая стоимость, USD"}, nil,
			map[string]reconcile.Field{"Фактурная стоимость": reconcile.FieldValue, "Статистическая стоимость, USD": reconcile.FieldValueUSD}},
		{"no currency column: the customs value", []string{"Invoice value", "Customs value, UAH"}, nil,
			map[string]reconcile.Field{"Invoice value": "", "Customs value, UAH": reconcile.FieldValue}},
		{"user mapped the customs value", []string{"Invoice value", "Currency", "Customs value, UAH"}, map[int]ColumnOverride{2: {Field: reconcile.FieldValue}},
			map[string]reconcile.Field{"Invoice value": "", "Customs value, UAH": reconcile.FieldValue}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cols, _ := resolveColumns(tt.headers, nil, tt.over, nil)
			for h, want := range tt.want {
				if got := fieldOf(cols, h); got != want {
					t.Errorf("%s mapped to %q, want %q", h, got, want)
				}
			}
		})
	}
}
