package read

import (
	"fmt"
	"sort"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// settleHints decides the decimal separator of measure columns whose own
// cells do not: "3.471" alone could be 3.471 or 3471. In order (see
// numevidence.go for why):
//
//   - the user's setting for the column;
//   - the column's own text cells (GuessNumberHint), kept when they decide;
//   - the sheet's: every measure column's text votes added up, when they
//     agree ("50000.50" in the value column makes "3.471" a decimal in
//     the weight column; "50000,50" makes it 3471);
//   - for weights: the unit (in tonnes three decimals are kilograms), the
//     magnitudes of the column's typed numbers, and the headers' language;
//   - otherwise the default stays (thousands: right for money, which has
//     two decimals, and pieces, which have none) and weight columns with
//     such cells are listed in unsettled: their values are flagged
//     ambiguous_number and left out of totals until the user decides.
//
// settleByTotal, run once the plan can read rows, may override all but
// the user's setting.
func (p *plan) settleHints() {
	var sheet values.NumberVotes
	votes := map[int]values.NumberVotes{}
	for i := range p.numHint {
		v := values.CountNumberVotes(p.cols[i].voteSamples())
		votes[i] = v
		sheet.Comma += v.Comma
		sheet.Point += v.Point
	}
	locale, localeWhy := localeHint(p.cols)
	for i, h := range p.numHint {
		c := &p.cols[i]
		if u, ok := userDecimal(c.Decimal); ok {
			p.numHint[i] = u
			continue
		}
		if h != values.HintNone || votes[i].Lone == 0 {
			continue
		}
		v := votes[i]
		if v.Comma == 0 && v.Point == 0 {
			if sh := sheet.Hint(); sh != values.HintNone {
				p.numHint[i] = sh
				continue
			}
		}
		if c.Field != reconcile.FieldNetWeight && c.Field != reconcile.FieldGrossWeight {
			continue
		}
		if c.Factor >= 1000 && c.Unit != "from unit column" {
			p.numHint[i] = values.HintLoneDecimal
			continue
		}
		if mh, why := magnitudeHint(c); mh != values.HintNone {
			p.numHint[i] = mh
			c.Reason += "; " + why
			continue
		}
		if locale != values.HintNone {
			p.numHint[i] = locale
			c.Reason += "; a lone separator (“1,250”) read as that language writes it: " + localeWhy
			continue
		}
		p.unsettled = append(p.unsettled, i)
	}
	sort.Ints(p.unsettled) // map order is random; warnings must not be
}

// unsettledWarnings explains the columns settleHints could not decide;
// each front end adds where to set the separator (FixDecimalSeparator),
// since the app shows the text word for word.
func (p *plan) unsettledWarnings() []reconcile.Note {
	var out []reconcile.Note
	for _, i := range p.unsettled {
		c := p.cols[i]
		ex := ""
		for _, s := range c.Samples {
			if strings.ContainsAny(s, ".,") {
				ex = s
				break
			}
		}
		out = append(out, reconcile.Note{Text: fmt.Sprintf("column %s %q: values like %q could be decimals or thousands and nothing in the file tells; flagged ambiguous_number and left out of totals until you set the column's decimal separator, or its unit to t if they are tonnes",
			reconcile.ColumnName(i+1), c.Header, ex), Step: reconcile.Step{Fix: reconcile.FixDecimalSeparator, File: p.file, Sheet: p.sheet, Column: i + 1}})
	}
	return out
}
