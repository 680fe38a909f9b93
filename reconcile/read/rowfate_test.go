package read

import "testing"

func TestTotalLabel(t *testing.T) {
	for _, c := range []struct {
		label  string
		suffix bool
		want   bool
	}{
		{"итого", false, true},
		{"ara toplam 02.2022", false, true},
		{"subtotal 02.2022", false, true},
		{"итого за март", false, true},
		{"小计 2022-02", false, true},
		{"小计2022-02", false, true},
		{"合计：", false, true},
		{"total (march)", false, true},
		{"промежуточный итог", false, true},
		{"02.2022 total", true, true},
		{"ооо техкрим итог", true, true},
		{"2022年2月 汇总", true, true},
		// Words that only start or end like a total label are data.
		{"totality trading", false, false},
		{"summit ltd", false, false},
		{"总计划", false, false},
		{"итоговый", false, false},
		{"02.2022 total", false, false},
		{"subtotals ltd", true, false},
		{"oilsum", true, false},
	} {
		t.Run(c.label, func(t *testing.T) {
			if got := totalLabel(c.label, c.suffix); got != c.want {
				t.Errorf("totalLabel(%q, %v) = %v, want %v", c.label, c.suffix, got, c.want)
			}
		})
	}
}

// A repeated header row is skipped, and its text is no sample of its
// column (inspect and the field picker showed "Consignee" as a value).
func TestRepeatedHeaderNotSampled(t *testing.T) {
	path := writeFile(t, "rep.csv", []byte("Date,Consignee,Net weight (kg)\n"+
		"2022-10-03,OOO ALFA,100\n"+
		"Date,Consignee,Net weight (kg)\n"+
		"2022-10-04,OOO BETA,200\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 2 || sr.SkipCounts()["repeated header"] != 1 {
		t.Fatalf("got %d records, skips %v; want 2 records and 1 repeated header", len(recs), sr.SkipCounts())
	}
	for _, c := range sr.Columns() {
		for _, s := range c.Samples {
			if s == c.Header {
				t.Errorf("column %q: header text among its samples %q", c.Header, c.Samples)
			}
		}
	}
}
