package merge

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/arena"
)

// build turns live units into shipments with resolved values.
func (r *reconciler) build() {
	dups := map[int32][]int32{}
	for i, d := range r.res.DuplicateOf {
		if d >= 0 {
			dups[d] = append(dups[d], int32(i))
		}
	}
	live := 0
	for _, u := range r.units {
		if !u.dead && len(u.rows) > 0 {
			live++
		}
	}
	r.res.Shipments = make([]Shipment, 0, live)
	var idx []int
	var rows, dupRows []int32
	var reasons []string
	for ui, u := range r.units {
		r.units[ui] = nil // release as we go
		if u.dead || len(u.rows) == 0 {
			continue
		}
		// Preferred row first; reasons follow their rows.
		idx = idx[:0]
		for k := range u.rows {
			idx = append(idx, k)
		}
		// Container lines go last: their lead stands for them.
		sort.SliceStable(idx, func(a, b int) bool {
			if la, lb := r.isLine(int(u.rows[idx[a]])), r.isLine(int(u.rows[idx[b]])); la != lb {
				return lb
			}
			return r.prefers(u.rows[idx[a]], u.rows[idx[b]])
		})
		rows, reasons, dupRows = rows[:0], reasons[:0], dupRows[:0]
		for _, k := range idx {
			rows = append(rows, u.rows[k])
			reasons = append(reasons, u.reasons[k])
		}
		for _, x := range rows {
			dupRows = append(dupRows, dups[x]...)
		}
		sh := Shipment{Consignee: -1, Shipper: -1, Rows: r.rows.Copy(rows), Reasons: r.strs.Copy(reasons)}
		if len(dupRows) > 0 {
			sh.Duplicates = r.rows.Copy(dupRows)
		}
		sh.Monthly = r.monthly(int(sh.Rows[0]))
		r.resolve(&sh)
		if len(r.exclude) > 0 {
			for _, rs := range [][]int32{sh.Rows, sh.Duplicates} {
				for _, x := range rs {
					if why, ok := r.exclude[RowKey(r.in.Records[x].Source)]; ok {
						sh.Excluded, sh.ExcludeReason = true, why
					}
				}
			}
		}
		r.res.Shipments = append(r.res.Shipments, sh)
	}
}

// resolve fills the shipment's values from its rows, preferred first.
func (r *reconciler) resolve(sh *Shipment) {
	for k, x := range sh.Rows {
		if r.isLine(int(x)) {
			if sh.group != nil {
				sh.group.lines++
				if k < math.MaxInt16 {
					sh.group.line = append(sh.group.line, int16(k))
				}
			}
			continue
		}
		rec := r.rec(x)
		if r.lines[x] != nil && k < math.MaxInt16 {
			sh.group = &lineGroup{k: int16(k), rec: rec}
		}
		if !sh.Date.Known() && rec.Date.Known() || sh.Date.Precision == reconcile.PrecisionMonth && rec.Date.Precision == reconcile.PrecisionDay {
			sh.Date = rec.Date
		}
		set := func(f int, ok bool) {
			if ok && sh.from[f] == 0 && k < math.MaxInt16 {
				sh.from[f] = int16(k + 1)
			}
		}
		set(fromDecl, rec.DeclarationID != "")
		set(fromNet, rec.NetKg.Valid)
		set(fromGross, rec.GrossKg.Valid)
		// The value, its currency and its USD value come from one row, the
		// most preferred that states any of them (see Shipment.Value).
		set(fromValue, rec.Value.Valid || rec.ValueUSD.Valid)
		if sh.Consignee < 0 && r.in.Consignee[x] >= 0 {
			sh.Consignee = r.in.Consignee[x]
			sh.ConsigneeName = rec.Consignee.Name()
		}
		if sh.Shipper < 0 && r.in.Shipper[x] >= 0 {
			sh.Shipper = r.in.Shipper[x]
			sh.ShipperName = rec.Shipper.Name()
		}
		first(&sh.ConsigneeName, rec.Consignee.Name())
		first(&sh.ShipperName, rec.Shipper.Name())
		first(&sh.Origin, rec.OriginCountry)
		first(&sh.Dispatch, rec.DispatchCountry)
		first(&sh.Destination, rec.DestinationCountry)
		// The more specific HS code wins when one extends the other.
		if sh.HSCode == "" || len(rec.HSCode) > len(sh.HSCode) && strings.HasPrefix(rec.HSCode, sh.HSCode) {
			sh.HSCode = rec.HSCode
		}
		first(&sh.Description, rec.Description)
		if !sh.Quantity.Valid && rec.Quantity.Valid {
			sh.Quantity, sh.QuantityUnit = rec.Quantity, rec.QuantityUnit
		}
	}
}

