package values

import (
	"strings"
	"testing"
)

func TestPortCountry(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SHANGHAI", "CN"}, {"Shekou", "CN"}, {"IZMIR", "TR"}, {"Port of Novorossiysk", "RU"}, {"ST. PETERSBURG", "RU"},
		{"UST-LUGA", "RU"}, {"nhava  sheva", "IN"}, {"HOUSTON", "US"},
		// Names several countries' ports share, and unknown ones.
		{"PORTLAND", ""}, {"VANCOUVER", ""}, {"ALEXANDRIA", ""}, {"MANZANILLO", ""}, {"VALENCIA", ""}, {"", ""}, {"PORT OF", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := PortCountry(tc.in)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("PortCountry(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

// Every port's country is a country, and no spelling names two ports.
func TestPortTable(t *testing.T) {
	seen := map[string]string{}
	for code, names := range portNames {
		if _, ok := countryNames[code]; !ok {
			t.Errorf("unknown country %s", code)
		}
		for _, n := range strings.Split(names, "|") {
			k := string(appendKey(nil, n))
			if old, dup := seen[k]; dup && old != code {
				t.Errorf("%q is a port of %s and %s", n, old, code)
			}
			seen[k] = code
		}
	}
}
