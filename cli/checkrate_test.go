package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// check takes --rate as reconcile does: the hint for a value in an
// unknown currency tells the user to give its rate, and that must work
// for the command that checks the value claim, not only for reconcile.
func TestCheckRate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data.csv")
	os.WriteFile(data, []byte("DATE,CONSIGNEE,SHIPPER,HS_CODE,NET_WEIGHT_KG,VALUE,CURRENCY\n"+
		"2022-06-14,OOO TEKHKRIM,NORINCO,9303300000,1200,50000,у.е.\n"+
		"2022-06-15,OOO TEKHKRIM,NORINCO,9303300000,800,30000,USD\n"), 0o644)
	claims := filepath.Join(dir, "claims.csv")
	os.WriteFile(claims, []byte("claim,measure,comparator,figure,consignee\nValue,value_usd,exactly,80000,Tekhkrim\n"), 0o644)
	for _, tc := range []struct {
		name    string
		args    []string
		verdict string
	}{
		{"without a rate the у.е. value is unknown", nil, "insufficient_data"},
		{"with --rate у.е.=1 it counts", []string{"--rate", "у.е.=1"}, "supported"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"--json", "--claims", claims}, tc.args...), data)
			code, stdout, stderr := runCheckCLI(args...)
			if code != ExitOK {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			var got []struct {
				Verdict string `json:"verdict"`
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
			}
			if len(got) != 1 || got[0].Verdict != tc.verdict {
				t.Errorf("got %+v, want one %s verdict", got, tc.verdict)
			}
		})
	}
	if code, _, stderr := runCheckCLI("--rate", "RUB=abc", "--claims", claims, data); code != ExitUsage {
		t.Errorf("bad --rate: exit %d, want usage error; stderr %s", code, stderr)
	}
}
