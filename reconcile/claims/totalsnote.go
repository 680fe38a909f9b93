package claims

import (
	"sort"
	"strings"
)

// totalsNote warns on a verdict whose shipments take rows from a sheet
// whose own total row disagrees with its rows: a row may be misread (a
// "1,125" read as thousands) or missing, and the figure with it. The
// warning is on the Sources sheet; a verdict resting on such rows says
// so itself, since a reader of the verdict may never look there.
func (k *Checker) totalsNote(v *Verdict) {
	if len(k.d.TotalsBad) == 0 {
		return
	}
	n := 0
	seen := map[string]bool{}
	for _, r := range v.InScope {
		hit := false
		for _, x := range k.d.Shipments[r.Shipment].Rows {
			src := &k.d.Records[x].Source
			name := sourceName(src.File, src.Sheet)
			if _, bad := k.d.TotalsBad[name]; bad {
				hit = true
				seen[name] = true
			}
		}
		if hit {
			n++
		}
	}
	if n == 0 {
		return
	}
	var what []string
	for name := range seen {
		what = append(what, name+": "+k.d.TotalsBad[name])
	}
	sort.Strings(what) // map order is random; notes must not be
	v.Notes = append(v.Notes, plural(n, "shipment in scope takes", "shipments in scope take")+
		" rows from a sheet whose total row disagrees with its rows ("+strings.Join(what, "; ")+
		"): a row may be misread or missing, and the figure with it. Check that sheet before quoting the figure.")
}
