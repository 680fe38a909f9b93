package pipeline

import (
	"path/filepath"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/totals"
)

// Labels returns the entity and country labels totals use.
func (r *Result) Labels() totals.Labels {
	return totals.Labels{
		EntityID: func(e int32) string {
			if e < 0 || int(e) >= len(r.Names.Entities) {
				return ""
			}
			return r.Names.Entities[e].ID
		},
		EntityName: func(e int32) string {
			if e < 0 || int(e) >= len(r.Names.Entities) {
				return ""
			}
			return r.Names.Entities[e].Canonical
		},
		Country: countryName,
		Listed: func(e int32) bool {
			return r.Screening != nil && e >= 0 && int(e) < len(r.Names.Entities) && r.Screening.Listed(r.Names.Entities[e].ID)
		},
	}
}

// Totals groups the counted shipments by g after applying f.
func (r *Result) Totals(g totals.GroupBy, f totals.Filter) *totals.Table {
	return totals.Compute(r.Merge.Shipments, g, f, r.Labels())
}

// Entities returns one summary per entity and role that appears on a
// shipment, by tonnes descending.
func (r *Result) Entities() []EntitySummary {
	var out []EntitySummary
	for _, g := range []totals.GroupBy{totals.ByConsignee, totals.ByShipper} {
		t := r.Totals(g, totals.Filter{})
		role := match.Consignee
		if g == totals.ByShipper {
			role = match.Shipper
		}
		byID := map[string]int{}
		for i, e := range r.Names.Entities {
			byID[e.ID] = i
		}
		for _, grp := range t.Groups {
			ei, ok := byID[grp.Key]
			if !ok {
				continue
			}
			e := r.Names.Entities[ei]
			es := EntitySummary{ID: e.ID, Canonical: e.Canonical, Role: role, Shipments: grp.Measures.Shipments,
				Tonnes: grp.Tonnes, ValueUSD: grp.ValueUSD, Measures: grp.Measures, Entity: ei}
			for _, m := range e.Members {
				if m < len(r.Names.Mentions) && r.Names.Mentions[m].Role == role {
					es.Names = append(es.Names, r.Names.Mentions[m].Name)
				}
			}
			files := map[string]bool{}
			for _, si := range grp.Shipments {
				for _, x := range r.Merge.Shipments[si].Rows {
					b := filepath.Base(r.Records[x].Source.File)
					if !files[b] {
						files[b] = true
						es.Sources = append(es.Sources, b)
					}
				}
			}
			out = append(out, es)
		}
	}
	return out
}
