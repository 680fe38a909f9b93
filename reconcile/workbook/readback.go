package workbook

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/totals"
)

// Exported is what an audit workbook records, read back.
type Exported struct {
	Version           string
	Params            map[string]string // Method sheet: parameter name → value
	Sources           []ExportedSource
	Rates             []totals.Rate
	Decisions         []match.Decision // the decision log
	ShipmentDecisions []merge.Decision
	// Edits are decisions derived from the user's edits to the Entities
	// and Review sheets (changed Entity ID, Decision column), in row order.
	Edits []match.Decision
	// Exclusions are shipment decisions derived from a Status cell the
	// user set to "excluded: reason" on the Shipments sheet.
	Exclusions []merge.Decision
	// ShipmentEdits are shipment decisions typed in the Decision columns
	// of the Shipments and Possible duplicates sheets, in row order.
	ShipmentEdits []merge.Decision
	// ScreenDecisions come from the Decision column of the Screening
	// sheet.
	ScreenDecisions []screen.Decision
	// Unapplied lists decisions typed in the workbook that cannot be
	// applied, each with its sheet, row and why: a Decision cell that is
	// not a command, a row whose source rows cannot be told.
	Unapplied []string
}

// ExportedSource is one row of the Sources sheet.
type ExportedSource struct {
	File, Sheet, Path, SHA256 string
	Vendor, Retrieved, Note   string
	Granularity, Error        string
	HeaderRow                 int
	Mapping                   []MappedColumn
	UserMapping               string // JSON as the pipeline wrote it
	UserFlow                  string // "export:TR" as the pipeline wrote it
}

// MappedColumn is one line of a Sources Mapping cell.
type MappedColumn struct {
	Column int // 0-based
	Header string
	Field  reconcile.Field // "" when the column was not mapped
}

// ErrNotExported is returned by Read for a workbook without the marker.
var ErrNotExported = errors.New("not a Tradecheck audit workbook")

// book is an open workbook being read back, with what eachRow needs to
// stop on cancel and report progress.
type book struct {
	*excelize.File
	ctx      context.Context
	progress func(done, total int)
	rows     int // rows read so far, every sheet
}

// progressEvery is how many rows Read reads between progress reports
// and looks at its context.
const progressEvery = 1024

// Read reads an exported workbook back. It streams every sheet it reads,
// so a large workbook does not load whole. progress (may be nil) gets the
// rows read so far with total 0 (unknown). When ctx is cancelled Read
// stops within about a thousand rows and returns ctx's error.
func Read(ctx context.Context, path string, progress func(done, total int)) (*Exported, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	xf, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrCorrupt, Hint: "cannot open the workbook (" + err.Error() + ")"}
	}
	defer xf.Close()
	f := &book{File: xf, ctx: ctx, progress: progress}
	props, err := f.GetDocProps()
	if err != nil || props.Category != Marker {
		return nil, &reconcile.Error{File: path, Err: ErrNotExported, Hint: "give a workbook that Tradecheck exported (its Method sheet starts with the marker)"}
	}
	ex := &Exported{Params: map[string]string{}}
	if err := readMethod(f, ex); err != nil {
		return nil, wrapRead(path, SheetMethod, err)
	}
	if err := readSources(f, ex); err != nil {
		return nil, wrapRead(path, SheetSources, err)
	}
	if err := readRates(f, ex); err != nil {
		return nil, wrapRead(path, SheetRates, err)
	}
	if err := readEntities(f, ex); err != nil {
		return nil, wrapRead(path, SheetEntities, err)
	}
	if err := readReview(f, ex); err != nil {
		return nil, wrapRead(path, SheetReview, err)
	}
	if err := readShipmentStatus(f, ex); err != nil {
		return nil, wrapRead(path, SheetShipments, err)
	}
	if err := readDuplicates(f, ex); err != nil {
		return nil, wrapRead(path, SheetDuplicates, err)
	}
	if err := readScreening(f, ex); err != nil {
		return nil, wrapRead(path, SheetScreening, err)
	}
	if progress != nil {
		progress(f.rows, 0)
	}
	return ex, nil
}

func wrapRead(path, sheet string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var re *reconcile.Error
	if errors.As(err, &re) {
		if re.File == "" {
			re.File = path
		}
		if re.Sheet == "" {
			re.Sheet = sheet
		}
		return re
	}
	return &reconcile.Error{File: path, Sheet: sheet, Err: err, Hint: "the sheet was changed in a way Tradecheck cannot read back; export again"}
}

