package pipeline

import (
	"cmp"
	"context"
	"reflect"
	"slices"
	"strings"

	"tradecheck/reconcile/merge"
)

// Possible duplicates on the bounded-memory path. merge.PossibleDuplicates
// compares shipments of one consignee entity, or of entities the name
// matcher relates, and HS-6; such shipments always lie in one part (the
// union-find joins their rows), so each part's pairs are the pairs Run
// lists among those shipments. Run keeps the best merge.MaxDupPairs by
// score, then by the shipments' order; Stream keeps the best so far over
// the parts done, ordered by the same key (shipOrder), so memory holds at
// most two parts' worth of the list.

// streamDup is one possible-duplicate pair of a part.
type streamDup struct {
	row   DupRow
	order [2]shipOrder
	// part holds the shipments' indexes in their part until keepDupes
	// turns those of held shipments into their index in s.heldPart,
	// with held set: their IDs are given after the last part.
	part [2]int32
	held [2]bool
	// renames are held shipments the reasons name (a tie names every
	// candidate) by the ID the part gave them, which numberHeld may
	// lengthen.
	renames []heldName
}

// heldName is a held shipment as a reason names it.
type heldName struct {
	id   string // as the part numbered it
	held int32  // index in s.heldPart
}

// shipOrder places a shipment where Run's shipment order (merge's
// number: date, then the canonical position of its anchor row) puts it;
// possible duplicates are shipment-level with a known date.
type shipOrder struct {
	sec     int64
	nsec    int32
	srcRank int
	global  int
}

func (a shipOrder) compare(b shipOrder) int {
	return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.nsec, b.nsec), cmp.Compare(a.srcRank, b.srcRank), cmp.Compare(a.global, b.global))
}

// compareDups is merge.PossibleDuplicates' order: score descending, then
// shipment A's place, then B's.
func compareDups(a, b streamDup) int {
	if a.row.Score != b.row.Score {
		if a.row.Score > b.row.Score {
			return -1
		}
		return 1
	}
	return cmp.Or(a.order[0].compare(b.order[0]), a.order[1].compare(b.order[1]))
}

// joinRelated joins, in the union-find, the mentions of entities the
// name matcher relates without merging them (its review pairs): Possible
// duplicates and the names-in-review merge rule compare their rows.
func (s *streamer) joinRelated() {
	names := s.res.Names
	for _, rel := range relatedEntities(names) {
		a, b := names.Entities[rel.A].Members, names.Entities[rel.B].Members
		if len(a) > 0 && len(b) > 0 {
			s.union(int32(s.n+a[0]), int32(s.n+b[0]))
		}
	}
}

// partDupes lists the possible duplicates of a reconciled part, each
// copied out of the part's memory.
func (s *streamer) partDupes(ctx context.Context, pr *Result, in *merge.Input, globals []int) ([]streamDup, error) {
	d, err := merge.PossibleDuplicates(ctx, *in, pr.Merge, mergeOptions(pr.Project.Params), s.ds)
	if err != nil {
		return nil, err
	}
	if s.sum.Dupes == nil {
		s.sum.Dupes = &DupList{}
	}
	sd := s.sum.Dupes
	sd.More += d.More
	sd.KeptApart += d.KeptApart
	sd.WindowDays, sd.WeightPct = d.WindowDays, d.WeightPct
	anyRow := func(string, int) bool { return true }
	out := make([]streamDup, 0, len(d.Pairs))
	for _, p := range d.Pairs {
		x := streamDup{row: dupRow(pr, p), part: [2]int32{p.A, p.B}}
		// A kept pair outlives its part: copied, it does not keep the
		// part's string blocks alive.
		detach(reflect.ValueOf(&x.row).Elem())
		for k, i := range [2]int32{p.A, p.B} {
			sh := &pr.Merge.Shipments[i]
			a, ok := anchorRow(pr, in, sh, anyRow)
			if !ok {
				a = sh.Rows[0]
			}
			x.order[k] = shipOrder{sh.Date.Time.Unix(), int32(sh.Date.Time.Nanosecond()), s.srcRank[in.SourceOf[a]], globals[a]}
		}
		out = append(out, x)
	}
	return out, nil
}

