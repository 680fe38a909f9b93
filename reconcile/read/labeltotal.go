package read

import (
	"fmt"
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// A total row's label may be one no vocabulary holds: "Jami" (Uzbek), a
// language the list lacks, or "????? ?? ??????" where a CSV saved in a
// Latin code page lost a Cyrillic "Итого за ноябрь". Such a row has its
// label in one text cell and figures in the measure columns, nothing
// else. When its figures equal the sum of the rows above (since the last
// total, or all of the sheet's), it is a total row whatever its label.
// When they do not, it is read as before (a shipment), and the sheet
// warns: the user decides.

// labelOnly returns the one text cell of row r outside the measure
// columns, when the row has figures and nothing else: no second text
// cell, no typed date or number outside the measures, and no party name
// or goods description (the label sits in the date, code or ID column).
func (p *plan) labelOnly(r *rawRow) (string, bool) {
	label := ""
	for i, c := range r.cells {
		if c.k == kindEmpty || isBlankText(c.s) || nullText(strings.TrimSpace(c.s)) {
			continue
		}
		if i < len(p.cols) && measureColumn(&p.cols[i]) {
			continue
		}
		if c.k != kindString || label != "" || i < len(p.cols) && partyOrGoods(p.cols[i].Field) {
			return "", false // a name or goods make a shipment, not a label
		}
		t := strings.TrimSpace(c.s)
		if strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || r == '?' || r == '\ufffd' }) < 0 {
			return "", false // digits only: an ID or a code, not a label
		}
		label = t
	}
	return label, label != ""
}

// partyOrGoods reports whether f names whose or what a shipment is.
func partyOrGoods(f reconcile.Field) bool {
	switch f {
	case reconcile.FieldConsignee, reconcile.FieldShipper, reconcile.FieldDescription:
		return true
	}
	return false
}

// measureColumn reports whether c holds figures or their units.
func measureColumn(c *Column) bool {
	switch c.Field {
	case reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValue, reconcile.FieldValueUSD,
		reconcile.FieldQuantity, reconcile.FieldCurrency, reconcile.FieldQuantityUnit:
		return true
	}
	return c.UnitFor != "" || c.CurrencyFor || c.AltFor != ""
}

// labelTotalRow recognises a row that labelOnly accepts as a total when
// its figures equal a sum of at least two rows above (one after the sheet
// has closed a group so). Otherwise it remembers the row for the sheet's
// warning.
func (s *SheetReader) labelTotalRow(r *rawRow, rec *reconcile.Record, q *[measureCount]float64) (TotalCheck, bool) {
	label, ok := s.plan.labelOnly(r)
	if !ok || !(rec.NetKg.Valid || rec.GrossKg.Valid || rec.Value.Valid || rec.ValueUSD.Valid || rec.Quantity.Valid) {
		return TotalCheck{}, false
	}
	how := fmt.Sprintf("label %q, no date, party, HS code or goods, and figures equal the sum of the rows above", clipDetail(label))
	minRows := 2
	if s.sumTotals > 0 {
		minRows = 1
	}
	if n, ok := s.sumOfAbove(rec, q, minRows, 2); ok {
		s.sumTotals++
		return TotalCheck{Row: r.num, How: how, Rows: n, Matches: true}, true
	}
	s.labelRows = append(s.labelRows, fmt.Sprintf("%d (%q)", r.num, clipDetail(label)))
	return TotalCheck{}, false
}

// labelRowsWarning names the rows labelTotalRow could not prove totals.
func (s *SheetReader) labelRowsWarning() reconcile.Note {
	if len(s.labelRows) == 0 {
		return reconcile.Note{}
	}
	rows := s.labelRows
	more := ""
	if len(rows) > 10 {
		rows, more = rows[:10], fmt.Sprintf(" and %d more", len(s.labelRows)-10)
	}
	return reconcile.Note{Text: fmt.Sprintf("row(s) %s%s have figures and one label but no date, party, HS code, goods or ID, and their figures are no sum of the rows above: counted as shipments; if one is a total row, exclude it",
		strings.Join(rows, ", "), more)}
}
