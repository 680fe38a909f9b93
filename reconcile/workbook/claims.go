package workbook

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
)

// ClaimsHeader heads the Claims sheet, with or without claims. The
// columns after "Shipments" hold one more shipment link each.
var ClaimsHeader = []string{"Claim ID", "Claim", "Measure", "Comparator", "Figure", "Expected", "Filters", "Computed",
	"Lower bound", "Upper bound", "Verdict", "Reason", "Without measure", "Near boundary", "Notes", "Claim JSON", "Shipments"}

// ClaimsDetailHeader heads the list of shipments behind each claim, below
// the claims. Its columns line up with the claims' column widths: the
// wide Claim column holds the role ("in scope", or "near boundary —
// misses …").
var ClaimsDetailHeader = []string{"Claim ID", "Role", "Shipment ID", "Date", "Value", "Missing", "Sources"}

// ClaimsDetailTitle is the title row above the detail list.
const ClaimsDetailTitle = "Shipments behind each claim (in scope: counted in the figure; near boundary: passes every filter but one)"

// Roles in the Claims sheet's detail list.
const (
	RoleInScope = "in scope"
	RoleNear    = "near boundary"
)

// Caps keep the Claims sheet within Excel's limits on huge data. Every
// shipment in scope is listed (the formulas need them); links on the
// claim's row and near-boundary rows are capped, and the sheet says so.
const (
	MaxRowLinks   = 200
	MaxDetailNear = 500
)

// claimsWidths are the Claims sheet's column widths, one per header
// column; link columns past the header are narrow.
func claimsWidths(vs []claims.Verdict) []float64 {
	w := []float64{9, 50, 14, 12, 13, 24, 40, 14, 13, 13, 17, 80, 10, 50, 40, 12, 9}
	n := len(ClaimsHeader)
	for _, v := range vs {
		n = max(n, len(ClaimsHeader)-1+min(len(v.InScope), MaxRowLinks))
	}
	for len(w) < n {
		w = append(w, 9)
	}
	return w
}

