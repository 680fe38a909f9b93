package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func runMatchCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb}, append([]string{"match"}, args...))
	return code, out.String(), errb.String()
}

func writeCSVFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readOut(t *testing.T, s string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, s)
	}
	return recs
}

const namesCSV = "id,name,qty\n" +
	"1,OOO TEKHKRIM,10\n" +
	"2,ООО «Техкрим»,-5\n" +
	"3,TEKHKOM LLC,3\n" +
	"4,Tehkrim LLC,1\n" +
	"5,,2\n" +
	"6,=HYPERLINK(\"http://x\"),1\n"

func TestMatchCSV(t *testing.T) {
	t.Parallel()
	in := writeCSVFile(t, "names.csv", namesCSV)
	code, out, errs := runMatchCLI(in)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	recs := readOut(t, out)
	wantHeader := []string{"id", "name", "qty", "cluster_id", "canonical_name", "match_score", "match_reason"}
	if strings.Join(recs[0], ",") != strings.Join(wantHeader, ",") {
		t.Fatalf("header = %q, want %q", recs[0], wantHeader)
	}
	if len(recs) != 7 {
		t.Fatalf("got %d rows, want 6 data rows and the header", len(recs)-1)
	}
	for i, r := range recs[1:] {
		if r[0] != []string{"1", "2", "3", "4", "5", "6"}[i] {
			t.Errorf("row %d has id %q: rows out of order", i+1, r[0])
		}
	}
	cid := func(row int) string { return recs[row][3] }
	if cid(1) == "" || cid(1) != cid(2) || cid(1) != cid(4) {
		t.Errorf("TEKHKRIM rows got clusters %q %q %q, want one", cid(1), cid(2), cid(4))
	}
	if cid(3) == cid(1) {
		t.Errorf("TEKHKOM joined TEKHKRIM")
	}
	if cid(5) != "" || recs[5][6] != "no name" {
		t.Errorf("row without a name: cluster %q reason %q, want empty and %q", cid(5), recs[5][6], "no name")
	}
	if !strings.HasPrefix(recs[2][6], "same after transliteration and legal form") {
		t.Errorf("reason for the Cyrillic spelling = %q", recs[2][6])
	}
	if got := recs[6][1]; got != `'=HYPERLINK("http://x")` {
		t.Errorf("formula cell written as %q, want it neutralised with a leading '", got)
	}
	if got := recs[2][2]; got != "-5" {
		t.Errorf("negative number written as %q, want -5 untouched", got)
	}
}

func TestMatchOptions(t *testing.T) {
	t.Parallel()
	in := writeCSVFile(t, "names.csv", "company;inn\nROMASHKA LLC;7736050003\nZVEZDA;7736050003\nROMASHKA LLC;5027089703\n")
	outPath := filepath.Join(t.TempDir(), "out.csv")
	code, stdout, errs := runMatchCLI("--column", "company", in, "--id-column", "inn", "-o", outPath)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if stdout != "" {
		t.Errorf("with -o, stdout should be empty, got %q", stdout)
	}
	data, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(outPath); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm() != 0o644 {
		t.Errorf("output mode %v, want 0644 (readable by the editor it is shared with)", fi.Mode().Perm())
	}
	recs := readOut(t, string(data))
	if recs[1][2] != recs[2][2] {
		t.Errorf("same INN, different names: clusters %q %q, want one", recs[1][2], recs[2][2])
	}
	if recs[1][2] == recs[3][2] {
		t.Errorf("same name, different INN: one cluster %q, want two", recs[1][2])
	}
	if recs[2][5] != "same INN 7736050003" && recs[1][5] != "same INN 7736050003" {
		t.Errorf("reasons %q / %q, want one to be %q", recs[1][5], recs[2][5], "same INN 7736050003")
	}
}

func TestMatchDefaultsToFirstColumn(t *testing.T) {
	t.Parallel()
	in := writeCSVFile(t, "n.csv", "Company\nOOO TEKHKRIM\nTekhkrim LLC\n")
	code, out, errs := runMatchCLI(in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs := readOut(t, out)
	if recs[1][1] == "" || recs[1][1] != recs[2][1] {
		t.Errorf("clusters %q %q, want one", recs[1][1], recs[2][1])
	}
}

func TestMatchErrors(t *testing.T) {
	t.Parallel()
	good := writeCSVFile(t, "n.csv", "name\nA\n")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no input", nil, ExitUsage, "want exactly one input CSV"},
		{"two inputs", []string{good, good}, ExitUsage, "want exactly one input CSV"},
		{"missing file", []string{filepath.Join(t.TempDir(), "nope.csv")}, ExitInput, "file not found"},
		{"unknown column", []string{good, "--column", "firm"}, ExitUsage, `no column "firm"`},
		{"bad threshold", []string{good, "--threshold", "1.5"}, ExitUsage, "--threshold"},
		{"output over input", []string{good, "-o", good}, ExitInput, "would overwrite an input"},
		{"empty file", []string{writeCSVFile(t, "e.csv", "")}, ExitInput, "file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runMatchCLI(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %s)", code, tt.code, errs)
			}
			if !strings.Contains(errs, tt.want) {
				t.Errorf("stderr %q, want it to mention %q", errs, tt.want)
			}
		})
	}
}

func TestNeutraliseCell(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+CMD", "'+CMD"}, {"-2+3", "'-2+3"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"-12.5", "-12.5"}, {"+7", "+7"}, {"OOO TEKHKRIM", "OOO TEKHKRIM"}, {"", ""},
	}
	for _, tt := range tests {
		if got := neutraliseCell(tt.in); got != tt.want {
			t.Errorf("neutraliseCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
