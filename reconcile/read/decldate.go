package read

import (
	"fmt"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// settleDateOrder lets declaration numbers that carry their registration
// date (values.DeclarationDate: 10702070/150922/0001234) settle a date
// column whose own cells do not: "04/05/2022" beside a number dated
// 050422 is day first. It runs on the sampled rows, only when the column
// is still undecided, and says what decided it on the column's reason.
func (p *plan) settleDateOrder(rows []*rawRow) {
	di, ki := p.col(reconcile.FieldDate), p.col(reconcile.FieldDeclarationID)
	if di < 0 || ki < 0 || p.dateOrder != values.OrderUnknown {
		return
	}
	var dates, decls []string
	for _, r := range rows {
		d, k := cellAt(r, di), cellAt(r, ki)
		if d.k == kindString && d.s != "" && k.s != "" {
			dates = append(dates, d.s)
			decls = append(decls, k.s)
		}
	}
	order, votes := values.DateOrderByDeclaration(dates, decls)
	if order == values.OrderUnknown {
		return
	}
	p.dateOrder = order
	which := "day before month"
	if order == values.OrderMDY {
		which = "month before day"
	}
	p.cols[di].Reason += fmt.Sprintf("; %s, settled by the registration dates of %d declaration numbers (post/DDMMYY/number)", which, votes)
}

// dateFromDeclaration gives a row without a readable date the
// registration date its declaration number carries, when the date cell is
// empty or could be read either way (day or month first) — never over a
// date the cell gives. The flag names the number it came from, and an
// ambiguous_date flag on the cell gives way to it.
func (p *plan) dateFromDeclaration(rec *reconcile.Record) {
	if rec.Date.Known() || rec.DeclarationID == "" {
		return
	}
	ambiguous := -1
	for k, f := range rec.Flags {
		if f.Field != reconcile.FieldDate {
			continue
		}
		if f.Code != reconcile.FlagAmbiguousDate {
			return // a cell that is not a date at all: left flagged as it is
		}
		ambiguous = k
	}
	d, ok := values.DeclarationDate(rec.DeclarationID)
	if !ok {
		return
	}
	detail := "the date cell is empty"
	if ambiguous >= 0 {
		detail = fmt.Sprintf("the date cell %q could be read day-first or month-first", rec.Flags[ambiguous].Raw)
		rec.Flags = append(rec.Flags[:ambiguous], rec.Flags[ambiguous+1:]...)
	}
	rec.Date = d
	rec.Flags = append(rec.Flags, reconcile.Flag{Field: reconcile.FieldDate, Code: reconcile.FlagDateFromDeclaration,
		Column: p.col(reconcile.FieldDeclarationID), Raw: rec.DeclarationID, Kept: true,
		Detail: fmt.Sprintf("%s; date %s read from declaration number %s (its DDMMYY part is the registration date)", detail, d, rec.DeclarationID)})
}
