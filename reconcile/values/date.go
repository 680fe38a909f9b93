package values

import (
	"math"
	"time"

	"tradecheck/reconcile"
)

// DateOrder is how a column writes ambiguous numeric dates.
type DateOrder uint8

// Date orders.
const (
	OrderUnknown DateOrder = iota
	OrderDMY               // 14.06.2022, 14/06/2022
	OrderMDY               // 06/14/2022
)

// String names the order for logs and the inspect command.
func (o DateOrder) String() string {
	switch o {
	case OrderDMY:
		return "DMY"
	case OrderMDY:
		return "MDY"
	}
	return "unknown"
}

// Plausible years. A bare number is read as an Excel serial only when it
// falls in 1990..2100: customs exports hold no earlier shipments, and a
// quantity such as 2023 or 150 must not become a date in 1905. Dates
// written out in text are accepted from 1900 to 2100; outside that they are
// typing errors ("0022-06-14"), not shipments.
const (
	serialMinYear = 1990
	serialMaxYear = 2100
	textMinYear   = 1900
	textMaxYear   = 2100
)

// maxSerial is Excel's last day, 9999-12-31, in the 1900 system.
const maxSerial = 2958465

// ExcelSerial converts an Excel serial day number to a date (1900 system,
// with Excel's 1900 leap-year bug; date1904 for the Mac system). Any
// fraction is the time of day and is dropped.
//
// In the 1900 system serial 1 is 1900-01-01 and Excel counts a fictional
// 1900-02-29 as serial 60, so serials from 61 on are one day ahead of the
// calendar and get a day subtracted; serial 60 itself names no real day
// and returns ok=false. Serials outside 1..2958465 (0..2957003 for 1904)
// return ok=false. This function applies no plausibility range: ParseDate
// does that for numbers written in text cells.
func ExcelSerial(serial float64, date1904 bool) (reconcile.Date, bool) {
	if math.IsNaN(serial) || math.IsInf(serial, 0) {
		return reconcile.Date{}, false
	}
	days := math.Floor(serial)
	var base time.Time
	if date1904 {
		if days < 0 || days > maxSerial-1462 {
			return reconcile.Date{}, false
		}
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else {
		switch {
		case days < 1 || days > maxSerial:
			return reconcile.Date{}, false
		case days == 60:
			return reconcile.Date{}, false
		case days > 60:
			days--
		}
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return reconcile.Date{Time: base.AddDate(0, 0, int(days)), Precision: reconcile.PrecisionDay}, true
}

// fullYear widens a two-digit year: 00-69 are 2000-2069, 70-99 are
// 1970-1999 (the POSIX and Excel convention).
func fullYear(t dateTok) int {
	if t.len == 2 {
		if t.num < 70 {
			return 2000 + t.num
		}
		return 1900 + t.num
	}
	return t.num
}

// dayDate builds a day-precision date after checking its parts.
func dayDate(y, m, d int) (reconcile.Date, bool) {
	if y < textMinYear || y > textMaxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return reconcile.Date{}, false
	}
	return reconcile.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionDay}, true
}

