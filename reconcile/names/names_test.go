package names

import (
	"slices"
	"strings"
	"testing"
)

var tokenTests = []struct {
	name string
	in   string
	want []string
}{
	{"guillemets", "ООО «Техкрим»", []string{"ооо", "техкрим"}},
	{"latin quotes and case", `OOO "TEKHKRIM"`, []string{"ooo", "tekhkrim"}},
	{"dotted abbreviation", "L.L.C. ABC", []string{"llc", "abc"}},
	{"turkish dotted", "ABC Ltd. Şti.", []string{"abc", "ltd", "sti"}},
	{"turkish dotless i", "İSTANBUL TİCARET A.Ş.", []string{"istanbul", "ticaret", "as"}},
	{"spaced dots", "Philips B. V.", []string{"philips", "bv"}},
	{"apostrophe inside word", "Obshchestvo s ogranichennoy otvetstvennost'yu", []string{"obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"}},
	{"quote pair around word", "‘Chernomorneftegaz’", []string{"chernomorneftegaz"}},
	{"digits split from letters", "Zavod1", []string{"zavod", "1"}},
	{"hyphen splits", "Zavod-2", []string{"zavod", "2"}},
	{"full width", "ＡＢＣ　Ｃｏ．，Ｌｔｄ．", []string{"abc", "co", "ltd"}},
	{"diacritics folded", "Société Générale", []string{"societe", "generale"}},
	{"cyrillic yo kept", "Ёлка", []string{"ёлка"}},
	{"han kept whole", "深圳市大疆创新科技有限公司", []string{"深圳市大疆创新科技有限公司"}},
	{"empty", "  ", nil},
}

func TestTokens(t *testing.T) {
	t.Parallel()
	for _, tt := range tokenTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTranslitMap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		idx            []int
	}{
		{"kh maps back to one rune", "Ха", "Kha", []int{0, 0, 1}},
		{"latin passes through", "A-Б", "A-B", []int{0, 1, 2}},
		{"soft sign vanishes", "ль", "l", []int{0}},
		{"ukrainian", "Їжак", "Yizhak", []int{0, 0, 1, 1, 2, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, idx := TranslitMap(tt.in)
			if got != tt.want || !slices.Equal(idx, tt.idx) {
				t.Errorf("TranslitMap(%q) = %q %v, want %q %v", tt.in, got, idx, tt.want, tt.idx)
			}
		})
	}
}

// Spellings of one Cyrillic word in the common schemes must fold to one key.
func TestKeyFoldsSchemes(t *testing.T) {
	t.Parallel()
	groups := []struct {
		name  string
		forms []string
	}{
		{"kh/h/x/ch", []string{"Техкрим", "tekhkrim", "tehkrim", "texkrim", "techkrim"}},
		{"ts/tz/cz/z", []string{"Цемент", "tsement", "tzement", "czement", "zement"}},
		{"shch/sch/shh", []string{"Щит", "shchit", "schit", "shhit"}},
		{"ya/ia/ja", []string{"Заря", "zarya", "zaria", "zarja", "sarja"}},
		{"yu/iu/ju", []string{"Юнона", "yunona", "iunona", "junona"}},
		{"yo/e", []string{"Ёж", "yozh", "ezh", "jozh"}},
		{"y/i/j ending", []string{"Азовский", "azovskiy", "azovskii", "azovskij", "azovsky"}},
		{"w/v", []string{"Вега", "vega", "wega"}},
		{"zh/sh german", []string{"Жук", "zhuk", "shuk"}},
		{"ks/x", []string{"Экспорт", "eksport", "export"}},
		{"doubled letters", []string{"Комменс", "kommens", "komens"}},
		{"soft consonant before u", []string{"Плюс", "plyus", "plius", "pljus", "plus"}},
		{"ya/ia still meet", []string{"Татьяна", "tatyana", "tatiana", "tatjana"}},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			want := Key(strings.ToLower(g.forms[0]))
			for _, f := range g.forms[1:] {
				if got := Key(f); got != want {
					t.Errorf("Key(%q) = %q, want %q (as %q)", f, got, want, g.forms[0])
				}
			}
		})
	}
	t.Run("different words stay apart", func(t *testing.T) {
		for _, p := range [][2]string{{"tekhkom", "tekhkrim"}, {"zavod", "savot"}, {"alfa", "alga"}} {
			if Key(p[0]) == Key(p[1]) {
				t.Errorf("Key(%q) == Key(%q) = %q, want different", p[0], p[1], Key(p[0]))
			}
		}
	})
}

