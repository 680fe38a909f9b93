// Package pipeline runs Tradecheck end to end for the CLI and the desktop
// app: read every source, cluster company names, reconcile shipments across
// sources, total them and write the audit workbook.
//
// The app and the CLI run the engine through this package: Run,
// Recluster, WriteWorkbook, OpenExported, ReadClaims and CheckClaims are
// implemented here, not forwarded. It is not their only import: they use
// the engine's value types directly where those are the vocabulary
// (claims.Claim, totals.Table, totals.WeightNet, match.Decision,
// reconcile.Granularity), and other packages for what is not a run
// (read for inspect and the saved mappings, fileio, screen, memo,
// parquetout, chart). Its types are stable: fields may be added, none are
// renamed or removed. A Project is the whole user state (sources,
// mappings, decisions, parameters, rates) and is plain JSON, so the app
// can autosave it and the audit workbook can carry it.
//
// Typical use:
//
//	p := pipeline.NewProject(paths...)
//	res, err := pipeline.Run(ctx, p, func(pr pipeline.Progress) { … })
//	tbl := res.Totals(totals.ByConsignee, totals.Filter{})
//	err = pipeline.WriteWorkbook(ctx, res, "out.xlsx", nil)
//
// Later, when the user confirms or splits names:
//
//	p.Decisions = append(p.Decisions, d)
//	res, err = res.Recluster(ctx, p, progress) // no file is read again
//
// An exported (and possibly hand-edited) workbook becomes a Project again
// with OpenExported.
package pipeline

import (
	"context"
	"errors"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// Version is written into the Method sheet of every audit workbook.
const Version = "0.1.0"

// Params are every tunable of a run. The zero value is not useful: start
// from DefaultParams.
type Params struct {
	// Weight is totals.WeightNet (default: net weight, gross where net is
	// missing, flagged) or totals.WeightGross (gross weight throughout).
	Weight string `json:"weight"`
	// DateToleranceDays is how far apart two rows' dates may be for the
	// fuzzy shipment rule (rows without declaration numbers). Default 3.
	DateToleranceDays int `json:"date_tolerance_days"`
	// WeightTolerancePct is how far apart, in percent of the larger, two
	// rows' weights may be for the fuzzy shipment rule. Default 1.
	WeightTolerancePct float64 `json:"weight_tolerance_pct"`
	// BLDaysBefore and BLDaysAfter bound a bill-of-lading date against a
	// declaration's registration date for the fuzzy rule: the B/L may be
	// up to BLDaysBefore days earlier and BLDaysAfter days later. 0 means
	// the default (merge.DefaultBLDaysBefore, DefaultBLDaysAfter).
	BLDaysBefore int `json:"bl_days_before,omitempty"`
	BLDaysAfter  int `json:"bl_days_after,omitempty"`
	// PackagingBandPct is r in net ≤ gross ≤ net × (1 + r/100), within
	// which a gross-only weight matches a net-only one. 0 means the
	// default (merge.DefaultPackagingBandPct).
	PackagingBandPct float64 `json:"packaging_band_pct,omitempty"`
	// ExportDaysBefore and ExportDaysAfter bound an export declaration's
	// date against the import declaration of the same goods: up to
	// ExportDaysBefore days earlier, ExportDaysAfter later. 0 means the
	// default (merge.DefaultExportDaysBefore, DefaultExportDaysAfter).
	ExportDaysBefore int `json:"export_days_before,omitempty"`
	ExportDaysAfter  int `json:"export_days_after,omitempty"`
	// AutoThreshold and ReviewThreshold are the name-matching thresholds:
	// pairs scoring at or above AutoThreshold merge automatically, pairs in
	// [ReviewThreshold, AutoThreshold) go to the Review queue.
	AutoThreshold   float64 `json:"auto_threshold"`
	ReviewThreshold float64 `json:"review_threshold"`
	// SourcePreference lists sources, most trusted first, by path or by
	// file name (the CLI's --prefer, the app's Sources order). When
	// sources disagree about a shipment the first listed wins; unlisted
	// sources follow the default rule, never the order files were given
	// in: declaration-level over aggregated, sources with declaration
	// numbers first, USD as given over converted, the richer row, then
	// the file name.
	SourcePreference []string `json:"source_preference,omitempty"`
	// ScreenThreshold and ScreenReviewThreshold are the sanctions
	// screening thresholds: hits at or above ScreenThreshold count as
	// listed, hits from ScreenReviewThreshold go to review. 0 takes
	// screen's defaults (the matcher's thresholds).
	ScreenThreshold       float64 `json:"screen_threshold,omitempty"`
	ScreenReviewThreshold float64 `json:"screen_review_threshold,omitempty"`
}

// DefaultParams returns the documented defaults.
func DefaultParams() Params {
	return Params{
		Weight:             totals.WeightNet,
		DateToleranceDays:  3,
		WeightTolerancePct: 1,
		AutoThreshold:      match.DefaultAutoThreshold,
		ReviewThreshold:    match.DefaultReviewThreshold,
	}
}

// Citation says where a source came from, for the Sources sheet.
type Citation struct {
	Vendor    string `json:"vendor,omitempty"`
	Retrieved string `json:"retrieved,omitempty"` // free text, ISO date preferred
	Note      string `json:"note,omitempty"`
}

// ColumnOverride is the user's decision about one column (the reader's
// read.ColumnOverride: map it to Field, or Ignore it; Unit and Currency
// say what a weight or value column is in) placed at a sheet and column
// of a source. Its JSON is flat: sheet, column, header, field, ….
type ColumnOverride struct {
	Sheet  string `json:"sheet,omitempty"`  // "" for CSV, or every sheet
	Column int    `json:"column"`           // 0-based
	Header string `json:"header,omitempty"` // as written, for humans and for layout checks
	read.ColumnOverride
	// Column -1 is no column but a setting for the whole sheet (every
	// sheet when Sheet is ""): Field with Value gives that field a fixed
	// value on every row that has none (dispatch_country "TR" for a
	// Turkish export register), DateOrder (DateDMY or DateMDY) settles
	// dates such as 03/04/2022 that the file cannot, and Unit ("t",
	// "short ton", "long ton") says what "tons" alone means.
	Value     string `json:"value,omitempty"`
	DateOrder string `json:"date_order,omitempty"`
	// SheetUse (Column -1) is the user's word on the sheet as a whole:
	// read.SheetLeaveOut leaves it out (its rows get the fate "sheet
	// left out by the user"), read.SheetInclude reads a sheet taken for
	// a summary as shipments.
	SheetUse string `json:"sheet_use,omitempty"`
}

// SourceSpec is one input file and what the user said about it.
type SourceSpec struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256,omitempty"` // filled by Run; checked by OpenExported's callers
	// Password opens an encrypted workbook. It is never written to the
	// audit workbook; the app should not autosave it either.
	Password string   `json:"-"`
	Citation Citation `json:"citation"`
	// Granularity per sheet ("" key = every sheet / CSV).
	Granularity map[string]reconcile.Granularity `json:"granularity,omitempty"`
	Mapping     []ColumnOverride                 `json:"mapping,omitempty"`
	// Flow per sheet ("" key = every sheet / CSV): reconcile.FlowExport
	// for a register of export declarations, FlowImport for import
	// declarations; unset, the sheet's own statement (a flow column, a
	// banner, its name) decides, and without one it is read as imports.
	Flow map[string]string `json:"flow,omitempty"`
	// DeclaringCountry is the ISO alpha-2 code of the country whose
	// customs wrote an export register: its rows' dispatch (and, when
	// the file gives none, origin) country. Unset, the file's statement
	// decides ("China exports 2022"); without one they stay unknown.
	DeclaringCountry string `json:"declaring_country,omitempty"`
}

