package ui

import (
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// The choices of the Sources screen's "tons" select: what a sheet's
// weights in "tons" alone mean; undecided, they are left out (the CLI's --unit FILE:tons=t). Until the
// user chooses, those weights stay out of tonnes: a short ton is 9 %
// lighter than a tonne, a long ton 1.6 % heavier, and guessing would
// move every total.
const (
	tonsFromFile = "undecided"
	tonsMetric   = "metric tonne (1,000 kg)"
	tonsShort    = "short ton, US (907.18 kg)"
	tonsLong     = "long ton, UK (1,016.05 kg)"
)

var tonChoices = []string{tonsFromFile, tonsMetric, tonsShort, tonsLong}

// tonLabels maps the reader's ton units (read.TonUnits) to the choices.
var tonLabels = map[string]string{"t": tonsMetric, "short ton": tonsShort, "long ton": tonsLong}

func (st *sheetSettings) onTons(v string) {
	if st.quiet {
		return
	}
	same := func(m pipeline.ColumnOverride) bool { _, ok := read.TonUnits[m.Unit]; return ok && m.Field == "" }
	for unit, l := range tonLabels {
		if l == v {
			st.edit(same, &pipeline.ColumnOverride{ColumnOverride: read.ColumnOverride{Unit: unit}})
			return
		}
	}
	st.edit(same, nil)
}

// showNotes shows the run's read notes about the sheet (those that name
// its file and sheet), in the app's words, above its preview: the notes
// that ask for a decision are where the controls for it are.
func (st *sheetSettings) showNotes(path, sheet string) {
	res := st.s.res
	if res == nil {
		st.notes.Hide()
		return
	}
	labels := sheetCurrencyLabels(res, path, sheet)
	var lines []string
	for _, n := range res.ReadNotes() {
		// A currency label's note names no sheet (one rate serves every
		// file): it shows on each sheet whose values are in the label.
		if (n.File != "" && absPath(n.File) == absPath(path) && n.Sheet == sheet) || (n.Fix == reconcile.FixCurrencyRate && labels[n.Value]) {
			lines = append(lines, "Note: "+withControls(n))
		}
	}
	if len(lines) == 0 {
		st.notes.SetText("")
		st.notes.Hide()
		return
	}
	st.notes.SetText(strings.Join(lines, "\n"))
	st.notes.Show()
}

// sheetCurrencyLabels are the unknown currency labels ("у.е.") of the
// sheet's values.
func sheetCurrencyLabels(res *pipeline.Result, path, sheet string) map[string]bool {
	out := map[string]bool{}
	for _, f := range res.Files {
		if absPath(f.Path) != absPath(path) {
			continue
		}
		for _, sh := range f.Sheets {
			if sh.Sheet != sheet {
				continue
			}
			for i := sh.First; i < sh.First+sh.Rows && i < len(res.Records); i++ {
				for _, fl := range res.Records[i].Flags {
					if l, ok := read.UnknownCurrencyLabel(fl); ok {
						out[l] = true
					}
				}
			}
		}
	}
	return out
}

// readNotesFor are the read notes the Totals screen lists: every one, in
// the app's words; Warnings() are listed there already.
func readNotesFor(res *pipeline.Result) []string {
	if res == nil {
		return nil
	}
	return reconcile.NotesWith(res.ReadNotes(), how)
}
