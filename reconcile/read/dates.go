package read

import (
	"fmt"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// A date column whose every date has day and month ≤ 12 ("03/04/2022")
// cannot be settled from the file: nothing says whether it is 3 April or
// 4 March. Such dates are never guessed; each is flagged ambiguous_date
// with both readings kept (AmbiguousDateReadings), the sheet warns with
// the count and what to do, and the user settles the order for the file
// or sheet (Options.DateOrder; CLI --date-order FILE:dmy|mdy).

func ambiguousDateDetail(raw string) string {
	d, m, ok := AmbiguousDateReadings(reconcile.Flag{Code: reconcile.FlagAmbiguousDate, Raw: raw})
	if !ok {
		return "day and month cannot be told apart in this column"
	}
	return fmt.Sprintf("day and month cannot be told apart in this column: %s if day first, %s if month first", d, m)
}

// AmbiguousDateReadings returns both readings of an ambiguous_date
// flag's date: day first and month first. Claims use them to test a
// figure under each reading.
func AmbiguousDateReadings(f reconcile.Flag) (dayFirst, monthFirst reconcile.Date, ok bool) {
	if f.Code != reconcile.FlagAmbiguousDate {
		return reconcile.Date{}, reconcile.Date{}, false
	}
	d, ok1 := values.ParseDate(f.Raw, values.OrderDMY)
	m, ok2 := values.ParseDate(f.Raw, values.OrderMDY)
	return d, m, ok1 && ok2
}

// userDateOrder applies the user's date order for the sheet, if any.
func (s *SheetReader) userDateOrder() {
	opt := s.w.opt
	if o := opt.SheetDateOrder[s.name]; o != values.OrderUnknown {
		s.plan.dateOrder = o
	} else if opt.DateOrder != values.OrderUnknown {
		s.plan.dateOrder = opt.DateOrder
	}
}

func (s *SheetReader) countAmbiguousDates(rec *reconcile.Record) {
	for _, f := range rec.Flags {
		if f.Code == reconcile.FlagAmbiguousDate {
			s.ambiguousDates++
			return
		}
	}
}

// AmbiguousDates returns how many records so far have a date that could
// be day/month or month/day.
func (s *SheetReader) AmbiguousDates() int { return s.ambiguousDates }

// ambiguousDatesWarning says which column, how many rows, and that the
// sheet's date order settles them (FixDateOrder).
func (s *SheetReader) ambiguousDatesWarning() reconcile.Note {
	if s.ambiguousDates == 0 || s.plan == nil {
		return reconcile.Note{}
	}
	step := reconcile.Step{Fix: reconcile.FixDateOrder, File: s.w.path, Sheet: s.name}
	i := s.plan.col(reconcile.FieldDate)
	col := ""
	if i >= 0 && i < len(s.columns) {
		col = fmt.Sprintf("column %s %q: ", reconcile.ColumnName(i+1), s.columns[i].Header)
		step.Column = i + 1
	}
	return reconcile.Note{Text: fmt.Sprintf("%s%d dates have day and month both ≤ 12 and nothing in the file tells which comes first: they are left undated (flagged ambiguous_date, both readings kept) until the sheet's date order is stated: day first or month first", col, s.ambiguousDates),
		Step: step}
}
