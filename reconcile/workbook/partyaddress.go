package workbook

import (
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/names"
)

// appendPartyAddresses adds to a merged row's reason the address its
// consignee or shipper cell carried after the name (names.SplitAddress):
// the shipment shows one source's names, and the address another row
// wrote is evidence of the firm's city and country that must stay in
// sight on the Shipments sheet.
func appendPartyAddresses(text []byte, rec *reconcile.Record) []byte {
	for _, p := range []struct {
		role  string
		party *reconcile.Party
	}{{"consignee", &rec.Consignee}, {"shipper", &rec.Shipper}} {
		for _, n := range p.party.Names {
			_, addr := names.SplitAddress(n)
			if addr == "" {
				continue
			}
			text = append(text, "; "+p.role+" written with its address: "...)
			text = append(text, strings.Join(strings.Fields(addr), " ")...)
			break
		}
	}
	return text
}
