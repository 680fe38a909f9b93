package read

import (
	"strings"

	"tradecheck/reconcile/values"
)

// A port or place is written "CITY, COUNTRY" ("NOVOROSSIYSK, RU",
// "SHANGHAI, CHINA") or, in US and Canadian feeds, "CITY, STATE"
// ("HOUSTON, TEXAS", "LONG BEACH, CA", "VANCOUVER, BC"). Many postal codes
// are also ISO country codes: CA is California and Canada, GA Georgia and
// Gabon, DE Delaware and Germany, NL Newfoundland and the Netherlands, and
// "GEORGIA" is a state and a country. Such a tail is read only by the
// column's convention: a column whose other places end with a state that
// is no country (TX, NEW JERSEY) writes states, one whose places end with
// a country that is no state (RU, CN) writes countries; a column with
// neither leaves the ambiguous places unknown rather than guess. These
// rules run on port and place columns only (portCountries): "GA" in a
// company name or an address never names a country.

// usStates maps the US states (and DC) by name and postal code to US,
// Canada's provinces and territories to CA.
var usStates = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{
		"AL ALABAMA", "AK ALASKA", "AZ ARIZONA", "AR ARKANSAS", "CA CALIFORNIA", "CO COLORADO", "CT CONNECTICUT",
		"DE DELAWARE", "FL FLORIDA", "GA GEORGIA", "HI HAWAII", "ID IDAHO", "IL ILLINOIS", "IN INDIANA", "IA IOWA",
		"KS KANSAS", "KY KENTUCKY", "LA LOUISIANA", "ME MAINE", "MD MARYLAND", "MA MASSACHUSETTS", "MI MICHIGAN",
		"MN MINNESOTA", "MS MISSISSIPPI", "MO MISSOURI", "MT MONTANA", "NE NEBRASKA", "NV NEVADA", "NH NEW HAMPSHIRE",
		"NJ NEW JERSEY", "NM NEW MEXICO", "NY NEW YORK", "NC NORTH CAROLINA", "ND NORTH DAKOTA", "OH OHIO",
		"OK OKLAHOMA", "OR OREGON", "PA PENNSYLVANIA", "RI RHODE ISLAND", "SC SOUTH CAROLINA", "SD SOUTH DAKOTA",
		"TN TENNESSEE", "TX TEXAS", "UT UTAH", "VT VERMONT", "VA VIRGINIA", "WA WASHINGTON", "WV WEST VIRGINIA",
		"WI WISCONSIN", "WY WYOMING", "DC DISTRICT OF COLUMBIA",
	} {
		code, name, _ := strings.Cut(s, " ")
		m[code], m[name] = "US", "US"
	}
	for _, s := range []string{
		"AB ALBERTA", "BC BRITISH COLUMBIA", "MB MANITOBA", "NB NEW BRUNSWICK", "NL NEWFOUNDLAND AND LABRADOR",
		"NS NOVA SCOTIA", "NT NORTHWEST TERRITORIES", "NU NUNAVUT", "ON ONTARIO", "PE PRINCE EDWARD ISLAND",
		"QC QUEBEC", "SK SASKATCHEWAN", "YT YUKON",
	} {
		code, name, _ := strings.Cut(s, " ")
		m[code], m[name] = "CA", "CA"
	}
	m["NEWFOUNDLAND"] = "CA"
	return m
}()

// placeTail is the last part of a place: after its last comma, or a code
// in parentheses at its end ("Shanghai (CN)"), upper case; "" when the
// place has neither.
func placeTail(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if k := strings.LastIndexByte(s, '('); k > 0 {
			return strings.ToUpper(strings.TrimSpace(s[k+1 : len(s)-1]))
		}
	}
	k := strings.LastIndexByte(s, ',')
	if k <= 0 {
		return ""
	}
	return strings.ToUpper(strings.TrimSpace(s[k+1:]))
}

// tailCountries reads a place's tail as a country (an ISO code, or a
// country's name) and as a US state or Canadian province: each is the
// ISO code it gives, "" when the tail is not one.
func tailCountries(tail string) (asCountry, asState string) {
	if tail == "" || strings.IndexFunc(tail, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r == ' ' || r == '.') }) >= 0 {
		return "", "" // digits: a ZIP code or a number, never a country
	}
	asState = usStates[strings.ReplaceAll(tail, ".", "")]
	if iso, ok := values.Country(tail); ok && (len(tail) != 2 || iso == tail) {
		asCountry = iso
	}
	return asCountry, asState
}

// placeConvention is how a port column writes its places, decided on its
// samples.
type placeConvention uint8

const (
	placesUnsettled placeConvention = iota // ambiguous tails stay unknown
	placesCountries                        // "CITY, COUNTRY": CA is Canada
	placesStates                           // "CITY, STATE": CA is California
)

// placesOf decides a column's convention from its samples: states when
// some place ends with a state that is no country and none with a
// country that is no state; countries the other way round.
func placesOf(samples []string) placeConvention {
	states, countries := 0, 0
	for _, s := range samples {
		c, st := tailCountries(placeTail(s))
		switch {
		case st != "" && c == "":
			states++
		case c != "" && st == "":
			countries++
		}
	}
	switch {
	case states > 0 && countries == 0:
		return placesStates
	case countries > 0 && states == 0:
		return placesCountries
	}
	return placesUnsettled
}

// placeCountry returns the country a port or place is in, by its tail and
// the column's convention.
func placeCountry(s string, conv placeConvention) (string, bool) {
	c, st := tailCountries(placeTail(s))
	switch {
	case c != "" && st == "":
		return c, true
	case st != "" && c == "":
		return st, true
	case c != "" && conv == placesCountries:
		return c, true
	case st != "" && conv == placesStates:
		return st, true
	}
	return "", false
}
