// Package merge reconciles shipment records across sources: exact
// duplicates within one source are marked and counted once, rows of
// different sources that describe the same shipment become one canonical
// shipment that lists all of them, and disagreements between them become
// discrepancies.
//
// Identifiers are compared by kind (declaration, bill of lading,
// container, invoice), each after values.NormalizeID:
//
//   - equal identifiers of one kind make one shipment (a declaration with
//     equal item numbers at once; otherwise the rows must also agree on
//     HS-6, and the closest weights pair first);
//   - different identifiers of one kind are never one shipment — except
//     bills of lading of different issuers, which may be the master and
//     the house B/L of one cargo and neither prove nor block;
//   - identifiers of different kinds neither prove nor block.
//
// Rows that no identifier links are the same shipment when they agree on
// the consignee entity, the shipper entity when both are known, HS-6, the
// date and the weight (Compare):
//
//   - dates within ±DateToleranceDays; a bill-of-lading date (a row with a
//     B/L and no declaration) may come BLDaysBefore days before a
//     declaration's registration date and BLDaysAfter after it;
//   - net with net and gross with gross, within WeightTolerancePct of the
//     larger or the precision each weight was written with, whichever is
//     wider; a gross-only row and a net-only row within the packaging band
//     net ≤ gross ≤ net × (1 + PackagingBandPct/100).
//
// Pairing is one-to-one (a shipment takes at most one row per source) and
// never chains: a row joins a shipment only when it agrees with every row
// already in it. Best-agreeing pairs are taken first. Every tie is broken
// by the sources' keys and row numbers, never by input order, so the same
// files give the same shipments and IDs in any order.
//
// Export declarations (a source whose Flow is reconcile.FlowExport) and
// import declarations of the same goods are one shipment seen from two
// sides. Their declaration numbers are of two kinds and neither prove nor
// block; the pair must agree on the consignee entity and the shipper
// entity (both known: the exporter declares the export, the consignee
// the import), HS-6 and the weights as above; the export date may come up
// to ExportDaysBefore days before the import date and ExportDaysAfter
// after it; when both rows carry a declaration number, the export's
// dispatch and destination countries must not contradict the import's
// (a B/L feed's countries are its ports' and are not compared); values
// are not compared (FOB against CIF). Because that window is wide, an
// export row merges only when it is the one candidate of its import
// source and that row's one export candidate; otherwise the pair is left
// to Possible duplicates. Rows the rule never merges count as candidates
// there: one naming the firm in a third script (related to the export's
// name in two steps), and an import row alike to a candidate on the day
// and weight under another shipper name. The import row is preferred for
// the shipment's values and ID.
//
// Names in review: a pair whose consignee or shipper entities differ but
// are a cross-script review pair of the name matcher (Relation: СКАЙЛАЙН
// ДРОНС ФЗКО / SKYLINE DRONES FZ-CO, 中国北方工业有限公司 / CHINA NORTH
// INDUSTRIES CORP.) passes the rules above as if the entities were one
// when every other test passes, and only when each row is the other's
// one candidate in its source (two rows of one date and weight would
// make picking one a guess). Such pairs cost more than any pair of one
// entity. Other review pairs (look-alike names in one script) and
// entities related in two steps never merge; Possible duplicates lists
// them with the matcher's reason.
//
// Container lines: rows of one source sharing a B/L (or declaration
// and item) number, parties, date and HS-6 with distinct container
// numbers are one shipment, their weights added (containers.go). Ties
// between rows identical in every figure, as many on each side, pair
// in canonical order (identical.go).
//
// Monthly aggregates (vendor "Short" exports) are never merged with
// shipment-level rows; each stays its own line, marked Superseded when
// shipment-level data covers the same month, consignee and HS code.
package merge

import (
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"tradecheck/reconcile"
)

