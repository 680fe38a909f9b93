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

// exportCountries gives the rows of an export register without a
// dispatch country the declaring country (the goods leave the country
// whose customs declared them), and without an origin the same, as the
// register states it. Without a stated country they stay unknown and the
// note says how to give it.
func exportCountries(sr *SheetResult, recs []reconcile.Record) string {
	if sr.Flow != reconcile.FlowExport {
		return ""
	}
	noDispatch, noOrigin := 0, 0
	for i := range recs {
		if recs[i].DispatchCountry == "" {
			noDispatch++
		}
		if recs[i].OriginCountry == "" {
			noOrigin++
		}
	}
	if noDispatch == 0 && noOrigin == 0 {
		return ""
	}
	if sr.Country == "" {
		return fmt.Sprintf("export declarations (%s), but the file does not say which country declared them: the dispatch country of %d rows and the origin of %d stay unknown — give it with --flow %s=export:CC (ISO code) or on the Sources screen",
			sr.FlowWhy, noDispatch, noOrigin, flowFileArg(sr))
	}
	for i := range recs {
		if recs[i].DispatchCountry == "" {
			recs[i].DispatchCountry = sr.Country
		}
		if recs[i].OriginCountry == "" {
			recs[i].OriginCountry = sr.Country
		}
	}
	return fmt.Sprintf("export declarations of %s (%s): %d rows without a dispatch country and %d without an origin take %s, the declaring country (re-exports of foreign goods would need their own origin)",
		values.CountryName(sr.Country), sr.FlowWhy, noDispatch, noOrigin, sr.Country)
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
