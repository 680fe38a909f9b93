package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
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

// TestTotalsEntityResolvesLikeClaims types names into the Totals entity
// filter and checks that they pick the entities a claim's consignee
// filter picks for the same text (the engine's resolver, not a UI
// substring search), and that the total counts exactly their shipments.
func TestTotalsEntityResolvesLikeClaims(t *testing.T) {
	u := loadSamples(t)
	u.tabs.Select(u.tabTotals)
	s := u.totals
	byCons := u.result.Totals(totals.ByConsignee, totals.Filter{})
	var top *match.Entity
	for i := range u.result.Names.Entities {
		if e := &u.result.Names.Entities[i]; len(byCons.Groups) > 0 && e.ID == byCons.Groups[0].Key {
			top = e
		}
	}
	if top == nil {
		t.Fatalf("no entity for the top consignee group %+v", byCons.Groups[0])
	}
	typo := []rune(top.Canonical)
	typo[3] = 'Q' // a letter no transliteration maps back
	d := u.result.ClaimsData()
	lab := u.result.Labels()
	for _, tt := range []struct {
		name, q string
		how     string // how the claim resolves it
	}{
		{"entity ID", top.ID, claims.ByEntityID},
		{"canonical name", top.Canonical, claims.BySameName},
		{"lower case", strings.ToLower(top.Canonical), claims.BySameName},
		{"typo", string(typo), claims.ByClosest},
		{"unknown", "Qwxzv Plorg Trading", claims.NotFound},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v := claims.Check(d, claims.Claim{ID: "C1", Measure: claims.Shipments, Comparator: claims.AtLeast, Figure: 1,
				Filters: claims.Filters{Consignee: []string{tt.q}}})
			if len(v.Resolved) != 1 || v.Resolved[0].How != tt.how {
				t.Fatalf("claim resolves %q as %+v, want %s", tt.q, v.Resolved, tt.how)
			}
			want := v.Resolved[0].Entities
			s.entity.SetText(tt.q)
			settle(t, u)
			got := s.filter().Entities
			if tt.how == claims.NotFound {
				if len(s.rows) != 0 || s.table.Total.Shipments != 0 {
					t.Errorf("%q: %d groups, %d shipments; want none", tt.q, len(s.rows), s.table.Total.Shipments)
				}
				if !strings.Contains(s.notes.Text, "matches “"+tt.q+"”") {
					t.Errorf("notes %q do not say that nothing matches", s.notes.Text)
				}
				return
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Fatalf("Totals filter resolves %q to %v, a claim to %v", tt.q, got, want)
			}
			n := 0
			for i := range d.Shipments {
				sh := &d.Shipments[i]
				if sh.Excluded || sh.Superseded {
					continue
				}
				if slices.Contains(want, lab.EntityID(sh.Consignee)) || slices.Contains(want, lab.EntityID(sh.Shipper)) {
					n++
				}
			}
			// n counts shipment rows: goods items of one declaration are
			// rows (Items) of one shipment (Shipments).
			if s.table.Total.Items != n || n == 0 {
				t.Errorf("%q: total %d shipment rows, want %d (> 0)", tt.q, s.table.Total.Items, n)
			}
			if closest := strings.Contains(s.notes.Text, "closest name"); closest != (tt.how == claims.ByClosest) {
				t.Errorf("%q: notes %q; a closest-name guess must be flagged, and only it", tt.q, s.notes.Text)
			}
		})
	}
	s.entity.SetText("")
}
