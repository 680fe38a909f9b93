package cli

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
	"tradecheck/samples"
)

// sampleCopy copies the four sample sources into a temp folder, so
// outputs land beside them without touching the repository.
func sampleCopy(t *testing.T) []string {
	t.Helper()
	src, _ := filepath.Glob(filepath.Join("..", "samples", "*_ILLUSTRATIVE.*"))
	if len(src) != 4 {
		t.Fatalf("samples not generated (found %d files): run make samples", len(src))
	}
	sort.Strings(src)
	dir := t.TempDir()
	var out []string
	for _, s := range src {
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		d := filepath.Join(dir, filepath.Base(s))
		if err := os.WriteFile(d, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func runRec(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestReconcileUsage(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no files", []string{"reconcile"}, ExitUsage, "give at least one FILE"},
		{"help", []string{"reconcile", "--help"}, ExitOK, ""},
		{"bad weight", []string{"reconcile", "--weight", "heavy", files[0]}, ExitUsage, "--weight must be net or gross"},
		{"output is an input", []string{"reconcile", files[0], files[1], "-o", files[1]}, ExitUsage, "is one of the inputs"},
		{"output is a folder", []string{"reconcile", files[0], "-o", filepath.Dir(files[0])}, ExitUsage, "is a folder"},
		{"bad rate", []string{"reconcile", "--rate", "RUB=abc", files[0]}, ExitUsage, "not a positive number"},
		{"bad threshold", []string{"reconcile", "--auto-threshold", "1.5", files[0]}, ExitUsage, "--auto-threshold must be a number from 0 to 1"},
		{"bad tolerance", []string{"reconcile", files[0], "--date-tolerance=-2"}, ExitUsage, "--date-tolerance must be a whole number"},
		{"unknown flag", []string{"reconcile", "--nope", files[0]}, ExitUsage, "flag provided but not defined"},
		{"decisions not a workbook", []string{"reconcile", "--decisions", files[2], files[0]}, ExitUsage, "--decisions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runRec(tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit: got %d, want %d (stderr %q)", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("stderr: got %q, want it to contain %q", stderr, tc.wantErr)
			}
		})
	}
	// The input named by -o is untouched.
	before, _ := os.ReadFile(files[1])
	runRec("reconcile", files[0], files[1], "-o", files[1])
	after, _ := os.ReadFile(files[1])
	if !bytes.Equal(before, after) {
		t.Error("an input named by -o was modified")
	}
}

func TestReconcileEndToEnd(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	dir := filepath.Dir(files[0])
	missing := filepath.Join(dir, "missing.xlsx")
	t.Run("flags after files, one missing input", func(t *testing.T) {
		out := filepath.Join(dir, "out.xlsx")
		code, stdout, stderr := runRec(append(append([]string{"reconcile"}, files...), missing, "--weight", "net", "-o", out)...)
		if code != ExitInput {
			t.Errorf("exit: got %d, want %d (a missing input); stderr %q", code, ExitInput, stderr)
		}
		if !strings.Contains(stderr, "missing.xlsx") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("stderr: got %q, want one line naming missing.xlsx", stderr)
		}
		if !strings.Contains(stdout, "wrote "+out) {
			t.Errorf("stdout: got %q, want the output path", stdout)
		}
		if _, err := os.Stat(out); err != nil {
			t.Errorf("output not written: %v", err)
		}
	})
	t.Run("default names never collide", func(t *testing.T) {
		var written []string
		for i := 0; i < 2; i++ {
			code, stdout, stderr := runRec(append([]string{"reconcile"}, files...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			line := stdout[strings.LastIndex(stdout, "wrote ")+6:]
			written = append(written, strings.TrimSpace(line))
		}
		if written[0] == written[1] {
			t.Errorf("two runs wrote the same file %s", written[0])
		}
		for _, w := range written {
			if filepath.Dir(w) != dir || !strings.HasPrefix(filepath.Base(w), "reconciled-") || filepath.Ext(w) != ".xlsx" {
				t.Errorf("default output %s: want reconciled-YYYYMMDD-HHMMSS.xlsx beside the first input", w)
			}
		}
	})
}

// TestReconcileRoundTrip exports, splits one alias out in the Entities
// sheet as a user would in Excel, feeds the workbook back with
// --decisions and checks the totals move by exactly that alias's
// shipments.
func TestReconcileRoundTrip(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	dir := filepath.Dir(files[0])
	first := filepath.Join(dir, "first.xlsx")
	if code, _, stderr := runRec(append([]string{"reconcile", "-o", first}, files...)...); code != ExitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	res, err := pipeline.Run(context.Background(), pipeline.NewProject(files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Choose a consignee alias whose shipments carry no other name of its
	// entity, so splitting it moves exactly those shipments.
	alias, entity, ships := pickAlias(t, res)
	var moved totals.Measures
	for _, si := range ships {
		sh := &res.Merge.Shipments[si]
		if sh.Counted() {
			moved.Shipments++
			moved.Tonnes += sh.Tonnes.Value
			moved.ValueUSD += sh.USD.Value
		}
	}
	before := summaryRows(t, first)
	old := before["consignee|"+entity.ID]

	// Edit the Entities sheet: the alias gets a new Entity ID.
	edited := filepath.Join(dir, "edited.xlsx")
	f, err := excelize.OpenFile(first)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(workbook.SheetEntities)
	done := false
	for i, r := range rows {
		if len(r) > 3 && r[2] == alias.Name && r[3] == string(alias.Role) {
			f.SetCellValue(workbook.SheetEntities, "A"+strconv.Itoa(i+1), "SPLIT-1")
			done = true
		}
	}
	if !done {
		t.Fatalf("alias %q not on the Entities sheet", alias.Name)
	}
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()

	second := filepath.Join(dir, "second.xlsx")
	code, _, stderr := runRec("reconcile", "--decisions", edited, "-o", second)
	if code != ExitOK {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	after := summaryRows(t, second)
	got := after["consignee|SPLIT-1"]
	if got.Shipments != moved.Shipments || !close(got.Tonnes, moved.Tonnes) || !close(got.ValueUSD, moved.ValueUSD) {
		t.Errorf("split-out entity: got %d / %.3f t / %.2f USD, want %d / %.3f t / %.2f USD",
			got.Shipments, got.Tonnes, got.ValueUSD, moved.Shipments, moved.Tonnes, moved.ValueUSD)
	}
	rest := after["consignee|"+entity.ID]
	if rest.Shipments != old.Shipments-moved.Shipments || !close(rest.Tonnes, old.Tonnes-moved.Tonnes) || !close(rest.ValueUSD, old.ValueUSD-moved.ValueUSD) {
		t.Errorf("%s after the split: got %d / %.3f t / %.2f USD, want %d / %.3f t / %.2f USD", entity.Canonical,
			rest.Shipments, rest.Tonnes, rest.ValueUSD, old.Shipments-moved.Shipments, old.Tonnes-moved.Tonnes, old.ValueUSD-moved.ValueUSD)
	}
	// The decision is recorded, so a third run from the second workbook
	// reproduces the second.
	third := filepath.Join(dir, "third.xlsx")
	if code, _, stderr := runRec("reconcile", "--decisions", second, "-o", third); code != ExitOK {
		t.Fatalf("third run: exit %d: %s", code, stderr)
	}
	if again := summaryRows(t, third); again["consignee|SPLIT-1"] != got {
		t.Errorf("third run: got %+v, want %+v (decision not carried over)", again["consignee|SPLIT-1"], got)
	}
}

type sumRow struct {
	Shipments        int
	Tonnes, ValueUSD float64
}

func summaryRows(t *testing.T, path string) map[string]sumRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]sumRow{}
	for _, r := range rows[1:] {
		if len(r) < 6 || r[0] == "" {
			continue
		}
		n, _ := strconv.Atoi(r[3])
		tn, _ := strconv.ParseFloat(r[4], 64)
		usd, _ := strconv.ParseFloat(r[5], 64)
		out[r[2]+"|"+r[0]] = sumRow{n, tn, usd}
	}
	return out
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func pickAlias(t *testing.T, res *pipeline.Result) (match.Mention, match.Entity, []int32) {
	t.Helper()
	for _, e := range res.Names.Entities {
		if len(e.Members) < 2 {
			continue
		}
		for _, m := range e.Members[1:] {
			mn := res.Names.Mentions[m]
			if mn.Role != match.Consignee {
				continue
			}
			var ships []int32
			clean := true
			for si, sh := range res.Merge.Shipments {
				uses, other := false, false
				for _, x := range append(append([]int32{}, sh.Rows...), sh.Duplicates...) {
					switch res.ConsigneeMention[x] {
					case int32(m):
						uses = true
					default:
						if res.ConsigneeEntity[x] >= 0 && res.Names.Entities[res.ConsigneeEntity[x]].ID == e.ID {
							other = true
						}
					}
				}
				if uses && other {
					clean = false
					break
				}
				if uses {
					ships = append(ships, int32(si))
				}
			}
			if clean && len(ships) > 0 {
				return mn, e, ships
			}
		}
	}
	t.Fatal("no consignee alias with shipments of its own")
	return match.Mention{}, match.Entity{}, nil
}

// TestReconcileScreen screens the samples against the sample list, marks
// a review hit confirmed in the Screening sheet as a user would in Excel,
// and feeds the workbook back: the list and the decision come with it.
func TestReconcileScreen(t *testing.T) {
	t.Parallel()
	files := sampleCopy(t)
	dir := filepath.Dir(files[0])
	list := filepath.Join("..", "samples", samples.List)
	out := filepath.Join(dir, "screened.xlsx")
	code, stdout, stderr := runRec(append(append([]string{"reconcile", "--screen", list}, files...), "-o", out)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "2 entities listed, 2 for review") {
		t.Errorf("stdout: %s", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(workbook.SheetScreening)
	if err != nil {
		t.Fatal(err)
	}
	dec := slices.Index(workbook.ScreeningHeader, "Decision") + 1
	confirmed := ""
	for i, r := range rows {
		if len(r) > 13 && r[13] == "review" && strings.Contains(r[1], "NINGBO") {
			cell, _ := excelize.CoordinatesToCellName(dec, i+1)
			if err := f.SetCellStr(workbook.SheetScreening, cell, "confirmed"); err != nil {
				t.Fatal(err)
			}
			confirmed = r[1]
		}
	}
	if confirmed == "" {
		t.Fatalf("no review hit for Ningbo on the Screening sheet: %v", rows)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out2 := filepath.Join(dir, "again.xlsx")
	code, stdout, stderr = runRec("reconcile", "--decisions", out, "-o", out2)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "3 entities listed") {
		t.Errorf("after confirming %s: %s", confirmed, stdout)
	}
}
