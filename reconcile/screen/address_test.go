package screen

import (
	"strings"
	"testing"
)

// TestScreenPartyWithAddress: a B/L party cell that carries the firm's
// address after its name is screened on the name, and the hit says the
// address was split off. A name that only holds address words is not cut
// into a listed one.
func TestScreenPartyWithAddress(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	tests := []struct {
		name string
		q    string
		want string // "" when no hit may come
	}{
		{"address on the next line", "TEKHKRIM LLC\n125047, MOSCOW, UL. TVERSKAYA 1, RUSSIA", "opensanctions:NK-tekhkrim:listed"},
		{"address after a comma", "TEKHKRIM LLC, 12 LENINA ST, MOSCOW, 101000, RUSSIA", "opensanctions:NK-tekhkrim:listed"},
		{"Cyrillic name and address", "ООО «Техкрим», 101000, г. Москва, ул. Ленина, д. 12", "opensanctions:NK-tekhkrim:listed"},
		{"contact tail", "TEKHKRIM LLC ATTN: I. PETROV TEL: +7 495 1234567", "opensanctions:NK-tekhkrim:listed"},
		{"the name keeps its street word", "TEKHKRIM ROAD LLC", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, hits := hitsOf(t, x, Query{Name: tt.q}, Options{})
			if tt.want == "" {
				for _, h := range hits {
					if h.Status == StatusListed {
						t.Fatalf("listed hit %q for %q", got, tt.q)
					}
				}
				return
			}
			if !contains(got, tt.want) {
				t.Fatalf("hits %q, want %s", got, tt.want)
			}
			for _, h := range hits {
				if h.Source+":"+h.ListedID+":"+string(h.Status) == tt.want && !strings.Contains(strings.Join(h.Reasons, "; "), "address split off") {
					t.Errorf("reasons %q do not say the address was split off", h.Reasons)
				}
			}
		})
	}
}
