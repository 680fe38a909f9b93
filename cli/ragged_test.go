package cli

import (
	"strings"
	"testing"
)

// Every row of a match input is read or skipped with a reason, on stderr
// and in the output's match_reason: a short row is read with its missing
// cells empty, a long one whose extra cells hold text is skipped (a comma
// inside an unquoted name shifted its cells), trailing delimiters are not
// extra cells.
func TestMatchRaggedRows(t *testing.T) {
	in := writeCSVFile(t, "ragged.csv", "name,inn,city\n"+
		"OOO Romashka,7701234560,Moscow\n"+
		"Tekhkrim\n"+
		"ROMASHKA, OOO,7701234560,Moscow\n"+
		"Volga,,Samara,,\n")
	code, stdout, stderr := runMatchCLI(in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, tc := range []struct {
		name   string
		stderr string
		row    int // output row (0 = header)
		reason string
		cells  int
	}{
		{"short row read", "row 3: 1 fields where the header has 3; read with the missing cells empty", 2, "core", 7},
		{"long row skipped", `row 4: skipped: 4 fields where the header has 3 (extra "Moscow")`, 3, `skipped: 4 fields where the header has 3 (extra "Moscow")`, 7},
		{"trailing delimiters read", "", 4, "core", 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.stderr != "" && !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q does not say %q", stderr, tc.stderr)
			}
			out := readOut(t, stdout)
			if len(out) != 5 {
				t.Fatalf("%d output rows, want the header and 4", len(out))
			}
			r := out[tc.row]
			if len(r) != tc.cells || !strings.HasPrefix(r[len(r)-1], tc.reason) {
				t.Errorf("output row %v, want %d cells ending in %q", r, tc.cells, tc.reason)
			}
		})
	}
	if !strings.Contains(stderr, "4 rows (3 read, 1 skipped)") {
		t.Errorf("summary %q", stderr)
	}
	if strings.Contains(stderr, "row 5") {
		t.Errorf("trailing delimiters reported as a ragged row: %q", stderr)
	}
}
