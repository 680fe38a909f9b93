package merge

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Container lines. A B/L feed (ImportGenius, Panjiva, a vendor's
// manifest export) often writes one row per container: the rows of one
// shipment share the B/L number, the parties, the date and the HS code
// and differ by container number. Counted as rows, a two-container
// shipment is two shipments, its weight is split between them and only
// one can merge with the declaration of the whole shipment.
//
// Rows of one source that share a B/L (or declaration and item) number,
// the consignee and shipper, the date and HS-6, and whose container
// numbers all differ, are the container lines of one shipment: the first
// in canonical order (the lead) stands for the group with the weights
// and quantities added, the others ride along in the same shipment
// (Shipment.Rows, their reasons saying so). The value is
//
//   - added when the rows' values differ or only some rows give one (a
//     feed that writes the B/L's value on its first line);
//   - taken once when every row repeats one value and the weights
//     differ: a per-container value would follow the load, so this is
//     the B/L's value written on each line (a discrepancy says so);
//   - undecided when every row repeats one value and one weight: the
//     value may be per container or per B/L. A row of another source
//     with the same B/L number whose weight fits the group's decides
//     when its value is the one or the sum; otherwise the rows stay
//     apart and Possible duplicates names the containers.
//
// A row repeating a container number of the group with every field
// equal but for a float artefact (3460.0000000001, a spreadsheet's
// rounding) is an exact duplicate; one that differs otherwise leaves
// the group undecided (two readings of one container).

// containerGroup is one group of container lines.
type containerGroup struct {
	rows       []int32 // lead first, then in canonical order
	containers []string
	bl         string // the B/L (or declaration) number as written on the lead
	// value says what was done with the value, for reasons; note, when
	// set, is the discrepancy rule an editor should check (a value taken
	// once, or settled by another source).
	value, note string
}

// lineGroup is a shipment's container lines: Rows[k] is the lead, whose
// figures come from rec (the group's), and lines rows of Rows are the
// other container lines.
type lineGroup struct {
	k     int16
	lines int16
	rec   *reconcile.Record
	// line holds the indexes in Rows of the other container lines, whose
	// figures are already in rec (Shipment.RowFigures).
	line []int16
}

// rec is record i as the rules see it: a container group's lead with the
// group's figures.
func (r *reconciler) rec(i int32) *reconcile.Record {
	if r.agg != nil {
		if a := r.agg[i]; a != nil {
			return a
		}
	}
	return &r.in.Records[i]
}

// isLine reports whether row i is a container line other than its
// group's lead.
func (r *reconciler) isLine(i int) bool { return r.lineOf != nil && r.lineOf[i] >= 0 }

// Value modes of a container group.
const (
	valueNone = iota // no row gives one
	valueSum         // added
	valueOnce        // one value repeated on every row
	valueBad         // a value that did not parse, or currencies that differ
)

// containers finds the container groups (see above) and records them in
// lineOf, agg and lines; undecided groups go to Result.containerWhy.
func (r *reconciler) containers() {
	// A key per row with a container, hashed: the rows are sorted by
	// hash and each run of one hash split by the full key (a collision
	// must not join two B/Ls). A million container rows cost 16 MB of
	// pairs, not a map of a million strings.
	key := func(i int) string {
		rec := &r.in.Records[i]
		id := ""
		if bl := values.NormalizeID(reconcile.FieldBillOfLading, rec.BillOfLading); bl != "" {
			id = "B" + bl
		} else if d := values.NormalizeID(reconcile.FieldDeclarationID, rec.DeclarationID); d != "" {
			id = "D" + d + "/" + NormalizeItem(rec.ItemNo)
		}
		if id == "" {
			return ""
		}
		hs := rec.HSCode
		if len(hs) > 6 {
			hs = hs[:6]
		}
		party := func(ent int32, p reconcile.Party) string {
			if ent >= 0 {
				return "#" + strconv.Itoa(int(ent))
			}
			return strings.ToUpper(strings.Join(strings.Fields(p.Name()), " "))
		}
		return strings.Join([]string{strconv.Itoa(int(r.in.SourceOf[i])), id, rec.Date.String(), hs,
			party(r.in.Consignee[i], rec.Consignee), party(r.in.Shipper[i], rec.Shipper)}, "\x1f")
	}
	type hashed struct {
		h   uint64
		row int32
	}
	seed := maphash.MakeSeed()
	var hs []hashed
	for i := range r.in.Records {
		if r.res.DuplicateOf[i] >= 0 || r.in.Records[i].Container == "" || r.monthly(i) || r.isSplit(i) {
			continue
		}
		if k := key(i); k != "" {
			hs = append(hs, hashed{maphash.String(seed, k), int32(i)})
		}
	}
	slices.SortFunc(hs, func(a, b hashed) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		return cmp.Compare(r.ord[a.row], r.ord[b.row])
	})
	var order [][]int32
	for lo := 0; lo < len(hs); {
		hi := lo + 1
		for hi < len(hs) && hs[hi].h == hs[lo].h {
			hi++
		}
		if hi-lo > 1 {
			byKey := map[string][]int32{}
			var keys []string
			for _, x := range hs[lo:hi] {
				k := key(int(x.row))
				if _, ok := byKey[k]; !ok {
					keys = append(keys, k)
				}
				byKey[k] = append(byKey[k], x.row)
			}
			for _, k := range keys {
				order = append(order, byKey[k])
			}
		}
		lo = hi
	}
	var undecided [][]int32
	// Groups in canonical order of their first rows, rows in canonical
	// order within each.
	slices.SortFunc(order, func(a, b []int32) int { return cmp.Compare(r.ord[a[0]], r.ord[b[0]]) })
	for _, rows := range order {
		if len(rows) < 2 {
			continue
		}
		rows, conts, ok := r.distinctContainers(rows)
		if !ok || len(rows) < 2 {
			continue
		}
		g := &containerGroup{rows: rows, containers: conts, bl: r.in.Records[rows[0]].BillOfLading}
		if g.bl == "" {
			g.bl = r.in.Records[rows[0]].DeclarationID
		}
		agg, mode, ok := r.addLines(g)
		switch {
		case !ok:
			continue
		case mode == valueBad:
			undecided = append(undecided, rows)
			continue
		}
		r.keepGroup(g, agg)
	}
	r.settle(undecided)
}

