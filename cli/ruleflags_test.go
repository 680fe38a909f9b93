package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/pipeline"
)

func TestRuleFlagsValidation(t *testing.T) {
	files := sampleCopy(t)
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string // "" for a run that succeeds
	}{
		{"a window without a comma", []string{"--bl-window", "10"}, "want -BEFORE,+AFTER"},
		{"a positive first number", []string{"--bl-window", "10,2"}, "written negative"},
		{"a window of words", []string{"--bl-window", "-a,+2"}, "two whole numbers"},
		{"too wide before", []string{"--bl-window", "-90,+2"}, "at most 60 days before"},
		{"after out of range", []string{"--bl-window", "-10,+0"}, "+1 to +30"},
		{"a percentage without its sign", []string{"--packaging-band", "15"}, "0.15 or 15%"},
		{"a band of words", []string{"--packaging-band", "wide"}, "want a fraction"},
		{"a band under 1 %", []string{"--packaging-band", "0.001"}, "from 0.01 to 1"},
		{"an unknown flow", []string{"--flow", "x.csv=exported"}, "export or import"},
		{"a flow without a file", []string{"--flow", "=export"}, "want FILE"},
		{"a flow for a file not given", []string{"--flow", "nope.csv=export"}, `no input file is named "nope.csv"`},
		{"an unknown country", []string{"--flow", filepath.Base(files[0]) + "=export:XX"}, "not a country"},
		{"the defaults written out", []string{"--bl-window", "-10,+2", "--packaging-band", "0.15", "--export-window", "-60,+2"}, ""},
		{"a percentage", []string{"--packaging-band", "12%"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "o.xlsx")
			code, stdout, stderr := runRec(append(append([]string{"reconcile", "-o", out}, tc.args...), files...)...)
			if tc.wantErr == "" {
				if code != ExitOK {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				if tc.name == "a percentage" && !strings.Contains(stdout, "packaging band 0.12 (default 0.15)") {
					t.Errorf("the rules are not echoed: %s", stdout)
				}
				if tc.name == "the defaults written out" && strings.Contains(stdout, "shipment rules set") {
					t.Errorf("defaults echoed as set: %s", stdout)
				}
				return
			}
			if code != ExitUsage || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d naming %q", code, stderr, ExitUsage, tc.wantErr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a workbook was written after a usage error")
			}
		})
	}
}

// The windows and band given as flags reach the Method sheet, and a
// later --decisions run reads them back.
func TestRuleFlagsOnMethodSheet(t *testing.T) {
	files := sampleCopy(t)
	out := filepath.Join(t.TempDir(), "o.xlsx")
	if code, _, stderr := runRec(append([]string{"reconcile", "-o", out, "--bl-window", "-7,+3", "--packaging-band", "0.2", "--export-window", "-30,+1"}, files...)...); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Method")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			got[r[0]] = r[1]
		}
	}
	for k, v := range map[string]string{"B/L date before declaration (days)": "7", "B/L date after declaration (days)": "3", "Packaging band (%)": "20",
		"Export declaration before import (days)": "30", "Export declaration after import (days)": "1"} {
		if got[k] != v {
			t.Errorf("Method %q = %q, want %q", k, got[k], v)
		}
	}
	p, err := pipeline.OpenExported(context.Background(), out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if pp := p.Params; pp.BLDaysBefore != 7 || pp.BLDaysAfter != 3 || pp.PackagingBandPct != 20 || pp.ExportDaysBefore != 30 || pp.ExportDaysAfter != 1 {
		t.Errorf("read back %+v", pp)
	}
}
