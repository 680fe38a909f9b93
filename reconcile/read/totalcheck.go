package read

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// TotalCheck is what one total row of a sheet says about the rows read:
// its figures against the sums of the records above it.
type TotalCheck struct {
	Row     int    // the total row, 1-based
	How     string // how it was recognised: its label, "SUM formula in column F", "figures equal the sum of the rows above"
	Rows    int    // records its figures were compared with
	Matches bool
	// Differences names each measure that differs: "net weight 2000.5
	// in the total, 1800.5 read".
	Differences []string
}

// String is the check as the Sources sheet, the Summary notes and inspect
// show it.
func (c TotalCheck) String() string {
	rows := fmt.Sprintf("the %d rows read", c.Rows)
	if c.Rows == 1 {
		rows = "the row read"
	}
	if c.Matches {
		return fmt.Sprintf("total row %d matches %s", c.Row, rows)
	}
	return fmt.Sprintf("total row %d differs from %s above it (%s): rows may be missing or misread", c.Row, rows, strings.Join(c.Differences, "; "))
}

// measureCount is the number of summed measures: net and gross weight,
// value, value in USD, quantity.
const measureCount = 5

var measureNames = [measureCount]string{"net weight (kg)", "gross weight (kg)", "value", "value USD", "quantity"}

func measuresOf(rec *reconcile.Record) [measureCount]*reconcile.Number {
	return [measureCount]*reconcile.Number{&rec.NetKg, &rec.GrossKg, &rec.Value, &rec.ValueUSD, &rec.Quantity}
}

// sums adds up the measures of records: those since the last total row
// (a group, for subtotals) and all of the sheet's (for a grand total,
// which subtotals do not enter).
type sums struct {
	group, all       [measureCount]float64
	groupN, allN     int
	groupCur, allCur currencies
}

// valueMeasure is the index of the value (in its own currency) among the
// measures.
const valueMeasure = 2

// currencies tracks the currency of the values summed: a sum of euros,
// yuan and dollars is no figure, so a total is compared with it only when
// every value summed is in the total's currency. A register whose total
// row sums the USD column only (its value column left blank) would
// otherwise be reported as missing rows.
type currencies struct {
	cur   string
	seen  bool
	mixed bool
}

func (c *currencies) add(cur string) {
	switch {
	case !c.seen:
		c.cur, c.seen = cur, true
	case c.cur != cur:
		c.mixed = true
	}
}

// comparable reports whether measure m of a total can be compared with
// the sum: always, except a value whose rows mix currencies or are in
// another currency than the total's.
func comparable(m int, total *reconcile.Record, cur currencies) bool {
	return m != valueMeasure || !cur.mixed && cur.cur == total.Currency
}

func (s *sums) add(rec *reconcile.Record) {
	for m, n := range measuresOf(rec) {
		if n.Valid {
			s.group[m] += n.Value
			s.all[m] += n.Value
		}
	}
	if rec.Value.Valid {
		s.groupCur.add(rec.Currency)
		s.allCur.add(rec.Currency)
	}
	s.groupN++
	s.allN++
}

func (s *sums) endGroup() {
	s.group = [measureCount]float64{}
	s.groupN = 0
	s.groupCur = currencies{}
}

// sameSum compares a total's figure with a sum of parsed figures: equal
// to a cent (totals are often rounded to two decimals) or to a part in a
// million.
func sameSum(v, sum float64) bool {
	d := math.Abs(v - sum)
	return d <= 0.011 || d <= 1e-6*math.Abs(sum)
}

// matchAgainst reports whether every figure the total carries equals the
// sums; present counts those figures.
func matchAgainst(rec *reconcile.Record, sum *[measureCount]float64, cur currencies) (ok bool, present int) {
	ok = true
	for m, n := range measuresOf(rec) {
		if !n.Valid || !comparable(m, rec, cur) {
			continue
		}
		present++
		if !sameSum(n.Value, sum[m]) {
			ok = false
		}
	}
	return ok && present > 0, present
}

