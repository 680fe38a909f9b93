package claims

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile/workbook"
)

// SheetHeader is the header of the audit workbook's Claims sheet. The
// columns after "Shipments" hold one more shipment link each.
var SheetHeader = []string{"Claim ID", "Claim", "Measure", "Comparator", "Figure", "Expected", "Filters", "Computed",
	"Lower bound", "Upper bound", "Verdict", "Reason", "Without measure", "Near boundary", "Notes", "Claim JSON", "Shipments"}

// DetailHeader heads the list of shipments behind each claim, below the
// claims. Its columns line up with the claims' column widths: the wide
// Claim column holds the role ("in scope", or "near boundary — misses …").
var DetailHeader = []string{"Claim ID", "Role", "Shipment ID", "Date", "Value", "Missing", "Sources"}

// sheetWidths are the Claims sheet's column widths; link columns past the
// header are narrow.
var sheetWidths = []float64{9, 50, 14, 12, 13, 24, 40, 14, 13, 13, 17, 80, 10, 50, 40, 12, 9}

// Widths implements workbook.ClaimsWidths.
func (s *Sheet) Widths() []float64 {
	n := len(SheetHeader)
	for _, v := range s.Verdicts {
		n = max(n, len(SheetHeader)-1+min(len(v.InScope), MaxRowLinks))
	}
	w := append([]float64(nil), sheetWidths...)
	for len(w) < n {
		w = append(w, 9)
	}
	return w
}

// DetailTitle is the title row above the detail list.
const DetailTitle = "Shipments behind each claim (in scope: counted in the figure; near boundary: passes every filter but one)"

// Caps keep the sheet within Excel's limits on huge data. Every shipment
// in scope is listed (the formulas need them); links on the claim's row
// and near-boundary rows are capped, and the sheet says so.
const (
	MaxRowLinks   = 200
	MaxDetailNear = 500
	MaxSheetRows  = 1_048_576 // Excel's limit
)

// maxSheetRows is MaxSheetRows; tests lower it.
var maxSheetRows = MaxSheetRows

// Sheet fills the audit workbook's Claims sheet (workbook.ClaimsHook).
type Sheet struct {
	Verdicts []Verdict
}

// Header implements workbook.ClaimsHook.
func (s *Sheet) Header() []string { return SheetHeader }

// Write implements workbook.ClaimsHook: one row per claim whose Computed
// cell is a formula over the Shipments sheet (SUMIFS of the measure
// column over the shipment IDs listed below, or COUNTIFS for shipment
// counts) with the engine's figure as cached value; then the detail list
// of every shipment in scope and near the boundary, linked into
// Shipments.
func (s *Sheet) Write(c *workbook.ClaimsSheet) error {
	first := c.NextRow
	detailStart := first + len(s.Verdicts) + 1 // a blank row, then the title
	type span struct {
		from, to int
		listed   bool // false: too many rows left for Excel's sheet
	}
	spans := make([]span, len(s.Verdicts))
	r := detailStart + 2 // title, header
	for i := range s.Verdicts {
		v := &s.Verdicts[i]
		n := len(v.InScope) + min(len(v.Near), MaxDetailNear)
		if r+n-1 > maxSheetRows {
			continue
		}
		spans[i] = span{r, r + len(v.InScope) - 1, true}
		r += n
	}
	for i := range s.Verdicts {
		v := &s.Verdicts[i]
		cells := s.claimRow(c, v, spans[i].from, spans[i].to)
		if !spans[i].listed {
			// The figure stays the engine's, as a value: there is no
			// room left to list the shipments a formula would read.
			cells[7] = cells[8]
			cells[14] = strings.TrimSpace(fmt.Sprint(cells[14]) + " Too many shipments to list within Excel's row limit: Computed is the engine's figure, not a formula; the Shipments sheet holds every shipment.")
		}
		if err := c.SW.SetRow("A"+strconv.Itoa(c.NextRow), cells, excelize.RowOpts{Height: rowHeight(v)}); err != nil {
			return err
		}
		c.NextRow++
	}
	if len(s.Verdicts) == 0 {
		return nil
	}
	c.NextRow = detailStart
	if err := c.SW.SetRow("A"+strconv.Itoa(c.NextRow), []any{excelize.Cell{StyleID: c.Styles.Title, Value: DetailTitle}}); err != nil {
		return err
	}
	c.NextRow++
	hdr := make([]any, len(DetailHeader))
	for i, h := range DetailHeader {
		hdr[i] = excelize.Cell{StyleID: c.Styles.Header, Value: h}
	}
	if err := c.SW.SetRow("A"+strconv.Itoa(c.NextRow), hdr); err != nil {
		return err
	}
	c.NextRow++
	for i := range s.Verdicts {
		v := &s.Verdicts[i]
		if !spans[i].listed {
			continue
		}
		for _, row := range v.InScope {
			if err := c.SW.SetRow("A"+strconv.Itoa(c.NextRow), detailRow(c, v, row, RoleInScope)); err != nil {
				return err
			}
			c.NextRow++
		}
		for k, n := range v.Near {
			if k == MaxDetailNear {
				break
			}
			if err := c.SW.SetRow("A"+strconv.Itoa(c.NextRow), detailRow(c, v, n.Row, RoleNear+" — misses "+n.Filter+": "+n.Detail)); err != nil {
				return err
			}
			c.NextRow++
		}
	}
	return nil
}

