package read

import (
	"slices"
	"testing"

	"tradecheck/reconcile"
)

// A currency or weight-unit column gives the values their unit row by
// row: "currencies none" beside one read as if they had none.
func TestDetectedUnitsNamesPerRowColumns(t *testing.T) {
	cols := []Column{
		{Index: 3, Field: reconcile.FieldNetWeight, Unit: unitAssumedKg},
		{Index: 4, UnitFor: reconcile.FieldNetWeight},
		{Index: 5, Field: reconcile.FieldValue},
		{Index: 6, Field: reconcile.FieldCurrency},
	}
	units, curs := DetectedUnits(cols)
	if !slices.Contains(units, "per row, column E") {
		t.Errorf("units %q do not name the unit column E", units)
	}
	if !slices.Equal(curs, []string{"per row, column G"}) {
		t.Errorf("currencies %q, want the currency column G", curs)
	}
	units, curs = DetectedUnits(cols[:1])
	if !slices.Equal(units, []string{"kg (assumed)"}) || len(curs) != 0 {
		t.Errorf("without unit columns: units %q, currencies %q", units, curs)
	}
}
