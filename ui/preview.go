package ui

import (
	"context"
	"errors"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

var errEnough = errors.New("enough rows")

// previewRows returns up to n rows below the header of a sheet, as
// written (less binary float noise: tidyCell), with their Excel row numbers, for the mapping editor. password opens encrypted workbooks.
func previewRows(ctx context.Context, path string, sh *pipeline.SheetResult, password string, n int) (nums []int, rows [][]string, err error) {
	err = read.EachRow(ctx, path, sh.Sheet, read.Options{Password: password}, func(row int, cells []string) error {
		if row <= sh.HeaderRow {
			return nil
		}
		nums = append(nums, row)
		row2 := make([]string, len(cells))
		for i, c := range cells {
			row2[i] = tidyCell(c)
		}
		rows = append(rows, row2)
		if len(rows) >= n {
			return errEnough
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	return nums, rows, err
}
