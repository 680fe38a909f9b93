package pipeline

import (
	"context"
	"io"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/arena"
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

// placed is a file's chunks and where its records go in the result.
type placed struct {
	store chunks
	base  int
}

// copyChunks copies every file's chunks into recs at the file's base,
// dropping each chunk once copied. (Copying on two cores was measured
// slower: the destination is fresh memory, and faulting it in does not
// scale.) The chunks are not used afterwards.
func copyChunks(recs []reconcile.Record, stores []placed) {
	for i := range stores {
		st := &stores[i].store
		if st.cur != nil {
			st.full = append(st.full, st.cur)
		}
		at := stores[i].base
		for k, c := range st.full {
			at += copy(recs[at:], c)
			st.full[k] = nil
		}
		*st = chunks{}
	}
}

// readFile reads every sheet of a file and hands each record to add with
// its sheet's index, like read.ReadAll but without holding the records:
// Run keeps them in chunks, the bounded-memory path spills them to disk.
// Each sheet's Records stay nil; its First and Rows count the records
// handed to add.
func readFile(ctx context.Context, path string, opt read.Options, add func(sheet int, name string, rec *reconcile.Record) error, progress func(rows int)) ([]read.SheetResult, error) {
	w, err := read.Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	var sheets []read.SheetResult
	total, count := 0, 0
	for _, name := range w.Sheets() {
		rs := read.SheetResult{File: path, Sheet: name, First: count, Format: w.Format(), Encoding: w.Encoding(), Hidden: w.SheetHidden(name)}
		sr, err := w.Sheet(name)
		if err != nil {
			rs.Err = err
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
				rs.Err = err
				break
			}
			if err := add(len(sheets), name, &rec); err != nil {
				sr.Close()
				return sheets, err
			}
			count++
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
		rs.Rows = count - rs.First
		sr.Describe(&rs)
		sr.Close()
		sheets = append(sheets, rs)
		if progress != nil {
			progress(total)
		}
	}
	return sheets, nil
}

// interner shares repeated strings (file paths, names, countries, units,
// descriptions) so a million rows do not hold a million copies, and moves
// what each record keeps (its strings, its name lists) into arena blocks:
// the reader allocates them between short-lived garbage, and a million
// records' worth of small objects left there would hold hundreds of MB of
// half-empty pages and cost the collector a visit each on every cycle.
type interner struct {
	m     map[string]string
	str   arena.Strings
	names arena.Slab[string]
	// one []string{name} per distinct name, shared by every record that
	// names only it (capacity 1: appending copies, and nothing writes
	// into a record's Names in place)
	single map[string][]string
}

// s replaces *p by its shared copy.
func (in *interner) s(p *string) {
	if *p == "" {
		return
	}
	if len(*p) > 200 {
		*p = in.str.Add(*p)
		return
	}
	if in.m == nil {
		in.m = map[string]string{}
	}
	if v, ok := in.m[*p]; ok {
		*p = v
		return
	}
	v := in.str.Add(*p)
	if len(in.m) < 2_000_000 { // beyond that, unbounded variety: stop growing
		in.m[v] = v
	}
	*p = v
}

// own moves a string that is rarely repeated (a declaration number, a
// number's text) into the arena.
func (in *interner) own(p *string) { *p = in.str.Add(*p) }

func (in *interner) record(r *reconcile.Record) {
	in.s(&r.Source.File)
	in.s(&r.Source.Sheet)
	for _, p := range []*reconcile.Party{&r.Consignee, &r.Shipper} {
		for k := range p.Names {
			in.s(&p.Names[k])
		}
		if len(p.Names) == 1 {
			n, ok := in.single[p.Names[0]]
			if !ok {
				if in.single == nil {
					in.single = map[string][]string{}
				}
				n = in.names.Copy(p.Names)
				if len(in.single) < 1_000_000 {
					in.single[n[0]] = n
				}
			}
			p.Names = n
		} else {
			p.Names = in.names.Copy(p.Names)
		}
		in.s(&p.TaxID)
		in.own(&p.KPP)
		in.s(&p.Country)
	}
	in.s(&r.OriginCountry)
	in.s(&r.DispatchCountry)
	in.s(&r.DestinationCountry)
	in.s(&r.HSCode)
	in.s(&r.Description)
	in.s(&r.QuantityUnit)
	in.s(&r.Currency)
	in.own(&r.DeclarationID)
	in.s(&r.ItemNo)
	in.own(&r.BillOfLading)
	in.own(&r.Container)
	in.own(&r.Invoice)
	for _, n := range []*reconcile.Number{&r.Quantity, &r.NetKg, &r.GrossKg, &r.Value, &r.ValueUSD} {
		in.own(&n.Raw)
	}
}