func (w *writer) claims() error {
	vs := w.d.Claims
	sw, err := w.open(SheetClaims, claimsWidths(vs), 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ClaimsHeader); err != nil {
		return err
	}
	if len(vs) > 0 {
		c := &claimsSheet{sw: sw, next: 2, shipRow: w.shipmentRows(), lastShip: w.lastShip, st: w.st, maxRows: MaxSheetRows}
		if err := c.write(vs); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

// claimsSheet writes the Claims sheet's rows below its header.
type claimsSheet struct {
	sw       *excelize.StreamWriter
	next     int            // first free row
	shipRow  map[string]int // Shipments sheet row of a shipment ID
	lastShip int            // last row of Shipments
	st       styles
	maxRows  int // Excel's row limit; tests lower it
}

func (c *claimsSheet) setRow(cells []any, opts ...excelize.RowOpts) error {
	err := c.sw.SetRow("A"+strconv.Itoa(c.next), cells, opts...)
	c.next++
	return err
}

// write puts one row per claim whose Computed cell is a formula over the
// Shipments sheet (SUMIFS of the measure column over the shipment IDs
// listed below, or COUNTIFS for shipment counts) with the engine's figure
// as cached value; then the detail list of every shipment in scope and
// near the boundary, linked into Shipments.
func (c *claimsSheet) write(vs []claims.Verdict) error {
	detailStart := c.next + len(vs) + 1 // a blank row, then the title
	type span struct {
		from, to int
		listed   bool // false: too many rows left for Excel's sheet
	}
	spans := make([]span, len(vs))
	r := detailStart + 2 // title, header
	for i := range vs {
		v := &vs[i]
		n := len(v.InScope) + min(len(v.Near), MaxDetailNear)
		if r+n-1 > c.maxRows {
			continue
		}
		spans[i] = span{r, r + len(v.InScope) - 1, true}
		r += n
	}
	for i := range vs {
		v := &vs[i]
		cells := c.claimRow(v, spans[i].from, spans[i].to)
		if !spans[i].listed {
			// The figure stays the engine's, as a value: there is no
			// room left to list the shipments a formula would read.
			cells[7] = cells[8]
			cells[14] = strings.TrimSpace(fmt.Sprint(cells[14]) + " Too many shipments to list within Excel's row limit: Computed is the engine's figure, not a formula; the Shipments sheet holds every shipment.")
		}
		if err := c.setRow(cells, excelize.RowOpts{Height: claimRowHeight(v)}); err != nil {
			return err
		}
	}
	if len(vs) == 0 {
		return nil
	}
	c.next = detailStart
	if err := c.setRow([]any{excelize.Cell{StyleID: c.st.Title, Value: ClaimsDetailTitle}}); err != nil {
		return err
	}
	hdr := make([]any, len(ClaimsDetailHeader))
	for i, h := range ClaimsDetailHeader {
		hdr[i] = excelize.Cell{StyleID: c.st.Header, Value: h}
	}
	if err := c.setRow(hdr); err != nil {
		return err
	}
	for i := range vs {
		v := &vs[i]
		if !spans[i].listed {
			continue
		}
		for _, row := range v.InScope {
			if err := c.setRow(c.detailRow(v, row, RoleInScope)); err != nil {
				return err
			}
		}
		for k, n := range v.Near {
			if k == MaxDetailNear {
				break
			}
			if err := c.setRow(c.detailRow(v, n.Row, RoleNear+" — misses "+n.Filter+": "+n.Detail)); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *claimsSheet) claimRow(v *claims.Verdict, from, to int) []any {
	cl := &v.Claim
	js, _ := json.Marshal(cl)
	measure := string(cl.Measure)
	if cl.Measure == claims.Quantity {
		measure += " (" + cl.Unit + ")"
	}
	num := c.numberStyle(cl.Measure)
	var computed any
	// A COUNTIFS counts rows: where goods items of one declaration are
	// one shipment, the figure stands without it.
	if f := c.computedFormula(cl, from, to); f != "" && len(v.InScope) > 0 && v.Items == v.Consignments {
		computed = excelize.Cell{Formula: f, Value: c.st.stored(num, v.Lower), StyleID: num}
	} else {
		computed = excelize.Cell{Value: c.st.stored(num, v.Lower), StyleID: num}
	}
	var upper any = excelize.Cell{Value: c.st.stored(num, v.Upper), StyleID: num}
	if math.IsInf(v.Upper, 1) {
		upper = c.st.top("unbounded")
	}
	nearText := ""
	if v.NearTotal > 0 {
		nearText = "misses one filter: " + v.NearSummary() + ". " + v.NearList(10)
	}
	notes := strings.Join(v.Notes, " ")
	if len(v.Near) > MaxDetailNear {
		notes = strings.TrimSpace(notes + " Only the first " + strconv.Itoa(MaxDetailNear) + " near-boundary shipments are listed below.")
	}
	if len(v.InScope) > MaxRowLinks {
		notes = strings.TrimSpace(notes + fmt.Sprintf(" The first %d shipment links are on this row; all %d are listed below.", MaxRowLinks, len(v.InScope)))
	}
	top := c.st.top
	cells := []any{top(cl.ID), excelize.Cell{StyleID: c.st.Wrap, Value: cl.Text}, top(measure), top(string(cl.Comparator)),
		excelize.Cell{Value: cl.Figure, StyleID: num}, excelize.Cell{StyleID: c.st.WrapIndent, Value: cl.Expected()},
		excelize.Cell{StyleID: c.st.Wrap, Value: cl.Filters.String()}, computed, excelize.Cell{Value: c.st.stored(num, v.Lower), StyleID: num},
		upper, top(v.Kind.Label()), excelize.Cell{StyleID: c.st.Wrap, Value: v.Reason}, top(v.Missing), top(nearText), top(notes), top(string(js))}
	for k, row := range v.InScope {
		if k == MaxRowLinks {
			break
		}
		cells = append(cells, c.link(row.ID))
	}
	return cells
}

func (c *claimsSheet) detailRow(v *claims.Verdict, row claims.Row, role string) []any {
	var val any
	if row.Value.Valid {
		style := c.numberStyle(v.Claim.Measure)
		val = excelize.Cell{Value: c.st.stored(style, row.Value.Value), StyleID: style}
	}
	return []any{v.Claim.ID, role, c.link(row.ID), row.Date.String(), val, row.Missing, strings.Join(row.Sources, "; ")}
}

// link is a HYPERLINK formula into the Shipments sheet whose value is the
// shipment ID, so the cell also serves as a SUMIFS criterion.
func (c *claimsSheet) link(id string) any {
	row, ok := c.shipRow[id]
	if !ok {
		return id
	}
	f := fmt.Sprintf("HYPERLINK(\"#%s!A%d\",\"%s\")", SheetShipments, row, strings.ReplaceAll(id, `"`, `""`))
	return excelize.Cell{StyleID: c.st.Link, Formula: f, Value: id}
}

// computedFormula is the Computed cell's formula over Shipments for the
// IDs listed in column C of detail rows from..to, "" when there are none.
func (c *claimsSheet) computedFormula(cl *claims.Claim, from, to int) string {
	if to < from {
		return ""
	}
	column := func(h string) string {
		l := col(ShipmentsHeader, h)
		return fmt.Sprintf("%s!$%s$2:$%s$%d", SheetShipments, l, l, max(2, c.lastShip))
	}
	ids := column("Shipment ID")
	crit := fmt.Sprintf("$C$%d:$C$%d", from, to)
	sum := func(h string, extra string) string {
		return "SUMPRODUCT(SUMIFS(" + column(h) + "," + ids + "," + crit + extra + "))"
	}
	switch cl.Measure {
	case claims.Tonnes:
		return sum("Tonnes", "")
	case claims.ValueUSD:
		return sum("Value USD", "")
	case claims.Shipments:
		return "SUMPRODUCT(COUNTIFS(" + ids + "," + crit + "))"
	case claims.Quantity:
		return sum("Quantity", ","+column("Quantity unit")+",\""+strings.ReplaceAll(cl.Unit, `"`, `""`)+"\"")
	}
	return ""
}

func (c *claimsSheet) numberStyle(m claims.Measure) int {
	switch m {
	case claims.Tonnes:
		return c.st.Tonnes
	case claims.ValueUSD:
		return c.st.USD
	}
	return c.st.Top
}

// claimRowHeight fits the wrapped Claim, Filters and Reason cells: stream
// writing cannot autofit, and overlapping text is unreadable.
func claimRowHeight(v *claims.Verdict) float64 {
	widths := claimsWidths(nil)
	lines := 1
	for _, x := range []struct {
		text  string
		width float64
	}{{v.Claim.Text, widths[1]}, {v.Claim.Filters.String(), widths[6]}, {v.Reason, widths[11]}} {
		lines = max(lines, wrapLines(x.text, x.width))
	}
	return linesHeight(lines)
}

// ReadClaims reads the claims back from the Claims sheet of an audit
// workbook at path: each claim row carries the claim as JSON in its
// "Claim JSON" column. The claims table ends at the first row without a
// claim ID (the detail list below it is not read). A workbook without
// claims gives an error wrapping reconcile.ErrNoTable.
func ReadClaims(path, password string) ([]claims.Claim, []error) {
	f, err := excelize.OpenFile(path, excelize.Options{Password: password})
	if err != nil {
		return nil, []error{&reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}}
	}
	defer f.Close()
	rows, err := f.GetRows(SheetClaims)
	if err != nil || len(rows) == 0 {
		return nil, []error{&reconcile.Error{File: path, Sheet: SheetClaims, Err: fmt.Errorf("%w: this audit workbook has no claims", reconcile.ErrNoTable),
			Hint: "check the claims against the sources first; the audit workbook written then carries them", Fix: reconcile.FixCheckClaims}}
	}
	jcol := -1
	for i, h := range rows[0] {
		if h == "Claim JSON" {
			jcol = i
		}
	}
	if jcol < 0 {
		return nil, []error{&reconcile.Error{File: path, Sheet: SheetClaims, Row: 1, Err: fmt.Errorf("%w: no Claim JSON column", reconcile.ErrNoTable),
			Hint: "this Claims sheet was not written by this version of Tradecheck; give the claims file instead"}}
	}
	var out []claims.Claim
	var errs []error
	ids := map[string]bool{}
	for i, r := range rows[1:] {
		if len(r) == 0 || strings.TrimSpace(r[0]) == "" {
			break
		}
		row := i + 2
		var c claims.Claim
		if jcol >= len(r) || json.Unmarshal([]byte(r[jcol]), &c) != nil {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetClaims, Row: row, Column: jcol + 1,
				Err: fmt.Errorf("%w: the Claim JSON cell was changed", claims.ErrBadClaim), Hint: "restore it, or check the claims from the claims file"})
			continue
		}
		if err := c.Validate(); err != nil {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetClaims, Row: row, Column: jcol + 1, Err: fmt.Errorf("%w: %v", claims.ErrBadClaim, err), Hint: "restore the cell"})
			continue
		}
		if ids[c.ID] {
			errs = append(errs, &reconcile.Error{File: path, Sheet: SheetClaims, Row: row, Column: 1, Err: fmt.Errorf("%w: claim ID %q is used twice", claims.ErrBadClaim, c.ID), Hint: "give every claim its own ID"})
			continue
		}
		ids[c.ID] = true
		out = append(out, c)
	}
	return out, errs
}