// Source describes one source sheet.
type Source struct {
	Name        string // file (and sheet) name for reasons and discrepancies
	Granularity reconcile.Granularity
	// Rank orders sources for conflicts: lower wins. Sources the user did
	// not rank share a rank past the ranked ones.
	Rank int
	// Key identifies the source independently of the order files were
	// given in: the file's SHA-256 and the sheet name. Ties between
	// sources and shipment IDs derive from it; "" falls back to Name.
	Key string
	// Flow is reconcile.FlowExport for a register of export declarations
	// (the exporter declares, the consignee is abroad, FOB values,
	// dispatch dates), FlowImport or "" otherwise: rows of an export
	// source pair with import rows by the export rule (see package doc).
	Flow string
}

// Input is what Reconcile works on. All per-record slices have
// len(Records) entries.
type Input struct {
	Records  []reconcile.Record
	SourceOf []int32 // index into Sources
	Sources  []Source
	// Consignee and Shipper hold each record's entity (any stable int,
	// typically an index into match.Result.Entities), -1 when unknown.
	Consignee []int32
	Shipper   []int32
	// Related lists entity pairs the name matcher relates without
	// merging them (its review pairs); nil when there is none. See
	// Relation and the names-in-review rule in the package doc.
	Related []Relation
	// Facts, when given (one per source), are the sources' facts over a
	// larger set than Records (see SourceFacts); nil computes them from
	// Records.
	Facts []SourceFacts
}

// Options of a reconciliation.
type Options struct {
	DateToleranceDays  int     // days either way; 0 means the same day
	WeightTolerancePct float64 // percent of the larger weight
	// BLDaysBefore and BLDaysAfter bound a bill-of-lading date against a
	// declaration's registration date: the B/L may be up to BLDaysBefore
	// days earlier and BLDaysAfter days later.
	BLDaysBefore, BLDaysAfter int
	// PackagingBandPct is r in net ≤ gross ≤ net × (1 + r/100), the band
	// within which a gross-only weight matches a net-only one.
	PackagingBandPct float64
	// ExportDaysBefore and ExportDaysAfter bound an export declaration's
	// date against the import declaration of the same goods: the export
	// may be up to ExportDaysBefore days earlier (the voyage) and
	// ExportDaysAfter days later (dates written in two time zones, an
	// import declared before arrival).
	ExportDaysBefore, ExportDaysAfter int

	// ToUSD, when set, converts a value in currency in month ("2006-01")
	// with the user's rates; nil or false when there is no rate. Only
	// the container rule uses it, to compare a declaration's value in one
	// currency with container rows' values in another (containers.go).
	ToUSD func(value float64, currency, month string) (float64, bool)

	// conflictRun, when set, replaces the const conflictRun, so a test
	// can compare shipments in many small runs.
	conflictRun int
}

// Measured defaults (README "Shipments: identifiers, weights, dates").
const (
	// DefaultBLDaysBefore: arrival dates on vendor B/L rows run 0–3 days
	// before customs registration in the shared vendor samples (US AMS,
	// Ecuador), B/L dates of the samples' B/L feed 1–2 days; 10 leaves room for
	// a weekend and a holiday without reaching the next monthly shipment
	// of a regular importer.
	DefaultBLDaysBefore = 10
	// DefaultBLDaysAfter: declarations lodged before arrival (Ecuador's
	// sample has one a day before its arrival date).
	DefaultBLDaysAfter = 2
	// DefaultPackagingBandPct: gross/net − 1 over the 102 rows of the
	// shared vendor files that give both weights: median 0.03 %, 90th
	// percentile 5.6 %, 95th 13.4 %; 15 % keeps 96 of 102. The samples'
	// declarations run 2–8 %.
	DefaultPackagingBandPct = 15
	// DefaultExportDaysBefore: sea freight from China to a Russian or
	// European port takes 30–50 days, rail 15–25, a truck from Turkey
	// 5–10; 60 covers a ship and its wait at the port. A window this wide
	// meets a regular importer's next shipment, so an export row merges
	// only with the one import row of each source that fits (see
	// clearCrossEdges); two candidates go to Possible duplicates.
	DefaultExportDaysBefore = 60
	// DefaultExportDaysAfter: an export declaration dated a day or two
	// after the import one (time zones, declarations lodged before
	// arrival, an export declaration completed after departure).
	DefaultExportDaysAfter = 2
)

