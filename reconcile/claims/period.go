package claims

import (
	"regexp"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// periodRE finds two dates joined by a dash or a word ("01.01.2022–31.12.2022",
// "2022-01-01 to 2022-12-31", "с 01.01.2022 по 31.12.2022").
var periodRE = regexp.MustCompile(`(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\s*(?:[-–—]|to|till|until|по|bis|au|al|a|hasta|-)\s*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})`)

// StatedPeriod reads the period a source says it covers from a line of
// its banner ("Параметры запроса: период 01.01.2022–31.12.2022"). A
// register's rows may start in February because nothing was declared in
// January; its stated period still covers January. Dotted dates are read
// day first (the European convention of every register that writes
// them); a slash date must be unambiguous. ok is false when the text
// states no period or the dates run backwards.
func StatedPeriod(text string) (from, to reconcile.Date, ok bool) {
	m := periodRE.FindStringSubmatch(strings.ToLower(text))
	if m == nil {
		return from, to, false
	}
	parse := func(s string) (reconcile.Date, bool) {
		if d, ok := values.ParseDate(s, values.OrderUnknown); ok {
			return d, true
		}
		if strings.Contains(s, ".") {
			return values.ParseDate(s, values.OrderDMY)
		}
		return reconcile.Date{}, false
	}
	from, ok1 := parse(m[1])
	to, ok2 := parse(m[2])
	if !ok1 || !ok2 || to.Time.Before(from.Time) {
		return reconcile.Date{}, reconcile.Date{}, false
	}
	return from, to, true
}

// Span is the months a source covers: its rows' dates, widened by the
// period it states. Package pipeline joins a file's sheets with it.
func (s *Coverage) Span() (from, to time.Time, ok bool) { return s.span() }

func (s *Coverage) span() (from, to time.Time, ok bool) {
	if s.From.Known() && s.To.Known() {
		from, to, ok = s.From.Time, s.To.Time, true
	}
	if s.StatedFrom.Known() && s.StatedTo.Known() {
		if !ok || s.StatedFrom.Time.Before(from) {
			from = s.StatedFrom.Time
		}
		if !ok || s.StatedTo.Time.After(to) {
			to = s.StatedTo.Time
		}
		ok = true
	}
	return from, to, ok
}
