package read

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"tradecheck/reconcile"
)

func TestVerticalAgg(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		formula  string
		col, row int // 0-based column, 1-based row of the cell
		want     bool
	}{
		{"SUM(F2:F10)", 5, 11, true},
		{"sum($F$2:$F$10)", 5, 11, true},
		{"SUBTOTAL(9,E2:E3)", 4, 4, true},
		{"_xlfn.AGGREGATE(9,4,E2:E3)", 4, 4, true},
		{"SUM(B5:D5)", 4, 5, false},   // the parts of its own row: data
		{"SUM(F2:F10)", 6, 11, false}, // another column
		{"SUM(F12:F20)", 5, 11, false},
		{"F2+F3", 5, 4, false},
		{"VLOOKUP(A2,Codes!A:B,2,0)", 5, 2, false},
	} {
		t.Run(tt.formula, func(t *testing.T) {
			if got := verticalAgg([]byte(tt.formula), tt.col, tt.row); got != tt.want {
				t.Errorf("verticalAgg(%q, col %d, row %d) = %v, want %v", tt.formula, tt.col, tt.row, got, tt.want)
			}
		})
	}
}

func TestFormatCurrency(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ code, want string }{
		{`"$"#,##0.00`, "USD"},
		{`$#,##0.00;[Red]($#,##0.00)`, "USD"},
		{`#,##0.00\ [$€-407]`, "EUR"},
		{`[$USD] #,##0`, "USD"},
		{`#,##0.00" руб."`, "RUB"},
		{`#,##0.00\ "₽"`, "RUB"},
		{`#,##0.00`, ""},
		{`[Red]#,##0`, ""},
		{`0.00" kg"`, ""},
		{`"$"#,##0 "EUR"`, ""}, // two currencies: none
	} {
		t.Run(tt.code, func(t *testing.T) {
			if got := formatCurrency(tt.code); got != tt.want {
				t.Errorf("formatCurrency(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

// A table that needs mapping keeps its header and columns (the app shows
// them for mapping), reads no record and gives every row a fate; mapping
// a party column makes it data.
func TestNeedsMappingSheet(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "coded.csv")
	if err := os.WriteFile(path, []byte("GR8;GR54;Net weight, kg\nALFA;03.10.2022;1200\n\nBETA;05.10.2022;800\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sr, err := w.Sheet("")
	if err != nil {
		t.Fatalf("Sheet: %v, want a reader that needs mapping", err)
	}
	if !errors.Is(sr.NeedsMapping(), reconcile.ErrNeedsMapping) || sr.HeaderRow() != 1 || len(sr.Columns()) != 3 {
		t.Fatalf("NeedsMapping %v, header row %d, %d columns", sr.NeedsMapping(), sr.HeaderRow(), len(sr.Columns()))
	}
	if _, err := sr.Read(); err != io.EOF {
		t.Fatalf("Read: %v, want io.EOF (no record)", err)
	}
	c := sr.SkipCounts()
	if c[reconcile.SkipNeedsMapping] != 2 || c[reconcile.SkipBlank] != 1 {
		t.Errorf("skips %v, want 2 %q and 1 blank", c, reconcile.SkipNeedsMapping)
	}
	w.Close()
	f := readAll(t, path, Options{Mapping: map[int]ColumnOverride{0: {Field: reconcile.FieldConsignee}}})
	if s := f.Sheets[0]; s.Err != nil || len(s.Records) != 2 {
		t.Errorf("mapped: err %v, %d records, want 2", s.Err, len(s.Records))
	}
}
