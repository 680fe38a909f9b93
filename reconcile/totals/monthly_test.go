package totals

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMonthSeries: months come in calendar order with empty months
// filled in, and undated shipments apart.
func TestMonthSeries(t *testing.T) {
	t.Parallel()
	tbl := &Table{By: ByMonth, Groups: []Group{
		{Key: "M2022-06", Label: "2022-06", Measures: Measures{Tonnes: 5}},
		{Key: "(unknown)", Label: "(unknown)", Measures: Measures{Tonnes: 1}},
		{Key: "M2022-03", Label: "2022-03", Measures: Measures{Tonnes: 2}},
		{Key: "M2021-12", Label: "2021-12", Measures: Measures{Tonnes: 9}},
	}}
	months, unknown := MonthSeries(tbl)
	var got []string
	for _, g := range months {
		got = append(got, g.Label+":"+strconv.FormatFloat(g.Tonnes, 'g', -1, 64))
	}
	want := "2021-12:9 2022-01:0 2022-02:0 2022-03:2 2022-04:0 2022-05:0 2022-06:5"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if unknown == nil || unknown.Tonnes != 1 {
		t.Errorf("unknown = %+v, want the undated group", unknown)
	}
	if m, u := MonthSeries(&Table{}); m != nil || u != nil {
		t.Error("an empty table gives a series")
	}
}

func TestDescribe(t *testing.T) {
	t.Parallel()
	from, _ := time.Parse("2006-01-02", "2022-01-01")
	to, _ := time.Parse("2006-01-02", "2022-12-31")
	for _, tc := range []struct {
		name string
		f    Filter
		want string
	}{
		{"empty", Filter{}, "All counted shipments"},
		{"range and lists", Filter{From: from, To: to, HSPrefixes: []string{"6307", "9303"}, Countries: []string{"CN", "TR"}},
			"Counted shipments: 2022-01-01 to 2022-12-31; HS 6307/9303; countries CN/TR"},
		{"entity named", Filter{Entities: []string{"E-1"}, DescriptionContains: "armour"}, "Counted shipments: entity OOO TEKHKRIM; description has “armour”"},
		{"from only, excluded too", Filter{From: from, IncludeExcluded: true}, "Shipments including excluded or superseded ones: from 2022-01-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.f.Describe(func(id string) string {
				if id == "E-1" {
					return "OOO TEKHKRIM"
				}
				return ""
			})
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
