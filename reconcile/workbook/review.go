package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
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
			excelize.Cell{StyleID: w.st.Score, Value: scoreValue(p.Score)}, strings.Join(p.Reasons, "; "), ""}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

// scoreValue drops the float32 noise of a name-match score (0.88 computed
// in float32 is 0.879999995231628 as a float64): the score is shown to
// two decimals and nothing sums it.
func scoreValue(s float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(s, 'g', -1, 32), 64)
	if err != nil {
		return s
	}
	return v
}
