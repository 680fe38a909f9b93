package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// Shipment decisions name source rows, never shipment IDs: a row is its
// file's SHA-256, sheet and row number (with the file's name for people),
// so a decision survives renumbered shipments, a renamed file and added
// sources. A decision whose file is not among the sources read is kept
// in the project but not applied.

// RowRef names record i for a shipment decision: its row key
// (file!sheet:row) and its file's SHA-256.
func (r *Result) RowRef(i int32) (row, sha string) {
	if i < 0 || int(i) >= len(r.Records) {
		return "", ""
	}
	row = merge.RowKey(r.Records[i].Source)
	if int(i) < len(r.RecSheet) {
		if f := r.RecSheet[i].File; int(f) < len(r.Files) {
			sha = r.Files[f].SHA256
		}
	}
	return row, sha
}

// PairDecision is the user's decision (merge.OpMerge or merge.OpApart)
// about a possible duplicate: it names the first row of each shipment.
func (r *Result) PairDecision(op string, p merge.DupPair, reason string) merge.Decision {
	d := merge.Decision{Op: op, Reason: reason, Time: time.Now().UTC()}
	d.Row, d.SHA256 = r.RowRef(r.Merge.Shipments[p.A].Rows[0])
	d.Other, d.OtherSHA256 = r.RowRef(r.Merge.Shipments[p.B].Rows[0])
	return d
}

// SplitDecisions split shipment sh into its rows: every row but the
// preferred one stands alone. A shipment of one row gives none.
func (r *Result) SplitDecisions(sh int, reason string) []merge.Decision {
	var out []merge.Decision
	rows := r.Merge.Shipments[sh].Rows
	for _, x := range rows[min(1, len(rows)):] {
		d := merge.Decision{Op: merge.OpSplit, Reason: reason, Time: time.Now().UTC()}
		d.Row, d.SHA256 = r.RowRef(x)
		out = append(out, d)
	}
	return out
}

// ExcludeDecision excludes shipment sh from the totals (merge.OpExclude)
// or counts it again (merge.OpInclude).
func (r *Result) ExcludeDecision(op string, sh int, reason string) merge.Decision {
	d := merge.Decision{Op: op, Reason: reason, Time: time.Now().UTC()}
	d.Row, d.SHA256 = r.RowRef(r.Merge.Shipments[sh].Rows[0])
	return d
}

// rowFinder finds records by file SHA-256, sheet and row. recordKey
// returns the row key of the record at row n of a sheet, if it holds one.
type rowFinder struct {
	files     []FileResult
	byFile    map[string]int // SHA-256 → file index
	recordKey func(ref SheetRef, n int) (string, bool)
}

func newRowFinder(files []FileResult, recordKey func(ref SheetRef, n int) (string, bool)) *rowFinder {
	f := &rowFinder{files: files, byFile: map[string]int{}, recordKey: recordKey}
	for i, fr := range files {
		if fr.Err == nil && fr.SHA256 != "" {
			f.byFile[fr.SHA256] = i
		}
	}
	return f
}

// newRowFinder indexes a sheet's records the first time a decision names
// it.
func (r *Result) newRowFinder() *rowFinder {
	rows := map[SheetRef]map[int]int32{}
	return newRowFinder(r.Files, func(ref SheetRef, n int) (string, bool) {
		idx, ok := rows[ref]
		if !ok {
			s := r.Files[ref.File].Sheets[ref.Sheet]
			idx = make(map[int]int32, s.Rows)
			for i := s.First; i < s.First+s.Rows; i++ {
				idx[r.Records[i].Source.Row] = int32(i)
			}
			rows[ref] = idx
		}
		i, ok := idx[n]
		if !ok {
			return "", false
		}
		return merge.RowKey(r.Records[i].Source), true
	})
}

// find returns the current row key of the row that key names in the
// file with content sha, and whether that file was read.
func (f *rowFinder) find(key, sha string) (string, bool) {
	fi, ok := f.byFile[sha]
	if !ok {
		return "", false
	}
	for si, s := range f.files[fi].Sheets {
		prefix := ":"
		if s.Sheet != "" {
			prefix = "!" + s.Sheet + ":"
		}
		k := strings.LastIndex(key, prefix)
		if k < 0 {
			continue
		}
		n, err := strconv.Atoi(key[k+len(prefix):])
		if err != nil {
			continue
		}
		if cur, ok := f.recordKey(SheetRef{int32(fi), int32(si)}, n); ok {
			return cur, true
		}
	}
	return key, true // the file was read; the row holds no record
}

// renameDecisions gives the decisions the engine applies: rows named by
// SHA-256 are renamed to the row keys of this run, and decisions about a
// file that was not read are left out (they would name another file's
// rows). It returns how many were left out.
func renameDecisions(ds []merge.Decision, f *rowFinder) ([]merge.Decision, int) {
	out := make([]merge.Decision, 0, len(ds))
	stale := 0
	for _, d := range ds {
		ok := true
		if d.SHA256 != "" {
			d.Row, ok = f.find(d.Row, d.SHA256)
		}
		if ok && d.OtherSHA256 != "" {
			d.Other, ok = f.find(d.Other, d.OtherSHA256)
		}
		if !ok {
			stale++
			continue
		}
		out = append(out, d)
	}
	return out, stale
}

// shipmentDecisions gives the decisions the engine applies: rows named
// by SHA-256 are renamed to the row keys of this run, and decisions
// about a file that was not read are left out (they would name another
// file's rows). It counts those left out in r.StaleDecisions.
func (r *Result) shipmentDecisions() []merge.Decision {
	ds := r.Project.ShipmentDecisions
	if len(ds) == 0 {
		return nil
	}
	out, stale := renameDecisions(ds, r.newRowFinder())
	r.StaleDecisions = stale
	return out
}

