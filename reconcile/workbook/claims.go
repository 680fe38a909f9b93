package workbook

// ClaimsWidths is an optional interface of a ClaimsHook: column widths
// (in characters) for the Claims sheet, which must be set before any row
// is written. Without it every column is 16 wide and the first 50.
type ClaimsWidths interface {
	Widths() []float64
}
