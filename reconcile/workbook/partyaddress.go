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
func appendPartyAddresses(text []byte, rec *reconcile.Record, addrOf func(string) string) []byte {
	for _, p := range []struct {
		role  string
		party *reconcile.Party
	}{{"consignee", &rec.Consignee}, {"shipper", &rec.Shipper}} {
		for _, n := range p.party.Names {
			addr := addrOf(n)
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

// addressCache remembers each name's address: a firm's spelling recurs on
// thousands of rows, and splitting it again for each cost seconds of the
// million-row run. Owned by one sheet writer (not safe for concurrent use).
type addressCache map[string]string

func (c addressCache) of(name string) string {
	if a, ok := c[name]; ok {
		return a
	}
	_, a := names.SplitAddress(name)
	c[name] = a
	return a
}
