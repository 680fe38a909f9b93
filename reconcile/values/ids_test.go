package values

import (
	"reflect"
	"testing"

	"tradecheck/reconcile"
)

func TestNormalizeID(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		kind reconcile.Field
		in   string
		want string
	}{
		{"declaration slashes", reconcile.FieldDeclarationID, "10702030/140622/0012345", "107020301406220012345"},
		{"declaration dashes", reconcile.FieldDeclarationID, "10702030-140622-0012345", "107020301406220012345"},
		{"bl case and spaces", reconcile.FieldBillOfLading, "maeu 123 456 789", "MAEU123456789"},
		{"bl label", reconcile.FieldBillOfLading, "B/L 123456789", "123456789"},
		{"awb dash", reconcile.FieldBillOfLading, "020-12345675", "02012345675"},
		{"container with spaces", reconcile.FieldContainer, "CSQU 305438-3", "CSQU3054383"},
		{"container inside text", reconcile.FieldContainer, "cont. CSQU3054383 (40HC)", "CSQU3054383"},
		{"placeholder", reconcile.FieldBillOfLading, "N/A", ""},
		{"zeros", reconcile.FieldInvoice, "000", ""},
		{"cyrillic", reconcile.FieldDeclarationID, "ДТ 10702030/140622/0012345", "ДТ107020301406220012345"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := NormalizeID(c.kind, c.in); got != c.want {
				t.Errorf("NormalizeID(%s, %q) = %q, want %q", c.kind, c.in, got, c.want)
			}
		})
	}
}

func TestSplitIDs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"MAEU1234567, MAEU7654321", []string{"MAEU1234567", "MAEU7654321"}},
		{"TGHU1234567 / TGHU7654321", []string{"TGHU1234567", "TGHU7654321"}},
		{"10702030/140622/0012345", []string{"10702030/140622/0012345"}},
		{"MSCU 123456 5", []string{"MSCU 123456 5"}},
		{"a\nb", []string{"a", "b"}},
		{"", nil},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := SplitIDs(c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("SplitIDs(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestContainerValid(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"CSQU3054383", true}, // ISO 6346's own example
		{"CSQU3054384", false},
		{"MSKU9070323", true},
		{"MAEU123456789", false},
		{"CSQA3054383", false}, // category letter must be U, J, Z or R
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := ContainerValid(c.in); got != c.want {
				t.Errorf("ContainerValid(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestAirWaybillValid(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"02012345675", true}, // 1234567 mod 7 = 5
		{"02012345676", false},
		{"0201234567", false},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := AirWaybillValid(c.in); got != c.want {
				t.Errorf("AirWaybillValid(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestLooksLikeBL(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"MAEU123456789", true},
		{"COSU6123456780", true},
		{"HLCUHAM220612345", true},
		{"020-12345675", true},
		{"CSQU3054383", false}, // a container
		{"10702030/140622/0012345", false},
		{"OOO TEKHKRIM", false},
		{"7701234560", false},
	} {
		t.Run(c.in, func(t *testing.T) {
			if got := LooksLikeBL(c.in); got != c.want {
				t.Errorf("LooksLikeBL(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}

func TestLooksLikeContainer(t *testing.T) {
	t.Parallel()
	if !LooksLikeContainer("CSQU3054383, MSKU9070323") {
		t.Error("two valid containers not recognised")
	}
	if LooksLikeContainer("CSQU3054384") || LooksLikeContainer("") || LooksLikeContainer("MAEU123456789") {
		t.Error("invalid text recognised as containers")
	}
}

func FuzzNormalizeID(f *testing.F) {
	for _, s := range []string{"10702030/140622/0012345", "maeu 123 456 789", "CSQU 305438-3", "020-12345675", "N/A", "ДТ 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []reconcile.Field{reconcile.FieldDeclarationID, reconcile.FieldBillOfLading, reconcile.FieldContainer, reconcile.FieldInvoice} {
			n := NormalizeID(k, s)
			if NormalizeID(k, n) != n && k != reconcile.FieldBillOfLading {
				t.Errorf("NormalizeID(%s) not idempotent on %q: %q then %q", k, s, n, NormalizeID(k, n))
			}
		}
		_ = SplitIDs(s)
		_ = LooksLikeBL(s)
	})
}
