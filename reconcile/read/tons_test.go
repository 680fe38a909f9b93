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
