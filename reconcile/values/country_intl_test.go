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
