// Package read is Tradecheck's reading layer: it opens customs exports
// (.xlsx/.xlsm workbooks, .csv/.tsv/.txt text tables, HTML tables and
// Excel 2003 XML saved as .xls, and legacy .xls and .ods through a
// LibreOffice conversion), finds the header
// row of each sheet, maps the columns to canonical fields and turns every
// row below the header into a reconcile.Record or a reconcile.Skip.
//
// The API follows encoding/csv: Open sniffs the file and returns a
// Workbook; Workbook.Sheet returns a SheetReader whose Read returns one
// record at a time and io.EOF at the end. ReadAll does the whole file for
// the pipeline and the app; EachRow streams raw rows for the audit
// workbook's per-source sheets.
//
// # Formats
//
// The format is decided by content, never by extension. Text tables are
// decoded from UTF-8/UTF-16 or, by the letter statistics of each decoding
// (encoding.go), Windows-1251/1252/1254/1250, CP866, KOI8-R, GB18030 or
// Big5; a close call is read with the better candidate and warned about.
// HTML and Excel 2003 XML are parsed in Go (htmltable.go, xml2003.go);
// BIFF .xls and .ods are converted to .xlsx by LibreOffice on a temporary
// copy, once per run (convert.go), and refused with ErrLegacyXLS or ErrODS
// and a hint when LibreOffice is not installed (TRADECHECK_SOFFICE=none
// forces that). Header synonyms are data: headers/*.tsv (headers/README.md).
// Refused with a
// typed *reconcile.Error (wrapping the sentinel in parentheses) and a hint:
// missing paths (ErrNotFound), directories (ErrIsDirectory), named pipes
// and devices ("not a regular file", ErrNotSheet; refused from Stat, never
// opened, so nothing blocks), empty files (ErrEmpty), truncated or damaged zips (ErrCorrupt), binaries, images and
// PDFs (ErrNotSheet), legacy .xls and .ods without LibreOffice (ErrLegacyXLS, ErrODS),
// password-protected workbooks without or with a wrong password
// (ErrEncrypted, ErrWrongPassword) and Tradecheck's own audit workbooks
// (ErrOwnOutput, recognised by the core property Category
// "Tradecheck audit workbook").
//
// # Limits
//
// Limits are deliberate; exceeding one gives ErrTooLarge naming it:
//
//   - MaxPartSize: 2 GiB uncompressed per sheet part, streamed, never held.
//   - MaxSharedStrings: 512 MiB uncompressed sharedStrings.xml (held in memory).
//   - MaxCompressionRatio: 200:1 for parts over 8 MiB, checked on the
//     declared sizes before inflating (zip-bomb guard; real sheets compress
//     5–50:1) and again while streaming.
//   - MaxCellLen: 32,767 characters per cell, as in Excel, in workbooks
//     and text files alike: a longer cell stops the sheet with ErrTooLarge
//     at its row and column; the rows above are kept (a text line over
//     4 MiB is the exception: it is skipped as below).
//   - MaxColumns: 16,384 columns (XFD); cells beyond make the row a
//     "row too wide" skip.
//   - MaxRows: 1,048,576 rows per sheet.
//   - MaxSheets: 1,000 sheets per workbook.
//   - Text files: a record longer than 4 MiB is skipped as malformed,
//     with its reason (what is left of it would lack fields); a quoted
//     field may span at most 200 lines, after which its quote is read as
//     text and the line reported (a stray quote never swallows the file).
//   - MaxEncryptedSize: 1 GiB for password-protected files, which must be
//     decrypted in memory.
//   - excelize is opened only to compute formulas without cached values,
//     with UnzipSizeLimit = 256 MiB (the whole package) and
//     UnzipXMLSizeLimit = 64 MiB, and only when all sheet parts together
//     are up to MaxCalcPartSize (64 MiB; its calculation may load every
//     sheet) and no part is a bomb by the ratio above; otherwise such cells
//     are flagged formula_no_value, never read as 0.
//
// # Rows
//
// Rows are numbered as Excel shows them (CSV: the record number as a
// spreadsheet would show it, counting blank lines). Rows above the header
// are banner skips. Below the header every row present in the file becomes a
// record or a skip (blank, total row, repeated header, note, no data, row too
// wide, malformed line). Rows absent from the sheet XML (Excel does not
// write blank rows) are blank skips too, as are rows written with only
// empty cells: every row from the header to the last row has one fate.
// A run of more than 1,000 absent rows (a sparse sheet with one cell at row
// 1,048,576) is one Skip at its first row with Detail "rows 5–1048575
// blank", so memory stays bounded; SkipCounts and Rows count every row of
// the run. Absent rows above the header and after the last row are not
// listed. EachRow reports only the rows the file holds; the audit
// workbook's per-source sheet fills absent rows in from the skips.
//
// A row with figures but no party, date, HS code or goods is a subtotal
// when its figures equal the rows since the previous total (bare.go);
// otherwise it is read, flagged unidentified_row and kept out of the
// total-row sums, and the pipeline leaves it out of totals until the user
// includes it. Banner rows above the header may state a field for the
// whole sheet ("Çıkış Ülkesi: Türkiye") and the period the sheet covers
// (constants.go, period.go); the user can state such a value too
// (Options.Constants), and settle dates whose day and month are all ≤ 12
// (Options.DateOrder; dates.go) and weights in "tons" alone
// (Options.TonUnit; tons.go).
//
// # Weight units
//
// A weight's unit comes from its header ("Net weight, kg", "METRIC_TONS"),
// from a unit column (one per weight, or one "Weight unit" column for all
// weight columns without their own), or from the user's mapping. When none
// states it, the column is read as kilograms — the usual unit of customs
// data — but never silently: the sheet warns "weight unit not stated,
// kilograms assumed", the Column's Unit is "kg (assumed)" (shown by
// inspect), and every record gets an unknown_unit Flag with Detail "unit
// not stated; read as kg" and Kept set. The value stays valid, so totals
// count it; setting the unit in the mapping removes the flags.
//
// Hidden rows and columns are read like visible ones (a filter is a view, not
// a deletion) unless Options.SkipHidden is set, which makes hidden rows
// "hidden row" skips. Merged header cells carry their text in the first
// cell only; the others count as empty header cells (two-row headers are
// still joined per column).
package read
