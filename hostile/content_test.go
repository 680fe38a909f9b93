package hostile_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// TestFormulas: a formula's cached value is used when present; without
// one it is computed where excelize can, and flagged otherwise — never
// read as zero.
func TestFormulas(t *testing.T) {
	t.Run("hand-built", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "formulas.xlsx")
		row := func(r int, name, e string) string {
			return `<row r="` + itoa(r) + `"><c r="A` + itoa(r) + `" t="inlineStr"><is><t>2022-06-01</t></is></c><c r="B` + itoa(r) + `" t="inlineStr"><is><t>` + name + `</t></is></c>` + e + `</row>`
		}
		(&pkg{sheets: []pkgSheet{{name: "Sheet1", data: headerXML() +
			row(2, "CACHED", `<c r="E2"><f>100+50</f><v>150</v></c>`) +
			row(3, "COMPUTED", `<c r="E3"><f>E2*2</f></c>`) +
			row(4, "EMPTY CACHE", `<c r="E4"><f>E2+50</f><v></v></c>`) +
			row(5, "EXTERNAL", `<c r="E5"><f>[1]Prices!B7*3</f></c>`) +
			row(6, "UNKNOWN FN", `<c r="E6"><f>_xll.BLOOMBERG("X")</f></c>`) +
			`<row r="7"><c r="A7" t="inlineStr"><is><t>2022-06-01</t></is></c><c r="B7" t="str"><f>"OOO "&amp;"FORMULA"</f></c><c r="E7"><v>70</v></c></row>`}}}).write(t, path)
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sh := f.Sheets[0]
		if sh.Err != nil || len(sh.Records) != 6 {
			t.Fatalf("err %v, %d records (skips %+v); want 6 records", sh.Err, len(sh.Records), sh.Skips)
		}
		want := []struct {
			name    string
			net     float64 // 0: must be invalid and flagged
			flagged bool
		}{
			{"CACHED", 150, false},
			{"COMPUTED", 300, false},
			{"EMPTY CACHE", 200, false},
			{"EXTERNAL", 0, true},
			{"UNKNOWN FN", 0, true},
			{"OOO FORMULA", 70, false},
		}
		for i, w := range want {
			r := sh.Records[i]
			if got := r.Consignee.Name(); got != w.name {
				t.Errorf("row %d consignee %q, want %q", r.Source.Row, got, w.name)
			}
			if w.flagged {
				if r.NetKg.Valid {
					t.Errorf("row %d (%s): net weight %v from a formula that cannot be computed, want no value", r.Source.Row, w.name, r.NetKg.Value)
				}
				if !hasFlag(r, reconcile.FlagFormulaNoValue) {
					t.Errorf("row %d (%s): flags %+v, want %s", r.Source.Row, w.name, r.Flags, reconcile.FlagFormulaNoValue)
				}
				continue
			}
			if !r.NetKg.Valid || r.NetKg.Value != w.net {
				t.Errorf("row %d (%s): net weight %+v, want %v", r.Source.Row, w.name, r.NetKg, w.net)
			}
		}
	})
	t.Run("excelize formula without value", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "excelize-formulas.xlsx")
		x := excelize.NewFile()
		hdr := []any{"Date", "Consignee", "Net weight, kg", "Gross weight, kg"}
		x.SetSheetRow("Sheet1", "A1", &hdr)
		x.SetSheetRow("Sheet1", "A2", &[]any{"2022-06-01", "OOO TEKHKRIM", 120, 130})
		x.SetSheetRow("Sheet1", "A3", &[]any{"2022-06-02", "OOO TEKHKRIM"})
		x.SetCellFormula("Sheet1", "C3", "SUM(C2,5)")
		x.SetCellFormula("Sheet1", "D3", "C3+10")
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		x.Close()
		f, err := readAll(path, read.Options{})
		if err != nil {
			t.Fatal(err)
		}
		recs := f.Sheets[0].Records
		if len(recs) != 2 {
			t.Fatalf("%d records, want 2", len(recs))
		}
		if r := recs[1]; !r.NetKg.Valid || r.NetKg.Value != 125 || !r.GrossKg.Valid || r.GrossKg.Value != 135 {
			t.Errorf("computed net %+v gross %+v, want 125 and 135", r.NetKg, r.GrossKg)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestMergedHeader: a merged banner above the header is a banner skip.
// Merged cells keep their text in their first cell only (as the xlsx
// stores them); a group cell over a two-row header ("Weight" over "Net,
// kg" and "Gross, kg") is carried over the columns it spans, and a cell
// merged down over both header rows ("Date" in A3:A4) names its column.
func TestMergedHeader(t *testing.T) {
	cases := []struct {
		name  string
		build func(x *excelize.File)
		first int // first data row
	}{
		{"group cells over a two-row header", func(x *excelize.File) {
			x.SetSheetRow("Sheet1", "A3", &[]any{"Date", "Consignee", "Shipper", "HS code", "Weight", nil})
			x.MergeCell("Sheet1", "E3", "F3")
			x.SetSheetRow("Sheet1", "A4", &[]any{nil, nil, nil, nil, "net, kg", "gross, kg"})
		}, 5},
		{"cells merged down over both header rows", func(x *excelize.File) {
			x.SetSheetRow("Sheet1", "A3", &[]any{"Date", "Parties", nil, "HS code", "Weight", nil})
			x.MergeCell("Sheet1", "B3", "C3")
			x.MergeCell("Sheet1", "E3", "F3")
			x.SetSheetRow("Sheet1", "A4", &[]any{nil, "Consignee", "Shipper", nil, "Net, kg", "Gross, kg"})
			x.MergeCell("Sheet1", "A3", "A4")
			x.MergeCell("Sheet1", "D3", "D4")
		}, 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "merged.xlsx")
			x := excelize.NewFile()
			x.SetCellValue("Sheet1", "A1", "CUSTOMS DATA EXPORT — JUNE 2022")
			x.MergeCell("Sheet1", "A1", "F1")
			tc.build(x)
			x.SetSheetRow("Sheet1", "A"+itoa(tc.first), &[]any{"2022-06-01", "OOO TEKHKRIM", "NORINCO", "930200", 100, 110})
			x.SetSheetRow("Sheet1", "A"+itoa(tc.first+1), &[]any{"2022-06-02", "OOO TEKHKRIM", "NORINCO", "930200", 200, 210})
			if err := x.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			x.Close()
			f, err := readAll(path, read.Options{})
			if err != nil {
				t.Fatal(err)
			}
			sh := f.Sheets[0]
			if sh.Err != nil {
				t.Fatal(sh.Err)
			}
			fields := map[string]reconcile.Field{}
			var got []string
			for _, c := range sh.Columns {
				fields[reconcile.ColumnName(c.Index+1)] = c.Field
				got = append(got, reconcile.ColumnName(c.Index+1)+"="+c.Header+"→"+string(c.Field))
			}
			wantFields := map[string]reconcile.Field{"A": reconcile.FieldDate, "B": reconcile.FieldConsignee, "C": reconcile.FieldShipper,
				"D": reconcile.FieldHSCode, "E": reconcile.FieldNetWeight, "F": reconcile.FieldGrossWeight}
			for _, col := range []string{"A", "B", "C", "D", "E", "F"} {
				if fields[col] != wantFields[col] {
					t.Errorf("column %s mapped to %q, want %q (header row %d; columns %q)", col, fields[col], wantFields[col], sh.HeaderRow, got)
				}
			}
			if len(sh.Records) != 2 {
				t.Fatalf("%d records, want 2 (skips %+v)", len(sh.Records), sh.Skips)
			}
			r := sh.Records[1]
			if r.Source.Row != tc.first+1 || r.Consignee.Name() != "OOO TEKHKRIM" || r.Shipper.Name() != "NORINCO" || r.NetKg.Value != 200 || r.GrossKg.Value != 210 || r.Date.String() != "2022-06-02" {
				t.Errorf("row %d read as %+v", tc.first+1, r)
			}
			for _, s := range sh.Skips {
				if s.Row >= tc.first {
					t.Errorf("data row %d skipped: %+v", s.Row, s)
				}
			}
		})
	}
}

