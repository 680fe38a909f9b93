package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A declaration register whose dates are all ambiguous (day and month
// both ≤ 12) is settled by the dates its declaration numbers carry; a
// row with an empty date gets its declaration's date, flagged; a row
// whose number carries no date stays without one.
func TestDateOrderFromDeclarationNumbers(t *testing.T) {
	for _, tc := range []struct {
		name  string
		csv   string
		dates []string // per record
		flag  []reconcile.FlagCode
	}{
		{"day first", "Date;Declaration No;Consignee;Net Weight (kg)\n" +
			"04/05/2022;10702630/040522/0001798;OOO TEKHKRIM;100\n" +
			"10/03/2022;10702630/100322/0002406;OOO TEKHKRIM;200\n" +
			";10702630/110322/0002407;OOO TEKHKRIM;300\n",
			[]string{"2022-05-04", "2022-03-10", "2022-03-11"}, []reconcile.FlagCode{"", "", reconcile.FlagDateFromDeclaration}},
		{"month first", "Date;Declaration No;Consignee;Net Weight (kg)\n" +
			"04/05/2022;10702630/050422/0001798;OOO TEKHKRIM;100\n" +
			"10/03/2022;10702630/031022/0002406;OOO TEKHKRIM;200\n",
			[]string{"2022-04-05", "2022-10-03"}, []reconcile.FlagCode{"", ""}},
		{"numbers without dates settle nothing", "Date;Declaration No;Consignee;Net Weight (kg)\n" +
			"04/05/2022;22341300EX000123;OOO TEKHKRIM;100\n" +
			";22341300EX000124;OOO TEKHKRIM;200\n",
			[]string{"", ""}, []reconcile.FlagCode{reconcile.FlagAmbiguousDate, ""}},
		{"votes that disagree: each ambiguous cell takes its own number's date", "Date;Declaration No;Consignee;Net Weight (kg)\n" +
			"04/05/2022;10702630/050422/0001798;OOO TEKHKRIM;100\n" +
			"10/03/2022;10702630/100322/0002406;OOO TEKHKRIM;200\n",
			[]string{"2022-04-05", "2022-03-10"}, []reconcile.FlagCode{reconcile.FlagDateFromDeclaration, reconcile.FlagDateFromDeclaration}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "decl.csv", []byte(tc.csv))
			_, recs := readSheet(t, path, "", Options{})
			if len(recs) != len(tc.dates) {
				t.Fatalf("%d records, want %d", len(recs), len(tc.dates))
			}
			for k, rec := range recs {
				if got := rec.Date.String(); got != tc.dates[k] {
					t.Errorf("row %d: date %q, want %q (flags %v)", rec.Source.Row, got, tc.dates[k], rec.Flags)
				}
				var code reconcile.FlagCode
				for _, f := range rec.Flags {
					if f.Field == reconcile.FieldDate {
						code = f.Code
						if f.Code == reconcile.FlagDateFromDeclaration && (!f.Kept || !strings.Contains(f.Detail, rec.DeclarationID)) {
							t.Errorf("row %d: flag %+v should be kept and name the number", rec.Source.Row, f)
						}
					}
				}
				if code != tc.flag[k] {
					t.Errorf("row %d: date flag %q, want %q", rec.Source.Row, code, tc.flag[k])
				}
			}
		})
	}
}

// The date order is decided on every sampled cell, not on the five kept
// for display: a register whose first dates are all ambiguous and whose
// ninth says 08/15/2022 is month first.
func TestDateOrderFromLaterSampleRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("Date;Consignee;Net Weight (kg)\n")
	for _, d := range []string{"04/05/2022", "10/03/2022", "01/10/2022", "11/01/2022", "12/04/2022", "03/02/2022", "02/03/2022", "05/06/2022", "08/15/2022"} {
		b.WriteString(d + ";OOO TEKHKRIM;100\n")
	}
	path := writeFile(t, "late.csv", []byte(b.String()))
	_, recs := readSheet(t, path, "", Options{})
	if len(recs) != 9 || recs[0].Date.String() != "2022-04-05" || recs[8].Date.String() != "2022-08-15" {
		var got []string
		for _, r := range recs {
			got = append(got, r.Date.String())
		}
		t.Errorf("dates %v, want month first (2022-04-05 … 2022-08-15)", got)
	}
}
