package workbook

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// Decisions the user may type on the Possible duplicates sheet (Decision
// column) and on the Shipments sheet (Decision column). Text Tradecheck
// wrote itself says "by you" and is never read as a new decision.
const (
	DecisionMerge = "merge" // Possible duplicates: the pair is one shipment
	DecisionApart = "apart" // Possible duplicates: the pair are two shipments
)

// DecisionCommands documents what the Shipments sheet's Decision column
// reads back: "split" (every row but the first stands alone), "exclude:
// reason", "include", "merge S12", "apart S12".
const DecisionCommands = `split | exclude: reason | include | merge <Shipment ID> | apart <Shipment ID>`

// dupRows is the number of rows below the Possible duplicates header.
func (w *writer) dupRows() int {
	if w.d.Dupes == nil {
		return 0
	}
	return len(w.d.Dupes.Pairs)
}

// duplicates writes the Possible duplicates sheet: one row per pair,
// best first, each shipment linked to its Shipments row.
func (w *writer) duplicates() error {
	d := w.d
	sw, err := w.open(SheetDuplicates, []float64{8, 12, 12, 11, 11, 30, 9, 10, 10, 36, 36, 50, 60, 30, 30, 12}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, DuplicatesHeader); err != nil {
		return err
	}
	if d.Dupes == nil {
		return w.flush(sw)
	}
	b := newRowBuilder(len(DuplicatesHeader), &w.st)
	var buf []byte
	link := func(id string) {
		if row, ok := w.shipmentRow(id); ok {
			buf = appendFormulaString(append(buf[:0], "HYPERLINK("...), "#Shipments!A"+strconv.Itoa(row))
			buf = appendFormulaString(append(buf, ','), id)
			b.cell(w.st.Link, string(append(buf, ')')), id)
			return
		}
		b.put(id)
	}
	date := func(dt reconcile.Date) {
		if dt.Precision == reconcile.PrecisionDay {
			b.cell(w.st.Date, "", dt.Time)
			return
		}
		b.put(dt.String())
	}
	for i, p := range d.Dupes.Pairs {
		A, B := &d.Merge.Shipments[p.A], &d.Merge.Shipments[p.B]
		b.reset()
		b.cell(w.st.Score, "", p.Score)
		link(A.ID)
		link(B.ID)
		date(A.Date)
		date(B.Date)
		if cons := w.entityName(A.Consignee); A.Consignee != B.Consignee {
			// Possible duplicates pairs consignees the name matcher
			// relates (one firm in two scripts): show both.
			b.str(cons + " / " + w.entityName(B.Consignee))
		} else {
			b.str(cons)
		}
		b.str(A.HSCode[:min(6, len(A.HSCode))])
		b.num(A.Tonnes, w.st.Tonnes)
		b.num(B.Tonnes, w.st.Tonnes)
		b.str(string(appendRowList(nil, d.Records, A.Rows, nil, nil)))
		b.str(string(appendRowList(nil, d.Records, B.Rows, nil, nil)))
		b.str(strings.Join(p.Agree, "; "))
		b.str(strings.Join(p.NotMerged, "; "))
		b.str(ProvText(d.Records[A.Rows[0]].Source))
		b.str(ProvText(d.Records[B.Rows[0]].Source))
		b.put(nil)
		if err := sw.SetRow("A"+strconv.Itoa(i+2), b.row()); err != nil {
			return err
		}
	}
	if n := d.Dupes.More + d.Dupes.KeptApart; n > 0 {
		note := ""
		if d.Dupes.More > 0 {
			note = strconv.Itoa(d.Dupes.More) + " more pair(s) not listed (the list keeps the best " + strconv.Itoa(merge.MaxDupPairs) + "). "
		}
		if d.Dupes.KeptApart > 0 {
			note += strconv.Itoa(d.Dupes.KeptApart) + " pair(s) kept apart by you are not listed (see the Method sheet's decision log)."
		}
		if err := sw.SetRow("A"+strconv.Itoa(len(d.Dupes.Pairs)+3), []any{excelize.Cell{StyleID: w.st.Muted, Value: strings.TrimSpace(note)}}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

// overlaps writes the overlap table from row r of the Sources sheet.
func (w *writer) overlaps(sw *excelize.StreamWriter, r int) error {
	if len(w.d.Overlaps) == 0 {
		return nil
	}
	if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: w.st.Title, Value: OverlapTitle}}); err != nil {
		return err
	}
	if err := w.header(sw, r+1, OverlapHeader); err != nil {
		return err
	}
	for k, o := range w.d.Overlaps {
		cells := []any{o.NameA, o.NameB, o.From.Format("2006-01-02"), o.To.Format("2006-01-02"), o.RowsA, o.RowsB,
			o.Merged, o.LookAlike, o.Dupes, o.Warning.Text}
		if err := sw.SetRow("A"+strconv.Itoa(r+2+k), cells); err != nil {
			return err
		}
	}
	return nil
}

