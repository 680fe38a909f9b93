package claims_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/lotest"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/workbook"
)

var (
	workbookOnce sync.Once
	workbookPath string
	workbookErr  error
	workbookDir  string
)

// TestMain removes the shared audit workbook's folder after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if workbookDir != "" {
		os.RemoveAll(workbookDir)
	}
	os.Exit(code)
}

// writeSampleWorkbook writes the audit workbook of the sample run, with
// its Claims sheet, once per test binary (tests only read it).
func writeSampleWorkbook(t *testing.T) (*pipeline.Result, string) {
	t.Helper()
	res := runSamples(t)
	workbookOnce.Do(func() {
		if workbookDir, workbookErr = os.MkdirTemp("", "claims-test-"); workbookErr != nil {
			return
		}
		workbookPath = filepath.Join(workbookDir, "audit.xlsx")
		workbookErr = pipeline.WriteWorkbook(context.Background(), res, workbookPath, nil)
	})
	if workbookErr != nil {
		t.Fatal(workbookErr)
	}
	return res, workbookPath
}

func col(name string) string {
	for i, h := range workbook.ClaimsHeader {
		if h == name {
			return reconcile.ColumnName(i + 1)
		}
	}
	panic("no column " + name)
}

// TestClaimsSheet reopens the audit workbook: one row per claim with its
// verdict, a Computed formula over Shipments whose cached value is the
// engine's figure, and links that land on the right Shipments row.
func TestClaimsSheet(t *testing.T) {
	t.Parallel()
	res, out := writeSampleWorkbook(t)
	vs := res.CheckClaims()
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetClaims)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], "|"); got != strings.Join(workbook.ClaimsHeader, "|") {
		t.Fatalf("header: got %q, want %q", got, strings.Join(workbook.ClaimsHeader, "|"))
	}
	shipRow := map[string]int{}
	ids, err := f.GetCols(workbook.SheetShipments)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range ids[0] {
		shipRow[id] = i + 1
	}
	linkCol, _ := excelize.ColumnNameToNumber(col("Shipments"))
	for i, v := range vs {
		r := strconv.Itoa(i + 2)
		t.Run(v.Claim.ID, func(t *testing.T) {
			if got, _ := f.GetCellValue(workbook.SheetClaims, col("Claim ID")+r); got != v.Claim.ID {
				t.Errorf("claim ID: got %q, want %q", got, v.Claim.ID)
			}
			if got, _ := f.GetCellValue(workbook.SheetClaims, col("Verdict")+r); got != v.Kind.Label() {
				t.Errorf("verdict: got %q, want %q", got, v.Kind.Label())
			}
			cell := col("Computed") + r
			formula, _ := f.GetCellFormula(workbook.SheetClaims, cell)
			if len(v.InScope) > 0 && !strings.Contains(formula, "Shipments!") {
				t.Errorf("computed formula: got %q, want one over Shipments", formula)
			}
			cached, _ := f.GetCellValue(workbook.SheetClaims, cell, excelize.Options{RawCellValue: true})
			if got, err := strconv.ParseFloat(cached, 64); err != nil || abs(got-v.Lower) > 1e-6 {
				t.Errorf("computed cached value: got %q, want %v", cached, v.Lower)
			}
			for k, sr := range v.InScope {
				if k == workbook.MaxRowLinks {
					break
				}
				ref, _ := excelize.CoordinatesToCellName(linkCol+k, i+2)
				fl, _ := f.GetCellFormula(workbook.SheetClaims, ref)
				want := "#Shipments!A" + strconv.Itoa(shipRow[sr.ID])
				if !strings.Contains(fl, want) {
					t.Errorf("link %s: got %q, want it to point at %s", ref, fl, want)
				}
			}
		})
	}
	// The detail list names every shipment in scope under its claim.
	detail := 0
	for _, row := range rows {
		if len(row) > 2 && row[1] == workbook.RoleInScope && strings.HasPrefix(row[2], "S") {
			detail++
		}
	}
	want := 0
	for _, v := range vs {
		want += len(v.InScope)
	}
	if detail != want {
		t.Errorf("detail rows in scope: got %d, want %d", detail, want)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestClaimsSheetLibreOffice recalculates the workbook in headless
// LibreOffice and checks that every Computed formula gives the engine's
// figure. A canary with a wrong cached value proves the recalculation.
func TestClaimsSheetLibreOffice(t *testing.T) {
	t.Parallel()
	recalculate := lotest.Recalculator(t)

	res, out := writeSampleWorkbook(t)
	recalc := recalculate(out)
	for i, v := range res.CheckClaims() {
		got := lotest.CellValue(t, recalc, workbook.SheetClaims, col("Computed")+strconv.Itoa(i+2))
		x, err := strconv.ParseFloat(got, 64)
		if err != nil || abs(x-v.Lower) > 1e-6 {
			t.Errorf("%s computed after recalculation: got %q, want %v", v.Claim.ID, got, v.Lower)
		}
	}
}

// TestReadClaimsFromAuditWorkbook reads the claims back from an audit
// workbook's Claims sheet, so a later run can re-check them.
func TestReadClaimsFromAuditWorkbook(t *testing.T) {
	t.Parallel()
	res, out := writeSampleWorkbook(t)
	got, errs := pipeline.ReadClaims(context.Background(), out, "")
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(got) != len(res.Project.Claims) {
		t.Fatalf("got %d claims, want %d", len(got), len(res.Project.Claims))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], res.Project.Claims[i]) {
			t.Errorf("claim %d:\ngot  %+v\nwant %+v", i, got[i], res.Project.Claims[i])
		}
	}
}
