package read

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestLayoutScore reports the share of the corpus's expected columns that
// are mapped to the expected field (and of the columns that must stay
// unmapped, left so): the figure issue 12 measures. It only reports (the
// assertions are TestLayouts'), so it runs when TRADECHECK_LAYOUT_SCORE
// is set: go test -run LayoutScore -v ./reconcile/read/
func TestLayoutScore(t *testing.T) {
	if os.Getenv("TRADECHECK_LAYOUT_SCORE") == "" {
		t.Skip("set TRADECHECK_LAYOUT_SCORE=1 to print the mapping score of the layout corpus")
	}
	exps, _ := filepath.Glob(filepath.Join("testdata", "layouts", "*", "expected.json"))
	sort.Strings(exps)
	var want, got, wantNone, gotNone int
	for _, exp := range exps {
		raw, err := os.ReadFile(exp)
		if err != nil {
			t.Fatal(err)
		}
		var e layoutExpect
		if err := json.Unmarshal(raw, &e); err != nil {
			t.Fatal(err)
		}
		lw, lg := 0, 0
		path := filepath.Join(filepath.Dir(exp), e.File)
		f, err := ReadAll(t.Context(), path, Options{}, nil)
		for name, ws := range e.Sheets {
			var cols []Column
			if err == nil {
				for i := range f.Sheets {
					if f.Sheets[i].Sheet == name || len(f.Sheets) == 1 && name == "" {
						cols = f.Sheets[i].Columns
					}
				}
			}
			for col, field := range ws.Mapping {
				idx := columnNumber(col) - 1
				g := "-"
				for _, c := range cols {
					if c.Index == idx && c.Field != "" {
						g = string(c.Field)
					}
				}
				if field == "-" {
					wantNone++
					if g == "-" {
						gotNone++
					}
					continue
				}
				want++
				lw++
				if g == field {
					got++
					lg++
				}
			}
		}
		t.Logf("%-32s %2d/%2d mapped%s", filepath.Base(filepath.Dir(exp)), lg, lw, errNote(err))
	}
	if want > 0 && wantNone > 0 {
		t.Logf("corpus: %d/%d expected columns mapped (%.0f%%); %d/%d columns that must stay unmapped left so", got, want, 100*float64(got)/float64(want), gotNone, wantNone)
	}
}

func errNote(err error) string {
	if err != nil {
		return " (file not read: " + err.Error() + ")"
	}
	return ""
}
