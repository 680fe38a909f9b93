package cli

import (
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// --map takes FIELD=VALUE and date_order=… for a whole file or sheet
// beside COLUMN=FIELD, and --date-order is the same as date_order.
func TestMapSheetSettings(t *testing.T) {
	newProject := func() *pipeline.Project {
		return &pipeline.Project{Sources: []pipeline.SourceSpec{{Path: "/data/tr_ihracat.xls"}, {Path: "/data/us.xlsx"}}}
	}
	for _, c := range []struct {
		name string
		maps []string
		want pipeline.ColumnOverride
		file int
		bad  bool
	}{
		{name: "country for a file", maps: []string{"tr_ihracat.xls:dispatch_country=Türkiye"},
			want: pipeline.ColumnOverride{Column: -1, ColumnOverride: read.ColumnOverride{Field: reconcile.FieldDispatchCountry}, Value: "TR"}},
		{name: "currency for a sheet", maps: []string{"us.xlsx!Data:currency=usd"}, file: 1,
			want: pipeline.ColumnOverride{Sheet: "Data", Column: -1, ColumnOverride: read.ColumnOverride{Field: reconcile.FieldCurrency}, Value: "USD"}},
		{name: "date order", maps: []string{"us.xlsx:date_order=MDY"}, file: 1,
			want: pipeline.ColumnOverride{Column: -1, DateOrder: "mdy"}},
		{name: "tons", maps: []string{"us.xlsx:tons=Short  Ton"}, file: 1,
			want: pipeline.ColumnOverride{Column: -1, ColumnOverride: read.ColumnOverride{Unit: "short ton"}}},
		{name: "bad tons", maps: []string{"us.xlsx:tons=kg"}, bad: true},
		{name: "column still a column", maps: []string{"us.xlsx:C=date"}, file: 1,
			want: pipeline.ColumnOverride{Column: 2, ColumnOverride: read.ColumnOverride{Field: reconcile.FieldDate}}},
		{name: "not a country", maps: []string{"tr_ihracat.xls:dispatch_country=Atlantis"}, bad: true},
		{name: "field that takes no fixed value", maps: []string{"tr_ihracat.xls:consignee=ALFA"}, bad: true},
		{name: "bad date order", maps: []string{"us.xlsx:date_order=ymd"}, bad: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newProject()
			err := applyMaps(p, c.maps)
			if c.bad {
				if err == nil {
					t.Fatalf("applyMaps(%q) accepted; mapping %+v", c.maps, p.Sources)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m := p.Sources[c.file].Mapping; len(m) != 1 || m[0] != c.want {
				t.Errorf("mapping %+v, want %+v", m, c.want)
			}
		})
	}
	t.Run("--date-order", func(t *testing.T) {
		m, err := dateOrderMaps([]string{"us.xlsx!Data:dmy"})
		if err != nil || len(m) != 1 || m[0] != "us.xlsx!Data:date_order=dmy" {
			t.Errorf("dateOrderMaps = %q, %v", m, err)
		}
	})
}
