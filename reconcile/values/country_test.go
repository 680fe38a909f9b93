package values

import (
	"fmt"
	"strconv"
	"testing"

	"golang.org/x/text/language"
)

var countryTests = []struct {
	name string
	in   string
	want string // "" for ok=false
}{
	{"alpha-2", "RU", "RU"},
	{"alpha-2 lower", "ru", "RU"},
	{"alpha-3", "RUS", "RU"},
	{"numeric", "643", "RU"},
	{"numeric with leading zero", "004", "AF"},
	{"ISO name", "Russian Federation", "RU"},
	{"vendor upper", "RUSSIAN FEDERATION", "RU"},
	{"Russia", "RUSSIA", "RU"},
	{"Turkiye", "TURKIYE", "TR"},
	{"Türkiye", "TÜRKİYE", "TR"},
	{"Turkey", "TURKEY", "TR"},
	{"UAE", "UAE", "AE"},
	{"U.A.E.", "U.A.E.", "AE"},
	{"United Arab Emirates", "UNITED ARAB EMIRATES", "AE"},
	{"PRC", "PRC", "CN"},
	{"China, People's Republic of", "CHINA, PEOPLE'S REPUBLIC OF", "CN"},
	{"Hong Kong SAR", "HONG KONG SAR", "HK"},
	{"USA", "USA", "US"},
	{"U.S.A.", "U.S.A.", "US"},
	{"UK", "UK", "GB"},
	{"Korea, Republic of", "KOREA, REPUBLIC OF", "KR"},
	{"Korea, Rep. reordered", "Korea, Rep.", "KR"},
	{"Viet Nam", "VIET NAM", "VN"},
	{"Vietnam", "Vietnam", "VN"},
	{"Iran reordered", "IRAN, ISLAMIC REPUBLIC OF", "IR"},
	{"Tanzania reordered", "TANZANIA, UNITED REPUBLIC OF", "TZ"},
	{"Netherlands (the)", "Netherlands (the)", "NL"},
	{"The Gambia", "The Gambia", "GM"},
	{"Côte d'Ivoire", "Côte d’Ivoire", "CI"},
	{"Cote d'Ivoire plain", "COTE D'IVOIRE", "CI"},
	{"Curaçao", "Curaçao", "CW"},
	{"Bosnia ampersand", "Bosnia & Herzegovina", "BA"},
	{"extra spaces", "  united   states  ", "US"},
	{"India code is a word", "IN", "IN"},
	{"Tonga code is a word", "TO", "TO"},
	{"Kosovo", "XK", "XK"},
	{"РОССИЯ", "РОССИЯ", "RU"},
	{"Российская Федерация", "РОССИЙСКАЯ ФЕДЕРАЦИЯ", "RU"},
	{"КИТАЙ", "КИТАЙ", "CN"},
	{"ТУРЦИЯ", "ТУРЦИЯ", "TR"},
	{"ОАЭ long", "ОБЪЕДИНЕННЫЕ АРАБСКИЕ ЭМИРАТЫ", "AE"},
	{"ОАЭ long with ё", "Объединённые Арабские Эмираты", "AE"},
	{"ОАЭ", "ОАЭ", "AE"},
	{"КАЗАХСТАН", "КАЗАХСТАН", "KZ"},
	{"БЕЛАРУСЬ", "БЕЛАРУСЬ", "BY"},
	{"УЗБЕКИСТАН", "УЗБЕКИСТАН", "UZ"},
	{"ИНДИЯ", "ИНДИЯ", "IN"},
	{"ГЕРМАНИЯ", "ГЕРМАНИЯ", "DE"},
	{"Корея, Республика", "КОРЕЯ, РЕСПУБЛИКА", "KR"},
	{"Тайвань (Китай)", "ТАЙВАНЬ (КИТАЙ)", "TW"},
	{"Шри-Ланка", "ШРИ-ЛАНКА", "LK"},
	{"Congo is CG", "CONGO", "CG"},
	{"DR Congo", "DR CONGO", "CD"},
	{"DRC with the, reordered", "CONGO, THE DEMOCRATIC REPUBLIC OF", "CD"},
	{"US Virgin Islands reordered", "VIRGIN ISLANDS, UNITED STATES", "VI"},
	{"vendor Vietnam", "VIETNAM, DEMOCRATIC REPUBLIC OF", "VN"},
	{"code comma name", "IN, INDIA", "IN"},
	{"code comma ISO name", "VN, VIET NAM", "VN"},
	{"name with code in brackets", "BRAZIL (BR)", "BR"},
	{"Spanish", "ESPAÑA", "ES"},
	{"Spanish United States", "ESTADOS UNIDOS", "US"},
	{"Portuguese", "ALEMANHA", "DE"},
	{"French", "CHINE", "CN"},
	{"French with accent", "Émirats arabes unis", "AE"},
	{"Congo, Republic of", "CONGO, REPUBLIC OF", "CG"},
	{"Cyrillic К in a Latin name", "КAZAKHSTAN", "KZ"},
	{"Latin letters in a Russian name", "POCCИЯ", "RU"},

	{"XX", "XX", ""},
	{"ZZ", "ZZ", ""},
	{"UNKNOWN", "UNKNOWN", ""},
	{"empty", "", ""},
	{"Korea alone", "KOREA", ""},
	{"КОРЕЯ alone", "КОРЕЯ", ""},
	{"Virgin Islands alone", "VIRGIN ISLANDS", ""},
	{"EU is not a country", "EU", ""},
	{"numeric without zeros", "4", ""},
	{"city", "DUBAI", ""},
	{"junk", "???", ""},
	{"comma junk", ",", ""},
	{"code and name disagree", "IN, CHINA", ""},
	{"name and code disagree", "BRAZIL (ES)", ""},
	{"European Union", "EUROPEAN UNION", ""},
	{"undefined", "UNDEFINED", ""},
	{"free zone", "COLON FREE ZONE", ""},
	{"several", "SEVERAL COUNTRIES", ""},
	{"mojibake", "ESPA?A", ""},
	{"historic South Yemen", "YEMEN, DEMOCRATIC", ""},
}

