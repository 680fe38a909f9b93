package reconcile

// SkipReason says why a source row did not become a record.
type SkipReason string

// Skip reasons. Every row of a sheet below the header is either read into a
// Record or skipped with one of these, so nothing is lost unexplained.
const (
	SkipBlank          SkipReason = "blank"
	SkipTotal          SkipReason = "total row"
	SkipRepeatedHeader SkipReason = "repeated header"
	SkipNoData         SkipReason = "no data"              // no party, weight, value or quantity
	SkipNote           SkipReason = "note"                 // a lone text cell such as a disclaimer
	SkipHidden         SkipReason = "hidden row"           // only when the user asks to skip hidden rows
	SkipTooWide        SkipReason = "row too wide"         // over the column limit
	SkipBanner         SkipReason = "above header"         // banner rows above the header
	SkipMalformed      SkipReason = "malformed line"       // CSV line that could not be split
	SkipNeedsMapping   SkipReason = "columns need mapping" // a table whose party and date columns are not mapped yet
	SkipLeftOut        SkipReason = "sheet left out by the user"
	SkipSummarySheet   SkipReason = "summary sheet" // a pivot of the shipments by party and period, not shipments (the user may include it)
)

// Skip is one skipped row.
type Skip struct {
	Row    int // 1-based, as Excel shows it
	Reason SkipReason
	Detail string
}