// Date orders of ColumnOverride.DateOrder.
const (
	DateDMY = "dmy"
	DateMDY = "mdy"
)

// ParseDateOrder maps "dmy"/"mdy" (any case, "d/m/y" too) to the
// reader's order; ok is false for anything else.
func ParseDateOrder(s string) (values.DateOrder, bool) {
	switch strings.ToLower(strings.NewReplacer("/", "", ".", "", "-", "", " ", "").Replace(s)) {
	case DateDMY:
		return values.OrderDMY, true
	case DateMDY:
		return values.OrderMDY, true
	}
	return values.OrderUnknown, false
}

// Project is the whole user state of a reconciliation.
type Project struct {
	Sources []SourceSpec `json:"sources"`
	// Decisions about names (confirm, not same, split, merge, rename,
	// assign), oldest first. They apply before automatic clustering.
	Decisions []match.Decision `json:"decisions,omitempty"`
	// ShipmentDecisions split row merges apart or exclude shipments.
	ShipmentDecisions []merge.Decision `json:"shipment_decisions,omitempty"`
	Params            Params           `json:"params"`
	// Rates convert non-USD values; a value whose currency and month have
	// no rate is left out of value totals and counted.
	Rates []totals.Rate `json:"rates,omitempty"`
	// Claims are the published figures to check (see claims.go).
	Claims []claims.Claim `json:"claims,omitempty"`
	// Lists are sanctions list files (or OFAC folders) every consignee and
	// shipper is screened against; ScreenDecisions confirm or reject hits.
	Lists           []string          `json:"lists,omitempty"`
	ScreenDecisions []screen.Decision `json:"screen_decisions,omitempty"`
	// GoodsLists are the user's CSV lists of HS codes, usable in claims'
	// goods_list beside the bundled CHPL.
	GoodsLists []string `json:"goods_lists,omitempty"`
	// Unapplied lists what OpenExported read but could not turn into a
	// decision (a Decision cell that is not a command, a Shipments row
	// whose source rows cannot be told), each with its sheet, row and
	// reason; the run's warnings repeat them. Not saved: the next export
	// has the cells again.
	Unapplied []string `json:"-"`
}

// ErrSourceChanged says a source file's content differs from the SHA-256
// recorded in the project.
var ErrSourceChanged = errors.New("source file changed since the project recorded it")