func TestCountry(t *testing.T) {
	t.Parallel()
	for _, tt := range countryTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Country(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("Country(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestCountryName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"RU": "Russian Federation", "TR": "Türkiye", "AE": "United Arab Emirates",
		"CN": "China", "XK": "Kosovo", "QQ": "QQ", "": ""} {
		if got := CountryName(in); got != want {
			t.Errorf("CountryName(%q) = %q; want %q", in, got, want)
		}
	}
	if got := CountryAlpha3("RU"); got != "RUS" {
		t.Errorf("CountryAlpha3(RU) = %q; want RUS", got)
	}
}

// TestCountryTable checks the hand-written ISO table: 249 assigned codes,
// no spelling claimed by two countries, every alias pointing at a known
// code, and alpha-3 and numeric codes as x/text's CLDR data has them.
func TestCountryTable(t *testing.T) {
	t.Parallel()
	if len(countryConflicts) > 0 {
		t.Errorf("conflicting spellings: %q", countryConflicts)
	}
	iso := 0
	for _, c := range isoCountries {
		if c.alpha2 == "XK" {
			continue
		}
		iso++
		t.Run(c.alpha2, func(t *testing.T) {
			r, err := language.ParseRegion(c.alpha2)
			if err != nil {
				t.Fatalf("x/text does not know %s: %v", c.alpha2, err)
			}
			if got := r.ISO3(); got != c.alpha3 {
				t.Errorf("alpha-3 of %s = %s; x/text says %s", c.alpha2, c.alpha3, got)
			}
			if got := fmt.Sprintf("%03d", r.M49()); got != c.numeric {
				t.Errorf("numeric of %s = %s; x/text says %s", c.alpha2, c.numeric, got)
			}
			for _, spelling := range []string{c.alpha2, c.alpha3, c.numeric, c.name} {
				if got, ok := Country(spelling); !ok || got != c.alpha2 {
					t.Errorf("Country(%q) = %q, %v; want %s", spelling, got, ok, c.alpha2)
				}
			}
		})
	}
	if iso != 249 {
		t.Errorf("table has %d ISO countries; want 249", iso)
	}
}

// TestCountryTableComplete walks every two-letter region x/text knows as a
// country and expects it in the table, so no assigned code is missing.
func TestCountryTableComplete(t *testing.T) {
	t.Parallel()
	// Regions CLDR lists that ISO 3166-1 does not assign to a country:
	// reserved codes, withdrawn ones (the USSR, Yugoslavia, East Germany,
	// the Netherlands Antilles …) and groupings. UK is reserved and read as
	// an alias of GB.
	notISO := map[string]bool{"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true,
		"XK": true, "CQ": true, "EZ": true, "UN": true, "FQ": true, "PC": true, "UK": true,
		"AN": true, "BU": true, "CS": true, "CT": true, "DD": true, "DY": true, "FX": true, "HV": true,
		"JT": true, "MI": true, "NH": true, "NQ": true, "NT": true, "PU": true, "PZ": true, "RH": true,
		"SU": true, "TP": true, "VD": true, "WK": true, "YD": true, "YU": true, "ZR": true}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || notISO[code] {
				continue
			}
			if _, ok := countryNames[code]; !ok {
				t.Errorf("x/text knows country %s (M49 %s); the table does not", code, strconv.Itoa(r.M49()))
			}
		}
	}
}

func TestCountryAllocs(t *testing.T) {
	for _, s := range []string{"RUSSIAN FEDERATION", "КИТАЙ", "TR", "643"} {
		if n := testing.AllocsPerRun(100, func() { Country(s) }); n != 0 {
			t.Errorf("Country(%q) allocates %v times; want 0", s, n)
		}
	}
}

func FuzzCountry(f *testing.F) {
	for _, tt := range countryTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, ok := Country(s)
		if !ok {
			if c != "" {
				t.Fatalf("Country(%q) = %q with ok=false", s, c)
			}
			return
		}
		name := CountryName(c)
		if len(c) != 2 || name == c {
			t.Fatalf("Country(%q) = %q, which has no name", s, c)
		}
		if back, ok := Country(name); !ok || back != c {
			t.Fatalf("Country(%q) = %q, but its name %q gives %q, %v", s, c, name, back, ok)
		}
		if back, ok := Country(c); !ok || back != c {
			t.Fatalf("Country(%q) = %q, but Country(%q) = %q, %v", s, c, c, back, ok)
		}
	})
}

func BenchmarkCountry(b *testing.B) {
	inputs := []string{"RUSSIAN FEDERATION", "КИТАЙ", "TR", "643", "Объединённые Арабские Эмираты", "UNKNOWN"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Country(inputs[i%len(inputs)])
	}
}
