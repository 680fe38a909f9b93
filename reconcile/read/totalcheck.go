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
	// Multiple is k when every figure read is k times the total's (k ≥ 2):
	// rows that repeat others, such as subtotals, were read as records.
	Multiple int
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
	if c.Multiple >= 2 {
		return fmt.Sprintf("total row %d differs from %s above it (%s): they add up to %d times the total, so subtotal or repeated rows were probably read as shipments; check the rows without a date or party, and map or exclude them", c.Row, rows, strings.Join(c.Differences, "; "), c.Multiple)
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
	group, all [measureCount]float64
	// groupSlack and allSlack add up half the last written digit of each
	// figure summed (in the figure's unit, after conversion): a total
	// worked out from unrounded values, or rounded once at the end,
	// differs from the sum of rounded cells by up to that much.
	groupSlack, allSlack [measureCount]float64
	groupN, allN         int
	// The values' currency: a sum of roubles, dollars and yuan says
	// nothing, so "value" is compared only when one currency was seen.
	groupCur, allCur     string
	groupMixed, allMixed bool
}

// valueIndex is the place of "value" in measuresOf.
const valueIndex = 2

func (s *sums) add(rec *reconcile.Record, q *[measureCount]float64) {
	for m, n := range measuresOf(rec) {
		if n.Valid {
			s.group[m] += n.Value
			s.all[m] += n.Value
			half := q[m] / 2
			s.groupSlack[m] += half
			s.allSlack[m] += half
		}
	}
	if rec.Value.Valid {
		sameCur(&s.groupCur, &s.groupMixed, rec.Currency)
		sameCur(&s.allCur, &s.allMixed, rec.Currency)
	}
	s.groupN++
	s.allN++
}

func sameCur(cur *string, mixed *bool, c string) {
	if *cur == "" && !*mixed {
		*cur = c
	}
	if c != *cur || c == "" {
		*mixed = true
	}
}

func (s *sums) endGroup() {
	s.group = [measureCount]float64{}
	s.groupSlack = [measureCount]float64{}
	s.groupN = 0
	s.groupCur, s.groupMixed = "", false
}

// sameSum compares a total's figure with a sum of parsed figures: equal
// to a cent (totals are often rounded to two decimals), to a part in a
// million, or within slack, the rounding the written figures allow.
func sameSum(v, sum, slack float64) bool {
	d := math.Abs(v - sum)
	return d <= 0.011 || d <= 1e-6*math.Abs(sum) || d <= slack
}

// quantum is the step of the last digit a figure was written with, in the
// figure's unit: 0.4536 for "16388" lb read as kg, 0.1 for "1200,5" kg.
// The digits of the cell's text read as one integer, times the quantum,
// give the value whatever the separators and the unit conversion were. 0
// when it cannot tell (no text, exponent notation).
func quantum(n *reconcile.Number, text string) float64 {
	if !n.Valid || text == "" || strings.ContainsAny(text, "eE") {
		return 0
	}
	var digits float64
	for _, r := range text {
		if r >= '0' && r <= '9' {
			digits = digits*10 + float64(r-'0')
		}
	}
	if digits == 0 || digits > 1e15 {
		return 0
	}
	return math.Abs(n.Value) / digits
}

// measureFields are the columns measuresOf reads, in its order.
var measureFields = [measureCount]reconcile.Field{reconcile.FieldNetWeight, reconcile.FieldGrossWeight,
	reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldQuantity}

// quanta gives each measure of rec its quantum, from the cells of row r
// (typed numbers keep no raw text in the record, so the cell is read).
func (p *plan) quanta(r *rawRow, rec *reconcile.Record) (q [measureCount]float64) {
	for m, n := range measuresOf(rec) {
		if i := p.col(measureFields[m]); i >= 0 {
			q[m] = quantum(n, cellAt(r, i).s)
		}
	}
	return q
}

