package read

import (
	"sort"

	"tradecheck/reconcile"
)

// DetectedUnits lists the weight units and the currencies that a sheet's
// mapping found (in headers, unit or currency columns, or the user's
// mapping), sorted and without repeats, for inspect and the Sources
// screen. A weight unit that was assumed reads "kg (assumed)".
func DetectedUnits(cols []Column) (units, currencies []string) {
	u, c := map[string]bool{}, map[string]bool{}
	for _, col := range cols {
		switch col.Field {
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight:
			switch col.Unit {
			case "":
			case unitAssumedKg:
				u["kg (assumed)"] = true
			default:
				u[col.Unit] = true
			}
		case reconcile.FieldValue, reconcile.FieldValueUSD:
			if col.Currency != "" {
				c[col.Currency] = true
			}
		case reconcile.FieldCurrency:
			// "currencies none" beside a currency column read as if the
			// values had no currency at all.
			c["per row, column "+reconcile.ColumnName(col.Index+1)] = true
		}
		if col.UnitFor == reconcile.FieldNetWeight || col.UnitFor == reconcile.FieldGrossWeight {
			u["per row, column "+reconcile.ColumnName(col.Index+1)] = true
		}
	}
	return sortedKeys(u), sortedKeys(c)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
