package claims

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// ErrBadClaim is wrapped by the positioned errors of claim rows that
// cannot be read.
var ErrBadClaim = errors.New("claim cannot be read")

// Column names of a claims table, as samples/claims.csv writes them. The
// readers also accept the aliases in columnAliases.
const (
	ColID          = "id"
	ColClaim       = "claim"
	ColMeasure     = "measure"
	ColUnit        = "unit"
	ColComparator  = "comparator"
	ColFigure      = "figure"
	ColTolerance   = "tolerance_pct"
	ColConsignee   = "consignee"
	ColShipper     = "shipper"
	ColOrigin      = "origin"
	ColDispatch    = "dispatch"
	ColDestination = "destination"
	ColHS          = "hs_prefixes"
	ColDescription = "description_contains"
	ColFrom        = "date_from"
	ColTo          = "date_to"
	ColPeriod      = "period"
	ColNote        = "note"
	ColPartyListed = "party_listed"
	ColGoodsList   = "goods_list"
)

// Columns lists the claims table's columns in the order the readme
// documents and WriteCSV writes them.
var Columns = []string{ColClaim, ColMeasure, ColUnit, ColComparator, ColFigure, ColTolerance, ColConsignee,
	ColShipper, ColOrigin, ColDispatch, ColDestination, ColHS, ColDescription, ColFrom, ColTo, ColPartyListed, ColGoodsList}

// columnAliases maps folded header texts (see key) to columns.
var columnAliases = map[string]string{
	"id": ColID, "claim id": ColID, "#": ColID, "no": ColID, "nr": ColID,
	"claim": ColClaim, "text": ColClaim, "claim text": ColClaim, "statement": ColClaim, "sentence": ColClaim,
	"measure": ColMeasure, "metric": ColMeasure,
	"unit": ColUnit, "quantity unit": ColUnit,
	"comparator": ColComparator, "comparison": ColComparator, "operator": ColComparator,
	"figure": ColFigure, "number": ColFigure, "claimed figure": ColFigure, "expected": ColFigure, "expected figure": ColFigure,
	"tolerance pct": ColTolerance, "tolerance": ColTolerance, "tolerance %": ColTolerance, "tolerance (%)": ColTolerance,
	"consignee": ColConsignee, "importer": ColConsignee, "buyer": ColConsignee,
	"shipper": ColShipper, "exporter": ColShipper, "supplier": ColShipper, "seller": ColShipper,
	"origin": ColOrigin, "country of origin": ColOrigin, "origin country": ColOrigin,
	"dispatch": ColDispatch, "country of dispatch": ColDispatch, "dispatch country": ColDispatch, "via": ColDispatch,
	"destination": ColDestination, "country of destination": ColDestination, "destination country": ColDestination,
	"hs prefixes": ColHS, "hs": ColHS, "hs prefix": ColHS, "hs code": ColHS, "hs codes": ColHS,
	"description contains": ColDescription, "description": ColDescription, "keywords": ColDescription, "goods": ColDescription,
	"date from": ColFrom, "from": ColFrom, "start": ColFrom, "start date": ColFrom,
	"date to": ColTo, "to": ColTo, "end": ColTo, "end date": ColTo,
	"period": ColPeriod, "date range": ColPeriod, "dates": ColPeriod,
	"note": ColNote, "notes": ColNote, "comment": ColNote, "source": ColNote, "link": ColNote,
	"party listed": ColPartyListed, "listed party": ColPartyListed, "listed": ColPartyListed, "sanctioned": ColPartyListed,
	"goods list": ColGoodsList, "goods lists": ColGoodsList, "chpl": ColGoodsList,
}

// ColumnsHint is the hint for tables whose header is not recognised.
const ColumnsHint = "the first row must name the columns: claim, measure, unit, comparator, figure, tolerance_pct, consignee, shipper, origin, dispatch, destination, hs_prefixes, description_contains, date_from, date_to, and optionally party_listed, goods_list (see the README)"

// Table turns the rows of one claims table into claims, whatever the file
// they come from: give it every row with Row, then take the claims and
// the positioned errors from Done. Rows above the header (a banner) are
// ignored; blank rows are skipped.
type Table struct {
	file, sheet string
	cols        []string // per cell index: column name, "" unknown
	colOf       map[string]int
	header      bool
	n           int // data rows seen, for default IDs
	ids         map[string]int
	claims      []Claim
	errs        []error
}

