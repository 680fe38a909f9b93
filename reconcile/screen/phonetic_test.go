package screen

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile/names"
)

func TestSkeleton(t *testing.T) {
	tests := []struct{ a, b string }{
		{"SKYLINE DRONES", "СКАЙЛАЙН ДРОНС"},
		{"PHOENIX MARINE", "ФИНИКС МАРИН"},
		{"QUANTUM VECTOR", "КВАНТУМ ВЕКТОР"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			a, b := phonKey(names.Analyze(tt.a)), phonKey(names.Analyze(tt.b))
			if a == "" || a != b {
				t.Errorf("keys %q / %q, want equal and not empty", a, b)
			}
		})
	}
	for _, s := range []string{"SKY", "ООО «Ай Би»", "AB CD"} {
		if k := phonKey(names.Analyze(s)); k != "" {
			t.Errorf("%s: key %q, want none (too short to compare)", s, k)
		}
	}
}

// TestPhoneticScreen checks that a Latin listed name written in Cyrillic
// as it sounds goes to review, never to listed, and that nothing else
// does.
func TestPhoneticScreen(t *testing.T) {
	l := &List{Source: SourceOpenSanctions, Name: "test", Entries: []Entry{
		{ID: "SKY", Kind: KindOrganization, Names: []Name{{Text: "Skyline Drones FZCO", Type: "primary"}}, Listed: "2023-02-24"},
		{ID: "KRM", Kind: KindOrganization, Names: []Name{{Text: "Kremlin Logistics LLC", Type: "primary"}}},
	}}
	x := NewIndex([]*List{l})
	tests := []struct {
		name string
		q    string
		want string // "ID:status", "" for no hit
	}{
		{"Cyrillic spelling of an English name", "СКАЙЛАЙН ДРОНС ФЗКО", "SKY:review"},
		{"the Latin name itself stays listed", "SKYLINE DRONES FZ-CO", "SKY:listed"},
		{"a Latin misspelling is not read phonetically", "SKALIN DRANS", ""},
		{"another Cyrillic firm", "СКАЛА ДРЕНАЖ", ""},
		{"too short to compare", "СКАЙ ДРОН", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Screen(context.Background(), []Query{{Name: tt.q, Role: "shipper"}}, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(res.Hits) > 0 {
				got = res.Hits[0].ListedID + ":" + string(res.Hits[0].Status)
			}
			if got != tt.want {
				t.Fatalf("got %q, want %q (%+v)", got, tt.want, res.Hits)
			}
			if tt.want == "SKY:review" && !strings.Contains(strings.Join(res.Hits[0].Reasons, " "), "read back from Cyrillic") {
				t.Errorf("reasons %v do not explain the phonetic hit", res.Hits[0].Reasons)
			}
		})
	}
	// Without a grey zone the phonetic key makes no hit at all.
	res, _ := x.Screen(context.Background(), []Query{{Name: "СКАЙЛАЙН ДРОНС ФЗКО"}}, Options{Threshold: 0.9, ReviewThreshold: 0.9}, nil)
	if len(res.Hits) != 0 {
		t.Errorf("review threshold = threshold: got %+v, want no hit", res.Hits)
	}
}
