package totals

import "testing"

func TestParseRate(t *testing.T) {
	for _, c := range []struct {
		in, cur, month string
		rate           float64
		bad            bool
	}{
		{in: "EUR=1.08", cur: "EUR", rate: 1.08},
		{in: "rub:2022-06=0.0165", cur: "RUB", month: "2022-06", rate: 0.0165},
		{in: "руб=0.011", cur: "RUB", rate: 0.011},
		// Labels that are not currency codes are kept as written.
		{in: "у.е.=1", cur: "у.е.", rate: 1},
		{in: "XYZ:2022-01=0.27", cur: "XYZ", month: "2022-01", rate: 0.27},
		{in: "EUR", bad: true},
		{in: "=1", bad: true},
		{in: "EUR:June=1", bad: true},
		{in: "у.е.=0", bad: true},
	} {
		t.Run(c.in, func(t *testing.T) {
			r, err := ParseRate(c.in)
			if c.bad {
				if err == nil {
					t.Fatalf("ParseRate(%q) = %+v, want an error", c.in, r)
				}
				return
			}
			if err != nil || r.Currency != c.cur || r.Month != c.month || r.ToUSD != c.rate {
				t.Errorf("ParseRate(%q) = %+v, %v; want %s %s %v", c.in, r, err, c.cur, c.month, c.rate)
			}
		})
	}
}