// TestHiddenAndFiltered: hidden rows, hidden columns and rows hidden by a
// filter are data, read like visible ones (a filter is a view, not a
// deletion); with SkipHidden hidden rows become "hidden row" skips. A
// hidden sheet is read, with a warning.
func TestHiddenAndFiltered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hidden.xlsx")
	x := excelize.NewFile()
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	x.SetSheetRow("Sheet1", "A1", &hdr)
	for i := 1; i <= 6; i++ {
		r := shipmentRow(i)
		x.SetSheetRow("Sheet1", "A"+itoa(i+1), &r)
	}
	x.SetRowVisible("Sheet1", 3, false) // a hidden row
	x.SetColVisible("Sheet1", "F", false)
	x.AutoFilter("Sheet1", "A1:F7", []excelize.AutoFilterOptions{{Column: "B", Expression: "x == OOO TEKHKRIM 1"}})
	x.SetRowVisible("Sheet1", 5, false) // hidden by the filter
	x.SetRowVisible("Sheet1", 6, false)
	x.NewSheet("Hidden")
	x.SetSheetRow("Hidden", "A1", &hdr)
	r := shipmentRow(9)
	x.SetSheetRow("Hidden", "A2", &r)
	x.SetSheetVisible("Hidden", false)
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	x.Close()

	f, err := readAll(path, read.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sheets) != 2 {
		t.Fatalf("%d sheets, want 2", len(f.Sheets))
	}
	sh := f.Sheets[0]
	if len(sh.Records) != 6 {
		t.Errorf("default: %d records, want all 6 rows (hidden and filtered rows are data)", len(sh.Records))
	}
	for _, r := range sh.Records {
		if !r.ValueUSD.Valid && !r.Value.Valid {
			t.Errorf("row %d: the hidden value column F was not read", r.Source.Row)
			break
		}
	}
	hs := f.Sheets[1]
	if !hs.Hidden || len(hs.Records) != 1 {
		t.Errorf("hidden sheet: Hidden %v, %d records; want true and 1", hs.Hidden, len(hs.Records))
	}
	if !strings.Contains(strings.Join(reconcile.NoteTexts(hs.Warnings), " "), "hidden") {
		t.Errorf("hidden sheet warnings %q, want one saying it is hidden", reconcile.NoteTexts(hs.Warnings))
	}

	f, err = readAll(path, read.Options{SkipHidden: true})
	if err != nil {
		t.Fatal(err)
	}
	sh = f.Sheets[0]
	var rows []int
	for _, s := range sh.Skips {
		if s.Reason == reconcile.SkipHidden {
			rows = append(rows, s.Row)
		}
	}
	if len(sh.Records) != 3 || len(rows) != 3 || rows[0] != 3 || rows[1] != 5 || rows[2] != 6 {
		t.Errorf("SkipHidden: %d records, hidden skips at rows %v; want 3 records and rows [3 5 6]", len(sh.Records), rows)
	}
}
