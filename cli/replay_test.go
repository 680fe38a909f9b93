package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An import register and the export register of the same two shipments,
// whose flow only the user states (--flow): with it the rows pair and
// count once, without it they are four shipments.
const (
	replayImports = `Declaration date,Consignee,Shipper,HS code,Net weight kg,Value USD,Country of origin,Destination country
2022-07-18,OOO Schit Zaschita,Anadolu Koruma Tekstil AS,6211430000,6400,288000,CN,RU
2022-09-26,OOO Schit Zaschita,Anadolu Koruma Tekstil AS,3926909709,2150,129000,CN,RU
`
	replayExports = `Export date,Consignee,Shipper,HS code,Net weight kg,FOB value USD,Country of origin,Destination country
2022-07-11,OOO Schit Zaschita,Anadolu Koruma Tekstil AS,621143000000,6400,281000,CN,RU
2022-09-19,OOO Schit Zaschita,Anadolu Koruma Tekstil AS,392690970900,2150,126500,CN,RU
`
)

func countedLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "counted: ") {
			return l
		}
	}
	return ""
}

// TestDecisionsReplayTradeFlow: a --flow given on the first run is
// stored in the audit workbook (Sources, User trade flow) and a
// --decisions run repeats it; when the file cannot be read, or is not
// among the files given, the replay says its settings were not applied.
func TestDecisionsReplayTradeFlow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	imp, exp := filepath.Join(dir, "imports.csv"), filepath.Join(dir, "exports.csv")
	for p, s := range map[string]string{imp: replayImports, exp: replayExports} {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	first := filepath.Join(dir, "first.xlsx")
	code, out, stderr := runRec("reconcile", "--flow", "exports.csv=export:TR", "-o", first, imp, exp)
	if code != ExitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	want := countedLine(out)
	if !strings.HasPrefix(want, "counted: 2 shipments") {
		t.Fatalf("first run: %q, want the export rows paired with the imports (2 shipments)", want)
	}
	_, plain, _ := runRec("reconcile", "-o", filepath.Join(dir, "plain.xlsx"), imp, exp)
	if countedLine(plain) == want {
		t.Fatal("the fixture does not depend on the flow")
	}
	t.Run("replayed", func(t *testing.T) {
		for _, cmd := range [][]string{{"reconcile", "--decisions", first, "-o", filepath.Join(dir, "second.xlsx")}, {"reconcile", "--decisions", first, "-o", filepath.Join(dir, "third.xlsx"), imp, exp}} {
			code, out, stderr := runRec(cmd...)
			if code != ExitOK {
				t.Fatalf("%v: exit %d: %s", cmd, code, stderr)
			}
			if got := countedLine(out); got != want {
				t.Errorf("%v: %q, want %q as the run it replays", cmd, got, want)
			}
		}
	})
	t.Run("file not among those given", func(t *testing.T) {
		_, out, stderr := runRec("reconcile", "--decisions", first, "-o", filepath.Join(dir, "fourth.xlsx"), imp)
		if !strings.Contains(out+stderr, "settings for exports.csv were not applied (trade flow export:TR): the file is not among the files given") {
			t.Errorf("no note that the flow was dropped:\n%s%s", out, stderr)
		}
	})
	t.Run("file missing", func(t *testing.T) {
		if err := os.Rename(exp, filepath.Join(dir, "away.csv.bak")); err != nil {
			t.Fatal(err)
		}
		_, out, stderr := runRec("reconcile", "--decisions", first, "-o", filepath.Join(dir, "fifth.xlsx"))
		if !strings.Contains(out+stderr, "exports.csv: could not be read, so your settings for it were not applied (trade flow export:TR)") {
			t.Errorf("no note that the flow was not applied:\n%s%s", out, stderr)
		}
	})
}
