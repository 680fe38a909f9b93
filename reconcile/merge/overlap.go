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
	A, B int32 // indexes into Input.Sources, A < B
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
	// Warning is set when many rows look alike but few merged.
	Warning string
}

// The double-counting warning needs at least overlapRows look-alike rows
// left unmerged, and more of them than rows merged.
const overlapRows = 3

// Overlaps measures every pair of shipment-level sources that cover a
// common period and share a consignee entity and HS-6 there, or merged.
// dupes may be nil.
func Overlaps(in Input, res *Result, opt Options, dupes *Dupes) []Overlap {
	type key struct {
		c  int32
		hs string
	}
	n := len(in.Sources)
	days := make([]map[key][]dayRow, n) // per source: key → rows by day
	lo, hi := make([]int64, n), make([]int64, n)
	for s := range lo {
		lo[s], hi[s] = 1<<62, -1<<62
	}
	for i := range in.Records {
		rec := &in.Records[i]
		s := in.SourceOf[i]
		if res.DuplicateOf[i] >= 0 || in.Sources[s].Granularity == MonthlyAggregate || in.Consignee[i] < 0 ||
			len(rec.HSCode) < 6 || rec.Date.Precision != reconcile.PrecisionDay {
			continue
		}
		d := rec.Date.Time.Unix() / secondsPerDay
		if days[s] == nil {
			days[s] = map[key][]dayRow{}
		}
		k := key{in.Consignee[i], rec.HSCode[:6]}
		days[s][k] = append(days[s][k], dayRow{d, int32(i)})
		lo[s], hi[s] = min(lo[s], d), max(hi[s], d)
	}
	for _, m := range days {
		for _, ds := range m {
			slices.SortFunc(ds, func(a, b dayRow) int { return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.i, b.i)) })
		}
	}
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
	within := func(ds []dayRow, from, to int64) []dayRow {
		i, _ := slices.BinarySearchFunc(ds, from, func(d dayRow, t int64) int { return cmp.Compare(d.day, t) })
		j, _ := slices.BinarySearchFunc(ds, to+1, func(d dayRow, t int64) int { return cmp.Compare(d.day, t) })
		return ds[i:j]
	}
	window, wpct := DupWindow(opt)
	var out []Overlap
	for a := int32(0); int(a) < n; a++ {
		for b := a + 1; int(b) < n; b++ {
			if days[a] == nil || days[b] == nil {
				continue
			}
			// The common period, widened by the date window: the first
			// rows of a bill-of-lading feed come days before the
			// declarations of the same goods.
			from, to := max(lo[a], lo[b])-int64(window), min(hi[a], hi[b])+int64(window)
			if from > to {
				continue
			}
			o := Overlap{A: a, B: b, From: time.Unix(from*secondsPerDay, 0).UTC(), To: time.Unix(to*secondsPerDay, 0).UTC(),
				Merged: merged[pairIdx(a, b)], Dupes: dupCount[pairIdx(a, b)]}
			for k, da := range days[a] {
				db, ok := days[b][k]
				if !ok {
					continue
				}
				ra, rb := within(da, from, to), within(db, from, to)
				o.RowsA += len(ra)
				o.RowsB += len(rb)
				o.LookAlike += lookAlike(in, res, ra, rb, b, a, int64(window), wpct)
			}
			if o.RowsA == 0 && o.RowsB == 0 && o.Merged == 0 {
				continue
			}
			if o.LookAlike >= overlapRows && o.LookAlike > o.Merged {
				o.Warning = fmt.Sprintf("possible double counting between %s and %s: %d row(s) of %s look like rows of %s (same firm and HS-6, dates within %d days, weights within %g%%) but were not merged, against %d shipment(s) merged between them (%s to %s); check how their identifier, name and weight columns were read, and the Possible duplicates list",
					in.Sources[a].Name, in.Sources[b].Name, o.LookAlike, in.Sources[a].Name, in.Sources[b].Name, window, wpct, o.Merged,
					o.From.Format("2006-01-02"), o.To.Format("2006-01-02"))
			}
			out = append(out, o)
		}
	}
	return out
}

// dayRow is a record and its day number.
type dayRow struct {
	day int64
	i   int32
}

// lookAlike counts rows of ra (source sa) whose shipment holds no row of
// source sb and that look like a row of rb whose shipment holds no row
// of sa. Both lists are sorted by day.
func lookAlike(in Input, res *Result, ra, rb []dayRow, sb, sa int32, window int64, wpct float64) int {
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
			if _, pct, ok := compareWeights(ax.NetKg, ax.GrossKg, by.NetKg, by.GrossKg); ok && pct <= wpct && !holds(y.i, sa) {
				n++
				break
			}
		}
	}
	return n
}
