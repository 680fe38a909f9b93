package workbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/screen"
)

// decisionCol is the 1-based Decision column, for errors.
var decisionCol = slices.Index(ScreeningHeader, "Decision") + 1

// SheetScreening is the sanctions screening sheet, written after Review
// when the run screened its parties (Data.Screening set).
const SheetScreening = "Screening"

// ScreeningHeader heads the Screening sheet: one row per name as written
// and list entry it hit. Decision is editable (confirm, reject) and read
// back as a screening decision.
var ScreeningHeader = []string{"Entity ID", "Name as written", "Role", "Tax ID", "List", "List code", "Listed ID",
	"Listed name", "Primary name", "Score", "Reasons", "Programs", "Listing date", "Status", "Decision", "Note"}

// Screening decision values on the Screening sheet.
const (
	ScreenConfirmed = "confirmed"
	ScreenRejected  = "rejected"
	// StatusNotApplied marks a recorded decision that named no name or
	// list entry of the run; it is kept so it is not lost.
	StatusNotApplied = "decision not applied"
)

// Screening is what the Screening sheet and the Listed columns show.
type Screening struct {
	Rows      []ScreenRow
	Unapplied []screen.Decision
	// Decisions are the run's screening decisions, last one per pair
	// wins; their notes are shown beside the hits.
	Decisions []screen.Decision
	Lists     []string // one line per list: List.Summary()
	Notes     []string // list notes and list files that could not be read
	// Status gives an entity ID's Listed value: "listed", "review" or "".
	Status func(entityID string) string
}

// ScreenRow is one hit with the tax ID of the mention as given (the
// decision key; Hit.TaxID may have been split off the name).
type ScreenRow struct {
	Hit   screen.Hit
	TaxID string
}

// listedCell is the Listed column's value for an entity: "" when the run
// screened nothing, else listed, review or no.
func (w *writer) listedCell(entityID string) string {
	s := w.d.Screening
	if s == nil || s.Status == nil {
		return ""
	}
	if v := s.Status(entityID); v != "" {
		return v
	}
	return "no"
}

func (w *writer) screening() error {
	s := w.d.Screening
	sw, err := w.open(SheetScreening, []float64{12, 32, 11, 14, 22, 10, 16, 32, 32, 8, 70, 30, 12, 12, 12, 30}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ScreeningHeader); err != nil {
		return err
	}
	notes := map[string]string{}
	for _, d := range s.Decisions {
		notes[d.Key()] = d.Note
	}
	r := 2
	for _, x := range s.Rows {
		h := x.Hit
		dec := ""
		switch h.Status {
		case screen.StatusConfirmed:
			dec = ScreenConfirmed
		case screen.StatusRejected:
			dec = ScreenRejected
		}
		key := screen.Decision{Name: h.Name, Role: h.Role, TaxID: x.TaxID, List: h.Source, ListedID: h.ListedID}.Key()
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{h.Key, h.Name, h.Role, nilIfEmpty(x.TaxID), h.List, h.Source,
			h.ListedID, h.ListedName, h.Primary, math.Round(h.Score*100) / 100, strings.Join(h.Reasons, "; "), strings.Join(h.Programs, "; "),
			nilIfEmpty(h.Listed), string(h.Status), nilIfEmpty(dec), nilIfEmpty(notes[key])}); err != nil {
			return err
		}
		r++
	}
	for _, d := range s.Unapplied {
		dec := ScreenConfirmed
		if d.Op == screen.OpReject {
			dec = ScreenRejected
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{nil, d.Name, nilIfEmpty(d.Role), nilIfEmpty(d.TaxID), nil, d.List,
			d.ListedID, nilIfEmpty(d.ListedName), nil, nil, nil, nil, nil, StatusNotApplied, dec, nilIfEmpty(d.Note)}); err != nil {
			return err
		}
		r++
	}
	// The lists below the table, after an empty row (the reader stops
	// there).
	r++
	lines := append([]string{}, s.Lists...)
	lines = append(lines, s.Notes...)
	if len(lines) > 0 {
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: w.st.Title, Value: "Lists screened against"}}); err != nil {
			return err
		}
		r++
		for _, l := range lines {
			if err := sw.SetRow("A"+strconv.Itoa(r), []any{l}); err != nil {
				return err
			}
			r++
		}
	}
	return w.flush(sw)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// readScreening reads the Decision column of the Screening sheet back as
// screening decisions. A workbook without the sheet has none.
func readScreening(f *book, ex *Exported) error {
	if idx, err := f.GetSheetIndex(SheetScreening); err != nil || idx < 0 {
		return nil
	}
	done := false
	return eachRow(f, SheetScreening, func(row int, get func(string) string, cells []string) error {
		if done || len(cells) == 0 || strings.TrimSpace(strings.Join(cells, "")) == "" {
			done = true
			return nil
		}
		op := ""
		switch strings.ToLower(get("Decision")) {
		case "":
			return nil
		case ScreenConfirmed, screen.OpConfirm, "yes", "listed":
			op = screen.OpConfirm
		case ScreenRejected, screen.OpReject, "no", "not listed":
			op = screen.OpReject
		default:
			return &reconcile.Error{Sheet: SheetScreening, Row: row, Column: decisionCol, Err: fmt.Errorf("decision %q", get("Decision")), Hint: "write confirmed or rejected, or leave the cell empty"}
		}
		d := screen.Decision{Op: op, Name: get("Name as written"), Role: get("Role"), TaxID: get("Tax ID"),
			List: get("List code"), ListedID: get("Listed ID"), ListedName: get("Listed name"), Note: get("Note")}
		if err := d.Validate(); err != nil {
			return &reconcile.Error{Sheet: SheetScreening, Row: row, Column: decisionCol, Err: err, Hint: "the row needs its name, list code and listed ID; export again"}
		}
		ex.ScreenDecisions = append(ex.ScreenDecisions, d)
		return nil
	})
}

// screeningFilter is the Screening sheet's autofilter range, "" without
// the sheet.
func (w *writer) screeningFilter() string {
	s := w.d.Screening
	if s == nil {
		return ""
	}
	return ref(ScreeningHeader, len(s.Rows)+len(s.Unapplied)+1)
}
