package values

import (
	"strings"
	"time"

	"tradecheck/reconcile"
)

// DeclarationDate reads the registration date a Eurasian Economic Union
// declaration number carries: customs post / DDMMYY / number, as in
// 10702070/150922/0001234 (Russia: an 8-digit post, a 7-digit number;
// Belarus, Kazakhstan, Armenia, Kyrgyzstan write the same three parts with
// 5–8 digit posts). The middle part is the day the declaration was
// registered, which is what a register's date column holds.
//
// Only that exact shape is read: three groups of digits separated by "/"
// (or "-", or spaces), the middle one six digits that make a real date in
// 2000–2099. Anything else — a Turkish beyanname, a US entry number, a
// number with letters — returns false: a date is never read out of a
// number that does not say it holds one.
func DeclarationDate(s string) (reconcile.Date, bool) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == ' ' })
	if len(parts) != 3 {
		return reconcile.Date{}, false
	}
	post, mid, num := parts[0], parts[1], parts[2]
	if len(post) < 5 || len(post) > 8 || len(mid) != 6 || len(num) < 5 || len(num) > 8 ||
		!allDigits(post) || !allDigits(mid) || !allDigits(num) {
		return reconcile.Date{}, false
	}
	d := int(mid[0]-'0')*10 + int(mid[1]-'0')
	m := int(mid[2]-'0')*10 + int(mid[3]-'0')
	y := 2000 + int(mid[4]-'0')*10 + int(mid[5]-'0')
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return reconcile.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April
		return reconcile.Date{}, false
	}
	return reconcile.Date{Time: t, Precision: reconcile.PrecisionDay}, true
}

// DateOrderByDeclaration votes on a date column's order with the dates
// declaration numbers carry: for each pair of a date cell and the row's
// declaration number, the reading of the cell (day first or month first)
// that falls within 3 days of the number's date — and the other does not —
// gets a vote. Two readings of one cell are at least four weeks apart
// (04/05 against 05/04), so a register's date and its declaration's date,
// equal or a day or two apart, vote for one reading only. Votes that
// disagree settle nothing (OrderUnknown), like GuessDateOrder.
func DateOrderByDeclaration(dates, decls []string) (order DateOrder, votes int) {
	dmy, mdy := 0, 0
	for k := range dates {
		if k >= len(decls) {
			break
		}
		dd, ok := DeclarationDate(decls[k])
		if !ok {
			continue
		}
		a, okA := ParseDate(dates[k], OrderDMY)
		b, okB := ParseDate(dates[k], OrderMDY)
		if !okA || !okB || a.Precision != reconcile.PrecisionDay || b.Precision != reconcile.PrecisionDay || a.Time.Equal(b.Time) {
			continue
		}
		near := func(x reconcile.Date) bool {
			h := x.Time.Sub(dd.Time).Hours()
			return h >= -72 && h <= 72
		}
		switch na, nb := near(a), near(b); {
		case na && !nb:
			dmy++
		case nb && !na:
			mdy++
		}
	}
	switch {
	case dmy > 0 && mdy == 0:
		return OrderDMY, dmy
	case mdy > 0 && dmy == 0:
		return OrderMDY, mdy
	}
	return OrderUnknown, 0
}

// DeclarationCountry names the country whose customs wrote a declaration
// number, from the number's own office code: a Ukrainian МД starts with
// "UA" and the office (UA100100/2022/010230); Eurasian Economic Union
// numbers (post/DDMMYY/number, see DeclarationDate) carry the post's code,
// whose first digits are the country's customs: Russia's posts are eight
// digits from 10 (10702070), Belarus's five from 06 (06611), Kazakhstan's
// five from 5 (55301). Any other number — a post of another member, a
// beyanname, an entry number — names nobody: ok is false.
func DeclarationCountry(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 8 && (s[:2] == "UA" || s[:2] == "ua") && allDigits(s[2:8]) && (s[8] == '/' || s[8] == '-') {
		return "UA", true
	}
	if _, ok := DeclarationDate(s); !ok {
		return "", false
	}
	post := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == ' ' })[0]
	switch {
	case len(post) == 8 && strings.HasPrefix(post, "10"):
		return "RU", true
	case len(post) == 5 && strings.HasPrefix(post, "06"):
		return "BY", true
	case len(post) == 5 && strings.HasPrefix(post, "5"):
		return "KZ", true
	}
	return "", false
}
