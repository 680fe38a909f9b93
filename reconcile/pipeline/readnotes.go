package pipeline

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// ReadNotes lists what reading the sources found that a reader of the
// figures must know, one line each, for the Summary notes and the CLI:
// total rows that differ from the rows read (rows may be missing or
// misread), total rows that match, sheets whose columns need mapping
// (left out of every total), sheets that are not data, and rows hidden
// in Excel, and currency labels that are not currencies (with the rate
// to give). A note that asks for a step names it (reconcile.Note): the
// CLI and the app word it, the workbook shows the text alone.
func (r *Result) ReadNotes() []reconcile.Note {
	var out []reconcile.Note
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		for _, s := range f.Sheets {
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += " [" + s.Sheet + "]"
			}
			switch {
			case s.NeedsMapping:
				out = append(out, reconcile.Note{Text: fmt.Sprintf("%s: not counted — %s", name, s.Status), Step: reconcile.StepOf(s.Err)})
			case s.LeftOut != "":
				out = append(out, reconcile.Note{Text: fmt.Sprintf("%s: %s (%d row(s) not counted)", name, s.LeftOut, s.LeftOutRows())})
			case s.NotData:
				status, _, _ := strings.Cut(s.Status, " — ")
				out = append(out, reconcile.Note{Text: fmt.Sprintf("%s: %s; left out", name, status)})
			}
			for _, c := range s.Checks {
				out = append(out, reconcile.Note{Text: name + ": " + c})
			}
			if s.Flow == reconcile.FlowExport {
				n := exportNote(s, mergeOptions(r.Project.Params))
				n.Text = name + ": " + n.Text
				out = append(out, n)
			}
			if s.Flow != reconcile.FlowExport {
				// An import register's destination: unknown until the
				// user gives the declaring country, or filled from it
				// (declaredCountries, importCountries). The first asks
				// for the trade flow, the second says how to undo it; an
				// export sheet's says so above.
				for _, w := range s.Warnings {
					if w.Fix == reconcile.FixTradeFlow || w.Fix == reconcile.FixImportDestination {
						w.Text = name + ": " + w.Text
						out = append(out, w)
					}
				}
			}
			// A sheet that may sum another (one row per party, no date)
			// is counted until the user leaves it out: the figures may
			// hold its rows twice.
			for _, w := range s.Warnings {
				if w.Fix == reconcile.FixLeaveOutSheet {
					w.Text = name + ": " + w.Text
					out = append(out, w)
				}
			}
			out = append(out, r.sheetDecisions(name, f.Path, s)...)
		}
	}
	if n := r.rulesNote(); n.Text != "" {
		out = append(out, n)
	}
	return append(out, r.currencyLabelNotes()...)
}

// asksDecision reports whether read note n asks for a decision without
// which the figures are incomplete (sheetDecisions, currencyLabelNotes):
// its step says so, not its words.
func asksDecision(n reconcile.Note) bool {
	switch n.Fix {
	case reconcile.FixIncludeRows, reconcile.FixDateOrder, reconcile.FixTonUnit, reconcile.FixCurrencyRate, reconcile.FixLeaveOutSheet, reconcile.FixDecimalSeparator:
		return true
	}
	return false
}

// sheetDecisions are the notes of sheet s that ask the user to decide:
// rows without particulars, dates without an order, weights in tons.
func (r *Result) sheetDecisions(name, path string, s SheetResult) []reconcile.Note {
	var out []reconcile.Note
	notes := []reconcile.Note{r.unidentifiedNote(path, s), r.ambiguousDateNote(path, s), r.tonsNote(path, s)}
	for _, n := range append(notes, r.ambiguousNumberNotes(path, s)...) {
		if n.Text != "" {
			n.Text = name + ": " + n.Text
			out = append(out, n)
		}
	}
	return out
}