// distinctContainers drops from rows (canonical order) the rows that
// repeat an earlier row's containers with every field equal to 12
// significant digits, marking them exact duplicates; ok is false when a
// container repeats with other content or two rows' containers overlap.
func (r *reconciler) distinctContainers(rows []int32) (kept []int32, conts []string, ok bool) {
	seen := map[string]int32{}
	var b, c strings.Builder
	for _, x := range rows {
		ids := values.IDSet(reconcile.FieldContainer, r.in.Records[x].Container)
		if len(ids) == 0 {
			return nil, nil, false
		}
		slices.Sort(ids)
		key := strings.Join(ids, " ")
		if first, dup := seen[key]; dup {
			b.Reset()
			c.Reset()
			contentKeyDigits(&b, &r.in.Records[first], 12)
			contentKeyDigits(&c, &r.in.Records[x], 12)
			if b.String() != c.String() {
				return nil, nil, false
			}
			r.res.DuplicateOf[x] = first
			r.res.Duplicates++
			continue
		}
		for _, id := range ids {
			if slices.Contains(conts, id) {
				return nil, nil, false
			}
		}
		seen[key] = x
		conts = append(conts, ids...)
		kept = append(kept, x)
	}
	return kept, conts, true
}

// addLines builds the group's record: the lead's, with weights and
// quantities added and the value by the rules above. ok is false when
// the rows cannot be added (a weight on some rows only, a weight or
// value that did not parse, two currencies or quantity units); mode
// valueBad then means undecided (one value, one weight on every row),
// with agg the group's record as if the values were added.
func (r *reconciler) addLines(g *containerGroup) (agg *reconcile.Record, mode int, ok bool) {
	recs := make([]*reconcile.Record, len(g.rows))
	for k, x := range g.rows {
		recs[k] = &r.in.Records[x]
	}
	get := func(f func(*reconcile.Record) reconcile.Number) []reconcile.Number {
		out := make([]reconcile.Number, len(recs))
		for k, rec := range recs {
			out[k] = f(rec)
		}
		return out
	}
	net := get(func(rec *reconcile.Record) reconcile.Number { return rec.NetKg })
	gross := get(func(rec *reconcile.Record) reconcile.Number { return rec.GrossKg })
	qty := get(func(rec *reconcile.Record) reconcile.Number { return rec.Quantity })
	val := get(func(rec *reconcile.Record) reconcile.Number { return rec.Value })
	usd := get(func(rec *reconcile.Record) reconcile.Number { return rec.ValueUSD })
	nn, ng := given(net), given(gross)
	if nn < 0 || ng < 0 || nn != 0 && nn != len(recs) || ng != 0 && ng != len(recs) || nn+ng == 0 {
		return nil, 0, false
	}
	cur, unit := "", ""
	for _, rec := range recs {
		if rec.Value.Valid && !sameText(&cur, rec.Currency) || rec.Quantity.Valid && !sameText(&unit, rec.QuantityUnit) {
			return nil, 0, false
		}
	}
	if given(qty) < 0 || given(val) < 0 || given(usd) < 0 {
		return nil, 0, false
	}
	weightsDiffer := !allEqual(net) || !allEqual(gross)
	repeated := given(val) == len(recs) && allEqual(val) || given(usd) == len(recs) && allEqual(usd)
	a := *recs[0]
	a.Container = strings.Join(g.containers, ", ")
	a.NetKg, a.GrossKg = sum(net), sum(gross)
	a.Currency = cur
	if a.Quantity = sum(qty); a.Quantity.Valid {
		a.QuantityUnit = unit
	}
	a.Value, a.ValueUSD = sum(val), sum(usd)
	n := len(recs)
	switch {
	case !repeated:
		g.value = "values added"
		if gv := max(given(val), given(usd)); gv == 0 {
			g.value = "no value given"
		} else if gv < n {
			g.value = "the value given on " + plural(gv, "row") + " of " + strconv.Itoa(n) + " counted as given"
		}
		return &a, valueSum, true
	case weightsDiffer:
		if given(val) == n && !allEqual(val) || given(usd) == n && !allEqual(usd) {
			return nil, 0, false // one repeated, the other not: no reading fits both
		}
		once, added := r.once(&a, val, usd)
		g.value = "value taken once"
		g.note = fmt.Sprintf("the same value %s on each of %d container rows of B/L %s, whose weights differ: read as the B/L's value written on every line and counted once (added it would be %s) — check against the declaration", once, n, g.bl, added)
		return &a, valueOnce, true
	}
	return &a, valueBad, true
}

