package pipeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"tradecheck/reconcile/merge"
)

// Shipment IDs across parts. A shipment's ID is 8 hex digits hashed from
// its anchor row (merge.ShipmentID); when two anchors hash alike, Run
// gives the later shipment (by date, then canonical order) a longer ID.
// Ten million rows hold thousands of such pairs, mostly in different
// parts, where merge.Reconcile cannot see them. So Stream hashes every
// row's would-be ID while reading (idHash), keeps the hashes that occur
// twice, and holds back every shipment whose anchor has one of them: they
// are numbered together after the last part, as Run numbers them, and
// handed to the sink as one more part.

// idHash is the 32 bits of the ID a shipment anchored on this row would
// get at the first attempt (the "S-"/"M-" prefix aside).
func idHash(sourceKey string, row int) uint32 {
	h := sha256.Sum256([]byte(sourceKey + "\x00" + strconv.Itoa(row) + "\x00" + "0"))
	return binary.BigEndian.Uint32(h[:4])
}

// clashKey is the top bits of idHash that tell clashes apart: all 32 of
// the ID (StreamOptions.idHashBits lets a test use fewer, so that nearly
// every shipment is held back and numbered after the parts).
func clashKey(h uint32, bits int) uint32 { return h >> (32 - bits) }

// hashBits is the number of idHash bits clashKey keeps.
func (s *streamer) hashBits() int {
	if b := s.opt.idHashBits; b > 0 && b <= 32 {
		return b
	}
	return 32
}

// clashes returns the clash keys that occur more than once. hs is
// overwritten.
func clashes(hs []uint32, bits int) map[uint32]bool {
	for i := range hs {
		hs[i] = clashKey(hs[i], bits)
	}
	slices.Sort(hs)
	out := map[uint32]bool{}
	for i := 1; i < len(hs); i++ {
		if hs[i] == hs[i-1] {
			out[hs[i]] = true
		}
	}
	return out
}

// heldShipment is a shipment held back for numbering, with Run's sort
// key for it.
type heldShipment struct {
	sh      int // index in the held part's shipments
	base    string
	monthly bool
	unknown bool
	sec     int64
	nsec    int32
	srcRank int
	global  int
	key     string
	row     int
}

// sourceKey is merge's key of source s (merge.Source.Key, else Name).
func sourceKey(src merge.Source) string {
	if src.Key != "" {
		return src.Key
	}
	return src.Name
}

// sourceRanks orders the merge sources as merge orders records: by key,
// then name.
func sourceRanks(srcs []merge.Source) []int {
	idx := make([]int, len(srcs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(strings.Compare(sourceKey(srcs[a]), sourceKey(srcs[b])), strings.Compare(srcs[a].Name, srcs[b].Name))
	})
	rank := make([]int, len(srcs))
	for k, s := range idx {
		rank[s] = k
	}
	return rank
}

// anchorOf finds the row a shipment's ID was derived from, among the rows
// whose hash clashes: the row whose key and row number give the ID at
// some attempt. ok is false when the anchor's hash is unique, so its ID
// is too.
func (s *streamer) anchorOf(pr *Result, in *merge.Input, sh *merge.Shipment) (x int32, ok bool) {
	return anchorRow(pr, in, sh, func(key string, row int) bool {
		return s.clash[clashKey(idHash(key, row), s.hashBits())]
	})
}

// anchorRow finds, among the rows of sh that consider accepts, the row
// whose source key and row number give sh's ID at some attempt.
func anchorRow(pr *Result, in *merge.Input, sh *merge.Shipment, consider func(key string, row int) bool) (int32, bool) {
	for _, x := range sh.Rows {
		key, row := sourceKey(in.Sources[in.SourceOf[x]]), pr.Records[x].Source.Row
		if !consider(key, row) {
			continue
		}
		for a := 0; a < 4; a++ {
			if merge.ShipmentID(sh.Monthly, key, row, a) == sh.ID {
				return x, true
			}
		}
	}
	return 0, false
}

