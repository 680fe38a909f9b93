package workbook

import (
	"strconv"
	"strings"
)

func (w *writer) rates() error {
	d := w.d
	sw, err := w.open(SheetRates, []float64{10, 10, 14, 40, 12}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, RatesHeader); err != nil {
		return err
	}
	for i, rt := range d.Rates {
		used := 0
		for k := range d.Merge.Shipments {
			sh := &d.Merge.Shipments[k]
			if _, cur := sh.Value(d.Records); cur == rt.Currency && strings.HasPrefix(sh.USDBasis, "converted") &&
				(rt.Month == "" && strings.Contains(sh.USDBasis, "all months") || rt.Month != "" && strings.Contains(sh.USDBasis, "("+rt.Month+")")) {
				used++
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{rt.Currency, rt.Month, rt.ToUSD, rt.Note, used}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
