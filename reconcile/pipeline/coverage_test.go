package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/claims"
)

// TestStatedPeriodCoverage checks that the period a register's banner
// states reaches the claims' coverage: rows from February to November,
// "период 01.01.2022–31.12.2022" above the header, and a claim about the
// whole of 2022 that the rows alone would leave uncovered.
func TestStatedPeriodCoverage(t *testing.T) {
	for _, tt := range []struct {
		banner string
		stated bool
	}{
		{"Параметры запроса: период 01.01.2022–31.12.2022; направление ИМ", true},
		{"Выгрузка декларации", false},
	} {
		banner, stated := tt.banner, tt.stated
		t.Run(banner, func(t *testing.T) {
			f := excelize.NewFile()
			f.SetSheetName("Sheet1", "Data")
			rows := [][]any{
				{banner},
				{},
				{"DATE", "DECLARATION", "CONSIGNEE", "SHIPPER", "ORIGIN", "DESTINATION", "HS_CODE", "NET_WEIGHT_KG", "VALUE_USD"},
				{"2022-02-14", "D1", "OOO TEKHKRIM", "NORINCO", "CHINA", "RUSSIA", "6307909800", 1200, 50000},
				{"2022-06-15", "D2", "OOO TEKHKRIM", "NORINCO", "CHINA", "RUSSIA", "6307909800", 800, 30000},
				{"2022-11-20", "D3", "VOSTOK ARMS LLC", "NORINCO", "CHINA", "RUSSIA", "6307909800", 1000, 40000},
			}
			for i, r := range rows {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				f.SetSheetRow("Data", cell, &r)
			}
			path := filepath.Join(t.TempDir(), "ru.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			f.Close()
			res, err := Run(context.Background(), NewProject(path), nil)
			if err != nil {
				t.Fatal(err)
			}
			c := claims.Claim{ID: "V1", Measure: claims.Tonnes, Comparator: claims.LessThan, Figure: 100,
				Filters: claims.Filters{Destination: []string{"RU"}, HSPrefixes: []string{"6307"}, From: "2022-01-01", To: "2022-12-31"}}
			v := claims.Check(res.ClaimsData(), c)
			if v.Covered != stated {
				t.Fatalf("covered %v, want %v (%s)", v.Covered, stated, v.Reason)
			}
			want := claims.Supported
			if !stated {
				want = claims.Insufficient // missing months could make "less than 100 t" false
			}
			if v.Kind != want {
				t.Errorf("got %s, want %s (%s)", v.Kind, want, v.Reason)
			}
		})
	}
}