// eachRow streams a sheet's rows with a header index.
func eachRow(f *book, sheet string, fn func(row int, get func(h string) string, cells []string) error) error {
	if err := f.ctx.Err(); err != nil {
		return err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return &reconcile.Error{Sheet: sheet, Err: reconcile.ErrNoTable, Hint: "the sheet is missing; export again"}
	}
	defer rows.Close()
	var hdr map[string]int
	n := 0
	for rows.Next() {
		n++
		if f.rows++; f.rows%progressEvery == 0 {
			if err := f.ctx.Err(); err != nil {
				return err
			}
			if f.progress != nil {
				f.progress(f.rows, 0)
			}
		}
		cells, err := rows.Columns()
		if err != nil {
			return err
		}
		if hdr == nil {
			hdr = map[string]int{}
			for i, c := range cells {
				hdr[strings.TrimSpace(c)] = i
			}
			continue
		}
		get := func(h string) string {
			if i, ok := hdr[h]; ok && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		if err := fn(n, get, cells); err != nil {
			return err
		}
	}
	return rows.Error()
}

func readMethod(f *book, ex *Exported) error {
	inLog := false
	var logHdr map[string]int
	return eachRow(f, SheetMethod, func(row int, get func(string) string, cells []string) error {
		if len(cells) == 0 {
			return nil
		}
		first := strings.TrimSpace(cells[0])
		if first == DecisionsTitle {
			inLog = true
			return nil
		}
		if !inLog {
			if first != "" && len(cells) > 1 {
				ex.Params[first] = strings.TrimSpace(cells[1])
				if first == "Version" {
					ex.Version = strings.TrimSpace(cells[1])
				}
			}
			return nil
		}
		if logHdr == nil {
			logHdr = map[string]int{}
			for i, c := range cells {
				logHdr[c] = i
			}
			return nil
		}
		g := func(h string) string {
			if i, ok := logHdr[h]; ok && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		// A decision's time is part of its audit trail: an empty cell is
		// a decision written without one, anything else must read back.
		var t time.Time
		if v := g("Time"); v != "" {
			var err error
			if t, err = time.Parse(time.RFC3339, v); err != nil {
				return &reconcile.Error{Sheet: SheetMethod, Row: row, Column: logHdr["Time"] + 1, Err: fmt.Errorf("decision time %q is not a time", v),
					Hint: "write it as Tradecheck did (2024-05-01T12:00:00Z), or clear the cell"}
			}
		}
		switch g("Kind") {
		case "shipment":
			ex.ShipmentDecisions = append(ex.ShipmentDecisions, merge.Decision{Op: g("Op"), Row: g("Row"), Other: g("Other"),
				Reason: g("Note"), Time: t, SHA256: g("SHA-256"), OtherSHA256: g("Other SHA-256")})
		case "name":
			ex.Decisions = append(ex.Decisions, match.Decision{Op: g("Op"), Name: g("Name"), Role: match.Role(g("Role")),
				TaxID: g("Tax ID"), Other: g("Other"), OtherRole: match.Role(g("Other role")), Target: g("Target"), Time: t, Note: g("Note")})
		}
		return nil
	})
}

var mappingLine = regexp.MustCompile(`^([A-Z]+) (".*") → (\S+)$`)

// ParseMapping reads a MappingText cell back.
func ParseMapping(s string) []MappedColumn {
	var out []MappedColumn
	for _, line := range strings.Split(s, "\n") {
		m := mappingLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		h, err := strconv.Unquote(m[2])
		if err != nil {
			h = strings.Trim(m[2], `"`)
		}
		field := reconcile.Field(m[3])
		if m[3] == "(none)" {
			field = ""
		}
		col := columnNumber(m[1])
		if col < 1 || col > maxColumn {
			continue // past XFD: an edited cell, not a column of the source
		}
		out = append(out, MappedColumn{Column: col - 1, Header: h, Field: field})
	}
	return out
}

// maxColumn is Excel's last column, XFD.
const maxColumn = 16384

// columnNumber turns column letters into a 1-based number; anything past
// XFD gives maxColumn+1 (long letter runs would overflow int).
func columnNumber(s string) int {
	n := 0
	for _, c := range s {
		n = n*26 + int(c-'A'+1)
		if n > maxColumn {
			return maxColumn + 1
		}
	}
	return n
}

func readSources(f *book, ex *Exported) error {
	done := false
	return eachRow(f, SheetSources, func(row int, get func(string) string, cells []string) error {
		if len(cells) > 0 && strings.TrimSpace(cells[0]) == OverlapTitle {
			done = true // the overlap table below the sources
		}
		if done || get("Path") == "" && get("File") == "" {
			return nil
		}
		hr, _ := strconv.Atoi(get("Header row"))
		ex.Sources = append(ex.Sources, ExportedSource{File: get("File"), Sheet: get("Sheet"), Path: get("Path"),
			SHA256: get("SHA-256"), Vendor: get("Vendor"), Retrieved: get("Retrieved"), Note: get("Note"),
			Granularity: get("Granularity"), Error: get("Error"), HeaderRow: hr, Mapping: ParseMapping(get("Mapping")), UserMapping: get("User mapping (JSON)"),
			UserFlow: get(UserFlowHeader)})
		return nil
	})
}

func readRates(f *book, ex *Exported) error {
	return eachRow(f, SheetRates, func(row int, get func(string) string, cells []string) error {
		cur := strings.ToUpper(get("Currency"))
		if cur == "" {
			return nil
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(get("USD per unit"), ",", "."), 64)
		if err != nil || v <= 0 {
			return &reconcile.Error{Sheet: SheetRates, Row: row, Column: 3, Err: fmt.Errorf("rate %q is not a positive number", get("USD per unit")), Hint: "write the USD value of one unit of the currency, e.g. 0.0165"}
		}
		month := get("Month")
		if month != "" {
			if _, err := time.Parse("2006-01", month); err != nil {
				return &reconcile.Error{Sheet: SheetRates, Row: row, Column: 2, Err: fmt.Errorf("month %q is not YYYY-MM", month), Hint: "write the month as 2022-06, or leave it empty for every month"}
			}
		}
		ex.Rates = append(ex.Rates, totals.Rate{Currency: cur, Month: month, ToUSD: v, Note: get("Note")})
		return nil
	})
}

// SafeEntityID makes a user-typed Entity ID safe as a COUNTIFS criterion:
// letters, digits, '-', '_' and '.' only, starting with a letter or digit.
func SafeEntityID(s string) string {
	var b strings.Builder
	for _, c := range strings.TrimSpace(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
			b.WriteRune(c)
		case c > 0x7f && (c >= 'А' && c <= 'я'):
			b.WriteRune(c)
		case c == ' ':
			b.WriteRune('-')
		}
	}
	out := b.String()
	if out != "" && strings.ContainsRune("-_.", rune(out[0])) {
		out = "U" + out
	}
	return out
}

func readEntities(f *book, ex *Exported) error {
	type row struct {
		id, canon, name, role, decision, tax, was, reason string
	}
	var rows []row
	core := map[string]row{} // exported entity ID → core member
	err := eachRow(f, SheetEntities, func(n int, get func(string) string, cells []string) error {
		r := row{id: get("Entity ID"), canon: get("Canonical name"), name: get("Name as written"), role: get("Role"),
			decision: strings.ToLower(get("Decision")), tax: get("Tax ID"), was: get("Exported entity ID"), reason: get("Match reason")}
		if r.name == "" && r.tax == "" {
			return nil
		}
		rows = append(rows, r)
		if _, ok := core[r.was]; !ok || strings.HasPrefix(r.reason, "core") {
			core[r.was] = r
		}
		return nil
	})
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	for _, r := range rows {
		role := match.Role(r.role)
		d := match.Decision{Name: r.name, Role: role, TaxID: r.tax, Time: now, Note: "edited in the Entities sheet"}
		if r.id != r.was {
			if id := SafeEntityID(r.id); id == "" {
				d.Op = match.OpSplit
			} else {
				d.Op, d.Target = match.OpAssign, id
			}
			ex.Edits = append(ex.Edits, d)
			continue
		}
		c, ok := core[r.was]
		if !ok || (c.name == r.name && c.role == r.role) {
			continue
		}
		switch r.decision {
		case DecisionConfirmed, "confirm", "same", "yes":
			d.Op, d.Other, d.OtherRole = match.OpConfirm, c.name, match.Role(c.role)
			ex.Edits = append(ex.Edits, d)
		case DecisionNotSame, "not_same", "no", "different":
			d.Op, d.Other, d.OtherRole = match.OpNotSame, c.name, match.Role(c.role)
			ex.Edits = append(ex.Edits, d)
			s := d
			s.Op, s.Other, s.OtherRole = match.OpSplit, "", ""
			ex.Edits = append(ex.Edits, s)
		}
	}
	return nil
}

func readReview(f *book, ex *Exported) error {
	now := time.Now().UTC()
	return eachRow(f, SheetReview, func(n int, get func(string) string, cells []string) error {
		op := ""
		switch strings.ToLower(get("Decision")) {
		case "same", DecisionConfirmed, "confirm", "yes", "s":
			op = match.OpConfirm
		case DecisionNotSame, "not_same", "no", "different", "n":
			op = match.OpNotSame
		default:
			return nil
		}
		ex.Edits = append(ex.Edits, match.Decision{Op: op, Name: get("Name A"), Role: match.Role(get("Role A")),
			Other: get("Name B"), OtherRole: match.Role(get("Role B")), Time: now, Note: "decided in the Review sheet"})
		return nil
	})
}
