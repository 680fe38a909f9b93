package read

import (
	"testing"

	"tradecheck/reconcile"
)

// A banner's "label: value" pairs whose label maps to a country field
// give that field to every row; a period of two dates is recorded; a
// column's value wins, and the user's constant wins over the banner.
func TestBannerConstantsAndPeriod(t *testing.T) {
	for _, c := range []struct {
		name, banner, header, row string
		opt                       Options
		want                      map[reconcile.Field]string
		from                      string
		period                    string
	}{
		{name: "turkish export register",
			banner: "Çıkış Ülkesi: Türkiye; Gideceği Ülke: Rusya Federasyonu\nDönem: 01.01.2022 - 31.12.2022\n",
			header: "Beyanname Tarihi;Alıcı;Net Ağırlık (kg)", row: "06.02.2022;TEKHKRIM LLC;5200",
			want: map[reconcile.Field]string{reconcile.FieldDispatchCountry: "TR", reconcile.FieldDestinationCountry: "RU"},
			from: "banner row 1", period: "2022-01-01 – 2022-12-31 (banner row 2)"},
		{name: "russian banner, column wins",
			banner: "Страна отправления: Китай\nпериод 01.01.2022–31.12.2022\n",
			header: "Дата;Получатель;Страна отправления;Вес нетто, кг", row: "06.02.2022;ООО Альфа;КАЗАХСТАН;100",
			want:   map[reconcile.Field]string{reconcile.FieldDispatchCountry: "KZ"},
			period: "2022-01-01 – 2022-12-31 (banner row 2)"},
		{name: "english banner, report date is no period",
			banner: "Country of export: China\nReport date: 2023-01-05\n",
			header: "Date;Consignee;Net weight (kg)", row: "2022-02-06;OOO ALFA;100",
			want: map[reconcile.Field]string{reconcile.FieldDispatchCountry: "CN"}, from: "banner row 1"},
		{name: "user constant wins over the banner",
			banner: "Country of export: China\nPeriod: 2022-01-01 to 2022-06-30\n",
			header: "Date;Consignee;Net weight (kg)", row: "2022-02-06;OOO ALFA;100",
			opt:  Options{Constants: map[reconcile.Field]string{reconcile.FieldDispatchCountry: "Hong Kong"}},
			want: map[reconcile.Field]string{reconcile.FieldDispatchCountry: "HK"}, from: "your mapping",
			period: "2022-01-01 – 2022-06-30 (banner row 2)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "b.csv", []byte(c.banner+c.header+"\n"+c.row+"\n"))
			sr, recs := readSheet(t, path, "", c.opt)
			if len(recs) != 1 {
				t.Fatalf("%d records, want 1", len(recs))
			}
			got := map[reconcile.Field]string{reconcile.FieldDispatchCountry: recs[0].DispatchCountry, reconcile.FieldDestinationCountry: recs[0].DestinationCountry}
			for f, v := range c.want {
				if got[f] != v {
					t.Errorf("%s = %q, want %q (constants %+v)", f, got[f], v, sr.Constants())
				}
			}
			if c.from != "" {
				if cs := sr.Constants(); len(cs) == 0 || len(cs[0].From) < len(c.from) || cs[0].From[:len(c.from)] != c.from {
					t.Errorf("constants %+v, want the first from %q", cs, c.from)
				}
			}
			if p := sr.Period().String(); p != c.period {
				t.Errorf("period %q, want %q", p, c.period)
			}
		})
	}
}
