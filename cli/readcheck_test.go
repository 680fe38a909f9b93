package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A table whose party and date columns the reader cannot name is never
// added to the totals silently: reconcile exits 1 and says which columns
// to map and how; with --map the same file is read.
func TestReconcileNeedsMapping(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	csv := filepath.Join(dir, "kz.csv")
	// Headers the reader does not know, figures it does.
	os.WriteFile(csv, []byte("Xqz;Wvk;Net weight, kg\nТОО Альфа;03.10.2022;1200\nТОО Бета;05.10.2022;800\n"), 0o644)
	out := filepath.Join(dir, "out.xlsx")
	code, stdout, stderr := runCLI("reconcile", "--no-saved-mappings", "-o", out, csv)
	if code != ExitInput {
		t.Fatalf("exit %d, want %d (stdout %q, stderr %q)", code, ExitInput, stdout, stderr)
	}
	for _, want := range []string{"kz.csv", "need mapping", `A "Xqz"`, "--map", "kz.csv:A=consignee"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, stdout, stderr = runCLI("reconcile", "--no-saved-mappings", "-o", out, "--map", "kz.csv:A=consignee", "--map", "B=date", csv)
	if code != ExitOK {
		t.Fatalf("with --map: exit %d (stderr %q)", code, stderr)
	}
	if !strings.Contains(stdout, "read kz.csv: 2 rows") || !strings.Contains(stdout, "2.000 t (net)") {
		t.Errorf("with --map: stdout %q, want 2 rows and 2 t", stdout)
	}
	if code, _, stderr := runCLI("reconcile", "--map", "other.csv:A=consignee", csv); code != ExitUsage || !strings.Contains(stderr, "no input file") {
		t.Errorf("--map naming no input: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI("reconcile", "--map", "A=party", csv); code != ExitUsage || !strings.Contains(stderr, "unknown field") {
		t.Errorf("--map with an unknown field: exit %d, stderr %q", code, stderr)
	}
}

// An input that yields no rows is an error, as in inspect, while the
// other inputs are still reconciled; a notes sheet adds no shipment.
func TestReconcileFileWithoutRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.csv")
	os.WriteFile(good, []byte("Date,Consignee,Net weight (kg)\n2022-10-03,OOO TEKHKRIM,1200\n"), 0o644)
	notes := filepath.Join(dir, "notes.csv")
	os.WriteFile(notes, []byte("Consignee,Comment\nOOO TEKHKRIM,checked by phone\nOOO ALFA,no answer\n"), 0o644)
	code, stdout, stderr := runCLI("reconcile", "--no-saved-mappings", "-o", filepath.Join(dir, "out.xlsx"), good, notes)
	if code != ExitInput {
		t.Fatalf("exit %d, want %d (stderr %q)", code, ExitInput, stderr)
	}
	if !strings.Contains(stderr, "notes.csv") || !strings.Contains(stderr, "no rows read") || !strings.Contains(stderr, "not a data sheet") {
		t.Errorf("stderr %q, want notes.csv: no rows read (not a data sheet …)", stderr)
	}
	if !strings.Contains(stdout, "counted: 1 shipments") {
		t.Errorf("stdout %q, want the good file's one shipment counted", stdout)
	}
}
