package values

import (
	"strings"
	"testing"

	"golang.org/x/text/currency"
)

var currencyTests = []struct {
	name string
	in   string
	want string // "" for ok=false
}{
	{"USD", "USD", "USD"},
	{"usd lower", "usd", "USD"},
	{"dollar sign", "$", "USD"},
	{"US$", "US$", "USD"},
	{"USD with sign", "USD $", "USD"},
	{"руб", "руб", "RUB"},
	{"руб.", "руб.", "RUB"},
	{"рубль", "Рубль", "RUB"},
	{"RUB", "RUB", "RUB"},
	{"RUR", "RUR", "RUB"},
	{"rouble sign", "₽", "RUB"},
	{"EUR", "EUR", "EUR"},
	{"euro sign", "€", "EUR"},
	{"евро", "евро", "EUR"},
	{"CNY", "CNY", "CNY"},
	{"юань", "юань", "CNY"},
	{"RMB", "RMB", "CNY"},
	{"TRY", "TRY", "TRY"},
	{"AED", "AED", "AED"},
	{"долл", "долл.", "USD"},
	{"доллар США", "доллар США", "USD"},
	{"долл. США", "долл. США", "USD"},
	{"numeric RUB", "643", "RUB"},
	{"numeric RUR", "810", "RUB"},
	{"numeric USD", "840", "USD"},
	{"numeric EUR", "978", "EUR"},
	{"numeric CNY", "156", "CNY"},
	{"numeric TRY", "949", "TRY"},
	{"numeric AED", "784", "AED"},
	{"any ISO code", "MNT", "MNT"},
	{"Brazilian real sign", "R$", "BRL"},
	{"English word", "US Dollars", "USD"},

	{"empty", "", ""},
	{"yen sign is ambiguous", "¥", ""},
	{"BYR is not BYN", "BYR", ""},
	{"unknown code", "XYZ", ""},
	{"numeric without zero", "36", ""},
	{"number", "1000", ""},
	{"two currencies", "USD EUR", ""},
	{"sign and other code", "EUR $", ""},
}

func TestCurrency(t *testing.T) {
	t.Parallel()
	for _, tt := range currencyTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Currency(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("Currency(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

// TestCurrencyCodesAreISO checks every code the tables return against
// x/text's ISO 4217 data.
func TestCurrencyCodesAreISO(t *testing.T) {
	t.Parallel()
	// Codes introduced after x/text's table was cut.
	newer := map[string]bool{"MRU": true, "VES": true, "SLE": true, "ZWG": true, "STN": true}
	check := func(from, code string) {
		if _, err := currency.ParseISO(code); err != nil && !newer[code] {
			t.Errorf("%q maps to %q, which x/text does not know as ISO 4217: %v", from, code, err)
		}
	}
	for _, c := range strings.Fields(isoCurrencies) {
		if c != "RUR" {
			check(c, c)
		}
	}
	for k, c := range currencyWords {
		check(k, c)
	}
	for k, c := range currencySymbols {
		check(k, c)
	}
}

var currencyHeaderTests = []struct {
	name string
	in   string
	want string
}{
	{"Value USD", "Value USD", "USD"},
	{"vendor customs value", "CUSTOMS_VALUE_USD", "USD"},
	{"vendor calculated total", "CALCULATED_TOTAL_VALUE_USD", "USD"},
	{"Russian roubles", "Стоимость, руб", "RUB"},
	{"Russian roubles with dot", "Стоимость, руб.", "RUB"},
	{"Russian dollars", "Фактурная стоимость (долл. США)", "USD"},
	{"dollar sign", "Статистическая стоимость, $", "USD"},
	{"US$", "Value (US$)", "USD"},
	{"euro", "Invoice value EUR", "EUR"},
	{"Russian in roubles", "Стоимость в рублях", "RUB"},
	{"camel case", "ValueUsd", "USD"},
	{"currency twice agrees", "Value USD ($)", "USD"},

	{"price per kg is still USD", "USD_PER_KG", "USD"},
	{"Indian rupees", "TOTAL VALUE_INR", "INR"},

	{"no currency", "TOTALVALUE", ""},
	{"dollars and bolivares", "USD_FOB_BOLIVARES", ""},
	{"plain value", "Value", ""},
	{"two currencies", "Value USD / EUR", ""},
	{"kgs is not som", "Weight KGS", ""},
	{"all is not lek", "ALL VALUES", ""},
	{"usd inside word", "USDVALUE", ""},
	{"empty", "", ""},
}

func TestCurrencyInHeader(t *testing.T) {
	t.Parallel()
	for _, tt := range currencyHeaderTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CurrencyInHeader(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("CurrencyInHeader(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestValueScaleInHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"Стоимость, тыс. долл. США", 1e3, true},
		{"Value, USD thousand", 1e3, true},
		{"Value ('000 USD)", 1e3, true},
		{"Стоимость, млн руб", 1e6, true},
		{"STATISTICAL_VALUE_IN_1000_USD", 1e3, true},
		{"Value, th. USD", 1e3, true},
		{"Value (USD k)", 1e3, true},
		{"Value, kUSD", 1e3, true},
		{"Wert, Tsd. EUR", 1e3, true},
		{"Вартість, тис. дол. США", 1e3, true},
		{"Wert, Mio. EUR", 1e6, true},
		{"Value USD", 1, false},
		{"Value, thousand, million", 1, false},
		{"Total value, USD", 1, false},
		{"Value (TH Baht)", 1, false},
		{"Nilai CIF Th 2023", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ValueScaleInHeader(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ValueScaleInHeader(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCurrencyAllocs(t *testing.T) {
	for _, s := range []string{"USD", "руб.", "$", "долл. США"} {
		if n := testing.AllocsPerRun(100, func() { Currency(s) }); n != 0 {
			t.Errorf("Currency(%q) allocates %v times; want 0", s, n)
		}
	}
}

func FuzzCurrency(f *testing.F) {
	for _, tt := range currencyTests {
		f.Add(tt.in)
	}
	for _, tt := range currencyHeaderTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, ok := Currency(s); ok != (c != "") || (ok && len(c) != 3) {
			t.Fatalf("Currency(%q) = %q, %v", s, c, ok)
		} else if ok {
			if again, ok := Currency(c); !ok || again != c {
				t.Fatalf("Currency(%q) = %q, but Currency(%q) = %q, %v", s, c, c, again, ok)
			}
		}
		if c, ok := CurrencyInHeader(s); ok != (c != "") || (ok && len(c) != 3) {
			t.Fatalf("CurrencyInHeader(%q) = %q, %v", s, c, ok)
		}
	})
}
