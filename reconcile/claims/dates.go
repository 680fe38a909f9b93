package claims

import (
	"slices"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/values"
)

// How a shipment's date meets a claim's period.
type dateResult uint8

const (
	dateInside    dateResult = iota
	dateOut                  // outside the period, on every reading
	dateUndecided            // no date recorded, or its readings disagree
)

// dateTest decides the claim's period for sh. A shipment whose date cell
// reads both as day/month and as month/day (03/04/2022) has no resolved
// date; its readings decide instead: in scope when both fall in the
// period, out when neither does, undetermined otherwise. A claim for 2022
// is thus decided for a column of ambiguous 2022 dates.
func (k *Checker) dateTest(sc *scope, sh *merge.Shipment) dateResult {
	if sh.Date.Known() {
		if dateIn(sh.Date, sc.from, sc.to) {
			return dateInside
		}
		return dateOut
	}
	in, out := 0, 0
	for _, d := range k.readings(sh) {
		if dateIn(d, sc.from, sc.to) {
			in++
		} else {
			out++
		}
	}
	switch {
	case in > 0 && out == 0:
		return dateInside
	case out > 0 && in == 0:
		return dateOut
	}
	return dateUndecided
}

// readings returns the possible dates of a shipment without a resolved
// date: each of its rows' date cells flagged ambiguous_date, read day
// first and month first. nil when sh has a date or no such cell.
func (k *Checker) readings(sh *merge.Shipment) []reconcile.Date {
	if sh.Date.Known() {
		return nil
	}
	var out []reconcile.Date
	for _, x := range sh.Rows {
		if int(x) >= len(k.d.Records) {
			continue
		}
		for _, f := range k.d.Records[x].Flags {
			if f.Field != reconcile.FieldDate || f.Code != reconcile.FlagAmbiguousDate {
				continue
			}
			for _, o := range []values.DateOrder{values.OrderDMY, values.OrderMDY} {
				if d, ok := values.ParseDate(f.Raw, o); ok && !slices.Contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// readingsDetail says what a shipment's ambiguous date reads as:
// "date 03/04/2022 reads as 2022-04-03 or 2022-03-04".
func (k *Checker) readingsDetail(sh *merge.Shipment) string {
	rs := k.readings(sh)
	if len(rs) == 0 {
		return "no date"
	}
	s := "date reads as " + rs[0].String()
	for _, d := range rs[1:] {
		s += " or " + d.String()
	}
	return s + " (day and month cannot be told apart)"
}