// monthDate builds a month-precision date (the first of the month).
func monthDate(y, m int) (reconcile.Date, bool) {
	if y < textMinYear || y > textMaxYear || m < 1 || m > 12 {
		return reconcile.Date{}, false
	}
	return reconcile.Date{Time: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionMonth}, true
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// ParseDate parses ISO (2022-06-14, 2022-06-14T00:00:00, 2022/06/14),
// dd.mm.yyyy (dotted dates are always day first), dd/mm/yyyy or
// mm/dd/yyyy per order, two-digit years (14.06.22 → 2022; 70-99 are
// 19xx), month names ("14 Jun 2022", "June 14, 2022", "14 июня 2022 г.",
// "14-JUN-22"), compact 20220614 or 14062022, Excel serials ("44726", "44726.5"), and
// month-only forms ("Apr 2023", "APR-2023", "2023-04", "04.2023",
// "04/2023", "2023/04", "апр 2023", "April 2023", "202304") which come back
// with PrecisionMonth. A time of day after the date is dropped.
//
// With OrderUnknown a slash or dash date is read only when it is not
// ambiguous: one part over 12, or both parts equal. Otherwise ok=false and
// the caller flags the cell; GuessDateOrder settles a column.
//
// A bare number is an Excel serial (1900 system) only when it lands in
// 1990..2100; "2023" or "150" are not dates. A month name with a
// two-digit number and no year ("Apr-23", "23-Apr") is ambiguous and
// rejected, as is a seven-digit "8082025" (8.08 or 80.8?).
func ParseDate(s string, order DateOrder) (reconcile.Date, bool) {
	s = trimSpace(s)
	if s == "" {
		return reconcile.Date{}, false
	}
	if d, ok, isNum := parseNumericDate(s); isNum {
		return d, ok
	}
	s, ok := cutTime(s)
	if !ok {
		return reconcile.Date{}, false
	}
	var dt dateToks
	if !tokenizeDate(s, &dt) {
		return reconcile.Date{}, false
	}
	return dt.date(order)
}

// parseNumericDate handles cells made only of digits (and a fraction):
// yyyymmdd, yyyymm and Excel serials. isNum is false for anything else.
func parseNumericDate(s string) (d reconcile.Date, ok, isNum bool) {
	intLen := len(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			continue
		}
		if (c == '.' || c == ',') && i > 0 && i < len(s)-1 && intLen == len(s) {
			intLen = i
			continue
		}
		return d, false, false
	}
	if intLen == len(s) {
		switch len(s) {
		case 8:
			// 20220614, else 14062022. No serial has eight digits, and
			// the two readings never both hold: a yyyymmdd month would
			// be the 19/20 of a ddmmyyyy year.
			if d, ok = dayDate(atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])); ok {
				return d, ok, true
			}
			d, ok = dayDate(atoi(s[4:]), atoi(s[2:4]), atoi(s[:2]))
			return d, ok, true
		case 6: // 202304: serials of six digits are past 2100
			d, ok = monthDate(atoi(s[:4]), atoi(s[4:]))
			return d, ok, true
		}
	}
	if intLen < len(s) && intLen != 5 {
		// Only five-digit serials are plausible, so "04.2023" and
		// "2023.04" are month forms for the tokeniser.
		return d, false, false
	}
	if intLen > 7 {
		return d, false, true
	}
	serial := float64(atoi(s[:intLen]))
	d, ok = ExcelSerial(serial, false)
	if !ok || d.Time.Year() < serialMinYear || d.Time.Year() > serialMaxYear {
		return reconcile.Date{}, false, true
	}
	return d, true, true
}

// atoi reads a short run of ASCII digits.
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// date interprets the tokens.
func (dt *dateToks) date(order DateOrder) (reconcile.Date, bool) {
	var nums [maxDateTokens]dateTok
	nn, month, nm := 0, 0, 0
	monthAt := -1
	for i := 0; i < dt.n; i++ {
		t := dt.t[i]
		if t.month {
			month, monthAt = t.num, i
			nm++
			continue
		}
		nums[nn] = t
		nn++
	}
	if nm > 1 {
		return reconcile.Date{}, false
	}
	if nm == 1 {
		return namedMonthDate(month, monthAt, nums[:nn])
	}
	switch nn {
	case 2:
		a, b := nums[0], nums[1]
		switch {
		case a.len == 4 && b.len <= 2 && b.sep != ' ': // 2023-04, 2023/04, 2023.04
			return monthDate(a.num, b.num)
		case a.len <= 2 && b.len == 4 && b.sep != ' ': // 04.2023, 04/2023, 4-2023
			return monthDate(b.num, a.num)
		}
	case 3:
		a, b, c := nums[0], nums[1], nums[2]
		if b.sep != c.sep || b.sep == ' ' {
			return reconcile.Date{}, false
		}
		if a.len == 4 && b.len <= 2 && c.len <= 2 { // ISO and 2022/06/14
			return dayDate(a.num, b.num, c.num)
		}
		if a.len > 2 || b.len > 2 || (c.len != 4 && c.len != 2) {
			return reconcile.Date{}, false
		}
		y := fullYear(c)
		o := orderOf(a.num, b.num, b.sep)
		if o == OrderUnknown {
			o = order
		} else if order != OrderUnknown && o != order && b.sep != '.' {
			// The cell contradicts the column's order: 25/06 in an MDY
			// column is not a date that column writes.
			return reconcile.Date{}, false
		}
		switch {
		case o == OrderDMY:
			return dayDate(y, b.num, a.num)
		case o == OrderMDY:
			return dayDate(y, a.num, b.num)
		case a.num == b.num:
			return dayDate(y, a.num, a.num)
		}
	}
	return reconcile.Date{}, false
}

