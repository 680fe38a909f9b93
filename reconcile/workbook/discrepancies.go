package workbook

import (
	"strconv"
)

func (w *writer) discrepancies() error {
	ds := w.d.Merge.Discrepancies
	sw, err := w.open(SheetDiscrepancies, []float64{11, 11, 16, 70, 22, 70}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, DiscrepanciesHeader); err != nil {
		return err
	}
	b := newRowBuilder(len(DiscrepanciesHeader), &w.st)
	var buf, target []byte
	for i := range ds {
		x := &ds[i]
		b.reset()
		if row, ok := w.shipmentRow(x.Shipment); ok {
			target = strconv.AppendInt(append(target[:0], "#Shipments!A"...), int64(row), 10)
			buf = appendFormulaString(append(buf[:0], "HYPERLINK("...), string(target))
			buf = appendFormulaString(append(buf, ','), x.Shipment)
			b.cell(w.st.Link, string(append(buf, ')')), x.Shipment)
		} else {
			b.put(x.Shipment)
		}
		b.put(x.Kind)
		b.put(string(x.Field))
		buf = buf[:0]
		for k, o := range x.Values {
			if k > 0 {
				buf = append(buf, "; "...)
			}
			buf = append(append(appendProv(buf, o.Source), ": "...), o.Value...)
		}
		b.put(string(buf))
		b.put(x.Used)
		b.put(x.Rule)
		if err := sw.SetRow("A"+strconv.Itoa(i+2), b.row()); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