var analyzeTests = []struct {
	name     string
	in       string
	core     string
	class    LegalClass
	numbers  []string
	tax      string
	distinct bool
}{
	{"OOO latin", "OOO TEKHKRIM", "tehkrim", LLC, nil, "", true},
	{"OOO cyrillic", "ООО «Техкрим»", "tehkrim", LLC, nil, "", true},
	{"LLC suffix", "Tehkrim LLC", "tehkrim", LLC, nil, "", true},
	{"long russian form", "Obshchestvo s ogranichennoy otvetstvennostyu 'Tekhkrim'", "tehkrim", LLC, nil, "", true},
	{"long cyrillic form inflected", "Общества с ограниченной ответственностью Техкрим", "tehkrim", LLC, nil, "", true},
	{"glued valid INN", "7707083893 OOO TEKHKRIM", "tehkrim", LLC, nil, "7707083893", true},
	{"bad-check INN dropped from name", "7701234567 LTD «TECHKRIM»", "tehkrim", LTD, nil, "", true},
	{"co ltd", "SZ DJI TECHNOLOGY CO.,LTD", "sz dji tehnologi", LTD, nil, "", true},
	{"chinese ltd", "深圳市大疆创新科技有限公司", "深圳市大疆创新科技", LTD, nil, "", true},
	{"turkish ltd sti", "SAVA GRANIT MERMER SAN. VE TIC. LTD. ŞTİ.", "sava granit mermer sanai ve tikaret", TRLTD, nil, "", true},
	{"turkish limited sirketi", "Sava Granit Limited Şirketi", "sava granit", TRLTD, nil, "", true},
	{"turkish anonim", "ARCELIK A.Ş.", "arkelik", TRAS, nil, "", true},
	{"uae fze", "G&S DIAMOND FZE", "g s diamond", FZE, nil, "", true},
	{"uae fzco", "Alpha Star FZCO", "alfa star", FZCO, nil, "", true},
	{"uae fz-llc", "Nova Tech FZ-LLC", "nova teh", FZLLC, nil, "", true},
	{"uae dmcc", "Gold Line DMCC", "gold line", DMCC, nil, "", true},
	{"gmbh", "Siemens GmbH", "siemens", GMBH, nil, "", true},
	{"polish", "Kowalski Sp. z o.o.", "kovalski", SPZOO, nil, "", true},
	{"number token", "Zavod-1", "savod", "", []string{"1"}, "", false},
	{"generic only", "TRADING COMPANY LLC", "trading", LLC, nil, "", false},
	{"legal form only", "OOO", "o", "", nil, "", false},
	{"cut inside legal form", "OBSHCHESTVO S OGRANICHENNOI OTVETST", "obshestvo s ogranihenoi otvest", "", nil, "", false},
	{"belarusian jsc", "ADKRYTAE AKTSYYANERNAE TAVARYSTVA BELAZ", "belas", JSC, nil, "", true},
	{"kazakh too is llp", "ТОО «Степь Трейд»", "step trade", LLP, nil, "", true},
	{"kazakh too latin", "STEPPE TRADE TOO", "stepe trade", LLP, nil, "", true},
	{"ukrainian tov", "ТОВ «Ромашка»", "romashka", LLC, nil, "", true},
	{"belarusian chtup", "ЧТУП «Ромашка»", "romashka", PE, nil, "", true},
	{"individual entrepreneur", "ИП Иванов", "ivanov", IE, nil, "", true},
	{"corporation", "CHINA NORTH INDUSTRIES GROUP CORPORATION", "hina north industries group", CORP, nil, "", true},
	{"corporation limited", "CHINA NORTH INDUSTRIES GROUP CORPORATION LIMITED", "hina north industries group", LTD, nil, "", true},
	{"servis borrowed as service", "ООО «Техкрим-Сервис»", "tehkrim servike", LLC, nil, "", true},
	{"trade from treyd", "ООО «Альфа Трейд»", "alfa trade", LLC, nil, "", true},
}

