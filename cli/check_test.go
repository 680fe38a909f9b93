package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/workbook"
	"tradecheck/samples"
)

func runCheckCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb}, append([]string{"check"}, args...))
	return code, out.String(), errb.String()
}

func sampleFiles() []string {
	var files []string
	for _, s := range samples.Sources {
		files = append(files, filepath.Join("..", "samples", s))
	}
	return files
}

// dataWorkbook writes a small shipment workbook; with claimRows it also
// has a Claims sheet (header first).
func dataWorkbook(t *testing.T, dir string, claimRows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Data")
	rows := [][]any{
		{"DATE", "CONSIGNEE", "SHIPPER", "ORIGIN", "DISPATCH", "DESTINATION", "HS_CODE", "DESCRIPTION", "NET_WEIGHT_KG", "VALUE_USD"},
		{"2022-06-14", "OOO TEKHKRIM", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 1200, 50000},
		{"2022-06-15", "OOO TEKHKRIM", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 800, 30000},
		{"2022-07-01", "OOO TEKHKOM", "ACME", "TURKEY", "TURKEY", "RUSSIA", "6907210000", "TILES", 9000, 4000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Data", cell, &r)
	}
	if claimRows != nil {
		f.NewSheet("Claims")
		for i, r := range claimRows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow("Claims", cell, &r)
		}
	}
	path := filepath.Join(dir, "data.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckSamples(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out.xlsx")
	// Flags after the files, as users type them.
	args := append(sampleFiles(), "--claims", filepath.Join("..", "samples", samples.Claims), "-o", out,
		"--screen", filepath.Join("..", "samples", samples.List))
	code, stdout, stderr := runCheckCLI(args...)
	if code != ExitOK {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitOK, stderr)
	}
	for _, want := range []string{"ID", "Claim", "Expected", "Computed [lower–upper]", "Verdict", "Reason",
		"C2 ", "more than 12 t", "12.6 t", "Supported", "Contradicted", "Insufficient data", "Nothing found", "Wrote " + out} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetClaims)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 12 || rows[0][0] != workbook.ClaimsHeader[0] || rows[11][0] != "C11" {
		t.Errorf("Claims sheet: got %d rows starting %v, want the header and C1…C11", len(rows), rows[0])
	}
	// The claim about listed consignees is checked against the list.
	verdict := slices.Index(rows[0], "Verdict")
	if verdict < 0 || len(rows) < 12 || rows[11][verdict] != "Supported" {
		t.Errorf("C11 (listed consignees, CHPL goods): %v", rows[len(rows)-1])
	}
}

func TestCheckClaimsSheetInInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := dataWorkbook(t, dir, [][]any{
		{"claim", "measure", "comparator", "figure", "consignee", "hs_prefixes", "date_from", "date_to"},
		{"Tekhkrim got 2 t of rifles in June 2022", "tonnes", "exactly", 2, "Tekhkrim", "9303", "2022-06-01", "2022-06-30"},
		{"Tekhkrim got rifles worth over $100k", "value_usd", "more_than", 100000, "Tekhkrim", "9303", nil, nil},
	})
	code, stdout, stderr := runCheckCLI(path)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) < 3 || !strings.Contains(lines[1], "Supported") || !strings.Contains(lines[2], "Contradicted") {
		t.Errorf("verdicts: got\n%s\nwant C1 Supported, C2 Contradicted", stdout)
	}
	// The claims must not have been read as shipments.
	if strings.Contains(stdout, "Claims:") || strings.Contains(stderr, "Claims") {
		t.Errorf("the Claims sheet leaked into the sources:\n%s\n%s", stdout, stderr)
	}
}

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	csv := filepath.Join(dir, "claims.csv")
	os.WriteFile(csv, []byte("claim,measure,comparator,figure,consignee,hs_prefixes\nRifles,tonnes,exactly,2,Tekhkrim,9303\n"), 0o644)
	code, stdout, stderr := runCheckCLI("--json", "--claims", csv, data)
	if code != ExitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var got []struct {
		ID        string   `json:"id"`
		Verdict   string   `json:"verdict"`
		Lower     float64  `json:"lower"`
		Upper     *float64 `json:"upper"`
		Shipments []struct {
			ID      string   `json:"id"`
			Sources []string `json:"sources"`
		} `json:"shipments"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if len(got) != 1 || got[0].Verdict != "supported" || got[0].Lower != 2 || got[0].Upper == nil || *got[0].Upper != 2 ||
		len(got[0].Shipments) != 2 || len(got[0].Shipments[0].Sources) != 1 || got[0].Shipments[0].Sources[0] != "data.xlsx!Data:2" {
		t.Errorf("got %+v, want one supported claim of 2 t from data.xlsx!Data:2 and :3", got)
	}
}

func TestCheckBadClaimRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	csv := filepath.Join(dir, "claims.csv")
	os.WriteFile(csv, []byte("claim,measure,comparator,figure\nGood,tonnes,at_least,1\nBad,tonnes,more or less,1\n"), 0o644)
	code, stdout, stderr := runCheckCLI("--claims", csv, data)
	if code != ExitInput {
		t.Errorf("exit %d, want %d (a claim row could not be read)", code, ExitInput)
	}
	if !strings.Contains(stderr, "claims.csv, row 3, column C") || !strings.Contains(stderr, "unknown comparator") {
		t.Errorf("stderr lacks the positioned error:\n%s", stderr)
	}
	if !strings.Contains(stdout, "Good") || !strings.Contains(stdout, "Supported") {
		t.Errorf("the good claim was not checked:\n%s", stdout)
	}
}

func TestCheckUsage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	csv := filepath.Join(dir, "claims.csv")
	os.WriteFile(csv, []byte("claim,measure,comparator,figure\nGood,tonnes,at_least,1\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no files", []string{"--claims", csv}, "give at least one FILE"},
		{"no claims anywhere", []string{data}, "give --claims"},
		{"claims file missing", []string{"--claims", filepath.Join(dir, "nope.csv"), data}, "nope.csv"},
		{"bad weight", []string{"--claims", csv, "--weight", "heavy", data}, "--weight must be net or gross"},
		{"output is an input", []string{"--claims", csv, "-o", data, data}, "inputs are never overwritten"},
		{"output is the claims file", []string{"--claims", csv, "-o", csv, data}, "inputs are never overwritten"},
		{"unknown flag", []string{"--claimz", csv, data}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCheckCLI(tt.args...)
			if code != ExitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("got exit %d, stderr %q; want %d with %q", code, stderr, ExitUsage, tt.want)
			}
		})
	}
}

// Two --claims files are both checked; a second one used to replace the
// first without a word.
func TestCheckTwoClaimsFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := dataWorkbook(t, dir, nil)
	a := filepath.Join(dir, "a.csv")
	b := filepath.Join(dir, "b.csv")
	os.WriteFile(a, []byte("claim,measure,comparator,figure\nFirst file claim,tonnes,at_least,1\n"), 0o644)
	os.WriteFile(b, []byte("claim,measure,comparator,figure\nSecond file claim,tonnes,at_most,100\n"), 0o644)
	code, stdout, stderr := runCheckCLI("--claims", a, "--claims", b, data)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"First file claim", "Second file claim"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("%q not checked:\n%s", want, stdout)
		}
	}
}
