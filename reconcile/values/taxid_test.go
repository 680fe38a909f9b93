package values

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestValidINN(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"organisation", "7722476458", true},
		{"organisation Sberbank", "7707083893", true},
		{"individual", "500100732259", true},
		{"wrong check digit", "7722476459", false},
		{"brief's example has a bad check digit", "7701234567", false},
		{"individual wrong second check", "500100732258", false},
		{"region 00", "0000000000", false},
		{"eleven digits", "77224764580", false},
		{"letters", "77224764a8", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidINN(tt.in); got != tt.want {
				t.Errorf("ValidINN(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

var taxIDTests = []struct {
	name     string
	in       string
	wantName string
	inn, kpp string
}{
	{"INN KPP before name", "7722476458 772201001 OOO YATASH RUS", "OOO YATASH RUS", "7722476458", "772201001"},
	{"Russian label before name", "ИНН 7722476458 ООО «РОМАШКА»", "ООО «РОМАШКА»", "7722476458", ""},
	{"trailing English label", "OOO ROMASHKA, INN 7722476458", "OOO ROMASHKA", "7722476458", ""},
	{"slash pair before name", "7722476458/772201001 OOO ROMASHKA", "OOO ROMASHKA", "7722476458", "772201001"},
	{"combined label", "ИНН/КПП 7722476458/772201001 ООО РОМАШКА", "ООО РОМАШКА", "7722476458", "772201001"},
	{"label with colon", "INN: 7722476458 OOO ROMASHKA", "OOO ROMASHKA", "7722476458", ""},
	{"individual INN", "ИП ИВАНОВ И.И. ИНН 500100732259", "ИП ИВАНОВ И.И.", "500100732259", ""},
	{"glued to name", "7722476458OOO ROMASHKA", "OOO ROMASHKA", "7722476458", ""},
	{"glued at end", "OOO ROMASHKA7722476458", "OOO ROMASHKA", "7722476458", ""},
	{"both labels", "ООО РОМАШКА, ИНН 7722476458, КПП 772201001", "ООО РОМАШКА", "7722476458", "772201001"},
	{"KPP label first", "КПП 772201001 ИНН 7722476458 ООО РОМАШКА", "ООО РОМАШКА", "7722476458", "772201001"},
	{"in brackets", "OOO ROMASHKA (INN 7722476458)", "OOO ROMASHKA", "7722476458", ""},
	{"labelled with bad checksum", "ИНН 7701234567 ООО ТЕХКРИМ", "ООО ТЕХКРИМ", "7701234567", ""},
	{"label glued to digits", "ИНН7722476458 ООО РОМАШКА", "ООО РОМАШКА", "7722476458", ""},
	{"INN and KPP at end", "OOO ROMASHKA 7722476458 772201001", "OOO ROMASHKA", "7722476458", "772201001"},
	{"label in the middle", "ООО РОМАШКА ИНН 7722476458 МОСКВА", "ООО РОМАШКА МОСКВА", "7722476458", ""},
	{"lower-case label", "ooo romashka inn 7722476458", "ooo romashka", "7722476458", ""},

	{"unlabelled bad checksum stays", "7701234567 LTD «TECHKRIM»", "7701234567 LTD «TECHKRIM»", "", ""},
	{"unlabelled in the middle stays", "OOO 7722476458 ROMASHKA", "OOO 7722476458 ROMASHKA", "", ""},
	{"labelled wrong length stays", "ИНН 12345 ООО РОМАШКА", "ИНН 12345 ООО РОМАШКА", "", ""},
	{"eleven digits stay", "77224764580 OOO ROMASHKA", "77224764580 OOO ROMASHKA", "", ""},
	{"phone number stays", "OOO ROMASHKA +7 495 123-45-67", "OOO ROMASHKA +7 495 123-45-67", "", ""},
	{"word containing inn", "INNOVATIONS 7701234567", "INNOVATIONS 7701234567", "", ""},
	{"plain name", "OOO ROMASHKA", "OOO ROMASHKA", "", ""},
	{"empty", "", "", "", ""},
}

func TestSplitTaxIDs(t *testing.T) {
	t.Parallel()
	for _, tt := range taxIDTests {
		t.Run(tt.name, func(t *testing.T) {
			name, ids := SplitTaxIDs(tt.in)
			if name != tt.wantName || ids.INN != tt.inn || ids.KPP != tt.kpp {
				t.Errorf("SplitTaxIDs(%q) = %q, %+v; want %q, {INN:%s KPP:%s}", tt.in, name, ids, tt.wantName, tt.inn, tt.kpp)
			}
		})
	}
}

func TestSplitTaxIDsAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { SplitTaxIDs("ООО «РОМАШКА» ЛТД") }); n != 0 {
		t.Errorf("SplitTaxIDs of a plain name allocates %v times; want 0", n)
	}
}

func FuzzSplitTaxIDs(f *testing.F) {
	for _, tt := range taxIDTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name, ids := SplitTaxIDs(s)
		if ids == (TaxIDs{}) {
			if name != s {
				t.Fatalf("SplitTaxIDs(%q) found nothing but changed the name to %q", s, name)
			}
			return
		}
		if n := len(ids.INN); n != 0 && n != 10 && n != 12 {
			t.Fatalf("SplitTaxIDs(%q) INN %q; want 10 or 12 digits", s, ids.INN)
		}
		if n := len(ids.KPP); n != 0 && n != 9 {
			t.Fatalf("SplitTaxIDs(%q) KPP %q; want 9 digits", s, ids.KPP)
		}
		if strings.Trim(ids.INN+ids.KPP, "0123456789") != "" {
			t.Fatalf("SplitTaxIDs(%q) = %+v; want digits", s, ids)
		}
		if len(name) >= len(s) {
			t.Fatalf("SplitTaxIDs(%q) found %+v but the name %q did not shrink", s, ids, name)
		}
		if utf8.ValidString(s) && !utf8.ValidString(name) {
			t.Fatalf("SplitTaxIDs(%q) = %q: invalid UTF-8", s, name)
		}
	})
}

func BenchmarkSplitTaxIDs(b *testing.B) {
	inputs := []string{"ООО «РОМАШКА»", "7722476458 772201001 OOO YATASH RUS", "OOO ROMASHKA, INN 7722476458", "TEKHKRIM LLC"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		SplitTaxIDs(inputs[i%len(inputs)])
	}
}
