package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tradecheck/samples"
)

// Two sources of one flow whose rows can never merge (each row carries a
// declaration number of its own, as when another kind of number is read
// as one): reconcile says so instead of printing an inflated total
// silently.
func TestReconcileWarnsOfDoubleCounting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var a, b strings.Builder
	a.WriteString("Declaration number,Date,Consignee,HS code,Net weight kg\n")
	b.WriteString("Declaration number,Date,Consignee,HS code,Net weight kg\n")
	for k := 0; k < 5; k++ {
		fmt.Fprintf(&a, "10702030/%02d0622/00%d,2022-06-%02d,OOO TEKHKRIM,930320,%d\n", 10+k, k, 10+k, 1000+100*k)
		fmt.Fprintf(&b, "10702070/%02d0622/99%d,2022-06-%02d,OOO TEKHKRIM,930320,%d\n", 8+k, k, 8+k, 1000+100*k)
	}
	pa, pb := filepath.Join(dir, "declarations.csv"), filepath.Join(dir, "feed.csv")
	os.WriteFile(pa, []byte(a.String()), 0o644)
	os.WriteFile(pb, []byte(b.String()), 0o644)
	code, stdout, stderr := runRec("reconcile", "-o", filepath.Join(dir, "out.xlsx"), pa, pb)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "warning: possible double counting between declarations.csv and feed.csv: 5 row(s)") {
		t.Errorf("no double-counting warning:\n%s", stdout)
	}
	if !strings.Contains(stdout, "possible duplicates: 0 pair(s)") {
		t.Errorf("no possible-duplicates line:\n%s", stdout)
	}
}

// On the samples: the bill-of-lading feed's B/L column
// read as declaration numbers can merge with nothing, and reconcile says
// so for both sources it overlaps.
func TestReconcileWarnsOnMisreadBillOfLading(t *testing.T) {
	t.Parallel()
	var files []string
	for _, s := range samples.Sources {
		files = append(files, filepath.Join("..", "samples", s))
	}
	bl := "bill_of_lading_feed_2022_ILLUSTRATIVE.csv"
	out := filepath.Join(t.TempDir(), "out.xlsx")
	slices.Reverse(files)
	args := append([]string{"reconcile", "--no-saved-mappings", "--map", bl + ":A=declaration_id", "-o", out}, files...)
	code, stdout, stderr := runRec(args...)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"warning: possible double counting between bill_of_lading_feed_2022_ILLUSTRATIVE.csv and ru_declarations_2022_ILLUSTRATIVE.xlsx!Декларации: 22 row(s)",
		// The same whatever the order of the files (names sort the pair).
		"warning: possible double counting between aggregator_export_2022_ILLUSTRATIVE.xlsx!Shipments and bill_of_lading_feed_2022_ILLUSTRATIVE.csv",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	// Read as it should be, the feed merges and nothing warns.
	code, stdout, _ = runRec(append([]string{"reconcile", "--no-saved-mappings", "-o", out}, files...)...)
	if code != ExitOK || strings.Contains(stdout, "warning: possible double counting") {
		t.Errorf("exit %d, a warning on the samples as read:\n%s", code, stdout)
	}
}
