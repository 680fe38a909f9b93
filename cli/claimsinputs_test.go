package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A claims table given among the input files is read as claims by check
// and set aside by reconcile; it is never read as shipments.
func TestClaimsTableAmongInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	csv := filepath.Join(dir, "claims.csv")
	if err := os.WriteFile(csv, []byte("claim,measure,comparator,figure,consignee,hs_prefixes\nRifles,tonnes,exactly,2,Tekhkrim,9303\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("check reads it as claims", func(t *testing.T) {
		code, stdout, stderr := runCheckCLI(csv, data)
		if code != ExitOK {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if !strings.Contains(stderr, "claims.csv is a claims table") {
			t.Errorf("stderr does not say the claims table was read as claims:\n%s", stderr)
		}
		lines := strings.Split(stdout, "\n")
		if len(lines) < 2 || !strings.Contains(lines[1], "Supported") {
			t.Errorf("want the claim Supported (2 t of rifles), got\n%s", stdout)
		}
	})
	t.Run("check with --claims too checks both", func(t *testing.T) {
		other := filepath.Join(dir, "more.csv")
		os.WriteFile(other, []byte("claim,measure,comparator,figure,consignee\nTiles,tonnes,exactly,9,Tekhkom\n"), 0o644)
		code, stdout, stderr := runCheckCLI("--claims", other, csv, data)
		if code != ExitOK {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if !strings.Contains(stdout, "Tiles") || !strings.Contains(stdout, "Rifles") || !strings.Contains(stdout, "C1-2") {
			t.Errorf("want both claims, the second renumbered C1-2; got\n%s", stdout)
		}
	})
	t.Run("reconcile sets it aside", func(t *testing.T) {
		out := filepath.Join(dir, "out.xlsx")
		code, stdout, stderr := runRec("reconcile", "-o", out, csv, data)
		if code != ExitOK {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if !strings.Contains(stdout, "set aside claims.csv: a claims table") {
			t.Errorf("stdout does not say the claims table was set aside:\n%s", stdout)
		}
		if strings.Contains(stdout, "read claims.csv") {
			t.Errorf("the claims table was read as shipments:\n%s", stdout)
		}
		if !strings.Contains(stdout, "3 rows → 3 shipments") {
			t.Errorf("want the 3 data rows only, got\n%s", stdout)
		}
	})
	t.Run("only a claims table", func(t *testing.T) {
		code, _, stderr := runRec("reconcile", csv)
		if code != ExitUsage || !strings.Contains(stderr, "every FILE is a claims table") {
			t.Errorf("exit %d, stderr %q; want a usage error", code, stderr)
		}
	})
}
