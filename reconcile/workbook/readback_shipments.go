package workbook

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/merge"
)

// The Shipments sheet read back: exclusions typed into Status and the
// commands typed into Decision.

// readShipmentStatus picks up shipments the user excluded by writing
// "excluded: reason" into Status, and the commands typed in the Decision
// column (DecisionCommands). The rows are named by the Sources cell,
// which stays stable across runs. A workbook saved by a program that
// keeps formulas but not their values (openpyxl, pandas) has an empty
// Sources value: the rows are then read from the cell's HYPERLINK
// formula, and a decision whose rows still cannot be told is listed in
// ex.Unapplied, never dropped without a word.
func readShipmentStatus(f *book, ex *Exported) error {
	now := time.Now().UTC()
	rowsOf := map[string][]string{}
	noValue := map[string]int{} // Shipment ID → sheet row, for rows whose Sources has no value
	var cmds []shipmentCommand
	type pending struct {
		n                int
		id, decision, st string
	}
	var wait []pending
	err := eachRow(f, SheetShipments, func(n int, get func(string) string, cells []string) error {
		rows := strings.Split(get("Sources"), "; ")
		id := strings.ToUpper(get("Shipment ID"))
		if rows[0] == "" {
			if id != "" {
				noValue[id] = n
			}
			if get("Decision") != "" || strings.HasPrefix(strings.ToLower(get("Status")), "excluded") {
				wait = append(wait, pending{n, id, get("Decision"), get("Status")})
			}
			return nil
		}
		rowsOf[id] = rows
		cmds = ex.shipmentRow(cmds, n, rows, get("Decision"), get("Status"), now)
		return nil
	})
	if err != nil {
		return err
	}
	// The shipments whose rows must come from the formula: those with a
	// decision, and those a merge or apart command names.
	need := map[string]bool{}
	for _, w := range wait {
		need[w.id] = true
		if op, arg, ok := parseShipmentCommand(w.decision); ok && (op == merge.OpMerge || op == merge.OpApart) {
			need[strings.ToUpper(arg)] = true
		}
	}
	for _, c := range cmds {
		if c.other != "" {
			need[strings.ToUpper(c.other)] = true
		}
	}
	col := 0
	for id := range need {
		n, ok := noValue[id]
		if !ok {
			continue
		}
		if col == 0 {
			if col = columnOf(f, SheetShipments, "Sources"); col == 0 {
				break
			}
		}
		cell, _ := excelize.CoordinatesToCellName(col, n)
		formula, _ := f.GetCellFormula(SheetShipments, cell)
		if text := linkText(formula); text != "" {
			rowsOf[id] = strings.Split(text, "; ")
		}
	}
	for _, w := range wait {
		rows := rowsOf[w.id]
		if w.id == "" || rows == nil {
			what := strings.TrimSpace(w.decision)
			if what == "" {
				what = w.st
			}
			ex.Unapplied = append(ex.Unapplied, fmt.Sprintf("%s row %d: %q not applied: the row's Sources cell is empty (no value, no link formula), so its source rows cannot be told — type the decision in a workbook Tradecheck or Excel saved, or in the Possible duplicates sheet", SheetShipments, w.n, what))
			continue
		}
		cmds = ex.shipmentRow(cmds, w.n, rows, w.decision, w.st, now)
	}
	kept := cmds[:0]
	for _, c := range cmds {
		id := strings.ToUpper(strings.TrimSpace(c.other))
		if _, blank := noValue[id]; blank && rowsOf[id] == nil {
			ex.Unapplied = append(ex.Unapplied, fmt.Sprintf("%s row %d: %q not applied: shipment %s's Sources cell is empty (no value, no link formula), so its source rows cannot be told", SheetShipments, c.sheetRow, c.op+" "+c.other, c.other))
			continue
		}
		kept = append(kept, c)
	}
	cmds = kept
	ds, err := shipmentDecisionColumn(cmds, rowsOf)
	ex.ShipmentEdits = append(ex.ShipmentEdits, ds...)
	return err
}

// shipmentRow reads one Shipments row's Decision and Status cells, the
// row's source rows known: a command joins cmds, an "excluded" Status
// joins ex.Exclusions, other text in Decision is listed as not applied.
func (ex *Exported) shipmentRow(cmds []shipmentCommand, n int, rows []string, decision, st string, now time.Time) []shipmentCommand {
	if op, arg, ok := parseShipmentCommand(decision); ok {
		c := shipmentCommand{op: op, rows: rows, sheetRow: n}
		if op == merge.OpMerge || op == merge.OpApart {
			c.other = arg
		} else {
			c.reason = arg
		}
		cmds = append(cmds, c)
	} else if d := strings.TrimSpace(decision); d != "" && !strings.Contains(strings.ToLower(d), "by you") {
		ex.Unapplied = append(ex.Unapplied, fmt.Sprintf("%s row %d: %q not applied: not one of the commands (%s)", SheetShipments, n, d, DecisionCommands))
	}
	if strings.HasPrefix(strings.ToLower(st), "excluded") {
		reason := strings.TrimSpace(strings.TrimPrefix(st[len("excluded"):], ":"))
		ex.Exclusions = append(ex.Exclusions, merge.Decision{Op: merge.OpExclude, Row: rows[0], Reason: reason, Time: now})
	}
	return cmds
}

// columnOf is the 1-based column of header h in sheet's first row, 0
// when there is none.
func columnOf(f *book, sheet, h string) int {
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0
	}
	defer rows.Close()
	if !rows.Next() {
		return 0
	}
	cells, _ := rows.Columns()
	for i, c := range cells {
		if strings.TrimSpace(c) == h {
			return i + 1
		}
	}
	return 0
}

// linkText is the text a HYPERLINK formula shows: its string literals
// after the first (the link target), joined, since a long text is
// written as literals of 250 characters joined with &:
// `HYPERLINK("#'a.xlsx'!A4","a.xlsx!S:4; b.csv:7")` → "a.xlsx!S:4;
// b.csv:7". "" for any other formula.
func linkText(formula string) string {
	f := strings.TrimPrefix(strings.TrimSpace(formula), "=")
	if !strings.HasPrefix(strings.ToUpper(f), "HYPERLINK(") {
		return ""
	}
	var lits []string
	for i := 0; i < len(f); i++ {
		if f[i] != '"' {
			continue
		}
		var b strings.Builder
		for i++; i < len(f); i++ {
			if f[i] == '"' {
				if i+1 < len(f) && f[i+1] == '"' {
					b.WriteByte('"')
					i++
					continue
				}
				break
			}
			b.WriteByte(f[i])
		}
		lits = append(lits, b.String())
	}
	if len(lits) < 2 {
		return ""
	}
	return strings.TrimSpace(strings.Join(lits[1:], ""))
}
