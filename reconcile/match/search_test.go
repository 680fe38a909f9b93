package match

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

func TestSearch(t *testing.T) {
	t.Parallel()
	names := []string{"ООО «Техкрим»", "TEKHKOM LLC", "Tehkrim LLC", "SZ DJI TECHNOLOGY CO.,LTD", "深圳市大疆创新科技有限公司", "ROMASHKA"}
	ix, err := NewSearchIndex(context.Background(), names, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		query     string
		wantFirst string
		positions []int // of the first hit, rune offsets in the name as written
	}{
		{"latin query finds cyrillic", "tekhkrim", "ООО «Техкрим»", []int{5, 6, 7, 8, 9, 10, 11}},
		{"cyrillic query", "техкрим", "ООО «Техкрим»", []int{5, 6, 7, 8, 9, 10, 11}},
		{"case-insensitive latin", "dji", "SZ DJI TECHNOLOGY CO.,LTD", []int{3, 4, 5}},
		{"han", "大疆", "深圳市大疆创新科技有限公司", []int{3, 4}},
		{"fuzzy gaps", "rmshk", "ROMASHKA", []int{0, 2, 4, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := ix.Search(tt.query, 3)
			if len(hits) == 0 {
				t.Fatalf("Search(%q): no hits", tt.query)
			}
			if hits[0].Name != tt.wantFirst {
				t.Errorf("Search(%q) first = %q, want %q (all: %v)", tt.query, hits[0].Name, tt.wantFirst, hits)
			}
			if !slices.Equal(hits[0].Positions, tt.positions) {
				t.Errorf("Search(%q) positions = %v, want %v", tt.query, hits[0].Positions, tt.positions)
			}
			if names[hits[0].Index] != hits[0].Name {
				t.Errorf("hit index %d names %q, hit says %q", hits[0].Index, names[hits[0].Index], hits[0].Name)
			}
		})
	}
	t.Run("another scheme's spelling", func(t *testing.T) {
		// Typed with kh, found written with h or ch: the matcher folds
		// these, so the search box must too. Positions point at the
		// letters as written.
		ix, err := NewSearchIndex(context.Background(), []string{"Tehkrim LLC", "Techkrim", "ROMASHKA"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]int{"Tehkrim LLC": {0, 1, 2, 3, 4, 5, 6}, "Techkrim": {0, 1, 2, 4, 5, 6, 7}}
		hits := ix.Search("tekhkrim", 5)
		for _, h := range hits {
			if w, ok := want[h.Name]; ok {
				if !slices.Equal(h.Positions, w) {
					t.Errorf("%q positions = %v, want %v", h.Name, h.Positions, w)
				}
				delete(want, h.Name)
			}
		}
		if len(want) > 0 {
			t.Errorf("Search(\"tekhkrim\") missed %v; hits %v", want, hits)
		}
	})
	t.Run("no match", func(t *testing.T) {
		if hits := ix.Search("qqqzzz", 5); len(hits) != 0 {
			t.Errorf("got %v, want no hits", hits)
		}
	})
	t.Run("top n", func(t *testing.T) {
		if hits := ix.Search("l", 2); len(hits) != 2 {
			t.Errorf("got %d hits, want 2", len(hits))
		}
	})
	t.Run("empty query", func(t *testing.T) {
		if hits := ix.Search("  ", 5); hits != nil {
			t.Errorf("got %v, want nil", hits)
		}
	})
}

// mayMatch only filters: whatever the fuzzy matcher matches, it lets
// through.
func TestMayMatchNeverRejectsAFuzzyMatch(t *testing.T) {
	t.Parallel()
	strs := []string{"OOO TEKHKRIM", "ООО «Техкрим»", "Tehkrim LLC", "SZ DJI TECHNOLOGY CO.,LTD", "深圳市大疆", "sib neft", "A-B C", ""}
	queries := []string{"tekhkrim", "TEH", "dji", "sz dji", "b c", "техкрим", "大疆", "x", "ooo t"}
	for _, q := range queries {
		for _, str := range strs {
			fz := fuzzy.Find(q, []string{str})
			if len(fz) > 0 && !mayMatch(strings.ToLower(q), str) {
				t.Errorf("mayMatch(%q, %q) = false, but the fuzzy matcher matches", q, str)
			}
		}
	}
	if mayMatch("tekhkrim", "ROMASHKA") {
		t.Errorf("mayMatch(tekhkrim, ROMASHKA) = true, want false")
	}
}

// FuzzFoldName: the folded name maps every byte back to a rune of the
// name as written, in order, so highlights never point past the name.
func FuzzFoldName(f *testing.F) {
	for _, s := range []string{"ООО «Техкрим»", "Tehkrim LLC", "SZ DJI TECHNOLOGY CO.,LTD", "深圳市大疆", "Şirketi İSTANBUL", "", "--", "ЁЖИК-ЩИТ 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		fold, at := foldName(name)
		if len(at) != len(fold) {
			t.Fatalf("foldName(%q) = %q with %d positions", name, fold, len(at))
		}
		runes := int32(utf8.RuneCountInString(name))
		for i, r := range at {
			if r < 0 || r >= runes || (i > 0 && r < at[i-1]) {
				t.Fatalf("foldName(%q): positions %v out of order or past %d runes", name, at, runes)
			}
		}
	})
}
