package read

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// gapRow is one <row> of a test sheet: a name and a weight, or no cells.
func gapRow(n int, name string, kg int) string {
	r := strconv.Itoa(n)
	if name == "" {
		return `<row r="` + r + `"/>`
	}
	return `<row r="` + r + `"><c r="A` + r + `" t="inlineStr"><is><t>` + name + `</t></is></c><c r="B` + r + `"><v>` + strconv.Itoa(kg) + `</v></c></row>`
}

const gapHeader = `<row r="1"><c r="A1" t="inlineStr"><is><t>Importer</t></is></c><c r="B1" t="inlineStr"><is><t>Net weight, kg</t></is></c></row>`

func gapSheet(rows ...string) string {
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + gapHeader + strings.Join(rows, "") + `</sheetData></worksheet>`
}

// TestAbsentRowsGetAFate: rows Excel never wrote (blank rows are simply
// absent from the sheet XML) and rows written with only empty cells are
// "blank" skips, so every row between the header and the last row is a
// record or a skip; a huge run of absent rows is one summarising skip.
func TestAbsentRowsGetAFate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		rows     []string
		records  []int // rows that become records
		skips    []reconcile.Skip
		blank    int // SkipCounts()[blank]
		rowsRead int // Rows()
	}{
		{"no gap", []string{gapRow(2, "A", 1), gapRow(3, "B", 2)}, []int{2, 3}, nil, 0, 2},
		{"one absent row", []string{gapRow(2, "A", 1), gapRow(4, "B", 2)}, []int{2, 4},
			[]reconcile.Skip{{Row: 3, Reason: reconcile.SkipBlank}}, 1, 3},
		{"absent rows right below the header", []string{gapRow(4, "A", 1)}, []int{4},
			[]reconcile.Skip{{Row: 2, Reason: reconcile.SkipBlank}, {Row: 3, Reason: reconcile.SkipBlank}}, 2, 3},
		{"row present with no cells", []string{gapRow(2, "A", 1), gapRow(3, "", 0), gapRow(4, "B", 2)}, []int{2, 4},
			[]reconcile.Skip{{Row: 3, Reason: reconcile.SkipBlank}}, 1, 3},
		{"row present with empty and styled cells only", []string{gapRow(2, "A", 1), `<row r="3"><c r="A3" s="1"/><c r="B3" t="inlineStr"><is><t> </t></is></c></row>`, gapRow(4, "B", 2)}, []int{2, 4},
			[]reconcile.Skip{{Row: 3, Reason: reconcile.SkipBlank}}, 1, 3},
		{"absent and empty rows together", []string{gapRow(2, "A", 1), gapRow(4, "", 0), gapRow(6, "B", 2)}, []int{2, 6},
			[]reconcile.Skip{{Row: 3, Reason: reconcile.SkipBlank}, {Row: 4, Reason: reconcile.SkipBlank}, {Row: 5, Reason: reconcile.SkipBlank}}, 3, 5},
		{"run at the listing limit", []string{gapRow(2, "A", 1), gapRow(3+maxGapSkips, "B", 2)}, []int{2, 3 + maxGapSkips},
			nil /* checked by count */, maxGapSkips, maxGapSkips + 2},
		{"sparse sheet: one row at 1,048,576", []string{gapRow(2, "A", 1), gapRow(MaxRows, "B", 2)}, []int{2, MaxRows},
			[]reconcile.Skip{{Row: 3, Reason: reconcile.SkipBlank, Detail: "rows 3–1048575 blank"}}, MaxRows - 3, MaxRows - 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "gaps.xlsx", minimalXLSX(t, gapSheet(tt.rows...)))
			sr, recs := readSheet(t, path, "Sheet1", Options{})
			var got []int
			for _, r := range recs {
				got = append(got, r.Source.Row)
			}
			if !reflect.DeepEqual(got, tt.records) {
				t.Errorf("records at rows %v, want %v", got, tt.records)
			}
			skips := sr.Skipped()
			if tt.skips != nil && !reflect.DeepEqual(skips, tt.skips) {
				t.Errorf("Skipped() = %+v, want %+v", skips, tt.skips)
			}
			if tt.skips == nil && tt.blank > 0 && len(skips) != tt.blank {
				t.Errorf("%d skips, want one per absent row (%d)", len(skips), tt.blank)
			}
			if got := sr.SkipCounts()[reconcile.SkipBlank]; got != tt.blank {
				t.Errorf("SkipCounts()[blank] = %d, want %d", got, tt.blank)
			}
			if sr.Rows() != tt.rowsRead {
				t.Errorf("Rows() = %d, want %d", sr.Rows(), tt.rowsRead)
			}
			// Every row below the header has exactly one fate.
			fate := map[int]int{}
			for _, r := range recs {
				fate[r.Source.Row]++
			}
			for _, s := range skips {
				fate[s.Row]++
			}
			for r, n := range fate {
				if n != 1 {
					t.Errorf("row %d has %d fates, want 1", r, n)
				}
			}
		})
	}
}

