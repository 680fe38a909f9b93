package pipeline

import (
	"fmt"

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

// exportCountries is the sheet note for an export register's rows without
// a dispatch or origin country: they take the declaring country (the goods
// leave the country whose customs declared them; fillExportCountry sets
// it), or, without a stated country, stay unknown and the note asks for
// it (FixTradeFlow).
func exportCountries(sr *SheetResult, st *sheetStats) reconcile.Note {
	if sr.Flow != reconcile.FlowExport {
		return reconcile.Note{}
	}
	noDispatch, noOrigin := st.noDispatch, st.noOrigin
	if noDispatch == 0 && noOrigin == 0 {
		return reconcile.Note{}
	}
	if sr.Country == "" {
		return reconcile.Note{Text: fmt.Sprintf("export declarations (%s), but the file does not say which country declared them: the dispatch country of %d rows and the origin of %d stay unknown until you give the declaring country",
			sr.FlowWhy, noDispatch, noOrigin), Step: reconcile.Step{Fix: reconcile.FixTradeFlow, File: sr.File, Sheet: sr.Sheet}}
	}
	return reconcile.Note{Text: fmt.Sprintf("export declarations of %s (%s): %d rows without a dispatch country and %d without an origin take %s, the declaring country (re-exports of foreign goods would need their own origin)",
		values.CountryName(sr.Country), sr.FlowWhy, noDispatch, noOrigin, sr.Country)}
}

// fillExportCountry gives a row of an export register whose declaring
// country is known that country as dispatch and origin where the row has
// none (exportCountries states it in the sheet's warnings). Both the
// in-memory run and the bounded-memory one call it on every record.
func fillExportCountry(sr *SheetResult, rec *reconcile.Record) {
	if sr.Flow != reconcile.FlowExport || sr.Country == "" {
		return
	}
	if rec.DispatchCountry == "" {
		rec.DispatchCountry = sr.Country
	}
	if rec.OriginCountry == "" {
		rec.OriginCountry = sr.Country
	}
}
