package pipeline

import (
	"archive/zip"
	"context"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// TestMonthlySheet: the workbook's Monthly sheet lists every month from
// the first to the last in order, sums to the overall dated total, and
// carries two native charts over its columns.
func TestMonthlySheet(t *testing.T) {
	t.Parallel()
	res, err := Run(context.Background(), NewProject(sampleFiles(t)...), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.SheetMonthly)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], "|") != strings.Join(workbook.MonthlyHeader, "|") {
		t.Fatalf("header %v", rows[0])
	}
	var prev time.Time
	sum := 0.0
	n := 0
	for _, r := range rows[1:] {
		if len(r) < 3 {
			break // the notes below the table
		}
		m, err := time.Parse("2006-01", r[0])
		if err != nil {
			t.Fatalf("row %v: month %v", r, err)
		}
		if !prev.IsZero() && !m.Equal(prev.AddDate(0, 1, 0)) {
			t.Errorf("%s follows %s: months must be consecutive", r[0], prev.Format("2006-01"))
		}
		prev = m
		v, _ := strconv.ParseFloat(strings.ReplaceAll(r[2], ",", ""), 64)
		sum += v
		n++
	}
	months, unknown := totals.MonthSeries(res.Totals(totals.ByMonth, totals.Filter{}))
	want := res.Totals(totals.ByNone, totals.Filter{}).Total.Tonnes
	if unknown != nil {
		want -= unknown.Tonnes
	}
	if n != len(months) || math.Abs(sum-want) > 0.01 {
		t.Errorf("%d months summing to %.3f t, want %d months and %.3f t", n, sum, len(months), want)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	charts := 0
	for _, zf := range z.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			if strings.Contains(string(b), "Monthly!$A$2:$A$"+strconv.Itoa(n+1)) {
				charts++
			}
		}
	}
	if charts != 2 {
		t.Errorf("found %d charts over the month table, want 2 (tonnes and USD)", charts)
	}
}
