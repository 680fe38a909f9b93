package read

import (
	"fmt"
	"sort"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// settleHints decides the decimal separator of measure columns whose own
// cells do not: "3.471" alone could be 3.471 or 3471. In order:
//
//   - the column's own votes (GuessNumberHint), kept when they decide;
//   - the sheet's: every measure column's votes added up, when they agree
//     ("50000.50" in the value column makes "3.471" a decimal in the
//     weight column; "50000,50" makes it 3471);
//   - the unit: in tonnes three decimals are kilograms, so a lone
//     separator is the decimal one;
//   - otherwise the default stays (thousands: right for money, which has
//     two decimals, and pieces, which have none) and weight columns with
//     such cells are listed in unsettled: their values are flagged
//     ambiguous_number and the sheet warns, never a silent thousandfold.
func (p *plan) settleHints() {
	var sheet values.NumberVotes
	votes := map[int]values.NumberVotes{}
	for i := range p.numHint {
		v := values.CountNumberVotes(p.cols[i].Samples)
		votes[i] = v
		sheet.Comma += v.Comma
		sheet.Point += v.Point
	}
	for i, h := range p.numHint {
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
		c := p.cols[i]
		if c.Field != reconcile.FieldNetWeight && c.Field != reconcile.FieldGrossWeight {
			continue
		}
		if c.Factor >= 1000 && c.Unit != "from unit column" {
			p.numHint[i] = values.HintLoneDecimal
			continue
		}
		p.unsettled = append(p.unsettled, i)
	}
	sort.Ints(p.unsettled) // map order is random; warnings must not be
}

// unsettledWarnings explains the columns settleHints could not decide.
func (p *plan) unsettledWarnings() []string {
	var out []string
	for _, i := range p.unsettled {
		c := p.cols[i]
		ex := ""
		for _, s := range c.Samples {
			if strings.ContainsAny(s, ".,") {
				ex = s
				break
			}
		}
		out = append(out, fmt.Sprintf("column %s %q: values like %q could be decimals or thousands and nothing in the file tells; read as thousands and flagged ambiguous_number — set the column's unit to t if they are tonnes, or check the source",
			reconcile.ColumnName(i+1), c.Header, ex))
	}
	return out
}