// once sets a's values to the first row's (every row repeats it) and
// returns it and the sum, as text.
func (r *reconciler) once(a *reconcile.Record, val, usd []reconcile.Number) (once, added string) {
	one, all := a.ValueUSD, a.ValueUSD
	unit := " USD"
	if val[0].Valid {
		one, all, unit = val[0], a.Value, " "+a.Currency
		if a.Currency == "" {
			unit = ""
		}
	}
	if val[0].Valid {
		a.Value = val[0]
	}
	if usd[0].Valid {
		a.ValueUSD = usd[0]
	}
	return fmtNum(one.Value) + unit, fmtNum(all.Value) + unit
}

// keepGroup records g as one shipment's container lines.
func (r *reconciler) keepGroup(g *containerGroup, agg *reconcile.Record) {
	if r.lineOf == nil {
		r.lineOf = filled(len(r.in.Records), -1)
		r.lines = map[int32]*containerGroup{}
	}
	if r.agg == nil {
		r.agg = map[int32]*reconcile.Record{}
	}
	lead := g.rows[0]
	for _, x := range g.rows[1:] {
		r.lineOf[x] = lead
	}
	r.agg[lead] = agg
	r.lines[lead] = g
}

// attachLines puts each container line in its lead's shipment, after the
// rules have run on the leads.
func (r *reconciler) attachLines() {
	for lead, g := range r.lines {
		uid := r.unit[lead]
		if uid < 0 {
			continue
		}
		u := r.units[uid]
		if k := slices.Index(u.rows, lead); k >= 0 {
			u.reasons[k] = r.text.Add(u.reasons[k] + "; container lines of B/L " + g.bl + " (" + joinAnd(g.containers) + "): weights added, " + g.value)
		}
		for _, x := range g.rows[1:] {
			u.rows = append(u.rows, x)
			u.reasons = append(u.reasons, r.text.Add("container "+r.in.Records[x].Container+" of B/L "+g.bl+", with "+RowKey(r.in.Records[lead].Source)+
				" (same B/L, consignee, shipper, date and HS-6; another container): one shipment, weights added, "+g.value))
			r.unit[x] = uid
		}
	}
}

