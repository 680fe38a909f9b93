package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile/totals"
)

func TestTotalsScreen(t *testing.T) {
	u := loadSamples(t)
	u.tabs.Select(u.tabTotals)
	s := u.totals
	if len(s.rows) == 0 {
		t.Fatal("no totals rows after loading the samples")
	}
	want := u.result.Totals(totals.ByConsignee, totals.Filter{})
	if len(s.rows) != len(want.Groups) {
		t.Errorf("groups: got %d, want the engine's %d", len(s.rows), len(want.Groups))
	}
	if !strings.Contains(s.total.Text, "Total:") {
		t.Errorf("total line: %q", s.total.Text)
	}

	t.Run("chart bars follow the measure", func(t *testing.T) {
		if len(s.chart.labels) == 0 || len(s.chart.labels) > maxBars {
			t.Fatalf("bars: got %d, want 1..%d", len(s.chart.labels), maxBars)
		}
		if s.chart.values[0] != s.rows[0].Tonnes {
			t.Errorf("first bar: got %v, want tonnes %v", s.chart.values[0], s.rows[0].Tonnes)
		}
		s.measure.SetSelected(measureValue)
		for i := 1; i < len(s.rows); i++ {
			if s.rows[i].ValueUSD > s.rows[i-1].ValueUSD {
				t.Fatalf("value view not ordered by value at row %d", i)
			}
		}
		if s.chart.values[0] != s.rows[0].ValueUSD || !strings.HasPrefix(s.chart.texts[0], "$") {
			t.Errorf("first bar: got %v %q, want value %v", s.chart.values[0], s.chart.texts[0], s.rows[0].ValueUSD)
		}
		s.measure.SetSelected(measureTonnes)
	})
	t.Run("group by month", func(t *testing.T) {
		s.group.SetSelected(groupByLabels[totals.ByMonth])
		if s.groupBy != totals.ByMonth || s.table.By != totals.ByMonth {
			t.Fatalf("group by: got %q / table %q, want month", s.groupBy, s.table.By)
		}
		s.group.SetSelected(groupByLabels[totals.ByConsignee])
	})
	t.Run("filters agree with the engine", func(t *testing.T) {
		total := s.table.Total.Tonnes
		test.Type(s.from, "2022-06")
		test.Type(s.to, "2022-12")
		f := s.filter()
		want := u.result.Totals(totals.ByConsignee, f)
		if math.Abs(s.table.Total.Tonnes-want.Total.Tonnes) > 1e-9 {
			t.Errorf("filtered total: got %.3f, want %.3f", s.table.Total.Tonnes, want.Total.Tonnes)
		}
		if s.table.Total.Tonnes >= total {
			t.Errorf("June–December total %.3f is not below the full %.3f", s.table.Total.Tonnes, total)
		}
	})
	t.Run("entity picker", func(t *testing.T) {
		s.from.SetText("")
		s.to.SetText("")
		name := s.rows[0].Label
		s.entity.SetText(name)
		if len(s.rows) != 1 || s.rows[0].Label != name {
			t.Errorf("entity %q: got %d groups (first %q), want only it", name, len(s.rows), s.rows[0].Label)
		}
		s.entity.SetText("no such firm at all")
		if len(s.rows) != 0 {
			t.Errorf("unknown entity: got %d groups, want none", len(s.rows))
		}
		s.entity.SetText("")
	})
}
