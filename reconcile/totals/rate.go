package totals

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile/values"
)

// ParseRate reads CUR=RATE or CUR:YYYY-MM=RATE, RATE being USD per one
// unit of CUR. CUR is an ISO code or a name the reader knows ("руб",
// "$"), stored as its ISO code, or else a label exactly as the file's
// currency cells write it ("у.е.", "XYZ"): values in that label are then
// converted at the rate instead of being left out as "currency unknown".
// The CLI's --rate and the app's Rates panel both read rates with it.
func ParseRate(s string) (Rate, error) {
	k, v, ok := strings.Cut(s, "=")
	if !ok {
		return Rate{}, errors.New("want CUR=USD or CUR:YYYY-MM=USD (CUR an ISO code or the currency label as the file writes it)")
	}
	cur, month := strings.TrimSpace(k), ""
	if i := strings.LastIndex(cur, ":"); i >= 0 {
		cur, month = strings.TrimSpace(cur[:i]), strings.TrimSpace(cur[i+1:])
		if _, err := time.Parse("2006-01", month); err != nil {
			return Rate{}, fmt.Errorf("month %q is not YYYY-MM", month)
		}
	}
	if cur == "" {
		return Rate{}, errors.New("no currency before '='")
	}
	if c, ok := values.Currency(cur); ok {
		cur = c
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f <= 0 {
		return Rate{}, fmt.Errorf("rate %q is not a positive number (USD per one %s)", v, cur)
	}
	return Rate{Currency: cur, Month: month, ToUSD: f}, nil
}
