package read

import (
	"testing"

	"tradecheck/reconcile"
)

// "tons" alone is never silently metric: flagged and left out unless
// the file says metric or the user decides.
func TestTonsAmbiguous(t *testing.T) {
	for _, c := range []struct {
		name, text string
		opt        Options
		want       float64 // kg of the first row; 0: left out and flagged
	}{
		{"header says tons", "Date,Consignee,Net weight (tons)\n2022-10-03,OOO ALFA,2\n", Options{}, 0},
		{"user says short tons", "Date,Consignee,Net weight (tons)\n2022-10-03,OOO ALFA,2\n", Options{TonUnit: "short ton"}, 1814.36948},
		{"header says metric elsewhere", "Date,Consignee,Net weight (tons),Gross weight (MT)\n2022-10-03,OOO ALFA,2,3\n", Options{}, 2000},
		{"unit column tons", "Date,Consignee,Weight,Weight Unit\n2022-10-03,OOO ALFA,2,TONS\n2022-10-04,OOO ALFA,5,KG\n", Options{}, 0},
		{"unit column with TNE elsewhere", "Date,Consignee,Weight,Weight Unit\n2022-10-03,OOO ALFA,2,TONS\n2022-10-04,OOO ALFA,5,TNE\n", Options{}, 2000},
		{"unit column decided", "Date,Consignee,Weight,Weight Unit\n2022-10-03,OOO ALFA,2,TONS\n", Options{TonUnit: "t"}, 2000},
		{"turkish ton is metric", "Tarih;Alıcı;Net Ağırlık (ton)\n03.10.2022;ALFA;2\n", Options{}, 2000},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "t.csv", []byte(c.text))
			_, recs := readSheet(t, path, "", c.opt)
			n := recs[0].NetKg
			if !n.Valid {
				n = recs[0].GrossKg
			}
			if c.want == 0 {
				if n.Valid || !hasFlag(recs[0], reconcile.FieldNetWeight, reconcile.FlagUnknownUnit) && !hasFlag(recs[0], reconcile.FieldGrossWeight, reconcile.FlagUnknownUnit) {
					t.Errorf("weight %+v, flags %v; want left out and flagged unknown_unit", n, recs[0].Flags)
				}
				return
			}
			if !n.Valid || n.Value < c.want-0.001 || n.Value > c.want+0.001 {
				t.Errorf("weight %+v, want %v kg (flags %v)", n, c.want, recs[0].Flags)
			}
		})
	}
}

func TestShownNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"9.800000000000001", "9.8"}, {"770.018407312", "770.018407312"}, {"0.1", "0.1"},
		{"7722476458", "7722476458"}, {"0.30000000000000004", "0.3"}, {"123456789012345678", "123456789012345678"},
		{"-2.0000000000000004", "-2"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := shownNumber(tc.in); got != tc.want {
				t.Errorf("shownNumber(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
