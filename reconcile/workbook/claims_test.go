package workbook

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
)

// TestClaimsRowLimit: a claim whose shipments no longer fit under Excel's
// row limit keeps the engine's figure as a plain value and says why;
// claims before it keep their formulas.
func TestClaimsRowLimit(t *testing.T) {
	shipRow := map[string]int{}
	var ids []string
	for i := range 9 {
		id := "S-" + strconv.Itoa(i+1)
		ids = append(ids, id)
		shipRow[id] = i + 2
	}
	rows := func(ids ...string) []claims.Row {
		var out []claims.Row
		for _, id := range ids {
			out = append(out, claims.Row{ID: id, Value: reconcile.Number{Value: 1.5, Valid: true}})
		}
		return out
	}
	var near []claims.Near
	for _, r := range rows(ids[3:6]...) {
		near = append(near, claims.Near{Row: r, Filter: claims.FilterDate, Detail: "dated 2022-05-16"})
	}
	tonnes := claims.Claim{ID: "T", Text: "test", Measure: claims.Tonnes, Comparator: claims.MoreThan, Figure: 5}
	vs := []claims.Verdict{
		{Claim: tonnes, InScope: rows(ids[:3]...), Near: near, NearTotal: 3, Lower: 4.5, Upper: 4.5}, // 3 in scope, 3 near: fits
		{Claim: tonnes, InScope: rows(ids...), Lower: 15.27, Upper: 15.27},                           // 9 in scope: does not fit
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	c := &claimsSheet{sw: sw, next: 2, shipRow: shipRow, lastShip: len(ids) + 1, maxRows: 20}
	if err := c.write(vs); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if fl, _ := f.GetCellFormula("Sheet1", "H2"); fl != "SUMPRODUCT(SUMIFS(Shipments!$N$2:$N$10,Shipments!$A$2:$A$10,$C$7:$C$9))" {
		t.Errorf("first claim's formula: got %q, want SUMIFS over C7:C9", fl)
	}
	if fl, _ := f.GetCellFormula("Sheet1", "H3"); fl != "" {
		t.Errorf("second claim: got formula %q, want a plain value", fl)
	}
	if v, _ := f.GetCellValue("Sheet1", "H3", excelize.Options{RawCellValue: true}); v != "15.27" {
		t.Errorf("second claim's figure: got %q, want 15.27", v)
	}
	if note, _ := f.GetCellValue("Sheet1", "O3"); !strings.Contains(note, "row limit") {
		t.Errorf("second claim's note: got %q, want it to explain the row limit", note)
	}
	if got, _ := f.GetCellValue("Sheet1", "B10"); !strings.HasPrefix(got, RoleNear+" — misses date") {
		t.Errorf("first near-boundary detail row: got role %q, want it to name the missed filter", got)
	}
}
