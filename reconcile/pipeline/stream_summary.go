package pipeline

import (
	"tradecheck/reconcile"
	"tradecheck/reconcile/totals"
)

// StreamSummary is what Stream returns: the run without its records.
type StreamSummary struct {
	// Result holds Project, Files, Names (and their clustering),
	// Screening and Goods; its Records, Merge and the per-record slices
	// are empty.
	Result *Result

	Rows, Shipments, Merged, Duplicates int
	// Counted, Tonnes and ValueUSD are the default totals (ByNone, no
	// filter), as Result.Totals gives them.
	Counted  int
	Tonnes   float64
	ValueUSD float64
	// USD holds the value counts behind ValueUSD (USD.USDText says
	// what it leaves out).
	USD           totals.Measures
	Discrepancies int
	Parts         int
	LargestPart   int // rows of the largest part: what bounds memory
	// IDClashes counts shipments that took a longer ID because another
	// one's anchor hashed alike (Run does the same).
	IDClashes int
	// HeldBack counts shipments held back from their part to be numbered
	// with the others whose anchor hashes alike.
	HeldBack       int
	StaleDecisions int
	// MergeWarnings are the parts' merge.Result.MergeWarnings: the
	// user's merges across two declaration numbers or bills of lading
	// (a user merge lies in one part, so each is listed once).
	MergeWarnings []string
	// Dupes is the Possible duplicates list, as Result.DupList gives it
	// for Run.
	Dupes           *DupList
	decisionRowsRun map[string]bool
}

// Warnings is Result.Warnings for a streamed run: the file warnings and
// stale decisions Result gives, and the merge warnings of every part.
func (s *StreamSummary) Warnings() []reconcile.Note {
	out := s.Result.Warnings()
	for _, w := range s.MergeWarnings {
		out = append(out, reconcile.Note{Text: w})
	}
	return out
}

// HasRow reports whether a row key named by one of the project's
// shipment decisions is a record of this run.
func (s *StreamSummary) HasRow(key string) bool { return s.decisionRowsRun[key] }
