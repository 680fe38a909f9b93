package workbook

import (
	"context"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
)

// Param is one run parameter, written to Method and read back by Name.
type Param struct {
	Name    string
	Value   string
	Meaning string
}

// File is one input file.
type File struct {
	Path      string
	SHA256    string
	Err       error
	Vendor    string
	Retrieved string
	Note      string
	// UserMapping and UserFlow are the user's settings for a file that
	// could not be read, so that a later run where it can be still has
	// them (a sheet read carries its own in Sheet).
	UserMapping, UserFlow string
}

// Sheet is one read sheet of a file (a CSV is one sheet named ""), as
// pipeline describes it, placed in the workbook.
type Sheet struct {
	read.SheetResult
	FileIndex   int    // index into Data.Files
	UserMapping string // the user's column overrides for this sheet as JSON, read back verbatim
	UserFlow    string // the trade flow the user set for this sheet, "export:TR" (UserFlowHeader)
}

// RawRows streams the rows of sheet s (index into Data.Sheets) as they
// are in the file, in order, with their 1-based row numbers. The writer
// may stream two sheets at once, from two goroutines.
type RawRows func(ctx context.Context, s int, fn func(row int, cells []string) error) error

// Data is everything the audit workbook shows.
type Data struct {
	Version  string
	Started  time.Time
	Finished time.Time
	Params   []Param
	Method   []string // plain-language paragraphs

	Files   []File
	Sheets  []Sheet
	Records []reconcile.Record

	Names *match.Result
	// Per record: entity and mention indexes in Names, -1 when none.
	ConsigneeEntity, ShipperEntity   []int32
	ConsigneeMention, ShipperMention []int32

	Merge       *merge.Result
	WeightBasis string
	Tables      []*totals.Table // for the Totals sheet, in order
	ByConsignee *totals.Table   // Summary figures
	ByShipper   *totals.Table
	Overall     *totals.Table // ByNone, for notes
	// ReadNotes are what reading the sources found that a reader of the
	// figures must know: total rows that differ from the rows read,
	// sheets left out and why.
	ReadNotes []string

	Rates             []totals.Rate
	Decisions         []match.Decision
	ShipmentDecisions []merge.Decision

	// Dupes fill the Possible duplicates sheet; DecisionText gives the
	// Shipments sheet's Decision cell by shipment index; Overlaps go
	// below the Sources; Notes are added to the Summary's notes.
	Dupes        *merge.Dupes
	DecisionText map[int]string
	Overlaps     []Overlap
	Notes        []string

	Raw RawRows
	// Claims are the verdicts on the project's claims, in order; with
	// none the Claims sheet has its header only.
	Claims []claims.Verdict

	// Screening, when set, adds the Screening sheet and fills the Listed
	// columns of Summary and Entities.
	Screening *Screening
}

// styles are the style IDs the writer registered.
type styles struct {
	Header, Tonnes, USD, Kg, Money, Score, Date, Wrap, Title, Link, Muted int
	// Top is a plain cell aligned to the top of its row, and WrapIndent a
	// wrapped one set off from the column to its left: rows made tall by
	// a wrapped cell must not print their other cells at the bottom (the
	// default), a line below the wrapped text's first.
	Top, WrapIndent int
}

// Overlap is one row of the Sources sheet's overlap table (see
// merge.Overlap), with the sources named.
type Overlap struct {
	merge.Overlap
	NameA, NameB string
}