// DecisionNotes are the read notes that ask the user to decide something
// before the figures are complete (a subset of ReadNotes), for commands
// such as check that print verdicts rather than every note.
func (r *Result) DecisionNotes() []reconcile.Note {
	var out []reconcile.Note
	for _, n := range r.ReadNotes() {
		if asksDecision(n) {
			out = append(out, n)
		}
	}
	return out
}

// unidentifiedNote names the rows of sheet s the reader flagged
// unidentified_row, left out of totals until the user includes them.
func (r *Result) unidentifiedNote(path string, s SheetResult) reconcile.Note {
	var rows []string
	n := 0
	for i := s.First; i < s.First+s.Rows && i < len(r.Records); i++ {
		for _, f := range r.Records[i].Flags {
			if f.Code == reconcile.FlagUnidentified {
				if n < 10 {
					rows = append(rows, strconv.Itoa(r.Records[i].Source.Row))
				}
				n++
				break
			}
		}
	}
	if n == 0 {
		return reconcile.Note{}
	}
	list := strings.Join(rows, ", ")
	if n > len(rows) {
		list += fmt.Sprintf(" and %d more", n-len(rows))
	}
	return reconcile.Note{Text: fmt.Sprintf("%d row(s) with figures but no party, date, HS code or goods (row %s) are left out of totals until you decide: a total row stays out; a shipment is counted once you include it", n, list),
		Step: reconcile.Step{Fix: reconcile.FixIncludeRows, File: path, Sheet: s.Sheet}}
}

// ambiguousDateNote says how many dates of sheet s could be day/month
// or month/day, in which column, and that the sheet's date order settles
// them.
func (r *Result) ambiguousDateNote(path string, s SheetResult) reconcile.Note {
	n, col := 0, -1
	for i := s.First; i < s.First+s.Rows && i < len(r.Records); i++ {
		for _, f := range r.Records[i].Flags {
			if f.Code == reconcile.FlagAmbiguousDate {
				n++
				col = f.Column
				break
			}
		}
	}
	if n == 0 {
		return reconcile.Note{}
	}
	step := reconcile.Step{Fix: reconcile.FixDateOrder, File: path, Sheet: s.Sheet}
	where := ""
	if col >= 0 && col < len(s.Columns) {
		where = fmt.Sprintf(" in column %s %q", reconcile.ColumnName(col+1), s.Columns[col].Header)
		step.Column = col + 1
	}
	return reconcile.Note{Text: fmt.Sprintf("%d row(s) have dates%s whose day and month are both 12 or less, and nothing in the file tells which comes first: they are left undated (out of every date filter and monthly series) until you state the order: day first, or month first (US style)",
		n, where), Step: step}
}

// tonsNote says how many weights of sheet s are in "tons" alone, left
// out of tonnes until the user says which tons the file means.
func (r *Result) tonsNote(path string, s SheetResult) reconcile.Note {
	n := 0
	for i := s.First; i < s.First+s.Rows && i < len(r.Records); i++ {
		for _, f := range r.Records[i].Flags {
			if read.IsTonsFlag(f) {
				n++
				break
			}
		}
	}
	if n == 0 {
		return reconcile.Note{}
	}
	return reconcile.Note{Text: fmt.Sprintf("%d row(s) give weights in \"tons\" without saying metric, short or long: left out of tonnes until you decide which the file means", n),
		Step: reconcile.Step{Fix: reconcile.FixTonUnit, File: path, Sheet: s.Sheet}}
}

