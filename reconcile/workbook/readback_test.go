package workbook

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
)

// A decision's time reads back as written; a time edited into something
// else is reported at its cell, not read back as no time.
func TestReadDecisionTime(t *testing.T) {
	t.Parallel()
	d := testData(t)
	when := time.Date(2024, 5, 1, 12, 30, 0, 0, time.UTC)
	d.Decisions = []match.Decision{{Op: match.OpMerge, Name: "OOO ALFA", Role: match.Consignee, Target: "ALFA LLC", Time: when, Note: "same INN"}}
	path := filepath.Join(t.TempDir(), "audit.xlsx")
	if _, err := Write(context.Background(), d, path, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	ex, err := Read(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Decisions) != 1 || !ex.Decisions[0].Time.Equal(when) {
		t.Fatalf("decisions read back %+v, want one at %v", ex.Decisions, when)
	}

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetMethod)
	cell := ""
	for i, r := range rows {
		for j, c := range r {
			if c == when.Format(time.RFC3339) {
				cell, _ = excelize.CoordinatesToCellName(j+1, i+1)
			}
		}
	}
	if cell == "" {
		t.Fatal("the decision's time is not on the Method sheet")
	}
	f.SetCellStr(SheetMethod, cell, "yesterday")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Read(context.Background(), path, nil)
	var re *reconcile.Error
	col, row, _ := excelize.CellNameToCoordinates(cell)
	if !errors.As(err, &re) || re.Sheet != SheetMethod || re.Row != row || re.Column != col || !strings.Contains(err.Error(), `"yesterday"`) {
		t.Errorf("got %v, want an error at %s!%s naming the value", err, SheetMethod, cell)
	}
}
