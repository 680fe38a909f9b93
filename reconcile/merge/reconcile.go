package merge

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/arena"
	"tradecheck/reconcile/values"
)

// Reconcile builds shipments from in. Decisions apply as constraints: a
// split row is never merged again, an excluded shipment stays listed as
// excluded. progress(done, total) may be nil; ctx cancels.
func Reconcile(ctx context.Context, in Input, opt Options, decisions []Decision, progress func(done, total int)) (*Result, error) {
	n := len(in.Records)
	if len(in.SourceOf) != n || len(in.Consignee) != n || len(in.Shipper) != n {
		return nil, fmt.Errorf("merge: input slices differ in length (%d records)", n)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	r := &reconciler{in: in, opt: opt, res: &Result{
		ShipmentOf:  filled(n, -1),
		DuplicateOf: filled(n, -1),
	}}
	r.decide(decisions)
	r.prepare()
	pairRows := r.resolvePairs()
	progress(0, n)
	if err := r.dedupe(ctx); err != nil {
		return nil, err
	}
	r.containers()
	progress(n/4, n)
	if err := r.group(ctx); err != nil {
		return nil, err
	}
	progress(n/2, n)
	if err := r.link(ctx); err != nil {
		return nil, err
	}
	r.applyPairs(pairRows)
	r.attachLines()
	progress(3*n/4, n)
	r.build()
	r.consignments()
	r.supersede()
	r.number()
	r.conflicts()
	r.containerNotes()
	r.res.lineOf, r.res.agg = r.lineOf, r.agg
	progress(n, n)
	return r.res, nil
}

func filled(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

type reconciler struct {
	in  Input
	opt Options
	res *Result

	split   map[string]string // provenance key → reason
	exclude map[string]string
	pairs   pairDecisions

	// declH and itemH hold each record's normalised declaration and item
	// numbers as hashes, 0 when absent; declSrc says which sources give
	// declaration numbers; ord is each record's place in the canonical
	// order (see prepare).
	declH, itemH []uint64
	declSrc      []bool
	// exportSrc marks the sources that are export declarations (Source.
	// Flow); anyExport says whether there is one (the wider scan).
	exportSrc []bool
	anyExport bool
	// rel indexes in.Related (the names-in-review rule).
	rel relations
	ord []int32
	// netHalf and grossHalf give, per source, half the finest unit its
	// weights were written with (writtenPrecision).
	netHalf, grossHalf []float64

	// unit[i] is the shipment-unit of record i (index into units), -1 for
	// duplicates and records not yet placed.
	unit  []int32
	units []*unitT
	// tied holds the pairs clearTiedEdges left apart, both ways round:
	// no third row may join them either.
	tied map[[2]int32]bool
	// identical holds the pairs pairIdentical made between identical
	// rows, both ways round, with the rows of each side.
	identical    map[[2]int32]identicalPair
	identicalRow map[int32]bool

	// Container lines (containers.go): lineOf gives a line's lead row,
	// -1 for other rows (nil when no source has container lines); agg
	// holds each lead's row with the group's figures added, which the
	// rules compare in its place; lines describes each group by its lead.
	lineOf []int32
	agg    map[int32]*reconcile.Record
	lines  map[int32]*containerGroup

	// What the shipments and discrepancies keep lives in arena blocks, not
	// in millions of small objects (see package arena).
	text arena.Strings
	rows arena.Slab[int32]
	strs arena.Slab[string]
}

type unitT struct {
	rows    []int32
	reasons []string
	hasDecl bool
	dead    bool // absorbed into another unit
}

func (r *reconciler) decide(ds []Decision) {
	r.split = map[string]string{}
	r.exclude = map[string]string{}
	for _, d := range ds {
		switch d.Op {
		case OpSplit:
			r.split[d.Row] = d.Reason
			r.pairs.dropRow(d.Row)
		case OpMerge, OpApart:
			r.pairs.add(d)
		case OpExclude:
			r.exclude[d.Row] = d.Reason
		case OpInclude:
			delete(r.exclude, d.Row)
		}
	}
}

func (r *reconciler) monthly(i int) bool {
	return r.in.Sources[r.in.SourceOf[i]].Granularity == reconcile.GranularityMonthly
}

// dedupe marks exact duplicates within one source: every canonical field
// equal. Provenance and flags do not count. Records are hashed field by
// field (contentHash, no key string built per record); a hash match is
// confirmed on the full key.
func (r *reconciler) dedupe(ctx context.Context) error {
	var h maphash.Hash
	seen := make(map[uint64]int32, len(r.in.Records))
	var more map[uint64][]int32 // rare: different rows with one hash
	var b, c strings.Builder
	key := func(b *strings.Builder, i int) string {
		b.Reset()
		b.WriteString(strconv.Itoa(int(r.in.SourceOf[i])))
		b.WriteByte(0)
		contentKey(b, &r.in.Records[i])
		return b.String()
	}
	for i := range r.in.Records {
		if i%65536 == 0 && ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		hv := contentHash(&h, r.in.SourceOf[i], &r.in.Records[i])
		first, ok := seen[hv]
		if !ok {
			seen[hv] = int32(i)
			continue
		}
		k := key(&b, i)
		dup := int32(-1)
		for _, cand := range append([]int32{first}, more[hv]...) {
			if key(&c, int(cand)) == k {
				dup = cand
				break
			}
		}
		if dup >= 0 {
			r.res.DuplicateOf[i] = dup
			r.res.Duplicates++
			continue
		}
		if more == nil {
			more = map[uint64][]int32{}
		}
		more[hv] = append(more[hv], int32(i))
	}
	return nil
}

// contentHash hashes what contentKey writes, so that records with equal
// keys always hash alike: strings as written, dates by their calendar
// day or month, numbers by their value (what 'g' formatting shows) or
// raw text.
func contentHash(h *maphash.Hash, src int32, rec *reconcile.Record) uint64 {
	h.Reset()
	var buf [9]byte
	binary.LittleEndian.PutUint32(buf[:], uint32(src))
	h.Write(buf[:4])
	w := func(s string) { h.WriteString(s); h.WriteByte(0x1f) }
	num := func(n reconcile.Number) {
		if n.Valid {
			bits := math.Float64bits(n.Value)
			if n.Value != n.Value {
				bits = 0x7ff8000000000001 // every NaN prints "NaN"
			}
			buf[0] = 'v'
			binary.LittleEndian.PutUint64(buf[1:], bits)
			h.Write(buf[:9])
		} else {
			h.WriteByte('?')
			w(n.Raw)
		}
	}
	party := func(p reconcile.Party) {
		for k, n := range p.Names {
			if k > 0 {
				h.WriteByte(0x1e)
			}
			h.WriteString(n)
		}
		h.WriteByte(0x1f)
		w(p.TaxID)
		w(p.KPP)
		w(p.Country)
	}
	date := func(dt reconcile.Date) {
		switch dt.Precision {
		case reconcile.PrecisionDay, reconcile.PrecisionMonth:
			y, m, d := dt.Time.Date()
			if dt.Precision == reconcile.PrecisionMonth {
				d = 0
			}
			buf[0] = byte(dt.Precision)
			binary.LittleEndian.PutUint32(buf[1:], uint32(int32(y)))
			buf[5], buf[6] = byte(m), byte(d)
			h.Write(buf[:7])
		}
		h.WriteByte(0x1f)
	}
	walkContent(rec, date, w, num, party)
	return h.Sum64()
}

// walkContent visits every field of a record's content in one fixed
// order. contentKey and contentHash both walk it, so a field added here
// is in both, and equal keys keep meaning equal hashes.
func walkContent(rec *reconcile.Record, date func(reconcile.Date), str func(string), num func(reconcile.Number), party func(reconcile.Party)) {
	date(rec.Date)
	str(rec.DeclarationID)
	str(rec.ItemNo)
	str(rec.BillOfLading)
	str(rec.Container)
	str(rec.Invoice)
	party(rec.Consignee)
	party(rec.Shipper)
	str(rec.OriginCountry)
	str(rec.DispatchCountry)
	str(rec.DestinationCountry)
	str(rec.HSCode)
	str(rec.Description)
	num(rec.Quantity)
	str(rec.QuantityUnit)
	num(rec.NetKg)
	num(rec.GrossKg)
	num(rec.Value)
	str(rec.Currency)
	num(rec.ValueUSD)
}

func contentKey(b *strings.Builder, rec *reconcile.Record) {
	contentKeyDigits(b, rec, -1)
}

// contentKeyDigits is contentKey with numbers written to digits
// significant digits (-1: as many as it takes to read the value back).
func contentKeyDigits(b *strings.Builder, rec *reconcile.Record, digits int) {
	w := func(s string) { b.WriteString(s); b.WriteByte(0x1f) }
	num := func(n reconcile.Number) {
		if n.Valid {
			w(strconv.FormatFloat(n.Value, 'g', digits, 64))
		} else {
			w("?" + n.Raw)
		}
	}
	party := func(p reconcile.Party) {
		w(strings.Join(p.Names, "\x1e"))
		w(p.TaxID)
		w(p.KPP)
		w(p.Country)
	}
	walkContent(rec, func(d reconcile.Date) { w(d.String()) }, w, num, party)
}

// NormalizeDeclaration reduces a declaration number to its letters and
// digits, upper-cased: "10702030/140622/0012345" and
// "10702030-140622-0012345" are the same number (values.NormalizeID).
func NormalizeDeclaration(s string) string {
	return values.NormalizeID(reconcile.FieldDeclarationID, s)
}

// NormalizeItem reduces an item number to its digits without leading
// zeros ("001" = "1"); other text is kept upper-cased.
func NormalizeItem(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if n, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64); err == nil && n == math.Trunc(n) && n >= 0 {
		return strconv.FormatInt(int64(n), 10)
	}
	return values.NormalizeID(reconcile.FieldItemNo, s)
}

func (r *reconciler) newUnit(i int32, reason string) int32 {
	u := &unitT{rows: []int32{i}, reasons: []string{reason}, hasDecl: r.declH[i] != 0}
	r.units = append(r.units, u)
	id := int32(len(r.units) - 1)
	r.unit[i] = id
	return id
}

func (r *reconciler) hasSource(u *unitT, src int32) bool {
	for _, x := range u.rows {
		if r.in.SourceOf[x] == src {
			return true
		}
	}
	return false
}

// group applies the exact declaration rule: rows with equal declaration
// and item numbers are one shipment. Rows with a declaration number but
// no item number are left to link, which pairs them with the items of
// their declaration by HS-6 and weight.
func (r *reconciler) group(ctx context.Context) error {
	n := len(r.in.Records)
	r.unit = filled(n, -1)
	// Keys per declaration+item; within a key, one unit per source row,
	// one-to-one: the k-th row of each source joins the k-th unit.
	type dkey struct{ decl, item uint64 }
	byKey := map[dkey][]int32{}
	var order []dkey
	for i := 0; i < n; i++ {
		if i%65536 == 0 && ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		if r.res.DuplicateOf[i] >= 0 || r.isLine(i) || r.declH[i] == 0 || r.itemH[i] == 0 {
			continue
		}
		if r.monthly(i) || r.isSplit(i) {
			continue
		}
		k := dkey{r.declH[i], r.itemH[i]}
		if _, ok := byKey[k]; !ok {
			order = append(order, k)
		}
		byKey[k] = append(byKey[k], int32(i))
	}
	for _, k := range order {
		rows := byKey[k]
		sort.SliceStable(rows, func(a, b int) bool { return r.prefers(rows[a], rows[b]) })
		var us []int32
		for _, i := range rows {
			placed := false
			for _, uid := range us {
				u := r.units[uid]
				if r.hasSource(u, r.in.SourceOf[i]) {
					continue
				}
				u.rows = append(u.rows, i)
				u.reasons = append(u.reasons, r.text.Add(fmt.Sprintf("same declaration %s, item %s", r.in.Records[i].DeclarationID, itemText(r.in.Records[i].ItemNo))))
				r.unit[i] = uid
				placed = true
				break
			}
			if !placed {
				reason := "first row"
				if len(us) > 0 {
					reason = "declaration and item repeated within " + r.in.Sources[r.in.SourceOf[i]].Name + " with different content: kept as its own shipment"
				}
				us = append(us, r.newUnit(i, reason))
			}
		}
	}
	// Everything else starts alone.
	for i := 0; i < n; i++ {
		if r.res.DuplicateOf[i] >= 0 || r.isLine(i) || r.unit[i] >= 0 {
			continue
		}
		reason := "first row"
		if why, ok := r.split[RowKey(r.in.Records[i].Source)]; ok {
			reason = "split out by the user"
			if why != "" {
				reason += ": " + why
			}
		}
		r.newUnit(int32(i), reason)
	}
	return nil
}

func itemText(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (r *reconciler) isSplit(i int) bool {
	if len(r.split) == 0 {
		return false
	}
	_, ok := r.split[RowKey(r.in.Records[i].Source)]
	return ok
}

// prefers orders rows for conflicts, by rule and never by the order the
// files were given in: the user's source order, then shipment-level over
// aggregated, then sources that give declaration numbers, then USD as
// given over values needing conversion, then the richer row (more fields
// filled), then the source's name, then canonical order.
func (r *reconciler) prefers(a, b int32) bool {
	return r.preference(a, b) < 0
}

func (r *reconciler) preference(a, b int32) int {
	sa, sb := r.in.Sources[r.in.SourceOf[a]], r.in.Sources[r.in.SourceOf[b]]
	if sa.Rank != sb.Rank {
		return cmp.Compare(sa.Rank, sb.Rank)
	}
	if ma, mb := sa.Granularity == reconcile.GranularityMonthly, sb.Granularity == reconcile.GranularityMonthly; ma != mb {
		return boolOrder(ma)
	}
	if da, db := r.declSrc[r.in.SourceOf[a]], r.declSrc[r.in.SourceOf[b]]; da != db {
		return boolOrder(db)
	}
	if ea, eb := r.exportRow(a), r.exportRow(b); ea != eb {
		return boolOrder(ea)
	}
	ua, ub := r.in.Records[a].ValueUSD.Valid, r.in.Records[b].ValueUSD.Valid
	if ua != ub {
		return boolOrder(ub)
	}
	if fa, fb := filledFields(&r.in.Records[a]), filledFields(&r.in.Records[b]); fa != fb {
		return cmp.Compare(fb, fa)
	}
	if sa.Name != sb.Name {
		return strings.Compare(sa.Name, sb.Name)
	}
	return cmp.Compare(r.ord[a], r.ord[b])
}

// filledFields counts the canonical fields a row gives: the "richer row"
// of the preference rule.
func filledFields(rec *reconcile.Record) int {
	n := 0
	for _, s := range []string{rec.DeclarationID, rec.ItemNo, rec.BillOfLading, rec.Container, rec.Invoice,
		rec.Consignee.Name(), rec.Consignee.TaxID, rec.Shipper.Name(), rec.OriginCountry, rec.DispatchCountry,
		rec.DestinationCountry, rec.HSCode, rec.Description, rec.Currency} {
		if s != "" {
			n++
		}
	}
	for _, v := range []reconcile.Number{rec.Quantity, rec.NetKg, rec.GrossKg, rec.Value, rec.ValueUSD} {
		if v.Valid {
			n++
		}
	}
	if rec.Date.Precision == reconcile.PrecisionDay {
		n++
	}
	return n
}