// ambiguousNumberNotes says, per weight column, how many rows' weights
// ("1,125") the reader could not settle as decimals or thousands and left
// out of tonnes (read.numberUnit): without it the run said only that
// shipments had no usable weight, not why nor what to set.
func (r *Result) ambiguousNumberNotes(path string, s SheetResult) []reconcile.Note {
	n := map[int]int{}
	var cols []int
	for i := s.First; i < s.First+s.Rows && i < len(r.Records); i++ {
		for _, f := range r.Records[i].Flags {
			if f.Code == reconcile.FlagAmbiguousNumber && !f.Kept && f.Column >= 0 {
				if n[f.Column] == 0 {
					cols = append(cols, f.Column)
				}
				n[f.Column]++
			}
		}
	}
	sort.Ints(cols)
	out := make([]reconcile.Note, 0, len(cols))
	for _, c := range cols {
		out = append(out, reconcile.Note{Text: fmt.Sprintf("%d weight(s) in column %s could be decimals or thousands (\"1,125\") and nothing in the file tells: left out of tonnes until you set the column's decimal separator, or its unit to t if they are tonnes",
			n[c], reconcile.ColumnName(c+1)), Step: reconcile.Step{Fix: reconcile.FixDecimalSeparator, File: path, Sheet: s.Sheet, Column: c + 1}})
	}
	return out
}

// currencyLabelNotes says, per currency label the reader did not know
// ("у.е."), how many values it leaves out until the user gives it a
// rate: a label is never guessed to be a currency.
func (r *Result) currencyLabelNotes() []reconcile.Note {
	n := map[string]int{}
	var order []string
	for i := range r.Records {
		for _, f := range r.Records[i].Flags {
			if l, ok := read.UnknownCurrencyLabel(f); ok {
				if n[l] == 0 {
					order = append(order, l)
				}
				n[l]++
			}
		}
	}
	var out []reconcile.Note
	for _, l := range order {
		vals := "values are"
		if n[l] == 1 {
			vals = "value is"
		}
		out = append(out, reconcile.Note{Text: fmt.Sprintf("%d %s in currency %q, which is not a currency code: left out of the value total until you give its rate in USD per one %s (1 if it means US dollars)",
			n[l], vals, l, l), Step: reconcile.Step{Fix: reconcile.FixCurrencyRate, Value: l}})
	}
	return out
}

// exportNote says how the export register s pairs with import rows and,
// when nobody states its declaring country, asks for it.
func exportNote(s SheetResult, o merge.Options) reconcile.Note {
	of := ""
	if s.Country != "" {
		of = " of " + values.CountryName(s.Country)
	}
	n := fmt.Sprintf("export declarations%s (%s): each pairs with the import rows of the same goods — same consignee and shipper, HS-6, weights, the export up to %d days before or %d after — and counts once; uncertain pairs are on Possible duplicates", of, s.FlowWhy, o.ExportDaysBefore, o.ExportDaysAfter)
	if s.Country == "" {
		return reconcile.Note{Text: n + "; the file does not say which country declared them, so their dispatch country stays unknown where no column gives it until you give the declaring country",
			Step: reconcile.Step{Fix: reconcile.FixTradeFlow, File: s.File, Sheet: s.Sheet, Value: reconcile.FlowExport}}
	}
	return reconcile.Note{Text: n}
}

// rulesNote echoes the shipment rules' windows and band when they are
// not the defaults (the Method sheet always lists them), so that the
// figures of the Summary say under which rules they were made.
func (r *Result) rulesNote() reconcile.Note {
	o, def := mergeOptions(r.Project.Params), merge.DefaultOptions()
	if o.BLDaysBefore == def.BLDaysBefore && o.BLDaysAfter == def.BLDaysAfter && o.PackagingBandPct == def.PackagingBandPct &&
		o.ExportDaysBefore == def.ExportDaysBefore && o.ExportDaysAfter == def.ExportDaysAfter {
		return reconcile.Note{}
	}
	return reconcile.Note{Text: fmt.Sprintf("shipment rules set by the user: B/L window -%d,+%d days (default -%d,+%d), packaging band %g (default %g), export window -%d,+%d days (default -%d,+%d); the same files under the same rules give the same figures",
		o.BLDaysBefore, o.BLDaysAfter, def.BLDaysBefore, def.BLDaysAfter, o.PackagingBandPct/100, def.PackagingBandPct/100,
		o.ExportDaysBefore, o.ExportDaysAfter, def.ExportDaysBefore, def.ExportDaysAfter), Step: reconcile.Step{Fix: reconcile.FixShipmentRules}}
}
