package workbook

import (
	"testing"

	"tradecheck/reconcile"
)

func TestAppendPartyAddresses(t *testing.T) {
	for _, tt := range []struct {
		name      string
		cons, shp string
		want      string
	}{
		{"both with addresses", "VORONKOV LLC\n125047, MOSCOW,\nUL. TVERSKAYA 1, RUSSIA", "NINGBO BRIGHTLEAF TOOLS CO LTD NO.8 KEJI RD NINGBO CHINA",
			"r; consignee written with its address: 125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA; shipper written with its address: NO.8 KEJI RD NINGBO CHINA"},
		{"plain names", "VORONKOV LLC", "ROAD MACHINES LLC", "r"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := reconcile.Record{Consignee: reconcile.Party{Names: []string{tt.cons}}, Shipper: reconcile.Party{Names: []string{tt.shp}}}
			if got := string(appendPartyAddresses([]byte("r"), &rec, addressCache{}.of)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
