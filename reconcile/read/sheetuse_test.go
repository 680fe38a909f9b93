package read

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

func TestIsPeriodHeader(t *testing.T) {
	t.Parallel()
	cases := []struct {
		h    string
		want bool
	}{
		{"Q1 t", true}, {"q4", true}, {"Q2 2022", true}, {"1Q", true}, {"II кв.", true}, {"3 квартал", true},
		{"H1", true}, {"Jan", true}, {"March 2022 (kg)", true}, {"январь", true}, {"2022", true}, {"FY2021", true},
		{"Total t", false}, {"Q1 shipments to Moscow", false}, {"Consignee", false}, {"Net weight, kg", false},
		{"Date", false}, {"HS code", false}, {"Quantity", false}, {"Mark", false}, {"", false},
	}
	for _, tt := range cases {
		t.Run(tt.h, func(t *testing.T) {
			if got := isPeriodHeader(tt.h); got != tt.want {
				t.Errorf("isPeriodHeader(%q) = %v, want %v", tt.h, got, tt.want)
			}
		})
	}
}

// registerBook writes a register over one data sheet and a pivot of it by
// consignee and quarter, as a customs office or an analyst lays it out.
func registerBook(t *testing.T, periods []string) string {
	data := sheetRows{1: {"Declaration No.", "Date", "Consignee", "Net weight, kg", "Value, USD"}}
	firms := []string{"ООО «Альфа»", "АО «Бета»", "ООО «Гамма»"}
	for i := 0; i < 12; i++ {
		data[i+2] = []any{fmt.Sprintf("10702070/%02d0122/%07d", i+1, i), fmt.Sprintf("2022-%02d-15", i+1), firms[i%3], 1000 + i, 20000 + 100*i}
	}
	head := append([]any{"Consignee"}, anyOf(periods)...)
	head = append(head, "Total t", "Total USD")
	sum := sheetRows{1: {"Imports by consignee"}, 3: head}
	for i, f := range firms {
		row := []any{f}
		for range periods {
			row = append(row, 1.5)
		}
		sum[4+i] = append(row, 6.0, 80000)
	}
	sum[7] = []any{"Total"}
	return writeXLSX(t, "register.xlsx", []string{"Summary", "Register"}, map[string]sheetRows{"Summary": sum, "Register": data}, nil)
}

