package ui

import (
	"path/filepath"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// shipFilter is what the user typed into the Shipments filters. It narrows
// the rows on screen only; totals come from the engine.
type shipFilter struct {
	From, To  string // ISO dates, inclusive; "2022", "2022-06" also work
	HS        string // prefixes separated by spaces or commas
	Countries string // ISO codes; a shipment matches if any of its countries is listed
	Entity    string // a consignee or shipper, resolved as on Totals and in claims (entityFilter)
	Text      string // substring of any shown column
}

func fields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
}

// parseBound reads one end of a date range with the claim form's parser
// ("2022", "2022-06", "June 2022", "14.06.2022"); end selects the last day
// of a year or month. ok is false for text that is not a date.
func parseBound(s string, end bool) (time.Time, bool) {
	iso, err := claims.ParseDate(s, end)
	if err != nil || iso == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, iso)
	return t, err == nil
}

// filterCountries reads the country filter with the claim form's parser, so
// "Turkey", "Türkiye", "TUR" and "TR" all mean TR. A token no parser knows is
// kept upper-cased: it then matches nothing, and the empty view tells the
// user the filter is wrong instead of silently showing every country.
func filterCountries(s string) []string {
	if cs, err := claims.ParseCountries(s); err == nil {
		return cs
	}
	var out []string
	for _, tok := range fields(s) {
		if c, ok := values.Country(tok); ok {
			out = append(out, c)
		} else {
			out = append(out, strings.ToUpper(tok))
		}
	}
	return out
}

// filterHS reads HS prefixes with the claim form's parser ("6307.90",
// "6307 90 98"); text it rejects falls back to plain tokens, which then
// match nothing rather than everything.
func filterHS(s string) []string {
	if hs, err := claims.ParseHSPrefixes(s); err == nil {
		return hs
	}
	return fields(s)
}

// labels lets totals.Filter name a result's entities.
func labels(res *pipeline.Result) totals.Labels {
	if res == nil || res.Names == nil {
		return totals.Labels{EntityID: func(int32) string { return "" }, EntityName: func(int32) string { return "" }}
	}
	return res.Labels()
}

// totalsFilter turns the typed filters into the engine's filter, so the
// Shipments view and the Totals agree on what a filter means. A date bound
// that does not parse is ignored rather than hiding every row. The entity
// text is resolved by the caller (it needs the entity list).
func (f shipFilter) totalsFilter() totals.Filter {
	var tf totals.Filter
	if t, ok := parseBound(f.From, false); ok {
		tf.From = t
	}
	if t, ok := parseBound(f.To, true); ok {
		tf.To = t
	}
	tf.HSPrefixes = filterHS(f.HS)
	tf.Countries = filterCountries(f.Countries)
	return tf
}

// compile returns the matcher for the Shipments view: the engine's filter
// (showing excluded and superseded rows too, greyed), with the entity
// text resolved by rv exactly as on the Totals screen (entityFilter), so
// both screens show the same shipments for the same name; then the
// free-text substring, which only narrows what is on screen. note says
// how the entity text was resolved. Without a resolver (no names yet) the
// entity text is a substring of the names as written or canonical.
func (f shipFilter) compile(res *pipeline.Result, rv *claims.Resolver) (match func(*merge.Shipment) bool, note string) {
	tf := f.totalsFilter()
	tf.IncludeExcluded, tf.IncludeSuperseded = true, true
	lab := labels(res)
	entity := strings.TrimSpace(f.Entity)
	if rv != nil {
		note = entityFilter(&tf, rv, entity)
		entity = ""
	}
	entity = strings.ToLower(entity)
	text := strings.ToLower(strings.TrimSpace(f.Text))
	return func(s *merge.Shipment) bool {
		if !tf.Match(s, lab) {
			return false
		}
		if entity != "" && !containsFold(entity, s.ConsigneeName, s.ShipperName, lab.EntityName(s.Consignee), lab.EntityName(s.Shipper)) {
			return false
		}
		if text != "" {
			hit := false
			for _, c := range shipColumns {
				if strings.Contains(strings.ToLower(c.text(s)), text) {
					hit = true
					break
				}
			}
			if !hit {
				return false
			}
		}
		return true
	}, note
}

func containsFold(needle string, hay ...string) bool {
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), needle) {
			return true
		}
	}
	return false
}

// provColumn is a column of the source-rows (provenance) table.
type provColumn struct {
	title string
	width float32
	text  func(role string, r *reconcile.Record) string
}

func numRaw(n reconcile.Number, prec int) string {
	if n.Valid {
		return numText(n.Value, true, prec)
	}
	if n.Raw != "" {
		return "? " + n.Raw
	}
	return ""
}

var provColumns = []provColumn{
	{"Row", 70, func(role string, _ *reconcile.Record) string { return role }},
	{"Source", 380, func(_ string, r *reconcile.Record) string {
		p := r.Source
		p.File = filepath.Base(p.File)
		return p.String()
	}},
	{"Date", 100, func(_ string, r *reconcile.Record) string { return r.Date.String() }},
	{"Declaration", 150, func(_ string, r *reconcile.Record) string { return strings.TrimSpace(r.DeclarationID + " " + r.ItemNo) }},
	{"Consignee", 220, func(_ string, r *reconcile.Record) string { return strings.Join(r.Consignee.Names, " / ") }},
	{"Shipper", 220, func(_ string, r *reconcile.Record) string { return strings.Join(r.Shipper.Names, " / ") }},
	{"HS", 90, func(_ string, r *reconcile.Record) string { return r.HSCode }},
	{"Net kg", 90, func(_ string, r *reconcile.Record) string { return numRaw(r.NetKg, 1) }},
	{"Gross kg", 90, func(_ string, r *reconcile.Record) string { return numRaw(r.GrossKg, 1) }},
	{"Value", 110, func(_ string, r *reconcile.Record) string {
		return strings.TrimSpace(numRaw(r.Value, 2) + " " + r.Currency)
	}},
	{"USD", 100, func(_ string, r *reconcile.Record) string { return numRaw(r.ValueUSD, 0) }},
	{"Flags", 240, func(_ string, r *reconcile.Record) string {
		var fs []string
		for _, f := range r.Flags {
			fs = append(fs, f.String())
		}
		return strings.Join(fs, "; ")
	}},
}
