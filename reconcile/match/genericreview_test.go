package match

import (
	"context"
	"strings"
	"testing"
)

// TestGenericNamesReview: names of generic words only never merge, but
// two of them written alike, or a slip or a space apart, go to review with
// the reason; other legal kinds, other numbers, short names and names many
// firms share stay apart. Invented names.
func TestGenericNamesReview(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"a slip in a generic word", "GLOBAL ENERGY SOLUTIONS GROUP LLC", "GLOBAL ENERGY SOLUTOINS GROUP LLC", "review"},
		{"a space inside a generic word", "GLOBAL ENERGY SOLUTIONS GROUP LLC", "GLOBAL ENERGY SOL UTIONS GROUP LLC", "review"},
		{"the same words, legal forms of one kind", "INTERNATIONAL ENGINEERING SERVICES JSC", "AO INTERNATIONAL ENGINEERING SERVICES", "review"},
		{"legal forms of two kinds", "INTERNATIONAL ENGINEERING SERVICES JSC", "INTERNATIONAL ENGINEERING SERVICES LLC", "apart"},
		{"other numbers", "ENGINEERING SERVICES 7 LLC", "ENGINEERING SERVICES 9 LLC", "apart"},
		{"too short to say anything", "TRADE GROUP LLC", "TRADE GRUOP LLC", "apart"},
		{"two slips", "GLOBAL ENERGY SOLUTIONS GROUP LLC", "GLOBAL ENREGY SOLUTOINS GROUP LLC", "apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantOutcome(t, tt.a, tt.b, tt.want, "only generic words") })
	}
	t.Run("a name many firms share", func(t *testing.T) {
		var ms []Mention
		for range soundGroupMax + 1 {
			ms = append(ms, Mention{Name: "GLOBAL ENERGY SOLUTIONS GROUP LLC", TaxID: ""})
		}
		// Identical mentions are one mention; give each its own role and
		// a distinct spacing so that they are several names.
		for i := range ms {
			ms[i].Name = strings.Repeat(" ", i) + ms[i].Name
			ms[i].Role = Consignee
		}
		ms = append(ms, Mention{Name: "GLOBAL ENERGY SOLUTOINS GROUP LLC", Role: Consignee})
		res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Review {
			for _, r := range p.Reasons {
				if strings.Contains(r, "only generic words") {
					t.Fatalf("review pair %q / %q for a name %d names share", ms[p.A].Name, ms[p.B].Name, soundGroupMax+1)
				}
			}
		}
	})
}
