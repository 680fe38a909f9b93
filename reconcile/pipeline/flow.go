package pipeline

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// sheetFlow decides a sheet's trade flow and declaring country: what the
// user set on the source wins, then what the sheet states; nothing is
// guessed.
func sheetFlow(spec *SourceSpec, sheet string, st read.FlowStatement) (flow, why, country string) {
	flow, why, country = st.Flow, st.Why, st.Country
	for _, k := range []string{"", sheet} { // the sheet's own setting last: it wins
		if f := spec.Flow[k]; f != "" {
			flow, why = f, "set by the user"
		}
	}
	if c := spec.DeclaringCountry; c != "" {
		country = c
		why += "; declaring country set by the user"
	}
	return flow, why, country
}

// declaredCountries is the sheet note for a register whose flow is
// stated, about its rows without the country that flow implies. The
// goods of an export leave the declaring country: rows without a
// dispatch or origin country take it. The goods of an import enter it:
// rows without a destination take it. fillDeclaredCountry sets them.
// Without a stated country they stay unknown and the note says how to
// give it.
func declaredCountries(sr *SheetResult, st *sheetStats) string {
	switch sr.Flow {
	case reconcile.FlowExport:
		noDispatch, noOrigin := st.noDispatch, st.noOrigin
		if noDispatch == 0 && noOrigin == 0 {
			return ""
		}
		if sr.Country == "" {
			return fmt.Sprintf("export declarations (%s), but the file does not say which country declared them: the dispatch country of %d rows and the origin of %d stay unknown — give it with --flow '%s=export:CC' (ISO code) or on the Sources screen",
				sr.FlowWhy, noDispatch, noOrigin, flowFileArg(sr))
		}
		return fmt.Sprintf("export declarations of %s (%s): %d rows without a dispatch country and %d without an origin take %s, the declaring country (re-exports of foreign goods would need their own origin)",
			values.CountryName(sr.Country), sr.FlowWhy, noDispatch, noOrigin, sr.Country)
	case reconcile.FlowImport:
		if st.noDest == 0 {
			return ""
		}
		if sr.Country == "" {
			return fmt.Sprintf("import declarations (%s), but the file does not say which country declared them: the destination of %d rows stays unknown — give it with --flow '%s=import:CC' (ISO code) or on the Sources screen",
				sr.FlowWhy, st.noDest, flowFileArg(sr))
		}
		return fmt.Sprintf("import declarations of %s (%s): %d rows without a destination take %s, the declaring country",
			values.CountryName(sr.Country), sr.FlowWhy, st.noDest, sr.Country)
	}
	return ""
}

// fillDeclaredCountry gives a row of a register whose flow and declaring
// country are known that country where the row has none: dispatch and
// origin of an export, destination of an import (declaredCountries
// states it in the sheet's warnings). Both the in-memory run and the
// bounded-memory one call it on every record.
func fillDeclaredCountry(sr *SheetResult, rec *reconcile.Record) {
	if sr.Country == "" {
		return
	}
	switch sr.Flow {
	case reconcile.FlowExport:
		if rec.DispatchCountry == "" {
			rec.DispatchCountry = sr.Country
		}
		if rec.OriginCountry == "" {
			rec.OriginCountry = sr.Country
		}
	case reconcile.FlowImport:
		if rec.DestinationCountry == "" {
			rec.DestinationCountry = sr.Country
		}
	}
}

// flowFileArg names a sheet for the CLI's --flow: the file's base name,
// with "!sheet" for a workbook sheet.
func flowFileArg(sr *SheetResult) string {
	name := sr.File
	if k := strings.LastIndexAny(name, `/\`); k >= 0 {
		name = name[k+1:]
	}
	if sr.Sheet != "" {
		name += "!" + sr.Sheet
	}
	return name
}
