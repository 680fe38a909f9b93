package workbook

import (
	"strconv"

	"tradecheck/reconcile/totals"
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
	used := totals.RateUses(d.Merge.Shipments, d.Records, d.Rates)
	for i, rt := range d.Rates {
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{rt.Currency, rt.Month, rt.ToUSD, rt.Note, used[i]}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
