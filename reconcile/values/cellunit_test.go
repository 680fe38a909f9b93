package values

import "testing"

var cellUnitTests = []struct {
	name, in string
	num      string // "" for ok=false
	kind     UnitKind
	canon    string
	value    float64 // ParseNumber(num, HintNone)
}{
	{"dollar sign", "$98,765.43", "98,765.43", UnitCurrency, "USD", 98765.43},
	{"euro sign after", "1.234,50 €", "1.234,50", UnitCurrency, "EUR", 1234.5},
	{"rouble sign", "₽ 1 500", "1 500", UnitCurrency, "RUB", 1500},
	{"code before", "USD 1,234", "1,234", UnitCurrency, "USD", 1234},
	{"roubles with dot", "1 234,56 руб.", "1 234,56", UnitCurrency, "RUB", 1234.56},
	{"accounting negative", "(1,234.00)", "", 0, "", 0},
	{"accounting negative with sign", "($1,234.00)", "(1,234.00)", UnitCurrency, "USD", -1234},
	{"minus before sign", "-$5", "-5", UnitCurrency, "USD", -5},
	{"tonnes", "18 t", "18", UnitWeight, "t", 18},
	{"tonnes in Russian", "1,5 тонн", "1,5", UnitWeight, "t", 1.5},
	{"metric tons", "24 MT", "24", UnitWeight, "t", 24},
	{"kilograms", "12,5 kg", "12,5", UnitWeight, "kg", 12.5},
	{"glued kg", "12.5kg", "12.5", UnitWeight, "kg", 12.5},
	{"pieces", "1,200 PCS", "1,200", UnitQuantity, "pcs", 1200},
	{"Russian pieces", "15 шт.", "15", UnitQuantity, "pcs", 15},

	{"plain number", "1234", "", 0, "", 0},
	{"percent", "12%", "", 0, "", 0},
	{"unknown unit", "12 boxes", "", 0, "", 0},
	{"letters between digits", "12 kg 5", "", 0, "", 0},
	{"two units", "US$ 5 USD", "", 0, "", 0},
	{"text", "Total", "", 0, "", 0},
	{"HS prefix", "HS 8471", "", 0, "", 0},
}

func TestSplitNumberUnit(t *testing.T) {
	t.Parallel()
	for _, tt := range cellUnitTests {
		t.Run(tt.name, func(t *testing.T) {
			num, u, ok := SplitNumberUnit(tt.in)
			if ok != (tt.num != "") {
				t.Fatalf("SplitNumberUnit(%q) ok = %v (num %q, unit %+v); want %v", tt.in, ok, num, u, !ok)
			}
			if !ok {
				return
			}
			if num != tt.num || u.Kind != tt.kind || u.Canon != tt.canon {
				t.Errorf("SplitNumberUnit(%q) = %q, %v %q; want %q, %v %q", tt.in, num, u.Kind, u.Canon, tt.num, tt.kind, tt.canon)
			}
			if v, ok := ParseNumber(num, HintNone); !ok || v != tt.value {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v", num, v, ok, tt.value)
			}
		})
	}
}

func FuzzSplitNumberUnit(f *testing.F) {
	for _, tt := range cellUnitTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		num, u, ok := SplitNumberUnit(s)
		if !ok {
			return
		}
		if num == "" || u.Canon == "" || u.Kind == UnitUnknown {
			t.Fatalf("SplitNumberUnit(%q) = %q, %+v with ok", s, num, u)
		}
	})
}

