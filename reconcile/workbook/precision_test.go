package workbook

import (
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/totals"
)

func TestRoundTo(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		v    float64
		d    int
		want string
	}{
		{0.1 + 0.2, 2, "0.3"}, {12.345000000000001, 3, "12.345"}, {1639.9999999999998, 3, "1640"},
		{1979.8009999999999, 6, "1979.801"}, {-0.0000001, 3, "0"}, {1e300, 6, "1e+300"}, {-2.5, 0, "-3"},
	} {
		t.Run(tt.want, func(t *testing.T) {
			if got := strconv.FormatFloat(roundTo(tt.v, tt.d), 'g', -1, 64); got != tt.want {
				t.Errorf("roundTo(%v, %d) = %s, want %s", tt.v, tt.d, got, tt.want)
			}
		})
	}
}

var excelizeRaw = excelize.Options{RawCellValue: true}

// decimals counts the places after the point of a cell's stored text.
func decimals(raw string) int {
	if _, frac, ok := strings.Cut(raw, "."); ok {
		return len(frac)
	}
	return 0
}

func rat(t *testing.T, raw string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(raw)
	if !ok {
		t.Fatalf("cell value %q is no number", raw)
	}
	return r
}

// The figures the workbook stores carry no float noise (a sum of
// doubles, 1979.8009999999999, cut by excelize to 1979.80099999999): kg
// to 3 decimals, tonnes to 6, USD to 2. The Totals sheet's total still
// equals, in tonnes exactly, the sum of the Shipments cells Excel adds up
// when it recalculates; in USD within half a cent per shipment.
func TestStoredPrecision(t *testing.T) {
	t.Parallel()
	d := testData(t)
	kg := []float64{12.345000000000001, 1639.9999999999998, 100.1, 200.2, 0.7}
	usd := []float64{0.1, 0.2, 1.15, 2.675, 1000.0 / 3}
	for i := range d.Records {
		d.Records[i].NetKg = reconcile.Num(kg[i])
		d.Records[i].ValueUSD = reconcile.Num(usd[i])
	}
	d.Merge.Discrepancies = append(d.Merge.Discrepancies, totals.Apply(d.Merge.Shipments, d.Records, totals.WeightNet, nil)...)
	lab := totals.Labels{EntityID: func(e int32) string { return d.Names.Entities[e].ID }, EntityName: func(e int32) string { return d.Names.Entities[e].Canonical }}
	d.ByConsignee = totals.Compute(d.Merge.Shipments, totals.ByConsignee, totals.Filter{}, lab)
	d.Overall = totals.Compute(d.Merge.Shipments, totals.ByNone, totals.Filter{}, lab)
	d.Tables = []*totals.Table{totals.Compute(d.Merge.Shipments, totals.ByRoute, totals.Filter{}, lab)}
	f := writeAndOpen(t, d)

	rows, err := f.GetRows(SheetShipments)
	if err != nil {
		t.Fatal(err)
	}
	places := map[string]int{"Net kg": kgDecimals, "Tonnes": tonnesDecimals, "Value USD": usdDecimals}
	sums := map[string]*big.Rat{"Tonnes": new(big.Rat), "Value USD": new(big.Rat)}
	for r := 2; r <= len(rows); r++ {
		for h, p := range places {
			cell := col(ShipmentsHeader, h) + strconv.Itoa(r)
			raw, _ := f.GetCellValue(SheetShipments, cell, excelizeRaw)
			if raw == "" {
				continue
			}
			if decimals(raw) > p {
				t.Errorf("Shipments!%s = %s, more than %d decimals", cell, raw, p)
			}
			if s := sums[h]; s != nil {
				s.Add(s, rat(t, raw))
			}
		}
	}
	total := map[string]string{}
	trows, _ := f.GetRows(SheetTotals, excelizeRaw)
	for r, row := range trows {
		if len(row) > 0 && row[0] == "Total" {
			total["Tonnes"], _ = f.GetCellValue(SheetTotals, "D"+strconv.Itoa(r+1), excelizeRaw)
			total["Value USD"], _ = f.GetCellValue(SheetTotals, "E"+strconv.Itoa(r+1), excelizeRaw)
		}
	}
	if total["Tonnes"] == "" {
		t.Fatal("no Total row on the Totals sheet")
	}
	if got, want := rat(t, total["Tonnes"]), sums["Tonnes"]; got.Cmp(want) != 0 {
		t.Errorf("Totals total tonnes %s, want the sum of the Shipments cells %s", total["Tonnes"], want.FloatString(6))
	}
	diff := new(big.Rat).Sub(rat(t, total["Value USD"]), sums["Value USD"])
	if limit := big.NewRat(int64(len(d.Merge.Shipments)), 200); new(big.Rat).Abs(diff).Cmp(limit) > 0 || decimals(total["Value USD"]) > usdDecimals {
		t.Errorf("Totals total USD %s, the Shipments cells sum to %s: more than half a cent per shipment apart, or noise", total["Value USD"], sums["Value USD"].FloatString(2))
	}
	for _, sh := range []string{SheetSummary, SheetTotals, SheetMonthly} {
		rows, _ := f.GetRows(sh, excelizeRaw)
		for r, row := range rows {
			for c, v := range row {
				if _, err := strconv.ParseFloat(v, 64); err == nil && decimals(v) > tonnesDecimals {
					t.Errorf("%s!%s%d = %s: float noise", sh, reconcile.ColumnName(c+1), r+1, v)
				}
			}
		}
	}
}
