package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
)

// reviewWorkbook has two consignee spellings that the matcher sends to
// review (a city on one side) and a claim about the first.
func reviewWorkbook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Data")
	rows := [][]any{
		{"DATE", "DECLARATION", "CONSIGNEE", "CONSIGNEE_INN", "SHIPPER", "ORIGIN", "DISPATCH", "DESTINATION", "HS_CODE", "DESCRIPTION", "NET_WEIGHT_KG", "VALUE_USD"},
		{"2022-06-14", "D1", "OOO ROSTEKHMASH", "7707083893", "NORINCO", "CHINA", "CHINA", "RUSSIA", "9303300000", "RIFLES", 1200, 50000},
		{"2022-06-15", "D2", "OOO ROSTEKHMASH", "7707083893", "NORINCO", "CHINA", "CHINA", "RUSSIA", "8471300000", "LAPTOPS", 800, 30000},
		{"2022-07-20", "D3", "ROSTEKHMASH MOSCOW LLC", "", "NORINCO", "CHINA", "HONG KONG", "RUSSIA", "9303300000", "RIFLES", 1000, 40000},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Data", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "review.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReviewContext(t *testing.T) {
	t.Parallel()
	p := NewProject(reviewWorkbook(t))
	p.Claims = []claims.Claim{{ID: "C1", Text: "Rostekhmash got 2 t of rifles and laptops", Measure: claims.Tonnes,
		Comparator: claims.Exactly, Figure: 2, Filters: claims.Filters{Consignee: []string{"OOO ROSTEKHMASH"}}}}
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var pair *match.Pair
	for i, q := range res.Names.Review {
		a, b := res.Names.Mentions[q.A].Name, res.Names.Mentions[q.B].Name
		if a+b == "OOO ROSTEKHMASHROSTEKHMASH MOSCOW LLC" || b+a == "OOO ROSTEKHMASHROSTEKHMASH MOSCOW LLC" {
			pair = &res.Names.Review[i]
		}
	}
	if pair == nil {
		t.Fatalf("fixture: no review pair for the two ROSTEKHMASH names; review %+v", res.Names.Review)
	}
	rc := res.ReviewContext(*pair, 5)
	a, b := rc.A, rc.B
	if a.Name != "OOO ROSTEKHMASH" {
		a, b = b, a
	}
	if a.Rows != 2 || b.Rows != 1 {
		t.Errorf("rows %d / %d, want 2 / 1", a.Rows, b.Rows)
	}
	if !slices.Equal(a.TaxIDs, []string{"7707083893"}) || len(b.TaxIDs) != 0 {
		t.Errorf("tax IDs %v / %v, want the INN on one side only", a.TaxIDs, b.TaxIDs)
	}
	if rc.TaxIDsConflict || len(rc.SharedTaxIDs) != 0 {
		t.Errorf("tax IDs shared %v conflict %v, want neither", rc.SharedTaxIDs, rc.TaxIDsConflict)
	}
	if a.First.String() != "2022-06-14" || a.Last.String() != "2022-06-15" || b.First.String() != "2022-07-20" {
		t.Errorf("dates %s–%s / %s, want 2022-06-14–2022-06-15 / 2022-07-20", a.First, a.Last, b.First)
	}
	if rc.DatesOverlap {
		t.Errorf("dates overlap, want not")
	}
	if len(a.HSChapters) != 2 || a.HSChapters[0].Rows != 1 || len(b.HSChapters) != 1 || b.HSChapters[0].Value != "93" {
		t.Errorf("chapters %v / %v", a.HSChapters, b.HSChapters)
	}
	if !slices.Contains(rc.SharedCountries, "CN") || slices.Contains(rc.SharedCountries, "HK") {
		t.Errorf("shared countries %v, want CN and not HK", rc.SharedCountries)
	}
	if len(a.SampleRows) != 2 || a.SampleRows[0].Row == 0 || len(a.Sources) != 1 {
		t.Errorf("sample rows %v sources %v", a.SampleRows, a.Sources)
	}
	if len(rc.Reasons) == 0 || rc.Score != pair.Score {
		t.Errorf("score %.2f reasons %v, want the pair's", rc.Score, rc.Reasons)
	}
	if !rc.ClaimsChecked || len(rc.Claims) != 1 {
		t.Fatalf("claims checked %v, changes %+v; want the claim listed", rc.ClaimsChecked, rc.Claims)
	}
	c := rc.Claims[0]
	if c.ClaimID != "C1" || c.FigureBefore != 2 || c.FigureAfter != 3 || !c.VerdictChanges || c.Before != claims.Supported {
		t.Errorf("claim change %+v, want C1 supported at 2 t, changing at 3 t", c)
	}
}
