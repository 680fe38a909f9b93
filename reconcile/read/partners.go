package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Trade statistics (UN Comtrade, Eurostat Comext) name two countries per
// line: the reporter, whose customs declared the trade, and the partner.
// Which end of the route each is depends on the line's flow, and one
// download often mixes flows (M and X, or X and RX), so the roles are
// decided row by row from the flow column:
//
//   - import (M) and re-import (RM): the reporter is the destination. The
//     partner of an import is the country of origin, as UN Comtrade
//     records it (the second partner, when the file has one, is the
//     country of consignment: the dispatch country). The partner of a
//     re-import is where the goods come back from (dispatch); re-imports
//     are goods of the reporter's own origin.
//   - export (X) and re-export (RX): the reporter is the dispatch country
//     and the partner the destination. An export's origin is the reporter,
//     as for every export register (pipeline's declaredCountries says so in
//     the notes); a re-export's origin is foreign and not stated.
//
// The partner "World" (code 0, W00) is every partner together: no
// country. A column the user mapped, or a country column the sheet has,
// wins over these roles.

// tradeRoles holds the reporter, partner and flow columns of a sheet
// (-1 when absent).
type tradeRoles struct {
	flow, reporter, partner, partner2 int
}

// noTradeRoles is a sheet without reporter and partner columns.
var noTradeRoles = tradeRoles{flow: -1, reporter: -1, partner: -1, partner2: -1}

// reporterHeaders, partnerHeaders and partner2Headers are the headers of
// the country columns, best first: the ISO code, then the name, then
// the numeric code (values.Country reads all three).
var (
	reporterHeaders = []string{"reporteriso", "reporterdesc", "reporter", "reportercode", "declarantiso", "declarant"}
	partnerHeaders  = []string{"partneriso", "partnerdesc", "partner", "partnercode"}
	partner2Headers = []string{"partner2iso", "partner2desc", "partner2", "partner2code"}
	// tradeFlowHeaders are the flow columns of trade statistics, best
	// first: the code, then the description; "Trade Flow Code" (legacy
	// Comtrade) and Comext's FLOW hold numbers.
	tradeFlowHeaders = []string{"flowcode", "flowdesc", "tradeflow", "tradeflowcode", "flow"}
)

// Flows of a statistics line, as tradeFlow reads them.
const (
	lineNoFlow = iota
	lineImport
	lineExport
	lineReImport
	lineReExport
)

// tradeFlowCodes are the cells of a flow column of trade statistics:
// UN Comtrade's flowCode and flowDesc (with the processing flows, which
// are imports or exports too), legacy Comtrade's "Trade Flow Code"
// (1 import, 2 export, 3 re-export, 4 re-import) and Comext's FLOW
// (1 import, 2 export).
var tradeFlowCodes = map[string]int{
	"m": lineImport, "import": lineImport, "imports": lineImport, "1": lineImport,
	"mip": lineImport, "mop": lineImport, "mif": lineImport, "fm": lineImport, "foreignimport": lineImport,
	"x": lineExport, "export": lineExport, "exports": lineExport, "2": lineExport,
	"xip": lineExport, "xop": lineExport, "xif": lineExport, "dx": lineExport, "domesticexport": lineExport,
	"rm": lineReImport, "reimport": lineReImport, "reimports": lineReImport, "4": lineReImport,
	"rx": lineReExport, "reexport": lineReExport, "reexports": lineReExport, "3": lineReExport,
}

// tradeFlow reads one flow cell: "X", "Re-export", "Import of goods for
// inward processing" (a description starting with its flow).
func tradeFlow(s string) int {
	k := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, strings.ToLower(strings.TrimSpace(s)))
	if f, ok := tradeFlowCodes[k]; ok {
		return f
	}
	for _, p := range []struct {
		prefix string
		flow   int
	}{{"reimport", lineReImport}, {"reexport", lineReExport}, {"import", lineImport}, {"export", lineExport}} {
		if strings.HasPrefix(k, p.prefix) {
			return p.flow
		}
	}
	return lineNoFlow
}

