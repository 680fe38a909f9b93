// Package claims checks published figures against reconciled customs data.
//
// A Claim is a sentence as published plus what it asserts: a measure
// (tonnes, value in USD, number of shipments, or quantity in a unit), a
// comparator (more than, at least, less than, at most, about ±x%, almost
// — up to x% below — or exactly), the figure, and filters (consignee,
// shipper, origin, dispatch and destination countries, HS prefixes,
// description words, date range). Claims are plain JSON so the app can
// autosave them inside pipeline.Project.
//
// Check turns a claim into a Verdict over the reconciled shipments:
//
//   - the figure is computed as two bounds. The lower bound sums the known
//     values only. The upper bound adds, for every shipment in scope that
//     lacks the measure, the largest value of that measure in scope.
//   - Supported: the claim holds at both bounds (and so at every figure in
//     between). Contradicted: it holds at neither bound nor anywhere in
//     between. Insufficient data: the bounds straddle the claim, or no
//     single source covers the claim's whole date range and the missing
//     period could change the answer. Nothing found: no shipment is in
//     scope.
//
// Every verdict lists the shipments behind the figure with their source
// rows (file!sheet:row), and the near-boundary shipments: those that pass
// every filter but one, with the filter they miss.
//
// Check works on the reconciled result only (no file is read), so the app
// can re-run every claim after each Recluster. Names in the consignee and
// shipper filters are resolved against the current entities on every
// check, so verdicts follow the user's confirm and split decisions.
//
// Claims are read from CSV (ReadCSV) or from the rows of any table
// (Table: pipeline.ReadClaims feeds it a workbook's Claims sheet); bad
// rows become *reconcile.Error values with file, sheet, row, column and a
// hint. The package knows nothing of spreadsheets: package workbook
// writes the audit workbook's Claims sheet from the verdicts, with the
// computed figure as a formula over Shipments, and reads its claims back.
package claims
