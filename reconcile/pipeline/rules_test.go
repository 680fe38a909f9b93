package pipeline

import "testing"

func FuzzParseWindow(f *testing.F) {
	for _, s := range []string{"-10,+2", "10,2", "-a,+2", "-90,+2", "-10,+0", "-1,1", " -3 , +4 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, a, err := ParseWindow(s, 60)
		if err == nil && (b < 1 || b > 60 || a < 1 || a > 30) {
			t.Errorf("%q gave %d,%d without an error", s, b, a)
		}
	})
}

func FuzzParseBand(f *testing.F) {
	for _, s := range []string{"0.15", "15%", "15", "wide", "0.001", "1", "100%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := ParseBand(s); err == nil && (v < 1 || v > 100) {
			t.Errorf("%q gave %g%% without an error", s, v)
		}
	})
}
