package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/samples"
)

// TestCheckMemo: check --memo writes the memo of every claim, as Markdown
// and HTML, plus one pair per claim, into a folder it creates.
func TestCheckMemo(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "memo")
	args := append(sampleFiles(), "--claims", filepath.Join("..", "samples", samples.Claims), "--memo", dir)
	code, stdout, stderr := runCheckCLI(args...)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Wrote the verification memo to "+dir+" (24 files") {
		t.Errorf("stdout does not report the memo:\n%s", stdout)
	}
	for _, tc := range []struct{ file, want string }{
		{"memo.md", "| C6 | More than 30 tonnes of Chinese body armour reached Russia via Turkey in 2022 | **Contradicted** | 14.1 t |"},
		{"memo.html", "<h2>C9: <span class=\"verdict v-insufficient_data\">Insufficient data</span></h2>"},
		{"memo-C7.md", "shipper “NORINCO” matched 1 entity by the rule *name words*"},
		{"memo-C10.html", "<title>Verification memo: claim C10</title>"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("%s lacks %q", tc.file, tc.want)
			}
		})
	}
}

// TestCheckMemoUnwritable: a memo folder that cannot be made is an input
// error naming the folder, after the verdicts are printed.
func TestCheckMemoUnwritable(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append(sampleFiles(), "--claims", filepath.Join("..", "samples", samples.Claims), "--memo", filepath.Join(file, "memo"))
	code, stdout, stderr := runCheckCLI(args...)
	if code != ExitInput || !strings.Contains(stderr, file) || !strings.Contains(stdout, "Supported") {
		t.Errorf("exit %d, stderr %q: want exit %d and an error naming %s, verdicts still printed", code, stderr, ExitInput, file)
	}
}