// onlyFigures reports whether a record carries measures and nothing else:
// no party, date, code, description, identifier or country, and no flag on
// any of those (a row whose only text failed to parse is not figure-only).
func onlyFigures(rec *reconcile.Record) bool {
	if len(rec.Consignee.Names) > 0 || len(rec.Shipper.Names) > 0 || rec.Consignee.TaxID != "" || rec.Shipper.TaxID != "" ||
		rec.Date.Known() || rec.HSCode != "" || rec.Description != "" || rec.DeclarationID != "" || rec.ItemNo != "" ||
		rec.BillOfLading != "" || rec.Container != "" || rec.Invoice != "" ||
		rec.OriginCountry != "" || rec.DispatchCountry != "" || rec.DestinationCountry != "" {
		return false
	}
	for _, f := range rec.Flags {
		switch f.Field {
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldQuantity:
		default:
			return false
		}
	}
	return true
}

// sumTotal recognises a total row that has no label: figures only, each
// equal to the sum of at least two records above it (since the last total,
// or all of the sheet's). One record is not enough, unless the sheet has
// already closed a group with such a subtotal: a lone row would
// equal its own "sum", and a second item of a declaration written without
// its party (merged cells) could equal it by chance; such an item carries
// an HS code or a description, which onlyFigures refuses.
func (s *SheetReader) sumTotal(rec *reconcile.Record) (c TotalCheck, ok bool) {
	defer func() {
		if ok {
			s.sumTotals++
		}
	}()
	if !onlyFigures(rec) {
		return TotalCheck{}, false
	}
	// Once the sheet has shown it closes groups with subtotals, a
	// one-row group's subtotal is one too.
	minRows := 2
	if s.sumTotals > 0 {
		minRows = 1
	}
	if s.sums.groupN >= minRows {
		if ok, _ := matchAgainst(rec, &s.sums.group, s.sums.groupCur); ok {
			return TotalCheck{Row: rec.Source.Row, How: "figures equal the sum of the rows above", Rows: s.sums.groupN, Matches: true}, true
		}
	}
	if s.sums.allN >= 2 && s.sums.allN != s.sums.groupN {
		if ok, _ := matchAgainst(rec, &s.sums.all, s.sums.allCur); ok {
			return TotalCheck{Row: rec.Source.Row, How: "figures equal the sum of the rows above", Rows: s.sums.allN, Matches: true}, true
		}
	}
	return TotalCheck{}, false
}

// labelTotal checks a total row recognised by its label or a SUM formula
// against the records above it. A total with no figures, or above every
// record, checks nothing.
func (s *SheetReader) labelTotal(r *rawRow, how string) {
	defer s.sums.endGroup()
	rec, _ := s.plan.build(r)
	if s.sums.allN == 0 {
		return
	}
	if s.sums.groupN > 0 {
		if ok, present := matchAgainst(&rec, &s.sums.group, s.sums.groupCur); ok || present == 0 {
			if ok {
				s.totals = append(s.totals, TotalCheck{Row: r.num, How: how, Rows: s.sums.groupN, Matches: true})
			}
			return
		}
	}
	if ok, present := matchAgainst(&rec, &s.sums.all, s.sums.allCur); ok || present == 0 {
		if ok {
			s.totals = append(s.totals, TotalCheck{Row: r.num, How: how, Rows: s.sums.allN, Matches: true})
		}
		return
	}
	sum, n, cur := &s.sums.all, s.sums.allN, s.sums.allCur
	if s.sums.groupN > 0 {
		sum, n, cur = &s.sums.group, s.sums.groupN, s.sums.groupCur
	}
	c := TotalCheck{Row: r.num, How: how, Rows: n}
	for m, v := range measuresOf(&rec) {
		if v.Valid && comparable(m, &rec, cur) && !sameSum(v.Value, sum[m]) {
			c.Differences = append(c.Differences, fmt.Sprintf("%s %s in the total, %s read", measureNames[m],
				strconv.FormatFloat(v.Value, 'f', -1, 64), strconv.FormatFloat(math.Round(sum[m]*1000)/1000, 'f', -1, 64)))
		}
	}
	s.totals = append(s.totals, c)
}

// TotalChecks returns the checks of the sheet's total rows so far.
func (s *SheetReader) TotalChecks() []TotalCheck { return append([]TotalCheck(nil), s.totals...) }

// HiddenRows returns how many records came from rows hidden in Excel.
func (s *SheetReader) HiddenRows() int { return s.hiddenRows }