// NewTable starts a claims table read from file (and sheet, "" for a
// CSV); errors name both.
func NewTable(file, sheet string) *Table {
	return &Table{file: file, sheet: sheet, ids: map[string]int{}}
}

func (t *Table) fail(row, col int, err error, hint string) {
	t.errs = append(t.errs, &reconcile.Error{File: t.file, Sheet: t.sheet, Row: row, Column: col, Err: fmt.Errorf("%w: %v", ErrBadClaim, err), Hint: hint})
}

// headerColumns maps a row's cells to columns; ok when it names at least
// three, including measure and figure, so a banner line is never taken
// for the header.
func headerColumns(cells []string) (cols []string, ok bool) {
	cols = make([]string, len(cells))
	known := 0
	for i, c := range cells {
		if col, found := columnAliases[key(strings.TrimPrefix(c, "\ufeff"))]; found {
			cols[i] = col
			known++
		}
	}
	has := func(name string) bool {
		for _, c := range cols {
			if c == name {
				return true
			}
		}
		return false
	}
	return cols, known >= 3 && has(ColMeasure) && has(ColFigure)
}

// Row reads row num of the table (1-based, as the file numbers it).
func (t *Table) Row(num int, cells []string) {
	blank := true
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	if !t.header {
		cols, ok := headerColumns(cells)
		if !ok {
			return // a banner or title above the header
		}
		t.header, t.cols, t.colOf = true, cols, map[string]int{}
		for i, c := range cols {
			if c == "" {
				if h := strings.TrimSpace(cells[i]); h != "" {
					t.fail(num, i+1, fmt.Errorf("unknown column %q", h), "it is ignored; "+ColumnsHint)
				}
				continue
			}
			if j, dup := t.colOf[c]; dup {
				t.fail(num, i+1, fmt.Errorf("column %q given twice (also column %s)", c, reconcile.ColumnName(j+1)), "keep one of them")
				continue
			}
			t.colOf[c] = i
		}
		if _, ok := t.colOf[ColComparator]; !ok {
			t.fail(num, 0, fmt.Errorf("no comparator column"), ColumnsHint)
		}
		return
	}
	t.n++
	get := func(col string) (string, int) {
		i, ok := t.colOf[col]
		if !ok {
			return "", 0
		}
		if i >= len(cells) {
			return "", i + 1
		}
		return strings.TrimSpace(cells[i]), i + 1
	}
	before := len(t.errs)
	c := Claim{ID: "C" + strconv.Itoa(t.n)}
	if t.sheet == "" {
		c.Origin = fileBase(t.file) + ":" + strconv.Itoa(num)
	} else {
		c.Origin = fileBase(t.file) + "!" + t.sheet + ":" + strconv.Itoa(num)
	}
	if s, col := get(ColID); s != "" {
		c.ID = s
		if strings.ContainsAny(s, "*?<>=~\"") {
			t.fail(num, col, fmt.Errorf("claim ID %q holds a character Excel criteria treat as an operator", s), "use letters, digits and dashes")
		}
	}
	c.Text, _ = get(ColClaim)
	c.Note, _ = get(ColNote)

	s, col := get(ColMeasure)
	m, unit, err := ParseMeasure(s)
	if err != nil {
		t.fail(num, col, err, measureHint)
	}
	c.Measure = m
	if s, col := get(ColUnit); s != "" {
		u, err := ParseUnit(s)
		switch {
		case err != nil:
			t.fail(num, col, err, "write pcs, kg, m2, l, pairs or sets")
		case unit != "" && u != unit:
			t.fail(num, col, fmt.Errorf("unit %q disagrees with measure %q", s, unit), "give the unit in one column")
		default:
			unit = u
		}
	}
	if m == Quantity && unit == "" && err == nil {
		t.fail(num, col, fmt.Errorf("a quantity claim needs a unit"), "fill the unit column: pcs, kg, m2, …")
	}
	if m != Quantity && unit != "" && err == nil {
		t.fail(num, col, fmt.Errorf("a unit (%s) is only meaningful for measure quantity, not %s", unit, m), "clear the unit or set measure to quantity")
	}
	c.Unit = unit

	s, col = get(ColComparator)
	if s == "" {
		t.fail(num, col, fmt.Errorf("the comparator is empty"), comparatorHint)
	} else if c.Comparator, err = ParseComparator(s); err != nil {
		t.fail(num, col, err, comparatorHint)
	}
	s, col = get(ColFigure)
	if c.Figure, err = ParseFigure(s); err != nil {
		t.fail(num, col, err, "write the claimed number in plain digits, e.g. 12 or 10000000")
	}
	s, col = get(ColTolerance)
	if c.TolerancePct, err = ParseTolerance(s); err != nil {
		t.fail(num, col, err, "write a percentage such as 10, or leave it empty for the default of 10")
	}

	f := &c.Filters
	s, _ = get(ColConsignee)
	f.Consignee = ParseNames(s)
	s, _ = get(ColShipper)
	f.Shipper = ParseNames(s)
	for _, x := range []struct {
		col string
		dst *[]string
	}{{ColOrigin, &f.Origin}, {ColDispatch, &f.Dispatch}, {ColDestination, &f.Destination}} {
		s, col := get(x.col)
		if *x.dst, err = ParseCountries(s); err != nil {
			t.fail(num, col, err, "write ISO codes such as RU, CN, TR or country names, separated by ;")
		}
	}
	s, col = get(ColHS)
	if f.HSPrefixes, err = ParseHSPrefixes(s); err != nil {
		t.fail(num, col, err, "write HS prefixes as digits separated by spaces, e.g. 8806 8807")
	}
	s, _ = get(ColDescription)
	f.Description = ParseDescription(s)
	s, col = get(ColPartyListed)
	if f.PartyListed, err = ParsePartyListed(s); err != nil {
		t.fail(num, col, err, "write consignee, shipper or either, or leave it empty")
	}
	s, col = get(ColGoodsList)
	if f.GoodsList, err = ParseGoodsList(s); err != nil {
		t.fail(num, col, err, "write chpl, a tier such as chpl:1 or chpl:3.A, or the short name of a goods list you loaded")
	}
	s, col = get(ColPeriod)
	if f.From, f.To, err = ParsePeriod(s); err != nil {
		t.fail(num, col, err, "write a year (2022), a month (2022-06) or two ISO dates joined by .. (2022-06-01..2022-12-31)")
	}
	for _, x := range []struct {
		col string
		end bool
		dst *string
	}{{ColFrom, false, &f.From}, {ColTo, true, &f.To}} {
		s, col := get(x.col)
		if s == "" {
			continue
		}
		if _, inPeriod := t.colOf[ColPeriod]; inPeriod && *x.dst != "" {
			t.fail(num, col, fmt.Errorf("both %s and period are filled", x.col), "fill one of them")
			continue
		}
		if *x.dst, err = ParseDate(s, x.end); err != nil {
			t.fail(num, col, err, "write an ISO date such as 2022-06-01")
		}
	}
	if len(t.errs) > before {
		return
	}
	if c.Text == "" {
		c.Text = c.Expected() + " (" + c.Filters.String() + ")"
	}
	if err := c.Validate(); err != nil {
		t.fail(num, 0, err, "correct the row")
		return
	}
	if prev, dup := t.ids[strings.ToLower(c.ID)]; dup {
		_, col := get(ColID)
		t.fail(num, col, fmt.Errorf("claim ID %q is already used on row %d", c.ID, prev), "give every claim its own ID")
		return
	}
	t.ids[strings.ToLower(c.ID)] = num
	t.claims = append(t.claims, c)
}

// ReadError records an error that stopped reading the table's file.
func (t *Table) ReadError(err error) { t.errs = append(t.errs, err) }

// Done ends the table: the claims read, in row order, and an error for
// every row left out (a table without header is an error wrapping
// reconcile.ErrNoTable).
func (t *Table) Done() ([]Claim, []error) {
	if !t.header {
		t.errs = append(t.errs, &reconcile.Error{File: t.file, Sheet: t.sheet, Err: fmt.Errorf("%w: no claims table found", reconcile.ErrNoTable), Hint: ColumnsHint})
	}
	return t.claims, t.errs
}

func fileBase(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
