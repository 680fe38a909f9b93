package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

func granularity(spec *SourceSpec, sheet string, g reconcile.Granularity) reconcile.Granularity {
	if g := spec.Granularity[sheet]; g != reconcile.GranularityAuto {
		return g
	}
	if g := spec.Granularity[""]; g != reconcile.GranularityAuto {
		return g
	}
	if g == reconcile.GranularityMonthly {
		return reconcile.GranularityMonthly
	}
	return reconcile.GranularityShipment
}

// applySpec adds to sheets what the project makes of them: the
// granularity and flow the user set, and the sheet's error as a status.
func applySpec(spec *SourceSpec, sheets []SheetResult) {
	for i := range sheets {
		sr := &sheets[i]
		sr.Granularity = granularity(spec, sr.Sheet, sr.Granularity)
		sr.Flow, sr.FlowWhy, sr.Country = sheetFlow(spec, sr.Sheet, sr.Stated)
		if sr.Flow == reconcile.FlowExport && sr.Country == "" {
			// An export register whose banner (or the user) fixes the
			// dispatch country ("Çıkış Ülkesi: Türkiye") names the
			// declaring country that way.
			for _, c := range sr.Constants {
				if c.Field == reconcile.FieldDispatchCountry && c.Value != "" {
					sr.Country = c.Value
					sr.FlowWhy += "; declared in " + c.Value + " (" + c.From + ")"
				}
			}
		}
		if sr.Err != nil {
			switch {
			case errors.Is(sr.Err, reconcile.ErrNoTable):
				sr.NoTable, sr.NotData = true, errors.Is(sr.Err, reconcile.ErrNotData)
				sr.Status = sheetStatus(sr.Err)
			case errors.Is(sr.Err, reconcile.ErrNeedsMapping):
				sr.NeedsMapping = true
				sr.Status = sheetStatus(sr.Err)
			}
			sr.Warnings = append(sr.Warnings, reconcile.Note{Text: sr.Err.Error(), Step: reconcile.StepOf(sr.Err)})
		}
	}
}

// sheetStats is what finishSheet needs from a sheet's records, gathered
// one record at a time (the bounded-memory path never holds a sheet).
type sheetStats struct {
	lastRow          int
	from, to         reconcile.Date
	day, month, decl int
	// rows without a dispatch or origin country, for export registers
	noDispatch, noOrigin int
	// rows without a destination, by dispatch country, for import
	// declarations (importCountries)
	noDest map[string]int
}

func (st *sheetStats) add(rec *reconcile.Record) {
	st.lastRow = max(st.lastRow, rec.Source.Row)
	if rec.Date.Known() {
		if !st.from.Known() || rec.Date.Time.Before(st.from.Time) {
			st.from = rec.Date
		}
		if !st.to.Known() || rec.Date.Time.After(st.to.Time) {
			st.to = rec.Date
		}
	}
	switch rec.Date.Precision {
	case reconcile.PrecisionDay:
		st.day++
	case reconcile.PrecisionMonth:
		st.month++
	}
	if rec.DeclarationID != "" {
		st.decl++
	}
	if rec.DispatchCountry == "" {
		st.noDispatch++
	}
	if rec.OriginCountry == "" {
		st.noOrigin++
	}
	if rec.DestinationCountry == "" {
		if st.noDest == nil {
			st.noDest = map[string]int{}
		}
		st.noDest[rec.DispatchCountry]++
	}
}

// finishSheet computes the date range and last row, and checks the
// granularity against the dates.
func finishSheet(spec *SourceSpec, sr *SheetResult, recs []reconcile.Record) {
	var st sheetStats
	for k := range recs {
		st.add(&recs[k])
	}
	finishSheetStats(spec, sr, &st)
	for k := range recs {
		fillDeclaredCountry(sr, &recs[k])
	}
}

func finishSheetStats(spec *SourceSpec, sr *SheetResult, st *sheetStats) {
	sr.TotalRows = max(sr.HeaderRow, st.lastRow)
	sr.DateFrom, sr.DateTo = st.from, st.to
	for _, sk := range sr.Skips {
		sr.TotalRows = max(sr.TotalRows, sk.Row)
	}
	if note := checkGranularity(spec, sr, st); note != "" {
		sr.Warnings = append(sr.Warnings, reconcile.Note{Text: note})
	}
	if note := declaredCountries(sr, st); note.Text != "" {
		sr.Warnings = append(sr.Warnings, note)
	}
	if note := importCountries(sr, st); note.Text != "" {
		sr.Warnings = append(sr.Warnings, note)
	}
}

// checkGranularity corrects a detected granularity the dates contradict:
// monthly aggregates carry month-only dates and no declaration numbers.
// A granularity the user set is never changed.
func checkGranularity(spec *SourceSpec, sr *SheetResult, st *sheetStats) string {
	if spec.Granularity[sr.Sheet] != "" || spec.Granularity[""] != "" {
		return ""
	}
	day, month, decl := st.day, st.month, st.decl
	switch {
	case sr.Granularity == reconcile.GranularityMonthly && day > month:
		sr.Granularity = reconcile.GranularityShipment
		return fmt.Sprintf("detected as monthly aggregates, but %d of %d dated rows carry a full date: treated as shipment-level (set the granularity to override)", day, day+month)
	case sr.Granularity == reconcile.GranularityShipment && month > 0 && day == 0 && decl == 0:
		sr.Granularity = reconcile.GranularityMonthly
		return "every date is a month without a day and there are no declaration numbers: treated as monthly aggregates (set the granularity to override)"
	}
	return ""
}

// sheetStatus is a sheet error's message without its position (the
// Sources row names file and sheet already): "not a data sheet: …".
func sheetStatus(err error) string {
	var re *reconcile.Error
	if errors.As(err, &re) && re.Err != nil {
		msg := re.Err.Error()
		msg = strings.TrimPrefix(msg, reconcile.ErrNoTable.Error()+": ")
		if re.Hint != "" {
			msg += " — " + re.Hint
		}
		return msg
	}
	return err.Error()
}
