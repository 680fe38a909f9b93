package merge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Undecided container groups (one value and one weight on every line)
// settled by another source's row: see the top of containers.go.

// settle decides the undecided groups by the rows of other sources
// that would merge with a group's added figures: those carrying its B/L
// number with an agreeing HS-6 and weight, and those the fuzzy rule
// pairs with it (same consignee and shipper, HS-6, date window and
// weight). When each such row that tells gives a value equal to the one
// repeated value, or each the sum, that is the reading; a row whose
// value is neither (an export's FOB value, a value with no rate) tells
// nothing. Otherwise the rows stay apart, and Result.containerWhy tells
// Possible duplicates why.
func (r *reconciler) settle(groups [][]int32) {
	if len(groups) == 0 {
		return
	}
	// Candidates by B/L number and by consignee entity, built once.
	byBL, byCons := map[string][]int32{}, map[int32][]int32{}
	for j := range r.in.Records {
		if r.res.DuplicateOf[j] >= 0 || r.isLine(j) || r.monthly(j) {
			continue
		}
		o := &r.in.Records[j]
		for _, id := range values.IDSet(reconcile.FieldBillOfLading, o.BillOfLading) {
			byBL[id] = append(byBL[id], int32(j))
		}
		if c := r.in.Consignee[j]; c >= 0 {
			byCons[c] = append(byCons[c], int32(j))
		}
	}
	if r.agg == nil {
		r.agg = map[int32]*reconcile.Record{}
	}
	for _, rows := range groups {
		r.settleOne(rows, byBL, byCons)
	}
}

func (r *reconciler) settleOne(rows []int32, byBL map[string][]int32, byCons map[int32][]int32) {
	g := &containerGroup{rows: rows, bl: r.in.Records[rows[0]].BillOfLading}
	if g.bl == "" {
		g.bl = r.in.Records[rows[0]].DeclarationID
	}
	for _, x := range rows {
		g.containers = append(g.containers, values.IDSet(reconcile.FieldContainer, r.in.Records[x].Container)...)
	}
	agg, _, _ := r.addLines(g)
	lead := rows[0]
	bl := values.NormalizeID(reconcile.FieldBillOfLading, g.bl)
	// Test the pairings with the group's added figures in place.
	r.agg[lead] = agg
	verdict, by := 0, ""
	var seen []int32
	test := func(j int32, sameBL bool) bool {
		if r.in.SourceOf[j] == r.in.SourceOf[lead] || slices.Contains(seen, j) {
			return true
		}
		seen = append(seen, j)
		o := &r.in.Records[j]
		if sameBL {
			if !hsCompatible(agg.HSCode, o.HSCode) {
				return true
			}
			if _, ok := r.compareWeights(lead, j); !ok {
				return true
			}
		} else if !r.compare(lead, j, false).ok {
			return true
		}
		switch v := r.valueReading(&r.in.Records[lead], agg, o); {
		case v == 0:
		case verdict != 0 && v != verdict:
			verdict = -1
			return false
		default:
			verdict, by = v, RowKey(o.Source)
		}
		return true
	}
	ok := true
	if bl != "" {
		for _, j := range byBL[bl] {
			if ok = test(j, true); !ok {
				break
			}
		}
	}
	if c := r.in.Consignee[lead]; ok && c >= 0 {
		for _, j := range byCons[c] {
			if !test(j, false) {
				break
			}
		}
	}
	delete(r.agg, lead)
	once := r.in.Records[lead].Value
	if !once.Valid {
		once = r.in.Records[lead].ValueUSD
	}
	switch verdict {
	case valueOnce:
		val := []reconcile.Number{r.in.Records[lead].Value}
		usd := []reconcile.Number{r.in.Records[lead].ValueUSD}
		one, added := r.once(agg, val, usd)
		g.value = "value taken once (as " + by + " gives it)"
		g.note = fmt.Sprintf("the same value %s and weight on each of %d container rows of B/L %s: %s, whose weight fits the containers' together, gives the value once, so it is counted once (added it would be %s)", one, len(rows), g.bl, by, added)
		r.keepGroup(g, agg)
		return
	case valueSum:
		g.value = "values added (as " + by + " gives the sum)"
		g.note = fmt.Sprintf("the same value and weight on each of %d container rows of B/L %s: %s, whose weight fits the containers' together, gives their sum, so the values are added", len(rows), g.bl, by)
		r.keepGroup(g, agg)
		return
	}
	why := fmt.Sprintf("containers %s of B/L %s: the same value (%s) and the same weight on every row, so the value may be per container (add them) or the B/L's written on each line (count it once), and no other source tells which: they are left apart. A declaration of this shipment in another source (with a rate for its currency) decides it: its value equals one row's or their sum",
		joinAnd(g.containers), g.bl, fmtNum(once.Value))
	if r.res.containerWhy == nil {
		r.res.containerWhy = map[int32]string{}
	}
	for _, x := range rows {
		r.res.containerWhy[x] = why
	}
}

// valueReading compares row o's value with the lead's (one line's) and
// the group's added value: valueOnce or valueSum when it equals just one
// of them (within 0.5 %, in one currency or in USD), 0 otherwise.
func (r *reconciler) valueReading(lead, agg, o *reconcile.Record) int {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 0.005*math.Max(math.Abs(x), math.Abs(y))+1e-9 }
	pick := func(one, all, v reconcile.Number) int {
		if !one.Valid || !all.Valid || !v.Valid {
			return 0
		}
		switch a, b := near(v.Value, one.Value), near(v.Value, all.Value); {
		case a && !b:
			return valueOnce
		case b && !a:
			return valueSum
		}
		return 0
	}
	if lead.Currency != "" && strings.EqualFold(lead.Currency, o.Currency) {
		if v := pick(lead.Value, agg.Value, o.Value); v != 0 {
			return v
		}
	}
	if v := pick(r.usd(lead), r.usd(agg), r.usd(o)); v != 0 {
		return v
	}
	return 0
}

// usd is a row's value in US dollars: as given, or converted with the
// user's rates (Options.ToUSD); invalid when neither.
func (r *reconciler) usd(rec *reconcile.Record) reconcile.Number {
	if rec.ValueUSD.Valid {
		return rec.ValueUSD
	}
	if !rec.Value.Valid || rec.Currency == "" || r.opt.ToUSD == nil {
		return reconcile.Number{}
	}
	month := ""
	if rec.Date.Known() {
		month = rec.Date.Time.Format("2006-01")
	}
	if v, ok := r.opt.ToUSD(rec.Value.Value, rec.Currency, month); ok {
		return reconcile.Num(v)
	}
	return reconcile.Number{}
}
