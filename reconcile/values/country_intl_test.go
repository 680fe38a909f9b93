package values

import "testing"

// TestCountryNamesIntl: names in the languages of the exports Tradecheck reads.
func TestCountryNamesIntl(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Туреччина": "TR", "Türkiye": "TR", "Rusya": "RU", "RUSYA FEDERASYONU": "RU", "Çin": "CN", "CIN": "CN",
		"韩国": "KR", "俄罗斯": "RU", "中国": "CN", "中國": "CN", "韓國": "KR", "臺灣": "TW", "Rusia": "RU",
		"Қытай": "CN", "Ресей": "RU", "Німеччина": "DE", "Польща": "PL", "Almanya": "DE", "Güney Kore": "KR",
		"Federação Russa": "RU", "Kazajistán": "KZ",
		"ERMENİSTAN": "AM", "ERMENISTAN": "AM", "Ermenistan": "AM", "MOĞOLİSTAN": "MN", "Sırbistan": "RS",
		"KIRGIZ CUMHURİYETİ": "KG", "FAS KRALLIĞI": "MA",
	} {
		if got, ok := Country(in); !ok || got != want {
			t.Errorf("Country(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	// "Kore" and "朝鲜半岛"-style names of two countries stay unknown.
	for _, in := range []string{"Kore", "Корея"} {
		if got, ok := Country(in); ok {
			t.Errorf("Country(%q) = %q, want unknown (two countries)", in, got)
		}
	}
}

// TestBilingualCountry: a country written native name + English, as
// portals and bilingual registers write it.
func TestBilingualCountry(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want string // "" = unknown
	}{
		{"中国 China", "CN"},
		{"乌兹别克斯坦 Uzbekistan", "UZ"},
		{"Россия Russia", "RU"},
		{"Türkiye Turkey", "TR"},
		{"Казахстан / Kazakhstan", "KZ"},
		{"Німеччина (Germany)", "DE"},
		{"Ўзбекистон Uzbekistan", "UZ"}, // native half unknown, other script: the English half decides
		{"Uzbekistan Ўзбекистон", "UZ"}, // English first
		{"中国 Russia", ""},               // halves disagree
		{"Sudan South", ""},             // one script, one half unknown: not a translation
		{"Germany France", ""},          // two countries
		{"Россия Китай", ""},            // two countries in one script
		{"United Kingdom", "GB"},        // a plain name still reads
		{"Republic of Moldova Молдова", "MD"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Country(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("Country(%q) = %q, want unknown", tt.in, got)
				}
				return
			}
			if !ok || got != tt.want {
				t.Errorf("Country(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}
