package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/merge"
)

// claimRow is one shipment behind a verdict, as the detail tables show
// it: the engine's row and the shipment it points at.
type claimRow struct {
	row  claims.Row
	near *claims.Near // nil for rows in scope
	ship *merge.Shipment
	c    *claims.Claim
}

// claimColumn is one column of the in-scope or near-boundary table.
type claimColumn struct {
	title string
	width float32
	text  func(r *claimRow) string
}

func shipText(r *claimRow, f func(*merge.Shipment) string) string {
	if r.ship == nil {
		return ""
	}
	return f(r.ship)
}

// measureText is the row's value of the claim's measure, or why it has
// none.
func measureText(r *claimRow) string {
	if !r.row.Value.Valid {
		if r.row.Missing != "" {
			return "— " + r.row.Missing
		}
		return "—"
	}
	return claims.FormatFigure(r.c.Measure, r.c.Unit, r.row.Value.Value)
}

var (
	colID   = claimColumn{"ID", 110, func(r *claimRow) string { return r.row.ID }}
	colDate = claimColumn{"Date", 100, func(r *claimRow) string { return r.row.Date.String() }}
	colCons = claimColumn{"Consignee", 150, func(r *claimRow) string {
		return shipText(r, func(s *merge.Shipment) string { return s.ConsigneeName })
	}}
	colShip    = claimColumn{"Shipper", 150, func(r *claimRow) string { return shipText(r, func(s *merge.Shipment) string { return s.ShipperName }) }}
	colMeasure = claimColumn{"Counts as", 100, measureText}
	colTonnes  = claimColumn{"Tonnes", 90, func(r *claimRow) string {
		return shipText(r, func(s *merge.Shipment) string { return numText(s.Tonnes.Value, s.Tonnes.Valid, 3) })
	}}
	colUSD = claimColumn{"Value USD", 110, func(r *claimRow) string {
		return shipText(r, func(s *merge.Shipment) string { return numText(s.USD.Value, s.USD.Valid, 0) })
	}}
	colSources = claimColumn{"Sources", 420, func(r *claimRow) string { return strings.Join(r.row.Sources, "; ") }}
	colMisses  = claimColumn{"Misses", 100, func(r *claimRow) string { return r.near.Filter }}
	colDetail  = claimColumn{"Has instead", 280, func(r *claimRow) string { return r.near.Detail }}
)

var (
	inScopeColumns = []claimColumn{colID, colDate, colCons, colShip, colMeasure, colTonnes, colUSD, colSources}
	nearColumns    = []claimColumn{colID, colMisses, colDetail, colDate, colCons, colShip, colTonnes, colUSD, colSources}
)

// newRowTable is a virtualised table over rows(), which is read on every
// refresh.
func newRowTable(cols []claimColumn, rows func() []claimRow) *widget.Table {
	return newLabelTable(cols, func() int { return len(rows()) }, func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		rs := rows()
		if id.Row < 0 || id.Row >= len(rs) || id.Col < 0 || id.Col >= len(cols) {
			l.SetText("")
			return
		}
		l.SetText(cols[id.Col].text(&rs[id.Row]))
	})
}

// shipmentAt returns shipment i of the data the verdicts were computed
// over.
func (s *claimsScreen) shipmentAt(i int) *merge.Shipment {
	if s.vdata == nil || i < 0 || i >= len(s.vdata.Shipments) {
		return nil
	}
	return &s.vdata.Shipments[i]
}

// inRows are the selected verdict's shipments in scope.
func (s *claimsScreen) inRows() []claimRow {
	v := s.sel
	if v == nil {
		return nil
	}
	out := make([]claimRow, len(v.InScope))
	for i, r := range v.InScope {
		out[i] = claimRow{row: r, ship: s.shipmentAt(r.Shipment), c: &v.Claim}
	}
	return out
}

// nearRows are the selected verdict's near-boundary shipments.
func (s *claimsScreen) nearRows() []claimRow {
	v := s.sel
	if v == nil {
		return nil
	}
	out := make([]claimRow, len(v.Near))
	for i := range v.Near {
		n := &v.Near[i]
		out[i] = claimRow{row: n.Row, near: n, ship: s.shipmentAt(n.Shipment), c: &v.Claim}
	}
	return out
}