func anyOf(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func sheetOf(t *testing.T, f *File, name string) SheetResult {
	t.Helper()
	for _, s := range f.Sheets {
		if s.Sheet == name {
			return s
		}
	}
	t.Fatalf("no sheet %q", name)
	return SheetResult{}
}

func TestSummarySheetLeftOut(t *testing.T) {
	t.Parallel()
	for _, periods := range [][]string{{"Q1 t", "Q2 t", "Q3 t", "Q4 t"}, {"Jan", "Feb", "Mar"}, {"2021", "2022"}, {"I кв.", "II кв."}} {
		t.Run(periods[0], func(t *testing.T) {
			path := registerBook(t, periods)
			f := readAll(t, path, Options{})
			sum, reg := sheetOf(t, f, "Summary"), sheetOf(t, f, "Register")
			if !sum.Summary || sum.LeftOut == "" || len(sum.Records) != 0 {
				t.Errorf("Summary: Summary=%v LeftOut=%q records=%d, want a summary sheet left out with no records", sum.Summary, sum.LeftOut, len(sum.Records))
			}
			if n := sum.Skipped[reconcile.SkipSummarySheet]; n != 3 {
				t.Errorf("Summary: %d rows skipped as a summary sheet, want the 3 consignee rows (skips %v)", n, sum.Skipped)
			}
			if reg.Summary || reg.LeftOut != "" || len(reg.Records) != 12 {
				t.Errorf("Register: Summary=%v LeftOut=%q records=%d, want 12 shipments read", reg.Summary, reg.LeftOut, len(reg.Records))
			}
			// A left-out sheet gives no figures: its columns' warnings
			// ("currency not stated") would ask for a decision that
			// changes nothing. Included, the sheet gets them again.
			if w := strings.Join(reconcile.NoteTexts(sum.Warnings), "\n"); strings.Contains(w, "currency not stated") {
				t.Errorf("Summary left out, yet warned about its columns: %q", w)
			}
			inc := readAll(t, path, Options{SheetUse: map[string]string{"Summary": SheetInclude}})
			if s := sheetOf(t, inc, "Summary"); s.Summary || len(s.Records) != 3 {
				t.Errorf("included: Summary=%v records=%d, want its 3 rows read", s.Summary, len(s.Records))
			} else if w := strings.Join(reconcile.NoteTexts(s.Warnings), "\n"); !strings.Contains(w, "currency not stated") {
				t.Errorf("Summary included: warnings %q do not ask for the currency of its value column", w)
			}
		})
	}
}

// Registers without dates (or with a single period column) are shipments:
// random layouts of party, HS, weight, value and an identifier-less mix.
func TestUndatedRegisterNotSummary(t *testing.T) {
	t.Parallel()
	extras := []string{"HS code", "Country of origin", "2022", "Goods description", "Quantity", "Q1 t", "Mode of transport"}
	for seed := int64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			cols := []string{"Consignee", "Net weight, kg", "Value, USD"}
			period := 0
			for _, e := range extras {
				if rng.Intn(2) == 0 && !(isPeriodHeader(e) && period == 1) {
					if isPeriodHeader(e) {
						period++
					}
					cols = append(cols, e)
				}
			}
			rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
			data := sheetRows{1: anyOf(cols)}
			for r := 0; r < 8; r++ {
				row := make([]any, len(cols))
				for j, c := range cols {
					switch c {
					case "Consignee":
						row[j] = fmt.Sprintf("FIRM %d LLC", r%3)
					case "HS code":
						row[j] = "847130"
					case "Country of origin":
						row[j] = "China"
					case "Goods description", "Mode of transport":
						row[j] = "laptops by sea"
					default:
						row[j] = 100 + rng.Intn(900)
					}
				}
				data[r+2] = row
			}
			path := writeXLSX(t, "undated.xlsx", []string{"Data"}, map[string]sheetRows{"Data": data}, nil)
			s := sheetOf(t, readAll(t, path, Options{}), "Data")
			if s.Summary || s.LeftOut != "" || len(s.Records) != 8 {
				t.Errorf("columns %q: Summary=%v LeftOut=%q records=%d, want 8 shipments", cols, s.Summary, s.LeftOut, len(s.Records))
			}
		})
	}
}

func TestLeaveSheetOut(t *testing.T) {
	t.Parallel()
	path := registerBook(t, []string{"Q1", "Q2"})
	f := readAll(t, path, Options{SheetUse: map[string]string{"Register": SheetLeaveOut}})
	reg := sheetOf(t, f, "Register")
	if len(reg.Records) != 0 || reg.LeftOut != "left out by the user" || reg.Summary {
		t.Fatalf("Register: records=%d LeftOut=%q Summary=%v, want left out by the user", len(reg.Records), reg.LeftOut, reg.Summary)
	}
	rows := map[int]bool{}
	for _, sk := range reg.Skips {
		if sk.Reason == reconcile.SkipLeftOut {
			rows[sk.Row] = true
		}
	}
	for r := 2; r <= 13; r++ {
		if !rows[r] {
			t.Errorf("row %d has no fate %q", r, reconcile.SkipLeftOut)
		}
	}
	if reg.LeftOutRows() != 12 {
		t.Errorf("LeftOutRows = %d, want 12", reg.LeftOutRows())
	}
	// A sheet that needs mapping can be left out instead: no error then.
	csv := writeFile(t, "figures.csv", []byte("Mark,Amount\nA,1\nB,2\n"))
	s := readAll(t, csv, Options{SheetUse: map[string]string{"": SheetLeaveOut}}).Sheets[0]
	if s.Err != nil || s.LeftOutRows() != 2 {
		t.Errorf("needs-mapping sheet left out: Err=%v, %d rows left out, want no error and 2", s.Err, s.LeftOutRows())
	}
}