func first(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// supersede marks monthly lines covered by shipment-level data for the
// same month and consignee entity with a compatible HS code, so default
// totals never count the same goods twice at two granularities. A line
// that names no consignee (a Comtrade or national-statistics aggregate by
// country and HS code) is covered by shipment-level data of the same
// month on a route it could cover: compatible HS code, and each country
// the same where both say one. Nothing in such an aggregate tells which
// of its tonnes the shipments already hold; the line stays listed, and
// IncludeSuperseded shows it.
func (r *reconciler) supersede() {
	type key struct {
		month string
		c     int32
	}
	// Shipment-level shipments indexed once, by month and consignee and
	// by month alone, so each monthly line looks only at its month.
	covered := map[key][]*Shipment{}
	for i := range r.res.Shipments {
		sh := &r.res.Shipments[i]
		if sh.Monthly || !sh.Date.Known() {
			continue
		}
		month := sh.Date.Time.Format("2006-01")
		covered[key{month, -1}] = append(covered[key{month, -1}], sh)
		if sh.Consignee >= 0 {
			covered[key{month, sh.Consignee}] = append(covered[key{month, sh.Consignee}], sh)
		}
	}
	same := func(a, b string) bool { return a == "" || b == "" || a == b }
	for i := range r.res.Shipments {
		m := &r.res.Shipments[i]
		if !m.Monthly || !m.Date.Known() {
			continue
		}
		byConsignee := m.Consignee >= 0
		for _, sh := range covered[key{m.Date.Time.Format("2006-01"), max(m.Consignee, -1)}] {
			if hsPrefix(sh.HSCode, m.HSCode) && (byConsignee ||
				same(sh.Origin, m.Origin) && same(sh.Dispatch, m.Dispatch) && same(sh.Destination, m.Destination)) {
				m.Superseded = true
				break
			}
		}
	}
}

// hsPrefix: one HS code begins the other, or one is missing. Looser than
// fuzzy.go's hsCompatible (HS-6 agreement) on purpose: an aggregate line
// is often written at the heading level a shipment's code begins with.
func hsPrefix(a, b string) bool {
	return a == "" || b == "" || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// number sorts shipments by date then canonical position and gives each
// its ID from its anchor row (ShipmentID): "S-…" for shipment-level,
// "M-…" for monthly aggregates. Two anchors hashing alike (about 100
// pairs in a million shipments) are told apart by a longer ID for the
// later one.
func (r *reconciler) number() {
	shs := r.res.Shipments
	// Sort a permutation, then apply it in place: moving 400-byte structs
	// around inside a sort would cost far more than the comparisons. The
	// sort keys are taken out first (comparing time.Time values in the
	// comparator is most of a sort's cost at a million shipments); the
	// first row breaks ties, and no two shipments share one, so the order
	// is total.
	type sortKey struct {
		monthly, unknown bool
		sec              int64
		nsec             int32
		row, idx         int32
	}
	keys := make([]sortKey, len(shs))
	for i := range shs {
		sh := &shs[i]
		k := sortKey{monthly: sh.Monthly, unknown: !sh.Date.Known(), idx: int32(i)}
		if len(sh.Rows) > 0 {
			k.row = r.ord[r.anchor(sh.Rows)]
		}
		if !k.unknown {
			k.sec, k.nsec = sh.Date.Time.Unix(), int32(sh.Date.Time.Nanosecond())
		}
		keys[i] = k
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		switch {
		case a.monthly != b.monthly:
			return boolOrder(a.monthly)
		case a.unknown != b.unknown:
			return boolOrder(a.unknown)
		case a.sec != b.sec:
			return cmp.Compare(a.sec, b.sec)
		case a.nsec != b.nsec:
			return cmp.Compare(a.nsec, b.nsec)
		}
		return cmp.Compare(a.row, b.row)
	})
	perm := make([]int32, len(shs))
	for i, k := range keys {
		perm[i] = k.idx
	}
	keys = nil
	// perm[i] is the index of the shipment that belongs at i.
	for i := range perm {
		if perm[i] < 0 || int(perm[i]) == i {
			continue
		}
		tmp := shs[i]
		j := i
		for {
			k := int(perm[j])
			perm[j] = -1
			if k == i {
				shs[j] = tmp
				break
			}
			shs[j] = shs[k]
			j = k
		}
	}
	ids := make(map[string]struct{}, len(shs))
	for i := range shs {
		sh := &shs[i]
		a := r.anchor(sh.Rows)
		key, row := r.srcKey(int(r.in.SourceOf[a])), r.in.Records[a].Source.Row
		id := ShipmentID(sh.Monthly, key, row, 0)
		for attempt := 1; ; attempt++ {
			if _, taken := ids[id]; !taken {
				break
			}
			id = ShipmentID(sh.Monthly, key, row, attempt)
		}
		ids[id] = struct{}{}
		sh.ID = r.text.Add(id)
		if sh.sourceRows() > 1 {
			r.res.Merged++
		}
		for _, x := range sh.Rows {
			r.res.ShipmentOf[x] = int32(i)
		}
		for _, x := range sh.Duplicates {
			r.res.ShipmentOf[x] = int32(i)
		}
	}
}

// boolOrder orders false before true: -1 for false, 1 for true.
func boolOrder(b bool) int {
	if b {
		return 1
	}
	return -1
}

// conflicts lists disagreements between a shipment's rows and the values
// that did not parse. A million rows make a few hundred thousand
// shipments to compare; they are split in runs compared on every core
// (each with its own arena and caches), and the lists joined in order.
func (r *reconciler) conflicts() {
	n := len(r.res.Shipments)
	run := r.opt.conflictRun
	if run <= 0 {
		run = conflictRun
	}
	parts := max(1, min(runtime.GOMAXPROCS(0), n/run))
	states := make([]conflictState, parts)
	var wg sync.WaitGroup
	for p := range states {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.conflictsIn(&states[p], p*n/parts, (p+1)*n/parts)
		}()
	}
	wg.Wait()
	total := len(r.res.Discrepancies)
	for p := range states {
		total += len(states[p].out)
	}
	all := make([]Discrepancy, 0, total)
	all = append(all, r.res.Discrepancies...)
	for p := range states {
		all = append(all, states[p].out...)
	}
	r.res.Discrepancies = all
}

