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
	}{{"NOVOROSSIYSK, RU", "RU"}, {"Shanghai (CN)", "CN"}, {"NOVOROSSIYSK", ""}, {"KOREA, REPUBLIC OF", ""}, {"PORT, XX", ""}} {
		if got, _ := portCountry(c.in); got != c.want {
			t.Errorf("portCountry(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
