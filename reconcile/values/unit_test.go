package values

import (
	"math"
	"testing"
)

var weightUnitTests = []struct {
	name   string
	in     string
	factor float64 // 0 for ok=false
}{
	{"kg", "kg", 1},
	{"KG upper", "KG", 1},
	{"kg with dot", "Kg.", 1},
	{"Cyrillic kg", "кг", 1},
	{"Cyrillic kg with dot", "кг.", 1},
	{"UN/ECE KGM", "KGM", 1},
	{"kgs", "KGS", 1},
	{"kilogram", "kilogram", 1},
	{"kilograms", "Kilograms", 1},
	{"Russian kilogram", "килограмм", 1},
	{"gram", "g", 0.001},
	{"Cyrillic gram", "г", 0.001},
	{"Cyrillic gr", "гр.", 0.001},
	{"UN/ECE GRM", "GRM", 0.001},
	{"word gram", "gram", 0.001},
	{"t", "t", 1000},
	{"Cyrillic t", "т", 1000},
	{"MT", "MT", 1000},
	{"TNE", "TNE", 1000},
	{"ton", "ton", 1000},
	{"TONS", "TONS", 1000},
	{"tonne", "tonne", 1000},
	{"tonnes", "Tonnes", 1000},
	{"Russian тонн", "тонн", 1000},
	{"Russian тонна", "Тонна", 1000},
	{"Russian тн", "тн", 1000},
	{"metric ton", "metric ton", 1000},
	{"metric tons spaced", "Metric  Tons", 1000},
	{"M/T", "M/T", 1000},
	{"thousand kg", "тыс. кг", 1000},
	{"centner", "ц", 100},
	{"lb", "lb", 0.45359237},
	{"lbs", "LBS", 0.45359237},
	{"LBR", "LBR", 0.45359237},
	{"pound", "pound", 0.45359237},
	{"short ton", "short ton", 907.18474},
	{"STN", "STN", 907.18474},
	{"long ton", "long ton", 1016.0469088},
	{"spaces", "  kg  ", 1},

	{"empty", "", 0},
	{"gr is ambiguous", "gr", 0},
	{"pieces", "pcs", 0},
	{"litres", "l", 0},
	{"kg inside word", "kgx", 0},
	{"number", "1000", 0},
	{"unknown", "stone", 0},
}

func TestWeightUnit(t *testing.T) {
	t.Parallel()
	for _, tt := range weightUnitTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := WeightUnit(tt.in)
			if ok != (tt.factor != 0) || got != tt.factor {
				t.Errorf("WeightUnit(%q) = %v, %v; want %v", tt.in, got, ok, tt.factor)
			}
		})
	}
}

func TestWeightUnitCanonical(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"KGM": "kg", "тонн": "t", "LBS": "lb", "грамм": "g", "STN": "short ton"} {
		if got, _, ok := WeightUnitCanonical(in); !ok || got != want {
			t.Errorf("WeightUnitCanonical(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

var weightHeaderTests = []struct {
	name   string
	in     string
	unit   string // "" for ok=false
	factor float64
}{
	{"Russian net comma", "Вес нетто, кг", "kg", 1},
	{"Russian gross brackets", "Вес брутто (кг)", "kg", 1},
	{"vendor gross", "GROSS_WEIGHT_KG", "kg", 1},
	{"vendor net", "NET_WEIGHT_KG", "kg", 1},
	{"net weight t", "Net weight (t)", "t", 1000},
	{"weight tonnes", "Weight, tonnes", "t", 1000},
	{"weight in kg", "WEIGHT_IN_KG", "kg", 1},
	{"weight MT", "Weight MT", "t", 1000},
	{"Russian mass t", "Масса, т", "t", 1000},
	{"camel case", "NetWeightKg", "kg", 1},
	{"glued upper", "NETWEIGHTKG", "kg", 1},
	{"glued tons", "GROSSWEIGHTTONS", "t", 1000},
	{"gross weight kgs initials", "G.W. (KGS)", "kg", 1},
	{"lbs", "Weight (lbs)", "lb", 0.45359237},
	{"thousand tonnes", "Вес, тыс. т", "t", 1e6},
	{"thousand kg is tonnes", "Вес нетто, тыс. кг", "t", 1000},
	{"unit twice agrees", "Вес, т (тонн)", "t", 1000},
	{"Russian grams", "Масса (г)", "g", 0.001},

	{"thousands as a number", "Weight (1000 kg)", "kg", 1000},
	{"kilo", "GROSS_KILO", "kg", 1},

	{"price per kg", "USD_PER_KG", "", 0},
	{"price slash kg", "Цена, руб/кг", "", 0},
	{"price за кг", "Цена, руб. за кг", "", 0},
	{"no unit", "Net weight", "", 0},
	{"t inside word", "Net weight total", "", 0},
	{"t not last and not bracketed", "T Weight", "", 0},
	{"two units", "Weight kg or lb", "", 0},
	{"value column", "Value USD", "", 0},
	{"quantity", "Quantity (pcs)", "", 0},
	{"empty", "", "", 0},
	{"Cyrillic т inside word", "Стоимость", "", 0},
	{"weight glued to t", "WEIGHTT", "", 0},
}

func TestWeightUnitInHeader(t *testing.T) {
	t.Parallel()
	for _, tt := range weightHeaderTests {
		t.Run(tt.name, func(t *testing.T) {
			unit, factor, ok := WeightUnitInHeader(tt.in)
			if ok != (tt.unit != "") || unit != tt.unit || math.Abs(factor-tt.factor) > 1e-12 {
				t.Errorf("WeightUnitInHeader(%q) = %q, %v, %v; want %q, %v", tt.in, unit, factor, ok, tt.unit, tt.factor)
			}
		})
	}
}

func TestWeightUnitAllocs(t *testing.T) {
	for _, s := range []string{"KGM", "тонн", "metric tons"} {
		if n := testing.AllocsPerRun(100, func() { WeightUnit(s) }); n != 0 {
			t.Errorf("WeightUnit(%q) allocates %v times; want 0", s, n)
		}
	}
}

// FuzzWeightUnit covers the unit parsers: weight units, headers and
// quantity units.
func FuzzWeightUnit(f *testing.F) {
	for _, tt := range weightUnitTests {
		f.Add(tt.in)
	}
	for _, tt := range weightHeaderTests {
		f.Add(tt.in)
	}
	for _, tt := range quantityTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if factor, ok := WeightUnit(s); ok != (factor > 0) || math.IsInf(factor, 0) || math.IsNaN(factor) {
			t.Fatalf("WeightUnit(%q) = %v, %v", s, factor, ok)
		}
		if unit, factor, ok := WeightUnitInHeader(s); ok != (factor > 0) || ok != (unit != "") {
			t.Fatalf("WeightUnitInHeader(%q) = %q, %v, %v", s, unit, factor, ok)
		}
		if u, ok := QuantityUnit(s); ok != (u != "") {
			t.Fatalf("QuantityUnit(%q) = %q, %v", s, u, ok)
		} else if ok {
			if again, ok2 := QuantityUnit(u); !ok2 || again != u {
				t.Fatalf("QuantityUnit(%q) = %q, but QuantityUnit(%q) = %q, %v", s, u, u, again, ok2)
			}
		}
		if scale, ok := ValueScaleInHeader(s); ok != (scale != 1) {
			t.Fatalf("ValueScaleInHeader(%q) = %v, %v", s, scale, ok)
		}
	})
}
