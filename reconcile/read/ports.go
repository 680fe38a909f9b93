package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// B/L feeds name ports, not countries: "Port of Unlading: NOVOROSSIYSK,
// RU", "HOUSTON, TEXAS". The port where the cargo is unladen is in the
// destination country and the port of lading in the country of dispatch,
// and the feed writes the country (or a US state, places.go) after the
// port. A port column whose values end so fills the country field the
// sheet has no column for; inspect and the Sources screen say so in the
// column's reason.
//
// The "Shipper Country" of a B/L feed stays the shipper's country (its
// address), not the country of dispatch: a trader in Dubai ships from
// Chinese ports, and reading its address as the dispatch country would
// route cargo through the Emirates that never went there. Its reason says
// how to map it as dispatch when a file means that.

// portReason starts the reason of a port column read as a country.
const portReason = "country after the port"

// portField maps a port or place column's header to the country it
// gives: where the cargo is unladen or delivered is in the destination
// country, where it is laden or received in the country of dispatch.
func portField(header string) reconcile.Field {
	h := prepHeader(header)
	switch {
	case h.has("port"):
		switch {
		case h.has("unlading", "discharge", "unloading", "destination", "arrival", "entry", "import"):
			return reconcile.FieldDestinationCountry
		case h.has("lading", "loading", "departure", "export", "shipment", "origin"):
			return reconcile.FieldDispatchCountry
		}
	case h.has("place"):
		switch {
		case h.has("delivery", "discharge", "unloading", "destination"):
			return reconcile.FieldDestinationCountry
		case h.has("receipt", "loading", "departure", "dispatch"):
			return reconcile.FieldDispatchCountry
		}
	}
	return ""
}

// portCountries maps unmapped port columns to the destination or
// dispatch country when most of their samples end with a country, US
// state or Canadian province (places.go) and the sheet has no column for
// that country.
func portCountries(cols []Column) {
	has := map[reconcile.Field]bool{}
	for _, c := range cols {
		has[c.Field] = true
	}
	for i := range cols {
		c := &cols[i]
		// "Port of Lading" holds the word of bills of lading; a port is
		// never a B/L number.
		portBL := c.Field == reconcile.FieldBillOfLading && prepHeader(c.Header).has("port")
		if c.Field != "" && !portBL || c.Override || len(c.Samples) == 0 {
			continue
		}
		f := portField(c.Header)
		if f == "" || has[f] {
			continue
		}
		conv := placesOf(c.Samples)
		n, ex, unsure := 0, "", ""
		for _, s := range c.Samples {
			if iso, ok := placeCountry(s, conv); ok {
				n++
				if ex == "" {
					ex = fmt.Sprintf("“%s” → %s", s, iso)
				}
			} else if a, b := tailCountries(placeTail(s)); a != "" && b != "" && unsure == "" {
				unsure = s
			}
		}
		if n*10 < len(c.Samples)*8 {
			if portBL || strings.Contains(c.Reason, "bill of lading") {
				c.Field, c.Reason = "", "a port, not a bill of lading number"
			}
			c.Reason += fmt.Sprintf("; most ports have no country written after them (“%s”), so it gives no country", c.Samples[0])
			if unsure != "" {
				c.Reason += fmt.Sprintf("; “%s” ends with a code that is both a US state or Canadian province and a country, and no other place in the column settles which: no country read — map the column if you know", unsure)
			}
			continue
		}
		what := "the port of unlading is in the destination country"
		if f == reconcile.FieldDispatchCountry {
			what = "the port of lading is in the country of dispatch"
		}
		if conv == placesStates {
			what += "; the places end with US states or Canadian provinces"
		}
		c.Field, c.Reason, c.places = f, fmt.Sprintf("%s (%s): %s", portReason, ex, what), conv
		has[f] = true
	}
}

// isPortColumn reports whether column i was mapped by portCountries.
func (p *plan) isPortColumn(i int) bool {
	return i >= 0 && i < len(p.cols) && strings.HasPrefix(p.cols[i].Reason, portReason)
}

// shipperCountryReason says, on a shipper country column of sheet of
// file path, that it is read as the shipper's address, and names the
// step that reads it as dispatch instead.
func shipperCountryReason(cols []Column, path, sheet string) {
	for i := range cols {
		if cols[i].Field == reconcile.FieldShipperCountry && !cols[i].Override {
			cols[i].Reason += "; the shipper's address, not used as the country of dispatch (a trader may ship from another country's ports) — if the file means dispatch, map the column to " + string(reconcile.FieldDispatchCountry)
			cols[i].Step = reconcile.Step{Fix: reconcile.FixMapColumns, File: path, Sheet: sheet, Column: i + 1, Value: string(reconcile.FieldDispatchCountry)}
		}
	}
}
