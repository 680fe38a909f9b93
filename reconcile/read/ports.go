package read

import (
	"fmt"
	"regexp"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// B/L feeds name ports, not countries: "Port of Unlading: NOVOROSSIYSK,
// RU". The port where the cargo is unladen is in the destination country
// and the port of lading in the country of dispatch, and the feed writes
// the country's ISO code after the port. A port column whose values
// carry such a code fills the country field the sheet has no column for;
// inspect and the Sources screen say so in the column's reason.
//
// The "Shipper Country" of a B/L feed stays the shipper's country (its
// address), not the country of dispatch: a trader in Dubai ships from
// Chinese ports, and reading its address as the dispatch country would
// route cargo through the Emirates that never went there. Its reason says
// how to map it as dispatch when a file means that.

// portReason starts the reason of a port column read as a country.
const portReason = "country code after the port"

// portCode finds the ISO code written after a port: "NOVOROSSIYSK, RU",
// "Shanghai (CN)".
var portCode = regexp.MustCompile(`(?:,\s*|\()([A-Za-z]{2})\)?\s*$`)

// portCountry returns the ISO alpha-2 code written after a port's name.
func portCountry(s string) (string, bool) {
	m := portCode.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", false
	}
	code := strings.ToUpper(m[1])
	if iso, ok := values.Country(code); ok && iso == code {
		return iso, true
	}
	return "", false
}

// portFields maps a port column's header to the country it gives.
func portField(header string) reconcile.Field {
	h := prepHeader(header)
	if !h.has("port") {
		return ""
	}
	switch {
	case h.has("unlading", "discharge", "unloading", "destination", "arrival", "entry", "import"):
		return reconcile.FieldDestinationCountry
	case h.has("lading", "loading", "departure", "export", "shipment", "origin"):
		return reconcile.FieldDispatchCountry
	}
	return ""
}

// portCountries maps unmapped port columns to the destination or
// dispatch country when most of their samples end with a country code
// and the sheet has no column for that country.
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
		n, ex := 0, ""
		for _, s := range c.Samples {
			if iso, ok := portCountry(s); ok {
				n++
				if ex == "" {
					ex = fmt.Sprintf("“%s” → %s", s, iso)
				}
			}
		}
		if n*10 < len(c.Samples)*8 {
			continue
		}
		what := "the port of unlading is in the destination country"
		if f == reconcile.FieldDispatchCountry {
			what = "the port of lading is in the country of dispatch"
		}
		c.Field, c.Reason = f, fmt.Sprintf("%s (%s): %s", portReason, ex, what)
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
