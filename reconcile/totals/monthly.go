package totals

import "time"

// MonthSeries orders a ByMonth table for a time series: the months in
// calendar order, with every month between the first and the last that
// has no shipment as an empty group (a gap in the data must show as a
// zero, not vanish from the axis). Shipments without a known date are
// returned apart as unknown (nil when there are none), so a chart can
// say what it leaves out.
func MonthSeries(t *Table) (months []Group, unknown *Group) {
	if t == nil {
		return nil, nil
	}
	have := map[string]Group{}
	var first, last time.Time
	for _, g := range t.Groups {
		m, err := time.Parse("2006-01", g.Label)
		if err != nil || g.Key != "M"+g.Label {
			g := g
			unknown = &g
			continue
		}
		have[g.Label] = g
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	if first.IsZero() {
		return nil, unknown
	}
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		l := m.Format("2006-01")
		g, ok := have[l]
		if !ok {
			g = Group{Key: "M" + l, Label: l}
		}
		months = append(months, g)
	}
	return months, unknown
}
