package pipeline

import (
	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// unidentifiedReason is the exclusion reason of an unidentified_row
// record, as the Shipments sheet's Status shows it.
const unidentifiedReason = "figures without party, date, HS code or goods (a total row?); include it if it is a shipment"

// unidentifiedDecisions keeps the records the reader flagged
// unidentified_row out of totals until the user decides: each is split
// from any shipment it would join (so excluding it excludes nothing
// else) and excluded. They come before the user's decisions, so the
// user's "include" wins.
func (r *Result) unidentifiedDecisions() []merge.Decision {
	var out []merge.Decision
	for i := range r.Records {
		for _, f := range r.Records[i].Flags {
			if f.Code == reconcile.FlagUnidentified {
				row := merge.RowKey(r.Records[i].Source)
				out = append(out, merge.Decision{Op: merge.OpSplit, Row: row, Reason: unidentifiedReason},
					merge.Decision{Op: merge.OpExclude, Row: row, Reason: unidentifiedReason})
				break
			}
		}
	}
	return out
}
