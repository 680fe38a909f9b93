package merge

import (
	"cmp"
	"context"
	"slices"

	"tradecheck/reconcile"
)

// The Possible duplicates pass and the overlap check compare rows within
// blocks of one consignee entity and one HS-6 code. A block key packs
// both into a uint64, and the rows of every block sit in one slice sorted
// by key and day: at a million rows a map of slices per block cost more
// than the comparisons.

// blockRow is a shipment or record in its block.
type blockRow struct {
	key uint64
	// sub packs the source (for the overlap check; 0 in the duplicates
	// pass) and the day so that one comparison orders most rows.
	sub uint64
	day int32 // days since 1970
	src int32
	i   int32 // shipment or record index
}

func newBlockRow(key uint64, src int32, day int32, i int32) blockRow {
	sub := uint64(uint16(src))<<48 | uint64(uint32(day+1<<30))<<16
	return blockRow{key: key, sub: sub, day: day, src: src, i: i}
}

// blockKeys gives block keys; an HS-6 code that is not six digits gets
// a number of its own past the digit codes.
type blockKeys struct {
	other map[string]uint32
}

func (k *blockKeys) key(consignee int32, hs string) uint64 {
	n, ok := uint32(0), true
	for _, c := range []byte(hs[:6]) {
		if c < '0' || c > '9' {
			ok = false
			break
		}
		n = n*10 + uint32(c-'0')
	}
	if !ok {
		if k.other == nil {
			k.other = map[string]uint32{}
		}
		id, seen := k.other[hs[:6]]
		if !seen {
			id = 1_000_000 + uint32(len(k.other))
			k.other[hs[:6]] = id
		}
		n = id
	}
	return uint64(uint32(consignee))<<32 | uint64(n)
}

func dayOf(d reconcile.Date) int32 { return int32(d.Time.Unix() / secondsPerDay) }

// sortBlockRows orders rows by block, source, day and index.
func sortBlockRows(rs []blockRow) {
	slices.SortFunc(rs, func(a, b blockRow) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		if a.sub != b.sub {
			return cmp.Compare(a.sub, b.sub)
		}
		return cmp.Compare(a.i, b.i)
	})
}

// scanPairs visits every pair of rows of one block whose days are at most
// span apart, in block order, each row with at most limit later rows of
// its block (0: no limit). rs must be sorted by sortBlockRows with the
// source left 0. The merge's pairing (fuzzyEdges) and the Possible
// duplicates pass scan candidates with it, so both see the same pairs.
func scanPairs(ctx context.Context, rs []blockRow, span int32, limit int, visit func(a, b blockRow)) error {
	for x := range rs {
		if x%65536 == 0 && ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		for y := x + 1; y < len(rs) && rs[y].key == rs[x].key && rs[y].day-rs[x].day <= span && (limit <= 0 || y-x <= limit); y++ {
			visit(rs[x], rs[y])
		}
	}
	return nil
}
