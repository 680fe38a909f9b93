package values

import "testing"

var hsTests = []struct {
	name string
	in   string
	want string // "" for ok=false
}{
	{"ten digits", "8471300000", "8471300000"},
	{"dotted", "8471.30.00", "84713000"},
	{"spaced TN VED", "8471 30 000 0", "8471300000"},
	{"NBSP spaced", "8471\u00a030", "847130"},
	{"dashed", "8471-30", "847130"},
	{"leading zero kept", "0702000000", "0702000000"},
	{"lost leading zero returned as is", "702000000", "702000000"},
	{"two digits", "84", "84"},
	{"fourteen digits", "12345678901234", "12345678901234"},
	{"surrounding spaces", " 8471 ", "8471"},

	{"one digit", "8", ""},
	{"fifteen digits", "123456789012345", ""},
	{"empty", "", ""},
	{"description", "computers", ""},
	{"exponent form", "8.4713E+9", ""},
	{"two codes", "8471/8473", ""},
	{"two codes with semicolon", "8471; 8473", ""},
	{"prefix", "HS 8471", ""},
}

func TestHSCode(t *testing.T) {
	t.Parallel()
	for _, tt := range hsTests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := HSCode(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("HSCode(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestHSCodeAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { HSCode("8471300000") }); n != 0 {
		t.Errorf("HSCode of a clean code allocates %v times; want 0", n)
	}
}

func FuzzHSCode(f *testing.F) {
	for _, tt := range hsTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := HSCode(s)
		if !ok {
			if got != "" {
				t.Fatalf("HSCode(%q) = %q with ok=false", s, got)
			}
			return
		}
		if len(got) < 2 || len(got) > 14 {
			t.Fatalf("HSCode(%q) = %q; want 2-14 digits", s, got)
		}
		for i := 0; i < len(got); i++ {
			if got[i] < '0' || got[i] > '9' {
				t.Fatalf("HSCode(%q) = %q; want digits only", s, got)
			}
		}
		if again, ok := HSCode(got); !ok || again != got {
			t.Fatalf("HSCode(%q) = %q, but HSCode(%q) = %q, %v", s, got, got, again, ok)
		}
	})
}
