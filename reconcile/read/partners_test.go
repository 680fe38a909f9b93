package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

func TestTradeFlowCell(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"M", lineImport}, {"X", lineExport}, {"RX", lineReExport}, {"RM", lineReImport},
		{"Import", lineImport}, {"Export", lineExport}, {"Re-export", lineReExport}, {"Re-Import", lineReImport},
		{"Import of goods for inward processing", lineImport}, {"XIP", lineExport}, {"DX", lineExport},
		{"1", lineImport}, {"2", lineExport}, {"3", lineReExport}, {"4", lineReImport},
		{"", lineNoFlow}, {"Transit", lineNoFlow}, {"5", lineNoFlow},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := tradeFlow(tc.in); got != tc.want {
				t.Errorf("tradeFlow(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

// A UN Comtrade download mixing flows: each row's reporter and partner
// take the ends of the route its flow gives them; "World" is no country;
// weights are in kg as Comtrade documents them (no assumed-unit flag).
func TestComtradeRolesByFlow(t *testing.T) {
	path := writeFile(t, "comtrade.csv", []byte("typeCode,freqCode,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2ISO,cmdCode,qtyUnitAbbr,qty,netWgt,grossWgt,primaryValue\n"+
		"C,M,202301,156,CHN,China,X,Export,643,RUS,Russian Federation,,030617,kg,23500,23500,,176000\n"+
		"C,M,202301,643,RUS,Russian Federation,M,Import,156,CHN,China,KAZ,930330,u,350,1400,,396000\n"+
		"C,M,202301,784,ARE,United Arab Emirates,RX,Re-export,643,RUS,Russian Federation,,880730,u,10,450,,91000\n"+
		"C,M,202301,156,CHN,China,RM,Re-import,840,USA,USA,,630790,u,5,80,,1000\n"+
		"C,M,202301,156,CHN,China,X,Export,0,W00,World,,630790,N/A,,9800,,1100000\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 5 {
		t.Fatalf("%d records", len(recs))
	}
	for i, want := range []struct{ origin, dispatch, dest string }{
		{"CN", "CN", "RU"}, // export: reporter dispatches, partner receives
		{"CN", "KZ", "RU"}, // import: partner is the origin, second partner the consignment country
		{"", "AE", "RU"},   // re-export: foreign goods, origin not stated
		{"CN", "US", "CN"}, // re-import: own goods coming back
		{"CN", "CN", ""},   // export to World: no destination
	} {
		r := recs[i]
		if r.OriginCountry != want.origin || r.DispatchCountry != want.dispatch || r.DestinationCountry != want.dest {
			t.Errorf("row %d: route %q>%q>%q, want %q>%q>%q", r.Source.Row, r.OriginCountry, r.DispatchCountry, r.DestinationCountry, want.origin, want.dispatch, want.dest)
		}
		for _, f := range r.Flags {
			if f.Field == reconcile.FieldNetWeight || f.Field == reconcile.FieldDestinationCountry {
				t.Errorf("row %d: unexpected flag %+v", r.Source.Row, f)
			}
		}
	}
	if sr.Flow().Flow != "" {
		t.Errorf("a mixed-flow file states flow %q", sr.Flow().Flow)
	}
	cols := sr.Columns()
	if !strings.Contains(cols[4].Reason, "by each row's flow in column G") {
		t.Errorf("reporterISO reason %q", cols[4].Reason)
	}
	if cols[15].Unit != "kg" {
		t.Errorf("netWgt unit %q, want kg", cols[15].Unit)
	}
}

// One flow and one reporter: the sheet states an export of that
// country; a country column of the sheet wins over the partner.
func TestComtradeOneReporter(t *testing.T) {
	path := writeFile(t, "ct.csv", []byte("period,reporterISO,flowCode,partnerISO,destination country,cmdCode,netWgt\n"+
		"202301,CHN,X,RUS,Kazakhstan,030617,23500\n"+
		"202302,CHN,X,RUS,,030617,100\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if st := sr.Flow(); st.Flow != reconcile.FlowExport || st.Country != "CN" {
		t.Errorf("flow %q country %q (%s), want export CN", st.Flow, st.Country, st.Why)
	}
	if len(recs) != 2 || recs[0].DestinationCountry != "KZ" || recs[1].DestinationCountry != "RU" {
		t.Fatalf("destinations: %+v", recs)
	}
}

// Without a flow column the reporter and partner stay unmapped: their
// roles are unknown.
func TestComtradeNoFlowNoRoles(t *testing.T) {
	path := writeFile(t, "ct.csv", []byte("period,reporterISO,partnerISO,cmdCode,netWgt\n202301,CHN,RUS,030617,23500\n"))
	_, recs := readSheet(t, path, "", Options{})
	if len(recs) != 1 || recs[0].OriginCountry != "" || recs[0].DispatchCountry != "" || recs[0].DestinationCountry != "" {
		t.Fatalf("route set without a flow: %+v", recs)
	}
}