// DefaultOptions are the documented defaults.
func DefaultOptions() Options {
	return Options{DateToleranceDays: 3, WeightTolerancePct: 1,
		BLDaysBefore: DefaultBLDaysBefore, BLDaysAfter: DefaultBLDaysAfter, PackagingBandPct: DefaultPackagingBandPct,
		ExportDaysBefore: DefaultExportDaysBefore, ExportDaysAfter: DefaultExportDaysAfter}
}

// Shipment decision ops.
const (
	OpSplit   = "split"   // the row leaves its shipment and stands alone
	OpExclude = "exclude" // the shipment holding the row is excluded from totals
	OpInclude = "include" // undoes an earlier exclude
)

// Decision is a user's decision about shipments. Rows are named by
// RowKey (file!sheet:row), which stays stable across runs while shipment
// IDs may not.
type Decision struct {
	Op     string    `json:"op"`
	Row    string    `json:"row"`
	Other  string    `json:"other,omitempty"` // the second row of a pair decision (OpMerge, OpApart)
	Reason string    `json:"reason,omitempty"`
	Time   time.Time `json:"time"`
	// SHA256 and OtherSHA256 are the SHA-256 of the files of Row and
	// Other: the pipeline finds the rows by file content, sheet and row
	// number, so a decision survives a renamed or moved file.
	SHA256      string `json:"sha256,omitempty"`
	OtherSHA256 string `json:"other_sha256,omitempty"`
}

// RowKey names a source row in decisions and in the workbook:
// "file.xlsx!Sheet:12" or "file.csv:12", with the file's base name so the
// key survives moving the folder.
func RowKey(p reconcile.Provenance) string {
	f := filepath.Base(p.File)
	if p.Sheet == "" {
		return f + ":" + strconv.Itoa(p.Row)
	}
	return f + "!" + p.Sheet + ":" + strconv.Itoa(p.Row)
}

// Shipment is one reconciled shipment (or one monthly aggregate line).
type Shipment struct {
	// ID is "S-" (shipment-level) or "M-" (monthly aggregate) and 8 hex
	// digits hashed from the anchor row's source key and row number: the
	// same rows give the same ID whatever the file order, mapping edits
	// or files added (see ShipmentID).
	ID      string
	Rows    []int32 // record indexes, one per source, the preferred first
	Reasons []string
	// Duplicates are exact duplicates of Rows within their own source:
	// marked and counted once.
	Duplicates []int32

	Monthly       bool
	Superseded    bool   // monthly line covered by shipment-level data (left out of default totals)
	Excluded      bool   // excluded by the user
	ExcludeReason string // the user's reason

	// Resolved values: from the most preferred row that has each.
	Date          reconcile.Date
	Consignee     int32 // entity, -1 unknown
	Shipper       int32
	ConsigneeName string // as written on the preferred row
	ShipperName   string
	Origin        string
	Dispatch      string
	Destination   string
	HSCode        string
	Description   string
	Quantity      reconcile.Number
	QuantityUnit  string
	// Consignment is the key (declaration number, else bill of lading)
	// this shipment shares with other shipments that are goods items of
	// the same consignment; "" when the shipment is a consignment of its
	// own. Shipment counts count consignments (see consignment.go).
	Consignment string

	// from gives, for values read from the source rows on demand (NetKg,
	// GrossKg, Value, ValueUSD, Declaration), 1 + the index in Rows of the
	// row that supplies each, 0 when none does (so a zero Shipment has
	// none). Keeping indexes instead
	// of copies saves about 180 bytes per shipment: 130 MB at a million.
	from [nFrom]int16
	// group, when the shipment holds container lines of one source,
	// names the lead row whose figures are the group's added ones.
	group *lineGroup

	// Measures, filled by totals.Measure: the tonnes and USD value the
	// totals use, with how they were obtained.
	Tonnes      reconcile.Number
	TonnesBasis string // "net", "gross", "gross (net missing)", or why none
	USD         reconcile.Number
	USDBasis    string // "value_usd", "converted: …", or why none
}