// conflictRun is the fewest shipments worth a goroutine of their own.
const conflictRun = 20000

// conflictState is what one run of conflictsIn keeps and caches.
type conflictState struct {
	text  arena.Strings
	obs   arena.Slab[Observed]
	dates map[reconcile.Date]string
	rules map[string]string
	out   []Discrepancy
}

// conflictsIn lists the discrepancies of shipments lo to hi-1 in st.out.
func (r *reconciler) conflictsIn(st *conflictState, lo, hi int) {
	var obs []Observed // scratch, copied into the arena when kept
	var vals []string
	var nums, halves []float64
	for i := lo; i < hi; i++ {
		sh := &r.res.Shipments[i]
		for _, x := range sh.Rows {
			rec := &r.in.Records[x]
			for _, f := range rec.Flags {
				switch {
				case f.Kept && (f.Code == reconcile.FlagRestoredZero || f.Code == reconcile.FlagUnitConflict || f.Code == reconcile.FlagAmbiguousNumber || f.Code == reconcile.FlagDateFromDeclaration ||
					f.Code == reconcile.FlagDestinationFromDeclaration || f.Code == reconcile.FlagCustomsValueUsed):
					st.out = append(st.out, Discrepancy{
						Shipment: sh.ID, Kind: KindRepaired, Field: f.Field,
						Values: st.obs.Copy([]Observed{{rec.Source, f.Raw}}),
						Used:   "(as read)",
						Rule:   st.text.Add(string(f.Code) + ": " + f.Detail + " — kept and counted"),
					})
					continue
				case f.Code == reconcile.FlagMonthPrecision || f.Kept:
					continue // the value is kept and counted, not left out
				}
				st.out = append(st.out, Discrepancy{
					Shipment: sh.ID, Kind: KindUnparsed, Field: f.Field,
					Values: st.obs.Copy([]Observed{{rec.Source, f.Raw}}),
					Used:   "(none)",
					Rule:   st.text.Add(string(f.Code) + ": " + f.Detail + " — left out, never read as zero"),
				})
			}
		}
		if sh.sourceRows() < 2 {
			continue
		}
		rule := r.rule(st, sh.Rows)
		str := func(field reconcile.Field, get func(*reconcile.Record) string, used string, same func(a, b string) bool, minor func(vals []string) bool) {
			obs, vals := obs[:0], vals[:0]
			for _, x := range sh.Rows {
				if r.isLine(int(x)) {
					continue
				}
				rec := r.rec(x)
				v := get(rec)
				if v == "" {
					continue
				}
				obs = append(obs, Observed{rec.Source, v})
				vals = append(vals, v)
			}
			for k := 1; k < len(vals); k++ {
				if !same(vals[0], vals[k]) {
					sev := SeverityMaterial
					if minor != nil && minor(vals) {
						sev = SeverityMinor
					}
					st.out = append(st.out, Discrepancy{Shipment: sh.ID, Kind: KindConflict, Field: field, Values: st.obs.Copy(obs), Used: used,
						Rule: st.text.Add(sev + ": " + rule), Severity: sev})
					return
				}
			}
		}
		eq := func(a, b string) bool { return a == b }
		str(reconcile.FieldDate, func(rec *reconcile.Record) string { return st.dateText(rec.Date) }, st.dateText(sh.Date), func(a, b string) bool {
			return a == b || len(a) == 7 && strings.HasPrefix(b, a) || len(b) == 7 && strings.HasPrefix(a, b)
		}, r.datesMinor)
		str(reconcile.FieldOriginCountry, func(rec *reconcile.Record) string { return rec.OriginCountry }, sh.Origin, eq, nil)
		str(reconcile.FieldDispatchCountry, func(rec *reconcile.Record) string { return rec.DispatchCountry }, sh.Dispatch, eq, nil)
		str(reconcile.FieldDestinationCountry, func(rec *reconcile.Record) string { return rec.DestinationCountry }, sh.Destination, eq, nil)
		str(reconcile.FieldHSCode, func(rec *reconcile.Record) string { return rec.HSCode }, sh.HSCode, func(a, b string) bool {
			return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
		}, nil)
		// Numbers differ when they differ by more than the precision both
		// were written with (half a unit of each one's last digit): a
		// half-kilogram difference is listed. Within minorPct of the
		// larger it is minor (inside the merge tolerance), else material.
		num := func(field reconcile.Field, get func(*reconcile.Record) reconcile.Number, used reconcile.Number, unit string, minorPct float64, half func(src int32, v float64) float64) {
			obs, vals, halves := obs[:0], nums[:0], halves[:0]
			for _, x := range sh.Rows {
				if r.isLine(int(x)) {
					continue
				}
				rec := r.rec(x)
				n := get(rec)
				if !n.Valid {
					continue
				}
				obs = append(obs, Observed{rec.Source, fmtNum(n.Value) + unit}) // kept only on a conflict
				vals = append(vals, n.Value)
				halves = append(halves, half(r.in.SourceOf[x], n.Value))
			}
			sev := ""
			for k := 1; k < len(vals); k++ {
				d := math.Abs(vals[k] - vals[0])
				if d <= halves[0]+halves[k]+1e-9 {
					continue
				}
				if sev == "" {
					sev = SeverityMinor
				}
				if d > minorPct/100*math.Max(math.Abs(vals[0]), math.Abs(vals[k]))+1e-9 {
					sev = SeverityMaterial
				}
			}
			if sev == "" {
				return
			}
			u := "(none)"
			if used.Valid {
				u = st.text.Add(fmtNum(used.Value) + unit)
			}
			kept := st.obs.Copy(obs)
			for k := range kept {
				kept[k].Value = st.text.Add(kept[k].Value)
			}
			st.out = append(st.out, Discrepancy{Shipment: sh.ID, Kind: KindConflict, Field: field, Values: kept, Used: u,
				Rule: st.text.Add(sev + ": " + rule), Severity: sev})
		}
		recs := r.in.Records
		wpct := r.opt.WeightTolerancePct
		num(reconcile.FieldNetWeight, func(rec *reconcile.Record) reconcile.Number { return rec.NetKg }, sh.NetKg(recs), " kg", wpct, func(s int32, _ float64) float64 { return r.netHalf[s] })
		num(reconcile.FieldGrossWeight, func(rec *reconcile.Record) reconcile.Number { return rec.GrossKg }, sh.GrossKg(recs), " kg", wpct, func(s int32, _ float64) float64 { return r.grossHalf[s] })
		num(reconcile.FieldValueUSD, func(rec *reconcile.Record) reconcile.Number { return rec.ValueUSD }, sh.ValueUSD(recs), " USD", valueMinorPct, moneyHalfStep)
		// Values in other currencies compare only within one currency.
		value, cur := sh.Value(recs)
		num(reconcile.FieldValue, func(rec *reconcile.Record) reconcile.Number {
			if rec.Currency != cur || cur == "" {
				return reconcile.Number{}
			}
			return rec.Value
		}, value, " "+cur, valueMinorPct, moneyHalfStep)
		// Entities: rows merged on a declaration number may name parties
		// the matcher put in different entities.
		ent := func(field reconcile.Field, ids []int32, used int32, name func(*reconcile.Record) string) {
			obs := obs[:0]
			diff := false
			for _, x := range sh.Rows {
				rec := &r.in.Records[x]
				if ids[x] < 0 {
					continue
				}
				obs = append(obs, Observed{rec.Source, name(rec)})
				if ids[x] != used {
					diff = true
				}
			}
			if diff {
				st.out = append(st.out, Discrepancy{Shipment: sh.ID, Kind: KindConflict, Field: field, Values: st.obs.Copy(obs),
					Used: name(&r.in.Records[sh.Rows[0]]), Rule: st.text.Add(rule + "; the names were not matched as one firm — check the Entities sheet")})
			}
		}
		ent(reconcile.FieldConsignee, r.in.Consignee, sh.Consignee, func(rec *reconcile.Record) string { return rec.Consignee.Name() })
		ent(reconcile.FieldShipper, r.in.Shipper, sh.Shipper, func(rec *reconcile.Record) string { return rec.Shipper.Name() })
	}
}

