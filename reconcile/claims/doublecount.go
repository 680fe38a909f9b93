package claims

import (
	"slices"
	"strings"
)

// doubleCountNote warns on a verdict whose shipments come from sources the
// run suspects of counting one shipment twice (rows that look alike but
// did not merge). The figure may then be too high; the verdict keeps its
// kind, because which rows are the same shipment is the user's call, but
// it never rests on such shipments without saying so.
func (k *Checker) doubleCountNote(v *Verdict) {
	if k.d.DoubleCount == nil {
		return
	}
	n := 0
	var pairs []string
	for _, r := range v.InScope {
		if p := k.d.DoubleCount(r.Shipment); p != "" {
			n++
			if !slices.Contains(pairs, p) {
				pairs = append(pairs, p)
			}
		}
	}
	if n == 0 {
		return
	}
	v.Notes = append(v.Notes, plural(n, "shipment in scope comes", "shipments in scope come")+
		" from sources with possible double counting ("+strings.Join(pairs, "; ")+
		"): the figure may count some shipments twice. Check the overlap on the Sources sheet and the Possible duplicates before quoting it.")
}
