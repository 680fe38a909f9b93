package read

import (
	"fmt"

	"tradecheck/reconcile"
)

// A row with figures and nothing that says whose or what shipment it is
// (no party, date, HS code or goods) is a subtotal more often than a
// shipment: a register's monthly "Ara Toplam 02.2022" rows carry their
// label in the declaration column, which no label list covers in every
// language. Such a bare row whose figures equal the sum of the rows
// since the previous total is a subtotal, even after a single row (the
// rows above prove it: this is what "the rows read sum to twice the
// grand total" comes from). A bare row that equals nothing is flagged
// unidentified_row and left out of totals until the user decides.

// bare reports whether rec has figures but no party, date, HS code or
// description. Identifiers alone (a declaration number, or a label in
// that column) do not make a shipment.
func bare(rec *reconcile.Record) bool {
	if len(rec.Consignee.Names) > 0 || len(rec.Shipper.Names) > 0 || rec.Consignee.TaxID != "" || rec.Shipper.TaxID != "" ||
		rec.Date.Known() || rec.HSCode != "" || rec.Description != "" {
		return false
	}
	for _, f := range rec.Flags {
		switch f.Field {
		case reconcile.FieldDate, reconcile.FieldConsignee, reconcile.FieldShipper, reconcile.FieldHSCode:
			return false // something was written there, even if unreadable
		}
	}
	return rec.NetKg.Valid || rec.GrossKg.Valid || rec.Value.Valid || rec.ValueUSD.Valid || rec.Quantity.Valid
}

// bareSubtotal recognises a bare row whose figures equal the sum of the
// rows since the previous total (one row is enough), or of all rows.
func (s *SheetReader) bareSubtotal(rec *reconcile.Record, q *[measureCount]float64) (TotalCheck, bool) {
	how := "no party, date or goods, and figures equal the sum of the rows above"
	if n, ok := s.sumOfAbove(rec, q, 1, 1); ok {
		return TotalCheck{Row: rec.Source.Row, How: how, Rows: n, Matches: true}, true
	}
	return TotalCheck{}, false
}

// detailUnidentified is the unidentified_row flag's Detail.
const detailUnidentified = "figures without party, date, HS code or goods: a total row or a shipment? Left out of totals until you decide"

// unidentified flags a bare row that is no provable subtotal.
func (s *SheetReader) unidentified(rec *reconcile.Record) {
	rec.Flags = append(rec.Flags, reconcile.Flag{Code: reconcile.FlagUnidentified, Column: -1, Detail: detailUnidentified})
	s.unidentifiedRows = append(s.unidentifiedRows, rec.Source.Row)
}

// Unidentified returns the rows read as unidentified_row records.
func (s *SheetReader) Unidentified() []int { return append([]int(nil), s.unidentifiedRows...) }

// unidentifiedWarning says which rows need a decision.
func (s *SheetReader) unidentifiedWarning() reconcile.Note {
	if len(s.unidentifiedRows) == 0 {
		return reconcile.Note{}
	}
	rows := fmt.Sprint(s.unidentifiedRows[0])
	for i, r := range s.unidentifiedRows[1:] {
		if i == 9 {
			rows += fmt.Sprintf(" and %d more", len(s.unidentifiedRows)-11)
			break
		}
		rows += fmt.Sprintf(", %d", r)
	}
	return reconcile.Note{Text: fmt.Sprintf("row(s) %s have figures but no party, date, HS code or goods: left out of totals until you decide whether each is a total row or a shipment (to count one, include it)", rows),
		Step: reconcile.Step{Fix: reconcile.FixIncludeRows, File: s.w.path, Sheet: s.name}}
}
