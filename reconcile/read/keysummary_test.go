package read

import (
	"fmt"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// partyBook writes a register of 12 declarations by three consignees and,
// first, a sheet of one row per consignee built by sheet(sums), where sums
// are each consignee's kg and USD in the register.
func partyBook(t *testing.T, name string, sheet func(firms []string, kg, usd []float64) sheetRows) string {
	t.Helper()
	data := sheetRows{1: {"Declaration No.", "Date", "Consignee", "HS code", "Net weight, kg", "Value, USD"}}
	firms := []string{"ООО «Альфа»", "АО «Бета»", "ООО «Гамма»"}
	kg, usd := make([]float64, 3), make([]float64, 3)
	for i := 0; i < 12; i++ {
		w, v := 1000.5+float64(37*i), float64(20000+110*i)
		data[i+2] = []any{fmt.Sprintf("10702070/%02d0122/%07d", i+1, i), fmt.Sprintf("2022-%02d-15", i+1), firms[i%3], fmt.Sprintf("84713000%d0", i%2), w, v}
		kg[i%3] += w
		usd[i%3] += v
	}
	return writeXLSX(t, "party.xlsx", []string{name, "Register"}, map[string]sheetRows{name: sheet(firms, kg, usd), "Register": data}, nil)
}

// leaveOutNote is the warning that asks to leave the sheet out, "" when
// there is none.
func leaveOutNote(s SheetResult) string {
	for _, w := range s.Warnings {
		if w.Fix == reconcile.FixLeaveOutSheet {
			return w.Text
		}
	}
	return ""
}

func TestPartySummaryLeftOut(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, sheet string
		rows        func(firms []string, kg, usd []float64) sheetRows
		why         string // in the reason
	}{
		{"sums in kg", "Sheet2", func(firms []string, kg, usd []float64) sheetRows {
			out := sheetRows{1: {"Consignee", "Net weight, kg", "Value, USD"}}
			for i, f := range firms {
				out[i+2] = []any{f, kg[i], usd[i]}
			}
			out[5] = []any{"Total", kg[0] + kg[1] + kg[2], usd[0] + usd[1] + usd[2]}
			return out
		}, `equal the sums of sheet "Register" by consignee (3 of 3 rows)`},
		{"tonnes rounded to one decimal, names in capitals", "Tab", func(firms []string, kg, usd []float64) sheetRows {
			out := sheetRows{1: {"Получатель", "Вес нетто, т", "Стоимость, USD"}}
			for i, f := range firms {
				out[i+2] = []any{strings.ToUpper(f), fmt.Sprintf("%.1f", kg[i]/1000), usd[i]}
			}
			return out
		}, `equal the sums of sheet "Register" by consignee`},
		{"by HS code, no party column", "HS", func(_ []string, kg, usd []float64) sheetRows {
			// The register's codes end in 0 and 10; by 6 digits they
			// are one code, so the sheet has one row: too few. Two rows
			// of 10 digits each sum six declarations.
			return sheetRows{1: {"HS code", "Net weight, kg"}, 2: {"8471300000", 0.0}, 3: {"8471300010", 0.0}}
		}, `by HS code`},
		{"titled, sums of another period", "Сводная по получателям", func(firms []string, kg, usd []float64) sheetRows {
			out := sheetRows{1: {"Consignee", "Net weight, kg"}}
			for i, f := range firms {
				out[i+2] = []any{f, 2 * kg[i]}
			}
			return out
		}, `titled "Сводная по получателям" (its figures are not the sums of sheet "Register"`},
		{"pivot headers, no other sheet's sums", "Sheet3", func(firms []string, kg, usd []float64) sheetRows {
			out := sheetRows{1: {"Consignee", "Sum of Net weight, kg"}}
			for i, f := range firms {
				out[i+2] = []any{f, kg[i] + 5000}
			}
			return out
		}, `titled "Sum of Net weight, kg"`},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rows := tt.rows
			if tt.why == "by HS code" {
				// Fill the HS sheet with the register's sums by code.
				rows = func(firms []string, kg, usd []float64) sheetRows {
					var byCode [2]float64
					for i := 0; i < 12; i++ {
						byCode[i%2] += 1000.5 + float64(37*i)
					}
					return sheetRows{1: {"HS code", "Net weight, kg"}, 2: {"8471300000", byCode[0]}, 3: {"8471300010", byCode[1]}}
				}
			}
			path := partyBook(t, tt.sheet, rows)
			f := readAll(t, path, Options{})
			sum, reg := sheetOf(t, f, tt.sheet), sheetOf(t, f, "Register")
			if !sum.Summary || len(sum.Records) != 0 || !strings.Contains(sum.LeftOut, tt.why) {
				t.Fatalf("Summary=%v records=%d LeftOut=%q err=%v, want a summary left out %s", sum.Summary, len(sum.Records), sum.LeftOut, sum.Err, tt.why)
			}
			if sum.Err != nil || sum.Skipped[reconcile.SkipSummarySheet] < 2 {
				t.Errorf("err=%v skips %v, want every key row's fate a summary sheet", sum.Err, sum.Skipped)
			}
			if len(reg.Records) != 12 || reg.LeftOut != "" {
				t.Errorf("Register: records=%d LeftOut=%q, want its 12 shipments", len(reg.Records), reg.LeftOut)
			}
			inc := sheetOf(t, readAll(t, path, Options{SheetUse: map[string]string{tt.sheet: SheetInclude}}), tt.sheet)
			if inc.Summary || inc.LeftOut != "" {
				t.Errorf("included: Summary=%v LeftOut=%q, want it read", inc.Summary, inc.LeftOut)
			}
		})
	}
}