// keepDupes adds a part's pairs to the list and keeps the best
// merge.MaxDupPairs; heldAt maps the part's held shipments to their
// index in s.heldPart.
func (s *streamer) keepDupes(dups []streamDup, heldAt map[int32]int32) {
	// Until numberHeld, s.heldPart's shipments carry the part's IDs.
	var heldIDs map[string]int32
	if len(heldAt) > 0 {
		heldIDs = make(map[string]int32, len(heldAt))
		for _, h := range heldAt {
			heldIDs[s.heldPart.Merge.Shipments[h].ID] = h
		}
	}
	for i := range dups {
		d := &dups[i]
		for k, sh := range d.part {
			if h, ok := heldAt[sh]; ok {
				d.part[k], d.held[k] = h, true
			}
		}
		if heldIDs == nil {
			continue
		}
		for _, why := range d.row.NotMerged {
			for _, w := range strings.FieldsFunc(why, func(r rune) bool { return r >= 0x80 || !idByte(byte(r)) }) {
				if h, ok := heldIDs[w]; ok && !slices.Contains(d.renames, heldName{w, h}) {
					d.renames = append(d.renames, heldName{w, h})
				}
			}
		}
	}
	s.dupes = append(s.dupes, dups...)
	slices.SortFunc(s.dupes, compareDups)
	if n := len(s.dupes) - merge.MaxDupPairs; n > 0 {
		s.sum.Dupes.More += n
		clear(s.dupes[merge.MaxDupPairs:])
		s.dupes = s.dupes[:merge.MaxDupPairs]
	}
}

// finishDupes gives the held shipments of the pairs their IDs, now that
// they are numbered, and hands the list to the summary.
func (s *streamer) finishDupes() {
	if s.sum.Dupes == nil {
		s.sum.Dupes = &DupList{}
		s.sum.Dupes.WindowDays, s.sum.Dupes.WeightPct = merge.DupWindow(mergeOptions(s.res.Project.Params))
	}
	out := make([]DupRow, len(s.dupes))
	for i := range s.dupes {
		x := &s.dupes[i]
		for k, side := range [2]*DupShipment{&x.row.A, &x.row.B} {
			if x.held[k] {
				side.ID = s.heldPart.Merge.Shipments[x.part[k]].ID
			}
		}
		for _, r := range x.renames {
			if id := s.heldPart.Merge.Shipments[r.held].ID; id != r.id {
				for k, why := range x.row.NotMerged {
					x.row.NotMerged[k] = replaceID(why, r.id, id)
				}
			}
		}
		out[i] = x.row
	}
	s.sum.Dupes.Pairs = out
	s.dupes = nil
}

// indexID is the index of shipment ID id in text at or after from, as a
// whole word (S-1A2B3C4D is not found in S-1A2B3C4D5E), or -1.
func indexID(text, id string, from int) int {
	for from <= len(text) {
		k := strings.Index(text[from:], id)
		if k < 0 {
			return -1
		}
		k += from
		end := k + len(id)
		if (k == 0 || !idByte(text[k-1])) && (end == len(text) || !idByte(text[end])) {
			return k
		}
		from = k + 1
	}
	return -1
}

func idByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-'
}

// replaceID replaces every whole-word old shipment ID in text by id.
func replaceID(text, old, id string) string {
	var b strings.Builder
	from := 0
	for {
		k := indexID(text, old, from)
		if k < 0 {
			break
		}
		b.WriteString(text[from:k])
		b.WriteString(id)
		from = k + len(old)
	}
	if from == 0 {
		return text
	}
	b.WriteString(text[from:])
	return b.String()
}