// containerNotes lists, for each shipment whose container rows repeat a
// value that was counted once or settled by another source, a
// discrepancy an editor can check.
func (r *reconciler) containerNotes() {
	if len(r.lines) == 0 {
		return
	}
	for i := range r.res.Shipments {
		sh := &r.res.Shipments[i]
		if sh.group == nil {
			continue
		}
		g := r.lines[sh.Rows[sh.group.k]]
		if g == nil || g.note == "" {
			continue
		}
		var obs []Observed
		for _, x := range g.rows {
			rec := &r.in.Records[x]
			v := rec.Value
			unit := " " + rec.Currency
			if !v.Valid {
				v, unit = rec.ValueUSD, " USD"
			}
			if v.Valid {
				obs = append(obs, Observed{rec.Source, fmtNum(v.Value) + strings.TrimRight(unit, " ")})
			}
		}
		v, cur := sh.Value(r.in.Records)
		used := fmtNum(v.Value) + " " + cur
		if !v.Valid {
			used = fmtNum(sh.ValueUSD(r.in.Records).Value) + " USD"
		}
		r.res.Discrepancies = append(r.res.Discrepancies, Discrepancy{Shipment: sh.ID, Kind: KindRepaired, Field: reconcile.FieldValue,
			Values: obs, Used: strings.TrimSpace(used), Rule: g.note})
	}
}

// given counts the valid numbers, -1 when one did not parse.
func given(ns []reconcile.Number) int {
	n := 0
	for _, x := range ns {
		switch {
		case x.Valid:
			n++
		case x.Raw != "":
			return -1
		}
	}
	return n
}

// allEqual: the valid numbers agree to 12 significant digits (a
// spreadsheet's 2280.0000000001 is 2280).
func allEqual(ns []reconcile.Number) bool {
	for _, x := range ns[1:] {
		if x.Valid != ns[0].Valid || x.Valid && math.Abs(x.Value-ns[0].Value) > 1e-12*math.Max(math.Abs(x.Value), math.Abs(ns[0].Value)) {
			return false
		}
	}
	return true
}

// sum adds the valid numbers, rounded to a millionth so float artefacts
// do not show; invalid when none is.
func sum(ns []reconcile.Number) reconcile.Number {
	s, any := 0.0, false
	for _, x := range ns {
		if x.Valid {
			s, any = s+x.Value, true
		}
	}
	if !any {
		return reconcile.Number{}
	}
	s = math.Round(s*1e6) / 1e6
	return reconcile.Number{Value: s, Valid: true, Raw: strconv.FormatFloat(s, 'f', -1, 64)}
}

// sameText keeps the first non-empty v in *dst and reports whether v
// agrees with it.
func sameText(dst *string, v string) bool {
	v = strings.TrimSpace(v)
	if *dst == "" {
		*dst = v
	}
	return v == "" || strings.EqualFold(v, *dst)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// joinAnd writes "a, b and c".
func joinAnd(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// containerWhy is why container rows of one B/L in shipments A and B
// were left apart (Result.containerWhy), "" when they are not such rows.
func (d *dupJudge) containerWhy(A, B *Shipment) string {
	if len(d.res.containerWhy) == 0 || len(A.Rows) == 0 || len(B.Rows) == 0 {
		return ""
	}
	if a, b := d.res.containerWhy[A.Rows[0]], d.res.containerWhy[B.Rows[0]]; a != "" && a == b {
		return a
	}
	return ""
}
