package workbook

import (
	"context"
	"path/filepath"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// shipments writes one row per reconciled shipment.
func (w *writer) shipments() error {
	d := w.d
	widths := make([]float64, len(ShipmentsHeader))
	for i := range widths {
		widths[i] = 12
	}
	for _, c := range []struct {
		h string
		w float64
	}{{"Consignee entity", 30}, {"Consignee", 30}, {"Shipper entity", 30}, {"Shipper", 30}, {"Description", 40},
		{"Sources", 40}, {"Status", 24}, {"Route key", 16}, {"Tonnes basis", 18}, {"USD basis", 30}, {"Merge reasons", 60}, {"Date", 11}, {"CHPL tier", 14}, {"HS code", 14}} {
		for i, h := range ShipmentsHeader {
			if h == c.h {
				widths[i] = c.w
			}
		}
	}
	sw, err := w.open(SheetShipments, widths, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ShipmentsHeader); err != nil {
		return err
	}
	// Rows are built (values computed, boxed for SetRow) in their own
	// goroutine and written here: SetRow on the one Shipments stream is the
	// longest single task of a big export, so everything else moves off it.
	width := len(ShipmentsHeader)
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	batches := make(chan *shipBatch, 4)
	free := make(chan *shipBatch, 6)
	go func() {
		defer close(batches)
		rb := &shipRows{w: w, keys: newKeyCache(w.labels())}
		shs := d.Merge.Shipments
		for first := 0; first < len(shs); first += shipBatchRows {
			var b *shipBatch
			select {
			case b = <-free:
			default:
				b = &shipBatch{vals: make([]any, shipBatchRows*width), cells: make([]excelize.Cell, shipBatchRows*width)}
			}
			b.first, b.n = first, min(shipBatchRows, len(shs)-first)
			for k := 0; k < b.n; k++ {
				o := k * width
				rb.idx = first + k
				rb.fill(&rowBuilder{vals: b.vals[o : o+width], cells: b.cells[o : o+width], st: &w.st}, &shs[first+k])
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
		}
	}()
	var werr error
	for b := range batches {
		for k := 0; k < b.n && werr == nil; k++ {
			if werr = sw.SetRow("A"+strconv.Itoa(b.first+k+2), b.vals[k*width:(k+1)*width]); werr == nil {
				werr = w.tick(1)
			}
		}
		if werr != nil {
			cancel() // and drain, so the builder ends
			continue
		}
		select {
		case free <- b:
		default:
		}
	}
	if werr != nil {
		return werr
	}
	return w.flush(sw)
}

// shipBatch is a run of built Shipments rows: row k's values are
// vals[k*width:(k+1)*width], its styled cells in cells (pointed to from
// vals).
type shipBatch struct {
	first, n int // index of the first shipment, rows in the batch
	vals     []any
	cells    []excelize.Cell
}

const shipBatchRows = 256

// shipRows builds Shipments rows.
type shipRows struct {
	w    *writer
	keys *keyCache
	text []byte // reused for the joined source texts
	idx  int    // index of the shipment being filled
	addr addressCache
}

// fill puts shipment sh's row into b.
func (rb *shipRows) fill(b *rowBuilder, sh *merge.Shipment) {
	w, d, keys, text := rb.w, rb.w.d, rb.keys, rb.text
	defer func() { rb.text = text }()
	b.put(sh.ID)
	switch sh.Date.Precision {
	case reconcile.PrecisionDay:
		b.cell(w.st.Date, "", sh.Date.Time)
	case reconcile.PrecisionMonth:
		b.put(sh.Date.String())
	default:
		b.put(nil)
	}
	b.str(w.entityName(sh.Consignee))
	b.str(sh.ConsigneeName)
	b.str(w.entityName(sh.Shipper))
	b.str(sh.ShipperName)
	b.put(keys.country(totals.ByOrigin, sh.Origin))
	b.put(keys.country(totals.ByDispatch, sh.Dispatch))
	b.put(keys.country(totals.ByDestination, sh.Destination))
	b.str(sh.HSCode)
	b.str(sh.Description)
	b.num(sh.NetKg(d.Records), w.st.Kg)
	b.num(sh.GrossKg(d.Records), w.st.Kg)
	b.num(sh.Tonnes, w.st.Tonnes)
	b.num(sh.USD, w.st.USD)
	text = w.sourcesLink(b, sh, text)
	b.put(sh.Status())
	b.str(w.entityID(sh.Consignee))
	b.str(w.entityID(sh.Shipper))
	if sh.Counted() {
		b.put("yes")
	} else {
		b.put("no")
	}
	if sh.Monthly {
		b.put("monthly")
	} else {
		b.put("shipment")
	}
	b.put(keys.month(sh))
	hs := keys.hs(sh)
	b.put(hs[0])
	b.put(hs[1])
	b.put(hs[2])
	b.put(keys.route(sh))
	b.str(sh.TonnesBasis)
	b.str(sh.USDBasis)
	b.num(sh.Quantity, 0)
	b.str(sh.QuantityUnit)
	value, currency := sh.Value(d.Records)
	b.num(value, w.st.Money)
	b.str(currency)
	decl, item := sh.Declaration(d.Records)
	b.str(decl)
	b.str(item)
	if len(sh.Rows) > 1 {
		if rb.addr == nil {
			rb.addr = addressCache{}
		}
		text = appendRowList(text[:0], d.Records, sh.Rows, sh.Reasons, rb.addr.of)
		b.put(string(text))
	} else {
		b.put(nil)
	}
	if len(sh.Duplicates) > 0 {
		text = appendRowList(text[:0], d.Records, sh.Duplicates, nil, nil)
		b.put(string(text))
	} else {
		b.put(nil)
	}
	b.put(totals.TierKey(sh.HSCode))
	b.str(d.DecisionText[rb.idx])
}

// appendRowList writes the records' source rows, "; "-separated, each
// followed by ": reason" when reasons are given.
func appendRowList(text []byte, recs []reconcile.Record, rows []int32, reasons []string, addrOf func(string) string) []byte {
	for k, x := range rows {
		if k > 0 {
			text = append(text, "; "...)
		}
		text = appendProv(text, recs[x].Source)
		if reasons != nil {
			text = append(text, ": "...)
			text = append(text, reasons[k]...)
			if len(rows) > 1 && addrOf != nil {
				// Only a merged shipment shows another row's names; a
				// lone row's Consignee cell is its own, address and all
				// (and splitting every row's names cost 6 of the million-
				// row run's 71 s).
				text = appendPartyAddresses(text, &recs[x], addrOf)
			}
		}
	}
	return text
}

// sourcesLink puts the Sources cell: every source row, linked to the
// first. buf is scratch space, returned for reuse.
func (w *writer) sourcesLink(b *rowBuilder, sh *merge.Shipment, buf []byte) []byte {
	if len(sh.Rows) == 0 {
		b.put(nil)
		return buf
	}
	buf = buf[:0]
	for k, x := range sh.Rows {
		if k > 0 {
			buf = append(buf, "; "...)
		}
		buf = appendProv(buf, w.d.Records[x].Source)
	}
	text := string(buf)
	first := sh.Rows[0]
	s := w.recSheet[first]
	part, row := location(w.d.Records[first].Source.Row)
	name := w.srcNames[s]
	if part > 0 {
		name = w.overflow(int(s), part+1)
	}
	buf = append(buf[:0], "HYPERLINK("...)
	buf = appendFormulaString(buf, "#"+quoteSheet(name)+"!A"+strconv.Itoa(row))
	buf = append(buf, ',')
	buf = appendFormulaString(buf, text)
	buf = append(buf, ')')
	b.cell(w.st.Link, string(buf), text)
	return buf
}

// appendProv appends ProvText(p) to buf.
func appendProv(buf []byte, p reconcile.Provenance) []byte {
	buf = append(buf, filepath.Base(p.File)...)
	if p.Sheet != "" {
		buf = append(buf, '!')
		buf = append(buf, p.Sheet...)
	}
	buf = append(buf, ':')
	return strconv.AppendInt(buf, int64(p.Row), 10)
}

// keyCache gives the Shipments sheet's totals keys (as totals.Key) from
// a few distinct values each, boxed for SetRow once rather than built and
// boxed again for every shipment.
type keyCache struct {
	lab      totals.Labels
	countryK map[totals.GroupBy]map[string]any
	hsK      map[string][3]any
	monthK   map[int]any
	routeK   map[[3]string]any
}

func newKeyCache(lab totals.Labels) *keyCache {
	return &keyCache{lab: lab, countryK: map[totals.GroupBy]map[string]any{}, hsK: map[string][3]any{},
		monthK: map[int]any{}, routeK: map[[3]string]any{}}
}

func (c *keyCache) country(g totals.GroupBy, v string) any {
	m := c.countryK[g]
	if m == nil {
		m = map[string]any{}
		c.countryK[g] = m
	}
	k, ok := m[v]
	if !ok {
		var sh merge.Shipment
		switch g {
		case totals.ByOrigin:
			sh.Origin = v
		case totals.ByDispatch:
			sh.Dispatch = v
		case totals.ByDestination:
			sh.Destination = v
		}
		k = key(g, &sh, c.lab)
		m[v] = k
	}
	return k
}

func (c *keyCache) hs(sh *merge.Shipment) [3]any {
	k, ok := c.hsK[sh.HSCode]
	if !ok {
		for i, g := range []totals.GroupBy{totals.ByHSChapter, totals.ByHSHeading, totals.ByHSSub} {
			k[i] = key(g, sh, c.lab)
		}
		c.hsK[sh.HSCode] = k
	}
	return k
}

func (c *keyCache) month(sh *merge.Shipment) any {
	id := -1
	if sh.Date.Known() {
		y, m, _ := sh.Date.Time.Date()
		id = y*12 + int(m)
	}
	k, ok := c.monthK[id]
	if !ok {
		k = key(totals.ByMonth, sh, c.lab)
		c.monthK[id] = k
	}
	return k
}

func (c *keyCache) route(sh *merge.Shipment) any {
	id := [3]string{sh.Origin, sh.Dispatch, sh.Destination}
	k, ok := c.routeK[id]
	if !ok {
		k = key(totals.ByRoute, sh, c.lab)
		c.routeK[id] = k
	}
	return k
}

// key is totals.Key's key, boxed.
func key(g totals.GroupBy, sh *merge.Shipment, lab totals.Labels) any {
	k, _ := totals.Key(g, sh, lab)
	return k
}

// overflow returns the name of part k (≥2) of source sheet s. Every part
// is named before the sheets are written; mu guards the lists anyway.
func (w *writer) overflow(s, k int) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.overflowLocked(s, k)
}

func (w *writer) overflowLocked(s, k int) string {
	for len(w.parts[s]) < k-1 {
		name := overflowName(w.srcNames[s], len(w.parts[s])+2, w.taken)
		w.parts[s] = append(w.parts[s], name)
	}
	return w.parts[s][k-2]
}