// findDupes lists the possible duplicates and measures the overlap of
// every pair of sources.
func (r *Result) findDupes(ctx context.Context, in merge.Input, opt merge.Options, ds []merge.Decision) error {
	dupes, err := merge.PossibleDuplicates(ctx, in, r.Merge, opt, ds)
	if err != nil {
		return err
	}
	r.Dupes = dupes
	// The overlap is measured between files, not sheets: the sheets of
	// one workbook are one source against another file (overlapfiles.go).
	idx, _ := r.sheetIndex()
	refs := make([]SheetRef, len(in.Sources))
	for ref, s := range idx {
		refs[s] = ref
	}
	byFile, group := fileSources(in, refs)
	r.Overlaps = merge.Overlaps(byFile, r.Merge, opt, dupes)
	r.overlapGroup = group
	r.decTexts = r.decisionTexts(ds)
	r.sourceNames = make([]string, len(byFile.Sources))
	for i, s := range byFile.Sources {
		r.sourceNames[i] = s.Name
	}
	return nil
}

// SourceName is the name of overlap source s (a file, a file's sheet,
// or a file with the sheets it groups), as Overlap.A and Overlap.B index
// them.
func (r *Result) SourceName(s int32) string {
	if s < 0 || int(s) >= len(r.sourceNames) {
		return ""
	}
	return r.sourceNames[s]
}

// Warnings are what a reader of the totals must know beyond the totals'
// own notes: possible double counting between sources, sheets whose
// total rows disagree with the rows read, merges the user decided
// across two declaration numbers or bills of lading, and decisions about
// files that were not read. A front end shows each with its own words for
// the step it names (reconcile.Note.With).
func (r *Result) Warnings() []reconcile.Note {
	var out []reconcile.Note
	for _, o := range r.Overlaps {
		if o.Warning.Text != "" {
			out = append(out, o.Warning)
		}
	}
	// A total row that disagrees with the rows read and that nothing
	// resolved (no subtotal found, no row excluded) means the sheet's
	// figures in the totals may be wrong: a warning, not only a note.
	for _, f := range r.Files {
		for _, sh := range f.Sheets {
			if sh.TotalsBad > 0 {
				name := filepath.Base(f.Path)
				if sh.Sheet != "" {
					name += " [" + sh.Sheet + "]"
				}
				out = append(out, reconcile.Note{Text: fmt.Sprintf("%s: %d total row(s) do not match the rows read, so its figures in these totals may be wrong (the note on each total row says how)", name, sh.TotalsBad)})
			}
		}
	}
	if r.Merge != nil {
		for _, w := range r.Merge.MergeWarnings {
			out = append(out, reconcile.Note{Text: w})
		}
	}
	if r.StaleDecisions > 0 {
		out = append(out, reconcile.Note{Text: strconv.Itoa(r.StaleDecisions) + " shipment decision(s) name rows of a file that was not read (moved, changed or left out): not applied"})
	}
	for _, u := range r.Project.Unapplied {
		out = append(out, reconcile.Note{Text: "a decision in the audit workbook read back: " + u})
	}
	return append(out, r.unappliedSettings()...)
}

// DecisionText says which of the user's decisions shaped shipment sh, for
// the Shipments sheet's Decision column and the app ("" when none).
func (r *Result) DecisionText(sh int) string {
	return r.decTexts[sh]
}

// decisionTexts maps shipment index → the Decision column's text, for
// the decisions ds as the engine applied them.
func (r *Result) decisionTexts(ds []merge.Decision) map[int]string {
	if r.Merge == nil || len(ds) == 0 {
		return nil
	}
	named := map[string]bool{}
	for _, d := range ds {
		named[d.Row], named[d.Other] = true, true
	}
	rec := map[string]int32{}
	for i := range r.Records {
		if k := merge.RowKey(r.Records[i].Source); named[k] {
			rec[k] = int32(i)
		}
	}
	shipOf := func(key string) (int, bool) {
		i, ok := rec[key]
		if !ok || int(i) >= len(r.Merge.ShipmentOf) || r.Merge.ShipmentOf[i] < 0 {
			return 0, false
		}
		return int(r.Merge.ShipmentOf[i]), true
	}
	texts := map[int][]string{}
	for _, d := range ds {
		a, okA := shipOf(d.Row)
		b, okB := shipOf(d.Other)
		why := ""
		if d.Reason != "" {
			why = ": " + d.Reason
		}
		switch d.Op {
		case merge.OpSplit:
			if okA {
				texts[a] = append(texts[a], "split out by you ("+d.Row+")"+why)
			}
		case merge.OpExclude:
			if okA {
				texts[a] = append(texts[a], "excluded by you"+why)
			}
		case merge.OpInclude:
			if okA {
				texts[a] = append(texts[a], "counted again by you")
			}
		case merge.OpMerge:
			if okA {
				texts[a] = append(texts[a], "merged by you ("+d.Row+" = "+d.Other+")"+why)
			}
		case merge.OpApart:
			if okA && okB {
				texts[a] = append(texts[a], "kept apart by you from "+r.Merge.Shipments[b].ID+why)
				texts[b] = append(texts[b], "kept apart by you from "+r.Merge.Shipments[a].ID+why)
			}
		}
	}
	out := make(map[int]string, len(texts))
	for k, v := range texts {
		out[k] = strings.Join(v, "; ")
	}
	return out
}
