package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// reviewCSV has one pair that goes to review (a word in one name only)
// and one that merges on its own.
const reviewCSV = "name\n" +
	"ROSTEKHMASH LLC\n" +
	"ROSTEKHMASH MOSCOW LLC\n" +
	"  OOO TEKHKRIM  \n" +
	"TEKHKRIM LLC\n"

func clusterOf(t *testing.T, out string) map[string]string {
	t.Helper()
	recs := readOut(t, out)
	m := map[string]string{}
	for _, r := range recs[1:] {
		m[strings.TrimSpace(r[0])] = r[1]
	}
	return m
}

func TestMatchReviewAndDecisions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := writeCSVFile(t, "names.csv", reviewCSV)
	review := filepath.Join(dir, "review.csv")
	code, out, errs := runMatchCLI("--review", review, in)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	before := clusterOf(t, out)
	if before["ROSTEKHMASH LLC"] == before["ROSTEKHMASH MOSCOW LLC"] {
		t.Fatalf("fixture: the city pair merged on its own, want it in review")
	}
	if before["OOO TEKHKRIM"] != before["TEKHKRIM LLC"] {
		t.Fatalf("fixture: TEKHKRIM pair did not merge")
	}
	data, err := os.ReadFile(review)
	if err != nil {
		t.Fatal(err)
	}
	recs := readOut(t, string(data))
	if got := strings.Join(recs[0], ","); got != "name_a,name_b,score,reasons,cluster_a,cluster_b,decision" {
		t.Fatalf("review header %q", got)
	}
	if len(recs) != 2 {
		t.Fatalf("review has %d pairs, want 1:\n%s", len(recs)-1, data)
	}
	p := recs[1]
	names := p[0] + "|" + p[1]
	if names != "ROSTEKHMASH LLC|ROSTEKHMASH MOSCOW LLC" && names != "ROSTEKHMASH MOSCOW LLC|ROSTEKHMASH LLC" {
		t.Errorf("review pair %q, want the two ROSTEKHMASH names as written", names)
	}
	if !strings.Contains(p[3], "MOSCOW") || p[4] == p[5] || p[4] == "" {
		t.Errorf("review row %q: want the reason naming MOSCOW and two cluster IDs", p)
	}

	t.Run("same in the CSV merges the pair", func(t *testing.T) {
		dec := filepath.Join(t.TempDir(), "decided.csv")
		body := strings.Replace(string(data), ",\n", ",same\n", 1)
		if err := os.WriteFile(dec, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runMatchCLI("--decisions", dec, in)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		after := clusterOf(t, out)
		if after["ROSTEKHMASH LLC"] != after["ROSTEKHMASH MOSCOW LLC"] {
			t.Errorf("decided same, still apart: %v", after)
		}
		if !strings.Contains(errs, "1 decisions applied") {
			t.Errorf("stderr %q, want it to count the decision", errs)
		}
	})
	t.Run("not_same in a workbook splits a merged pair", func(t *testing.T) {
		f := excelize.NewFile()
		rows := [][]any{
			{"name_a", "name_b", "score", "reasons", "cluster_a", "cluster_b", "decision"},
			{"OOO TEKHKRIM", "TEKHKRIM LLC", "0.99", "", "", "", "not_same"},
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				t.Fatal(err)
			}
		}
		xlsx := filepath.Join(t.TempDir(), "decided.xlsx")
		if err := f.SaveAs(xlsx); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runMatchCLI("--decisions", xlsx, in)
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		after := clusterOf(t, out)
		if after["OOO TEKHKRIM"] == after["TEKHKRIM LLC"] {
			t.Errorf("decided not_same, still merged: %v", after)
		}
	})
	t.Run("an unknown decision names the row and column", func(t *testing.T) {
		dec := writeCSVFile(t, "bad.csv", "name_a,name_b,decision\nROSTEKHMASH LLC,ROSTEKHMASH MOSCOW LLC,maybe\n")
		code, _, errs := runMatchCLI("--decisions", dec, in)
		if code != ExitInput {
			t.Fatalf("exit %d, want %d", code, ExitInput)
		}
		if !strings.Contains(errs, "row 2") || !strings.Contains(errs, "column C") || !strings.Contains(errs, "maybe") {
			t.Errorf("stderr %q, want row 2, column C and the word", errs)
		}
	})
	t.Run("a decision about a name not in the file is reported", func(t *testing.T) {
		dec := writeCSVFile(t, "other.csv", "name_a,name_b,decision\nALFA,BETA,same\n")
		code, _, errs := runMatchCLI("--decisions", dec, in)
		if code != ExitOK || !strings.Contains(errs, "not applied") {
			t.Errorf("exit %d, stderr %q: want OK and the decision reported as not applied", code, errs)
		}
	})
	t.Run("the review file may not overwrite the input", func(t *testing.T) {
		if code, _, _ := runMatchCLI("--review", in, in); code != ExitInput {
			t.Errorf("exit %d, want %d", code, ExitInput)
		}
	})
}
