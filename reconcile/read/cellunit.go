package read

import (
	"fmt"
	"strconv"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// detailCellUnitUsed ends the Detail of a unit_conflict flag whose value
// is kept, read in the cell's own unit: "18 t" under "Net weight, kg" is
// 18 tonnes, since the cell says so in so many words.
const detailCellUnitUsed = "the cell's unit is used"

// cellWeight converts a weight whose cell writes its own unit ("18 t",
// "1,5 тонн", "12,5 kg"). A unit that is not a weight ("1,200 PCS" in a
// weight column) leaves the value out, flagged.
func (p *plan) cellWeight(r *rawRow, f reconcile.Field, i, unitCol int, n reconcile.Number, u values.CellUnit, flag flagFn) reconcile.Number {
	raw := cellAt(r, i).s
	if u.Kind != values.UnitWeight {
		flag(f, reconcile.FlagUnitConflict, i, raw, strconv.Quote(u.Raw)+" is not a weight unit")
		return reconcile.Number{Raw: raw}
	}
	c := p.cols[i]
	stated, statedFac := c.Unit, c.Factor
	if unitCol >= 0 && c.Unit == "from unit column" {
		stated = cellAt(r, unitCol).s
		statedFac, _ = weightFactor(stated)
	}
	if stated != "" && stated != unitAssumedKg && statedFac > 0 && statedFac != u.Factor {
		flag(f, reconcile.FlagUnitConflict, i, raw, "the cell says "+u.Canon+", the column says "+stated+"; "+detailCellUnitUsed)
	}
	n.Value *= u.Factor
	if n.Raw == "" {
		n.Raw = raw
	}
	return n
}

// cellCurrency settles the currency of a value whose cell writes one
// ("$98,765.43", "1 234,56 руб.", or a "$#,##0.00" number format). cur is
// what the column or a currency column says; the cell wins, flagged when
// they differ. A unit that is not a currency ("24 MT" in a value column)
// leaves the value out, flagged.
func (p *plan) cellCurrency(f reconcile.Field, i int, cur string, n reconcile.Number, u values.CellUnit, flag flagFn) (string, reconcile.Number) {
	switch {
	case u.Kind == values.UnitUnknown || !n.Valid:
		return cur, n
	case u.Kind != values.UnitCurrency:
		flag(f, reconcile.FlagUnitConflict, i, n.Raw, strconv.Quote(u.Raw)+" is not a currency")
		return cur, reconcile.Number{Raw: n.Raw}
	case cur != "" && cur != u.Canon:
		flag(f, reconcile.FlagUnitConflict, i, n.Raw, "the cell says "+u.Canon+", the column says "+cur+"; "+detailCellUnitUsed)
	}
	return u.Canon, n
}

// quantityUnit takes a quantity's unit from its cell ("1,200 PCS") when
// no unit column gave one; a different one is flagged and the cell's
// used. A currency in a quantity cell leaves the quantity out.
func (p *plan) quantityUnit(rec *reconcile.Record, u values.CellUnit, flag flagFn) {
	if u.Kind == values.UnitUnknown || !rec.Quantity.Valid {
		return
	}
	i := p.col(reconcile.FieldQuantity)
	canon := u.Canon
	if u.Kind == values.UnitWeight {
		if q, ok := values.QuantityUnit(u.Raw); ok {
			canon = q
		}
	}
	switch {
	case u.Kind == values.UnitCurrency:
		flag(reconcile.FieldQuantity, reconcile.FlagUnitConflict, i, rec.Quantity.Raw, strconv.Quote(u.Raw)+" is a currency, not a quantity unit")
		rec.Quantity = reconcile.Number{Raw: rec.Quantity.Raw}
		return
	case rec.QuantityUnit != "" && rec.QuantityUnit != canon:
		flag(reconcile.FieldQuantity, reconcile.FlagUnitConflict, i, rec.Quantity.Raw, "the cell says "+canon+", the unit column says "+rec.QuantityUnit+"; "+detailCellUnitUsed)
	}
	rec.QuantityUnit = canon
}

// currencyFromFormats gives a value column without a stated currency the
// currency its sampled cells' number format shows ("$#,##0.00"), when
// every typed number in it shows the same one.
func (s *SheetReader) currencyFromFormats() {
	for i := range s.columns {
		c := &s.columns[i]
		if c.Field != reconcile.FieldValue || c.Currency != "" {
			continue
		}
		cur, n := "", 0
		for _, r := range s.buffered {
			if i >= len(r.cells) || r.cells[i].k != kindNumber {
				continue
			}
			if x := r.cells[i].cur; x == "" || cur != "" && x != cur {
				cur = ""
				break
			} else {
				cur = x
			}
			n++
		}
		if cur != "" && n > 0 {
			c.Currency = cur
			c.Reason += fmt.Sprintf("; currency %s from the cells' number format", cur)
		}
	}
}