// Check verifies that the source exists and, when the project recorded a
// SHA-256, that the file still has it. The app calls it after
// OpenExported to ask the user to locate moved or changed files. Errors
// are *reconcile.Error wrapping reconcile.ErrNotFound or ErrSourceChanged,
// or ctx's error when it is cancelled while hashing a large file.
func (s SourceSpec) Check(ctx context.Context) error {
	sum, err := fileio.SHA256(ctx, s.Path)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &reconcile.Error{File: s.Path, Err: reconcile.ErrNotFound, Hint: "locate the file: it was moved, renamed or deleted"}
	}
	if s.SHA256 != "" && !strings.EqualFold(sum, s.SHA256) {
		return &reconcile.Error{File: s.Path, Err: ErrSourceChanged, Hint: "this is not the file the workbook was made from; locate the original or accept the new content"}
	}
	return nil
}

// NewProject returns a project over the given files with default params.
func NewProject(paths ...string) *Project {
	p := &Project{Params: DefaultParams()}
	for _, path := range paths {
		p.Sources = append(p.Sources, SourceSpec{Path: path})
	}
	return p
}

// Stages reported through Progress.Stage, in order.
const (
	StageConvert = "convert" // File: a legacy workbook being converted by LibreOffice; no Done/Total (repeated every second)
	StageRead    = "read"    // Done/Total: rows so far / rows estimated (0 = unknown)
	StageMatch   = "match"   // names clustered
	StageMerge   = "merge"   // records reconciled
	StageWrite   = "write"   // rows written to the workbook
	StageVerify  = "verify"  // reading back an exported workbook
	StageOpen    = "open"    // reading an exported workbook as a project; Done: rows read
	StageClaims  = "claims"  // claims checked of all
)

// Progress is one progress report. File is set during StageRead and
// StageWrite. Total 0 means unknown. Reports may come from several
// goroutines (files are read in parallel) but never two at once; a UI
// must still hop to its own thread (fyne.Do).
type Progress struct {
	Stage string
	File  string
	Done  int
	Total int
}

// SheetResult is how one sheet (or a CSV file) was read: the reader's
// description (read.SheetResult) with the project's granularity, status,
// date range and the place of its records in Result.Records (First, Rows).
type SheetResult = read.SheetResult

// FileResult is how one file was read. Err is a *reconcile.Error when the
// whole file failed; the other files are still read.
type FileResult struct {
	Path     string
	SHA256   string
	Size     int64
	Err      error
	Sheets   []SheetResult
	Citation Citation
}

// Result is the outcome of Run. It is read-only once returned; Recluster
// returns a new Result that shares the records.
type Result struct {
	Project  Project // as run (SHA-256s filled in)
	Files    []FileResult
	Records  []reconcile.Record
	RecSheet []SheetRef // per record: which file and sheet it came from

	Names *match.Result
	// ConsigneeMention and ShipperMention give each record's mention
	// index in Names.Mentions, -1 when the record names no party.
	ConsigneeMention []int32
	ShipperMention   []int32
	// ConsigneeEntity and ShipperEntity give each record's entity index in
	// Names.Entities, -1 when the record names no party.
	ConsigneeEntity []int32
	ShipperEntity   []int32

	// Merge holds the shipments, discrepancies, duplicates and fates.
	// Weights, values and declaration numbers of a shipment are read from
	// its source rows on demand: sh.NetKg(r.Records), sh.Value(r.Records).
	Merge *merge.Result
	// Dupes are the possible duplicates: pairs of shipments not merged
	// that look alike, for the user to merge or keep apart.
	Dupes *merge.Dupes
	// Overlaps measure every pair of sources that share firms, goods
	// and period (SourceName names their sources); Warnings lists those
	// that hardly merged.
	Overlaps []merge.Overlap
	// StaleDecisions counts shipment decisions about files not read.
	StaleDecisions int
	sourceNames    []string
	// overlapGroup maps a merge source (one per sheet) to its overlap
	// source (one per file, or per file and granularity).
	overlapGroup []int32
	decTexts     map[int]string // the Decision column, by shipment index

	// Screening is nil when the project has no sanctions lists.
	Screening *Screening
	// Goods holds the CHPL and the project's goods lists.
	Goods *Goods

	Started  time.Time
	Finished time.Time
}

// SheetRef points at Result.Files[File].Sheets[Sheet].
type SheetRef struct{ File, Sheet int32 }

// EntitySummary is one entity in one role, with its totals (default
// filters: counted shipments only).
type EntitySummary struct {
	ID        string
	Canonical string
	Role      match.Role
	Names     []string // as written, most used first
	Shipments int
	Tonnes    float64
	ValueUSD  float64
	// Measures are the entity's full figures: what its value leaves out
	// (Measures.USDText), so an entity whose values have no rate shows
	// "USD unknown", never "$0".
	Measures totals.Measures
	Sources  []string // file names
	Entity   int      // index into Names.Entities
}

// Errors returns the per-file errors of the run, in file order.
func (r *Result) Errors() []error {
	var errs []error
	for _, f := range r.Files {
		if f.Err != nil {
			errs = append(errs, f.Err)
		}
	}
	return errs
}