func TestHSCodeRestore(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, in, want string // want "" for ok=false
		restored       bool
	}{
		{"lost zero, nine digits", "303540000", "0303540000", true},
		{"lost zero, text", " 303540000 ", "0303540000", true},
		{"pandas float", "8517620009.0", "8517620009", false},
		{"pandas float with lost zero", "303540000.0", "0303540000", true},
		{"apostrophe", "'0306179100", "0306179100", false},
		{"typographic apostrophe", "’0306179100", "0306179100", false},
		{"dots", "0303.54.00.00", "0303540000", false},
		{"dotted heading with lost zero", "303.54", "030354", true},
		{"spaces", "8471 30 000 0", "8471300000", false},
		{"five digits", "30354", "030354", true},
		{"eleven digits: a GTİP lost its zero", "30354000000", "030354000000", true},
		{"odd with leading zero kept", "030354000", "030354000", false},
		{"thirteen digits left alone", "8517620009001", "8517620009001", false},
		{"even length untouched", "8471300000", "8471300000", false},
		{"two zeros is a subheading", "2501.00", "250100", false},
		// A float in exponent form whose mantissa is a whole number (the
		// new user's portal export: "8.8073e+09").
		{"exponent form", "8.8073e+09", "8807300000", false},
		{"exponent form, upper case, trailing zero", "8.80730E+09", "8807300000", false},
		{"exponent form, eight digits", "6.3079098E+07", "63079098", false},
		{"exponent form, lost zero", "3.0354e+08", "0303540000", true},
		{"exponent form with zeros dropped", "8.807300e+05", "880730", false},
		{"exponent form not a whole number", "8.80735e+03", "", false},
		{"exponent form too long", "8.8e+15", "", false},
		{"negative exponent form", "-8.8073e+09", "", false},
		{"words refused", "frozen fish", "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, restored, ok := HSCodeRestore(tt.in)
			if ok != (tt.want != "") || got != tt.want || restored != tt.restored {
				t.Errorf("HSCodeRestore(%q) = %q, %v, %v; want %q, %v", tt.in, got, restored, ok, tt.want, tt.restored)
			}
		})
	}
}

func TestCleanTaxID(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, in, want string
		damaged        bool
	}{
		{"plain", "7722476458", "7722476458", false},
		{"pandas float", "7722476458.0", "7722476458", false},
		{"scientific", "7.72346E+11", "7.72346E+11", true},
		{"scientific lower", "7,72346e+11", "7,72346e+11", true},
		{"letters are not exponent", "ES-B12345678", "ES-B12345678", false},
		{"E in a VAT number", "DE123456789", "DE123456789", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, damaged := CleanTaxID(tt.in)
			if got != tt.want || damaged != tt.damaged {
				t.Errorf("CleanTaxID(%q) = %q, %v; want %q, %v", tt.in, got, damaged, tt.want, tt.damaged)
			}
		})
	}
}

func TestNumberVotes(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		samples []string
		want    NumberHint
	}{
		{"all lone dots: undecided", []string{"3.471", "2.105", "1.250"}, HintNone},
		{"decimal point elsewhere", []string{"3.471", "12.5"}, HintDecimalPoint},
		{"decimal comma elsewhere", []string{"3.471", "12,5"}, HintDecimalComma},
		{"unseparated thousands: lone is decimal", []string{"3.471", "1250"}, HintLoneDecimal},
		{"mixed", []string{"12,5", "12.5"}, HintNone},
		{"small integers say nothing", []string{"3.471", "12"}, HintNone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := CountNumberVotes(tt.samples).Hint(); got != tt.want {
				t.Errorf("votes of %q: %v; want %v", tt.samples, got, tt.want)
			}
		})
	}
	v, unsettled, ok := ParseNumberUnsettled("3.471", HintNone)
	if !ok || v != 3471 || !unsettled {
		t.Errorf("ParseNumberUnsettled(3.471, none) = %v, %v, %v; want 3471, true, true", v, unsettled, ok)
	}
	if v, unsettled, _ := ParseNumberUnsettled("3.471", HintLoneDecimal); v != 3.471 || unsettled {
		t.Errorf("ParseNumberUnsettled(3.471, lone decimal) = %v, %v; want 3.471, false", v, unsettled)
	}
	if v, _, _ := ParseNumberUnsettled("1.234,5", HintLoneDecimal); v != 1234.5 {
		t.Errorf("lone-decimal hint must not change a two-separator number: got %v", v)
	}
}
