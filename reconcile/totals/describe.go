package totals

import "strings"

// Describe says in one line which shipments the filter keeps, for chart
// subtitles and exports: "2022-01-01 to 2022-12-31; HS 6307; countries
// CN/TR". entity names an entity ID for display; nil prints the ID. An
// empty filter is "all counted shipments".
func (f *Filter) Describe(entity func(id string) string) string {
	var parts []string
	name := func(id string) string {
		if entity != nil {
			if n := entity(id); n != "" {
				return n
			}
		}
		return id
	}
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, f.From.Format("2006-01-02")+" to "+f.To.Format("2006-01-02"))
	case !f.From.IsZero():
		parts = append(parts, "from "+f.From.Format("2006-01-02"))
	case !f.To.IsZero():
		parts = append(parts, "up to "+f.To.Format("2006-01-02"))
	}
	list := func(label string, xs []string, sep string) {
		if len(xs) > 0 {
			parts = append(parts, label+" "+strings.Join(xs, sep))
		}
	}
	list("HS", f.HSPrefixes, "/")
	list("origin", f.Origin, "/")
	list("dispatch", f.Dispatch, "/")
	list("destination", f.Destination, "/")
	list("countries", f.Countries, "/")
	names := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = name(id)
		}
		return out
	}
	list("consignee", names(f.Consignee), " or ")
	list("shipper", names(f.Shipper), " or ")
	list("entity", names(f.Entities), " or ")
	if f.DescriptionContains != "" {
		parts = append(parts, "description has “"+f.DescriptionContains+"”")
	}
	what := "counted shipments"
	if f.IncludeExcluded || f.IncludeSuperseded {
		what = "shipments including excluded or superseded ones"
	}
	if len(parts) == 0 {
		return "All " + what
	}
	return upper(what) + ": " + strings.Join(parts, "; ")
}

func upper(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
