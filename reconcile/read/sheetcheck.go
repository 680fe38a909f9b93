package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// dropRepeatedTotals unmaps a total column whose value is repeated on
// every item of a declaration in the sampled rows: summing it per item
// would count the declaration several times.
func (s *SheetReader) dropRepeatedTotals() {
	decl := -1
	for i, c := range s.columns {
		if c.Field == reconcile.FieldDeclarationID {
			decl = i
		}
	}
	if decl < 0 {
		return
	}
	for i := range s.columns {
		c := &s.columns[i]
		switch c.Field {
		case reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldNetWeight, reconcile.FieldGrossWeight:
		default:
			continue
		}
		if !c.total || c.Override {
			continue
		}
		groups := map[string][]string{}
		for _, r := range s.buffered {
			d := strings.TrimSpace(r.text(decl))
			if d != "" {
				groups[d] = append(groups[d], strings.TrimSpace(r.text(i)))
			}
		}
		multi, repeated := 0, 0
		for _, vals := range groups {
			if len(vals) < 2 {
				continue
			}
			multi++
			same := true
			for _, v := range vals[1:] {
				if v != vals[0] {
					same = false
				}
			}
			if same && vals[0] != "" {
				repeated++
			}
		}
		if multi > 0 && repeated == multi {
			s.warnings = append(s.warnings, reconcile.Note{Text: fmt.Sprintf("column %s %q repeats one total on every item of a declaration; it is not used, so the total is never summed per item",
				reconcile.ColumnName(i+1), c.Header)})
			c.Reason = fmt.Sprintf("%s; repeats the declaration total on each item, not used", c.Reason)
			c.Field = ""
		}
	}
}
