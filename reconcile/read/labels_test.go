package read

import (
	"testing"

	"tradecheck/reconcile"
)

// A currency label that is not a currency ("у.е.") is flagged, never
// guessed; once the user gives it a rate, its values keep the label as
// their currency so that the rate converts them.
func TestCurrencyLabels(t *testing.T) {
	path := writeFile(t, "cur.csv", []byte("Date;Consignee;Value;Cur.\n"+
		"03.10.2022;OOO ALFA;100;USD\n"+
		"04.10.2022;OOO BETA;200;у.е.\n"))
	for _, c := range []struct {
		name   string
		labels []string
		want   string
		flag   bool
	}{
		{"no rate", nil, "", true},
		{"rate for the label", []string{"У. Е."}, "У. Е.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, recs := readSheet(t, path, "", Options{CurrencyLabels: c.labels})
			if len(recs) != 2 || recs[0].Currency != "USD" {
				t.Fatalf("got %d records, first currency %q", len(recs), recs[0].Currency)
			}
			r := recs[1]
			if r.Currency != c.want || hasFlag(r, reconcile.FieldValue, reconcile.FlagUnknownCurrency) != c.flag {
				t.Errorf("currency %q, flags %v; want %q, flagged %v", r.Currency, r.Flags, c.want, c.flag)
			}
			if c.flag {
				if l, ok := UnknownCurrencyLabel(r.Flags[len(r.Flags)-1]); !ok || l != "у.е." {
					t.Errorf("UnknownCurrencyLabel = %q, %v; want у.е.", l, ok)
				}
			}
		})
	}
}
