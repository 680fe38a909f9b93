package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMissingDataFolder(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-data", filepath.Join(t.TempDir(), "nope")}, &out, &errb)
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if !strings.Contains(out.String(), "is missing") {
		t.Errorf("output %q, want it to say the folder is missing", out.String())
	}
}

// TestEvalRuns runs the whole evaluation when TRADECHECK_EVAL_DATA points
// at the data folder.
func TestEvalRuns(t *testing.T) {
	dir := os.Getenv("TRADECHECK_EVAL_DATA")
	if dir == "" {
		t.Skip("TRADECHECK_EVAL_DATA not set")
	}
	var out, errb bytes.Buffer
	if code := run([]string{"-data", dir, "-variants", "1"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "summary:") {
		t.Errorf("no summary in output:\n%s", out.String())
	}
}

func TestVariantGenerators(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	t.Run("transliteration schemes differ", func(t *testing.T) {
		got := map[string]string{}
		for _, sc := range schemeNames {
			got[sc] = transliterate("Общество Щит", sc, rng)
		}
		if got["gost"] != "Obshhestvo Shhit" || got["german"] != "Obschtschestwo Schtschit" || got["icao"] != "Obshchestvo Shchit" {
			t.Errorf("got %v", got)
		}
	})
	t.Run("legal swap", func(t *testing.T) {
		v, ok := swapLegal("OOO TEKHKRIM", rng)
		if !ok || strings.Contains(v, "OOO TEKHKRIM") && v == "OOO TEKHKRIM" {
			t.Errorf("swapLegal = %q, %v", v, ok)
		}
		if _, ok := swapLegal("TEKHKRIM", rng); ok {
			t.Errorf("swapLegal found a legal form in a name without one")
		}
	})
	t.Run("truncate", func(t *testing.T) {
		v := truncate(strings.Repeat("Ж", 50), 35)
		if n := utf8.RuneCountInString(v); n != 35 {
			t.Errorf("truncated to %d runes, want 35", n)
		}
	})
	t.Run("typo changes one spot", func(t *testing.T) {
		v, ok := typo("KRASNOYARSK", rng)
		if !ok || v == "KRASNOYARSK" {
			t.Errorf("typo = %q, %v", v, ok)
		}
	})
}