func TestWithinOneEdit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want bool
	}{
		{"kasahstan", "kasahstan", true},
		{"kasbhstan", "kasahstan", true},
		{"kasahstn", "kasahstan", true},
		{"kasahstann", "kasahstan", true},
		{"kasbhstam", "kasahstan", false},
		{"", "a", true},
		{"ab", "ba", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"~"+tt.b, func(t *testing.T) {
			if got := withinOneEdit(tt.a, tt.b); got != tt.want {
				t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestNumbered(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"generic word and number", "АО «Завод-2»", true},
		{"latin", "ZAVOD-2 JSC", true},
		{"distinctive name is not numbered", "URALSKY ZAVOD-1", false},
		{"no number", "OOO ZAVOD", false},
		{"legal form and number only", "OOO 2", false},
		{"may be cut", "FEDERAL STATE UNITARY ENTERPRISE 12", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(tt.in).Numbered; got != tt.want {
				t.Errorf("Analyze(%q).Numbered = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestAliases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []string // core keys of the second readings
	}{
		{"acronym in brackets", "China North Industries Group (NORINCO)", []string{"hina north industries group", "norinko"}},
		{"aka lead", "ROSNEFT AERO (a.k.a. RN AERO)", []string{"rosneft aero", "rn aero"}},
		{"formerly lead", "PSB Bank (formerly PROMSVYAZBANK)", []string{"psb bank", "promsviasbank"}},
		{"cyrillic inside", "Joint-stock company ‘Lenpromtransproyekt’ (АО ‘Ленпромтранспроект’)", []string{"lenpromtransproekt", "lenpromtransproekt"}},
		{"place is a qualifier", "ALPHA TRADING (SINGAPORE) PTE LTD", nil},
		{"generic place", "ALPHA (HONG KONG) LIMITED", nil},
		{"place with a typo", "VTB BANK (KAZBKHSTAN)", nil},
		{"country code", "UNILEVER NV (NL)", nil},
		{"short acronym", "ZAO Interavtomatika (IA)", nil},
		{"legal form in brackets", "TEKHKRIM (OOO)", nil},
		{"unclosed", "UNILEVER NV (NL", nil},
		{"bracket inside the name", "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE", nil},
		{"legal form after the bracket", "Albatros (OOO ‘Al'batros’) Limited Liability Company", []string{"albatros", "albatros"}},
		{"no brackets", "NORINCO", nil},
		{"Han name, Latin spelling after it", "技术克里姆有限责任公司 TEKHKRIM", []string{"技术克里姆", "tehkrim"}},
		{"Latin spelling before a Han name", "TEKHKRIM 技术克里姆有限责任公司", []string{"tehkrim", "技术克里姆"}},
		{"Cyrillic name, Latin spelling after it", "ООО Техкрим TEKHKRIM LLC", []string{"tehkrim", "tehkrim"}},
		{"Latin legal form on a Cyrillic name", "Техкрим LLC", nil},
		{"Latin legal form before a Cyrillic name", "OOO Техкрим", nil},
		{"three runs of scripts", "ALFA 技术克里姆 TEKHKRIM", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, a := range Analyze(tt.in).Alts {
				got = append(got, a.CoreKey())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Analyze(%q).Alts = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnalyze(t *testing.T) {
	t.Parallel()
	for _, tt := range analyzeTests {
		t.Run(tt.name, func(t *testing.T) {
			n := Analyze(tt.in)
			if got := strings.Join(n.Core, " "); got != tt.core {
				t.Errorf("core = %q, want %q", got, tt.core)
			}
			if n.Class() != tt.class {
				t.Errorf("class = %q, want %q", n.Class(), tt.class)
			}
			if !slices.Equal(n.Numbers, tt.numbers) {
				t.Errorf("numbers = %q, want %q", n.Numbers, tt.numbers)
			}
			if n.TaxID != tt.tax {
				t.Errorf("tax = %q, want %q", n.TaxID, tt.tax)
			}
			if n.Distinctive != tt.distinct {
				t.Errorf("distinctive = %v, want %v", n.Distinctive, tt.distinct)
			}
		})
	}
}

func TestScriptOf(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Script{"OOO TEKHKRIM": ScriptLatin, "ООО «Техкрим»": ScriptCyrillic, "大疆": ScriptHan, "123": ScriptNone} {
		if got := ScriptOf(in); got != want {
			t.Errorf("ScriptOf(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, tt := range analyzeTests {
		f.Add(tt.in)
	}
	for _, tt := range tokenTests {
		f.Add(tt.in)
	}
	for _, s := range []string{"技术克里姆有限责任公司 TEKHKRIM", "ООО Техкрим TEKHKRIM LLC", "OBCHTCHESTVO «VEDOUCHTCHIE ZORAVA»", "AO KAMTR ANSMAŠ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Analyze(s)
		for _, x := range append([]*Name{n}, n.Alts...) {
			if len(x.Keys) != len(x.Tokens) || len(x.Legal) != len(x.Tokens) {
				t.Fatalf("Analyze(%q): %d tokens, %d keys, %d legal flags", s, len(x.Tokens), len(x.Keys), len(x.Legal))
			}
			if len(x.Core) != len(x.CoreLat) || len(x.AltCore) != len(x.Core) {
				t.Fatalf("Analyze(%q): core %d, coreLat %d, altCore %d", s, len(x.Core), len(x.CoreLat), len(x.AltCore))
			}
		}
		out, idx := TranslitMap(s)
		if len(idx) != len(out) {
			t.Fatalf("TranslitMap(%q): %d bytes, %d positions", s, len(out), len(idx))
		}
		// KeyMap: one source byte per key byte, in order, inside the token.
		for _, tok := range n.Tokens {
			k, src := KeyMap(tok)
			if k != Key(tok) || len(src) != len(k) {
				t.Fatalf("KeyMap(%q) = %q with %d positions, Key = %q", tok, k, len(src), Key(tok))
			}
			for i, b := range src {
				if b < 0 || b >= len(tok) || (i > 0 && b < src[i-1]) {
					t.Fatalf("KeyMap(%q): positions %v out of order or range", tok, src)
				}
			}
		}
	})
}

func TestCut(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"35 characters, cut inside a word", "LIMITED LIABILITY COMPANY “CHARTERI", true},
		{"35 characters, cut after a space", "Joint Stock Company “Kurgan Machine", true},
		{"short name", "OOO TEKHKRIM", false},
		{"ends in a whole INN", "JSC KURGANMASHZAVOD, INN 4501008142", false},
		{"ends in a closed guillemet", "ООО «Научно-производственное Бюро»", false},
		{"ends in a closed bracket", "PJSC MOTOROSTROITEL (SAMARA PLANT)", false},
		{"ends in a paired straight quote", "OOO 'VOENNO-PROMYSHLENNAYA KOMPANI'", false},
		{"ends in an unpaired quote", "VOENNO-PROMYSHLENNAYA KOMPANIYA AB'", true},
		{"ends in a closer never opened", "VOENNO PROMYSHLENNAYA KOMPANIYA AB)", true},
		{"ends in a two-word legal form", "NINGBO EASTERN MACHINERY CO., LTD", false},
		{"ends in a spelled-out legal form", "KURGAN MACHINE BUILDING PLANT LLC", false},
		{"ends in a form's stump", "KURGAN MACHINE BUILDING PLANT AN TO", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := len([]rune(tt.in)); n < 33 && tt.want {
				t.Fatalf("fixture %q is %d characters, not near 35", tt.in, n)
			}
			if got := Analyze(tt.in).Cut; got != tt.want {
				t.Errorf("Analyze(%q).Cut = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyMap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tok  string
		want []int // source byte of each key byte
	}{
		{"tekhkrim", []int{0, 1, 2, 4, 5, 6, 7}}, // kh -> h from the k
		{"techkrim", []int{0, 1, 2, 4, 5, 6, 7}}, // ch -> h
		{"eksport", []int{0, 1, 3, 4, 5, 6}},     // ks -> x -> h
		{"shchuka", []int{0, 1, 4, 5, 6}},        // shch -> sh
		{"plyuss", []int{0, 1, 3, 4}},            // palatal y dropped, ss -> s
		{"深圳", []int{0, 1, 2, 3, 4, 5}},          // not Latin: as written
	}
	for _, tt := range tests {
		t.Run(tt.tok, func(t *testing.T) {
			k, src := KeyMap(tt.tok)
			if want := Key(tt.tok); k != want {
				t.Errorf("KeyMap(%q) key = %q, Key = %q", tt.tok, k, want)
			}
			if !slices.Equal(src, tt.want) {
				t.Errorf("KeyMap(%q) = %q %v, want map %v", tt.tok, k, src, tt.want)
			}
		})
	}
}

func TestFrenchReading(t *testing.T) {
	tests := []struct{ in, want string }{
		{"naoutchno", Key("nauchno")},
		{"obchtchestvo", Key("obshchestvo")},
		{"belojskoe", Key("belozhskoe")},
		{"machinostroitelnaia", Key("mashinostroitelnaya")},
		{"djiefkei", Key("dzhiefkei")},
		{"kamensk", ""}, // nothing French to read
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := FrenchReading(tt.in); got != tt.want {
				t.Errorf("FrenchReading(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAcronymKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"tskb", "czkb", true},
		{"ckb", "tskb", true},
		{"wkbr", "vkbr", true},
		{"skay", "skaj", true}, // Й after a vowel
		{"skai", "skay", true},
		{"ay", "aj", true},
		{"yrz", "irz", false}, // a lone y at the start is a letter of its own
		{"lkck", "lk", false},
		{"mx", "mks", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := AcronymKey(tt.a) == AcronymKey(tt.b); got != tt.same {
				t.Errorf("AcronymKey(%q)=%q, AcronymKey(%q)=%q: same %v, want %v", tt.a, AcronymKey(tt.a), tt.b, AcronymKey(tt.b), got, tt.same)
			}
		})
	}
}

// TestInitialsAreNoNumerals: initials written with dots (В.И., I.I.) are
// joined like L.L.C. and may spell a Roman numeral (VI, II); they do not
// number the firm. A Roman numeral written as a word does. Invented names.
func TestInitialsAreNoNumerals(t *testing.T) {
	tests := []struct{ name, want string }{
		{"AO ZAVOD IM. V.I. ZORINA", ""},
		{"АО «Завод им. В.И. Зорина»", ""},
		{"ZORAVEL DESIGN BUREAU NAMED AFTER I.I. KELVIN", ""},
		{"ZORAVEL DESIGN BUREAU NAMED AFTER I. I. KELVIN", ""},
		{"MAGUS ZORAVEL HOLDING II", "2"},
		{"MAGUS ZORAVEL HOLDING VI LLC", "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := strings.Join(Analyze(tt.name).Numbers, " "); got != tt.want {
				t.Errorf("Numbers = %q, want %q", got, tt.want)
			}
		})
	}
}
