package values

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

var numberTests = []struct {
	name string
	in   string
	hint NumberHint
	want float64
	ok   bool
}{
	{"plain integer", "1234", HintNone, 1234, true},
	{"negative decimal", "-12.5", HintNone, -12.5, true},
	{"leading plus", "+5", HintNone, 5, true},
	{"surrounding spaces", "  42  ", HintNone, 42, true},
	{"space thousands decimal comma", "1 234,5", HintNone, 1234.5, true},
	{"NBSP thousands", "1\u00a0234,5", HintNone, 1234.5, true},
	{"narrow NBSP thousands", "1\u202f234\u202f567,25", HintNone, 1234567.25, true},
	{"comma thousands decimal point", "1,234.5", HintNone, 1234.5, true},
	{"dot thousands decimal comma", "1.234,5", HintNone, 1234.5, true},
	{"dot thousands millions", "1.234.567,89", HintNone, 1234567.89, true},
	{"comma thousands millions", "1,234,567", HintNone, 1234567, true},
	{"apostrophe thousands", "1'234.5", HintNone, 1234.5, true},
	{"typographic apostrophe thousands", "1’234’000", HintNone, 1234000, true},
	{"accounting negative", "(12.5)", HintNone, -12.5, true},
	{"accounting negative with thousands", "(1 234,50)", HintNone, -1234.5, true},
	{"scientific", "1.2E+3", HintNone, 1200, true},
	{"scientific lower negative exponent", "4.4726e-2", HintNone, 0.044726, true},
	{"scientific comma mantissa", "1,5E3", HintNone, 1500, true},
	{"unicode minus", "−7", HintNone, -7, true},
	{"leading decimal point", ".5", HintNone, 0.5, true},
	{"leading decimal comma", ",25", HintNone, 0.25, true},
	{"zero", "0", HintNone, 0, true},
	{"negative zero is zero", "-0", HintNone, 0, true},
	{"leading zeros", "007", HintNone, 7, true},
	{"long digits slow path", "12345678901234567890", HintNone, 12345678901234567890, true},
	{"many decimals slow path", "0.1234567890123456789", HintNone, 0.1234567890123456789, true},

	// The lone-separator rule.
	{"ambiguous comma is thousands without hint", "1,234", HintNone, 1234, true},
	{"ambiguous dot is thousands without hint", "1.234", HintNone, 1234, true},
	{"ambiguous comma with decimal comma hint", "1,234", HintDecimalComma, 1.234, true},
	{"ambiguous dot with decimal comma hint is thousands", "1.234", HintDecimalComma, 1234, true},
	{"ambiguous dot with decimal point hint", "1.234", HintDecimalPoint, 1.234, true},
	{"ambiguous comma with decimal point hint is thousands", "1,234", HintDecimalPoint, 1234, true},
	{"one decimal after comma", "1,5", HintNone, 1.5, true},
	{"two decimals after comma", "12,50", HintNone, 12.5, true},
	{"four decimals after comma", "1,2345", HintNone, 1.2345, true},
	{"zero integer part is decimal", "0,125", HintNone, 0.125, true},
	{"four-digit integer part is decimal", "1234,567", HintNone, 1234.567, true},
	{"comma decimal under point hint", "12,5", HintDecimalPoint, 12.5, true},
	{"explicit pattern beats hint", "1.234,5", HintDecimalPoint, 1234.5, true},
	{"explicit pattern beats comma hint", "1,234.5", HintDecimalComma, 1234.5, true},

	// Rejections.
	{"percent", "12%", HintNone, 0, false},
	{"letters", "abc", HintNone, 0, false},
	{"mixed separators repeated", "1,2,3.4.5", HintNone, 0, false},
	{"empty", "", HintNone, 0, false},
	{"spaces only", "   ", HintNone, 0, false},
	{"lone minus", "-", HintNone, 0, false},
	{"not available", "N/A", HintNone, 0, false},
	{"bad group after space", "12 5", HintNone, 0, false},
	{"bad group after comma thousands", "1,234,5", HintNone, 0, false},
	{"two decimal separators", "1.234.5", HintNone, 0, false},
	{"trailing separator", "12,", HintNone, 0, false},
	{"double separator", "1,,234", HintNone, 0, false},
	{"leading zero group", "0,123,456", HintNone, 0, false},
	{"first group too long", "1234,567,890", HintNone, 0, false},
	{"sign inside parentheses", "(-12)", HintNone, 0, false},
	{"currency sign", "$12", HintNone, 0, false},
	{"unit", "12 kg", HintNone, 0, false},
	{"trailing minus", "12-", HintNone, 0, false},
	{"double sign", "--12", HintNone, 0, false},
	{"exponent without digits", "1e", HintNone, 0, false},
	{"exponent overflow", "1e999", HintNone, 0, false},
	{"infinity word", "Inf", HintNone, 0, false},
	{"NaN word", "NaN", HintNone, 0, false},
	{"hex", "0x10", HintNone, 0, false},
	{"comma after space group", "1 234,567,8", HintNone, 0, false},
	{"space then dot and comma", "1 234.567,8", HintNone, 0, false},
	{"space separator before decimal only", "12 ,5", HintNone, 0, false},
}

func TestParseNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range numberTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseNumber(tt.in, tt.hint)
			if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-9*math.Max(1, math.Abs(tt.want))) {
				t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, %v", tt.in, tt.hint, got, ok, tt.want, tt.ok)
			}
			if ok && got == 0 && math.Signbit(got) {
				t.Errorf("ParseNumber(%q) = -0; want +0", tt.in)
			}
		})
	}
}

