package read

import (
	"testing"

	"tradecheck/reconcile"
)

// A merged group header carried over its sub-headers must not overrule a
// sub-header that names a quantity: a count under "Amount" is not money.
func TestGroupHeaderQuantity(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name         string
		upper, lower []string
		want         []reconcile.Field
	}{
		{"qty under amount (bilingual)", []string{"买方 Buyer", "金额 Amount", ""}, []string{"", "美元 USD", "数量 Qty"},
			[]reconcile.Field{reconcile.FieldConsignee, reconcile.FieldValueUSD, reconcile.FieldQuantity}},
		{"quantity under value", []string{"Importer", "Value", ""}, []string{"", "EUR", "Quantity"},
			[]reconcile.Field{reconcile.FieldConsignee, reconcile.FieldValue, reconcile.FieldQuantity}},
		{"net and gross still join the weight group", []string{"Importer", "Weight (kg)", ""}, []string{"", "Net", "Gross"},
			[]reconcile.Field{reconcile.FieldConsignee, reconcile.FieldNetWeight, reconcile.FieldGrossWeight}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := rowsOf([][]string{tt.upper, tt.lower})
			joined, ok := joinHeader(rows[0], rows[1])
			if !ok {
				t.Fatalf("joinHeader(%q, %q) did not join", tt.upper, tt.lower)
			}
			cols, _ := resolveColumns(joined, nil, nil, nil)
			for i, want := range tt.want {
				if cols[i].Field != want {
					t.Errorf("column %d %q = %q (%s), want %q", i, joined[i], cols[i].Field, cols[i].Reason, want)
				}
			}
		})
	}
}