// findTradeRoles finds the reporter, partner and flow columns among the
// columns left unmapped, and says in their reasons how each row reads
// them. Without a flow column and a reporter or partner the roles stay
// unknown and the columns unmapped, as their reasons already say.
func findTradeRoles(cols []Column) tradeRoles {
	byHeader := map[string]int{}
	for i, c := range cols {
		if c.Field != "" || c.Override {
			continue
		}
		k := strings.ReplaceAll(foldHeader(strings.TrimSpace(c.Header)), " ", "")
		k = strings.Map(func(r rune) rune {
			if r == '_' || r == '.' || r == '-' {
				return -1
			}
			return r
		}, k)
		if _, dup := byHeader[k]; !dup {
			byHeader[k] = i
		}
	}
	first := func(hs []string) int {
		for _, h := range hs {
			if i, ok := byHeader[h]; ok {
				return i
			}
		}
		return -1
	}
	tr := tradeRoles{flow: first(tradeFlowHeaders), reporter: first(reporterHeaders), partner: first(partnerHeaders), partner2: first(partner2Headers)}
	if tr.flow < 0 || tr.reporter < 0 && tr.partner < 0 {
		return noTradeRoles
	}
	flowName := fmt.Sprintf("column %s %q", reconcile.ColumnName(tr.flow+1), cols[tr.flow].Header)
	say := func(i int, what string) {
		if i >= 0 {
			cols[i].Reason = fmt.Sprintf("%s, by each row's flow in %s", what, flowName)
		}
	}
	say(tr.reporter, "reporter (the declaring country): the destination of an import, the dispatch country of an export (and its origin, except for a re-export)")
	say(tr.partner, "partner: the origin of an import, the destination of an export or re-export, the dispatch country of a re-import; “World” is no country")
	say(tr.partner2, "second partner: the country of consignment (dispatch) of an import")
	cols[tr.flow].Reason += "; gives each row's reporter and partner their roles"
	return tr
}

// apply fills the row's route from the reporter and partner by its flow,
// where no column of the sheet gave that country.
func (tr tradeRoles) apply(r *rawRow, rec *reconcile.Record, flag flagFn) {
	if tr.flow < 0 {
		return
	}
	flow := tradeFlow(cellAt(r, tr.flow).s)
	if flow == lineNoFlow {
		return
	}
	country := func(i int, f reconcile.Field) string {
		if i < 0 {
			return ""
		}
		s := cellAt(r, i).s
		if s == "" || worldPartner(s) {
			return ""
		}
		if iso, ok := values.Country(s); ok {
			return iso
		}
		flag(f, reconcile.FlagUnparsed, i, s, "country not recognised")
		return ""
	}
	set := func(dst *string, i int, f reconcile.Field) {
		if *dst == "" {
			*dst = country(i, f)
		}
	}
	switch flow {
	case lineImport:
		set(&rec.DestinationCountry, tr.reporter, reconcile.FieldDestinationCountry)
		set(&rec.OriginCountry, tr.partner, reconcile.FieldOriginCountry)
		set(&rec.DispatchCountry, tr.partner2, reconcile.FieldDispatchCountry)
	case lineReImport:
		set(&rec.DestinationCountry, tr.reporter, reconcile.FieldDestinationCountry)
		set(&rec.OriginCountry, tr.reporter, reconcile.FieldOriginCountry)
		set(&rec.DispatchCountry, tr.partner, reconcile.FieldDispatchCountry)
	case lineExport:
		set(&rec.DispatchCountry, tr.reporter, reconcile.FieldDispatchCountry)
		set(&rec.OriginCountry, tr.reporter, reconcile.FieldOriginCountry)
		set(&rec.DestinationCountry, tr.partner, reconcile.FieldDestinationCountry)
	case lineReExport:
		set(&rec.DispatchCountry, tr.reporter, reconcile.FieldDispatchCountry)
		set(&rec.DestinationCountry, tr.partner, reconcile.FieldDestinationCountry)
	}
}

// worldPartner reports whether a partner cell is UN Comtrade's "World",
// the sum over every partner (code 0, ISO W00).
func worldPartner(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "0", "w00", "world", "wld":
		return true
	}
	return false
}

// reporterCountry returns the one reporter every sample names, for the
// sheet's flow statement ("export declarations of China"), or "".
func reporterCountry(tr tradeRoles, samples [][]string) string {
	if tr.reporter < 0 || tr.reporter >= len(samples) {
		return ""
	}
	one := ""
	for _, s := range samples[tr.reporter] {
		iso, ok := values.Country(s)
		if !ok || one != "" && iso != one {
			return ""
		}
		one = iso
	}
	return one
}