// TestParseNumberExact checks the fast path rounds exactly like strconv.
func TestParseNumberExact(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"0.1", "0.3", "123456.789", "999999999999999", "1.7976931348623157e308",
		"5e-324", "2.2250738585072014e-308", "0.000001", "123456789012345.6", "9007199254740993"} {
		t.Run(s, func(t *testing.T) {
			want, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := ParseNumber(s, HintDecimalPoint)
			if !ok || got != want {
				t.Errorf("ParseNumber(%q) = %v, %v; want %v (bits %x vs %x)", s, got, ok, want, math.Float64bits(got), math.Float64bits(want))
			}
		})
	}
}

func TestGuessNumberHint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		samples []string
		want    NumberHint
	}{
		{"decimal comma one decimal", []string{"1,234", "12,5"}, HintDecimalComma},
		{"decimal comma with dot thousands", []string{"1.234,56", "100"}, HintDecimalComma},
		{"decimal comma with space thousands", []string{"1 234,56"}, HintDecimalComma},
		{"dot thousands only", []string{"1.234.567"}, HintDecimalComma},
		{"decimal point with comma thousands", []string{"1,234.56"}, HintDecimalPoint},
		{"decimal point plain", []string{"12.5", "3"}, HintDecimalPoint},
		{"comma thousands only", []string{"1,234,567"}, HintDecimalPoint},
		{"only ambiguous", []string{"1,234", "5,678"}, HintNone},
		{"integers only", []string{"1", "22", "333"}, HintNone},
		{"mixed locales", []string{"12,5", "12.5"}, HintNone},
		{"junk ignored", []string{"N/A", "", "12,5"}, HintDecimalComma},
		{"no samples", nil, HintNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessNumberHint(tt.samples); got != tt.want {
				t.Errorf("GuessNumberHint(%q) = %v; want %v", tt.samples, got, tt.want)
			}
		})
	}
}

func TestParseNumberAllocs(t *testing.T) {
	for _, s := range []string{"1 234,5", "1,234.5", "(12.5)", "12345678901234567890"} {
		if n := testing.AllocsPerRun(100, func() { ParseNumber(s, HintNone) }); n != 0 {
			t.Errorf("ParseNumber(%q) allocates %v times; want 0", s, n)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, tt := range numberTests {
		f.Add(tt.in, uint8(tt.hint))
	}
	f.Fuzz(func(t *testing.T, s string, h uint8) {
		hint := NumberHint(h % 3)
		v, ok := ParseNumber(s, hint)
		if !ok {
			if v != 0 {
				t.Fatalf("ParseNumber(%q) = %v with ok=false; want 0", s, v)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("ParseNumber(%q) = %v; want a finite number", s, v)
		}
		// Whatever parsed must parse back from Go's own formatting.
		back := strconv.FormatFloat(v, 'g', -1, 64)
		if w, ok := ParseNumber(back, HintDecimalPoint); !ok || w != v {
			t.Fatalf("ParseNumber(%q) = %v, but its formatting %q parses to %v, %v", s, v, back, w, ok)
		}
		GuessNumberHint([]string{s})
	})
}

func BenchmarkParseNumber(b *testing.B) {
	inputs := []string{"1 234,5", "1,234.56", "12345", "0.125", "(1 234,50)", "1\u00a0234\u00a0567,89"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseNumber(inputs[i%len(inputs)], HintNone)
	}
}

// formatLocale writes v the way a locale does: thousands grouped by sep,
// decimals after dec.
func formatLocale(v float64, sep, dec string) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// numberLocales are the ways customs exports write numbers, with the hint
// a column of such cells gets.
var numberLocales = []struct {
	name, sep, dec string
	hint           NumberHint
}{
	{"Russian NBSP", "\u00a0", ",", HintDecimalComma},
	{"Russian narrow NBSP", "\u202f", ",", HintDecimalComma},
	{"Russian space", " ", ",", HintDecimalComma},
	{"German", ".", ",", HintDecimalComma},
	{"English", ",", ".", HintDecimalPoint},
	{"Swiss", "'", ".", HintDecimalPoint},
	{"plain", "", ".", HintDecimalPoint},
}

func TestParseNumberLocales(t *testing.T) {
	t.Parallel()
	for _, loc := range numberLocales {
		for _, v := range []float64{0, 1, 12.5, 999, 1000, 1234, 1234.5, -1234567.891, 0.001, 1e14 + 0.5} {
			s := formatLocale(v, loc.sep, loc.dec)
			t.Run(loc.name+"/"+s, func(t *testing.T) {
				if got, ok := ParseNumber(s, loc.hint); !ok || got != v {
					t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v", s, loc.hint, got, ok, v)
				}
			})
		}
	}
}

// FuzzParseNumberLocales checks that any number written in a locale, with
// its column's hint, reads back exactly.
func FuzzParseNumberLocales(f *testing.F) {
	for i, v := range []float64{0, 1234.5, -0.125, 1e14, 999.999} {
		f.Add(v, uint8(i))
	}
	f.Fuzz(func(t *testing.T, v float64, style uint8) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) >= 1e21 {
			return // 'f' formatting of huge numbers is not how cells look
		}
		loc := numberLocales[int(style)%len(numberLocales)]
		s := formatLocale(v, loc.sep, loc.dec)
		if got, ok := ParseNumber(s, loc.hint); !ok || got != v {
			if v == 0 && ok && got == 0 {
				return // -0 reads as 0 on purpose
			}
			t.Fatalf("ParseNumber(%q, %v) = %v, %v; want %v", s, loc.hint, got, ok, v)
		}
	})
}
