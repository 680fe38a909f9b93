package read

import (
	"testing"

	"tradecheck/reconcile/values"
)

// FuzzPlaceCountry: a port or place and a flow cell, whatever their
// text, give a country that is one (ISO alpha-2 the values package names)
// or none, and a flow among the known ones. Seeds are the tables' rows.
func FuzzPlaceCountry(f *testing.F) {
	for _, s := range []string{"NOVOROSSIYSK, RU", "Shanghai (CN)", "HOUSTON, TEXAS", "NEW YORK/NEWARK AREA, NEWARK, NEW JERSEY",
		"LONG BEACH, CA", "SAVANNAH, GEORGIA", "HOUSTON TX 77002", "VANCOUVER, BC", "SHANGHAI", "()", ",", "Re-export", "XIP", "4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, conv := range []placeConvention{placesUnsettled, placesCountries, placesStates, placesOf([]string{s})} {
			iso, ok := placeCountry(s, conv)
			if ok != (iso != "") || ok && values.CountryName(iso) == iso {
				t.Errorf("placeCountry(%q, %d) = %q, %v", s, conv, iso, ok)
			}
		}
		if fl := tradeFlow(s); fl < lineNoFlow || fl > lineReExport {
			t.Errorf("tradeFlow(%q) = %d", s, fl)
		}
	})
}