// holdBack moves the part's shipments anchored on a clashing hash, with
// their records, into s.held, and returns the part without them and,
// for each shipment held, its index in s.heldPart.
func (s *streamer) holdBack(pr *Result, in *merge.Input, globals []int) (*Result, map[int32]int32) {
	m := pr.Merge
	var keep []bool
	anchors := map[int]int32{}
	for i := range m.Shipments {
		if x, ok := s.anchorOf(pr, in, &m.Shipments[i]); ok {
			if keep == nil {
				keep = make([]bool, len(m.Shipments))
				for k := range keep {
					keep[k] = true
				}
			}
			keep[i] = false
			anchors[i] = x
		}
	}
	if keep == nil {
		return pr, nil
	}
	// The held shipments' sort keys, as merge's number() sorts, taken
	// before split moves the part's records.
	base := 0
	if s.heldPart != nil {
		base = len(s.heldPart.Merge.Shipments)
	}
	heldAt := make(map[int32]int32, len(anchors))
	for i := range m.Shipments {
		if keep[i] {
			continue
		}
		sh := &m.Shipments[i]
		x := anchors[i]
		src := in.Sources[in.SourceOf[x]]
		h := heldShipment{sh: base, monthly: sh.Monthly, unknown: !sh.Date.Known(),
			srcRank: s.srcRank[in.SourceOf[x]], global: globals[x], key: sourceKey(src), row: pr.Records[x].Source.Row}
		if sh.Date.Known() {
			h.sec, h.nsec = sh.Date.Time.Unix(), int32(sh.Date.Time.Nanosecond())
		}
		h.base = merge.ShipmentID(sh.Monthly, h.key, h.row, 0)
		s.held = append(s.held, h)
		heldAt[int32(i)] = int32(base)
		base++
	}
	rest, held := split(pr, keep)
	s.heldPart = join(s.heldPart, held)
	return rest, heldAt
}

