package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Dates whose day and month are all ≤ 12 are never guessed: they are
// flagged with both readings, the sheet warns with the column, the count
// and what to do, and the user's order settles them.
func TestAmbiguousDateOrder(t *testing.T) {
	path := writeFile(t, "us.csv", []byte("Arrival Date,Consignee,Net weight (kg)\n"+
		"03/04/2022,OOO ALFA,100\n"+
		"05/06/2022,OOO BETA,200\n"+
		"11/12/2022,OOO BETA,300\n"))
	t.Run("undecided", func(t *testing.T) {
		sr, recs := readSheet(t, path, "", Options{})
		if len(recs) != 3 || sr.AmbiguousDates() != 3 {
			t.Fatalf("%d records, %d ambiguous dates; want 3 and 3", len(recs), sr.AmbiguousDates())
		}
		if recs[0].Date.Known() || !hasFlag(recs[0], reconcile.FieldDate, reconcile.FlagAmbiguousDate) {
			t.Fatalf("first record: date %v, flags %v; want unknown and ambiguous_date", recs[0].Date, recs[0].Flags)
		}
		d, m, ok := AmbiguousDateReadings(recs[0].Flags[0])
		if !ok || d.String() != "2022-04-03" || m.String() != "2022-03-04" {
			t.Errorf("readings %v %v %v; want 2022-04-03 and 2022-03-04", d, m, ok)
		}
		var w reconcile.Note
		for _, n := range sr.Warnings() {
			if n.Fix == reconcile.FixDateOrder {
				w = n
			}
		}
		if !strings.Contains(w.Text, `column A "Arrival Date": 3 dates`) || !strings.Contains(w.Text, "date order is stated: day first or month first") ||
			w.File != path || w.Column != 1 {
			t.Errorf("no warning names the column, count and the date order to state: %+v in %+v", w, sr.Warnings())
		}
	})
	for _, c := range []struct {
		name string
		opt  Options
		want string
	}{
		{"month first for the file", Options{DateOrder: values.OrderMDY}, "2022-03-04"},
		{"day first for the sheet", Options{DateOrder: values.OrderMDY, SheetDateOrder: map[string]values.DateOrder{"": values.OrderDMY}}, "2022-04-03"},
	} {
		t.Run(c.name, func(t *testing.T) {
			sr, recs := readSheet(t, path, "", c.opt)
			if len(recs) != 3 || recs[0].Date.String() != c.want || sr.AmbiguousDates() != 0 {
				t.Errorf("first date %q, %d ambiguous; want %s and 0", recs[0].Date, sr.AmbiguousDates(), c.want)
			}
		})
	}
}
