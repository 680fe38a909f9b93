package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A weight column not named net or gross is the gross weight in a bill-
// of-lading or manifest feed (the carrier weighs the cargo with its
// packing), the net weight elsewhere when no net column exists.
func TestBareWeightOfBLFeeds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers []string
		want    reconcile.Field
		reason  string
	}{
		{"B/L feed", []string{"Bill of Lading Number", "Consignee", "Weight", "Weight Unit"}, reconcile.FieldGrossWeight, "bill-of-lading feed"},
		{"B/L feed with a net column", []string{"Bill of Lading Number", "Consignee", "Net weight", "Weight"}, reconcile.FieldGrossWeight, "read as gross weight"},
		{"B/L feed with a gross column: the bare weight is left out", []string{"Bill of Lading Number", "Consignee", "Gross weight", "Weight"}, "", "a gross column exists"},
		{"declaration register with B/L numbers", []string{"Declaration number", "Bill of Lading Number", "Consignee", "Weight"}, reconcile.FieldNetWeight, "read as net weight"},
		{"no B/L numbers", []string{"Consignee", "Weight"}, reconcile.FieldNetWeight, "read as net weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols, _ := resolveColumns(tt.headers, nil, nil, nil)
			for _, c := range cols {
				if c.Header != "Weight" {
					continue
				}
				if c.Field != tt.want || !strings.Contains(c.Reason, tt.reason) {
					t.Errorf("Weight: field %q, reason %q; want %q with %q", c.Field, c.Reason, tt.want, tt.reason)
				}
				return
			}
			t.Fatalf("no Weight column in %+v", cols)
		})
	}
}