// Values read on demand, by index into Shipment.from.
const (
	fromNet = iota
	fromGross
	fromValue
	fromDecl
	fromValueUsed // set by totals.Apply when the preferred row's value could not be converted
	nFrom
)

func (s *Shipment) row(recs []reconcile.Record, f int) *reconcile.Record {
	k := int(s.from[f]) - 1
	if k < 0 || k >= len(s.Rows) || int(s.Rows[k]) >= len(recs) {
		return nil
	}
	if s.group != nil && k == int(s.group.k) {
		return s.group.rec
	}
	return &recs[s.Rows[k]]
}

// ContainerLines is how many of Rows are container lines of one B/L
// that joined the lead row of their source (the figures then add up).
func (s *Shipment) ContainerLines() int {
	if s.group == nil {
		return 0
	}
	return int(s.group.lines)
}

// RowFigures is the row at index k of Rows with the figures the shipment
// counts for it: a container group's lead with the group's added figures,
// nil for the group's other container lines (their figures are in the
// lead's) and for an index out of range.
func (s *Shipment) RowFigures(recs []reconcile.Record, k int) *reconcile.Record {
	if k < 0 || k >= len(s.Rows) || int(s.Rows[k]) >= len(recs) {
		return nil
	}
	if s.group != nil {
		if k == int(s.group.k) {
			return s.group.rec
		}
		if slices.Contains(s.group.line, int16(k)) {
			return nil
		}
	}
	return &recs[s.Rows[k]]
}

// sourceRows is len(Rows) without the container lines: one per source.
func (s *Shipment) sourceRows() int { return len(s.Rows) - s.ContainerLines() }

// NetKg is the net weight used: from the most preferred row that has one.
// recs are the records the shipment was built from (Result.Records).
func (s *Shipment) NetKg(recs []reconcile.Record) reconcile.Number {
	if r := s.row(recs, fromNet); r != nil {
		return r.NetKg
	}
	return reconcile.Number{}
}

// GrossKg is the gross weight used.
func (s *Shipment) GrossKg(recs []reconcile.Record) reconcile.Number {
	if r := s.row(recs, fromGross); r != nil {
		return r.GrossKg
	}
	return reconcile.Number{}
}

// Value is the value in its own currency ("" when unknown) as the value
// row gives it: the most preferred row that states a value (in its own
// currency or in USD), or the row totals.Apply fell back to when that
// value could not be converted (UseValueRow). A value that did not parse
// comes back invalid with its raw text. Value, currency and USD value
// always come from one row: taking the USD from one source and the value
// from another mixed an export's FOB with an import's CIF.
func (s *Shipment) Value(recs []reconcile.Record) (reconcile.Number, string) {
	if r := s.valueRow(recs); r != nil {
		return r.Value, r.Currency
	}
	for _, x := range s.Rows {
		if int(x) < len(recs) && recs[x].Value.Raw != "" {
			return recs[x].Value, recs[x].Currency
		}
	}
	return reconcile.Number{}, ""
}

// ValueUSD is the USD value the value row gave (not a conversion).
func (s *Shipment) ValueUSD(recs []reconcile.Record) reconcile.Number {
	if r := s.valueRow(recs); r != nil {
		return r.ValueUSD
	}
	return reconcile.Number{}
}

func (s *Shipment) valueRow(recs []reconcile.Record) *reconcile.Record {
	if s.from[fromValueUsed] > 0 {
		return s.row(recs, fromValueUsed)
	}
	return s.row(recs, fromValue)
}

// ValueRow is the index in Rows of the preferred row that states a value,
// -1 when none does.
func (s *Shipment) ValueRow() int { return int(s.from[fromValue]) - 1 }

// UseValueRow makes the row at index k of Rows supply the value, its
// currency and its USD value instead of the preferred value row; k < 0
// goes back to the preferred row. totals.Apply calls it when the
// preferred row's value has no USD equivalent and another row's has.
func (s *Shipment) UseValueRow(k int) {
	if k < 0 || k >= len(s.Rows) || k >= math.MaxInt16 || k == s.ValueRow() {
		s.from[fromValueUsed] = 0
		return
	}
	s.from[fromValueUsed] = int16(k + 1)
}

