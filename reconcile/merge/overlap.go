package merge

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"tradecheck/reconcile"
)

// Overlap is how two sources overlap and how much of the overlap merged.
// Two exports of one trade flow whose rows look alike but hardly merge
// are the sign of a total counted twice (an identifier column read as
// the wrong kind, a name the matcher missed, a unit misread).
type Overlap struct {
	A, B int32 // indexes into Input.Sources, A's name sorting first
	// From and To bound the period both sources cover, widened by the
	// date window of a possible duplicate.
	From, To time.Time
	// RowsA and RowsB count each source's shipment rows in that period
	// whose consignee entity and HS-6 the other source also has.
	RowsA, RowsB int
	Merged       int // shipments holding a row of each
	// LookAlike counts rows of A, not merged with any row of B, that
	// look like a row of B not merged with any row of A: same consignee
	// entity and HS-6, dates and weights as close as a possible
	// duplicate's.
	LookAlike int
	Dupes     int // possible duplicates listed between them
	// Warning is set when many rows look alike but few merged; its Step
	// asks which file holds export declarations when no pair is listed.
	Warning reconcile.Note
}

// The double-counting warning needs at least overlapRows look-alike rows
// left unmerged, and more of them than rows merged.
const overlapRows = 3

// Overlaps measures every pair of shipment-level sources that cover a
// common period and share a consignee entity and HS-6 there, or merged.
// dupes may be nil.
func Overlaps(in Input, res *Result, opt Options, dupes *Dupes) []Overlap {
	n := len(in.Sources)
	lo, hi := make([]int32, n), make([]int32, n)
	for s := range lo {
		lo[s], hi[s] = 1<<30, -1<<30
	}
	var keys blockKeys
	rs := make([]blockRow, 0, len(in.Records))
	for i := range in.Records {
		rec := &in.Records[i]
		s := in.SourceOf[i]
		if res.DuplicateOf[i] >= 0 || in.Sources[s].Granularity == reconcile.GranularityMonthly || in.Consignee[i] < 0 ||
			len(rec.HSCode) < 6 || rec.Date.Precision != reconcile.PrecisionDay {
			continue
		}
		d := dayOf(rec.Date)
		rs = append(rs, newBlockRow(keys.key(in.Consignee[i], rec.HSCode), s, d, int32(i)))
		lo[s], hi[s] = min(lo[s], d), max(hi[s], d)
	}
	sortBlockRows(rs)
	pairIdx := func(a, b int32) int { return int(a)*n + int(b) }
	merged := map[int]int{}
	for i := range res.Shipments {
		sh := &res.Shipments[i]
		if len(sh.Rows) < 2 {
			continue
		}
		srcs := make([]int32, 0, len(sh.Rows))
		for _, x := range sh.Rows {
			if s := in.SourceOf[x]; !slices.Contains(srcs, s) {
				srcs = append(srcs, s)
			}
		}
		slices.Sort(srcs)
		for a := range srcs {
			for b := a + 1; b < len(srcs); b++ {
				merged[pairIdx(srcs[a], srcs[b])]++
			}
		}
	}
	dupCount := map[int]int{}
	if dupes != nil {
		for _, p := range dupes.Pairs {
			for _, x := range res.Shipments[p.A].Rows {
				for _, y := range res.Shipments[p.B].Rows {
					a, b := in.SourceOf[x], in.SourceOf[y]
					if a > b {
						a, b = b, a
					}
					if a != b {
						dupCount[pairIdx(a, b)]++
					}
				}
			}
		}
	}
	window, wpct := DupWindow(opt)
	// The common period of each pair, widened by the date window: the
	// first rows of a bill-of-lading feed come days before the
	// declarations of the same goods.
	period := func(a, b int32) (int32, int32) {
		return max(lo[a], lo[b]) - int32(window), min(hi[a], hi[b]) + int32(window)
	}
	within := func(ds []blockRow, from, to int32) []blockRow {
		i, _ := slices.BinarySearchFunc(ds, from, func(d blockRow, t int32) int { return cmp.Compare(d.day, t) })
		j, _ := slices.BinarySearchFunc(ds, to+1, func(d blockRow, t int32) int { return cmp.Compare(d.day, t) })
		return ds[i:j]
	}
	acc := make([]Overlap, n*n)
	var runs [][]blockRow
	for start := 0; start < len(rs); {
		end := start + 1
		for end < len(rs) && rs[end].key == rs[start].key {
			end++
		}
		// The block's rows by source (sorted by source, then day).
		runs = runs[:0]
		for k := start; k < end; {
			m := k + 1
			for m < end && rs[m].src == rs[k].src {
				m++
			}
			runs = append(runs, rs[k:m])
			k = m
		}
		for x := range runs {
			for y := x + 1; y < len(runs); y++ {
				a, b := runs[x][0].src, runs[y][0].src
				from, to := period(a, b)
				if from > to {
					continue
				}
				ra, rb := within(runs[x], from, to), within(runs[y], from, to)
				o := &acc[pairIdx(a, b)]
				// Look-alike rows are counted from the side whose name
				// sorts first, so the figures and the warning do not
				// depend on the order the files were given in.
				if in.Sources[b].Name < in.Sources[a].Name {
					ra, rb, a, b = rb, ra, b, a
				}
				o.A, o.B = a, b
				o.RowsA += len(ra)
				o.RowsB += len(rb)
				o.LookAlike += lookAlike(in, res, ra, rb, b, a, int32(window), wpct, DupBand(opt))
			}
		}
		start = end
	}
	var out []Overlap
	for a := int32(0); int(a) < n; a++ {
		for b := a + 1; int(b) < n; b++ {
			from, to := period(a, b)
			o := acc[pairIdx(a, b)]
			o.Merged, o.Dupes = merged[pairIdx(a, b)], dupCount[pairIdx(a, b)]
			if from > to || o.RowsA == 0 && o.RowsB == 0 && o.Merged == 0 {
				continue
			}
			if o.RowsA == 0 && o.RowsB == 0 { // merged only: name order too
				o.A, o.B = a, b
				if in.Sources[b].Name < in.Sources[a].Name {
					o.A, o.B = b, a
				}
			}
			a, b := o.A, o.B
			o.From, o.To = time.Unix(int64(from)*secondsPerDay, 0).UTC(), time.Unix(int64(to)*secondsPerDay, 0).UTC()
			if o.LookAlike >= overlapRows && o.LookAlike > o.Merged {
				// Pairs whose identifiers differ are never listed as possible
				// duplicates, so pointing at an empty list would mislead: say
				// why it is empty (an export file's declaration numbers are
				// not the import side's).
				next := "and the Possible duplicates list"
				if o.Dupes == 0 {
					next = "none is on the Possible duplicates list, which leaves out pairs whose declaration or B/L numbers differ (and pairs you kept apart); if one source is the other side of the same trade (an export file against import declarations), those numbers are of different customs offices and the rows are probably the same shipments, counted twice here: say which file holds export declarations and they are paired by the export rule"
					o.Warning.Step = reconcile.Step{Fix: reconcile.FixTradeFlow}
				}
				// The count is of rows of A, each counted once however many
				// rows of B it resembles; RowsA says how many rows of A were
				// candidates, so that a reader sees how many more may be the
				// same shipments beyond the date and weight limits.
				o.Warning.Text = fmt.Sprintf("possible double counting between %s and %s: %d row(s) of %s look like rows of %s (same firm and HS-6, dates within %d days, weights within %g%%) but were not merged, against %d shipment(s) merged between them (%s to %s; %d row(s) of %s have a firm and HS-6 that %s also has there, the others of them differ more in date or weight, or merged); check how their identifier, name and weight columns were read, %s",
					in.Sources[a].Name, in.Sources[b].Name, o.LookAlike, in.Sources[a].Name, in.Sources[b].Name, window, wpct, o.Merged,
					o.From.Format("2006-01-02"), o.To.Format("2006-01-02"), o.RowsA, in.Sources[a].Name, in.Sources[b].Name, next)
			}
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(x, y Overlap) int {
		return cmp.Or(cmp.Compare(in.Sources[x.A].Name, in.Sources[y.A].Name), cmp.Compare(in.Sources[x.B].Name, in.Sources[y.B].Name))
	})
	return out
}

// lookAlike counts rows of ra (source sa) whose shipment holds no row of
// source sb and that look like a row of rb whose shipment holds no row
// of sa. Both lists are sorted by day.
func lookAlike(in Input, res *Result, ra, rb []blockRow, sb, sa int32, window int32, wpct, band float64) int {
	holds := func(i int32, src int32) bool {
		sh := res.ShipmentOf[i]
		if sh < 0 {
			return false
		}
		for _, x := range res.Shipments[sh].Rows {
			if in.SourceOf[x] == src {
				return true
			}
		}
		return false
	}
	n, lo := 0, 0
	for _, x := range ra {
		if holds(x.i, sb) {
			continue
		}
		for lo < len(rb) && rb[lo].day < x.day-window {
			lo++
		}
		ax := &in.Records[x.i]
		for _, y := range rb[lo:] {
			if y.day > x.day+window {
				break
			}
			by := &in.Records[y.i]
			if _, pct, ok := looseWeights(ax.NetKg, ax.GrossKg, by.NetKg, by.GrossKg, band); ok && pct <= wpct && !holds(y.i, sa) {
				n++
				break
			}
		}
	}
	return n
}
