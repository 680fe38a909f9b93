package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// checkMapping warns about mappings a reader of the figures must know.
// A sheet left out (by the user, or as a summary) gives no figures, so
// its columns' warnings would only ask for decisions that change nothing.
func (s *SheetReader) checkMapping() {
	if s.leftOut == "" {
		s.checkColumns()
	}
	if s.w.x != nil && s.w.SheetHidden(s.name) {
		s.warnings = append(s.warnings, reconcile.Note{Text: "the sheet is hidden in Excel"})
	}
	if s.w.x != nil {
		s.warnings = append(s.warnings, notes(s.w.x.warnings...)...)
	}
}

// checkColumns warns about the columns of a sheet whose rows are read.
func (s *SheetReader) checkColumns() {
	has := map[reconcile.Field]bool{}
	for _, c := range s.columns {
		has[c.Field] = true
	}
	if !has[reconcile.FieldConsignee] && !has[reconcile.FieldShipper] {
		s.warnings = append(s.warnings, reconcile.Note{Text: "no consignee or shipper column found"})
	}
	if !has[reconcile.FieldNetWeight] && !has[reconcile.FieldGrossWeight] && !has[reconcile.FieldValue] && !has[reconcile.FieldValueUSD] && !has[reconcile.FieldQuantity] {
		s.warnings = append(s.warnings, reconcile.Note{Text: "no weight, value or quantity column found"})
	}
	var assumed []string
	for _, c := range s.columns {
		if strings.HasSuffix(c.Reason, "kg assumed") {
			assumed = append(assumed, fmt.Sprintf("%s %q", reconcile.ColumnName(c.Index+1), c.Header))
		}
		if (c.Field == reconcile.FieldValue) && c.Currency == "" && !has[reconcile.FieldCurrency] && !s.hasConstant(reconcile.FieldCurrency) {
			s.warnings = append(s.warnings, reconcile.Note{Text: fmt.Sprintf("column %s %q: currency not stated; values are flagged unknown_currency until you set it", reconcile.ColumnName(c.Index+1), c.Header)})
		}
	}
	if len(assumed) > 0 {
		s.warnings = append(s.warnings, reconcile.Note{Text: "weight unit not stated, kilograms assumed for " + strings.Join(assumed, ", ")})
	}
	if s.gran == reconcile.GranularityMonthly && !s.statistics {
		s.warnings = append(s.warnings, reconcile.Note{Text: "monthly aggregates (one row per party, product and month), not shipments"})
	}
}

// maxRowWarnings caps per-row warnings; the rest are counted.
const maxRowWarnings = 50

func (s *SheetReader) rowWarning(w string) {
	if s.rowWarns < maxRowWarnings {
		s.warnings = append(s.warnings, reconcile.Note{Text: w})
	}
	s.rowWarns++
}

// Warnings returns what the reader noticed about the sheet so far.
func (s *SheetReader) Warnings() []reconcile.Note {
	out := append([]reconcile.Note(nil), s.warnings...)
	if s.rowWarns > maxRowWarnings {
		out = append(out, reconcile.Note{Text: fmt.Sprintf("… and %d more lines with the same kind of problem (malformed quotes or over-long lines)", s.rowWarns-maxRowWarnings)})
	}
	if cs, ok := s.src.(*csvSource); ok && cs.encWarn != "" {
		out = append(out, reconcile.Note{Text: cs.encWarn})
	}
	if s.hiddenRows > 0 {
		out = append(out, reconcile.Note{Text: fmt.Sprintf("%d rows hidden in Excel (by a filter or by hand) were read and counted; they are flagged hidden_row", s.hiddenRows)})
	}
	for _, c := range s.totals {
		if !c.Matches {
			out = append(out, reconcile.Note{Text: c.String()})
		}
	}
	if w := s.ambiguousDatesWarning(); w.Text != "" {
		out = append(out, w)
	}
	if w := s.unidentifiedWarning(); w.Text != "" {
		out = append(out, w)
	}
	if w := s.labelRowsWarning(); w.Text != "" {
		out = append(out, w)
	}
	if cs, ok := s.src.(*csvSource); ok && cs.nulSeen {
		out = append(out, reconcile.Note{Text: "the file contains NUL bytes or bytes that are not text in its encoding; NULs were dropped, other bytes shown as �"})
	}
	return out
}

// notes are texts that ask for no step, as notes.
func notes(texts ...string) []reconcile.Note {
	out := make([]reconcile.Note, len(texts))
	for i, t := range texts {
		out[i] = reconcile.Note{Text: t}
	}
	return out
}