// TestSampleBlankRow: row 102 of the Russian sample is blank and absent
// from its XML; it is listed as a blank skip.
func TestSampleBlankRow(t *testing.T) {
	t.Parallel()
	f, err := ReadAll(context.Background(), "../../samples/ru_declarations_2022_ILLUSTRATIVE.xlsx", Options{}, nil)
	if err != nil {
		t.Fatalf("sample not readable: %v", err)
	}
	sh := f.Sheets[0]
	found := false
	for _, s := range sh.Skips {
		if s.Row == 102 {
			found = s.Reason == reconcile.SkipBlank
		}
	}
	if !found {
		t.Errorf("row 102 not a blank skip; skips %+v", sh.Skips)
	}
	if got, want := len(sh.Records)+sh.Skipped[reconcile.SkipBlank]+sh.Skipped[reconcile.SkipTotal], sh.Scanned; got != want {
		t.Errorf("records + skips = %d, Rows = %d; want equal", got, want)
	}
}

// FuzzRowFates feeds sheet XML to a SheetReader: every row from below the
// header to the last row read has exactly one fate (record or skip), and
// records plus counted skips equal Rows().
func FuzzRowFates(f *testing.F) {
	for _, rows := range [][]string{
		{gapRow(2, "A", 1), gapRow(4, "B", 2)},
		{gapRow(4, "A", 1)},
		{gapRow(2, "A", 1), gapRow(3, "", 0), gapRow(4, "B", 2)},
		{gapRow(2, "A", 1), `<row r="3"><c r="A3" s="1"/><c r="B3" t="inlineStr"><is><t> </t></is></c></row>`, gapRow(4, "B", 2)},
		{gapRow(2, "A", 1), gapRow(4, "", 0), gapRow(6, "B", 2)},
		{gapRow(2, "A", 1), gapRow(3+maxGapSkips, "B", 2)},
		{gapRow(2, "A", 1), gapRow(MaxRows, "B", 2)},
		{gapRow(3, "A", 1), gapRow(2, "B", 2)}, // out of order
	} {
		f.Add([]byte(gapSheet(rows...)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b := &xlsxBook{file: "f.xlsx"}
		src := &sheetScanner{b: b, sheet: "S", xs: newXMLScanner(bytes.NewReader(data), 1<<16), rc: io.NopCloser(nil), sst: []string{"a"}}
		sr := &SheetReader{w: &Workbook{path: "f.xlsx"}, name: "S", src: src, counts: map[reconcile.SkipReason]int{}}
		if err := sr.init(); err != nil {
			return
		}
		fate := map[int]int{}
		records, last := 0, sr.headerEnd
		for i := 0; ; i++ {
			rec, err := sr.Read()
			if err != nil {
				break
			}
			records++
			fate[rec.Source.Row]++
			last = max(last, rec.Source.Row)
			if i > len(data) {
				t.Fatalf("more records than bytes")
			}
		}
		counted := 0
		for reason, n := range sr.SkipCounts() {
			if reason != reconcile.SkipBanner { // above the header: not in Rows()
				counted += n
			}
		}
		summarised := 0
		for _, s := range sr.Skipped() {
			fate[s.Row]++
			last = max(last, s.Row)
			if s.Detail != "" && strings.HasPrefix(s.Detail, "rows ") {
				var a, z int
				if _, err := fmt.Sscanf(strings.ReplaceAll(s.Detail, "–", " "), "rows %d %d blank", &a, &z); err == nil && a == s.Row {
					for r := a + 1; r <= z; r++ {
						fate[r]++
					}
					summarised += z - a
					last = max(last, z)
				}
			}
		}
		for r, n := range fate {
			if n != 1 && r > sr.headerEnd {
				t.Fatalf("row %d has %d fates", r, n)
			}
		}
		for r := sr.headerEnd + 1; r <= last; r++ {
			if fate[r] == 0 {
				t.Fatalf("row %d (header %d, last %d) has no fate", r, sr.headerEnd, last)
			}
		}
		if got := records + counted; got != sr.Rows() {
			t.Fatalf("records %d + skips %d = %d, Rows() = %d", records, counted, got, sr.Rows())
		}
	})
}
