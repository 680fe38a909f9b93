package merge

import (
	"math"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// SourceFacts are what Reconcile learns about a source from all of its
// rows, and what it then compares every row of that source by: whether
// the source gives declaration numbers (the preference rule) and the
// precision its weights were written with (the weight rule).
//
// Reconcile computes them from Input.Records. A caller that reconciles a
// large set in parts (the pipeline's bounded-memory path hands each group
// of rows that could merge to Reconcile on its own) computes them over
// every row with Observe and passes them in Input.Facts, so that each part
// is compared exactly as the whole set would be.
type SourceFacts struct {
	Declarations bool    // some row gives a declaration number
	NetHalf      float64 // half the finest unit a net weight was written with (WrittenHalfStep)
	GrossHalf    float64
}

// NewSourceFacts returns the facts of a source with no rows yet.
func NewSourceFacts() SourceFacts { return SourceFacts{NetHalf: 0.5, GrossHalf: 0.5} }

// Observe adds one row of the source.
func (f *SourceFacts) Observe(rec *reconcile.Record) {
	if rec.DeclarationID != "" && values.NormalizeID(reconcile.FieldDeclarationID, rec.DeclarationID) != "" {
		f.Declarations = true
	}
	if rec.NetKg.Valid && rec.NetKg.Value > 0 {
		f.NetHalf = math.Min(f.NetHalf, WrittenHalfStep(rec.NetKg.Value))
	}
	if rec.GrossKg.Valid && rec.GrossKg.Value > 0 {
		f.GrossHalf = math.Min(f.GrossHalf, WrittenHalfStep(rec.GrossKg.Value))
	}
}

// facts returns in.Facts when the caller gave them for every source,
// else computes them from in.Records.
func (in *Input) facts() []SourceFacts {
	if len(in.Facts) == len(in.Sources) && in.Facts != nil {
		return in.Facts
	}
	fs := make([]SourceFacts, len(in.Sources))
	for s := range fs {
		fs[s] = NewSourceFacts()
	}
	for i := range in.Records {
		fs[in.SourceOf[i]].Observe(&in.Records[i])
	}
	return fs
}
