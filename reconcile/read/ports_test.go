package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A B/L feed's port of unlading with a country code gives the
// destination country, its port of lading the dispatch country; the
// shipper's country stays the shipper's, and its reason says so.
func TestPortCountries(t *testing.T) {
	path := writeFile(t, "bl.csv", []byte("Arrival Date,Consignee,Shipper,Shipper Country,Port of Lading,Port of Unlading,Gross Weight (kg)\n"+
		"2022-03-06,OOO TEKHKRIM,SKYLINE DRONES FZCO,UNITED ARAB EMIRATES,\"SHANGHAI, CN\",\"NOVOROSSIYSK, RU\",1850\n"+
		"2022-03-24,TEHKRIM LLC,NORINCO,CHINA,\"QINGDAO, CN\",\"AKTAU, KZ\",1000\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if r.DestinationCountry != "RU" || r.DispatchCountry != "CN" || r.Shipper.Country != "AE" {
		t.Errorf("destination %q, dispatch %q, shipper country %q; want RU, CN, AE", r.DestinationCountry, r.DispatchCountry, r.Shipper.Country)
	}
	if recs[1].DestinationCountry != "KZ" {
		t.Errorf("second destination %q, want KZ", recs[1].DestinationCountry)
	}
	cols := sr.Columns()
	if !strings.Contains(cols[5].Reason, "“NOVOROSSIYSK, RU” → RU") {
		t.Errorf("port of unlading reason %q", cols[5].Reason)
	}
	if cols[3].Field != reconcile.FieldShipperCountry || !strings.Contains(cols[3].Reason, "not used as the country of dispatch") {
		t.Errorf("shipper country column: %q (%s)", cols[3].Field, cols[3].Reason)
	}
	for _, c := range []struct {
		in   string
		want string
	}{{"NOVOROSSIYSK, RU", "RU"}, {"Shanghai (CN)", "CN"}, {"NOVOROSSIYSK", ""}, {"KOREA, REPUBLIC OF", ""}, {"PORT, XX", ""},
		{"SHANGHAI, CHINA", "CN"}, {"HOUSTON, TEXAS", "US"}, {"NEWARK, NJ", "US"}, {"VANCOUVER, BRITISH COLUMBIA", "CA"},
		{"LONG BEACH, CA", ""}, {"SAVANNAH, GEORGIA", ""}, {"HOUSTON TX 77002", ""}, {"HOUSTON, TX 77002", ""}} {
		if got, _ := placeCountry(c.in, placesUnsettled); got != c.want {
			t.Errorf("placeCountry(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A port column's convention settles the tails that are both a state and
// a country: among US states CA is California and GA Georgia (the state),
// among countries CA is Canada and DE Germany; a column of ambiguous
// tails only reads none.
func TestPlaceConventions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		samples []string
		conv    placeConvention
		want    []string
	}{
		{"US ports with state names", []string{"HOUSTON, TEXAS", "NEW YORK/NEWARK AREA, NEWARK, NEW JERSEY", "SAVANNAH, GEORGIA", "LOS ANGELES, CALIFORNIA"}, placesStates, []string{"US", "US", "US", "US"}},
		{"US ports with postal codes", []string{"LONG BEACH, CA", "NEWARK, NJ", "SAVANNAH, GA", "BALTIMORE, MD"}, placesStates, []string{"US", "US", "US", "US"}},
		{"Canadian ports", []string{"VANCOUVER, BC", "HALIFAX, NS", "MONTREAL, QC"}, placesStates, []string{"CA", "CA", "CA"}},
		{"world ports with ISO codes", []string{"HAMBURG, DE", "SHANGHAI, CN", "VANCOUVER, CA", "ROTTERDAM, NL"}, placesCountries, []string{"DE", "CN", "CA", "NL"}},
		{"only ambiguous tails", []string{"LONG BEACH, CA", "SAVANNAH, GA"}, placesUnsettled, []string{"", ""}},
		{"both kinds: only the unambiguous", []string{"HOUSTON, TX", "SHANGHAI, CN", "LONG BEACH, CA"}, placesUnsettled, []string{"US", "CN", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conv := placesOf(tc.samples)
			if conv != tc.conv {
				t.Errorf("convention %d, want %d", conv, tc.conv)
			}
			for i, s := range tc.samples {
				if got, _ := placeCountry(s, conv); got != tc.want[i] {
					t.Errorf("placeCountry(%q) = %q, want %q", s, got, tc.want[i])
				}
			}
		})
	}
}

// A US import feed: the port of unlading with US states gives the
// destination; "GA" and "CA" in a company name, an address or a port
// column of the wrong kind give no country.
func TestUSPortsOnlyInPortColumns(t *testing.T) {
	path := writeFile(t, "us.csv", []byte("Arrival Date,Consignee,Consignee Address,Shipper,Port of Unlading,Port of Lading,Country of Origin,Weight (kg)\n"+
		"2022-05-03,GA TRADING INC,\"1 MAIN ST, SAVANNAH, GA\",SHANDONG HUAAN,\"HOUSTON, TEXAS\",\"SHANGHAI, CHINA\",CHINA,2000\n"+
		"2023-03-02,CA FOODS LLC,\"1 HARBOR WAY, LONG BEACH, CA\",ZHANJIANG GUOLIAN,\"LONG BEACH, CA\",\"SHEKOU, CHINA\",CHINA,12000\n"+
		"2023-03-03,CA FOODS LLC,\"1 HARBOR WAY, LONG BEACH, CA\",ZHANJIANG GUOLIAN,\"SAVANNAH, GA\",\"SHEKOU, CHINA\",CHINA,12000\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	for _, r := range recs {
		if r.DestinationCountry != "US" || r.DispatchCountry != "CN" || r.Consignee.Country != "" {
			t.Errorf("row %d: destination %q dispatch %q consignee country %q; want US, CN, none", r.Source.Row, r.DestinationCountry, r.DispatchCountry, r.Consignee.Country)
		}
	}
	cols := sr.Columns()
	if cols[2].Field != "" || cols[4].Field != reconcile.FieldDestinationCountry || !strings.Contains(cols[4].Reason, "US states") {
		t.Errorf("address %q; port of unlading %q (%s)", cols[2].Field, cols[4].Field, cols[4].Reason)
	}
}
