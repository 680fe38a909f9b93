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

// declaredCountries is the sheet note for a register whose flow is
// stated, about its rows without the country that flow implies. The
// goods of an export leave the declaring country: rows without a
// dispatch or origin country take it. The goods of an import enter it:
// rows without a destination take it. fillDeclaredCountry sets them.
// Without a stated country they stay unknown and the note asks for it
// (FixTradeFlow, with the flow in Step.Value).
func declaredCountries(sr *SheetResult, st *sheetStats) reconcile.Note {
	ask := reconcile.Step{Fix: reconcile.FixTradeFlow, File: sr.File, Sheet: sr.Sheet, Value: sr.Flow}
	switch sr.Flow {
	case reconcile.FlowExport:
		noDispatch, noOrigin := st.noDispatch, st.noOrigin
		if noDispatch == 0 && noOrigin == 0 {
			return reconcile.Note{}
		}
		if sr.Country == "" {
			return reconcile.Note{Text: fmt.Sprintf("export declarations (%s), but the file does not say which country declared them: the dispatch country of %d rows and the origin of %d stay unknown until you give the declaring country",
				sr.FlowWhy, noDispatch, noOrigin), Step: ask}
		}
		return reconcile.Note{Text: fmt.Sprintf("export declarations of %s (%s): %d rows without a dispatch country and %d without an origin take %s, the declaring country (re-exports of foreign goods would need their own origin)",
			values.CountryName(sr.Country), sr.FlowWhy, noDispatch, noOrigin, sr.Country)}
	case reconcile.FlowImport:
		if st.noDest == 0 {
			return reconcile.Note{}
		}
		if sr.Country == "" {
			return reconcile.Note{Text: fmt.Sprintf("import declarations (%s), but the file does not say which country declared them: the destination of %d rows stays unknown until you give the declaring country",
				sr.FlowWhy, st.noDest), Step: ask}
		}
		return reconcile.Note{Text: fmt.Sprintf("import declarations of %s (%s): %d rows without a destination take %s, the declaring country",
			values.CountryName(sr.Country), sr.FlowWhy, st.noDest, sr.Country)}
	}
	return reconcile.Note{}
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
