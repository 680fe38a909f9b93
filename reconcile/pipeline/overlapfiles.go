package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"tradecheck/reconcile/merge"
)

// fileSources groups the merge sources (one per sheet) by file for the
// overlap check: a register split over Q1..Q4 sheets is one source
// against a vendor feed, so that its look-alike rows add up (2, 1, 1 and
// 0 per sheet never reached the warning's threshold; 4 for the file
// does). Sheets of one file group only when they share granularity and
// flow. It returns the grouped input and, per sheet source, its group.
func fileSources(in merge.Input, sheets []SheetRef) (merge.Input, []int32) {
	type key struct {
		file       int32
		gran, flow string
	}
	rows := make([]int, len(in.Sources))
	for _, s := range in.SourceOf {
		rows[s]++
	}
	group := make([]int32, len(in.Sources))
	at := map[key]int32{}
	var out []merge.Source
	var members [][]int // sheet sources with rows, by group
	for s, src := range in.Sources {
		k := key{file: sheets[s].File, gran: string(src.Granularity), flow: src.Flow}
		g, ok := at[k]
		if !ok {
			g = int32(len(out))
			at[k] = g
			out = append(out, src)
			members = append(members, nil)
		}
		group[s] = g
		if rows[s] > 0 {
			members[g] = append(members[g], s)
		}
		out[g].Rank = min(out[g].Rank, src.Rank)
	}
	// A group is named after its sheets with rows: one such sheet keeps
	// its own name (a notes sheet beside it changes nothing), several
	// give the file with their names.
	for g := range out {
		switch m := members[g]; {
		case len(m) == 1:
			out[g].Name, out[g].Key = in.Sources[m[0]].Name, in.Sources[m[0]].Key
		case len(m) > 1:
			var names []string
			for _, s := range m {
				_, sheet, _ := strings.Cut(in.Sources[s].Name, "!")
				names = append(names, sheet)
			}
			file, _, _ := strings.Cut(out[g].Name, "!")
			out[g].Name = fmt.Sprintf("%s (sheets %s)", filepath.Base(file), strings.Join(names, ", "))
			out[g].Key += "+"
		}
	}
	grouped := in
	grouped.Sources = out
	grouped.Facts = nil
	grouped.SourceOf = make([]int32, len(in.SourceOf))
	for i, s := range in.SourceOf {
		grouped.SourceOf[i] = group[s]
	}
	return grouped, group
}
