package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A headline whose values all lack a rate says the USD total is unknown,
// and one that leaves some out says how many: never a bare "0 USD".
// Invented register.
func TestHeadlineUSDUnknown(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "register.csv")
	csv := "Consignee;Net weight, kg;Invoice value;Currency\nAlpha;100;1000;UAH\nBeta;200;2000;UAH\nGamma;300;3000;USD\n"
	if err := os.WriteFile(data, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"part known", nil, "counted: 3 shipments, 0.600 t (net), 3000 USD (leaves out 2 values in UAH: no USD rate)"},
		{"all converted", []string{"--rate", "UAH=0.5"}, "counted: 3 shipments, 0.600 t (net), 4500 USD\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"reconcile", "-o", filepath.Join(t.TempDir(), "out.xlsx")}, tt.args...)
			code, stdout, stderr := runRec(append(args, data)...)
			if code != ExitOK || !strings.Contains(stdout, tt.want) {
				t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant %q", code, stdout, stderr, tt.want)
			}
		})
	}
	only := filepath.Join(dir, "uah.csv")
	if err := os.WriteFile(only, []byte("Consignee;Net weight, kg;Value, UAH\nAlpha;100;1000\nBeta;200;2000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := runRec("reconcile", "-o", filepath.Join(dir, "o2.xlsx"), only)
	if want := "counted: 2 shipments, 0.300 t (net), USD unknown: 2 values in UAH have no USD rate"; code != ExitOK || !strings.Contains(stdout, want) {
		t.Errorf("exit %d, stdout:\n%s\nwant %q", code, stdout, want)
	}
}
