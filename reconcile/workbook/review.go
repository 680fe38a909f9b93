package workbook

import (
	"strconv"
	"strings"
)

func (w *writer) review() error {
	d := w.d
	sw, err := w.open(SheetReview, []float64{36, 11, 12, 36, 11, 12, 8, 60, 12}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ReviewHeader); err != nil {
		return err
	}
	ent := func(m int) string {
		if m < len(d.Names.EntityOf) && d.Names.EntityOf[m] >= 0 && d.Names.EntityOf[m] < len(d.Names.Entities) {
			return d.Names.Entities[d.Names.EntityOf[m]].ID
		}
		return ""
	}
	for i, p := range d.Names.Review {
		if p.A >= len(d.Names.Mentions) || p.B >= len(d.Names.Mentions) {
			continue
		}
		a, b := d.Names.Mentions[p.A], d.Names.Mentions[p.B]
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{a.Name, string(a.Role), ent(p.A), b.Name, string(b.Role), ent(p.B),
			p.Score, strings.Join(p.Reasons, "; "), ""}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
