package match

import (
	"context"
	"strings"
	"testing"
)

// TestPartyCellWithAddress: a B/L feed's party cell that writes the
// address after the name joins the register's name for the firm, and the
// reason says the address was split off; a firm whose name holds an
// address word stays apart from the shorter name.
func TestPartyCellWithAddress(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		joins bool
	}{
		{"address on the next line", "ООО «Воронков»", "VORONKOV LLC\n125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA", true},
		{"address after a comma", "VORONKOV LLC", "VORONKOV LLC, 12 LENINA ST, MOSCOW, 101000, RUSSIA", true},
		{"Cyrillic address", "VORONKOV LLC", "ООО «Воронков», 101000, г. Москва, ул. Ленина, д. 12", true},
		{"address after CO LTD", "NINGBO BRIGHTLEAF TOOLS CO., LTD.", "NINGBO BRIGHTLEAF TOOLS CO LTD NO.8 KEJI RD NANSHAN NINGBO CHINA", true},
		{"phone tail", "VORONKOV LLC", "VORONKOV LLC TEL: +7 495 1234567", true},
		{"street word in the name", "MACHINES LLC", "ROAD MACHINES LLC", false},
		{"street word in the name, address after", "MACHINES LLC", "ROAD MACHINES LLC, 12 LENINA ST, MOSCOW, 101000, RUSSIA", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := clusterTwo(t, Consignee, tt.a, tt.b)
			if got := res.EntityOf[0] == res.EntityOf[1]; got != tt.joins {
				t.Fatalf("same entity %v, want %v (%+v)", got, tt.joins, res.Entities)
			}
			if !tt.joins {
				return
			}
			e := res.Entities[res.EntityOf[1]]
			for k, m := range e.Members {
				if m == 1 && !strings.Contains(e.Reasons[k], "address split off") {
					t.Errorf("reason %q does not say the address was split off", e.Reasons[k])
				}
			}
			if strings.ContainsAny(e.Canonical, "\n0123456789") {
				t.Errorf("canonical name %q carries the address", e.Canonical)
			}
		})
	}
}

// clusterTwo clusters two names of one role with the default options.
func clusterTwo(t *testing.T, role Role, a, b string) *Result {
	t.Helper()
	ms := []Mention{{Name: a, Role: role, Count: 1}, {Name: b, Role: role, Count: 1}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