// A small register without dates, one row per consignee, is kept: its
// figures are no other sheet's sums and nothing calls it a summary. It
// is read with a warning that asks to leave it out if its rows are totals.
func TestSmallUndatedSheetKeptWithWarning(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		sheets []string
		rows   func(firms []string, kg, usd []float64) sheetRows
		note   string
	}{
		{"figures of its own", []string{"Shipments", "Register"}, func(firms []string, kg, usd []float64) sheetRows {
			return sheetRows{1: {"Consignee", "Net weight, kg", "Value, USD"}, 2: {firms[0], 1200, 30000}, 3: {firms[1], 800, 15000}, 4: {"ООО «Дельта»", 100, 900}}
		}, "leave the sheet out"},
		{"a copy of register rows, not sums", []string{"Shipments", "Register"}, func(firms []string, kg, usd []float64) sheetRows {
			return sheetRows{1: {"Consignee", "Net weight, kg", "Value, USD"}, 2: {"ООО «Омега»", 1000.5, 20000}, 3: {"АО «Сигма»", 1037.5, 20110}}
		}, "leave the sheet out"},
		{"one sum of three", []string{"Data", "Register"}, func(firms []string, kg, usd []float64) sheetRows {
			return sheetRows{1: {"Consignee", "Net weight, kg"}, 2: {firms[0], kg[0]}, 3: {firms[1], 5}, 4: {firms[2], 7}}
		}, `(1 of 3 rows equal the sums of sheet "Register" by consignee)`},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := partyBook(t, tt.sheets[0], tt.rows)
			if tt.name == "a copy of register rows, not sums" {
				// Register rows under firms of their own: each key is one row.
				data := sheetRows{1: {"Consignee", "Net weight, kg", "Value, USD"}, 2: {"ООО «Омега»", 1000.5, 20000}, 3: {"АО «Сигма»", 1037.5, 20110}}
				reg := sheetRows{1: {"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"},
					2: {"10702070/010122/0000001", "2022-01-15", "ООО «Омега»", 1000.5, 20000}, 3: {"10702070/010122/0000002", "2022-01-16", "АО «Сигма»", 1037.5, 20110}}
				path = writeXLSX(t, "copy.xlsx", tt.sheets, map[string]sheetRows{"Shipments": data, "Register": reg}, nil)
				tt.note = `every row's figures equal, within 0.1 % or the rounding they show, a row of sheet "Register"`
			}
			s := sheetOf(t, readAll(t, path, Options{}), tt.sheets[0])
			if s.Summary || s.LeftOut != "" || len(s.Records) < 2 {
				t.Fatalf("Summary=%v LeftOut=%q records=%d, want its rows read", s.Summary, s.LeftOut, len(s.Records))
			}
			if n := leaveOutNote(s); !strings.Contains(n, tt.note) || !strings.Contains(n, "one row per consignee") {
				t.Errorf("warning %q, want one that says %q", n, tt.note)
			}
		})
	}
	t.Run("alone in its file", func(t *testing.T) {
		t.Parallel()
		path := writeXLSX(t, "small.xlsx", []string{"Sheet1"}, map[string]sheetRows{"Sheet1": {1: {"Consignee", "Net weight, kg"}, 2: {"A LLC", 10}, 3: {"B LLC", 20}}}, nil)
		s := sheetOf(t, readAll(t, path, Options{}), "Sheet1")
		if s.LeftOut != "" || len(s.Records) != 2 || leaveOutNote(s) == "" {
			t.Errorf("LeftOut=%q records=%d warning %q, want both rows read, with a warning", s.LeftOut, len(s.Records), leaveOutNote(s))
		}
	})
	t.Run("two months of one row per firm", func(t *testing.T) {
		t.Parallel()
		// Figures 0.1 % apart are equal to the proof, but the warning must
		// not say the rows repeat one another: they do not.
		m := func(kg float64) sheetRows {
			return sheetRows{1: {"Consignee", "Net weight, kg"}, 2: {"A LLC", kg}, 3: {"B LLC", kg + 10}}
		}
		path := writeXLSX(t, "months.xlsx", []string{"M01", "M02"}, map[string]sheetRows{"M01": m(1001), "M02": m(1002)}, nil)
		s := sheetOf(t, readAll(t, path, Options{}), "M01")
		if n := leaveOutNote(s); s.LeftOut != "" || len(s.Records) != 2 || strings.Contains(n, "repeats") || !strings.Contains(n, "within 0.1 %") {
			t.Errorf("LeftOut=%q records=%d warning %q, want both rows read and a warning that does not say the rows repeat", s.LeftOut, len(s.Records), n)
		}
	})
	t.Run("a party named twice is a register", func(t *testing.T) {
		t.Parallel()
		path := writeXLSX(t, "reg.xlsx", []string{"Summary"}, map[string]sheetRows{"Summary": {1: {"Consignee", "Net weight, kg"}, 2: {"A LLC", 10}, 3: {"B LLC", 20}, 4: {"A LLC", 5}}}, nil)
		s := sheetOf(t, readAll(t, path, Options{}), "Summary")
		if s.LeftOut != "" || len(s.Records) != 3 || leaveOutNote(s) != "" {
			t.Errorf("LeftOut=%q records=%d warning %q, want 3 shipments and no doubt", s.LeftOut, len(s.Records), leaveOutNote(s))
		}
	})
}