// orderOf is what one cell says about its order: dotted dates are DMY; a
// first part over 12 is DMY, a second part over 12 is MDY.
func orderOf(a, b int, sep byte) DateOrder {
	switch {
	case sep == '.':
		return OrderDMY
	case a > 12 && b <= 12:
		return OrderDMY
	case b > 12 && a <= 12:
		return OrderMDY
	}
	return OrderUnknown
}

// namedMonthDate reads dates with a month name: "Apr 2023", "14 Jun 2022",
// "June 14, 2022", "14-JUN-22".
func namedMonthDate(month, monthAt int, nums []dateTok) (reconcile.Date, bool) {
	switch len(nums) {
	case 1:
		if nums[0].len == 4 {
			return monthDate(nums[0].num, month)
		}
	case 2:
		a, b := nums[0], nums[1]
		switch {
		case a.len == 4 && b.len <= 2:
			return dayDate(a.num, month, b.num)
		case b.len == 4 && a.len <= 2:
			return dayDate(b.num, month, a.num)
		case a.len <= 2 && b.len == 2 && monthAt == 1: // 14-JUN-22, the Oracle form
			return dayDate(fullYear(b), month, a.num)
		}
	}
	return reconcile.Date{}, false
}

// GuessDateOrder decides a column's order from its sample cells: any cell
// with a first part over 12 settles DMY, a second part over 12 settles MDY;
// dotted dates are DMY. Resolving per column, not per cell, is the rule.
// Cells that say both (a column mixing 25/06/2022 and 06/25/2022) leave
// the order unknown: such a column cannot be read without the user.
func GuessDateOrder(samples []string) DateOrder {
	// Dotted dates are day first by convention and parsed so whatever
	// the column's order; they only speak for the other cells when those
	// say nothing themselves: "2/15/2023" beside "02.11.2022" is a US
	// slash date, and counting the dotted cell against it left every
	// slash date of the column undated.
	dmy, mdy, dotted := 0, 0, 0
	for _, s := range samples {
		s = trimSpace(s)
		s, ok := cutTime(s)
		if !ok {
			continue
		}
		var dt dateToks
		if !tokenizeDate(s, &dt) || dt.n != 3 {
			continue
		}
		a, b, c := dt.t[0], dt.t[1], dt.t[2]
		if a.month || b.month || c.month || a.len > 2 || b.len > 2 || (c.len != 4 && c.len != 2) || b.sep != c.sep {
			continue
		}
		switch o := orderOf(a.num, b.num, b.sep); {
		case b.sep == '.':
			dotted++
		case o == OrderDMY:
			dmy++
		case o == OrderMDY:
			mdy++
		}
	}
	if dmy == 0 && mdy == 0 && dotted > 0 {
		return OrderDMY
	}
	switch {
	case dmy > 0 && mdy == 0:
		return OrderDMY
	case mdy > 0 && dmy == 0:
		return OrderMDY
	}
	return OrderUnknown
}
