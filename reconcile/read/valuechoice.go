package read

import (
	"fmt"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// Registers of the post-Soviet customs often give a row two values: the
// invoice value in the contract's currency (a currency column beside it)
// and the customs value in national currency ("Митна вартість, грн",
// "Таможенная стоимость, руб"). The customs value ranks first among value
// columns (classifyValue), and when it is in USD (Russia's "Статистическая
// стоимость, USD") it fills value_usd beside the invoice's value, so both
// are read. In national currency it would fill the one value field
// alone, and every row would need a rate for the hryvnia or the rouble
// although many invoices are in dollars. So there the invoice value is
// read (dollars count as they are, other currencies with their rate), and
// the customs value is kept as a fallback for a row whose invoice
// currency has no rate while the national currency has one. Which was
// used is in the columns' reasons and, per row, in a kept flag.

// preferInvoiceValue reorders the value candidates of a sheet that has an
// invoice value without a currency of its own in the header, a currency
// column, and a customs value whose header names a currency other than
// USD: the invoice value wins, and the customs value is marked as its
// fallback (altCustoms finishes the reasons). A column the user mapped
// decides alone.
func preferInvoiceValue(cols []Column) (inv, cust int) {
	inv, cust = -1, -1
	hasCurCol := false
	for i := range cols {
		c := &cols[i]
		if c.Override && (c.Field == reconcile.FieldValue || c.Field == reconcile.FieldValueUSD) {
			return -1, -1
		}
		if c.Field == reconcile.FieldCurrency {
			hasCurCol = true
		}
		if c.Field != reconcile.FieldValue || c.total || c.Hidden {
			continue
		}
		h := prepHeader(c.Header)
		cur, named := headerCurrency(h)
		switch {
		case h.is("customs_value") && named && cur != "USD" && cust < 0:
			cust = i
		case h.is("invoice_value") && !h.is("customs_value") && !named && inv < 0:
			inv = i
		}
	}
	if !hasCurCol || inv < 0 || cust < 0 {
		return -1, -1
	}
	cols[inv].rank = cols[cust].rank - 1
	return inv, cust
}

// altCustoms writes the reasons of the pair preferInvoiceValue chose and
// keeps the customs column as the invoice value's fallback.
func altCustoms(cols []Column, inv, cust int) {
	if inv < 0 || cust < 0 || cols[inv].Field != reconcile.FieldValue {
		return
	}
	c, v := &cols[cust], &cols[inv]
	cur, _ := headerCurrency(prepHeader(c.Header))
	v.Reason += fmt.Sprintf("; used rather than column %s %q (customs value in %s): dollar invoices count as they are and other currencies with their rate, while the customs value would need a rate for %s on every row",
		reconcile.ColumnName(cust+1), c.Header, cur, cur)
	if k := strings.Index(c.Reason, " (also a candidate)"); k >= 0 {
		c.Reason = c.Reason[:k]
	}
	c.Reason += fmt.Sprintf("; kept as the fallback of column %s %q: used for a row only when the invoice's currency has no rate and %s has one (each such row is flagged %s)",
		reconcile.ColumnName(inv+1), v.Header, cur, reconcile.FlagCustomsValueUsed)
	c.AltFor, c.Currency = reconcile.FieldValue, cur
}

// curColumn is the sheet's currency column, -1 for none.
func curColumn(p *plan) int { return p.col(reconcile.FieldCurrency) }

// customsFallback uses the row's customs value in national currency when
// the invoice value is empty, or cannot be converted: its currency has no
// rate and the national currency has one.
// The invoice value's figures stay in the flag's detail.
func (p *plan) customsFallback(r *rawRow, rec *reconcile.Record, curCol int) {
	a := p.altValue
	if a < 0 || rec.ValueUSD.Valid {
		return
	}
	altCur := p.cols[a].Currency
	empty := !rec.Value.Valid && rec.Value.Raw == ""
	// An empty invoice takes the customs value, rate or not (without
	// one it is counted as a value with no rate, not as no value). A
	// value of unknown currency stays flagged as such: which currency it
	// was is the user's to say, not the fallback's.
	if !empty && (!rec.Value.Valid || rec.Currency == "" || p.rated[rec.Currency] || !p.rated[altCur]) {
		return
	}
	n, _ := p.numberAt(r, a, reconcile.FieldValue, true, func(reconcile.Field, reconcile.FlagCode, int, string, string) {})
	if !n.Valid {
		return
	}
	was := "the invoice value is empty"
	if rec.Value.Valid {
		was = fmt.Sprintf("the invoice value %s %s has no rate", strconv.FormatFloat(rec.Value.Value, 'f', -1, 64), rec.Currency)
		if curCol >= 0 {
			was += fmt.Sprintf(" (currency from column %s)", reconcile.ColumnName(curCol+1))
		}
	}
	rec.Value, rec.Currency = n, altCur
	rec.Flags = append(rec.Flags, reconcile.Flag{Field: reconcile.FieldValue, Code: reconcile.FlagCustomsValueUsed, Column: a, Raw: n.Raw, Kept: true,
		Detail: fmt.Sprintf("%s; the customs value in %s (column %s) is used with its rate", was, altCur, reconcile.ColumnName(a+1))})
}
