package cli

import (
	"strings"
	"testing"
)

// TestMatchInvalidGluedINN checks that a number glued to a name with an
// INN's length but a wrong check digit is reported, named in the
// reasons, and not used as a tax ID: the names are matched without it.
func TestMatchInvalidGluedINN(t *testing.T) {
	in := writeCSVFile(t, "inn.csv", "name\n7701234560 OOO TEKHKRIM\n7709999999 OOO TEKHKRIM\nOOO TEKHKOM\n")
	code, out, errs := runMatchCLI(in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "invalid INN 7709999999 in row 3") || strings.Contains(errs, "invalid INN 7701234560") {
		t.Errorf("stderr %q: want the invalid INN of row 3 reported, not the valid one of row 2", errs)
	}
	recs := readOut(t, out)
	if !strings.Contains(recs[2][4], "invalid INN 7709999999") {
		t.Errorf("reason %q does not name the invalid INN", recs[2][4])
	}
	if strings.Contains(recs[1][4], "invalid INN") {
		t.Errorf("reason %q names a valid INN as invalid", recs[1][4])
	}
	if recs[3][1] == recs[1][1] {
		t.Errorf("TEKHKOM merged with TEKHKRIM: %v", recs)
	}
}

// TestMatchIDColumnOfRowNumbers checks that an ID column of row numbers
// is not taken for tax IDs (it would split every firm into its rows)
// unless the user insists.
func TestMatchIDColumnOfRowNumbers(t *testing.T) {
	rows := "id,name\n1,OOO TEKHKRIM\n2,ООО «Техкрим»\n3,Tehkrim LLC\n4,TEKHKOM LLC\n"
	tests := []struct {
		name      string
		csv       string
		args      []string
		warn      bool
		oneEntity bool // rows 1-3 in one entity
	}{
		{"row numbers: warned, not used", rows, []string{"--id-column", "id"}, true, true},
		{"row numbers used when the user insists", rows, []string{"--id-column", "id", "--trust-id-column"}, false, false},
		{"short numbers out of order: warned", "id,name\n7,OOO TEKHKRIM\n2,ООО «Техкрим»\n7,Tehkrim LLC\n", []string{"--id-column", "id"}, true, true},
		{"real INNs are used", "id,name\n7701234560,OOO TEKHKRIM\n7701234560,ООО «Техкрим»\n7701234560,Tehkrim LLC\n", []string{"--id-column", "id"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := writeCSVFile(t, "ids.csv", tt.csv)
			code, out, errs := runMatchCLI(append(tt.args, in)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if got := strings.Contains(errs, "not tax IDs: not used"); got != tt.warn {
				t.Errorf("warned %v, want %v: %q", got, tt.warn, errs)
			}
			recs := readOut(t, out)
			one := recs[1][2] == recs[2][2] && recs[2][2] == recs[3][2]
			if one != tt.oneEntity {
				t.Errorf("rows 1-3 in one entity: %v, want %v (%v)", one, tt.oneEntity, recs)
			}
		})
	}
}

func TestNotTaxIDs(t *testing.T) {
	col := func(vs ...string) [][]string {
		var out [][]string
		for _, v := range vs {
			out = append(out, []string{v})
		}
		return out
	}
	tests := []struct {
		name string
		rows [][]string
		not  bool
	}{
		{"sequence", col("1", "2", "3", "4"), true},
		{"sequence from 101", col("101", "102", "103"), true},
		{"short numbers", col("5", "17", "5"), true},
		{"INNs", col("7701234560", "7736050003"), false},
		{"EINs", col("123456789", "987654321"), false},
		{"VAT with letters", col("GB123", "DE456"), false},
		{"empty", col("", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := notTaxIDs(tt.rows, 0) != ""; got != tt.not {
				t.Errorf("got %v, want %v", got, tt.not)
			}
		})
	}
}