// numberHeld gives the held shipments the IDs Run gives them: in each
// group sharing a first-attempt ID, the first by date and canonical
// order keeps it, the others take their own second attempt.
func (s *streamer) numberHeld() {
	hs := s.held
	s.sum.HeldBack = len(hs)
	slices.SortFunc(hs, func(a, b heldShipment) int {
		return cmp.Or(strings.Compare(a.base, b.base), boolCmp(a.monthly, b.monthly), boolCmp(a.unknown, b.unknown),
			cmp.Compare(a.sec, b.sec), cmp.Compare(a.nsec, b.nsec), cmp.Compare(a.srcRank, b.srcRank), cmp.Compare(a.global, b.global))
	})
	taken := map[string]bool{}
	for i, h := range hs {
		later := i > 0 && hs[i-1].base == h.base // Run gave the base ID to the first
		id := h.base
		for attempt := 1; later && attempt == 1 || taken[id]; attempt++ {
			id = merge.ShipmentID(h.monthly, h.key, h.row, attempt)
		}
		if later {
			s.sum.IDClashes++
		}
		taken[id] = true
		s.heldPart.Merge.Shipments[h.sh].ID = id
	}
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// split divides a part's Result into the shipments keep marks and the
// others, each with its own records (a shipment's rows and duplicates).
// The kept part reuses pr's memory (pr is not valid afterwards): a part
// holds 200,000 records, the held ones a handful.
func split(pr *Result, keep []bool) (rest, held *Result) {
	m := pr.Merge
	isHeld := make([]bool, len(pr.Records))
	for i := range m.Shipments {
		if keep[i] {
			continue
		}
		for _, rs := range [][]int32{m.Shipments[i].Rows, m.Shipments[i].Duplicates} {
			for _, x := range rs {
				isHeld[x] = true
			}
		}
	}
	var restRecs, heldRecs []int32
	for x := range pr.Records {
		if isHeld[x] {
			heldRecs = append(heldRecs, int32(x))
		} else {
			restRecs = append(restRecs, int32(x))
		}
	}
	held = subset(pr, &Result{Merge: &merge.Result{}}, heldRecs, keep, false)
	for i := range held.Records {
		detach(reflect.ValueOf(&held.Records[i]).Elem())
	}
	for i := range held.Merge.Shipments {
		detach(reflect.ValueOf(&held.Merge.Shipments[i]).Elem())
	}
	return subset(pr, pr, restRecs, keep, true), held
}

// subset fills out with pr restricted to records recs (ascending) and the
// shipments whose keep mark equals want, indexes renumbered. out may be
// pr itself: every index only moves down, so reading at the old index
// always comes before writing there.
func subset(pr, out *Result, recs []int32, keep []bool, want bool) *Result {
	m, om := pr.Merge, out.Merge
	out.Project, out.Files, out.Names, out.Goods, out.Started, out.StaleDecisions = pr.Project, pr.Files, pr.Names, pr.Goods, pr.Started, pr.StaleDecisions
	idx := make([]int32, len(pr.Records))
	for k, x := range recs {
		idx[x] = int32(k)
	}
	newSh := make([]int32, len(m.Shipments))
	n := 0
	merged := 0
	for i := range m.Shipments {
		if keep[i] != want {
			continue
		}
		sh := m.Shipments[i]
		sh.Rows = remap(sh.Rows, idx)
		sh.Duplicates = remap(sh.Duplicates, idx)
		newSh[i] = int32(n)
		if len(sh.Rows) > 1 {
			merged++
		}
		if om == m {
			m.Shipments[n] = sh
		} else {
			om.Shipments = append(om.Shipments, sh)
		}
		n++
	}
	dups := 0
	grow := func(s []int32) []int32 {
		if om == m {
			return s
		}
		return make([]int32, len(recs))
	}
	shipOf, dupOf := grow(m.ShipmentOf), grow(m.DuplicateOf)
	for k, x := range recs {
		s, d := m.ShipmentOf[x], m.DuplicateOf[x]
		shipOf[k], dupOf[k] = -1, -1
		if s >= 0 {
			shipOf[k] = newSh[s]
		}
		if d >= 0 {
			dupOf[k] = idx[d]
			dups++
		}
		if out != pr {
			out.Records = append(out.Records, pr.Records[x])
			out.RecSheet = append(out.RecSheet, pr.RecSheet[x])
			out.ConsigneeMention = append(out.ConsigneeMention, pr.ConsigneeMention[x])
			out.ShipperMention = append(out.ShipperMention, pr.ShipperMention[x])
			out.ConsigneeEntity = append(out.ConsigneeEntity, pr.ConsigneeEntity[x])
			out.ShipperEntity = append(out.ShipperEntity, pr.ShipperEntity[x])
			continue
		}
		pr.Records[k], pr.RecSheet[k] = pr.Records[x], pr.RecSheet[x]
		pr.ConsigneeMention[k], pr.ShipperMention[k] = pr.ConsigneeMention[x], pr.ShipperMention[x]
		pr.ConsigneeEntity[k], pr.ShipperEntity[k] = pr.ConsigneeEntity[x], pr.ShipperEntity[x]
	}
	if out == pr {
		k := len(recs)
		clear(pr.Records[k:]) // drop what the moved records referenced
		pr.Records, pr.RecSheet = pr.Records[:k], pr.RecSheet[:k]
		pr.ConsigneeMention, pr.ShipperMention = pr.ConsigneeMention[:k], pr.ShipperMention[:k]
		pr.ConsigneeEntity, pr.ShipperEntity = pr.ConsigneeEntity[:k], pr.ShipperEntity[:k]
		m.Shipments = m.Shipments[:n]
	}
	om.ShipmentOf, om.DuplicateOf = shipOf[:len(recs)], dupOf[:len(recs)]
	om.Merged, om.Duplicates = merged, dups
	return out
}

func remap(xs []int32, idx []int32) []int32 {
	if xs == nil {
		return nil
	}
	out := make([]int32, len(xs))
	for k, x := range xs {
		out[k] = idx[x]
	}
	return out
}

// join appends part b to a (nil a: b).
func join(a, b *Result) *Result {
	if a == nil {
		return b
	}
	off := int32(len(a.Records))
	shOff := int32(len(a.Merge.Shipments))
	a.Records = append(a.Records, b.Records...)
	a.RecSheet = append(a.RecSheet, b.RecSheet...)
	a.ConsigneeMention = append(a.ConsigneeMention, b.ConsigneeMention...)
	a.ShipperMention = append(a.ShipperMention, b.ShipperMention...)
	a.ConsigneeEntity = append(a.ConsigneeEntity, b.ConsigneeEntity...)
	a.ShipperEntity = append(a.ShipperEntity, b.ShipperEntity...)
	am, bm := a.Merge, b.Merge
	for _, sh := range bm.Shipments {
		sh.Rows = shifted(sh.Rows, off)
		sh.Duplicates = shifted(sh.Duplicates, off)
		am.Shipments = append(am.Shipments, sh)
	}
	for k := range bm.ShipmentOf {
		s, d := bm.ShipmentOf[k], bm.DuplicateOf[k]
		if s >= 0 {
			s += shOff
		}
		if d >= 0 {
			d += off
		}
		am.ShipmentOf = append(am.ShipmentOf, s)
		am.DuplicateOf = append(am.DuplicateOf, d)
	}
	am.Merged += bm.Merged
	am.Duplicates += bm.Duplicates
	return a
}

func shifted(xs []int32, off int32) []int32 {
	if xs == nil {
		return nil
	}
	out := make([]int32, len(xs))
	for k, x := range xs {
		out[k] = x + off
	}
	return out
}

// detach deep-copies every string and slice v holds (a record or a
// shipment). A part's records and shipments keep their strings in the
// part's arena blocks; a held one copied as is would keep its whole
// part's blocks alive until the end — with a few hundred held per part,
// every part's (measured: the heap reached 2 GB at 10M rows).
func detach(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(strings.Clone(v.String()))
		}
	case reflect.Slice:
		if v.IsNil() || !v.CanSet() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		for i := 0; i < c.Len(); i++ {
			detach(c.Index(i))
		}
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			detach(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			detach(v.Field(i))
		}
	}
}
