// Package reconcile holds Tradecheck's domain types: canonical shipment
// records, their provenance, row fates, positioned errors and notes.
//
// The engine's words fit every output: an Error's hint and a Note's text
// say what is wrong and what to decide, and name no flag or screen (the
// app shows them word for word, an editor reads them in the workbook).
// The step they ask for is typed (Fix, Step); the CLI (cli/hints.go) and
// the app (ui/errors.go) each turn it into their own flag or control.
//
// The engine lives in sub-packages split by concern:
//
//	values    parsing of numbers, dates, units, countries, tax IDs
//	read      streaming readers for xlsx and CSV, header detection, column mapping
//	names     name normalisation, transliteration and legal forms
//	match     candidate generation, scoring, clustering, decisions, search
//	merge     reconciliation of duplicate shipments across sources
//	totals    grouping, filtering and summing
//	workbook  the audit workbook writer and its round-trip reader
//	claims    checks of published figures against the data
//	pipeline  the whole run, with context and progress, for CLI and app
//
// Nothing under reconcile imports Fyne: the CLI and the app share it.
package reconcile