// readDuplicates picks up the pairs the user marked "merge" or "apart"
// on the Possible duplicates sheet. A workbook written before the sheet
// existed has none.
func readDuplicates(f *book, ex *Exported) error {
	if idx, _ := f.GetSheetIndex(SheetDuplicates); idx < 0 {
		return nil
	}
	now := time.Now().UTC()
	return eachRow(f, SheetDuplicates, func(n int, get func(string) string, cells []string) error {
		op := ""
		switch strings.ToLower(get("Decision")) {
		case DecisionMerge, "merged", "same", "yes", "m":
			op = merge.OpMerge
		case DecisionApart, "keep apart", "not same", "different", "no", "a":
			op = merge.OpApart
		default:
			return nil
		}
		a, b := get("Row A"), get("Row B")
		if a == "" || b == "" {
			return &reconcile.Error{Sheet: SheetDuplicates, Row: n, Err: reconcile.ErrCorrupt, Hint: "Row A and Row B name the pair's source rows; export again rather than clearing them"}
		}
		ex.ShipmentEdits = append(ex.ShipmentEdits, merge.Decision{Op: op, Row: a, Other: b, Time: now, Reason: "decided in the Possible duplicates sheet"})
		return nil
	})
}

// shipmentCommand is a command typed in the Shipments sheet's Decision
// column, resolved once every shipment's rows are known.
type shipmentCommand struct {
	op, reason, other string // other: the Shipment ID of merge/apart
	rows              []string
	sheetRow          int
}

// parseShipmentCommand reads a Decision cell ("exclude: re-export",
// "merge S12", "keep apart from S12"); ok is false for empty cells and
// for text Tradecheck wrote ("… by you …").
func parseShipmentCommand(cell string) (op, arg string, ok bool) {
	c := strings.TrimSpace(cell)
	if c == "" || strings.Contains(strings.ToLower(c), "by you") {
		return "", "", false
	}
	word := c
	if i := strings.IndexAny(c, ": "); i >= 0 {
		word, arg = c[:i], strings.TrimSpace(c[i+1:])
	}
	last := ""
	if f := strings.Fields(arg); len(f) > 0 {
		last = f[len(f)-1]
	}
	switch strings.ToLower(word) {
	case "split":
		return merge.OpSplit, arg, true
	case "exclude", "excluded":
		return merge.OpExclude, arg, true
	case "include", "included":
		return merge.OpInclude, "", true
	case "merge", "merged":
		return merge.OpMerge, last, last != ""
	case "apart", "keep":
		return merge.OpApart, last, last != ""
	}
	return "", "", false
}

// shipmentDecisionColumn turns the commands typed in the Decision column
// into decisions on source rows. rowsOf gives each Shipment ID's source
// rows (the Sources cell, split).
func shipmentDecisionColumn(cmds []shipmentCommand, rowsOf map[string][]string) ([]merge.Decision, error) {
	now := time.Now().UTC()
	var out []merge.Decision
	for _, c := range cmds {
		note := "typed in the Shipments sheet"
		if c.reason != "" && c.op != merge.OpMerge && c.op != merge.OpApart {
			note = c.reason
		}
		switch c.op {
		case merge.OpSplit:
			for _, r := range c.rows[min(1, len(c.rows)):] {
				out = append(out, merge.Decision{Op: merge.OpSplit, Row: r, Time: now, Reason: note})
			}
		case merge.OpExclude, merge.OpInclude:
			out = append(out, merge.Decision{Op: c.op, Row: c.rows[0], Time: now, Reason: note})
		case merge.OpMerge, merge.OpApart:
			other := rowsOf[strings.ToUpper(strings.TrimSpace(c.other))]
			if len(other) == 0 {
				return nil, &reconcile.Error{Sheet: SheetShipments, Row: c.sheetRow, Err: reconcile.ErrCorrupt,
					Hint: "the Decision cell names shipment " + strconv.Quote(c.other) + ", which is not on the Shipments sheet; write " + DecisionCommands}
			}
			out = append(out, merge.Decision{Op: c.op, Row: c.rows[0], Other: other[0], Time: now, Reason: note})
		}
	}
	return out, nil
}
