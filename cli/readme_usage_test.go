package cli

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEUsage holds the README's usage block to the commands' usage
// lines: the README had drifted (--map without FIELD=VALUE, screen
// without --decisions) while the code's lines were updated.
func TestREADMEUsage(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			want := "bin/tradecheck-cli " + c.usage
			for _, l := range lines {
				if l == want {
					return
				}
			}
			t.Errorf("README has no usage line %q", want)
		})
	}
}
