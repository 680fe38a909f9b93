package pipeline

import (
	"context"
	"io"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// chunkSize is how many records one storage chunk holds while reading.
// Records are gathered in chunks and copied once into an exactly sized
// slice, so a million rows never pay for slice doubling (which would
// briefly hold two and a quarter copies).
const chunkSize = 1 << 15

// chunks accumulates records.
type chunks struct {
	full [][]reconcile.Record
	cur  []reconcile.Record
	n    int
}

func (c *chunks) add(r reconcile.Record) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]reconcile.Record, 0, chunkSize)
	}
	c.cur = append(c.cur, r)
	c.n++
}

// appendTo appends all records to out (which has the room), releasing
// each chunk as soon as it is copied.
func (c *chunks) appendTo(out []reconcile.Record) []reconcile.Record {
	if c.cur != nil {
		c.full = append(c.full, c.cur)
		c.cur = nil
	}
	for i := range c.full {
		out = append(out, c.full[i]...)
		c.full[i] = nil
	}
	c.full = nil
	return out
}

// readSheet is one sheet as read, without its records (those went to the
// chunks).
type readSheet struct {
	name        string
	headerRow   int
	columns     []read.Column
	skipped     []reconcile.Skip
	skipCounts  map[reconcile.SkipReason]int
	granularity read.Granularity
	warnings    []string
	err         error
	first, n    int
}

// readFile reads every sheet of a file into recs, like read.ReadAll but
// without holding a second copy of the records. Records are interned as
// they arrive.
func readFile(ctx context.Context, path string, opt read.Options, recs *chunks, in *interner, progress func(rows int)) ([]readSheet, error) {
	w, err := read.Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	var sheets []readSheet
	total := 0
	for _, name := range w.Sheets() {
		rs := readSheet{name: name, first: recs.n}
		sr, err := w.Sheet(name)
		if err != nil {
			rs.err = err
			sheets = append(sheets, rs)
			if ctx.Err() != nil {
				return sheets, reconcile.ErrCanceled
			}
			continue
		}
		for n := 0; ; n++ {
			rec, err := sr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				rs.err = err
				break
			}
			in.record(&rec)
			recs.add(rec)
			if n%4096 == 0 {
				if ctx.Err() != nil {
					sr.Close()
					return sheets, reconcile.ErrCanceled
				}
				if progress != nil {
					progress(total + sr.Rows())
				}
			}
		}
		total += sr.Rows()
		rs.n = recs.n - rs.first
		rs.headerRow, rs.columns, rs.skipped, rs.skipCounts = sr.HeaderRow(), sr.Columns(), sr.Skipped(), sr.SkipCounts()
		rs.granularity, rs.warnings = sr.Granularity(), sr.Warnings()
		sr.Close()
		sheets = append(sheets, rs)
		if progress != nil {
			progress(total)
		}
	}
	return sheets, nil
}

// interner shares repeated strings (file paths, names, countries, units,
// descriptions) so a million rows do not hold a million copies.
type interner struct{ m map[string]string }

func (in *interner) s(p *string) {
	if *p == "" || len(*p) > 200 {
		return
	}
	if in.m == nil {
		in.m = map[string]string{}
	}
	if v, ok := in.m[*p]; ok {
		*p = v
		return
	}
	if len(in.m) > 2_000_000 {
		return // unbounded variety: stop growing
	}
	in.m[*p] = *p
}

func (in *interner) record(r *reconcile.Record) {
	in.s(&r.Source.File)
	in.s(&r.Source.Sheet)
	for k := range r.Consignee.Names {
		in.s(&r.Consignee.Names[k])
	}
	for k := range r.Shipper.Names {
		in.s(&r.Shipper.Names[k])
	}
	in.s(&r.Consignee.TaxID)
	in.s(&r.Shipper.TaxID)
	in.s(&r.Consignee.Country)
	in.s(&r.Shipper.Country)
	in.s(&r.OriginCountry)
	in.s(&r.DispatchCountry)
	in.s(&r.DestinationCountry)
	in.s(&r.HSCode)
	in.s(&r.Description)
	in.s(&r.QuantityUnit)
	in.s(&r.Currency)
}
