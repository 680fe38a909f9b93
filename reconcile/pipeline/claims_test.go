package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
)

// claimsWorkbook writes a small shipment workbook with a Claims sheet.
func claimsWorkbook(t *testing.T, dir, name string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Data")
	rows := [][]any{
		{"DATE", "DECLARATION", "CONSIGNEE", "SHIPPER", "ORIGIN", "DISPATCH", "DESTINATION", "HS_CODE", "DESCRIPTION", "NET_WEIGHT_KG", "VALUE_USD"},
		{"2022-06-14", "D1", "OOO TEKHKRIM", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 1200, 50000},
		{"2022-06-15", "D2", "OOO TEKHKRIM", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 800, 30000},
		{"2022-06-20", "D3", "VOSTOK ARMS LLC", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 1000, 40000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Data", cell, &r)
	}
	f.NewSheet("Claims")
	for i, r := range [][]any{
		{"claim", "measure", "comparator", "figure", "consignee", "hs_prefixes", "period"},
		{"Tekhkrim got 2 t of rifles in June 2022", "tonnes", "exactly", 2, "Tekhkrim", "9303", "2022-06"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Claims", cell, &r)
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestClaimsFollowDecisions checks a claim from an input workbook's Claims
// sheet, then merges another consignee into Tekhkrim: the re-check after
// Recluster moves its shipment into scope.
func TestClaimsFollowDecisions(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := claimsWorkbook(t, dir, "a.xlsx")
	b := claimsWorkbook(t, dir, "b.xlsx") // same claims: IDs must stay unique
	p := NewProject(a)
	cs, errs := ClaimsInSources(context.Background(), NewProject(a, b))
	if len(errs) > 0 || len(cs) != 2 || cs[0].ID != "C1" || cs[1].ID != "C1-2" {
		t.Fatalf("claims in sources: got %+v, %v; want C1 and C1-2", cs, errs)
	}
	p.Claims = cs[:1]
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		for _, s := range f.Sheets {
			if s.Sheet == "Claims" && (s.Rows > 0 || !s.NoTable) {
				t.Errorf("the Claims sheet was read as shipments: %d rows", s.Rows)
			}
		}
	}
	v := res.CheckClaims()[0]
	if v.Kind != claims.Supported || v.Lower != 2 {
		t.Fatalf("before: got %s %v, want supported 2 t (%s)", v.Kind, v.Lower, v.Reason)
	}
	p.Decisions = append(p.Decisions, match.Decision{Op: match.OpMerge, Name: "VOSTOK ARMS LLC", Role: match.Consignee,
		Other: "OOO TEKHKRIM", OtherRole: match.Consignee})
	res2, err := res.Recluster(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	v = res2.CheckClaims()[0]
	if v.Kind != claims.Contradicted || v.Lower != 3 {
		t.Fatalf("after the merge: got %s %v, want contradicted 3 t (%s)", v.Kind, v.Lower, v.Reason)
	}
	// An edited claim is checked without re-running anything.
	edited := p.Claims[0]
	edited.Figure = 3
	if v := res2.WithClaims([]claims.Claim{edited}).CheckClaims()[0]; v.Kind != claims.Supported {
		t.Errorf("edited claim: got %s, want supported (%s)", v.Kind, v.Reason)
	}
}

// TestOpenExportedRestoresClaims exports a run with a claim and reads the
// workbook back: the claim is part of the project, so it must come back
// unchanged, and a workbook without claims must reopen with none.
func TestOpenExportedRestoresClaims(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := claimsWorkbook(t, dir, "a.xlsx")
	cs, errs := ClaimsInSources(context.Background(), NewProject(a))
	if len(errs) > 0 || len(cs) != 1 {
		t.Fatalf("claims in sources: got %+v, %v; want one", cs, errs)
	}
	for _, tc := range []struct {
		name   string
		claims []claims.Claim
	}{
		{"with a claim", cs},
		{"without claims", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := NewProject(a)
			p.Claims = tc.claims
			res, err := Run(context.Background(), p, nil)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "audit.xlsx")
			if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
				t.Fatal(err)
			}
			back, err := OpenExported(context.Background(), out, nil)
			if err != nil {
				t.Fatalf("OpenExported: %v", err)
			}
			if len(back.Claims) != len(tc.claims) {
				t.Fatalf("claims: got %d, want %d", len(back.Claims), len(tc.claims))
			}
			for i := range tc.claims {
				got, want := back.Claims[i], tc.claims[i]
				if got.ID != want.ID || got.Text != want.Text || got.Figure != want.Figure || got.Measure != want.Measure {
					t.Errorf("claim %d: got %+v, want %+v", i, got, want)
				}
			}
		})
	}
}

// TestReadClaimsSheet reads claims typed into the Claims sheet of an
// input workbook (matched case-insensitively).
func TestReadClaimsSheet(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Data")
	if _, err := f.NewSheet("claims"); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"claim", "measure", "comparator", "figure", "destination", "date_from", "date_to"},
		{"Almost 80 t", "tonnes", "almost", 80, "RU", "2022-01-01", "2022-12-31"},
		{"Bad one", "tonnes", "sort of", 80, "RU", nil, nil},
	}
	for i, r := range rows {
		if err := f.SetSheetRow("claims", "A"+string(rune('1'+i)), &r); err != nil {
			t.Fatal(err)
		}
	}
	// A typed date cell must come through as an ISO date.
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellValue("claims", "F2", 44562.0) // 2022-01-01
	f.SetCellStyle("claims", "F2", "F2", style)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	got, errs := ReadClaims(context.Background(), path, "")
	want := []claims.Claim{{ID: "C1", Text: "Almost 80 t", Measure: claims.Tonnes, Comparator: claims.Almost, Figure: 80,
		Filters: claims.Filters{Destination: []string{"RU"}, From: "2022-01-01", To: "2022-12-31"}, Origin: "claims.xlsx!claims:2"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("claims:\ngot  %+v\nwant %+v", got, want)
	}
	var re *reconcile.Error
	if len(errs) != 1 || !errors.As(errs[0], &re) || re.File != path || re.Sheet != "claims" || re.Row != 3 || re.Column != 3 ||
		!strings.Contains(re.Error(), "unknown comparator") || re.Hint == "" {
		t.Errorf("errors: got %v, want one at claims row 3 column 3 naming the unknown comparator, with a hint", errs)
	}

	// A workbook without a Claims sheet says so.
	f.DeleteSheet("claims")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_, errs = ReadClaims(context.Background(), path, "")
	if len(errs) != 1 || !errors.Is(errs[0], reconcile.ErrNoTable) {
		t.Errorf("no Claims sheet: got %v, want one ErrNoTable", errs)
	}
}