// dateText is d.String(), one shared string per distinct date.
func (st *conflictState) dateText(d reconcile.Date) string {
	if !d.Known() {
		return ""
	}
	if s, ok := st.dates[d]; ok {
		return s
	}
	if st.dates == nil {
		st.dates = map[reconcile.Date]string{}
	}
	s := d.String()
	st.dates[d] = s
	return s
}

// rule says which source a merged shipment's values come from and why;
// the few distinct texts are shared, not rebuilt per shipment.
func (r *reconciler) rule(st *conflictState, rows []int32) string {
	k := r.in.Sources[r.in.SourceOf[rows[0]]].Name + "\x00" + r.whyPreferred(rows)
	if s, ok := st.rules[k]; ok {
		return s
	}
	if st.rules == nil {
		st.rules = map[string]string{}
	}
	s := "preferred source " + r.in.Sources[r.in.SourceOf[rows[0]]].Name + r.whyPreferred(rows)
	st.rules[k] = s
	return s
}

func (r *reconciler) whyPreferred(rows []int32) string {
	a, b := rows[0], rows[1]
	sa, sb := r.in.Sources[r.in.SourceOf[a]], r.in.Sources[r.in.SourceOf[b]]
	switch {
	case sa.Rank != sb.Rank:
		return " (your source preference order)"
	case sa.Granularity != sb.Granularity:
		return " (declaration-level over aggregated)"
	case r.declSrc[r.in.SourceOf[a]] != r.declSrc[r.in.SourceOf[b]]:
		return " (gives declaration numbers)"
	case r.exportRow(a) != r.exportRow(b):
		return " (the import declaration: the consignee's own record, CIF value, arrival date; the export declaration states FOB and the dispatch date)"
	case r.in.Records[a].ValueUSD.Valid && !r.in.Records[b].ValueUSD.Valid:
		return " (gives USD; the other needs conversion)"
	case filledFields(&r.in.Records[a]) != filledFields(&r.in.Records[b]):
		return " (the richer row)"
	}
	return " (file name order)"
}

// valueMinorPct: value differences within 0.5 % (rounding, exchange
// rates of adjacent days) are minor; there is no value merge tolerance.
const valueMinorPct = 0.5

// moneyHalfStep is half the last unit a money amount was written with:
// whole units, tenths or cents.
func moneyHalfStep(_ int32, v float64) float64 {
	for _, step := range []float64{1, 0.1, 0.01} {
		q := v / step
		if math.Abs(q-math.Round(q)) < 1e-6 {
			return step / 2
		}
	}
	return 0.005
}

// datesMinor: differing dates of one shipment all within the widest date
// window the rules allow are minor.
func (r *reconciler) datesMinor(vals []string) bool {
	lo, hi := "", ""
	for _, v := range vals {
		if len(v) != 10 {
			return true // a month against a day inside it
		}
		if lo == "" || v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	a, errA := time.Parse("2006-01-02", lo)
	b, errB := time.Parse("2006-01-02", hi)
	if errA != nil || errB != nil {
		return false
	}
	window := max(r.opt.DateToleranceDays, r.opt.BLDaysBefore)
	if r.anyExport {
		window = max(window, r.opt.ExportDaysBefore)
	}
	return b.Sub(a).Hours()/24 <= float64(window)+1e-9
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
