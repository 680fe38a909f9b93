package read

import (
	"fmt"
	"regexp"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Period is the time span a sheet says it covers, from its banner
// ("период 01.01.2022–31.12.2022", "Period: 2022-01-01 to 2022-12-31",
// "Dönem: 01.01.2022 - 31.12.2022"). A register that covers a year but
// holds no row for some months says those months had no shipments; only
// the banner tells that from "the export stops in October". Claims'
// coverage can use it. The zero Period means the banner states none.
type Period struct {
	From, To reconcile.Date
	Row      int    // the banner row that states it
	Text     string // the banner cell as written
}

// Known reports whether the banner stated a period.
func (p Period) Known() bool { return p.From.Known() && p.To.Known() }

// String renders "2022-01-01 – 2022-12-31 (banner row 2)".
func (p Period) String() string {
	if !p.Known() {
		return ""
	}
	return fmt.Sprintf("%s – %s (banner row %d)", p.From, p.To, p.Row)
}

// periodDates finds the dates of a banner text: day.month.year,
// year-month-day, day/month/year.
var periodDates = regexp.MustCompile(`\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b`)

// bannerPeriod returns the first banner cell that holds exactly two
// dates in order: a span (a report date alone is no period). Slashed
// dates are read day first unless that fails to order them.
func bannerPeriod(banners []*rawRow) Period {
	for _, r := range banners {
		for _, c := range r.cells {
			if c.k != kindString || len(c.s) > 300 {
				continue
			}
			ds := periodDates.FindAllString(c.s, -1)
			if len(ds) != 2 {
				continue
			}
			for _, o := range []values.DateOrder{values.OrderDMY, values.OrderMDY} {
				a, ok1 := values.ParseDate(ds[0], o)
				b, ok2 := values.ParseDate(ds[1], o)
				if ok1 && ok2 && a.Precision == reconcile.PrecisionDay && b.Precision == reconcile.PrecisionDay && !b.Time.Before(a.Time) {
					return Period{From: a, To: b, Row: r.num, Text: clipDetail(c.s)}
				}
			}
		}
	}
	return Period{}
}

// Period returns the period the sheet's banner states (zero when none).
func (s *SheetReader) Period() Period { return s.period }
