package pipeline

// doubleCount maps each shipment to the warned pair of sources it comes
// from, for the claims' double-counting note: a shipment with a row from
// one source of a pair the overlap check warned about ("possible double
// counting between A and B"). nil when no pair warned.
func (r *Result) doubleCount() func(i int) string {
	if r.Merge == nil {
		return nil
	}
	warned := map[int32]string{} // merge source → "A and B"
	for _, o := range r.Overlaps {
		if o.Warning.Text == "" {
			continue
		}
		pair := r.SourceName(o.A) + " and " + r.SourceName(o.B)
		for _, s := range []int32{o.A, o.B} {
			if _, ok := warned[s]; !ok {
				warned[s] = pair
			}
		}
	}
	if len(warned) == 0 {
		return nil
	}
	idx, _ := r.sheetIndex()
	srcOf := func(rec int32) int32 {
		if int(rec) >= len(r.RecSheet) {
			return -1
		}
		s, ok := idx[r.RecSheet[rec]]
		if !ok || int(s) >= len(r.overlapGroup) {
			return -1
		}
		return r.overlapGroup[s]
	}
	shipments := r.Merge.Shipments
	return func(i int) string {
		if i < 0 || i >= len(shipments) {
			return ""
		}
		for _, rec := range shipments[i].Rows {
			if p, ok := warned[srcOf(rec)]; ok {
				return p
			}
		}
		return ""
	}
}
