package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// shipments writes one row per reconciled shipment.
func (w *writer) shipments() error {
	d := w.d
	widths := make([]float64, len(ShipmentsHeader))
	for i := range widths {
		widths[i] = 12
	}
	for _, c := range []struct {
		h string
		w float64
	}{{"Consignee entity", 30}, {"Consignee", 30}, {"Shipper entity", 30}, {"Shipper", 30}, {"Description", 40},
		{"Sources", 40}, {"Status", 24}, {"Route key", 16}, {"Tonnes basis", 18}, {"USD basis", 30}, {"Merge reasons", 60}, {"Date", 11}} {
		for i, h := range ShipmentsHeader {
			if h == c.h {
				widths[i] = c.w
			}
		}
	}
	// Print the columns (A:Q); the helper columns stay on screen.
	if err := w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: SheetShipments,
		RefersTo: "Shipments!$A$1:$" + col(ShipmentsHeader, "Status") + "$" + strconv.Itoa(w.lastShip)}); err != nil {
		return err
	}
	sw, err := w.open(SheetShipments, widths, 1, ref(ShipmentsHeader, w.lastShip))
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ShipmentsHeader); err != nil {
		return err
	}
	lab := w.labels()
	for i := range d.Merge.Shipments {
		sh := &d.Merge.Shipments[i]
		cells := make([]any, len(ShipmentsHeader))
		c := 0
		put := func(v any) { cells[c] = v; c++ }
		put(sh.ID)
		switch sh.Date.Precision {
		case reconcile.PrecisionDay:
			put(excelize.Cell{StyleID: w.st.Date, Value: sh.Date.Time})
		case reconcile.PrecisionMonth:
			put(sh.Date.String())
		default:
			put(nil)
		}
		put(str(w.entityName(sh.Consignee)))
		put(str(sh.ConsigneeName))
		put(str(w.entityName(sh.Shipper)))
		put(str(sh.ShipperName))
		for _, g := range []totals.GroupBy{totals.ByOrigin, totals.ByDispatch, totals.ByDestination} {
			k, _ := totals.Key(g, sh, lab)
			put(k)
		}
		put(str(sh.HSCode))
		put(str(sh.Description))
		put(num(sh.NetKg(d.Records), w.st.Kg))
		put(num(sh.GrossKg(d.Records), w.st.Kg))
		put(num(sh.Tonnes, w.st.Tonnes))
		put(num(sh.USD, w.st.USD))
		put(w.sourcesLink(sh))
		put(sh.Status())
		put(str(w.entityID(sh.Consignee)))
		put(str(w.entityID(sh.Shipper)))
		if sh.Counted() {
			put("yes")
		} else {
			put("no")
		}
		if sh.Monthly {
			put("monthly")
		} else {
			put("shipment")
		}
		for _, g := range []totals.GroupBy{totals.ByMonth, totals.ByHSChapter, totals.ByHSHeading, totals.ByHSSub, totals.ByRoute} {
			k, _ := totals.Key(g, sh, lab)
			put(k)
		}
		put(str(sh.TonnesBasis))
		put(str(sh.USDBasis))
		put(num(sh.Quantity, 0))
		put(str(sh.QuantityUnit))
		value, currency := sh.Value(d.Records)
		put(num(value, w.st.Kg))
		put(str(currency))
		decl, item := sh.Declaration(d.Records)
		put(str(decl))
		put(str(item))
		if len(sh.Rows) > 1 {
			var reasons []string
			for k, x := range sh.Rows {
				reasons = append(reasons, ProvText(d.Records[x].Source)+": "+sh.Reasons[k])
			}
			put(strings.Join(reasons, "; "))
		} else {
			put(nil)
		}
		if len(sh.Duplicates) > 0 {
			var dups []string
			for _, x := range sh.Duplicates {
				dups = append(dups, ProvText(d.Records[x].Source))
			}
			put(strings.Join(dups, "; "))
		} else {
			put(nil)
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), cells); err != nil {
			return err
		}
		if err := w.tick(1); err != nil {
			return err
		}
	}
	return flush(sw)
}

// sourcesLink is the Sources cell: every source row, linked to the first.
func (w *writer) sourcesLink(sh *merge.Shipment) any {
	if len(sh.Rows) == 0 {
		return nil
	}
	var parts []string
	for _, x := range sh.Rows {
		parts = append(parts, ProvText(w.d.Records[x].Source))
	}
	text := strings.Join(parts, "; ")
	first := sh.Rows[0]
	s := w.recSheet[first]
	part, row := location(w.d.Records[first].Source.Row)
	name := w.srcNames[s]
	if part > 0 {
		name = w.overflow(int(s), part+1)
	}
	target := "#" + quoteSheet(name) + "!A" + strconv.Itoa(row)
	return excelize.Cell{StyleID: w.st.Link, Formula: "HYPERLINK(" + formulaString(target) + "," + formulaString(text) + ")", Value: text}
}

// overflow returns the name of part k (≥2) of source sheet s.
func (w *writer) overflow(s, k int) string {
	for len(w.parts[s]) < k-1 {
		name := overflowName(w.srcNames[s], len(w.parts[s])+2, w.taken)
		w.parts[s] = append(w.parts[s], name)
	}
	return w.parts[s][k-2]
}
