package merge

import (
	"strconv"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// consignments gives the shipments that are goods items of one
// consignment the same Consignment key. A customs declaration with three
// goods items is three rows that merge, total and keep their own weight,
// value and HS code as three shipments, but a reporter's "shipment" is
// the consignment: one declaration (else one bill of lading). Shipment
// counts (claims, totals) count distinct keys. A key is set only when at
// least two shipment-level shipments share it, so a shipment with "" is
// its own consignment and the counting maps stay small.
func (r *reconciler) consignments() {
	shs := r.res.Shipments
	keys := make([]string, len(shs))
	n := map[string]int{}
	for i := range shs {
		sh := &shs[i]
		if sh.Monthly {
			continue
		}
		k := consignmentKey(sh, r.in.Records)
		if k != "" {
			// One consignment has one consignee: a master B/L over a
			// consolidation of several firms' goods is not one shipment,
			// and rows whose consignees were not matched as one firm stay
			// apart (counted as before rather than merged by a guess).
			k += "|" + strconv.Itoa(int(sh.Consignee))
			keys[i] = k
			n[k]++
		}
	}
	for i, k := range keys {
		if k != "" && n[k] > 1 {
			shs[i].Consignment = k
		}
	}
}

// consignmentKey is "D" and the normalized declaration number of the
// shipment's preferred row that has one, else "B" and its bill of
// lading, else "".
func consignmentKey(sh *Shipment, recs []reconcile.Record) string {
	if id, _ := sh.Declaration(recs); id != "" {
		if k := values.NormalizeID(reconcile.FieldDeclarationID, id); k != "" {
			return "D" + k
		}
	}
	for _, x := range sh.Rows {
		if bl := recs[x].BillOfLading; bl != "" {
			if k := values.NormalizeID(reconcile.FieldBillOfLading, bl); k != "" {
				return "B" + k
			}
		}
	}
	return ""
}
