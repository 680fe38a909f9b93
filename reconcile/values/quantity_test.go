package values

import "testing"

var quantityTests = []struct {
	name string
	in   string
	want string // "" for ok=false
}{
	{"OKEI pieces", "796", "pcs"},
	{"OKEI pairs", "715", "pairs"},
	{"OKEI sets", "839", "sets"},
	{"OKEI kg", "166", "kg"},
	{"OKEI m2", "055", "m2"},
	{"OKEI litres", "112", "l"},
	{"OKEI metres", "006", "m"},
	{"OKEI m3", "113", "m3"},
	{"Rec 20 PCE", "PCE", "pcs"},
	{"Rec 20 NMP is packs", "NMP", "packs"},
	{"Rec 20 PR", "PR", "pairs"},
	{"Rec 20 SET", "SET", "sets"},
	{"Rec 20 KGM", "KGM", "kg"},
	{"Rec 20 MTK", "MTK", "m2"},
	{"Rec 20 LTR", "LTR", "l"},
	{"Rec 20 MTR", "MTR", "m"},
	{"Rec 20 MTQ", "MTQ", "m3"},
	{"шт", "шт", "pcs"},
	{"шт with dot", "шт.", "pcs"},
	{"штука", "Штука", "pcs"},
	{"пар", "пар", "pairs"},
	{"компл", "компл.", "sets"},
	{"комплект", "комплект", "sets"},
	{"кг", "кг", "kg"},
	{"м2", "м2", "m2"},
	{"м²", "м²", "m2"},
	{"кв.м", "кв.м", "m2"},
	{"кв. м", "кв. м", "m2"},
	{"л", "л", "l"},
	{"литр", "литр", "l"},
	{"м", "м", "m"},
	{"м3", "м3", "m3"},
	{"pcs", "PCS", "pcs"},
	{"pieces", "pieces", "pcs"},
	{"units", "units", "pcs"},
	{"u", "u", "pcs"},
	{"pairs", "pairs", "pairs"},
	{"PRS", "PRS", "pairs"},
	{"sets", "sets", "sets"},
	{"kg", "kg", "kg"},
	{"sqm", "sqm", "m2"},
	{"m²", "m²", "m2"},
	{"litres", "litres", "l"},
	{"liters", "Liters", "l"},

	{"Indian NOS", "NOS", "pcs"},
	{"Spanish square metres", "METROS CUADRADOS", "m2"},
	{"Spanish m cuadrado", "M CUADRADO", "m2"},
	{"Spanish kilogram", "KILOGRAMO", "kg"},
	{"Spanish units", "UNIDADES", "pcs"},
	{"Turkish pieces", "ADET", "pcs"},
	{"PKG", "PKG", "packs"},

	{"empty", "", ""},
	{"carton", "CTN", ""},
	{"box", "BOX", ""},
	{"dozens", "DOCENAS", ""},
	{"centimetre", "CM", ""},
	{"OKEI without leading zero", "55", ""},
	{"unknown code", "999", ""},
	{"unknown word", "bottles", ""},
	{"a quantity, not a unit", "12", ""},
}

func TestQuantityUnit(t *testing.T) {
	t.Parallel()
	for _, tt := range quantityTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := QuantityUnit(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("QuantityUnit(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestQuantityUnitAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { QuantityUnit("шт.") }); n != 0 {
		t.Errorf("QuantityUnit allocates %v times; want 0", n)
	}
}
