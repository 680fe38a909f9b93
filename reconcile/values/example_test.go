package values_test

import (
	"fmt"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

func ExampleParseNumber() {
	column := []string{"1 234,5", "1,234", "12,75"}
	hint := values.GuessNumberHint(column)
	for _, cell := range column {
		v, ok := values.ParseNumber(cell, hint)
		fmt.Println(cell, "→", v, ok)
	}
	v, ok := values.ParseNumber("1,234", values.HintNone)
	fmt.Println("without a hint: 1,234 →", v, ok)
	// Output:
	// 1 234,5 → 1234.5 true
	// 1,234 → 1.234 true
	// 12,75 → 12.75 true
	// without a hint: 1,234 → 1234 true
}

func ExampleParseDate() {
	column := []string{"01/02/2022", "25/12/2022"}
	order := values.GuessDateOrder(column)
	for _, cell := range column {
		d, ok := values.ParseDate(cell, order)
		fmt.Println(cell, "→", d, ok)
	}
	d, _ := values.ParseDate("апр 2023", values.OrderUnknown)
	fmt.Println("апр 2023 →", d, "month only:", d.Precision == reconcile.PrecisionMonth)
	// Output:
	// 01/02/2022 → 2022-02-01 true
	// 25/12/2022 → 2022-12-25 true
	// апр 2023 → 2023-04 month only: true
}

func ExampleSplitTaxIDs() {
	name, ids := values.SplitTaxIDs("7722476458 772201001 OOO YATASH RUS")
	fmt.Printf("%q INN=%s KPP=%s\n", name, ids.INN, ids.KPP)
	name, ids = values.SplitTaxIDs("7701234567 LTD «TECHKRIM»") // bad check digit, no label
	fmt.Printf("%q INN=%q\n", name, ids.INN)
	// Output:
	// "OOO YATASH RUS" INN=7722476458 KPP=772201001
	// "7701234567 LTD «TECHKRIM»" INN=""
}

func ExampleWeightUnitInHeader() {
	for _, h := range []string{"Вес нетто, кг", "Net weight (t)", "Вес, тыс. т", "Net weight total"} {
		unit, factor, ok := values.WeightUnitInHeader(h)
		fmt.Printf("%s → %q %g %v\n", h, unit, factor, ok)
	}
	// Output:
	// Вес нетто, кг → "kg" 1 true
	// Net weight (t) → "t" 1000 true
	// Вес, тыс. т → "t" 1e+06 true
	// Net weight total → "" 0 false
}
