package workbook

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

func (w *writer) method() error {
	d := w.d
	sw, err := w.open(SheetMethod, []float64{28, 40, 80, 20, 12, 30, 12, 14, 30, 22, 30}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, MethodHeader); err != nil {
		return err
	}
	r := 2
	set := func(cells ...any) error {
		err := sw.SetRow("A"+strconv.Itoa(r), cells)
		r++
		return err
	}
	params := append([]Param{
		{"Marker", Marker, "Tradecheck recognises this workbook by this marker and never reads it as a shipment source."},
		{"Version", d.Version, "Tradecheck version that wrote this workbook."},
		{"Run started", d.Started.UTC().Format("2006-01-02T15:04:05Z"), "UTC."},
		{"Run finished", d.Finished.UTC().Format("2006-01-02T15:04:05Z"), "UTC."},
	}, d.Params...)
	for _, p := range params {
		if err := set(p.Name, p.Value, excelize.Cell{StyleID: w.st.Wrap, Value: p.Meaning}); err != nil {
			return err
		}
	}
	r++
	if err := set(excelize.Cell{StyleID: w.st.Title, Value: "Method"}); err != nil {
		return err
	}
	for _, p := range d.Method {
		if err := set(excelize.Cell{StyleID: w.st.Wrap, Value: p}); err != nil {
			return err
		}
	}
	r++
	if err := set(excelize.Cell{StyleID: w.st.Title, Value: DecisionsTitle}); err != nil {
		return err
	}
	if err := w.header(sw, r, DecisionsHeader); err != nil {
		return err
	}
	r++
	for _, dc := range d.Decisions {
		if err := set("name", dc.Op, dc.Name, string(dc.Role), dc.TaxID, dc.Other, string(dc.OtherRole), dc.Target, "",
			timeText(dc.Time), dc.Note); err != nil {
			return err
		}
	}
	for _, dc := range d.ShipmentDecisions {
		if err := set("shipment", dc.Op, "", "", "", dc.Other, "", "", dc.Row, timeText(dc.Time), dc.Reason, dc.SHA256, dc.OtherSHA256); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
