package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile/chart"
	"tradecheck/reconcile/totals"
)

// TestMonthlyChartAndExport: the By month chart follows the filter and
// the measure, and both charts export as PNG and SVG at article size.
func TestMonthlyChartAndExport(t *testing.T) {
	u := loadSamples(t)
	u.tabs.Select(u.tabTotals)
	s := u.totals
	m := s.monthlyChart()
	want, _ := totals.MonthSeries(u.result.Totals(totals.ByMonth, totals.Filter{}))
	if len(m.Labels) != len(want) || len(want) < 12 || m.Title != "Tonnes by month" {
		t.Fatalf("monthly chart %q: %d months, want %d", m.Title, len(m.Labels), len(want))
	}
	for i := 1; i < len(m.Labels); i++ {
		if m.Labels[i] <= m.Labels[i-1] {
			t.Fatalf("months out of order: %s after %s", m.Labels[i], m.Labels[i-1])
		}
	}
	t.Run("filter narrows the series", func(t *testing.T) {
		s.hs.SetText("63079098")
		settle(t, u)
		f := s.filter()
		wantF, _ := totals.MonthSeries(u.result.Totals(totals.ByMonth, f))
		got := s.monthlyChart()
		sum, wantSum := 0.0, 0.0
		for i := range got.Values {
			sum += got.Values[i]
		}
		for _, g := range wantF {
			wantSum += g.Tonnes
		}
		if len(got.Values) != len(wantF) || sum != wantSum || !strings.Contains(got.Subtitle, "HS 63079098") {
			t.Errorf("filtered: %d months, %.3f t, subtitle %q; want %d months, %.3f t", len(got.Values), sum, got.Subtitle, len(wantF), wantSum)
		}
		s.measure.SetSelected(measureValue)
		if got := s.monthlyChart(); got.Title != "Value (USD) by month" || !strings.HasPrefix(got.Texts[0], "$") {
			t.Errorf("value measure: title %q, first text %q", got.Title, got.Texts[0])
		}
		s.measure.SetSelected(measureTonnes)
		s.hs.SetText("")
		settle(t, u)
	})
	if s.charts.exportPNG.Disabled() || s.charts.exportSVG.Disabled() {
		t.Error("export buttons disabled with totals shown")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		c    *chart.Chart
	}{{"groups.png", s.groupsChart()}, {"groups.svg", s.groupsChart()}, {"months.png", s.monthlyChart()}, {"months.svg", s.monthlyChart()}} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			s.writeChart(tc.c, p)
			settle(t, u)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(tc.name, ".svg") {
				if !bytes.HasPrefix(b, []byte("<svg ")) || !strings.Contains(string(b), "Source: customs records (") {
					t.Errorf("%s is not the SVG chart with its source line: %.200s", tc.name, b)
				}
				return
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if img.Bounds().Dx() != chart.ArticleWidth*chart.PNGScale {
				t.Errorf("%s is %v wide", tc.name, img.Bounds())
			}
		})
	}
	if img := s.drawMonthly(600, 300); img.Bounds().Dx() != 600 {
		t.Errorf("on-screen monthly chart: %v, want 600 wide", img.Bounds())
	}
}

func TestFmtTonnes(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{{1924.161, "1,924.161"}, {0.5, "0.500"}, {999.9996, "1,000.000"}, {1234567.8, "1,234,567.800"}, {-2.25, "-2.250"}} {
		if got := fmtTonnes(tc.in); got != tc.want {
			t.Errorf("fmtTonnes(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTidyCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"8773.700000000001", "8773.7"}, {"0.30000000000000004", "0.3"}, {"1234.5", "1234.5"},
		{"0101210000000000", "0101210000000000"}, {"12345678901234567", "12345678901234567"},
		{"OOO TEKHKRIM", "OOO TEKHKRIM"}, {"1.5E+10", "1.5E+10"}, {"-2.0000000000000004", "-2"},
	} {
		if got := tidyCell(tc.in); got != tc.want {
			t.Errorf("tidyCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