func (s *Sheet) claimRow(c *workbook.ClaimsSheet, v *Verdict, from, to int) []any {
	cl := &v.Claim
	js, _ := json.Marshal(cl)
	measure := string(cl.Measure)
	if cl.Measure == Quantity {
		measure += " (" + cl.Unit + ")"
	}
	fig := excelize.Cell{Value: cl.Figure}
	var computed any
	if f := computedFormula(c, cl, from, to); f != "" && len(v.InScope) > 0 {
		computed = excelize.Cell{Formula: f, Value: v.Lower, StyleID: numberStyle(c, cl.Measure)}
	} else {
		computed = excelize.Cell{Value: v.Lower, StyleID: numberStyle(c, cl.Measure)}
	}
	fig.StyleID = numberStyle(c, cl.Measure)
	var upper any = excelize.Cell{Value: v.Upper, StyleID: numberStyle(c, cl.Measure)}
	if math.IsInf(v.Upper, 1) {
		upper = "unbounded"
	}
	nearText := ""
	if v.NearTotal > 0 {
		nearText = "misses one filter: " + v.NearSummary() + ". " + nearList(v.Near, v.NearTotal, 10)
	}
	notes := strings.Join(v.Notes, " ")
	if len(v.Near) > MaxDetailNear {
		notes = strings.TrimSpace(notes + " Only the first " + strconv.Itoa(MaxDetailNear) + " near-boundary shipments are listed below.")
	}
	if len(v.InScope) > MaxRowLinks {
		notes = strings.TrimSpace(notes + fmt.Sprintf(" The first %d shipment links are on this row; all %d are listed below.", MaxRowLinks, len(v.InScope)))
	}
	cells := []any{cl.ID, excelize.Cell{StyleID: c.Styles.Wrap, Value: cl.Text}, measure, string(cl.Comparator), fig, cl.Expected(),
		excelize.Cell{StyleID: c.Styles.Wrap, Value: cl.Filters.String()}, computed, excelize.Cell{Value: v.Lower, StyleID: numberStyle(c, cl.Measure)},
		upper, v.Kind.Label(), excelize.Cell{StyleID: c.Styles.Wrap, Value: v.Reason}, v.Missing, nearText, notes, string(js)}
	for k, row := range v.InScope {
		if k == MaxRowLinks {
			break
		}
		cells = append(cells, link(c, row.ID))
	}
	return cells
}

// Roles in the detail list.
const (
	RoleInScope = "in scope"
	RoleNear    = "near boundary"
)

func detailRow(c *workbook.ClaimsSheet, v *Verdict, row Row, role string) []any {
	var val any
	if row.Value.Valid {
		val = excelize.Cell{Value: row.Value.Value, StyleID: numberStyle(c, v.Claim.Measure)}
	}
	return []any{v.Claim.ID, role, link(c, row.ID), row.Date.String(), val, row.Missing, strings.Join(row.Sources, "; ")}
}

// link is a HYPERLINK formula into the Shipments sheet whose value is the
// shipment ID, so the cell also serves as a SUMIFS criterion.
func link(c *workbook.ClaimsSheet, id string) any {
	row, ok := c.ShipmentRow[id]
	if !ok {
		return id
	}
	f := fmt.Sprintf("HYPERLINK(\"#%s!A%d\",\"%s\")", workbook.SheetShipments, row, strings.ReplaceAll(id, `"`, `""`))
	return excelize.Cell{StyleID: c.Styles.Link, Formula: f, Value: id}
}

// computedFormula is the Computed cell's formula over Shipments for the
// IDs listed in column C of detail rows from..to, "" when the Shipments
// sheet lacks a column it needs.
func computedFormula(c *workbook.ClaimsSheet, cl *Claim, from, to int) string {
	if to < from {
		return ""
	}
	col := func(h string) string {
		l := c.Column[h]
		if l == "" {
			return ""
		}
		return fmt.Sprintf("%s!$%s$2:$%s$%d", workbook.SheetShipments, l, l, max(2, c.LastRow))
	}
	ids := col("Shipment ID")
	crit := fmt.Sprintf("$C$%d:$C$%d", from, to)
	if ids == "" {
		return ""
	}
	sum := func(h string, extra string) string {
		m := col(h)
		if m == "" {
			return ""
		}
		return "SUMPRODUCT(SUMIFS(" + m + "," + ids + "," + crit + extra + "))"
	}
	switch cl.Measure {
	case Tonnes:
		return sum("Tonnes", "")
	case ValueUSD:
		return sum("Value USD", "")
	case Shipments:
		return "SUMPRODUCT(COUNTIFS(" + ids + "," + crit + "))"
	case Quantity:
		u := col("Quantity unit")
		if u == "" {
			return ""
		}
		return sum("Quantity", ","+u+",\""+strings.ReplaceAll(cl.Unit, `"`, `""`)+"\"")
	}
	return ""
}

func numberStyle(c *workbook.ClaimsSheet, m Measure) int {
	switch m {
	case Tonnes:
		return c.Styles.Tonnes
	case ValueUSD:
		return c.Styles.USD
	}
	return 0
}

// rowHeight fits the wrapped Claim, Filters and Reason cells: stream
// writing cannot autofit, and overlapping text is unreadable.
func rowHeight(v *Verdict) float64 {
	lines := 1
	for _, x := range []struct {
		text  string
		width float64
	}{{v.Claim.Text, sheetWidths[1]}, {v.Claim.Filters.String(), sheetWidths[6]}, {v.Reason, sheetWidths[11]}} {
		n := int(float64(len([]rune(x.text)))/(x.width*0.95)) + 1
		lines = max(lines, n)
	}
	return min(409, 15*float64(lines))
}
