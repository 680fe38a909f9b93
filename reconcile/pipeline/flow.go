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
		noDest := 0
		for _, k := range st.noDest {
			noDest += k
		}
		if noDest == 0 || sr.Country != "" {
			// With a declaring country, importCountries says which rows
			// took it as their destination.
			return reconcile.Note{}
		}
		return reconcile.Note{Text: fmt.Sprintf("import declarations (%s), but the file does not say which country declared them: the destination of %d rows stays unknown until you give the declaring country",
			sr.FlowWhy, noDest), Step: ask}
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
	}
	fillImportDestination(sr, rec)
}

// importsHere reports whether a row of the sheet is an import into the
// declaring country: the sheet states imports, or states no flow and the
// row's goods were dispatched from another country (an export of the
// declaring country leaves from it). Only a sheet whose declaring country
// is known (banner, declaration numbers or the user) and that has no
// destination column of its own qualifies: a destination column, even
// with empty cells, is the file's word on it.
func importsHere(sr *SheetResult, dispatch string) bool {
	if sr.Country == "" || sr.Flow == reconcile.FlowExport {
		return false
	}
	for _, c := range sr.Columns {
		if c.Field == reconcile.FieldDestinationCountry {
			return false
		}
	}
	for _, c := range sr.Constants {
		if c.Field == reconcile.FieldDestinationCountry {
			return false
		}
	}
	return sr.Flow == reconcile.FlowImport || dispatch != "" && dispatch != sr.Country
}

// fillImportDestination gives an import declaration without a destination
// the declaring country: an import declaration is lodged with the customs
// of the country the goods enter, so that is a fact of the document, not a
// guess. The row carries a kept flag, and importCountries the sheet's note.
func fillImportDestination(sr *SheetResult, rec *reconcile.Record) {
	if rec.DestinationCountry != "" || !importsHere(sr, rec.DispatchCountry) {
		return
	}
	rec.DestinationCountry = sr.Country
	rec.Flags = append(rec.Flags, reconcile.Flag{Field: reconcile.FieldDestinationCountry, Code: reconcile.FlagDestinationFromDeclaration,
		Column: -1, Raw: sr.Country, Kept: true, Detail: "declared in " + sr.Country + ": an import declaration's destination is the declaring country (" + declaredWhy(sr) + ")"})
}

// declaredWhy says what makes the sheet's rows imports of its declaring
// country.
func declaredWhy(sr *SheetResult) string {
	var parts []string
	if sr.Flow == reconcile.FlowImport && sr.FlowWhy != "" {
		parts = append(parts, "imports: "+sr.FlowWhy)
	} else {
		parts = append(parts, "no flow stated; the goods were dispatched from another country")
	}
	if sr.Stated.CountryWhy != "" && sr.Stated.Country == sr.Country {
		parts = append(parts, sr.Stated.CountryWhy)
	}
	return strings.Join(parts, "; ")
}

// importCountries is the sheet note for the rows fillImportDestination
// gives a destination, with how to undo it: the file holds exports, or
// the rows' destination is another country (FixImportDestination). It
// does not ask for the declaring country, which is known.
func importCountries(sr *SheetResult, st *sheetStats) reconcile.Note {
	n := 0
	for dispatch, k := range st.noDest {
		if importsHere(sr, dispatch) {
			n += k
		}
	}
	if n == 0 {
		return reconcile.Note{}
	}
	return reconcile.Note{Text: fmt.Sprintf("declared in %s: %d rows without a destination country take %s, since an import declaration's destination is the declaring country (%s); if these are not imports into %s, set the file's trade flow to export or give the destination country",
		sr.Country, n, sr.Country, declaredWhy(sr), values.CountryName(sr.Country)),
		Step: reconcile.Step{Fix: reconcile.FixImportDestination, File: sr.File, Sheet: sr.Sheet, Value: sr.Country}}
}