// Declaration is the declaration (or bill-of-lading) number and item
// number of the most preferred row that has one.
func (s *Shipment) Declaration(recs []reconcile.Record) (id, item string) {
	if r := s.row(recs, fromDecl); r != nil {
		return r.DeclarationID, r.ItemNo
	}
	return "", ""
}

// Counted reports whether the shipment enters default totals.
func (s *Shipment) Counted() bool { return !s.Excluded && !s.Superseded }

// Status is the Shipments sheet's Status text.
func (s *Shipment) Status() string {
	switch {
	case s.Excluded:
		if s.ExcludeReason != "" {
			return "excluded: " + s.ExcludeReason
		}
		return "excluded"
	case s.Superseded:
		return "monthly aggregate, not counted: shipment-level data covers this month"
	case s.Monthly:
		return "monthly aggregate, counted"
	case s.sourceRows() > 1 && s.ContainerLines() > 0:
		return "counted, merged from " + itoa(s.sourceRows()) + " sources, " + itoa(s.ContainerLines()+1) + " container rows"
	case s.sourceRows() > 1:
		return "counted, merged from " + itoa(s.sourceRows()) + " sources"
	case s.ContainerLines() > 0:
		return "counted, " + itoa(s.ContainerLines()+1) + " container rows of one B/L"
	}
	return "counted"
}

// Observed is one source's value in a discrepancy.
type Observed struct {
	Source reconcile.Provenance
	Value  string
}

// Discrepancy kinds.
const (
	KindConflict = "conflict"  // sources disagree
	KindUnparsed = "unparsed"  // a value that did not parse (record flag)
	KindNoUSD    = "no_usd"    // a value without USD equivalent, left out of value totals
	KindFallback = "fallback"  // gross weight used because net is missing, or another row's value because the preferred one has no USD equivalent
	KindNoWeight = "no_weight" // no usable weight, left out of tonnes
	// KindRepaired is a value read and counted after a repair or a choice
	// a reader should be able to check: an HS code's restored leading
	// zero, a cell's own unit used over the header's, a "3.471" read as
	// thousands.
	KindRepaired = "repaired"
)

// Discrepancy is one problem the totals reader should know about.
type Discrepancy struct {
	Shipment string // shipment ID, "" when the row was not counted
	Kind     string
	Field    reconcile.Field
	Values   []Observed
	Used     string
	Rule     string // why Used was chosen, or what was done
	// Severity of a conflict: SeverityMinor when the values differ by more
	// than the precision they were written with but within the merge
	// tolerance, SeverityMaterial beyond it; "" for other kinds.
	Severity string
}

// Severities of a conflict.
const (
	SeverityMinor    = "minor"
	SeverityMaterial = "material"
)

// Result of Reconcile.
type Result struct {
	Shipments     []Shipment
	Discrepancies []Discrepancy
	// ShipmentOf gives each record's shipment index, -1 when none.
	ShipmentOf []int32
	// DuplicateOf gives, for an exact duplicate, the record it repeats;
	// -1 otherwise.
	DuplicateOf []int32
	Duplicates  int // exact duplicate rows, counted once
	Merged      int // shipments made of more than one source row
	// MergeWarnings lists the user's merges of rows whose identifiers of
	// one kind differ (two declaration numbers, two bills of lading of
	// one issuer, two containers or invoices): carried out as decided,
	// but usually a mistake, so the reader is told.
	MergeWarnings []string
	// ties lists, per row and other source, the candidates that fit it
	// equally, which clearTiedEdges left apart: Possible duplicates says
	// so.
	ties map[rowSrc][]int32
	// containerWhy gives, for each row of a group of container lines
	// left apart (one value and one weight on every row: per container
	// or per B/L cannot be told), what Possible duplicates says.
	containerWhy map[int32]string
	// lineOf and agg are the reconciler's container lines (containers.go),
	// kept so Possible duplicates compares a group as the rules did.
	lineOf []int32
	agg    map[int32]*reconcile.Record
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