// matchAgainst reports whether every figure the total carries equals the
// sums; present counts those figures.
func matchAgainst(rec *reconcile.Record, q, sum, slack *[measureCount]float64, mixed bool) (ok bool, present int) {
	ok = true
	for m, n := range measuresOf(rec) {
		if !n.Valid || m == valueIndex && mixed {
			continue
		}
		present++
		if !sameSum(n.Value, sum[m], slack[m]+q[m]/2) {
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
func (s *SheetReader) sumTotal(rec *reconcile.Record, q *[measureCount]float64) (c TotalCheck, ok bool) {
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
	if n, ok := s.sumOfAbove(rec, q, minRows, 2); ok {
		return TotalCheck{Row: rec.Source.Row, How: "figures equal the sum of the rows above", Rows: n, Matches: true}, true
	}
	return TotalCheck{}, false
}

// sumOfAbove reports whether rec's figures equal the sum of the rows
// since the last total (at least minGroup of them) or of all the sheet's
// rows (at least minAll, and more than the group), and of how many.
func (s *SheetReader) sumOfAbove(rec *reconcile.Record, q *[measureCount]float64, minGroup, minAll int) (int, bool) {
	if s.sums.groupN >= minGroup {
		if ok, _ := matchAgainst(rec, q, &s.sums.group, &s.sums.groupSlack, s.sums.groupMixed); ok {
			return s.sums.groupN, true
		}
	}
	if s.sums.allN >= minAll && s.sums.allN != s.sums.groupN {
		if ok, _ := matchAgainst(rec, q, &s.sums.all, &s.sums.allSlack, s.sums.allMixed); ok {
			return s.sums.allN, true
		}
	}
	return 0, false
}

// labelTotal checks a total row recognised by its label or a SUM formula
// against the records above it. A total with no figures, or above every
// record, checks nothing.
func (s *SheetReader) labelTotal(r *rawRow, how string) {
	defer s.sums.endGroup()
	rec, _ := s.plan.build(r)
	q := s.plan.quanta(r, &rec)
	if s.sums.allN == 0 {
		return
	}
	if s.sums.groupN > 0 {
		if ok, present := matchAgainst(&rec, &q, &s.sums.group, &s.sums.groupSlack, s.sums.groupMixed); ok || present == 0 {
			if ok {
				s.totals = append(s.totals, TotalCheck{Row: r.num, How: how, Rows: s.sums.groupN, Matches: true})
			}
			return
		}
	}
	if ok, present := matchAgainst(&rec, &q, &s.sums.all, &s.sums.allSlack, s.sums.allMixed); ok || present == 0 {
		if ok {
			s.totals = append(s.totals, TotalCheck{Row: r.num, How: how, Rows: s.sums.allN, Matches: true})
		}
		return
	}
	sum, slack, n, mixed := &s.sums.all, &s.sums.allSlack, s.sums.allN, s.sums.allMixed
	if s.sums.groupN > 0 {
		sum, slack, n, mixed = &s.sums.group, &s.sums.groupSlack, s.sums.groupN, s.sums.groupMixed
	}
	c := TotalCheck{Row: r.num, How: how, Rows: n}
	k, kOK := 0, true
	for m, v := range measuresOf(&rec) {
		if m == valueIndex && mixed {
			continue
		}
		if v.Valid {
			km := multiple(sum[m], v.Value)
			if km < 2 || k != 0 && km != k {
				kOK = false
			}
			k = km
		}
		if v.Valid && !sameSum(v.Value, sum[m], slack[m]+q[m]/2) {
			c.Differences = append(c.Differences, fmt.Sprintf("%s %s in the total, %s read", measureNames[m],
				strconv.FormatFloat(v.Value, 'f', -1, 64), strconv.FormatFloat(math.Round(sum[m]*1000)/1000, 'f', -1, 64)))
		}
	}
	if kOK && k >= 2 {
		c.Multiple = k
	}
	s.totals = append(s.totals, c)
}

// multiple is the whole number k with sum ≈ k × total (within half a
// percent), 0 when there is none.
func multiple(sum, total float64) int {
	if total <= 0 || sum <= 0 {
		return 0
	}
	k := math.Round(sum / total)
	if k < 1 || k > 20 || math.Abs(sum-k*total) > 0.005*sum {
		return 0
	}
	return int(k)
}

// TotalChecks returns the checks of the sheet's total rows so far.
func (s *SheetReader) TotalChecks() []TotalCheck { return append([]TotalCheck(nil), s.totals...) }

// HiddenRows returns how many records came from rows hidden in Excel.
func (s *SheetReader) HiddenRows() int { return s.hiddenRows }
