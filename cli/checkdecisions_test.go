package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckDecisions checks that name decisions reach check: from a
// decisions log with --decisions, from the audit workbook a decided run
// wrote (--decisions, or the workbook given as an input), with the
// workbook's own claims and sources when none are given.
func TestCheckDecisions(t *testing.T) {
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	claimsCSV := filepath.Join(dir, "claims.csv")
	if err := os.WriteFile(claimsCSV, []byte("id,claim,measure,comparator,figure,consignee\nK1,Tekhkrim imported 2 t,tonnes,exactly,2,OOO TEKHKRIM\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The user decided TEKHKOM is the same firm as TEKHKRIM: its 9 t of
	// tiles count, and the claim of exactly 2 t fails.
	log := filepath.Join(dir, "decisions.json")
	if err := os.WriteFile(log, []byte(`[{"op":"confirm","name":"OOO TEKHKOM","role":"consignee","other":"OOO TEKHKRIM","other_role":"consignee","time":"2026-12-01T10:00:00Z"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	verdict := func(t *testing.T, args ...string) string {
		t.Helper()
		code, stdout, stderr := runCheckCLI(args...)
		if code != ExitOK {
			t.Fatalf("check %v: exit %d: %s", args, code, stderr)
		}
		lines := strings.Split(stdout, "\n")
		if len(lines) < 2 || !strings.HasPrefix(lines[1], "K1") {
			t.Fatalf("check %v: no K1 line:\n%s", args, stdout)
		}
		return lines[1]
	}
	if v := verdict(t, "--claims", claimsCSV, data); !strings.Contains(v, "Supported") {
		t.Fatalf("without decisions: %s, want Supported at 2 t", v)
	}
	audit := filepath.Join(dir, "audit.xlsx")
	if v := verdict(t, "--claims", claimsCSV, "--decisions", log, "-o", audit, data); !strings.Contains(v, "Contradicted") || !strings.Contains(v, "11 t") {
		t.Fatalf("--decisions log: %s, want Contradicted at 11 t", v)
	}
	t.Run("audit workbook as --decisions", func(t *testing.T) {
		if v := verdict(t, "--claims", claimsCSV, "--decisions", audit); !strings.Contains(v, "Contradicted") {
			t.Errorf("got %s, want the decision applied (Contradicted)", v)
		}
	})
	t.Run("audit workbook as an input, with its own claims", func(t *testing.T) {
		code, stdout, stderr := runCheckCLI(audit, data)
		if code != ExitOK || !strings.Contains(stderr, "audit.xlsx is an audit workbook") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if lines := strings.Split(stdout, "\n"); len(lines) < 2 || !strings.Contains(lines[1], "Contradicted") {
			t.Errorf("got\n%s\nwant K1 from the workbook's Claims sheet, Contradicted", stdout)
		}
	})
	t.Run("-o must not overwrite the decisions workbook", func(t *testing.T) {
		if code, _, stderr := runCheckCLI("--claims", claimsCSV, "--decisions", audit, "-o", audit); code != ExitUsage || !strings.Contains(stderr, "never overwritten") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("a decisions file that is neither", func(t *testing.T) {
		if code, _, stderr := runCheckCLI("--claims", claimsCSV, "--decisions", claimsCSV, data); code != ExitUsage || !strings.Contains(stderr, "--decisions") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}
