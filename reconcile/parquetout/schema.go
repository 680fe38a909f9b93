// Package parquetout writes a reconciliation as Parquet files for engines
// that scale past one laptop (DuckDB, Spark, Polars): records.parquet
// (every input row with provenance, fate and entity IDs), shipments.parquet
// (the reconciled shipments with the keys the Totals use), entities.parquet,
// decisions.parquet, and the Review material: screening.parquet (the
// sanctions screening hits) and possible_duplicates.parquet (pairs of
// shipments not merged that look alike).
//
// Rows are produced one at a time from the pipeline's Result and written in
// row groups of RowGroupRows as they come, so the export adds a fixed
// amount of memory however many rows there are. Every file is written to a
// temporary file and renamed into place. The schema is versioned
// (SchemaVersion, stored in each file's key-value metadata as
// tradecheck.schema_version); columns may be added within a version, never
// renamed or removed.
package parquetout

import "time"

// SchemaVersion is the version of the four files' schema. Bump it when a
// column is renamed, removed or changes meaning.
const SchemaVersion = "1"

// File names written into the output folder.
const (
	RecordsFile   = "records.parquet"
	ShipmentsFile = "shipments.parquet"
	EntitiesFile  = "entities.parquet"
	DecisionsFile = "decisions.parquet"
	ScreeningFile = "screening.parquet"
	DupesFile     = "possible_duplicates.parquet"
)

// outFiles are every file Write and WriteStream write.
var outFiles = []string{RecordsFile, ShipmentsFile, EntitiesFile, DecisionsFile, ScreeningFile, DupesFile}

// Fates of an input row in records.parquet. FateDetail says more.
const (
	FateCounted    = "counted"    // the row is (part of) a counted shipment
	FateDuplicate  = "duplicate"  // exact duplicate of a row of the same source: counted once
	FateExcluded   = "excluded"   // its shipment was excluded by the user
	FateSuperseded = "superseded" // monthly aggregate covered by shipment-level data
	FateNoShipment = "no_shipment"
	FateSkipped    = "skipped" // not read into a record: FateDetail gives the reason
	FateHeader     = "header"  // the table's header row
)

// Record is one row of records.parquet: one input row. Rows that were
// skipped keep provenance and fate only. Strings that repeat (files,
// names, countries, units, entity IDs) are dictionary-encoded; identifiers
// that are nearly unique per row (row keys, shipment, declaration, B/L,
// container and invoice numbers) are not, since a dictionary as large as
// the column only costs time. Numbers that were missing or did not parse
// are null (their text is in Flags).
type Record struct {
	File   string `parquet:"file,dict"` // path as given
	SHA256 string `parquet:"sha256,dict"`
	Sheet  string `parquet:"sheet,dict"` // "" for CSV
	Row    int32  `parquet:"row"`        // 1-based, as Excel shows it
	RowKey string `parquet:"row_key"`    // file.xlsx!Sheet:12, the key shipment decisions use

	Fate       string `parquet:"fate,dict"`
	FateDetail string `parquet:"fate_detail,dict"`
	ShipmentID string `parquet:"shipment_id"`

	Date          *int32 `parquet:"date,optional,date"`  // DATE (days since 1970-01-01; parquet-go writes *time.Time dates wrong); first day of the month at month precision
	DatePrecision string `parquet:"date_precision,dict"` // "day", "month" or ""
	DeclarationID string `parquet:"declaration_id"`
	ItemNo        string `parquet:"item_no,dict"`
	BillOfLading  string `parquet:"bill_of_lading"`
	Container     string `parquet:"container"`
	Invoice       string `parquet:"invoice"`

	Consignee         string `parquet:"consignee,dict"`     // first name as written
	ConsigneeAlt      string `parquet:"consignee_alt,dict"` // other spellings on the row (an _EN column), " | "-joined
	ConsigneeTaxID    string `parquet:"consignee_tax_id,dict"`
	ConsigneeKPP      string `parquet:"consignee_kpp,dict"`
	ConsigneeCountry  string `parquet:"consignee_country,dict"`
	ConsigneeEntityID string `parquet:"consignee_entity_id,dict"`
	Shipper           string `parquet:"shipper,dict"`
	ShipperAlt        string `parquet:"shipper_alt,dict"`
	ShipperTaxID      string `parquet:"shipper_tax_id,dict"`
	ShipperKPP        string `parquet:"shipper_kpp,dict"`
	ShipperCountry    string `parquet:"shipper_country,dict"`
	ShipperEntityID   string `parquet:"shipper_entity_id,dict"`

	OriginCountry      string `parquet:"origin_country,dict"`
	DispatchCountry    string `parquet:"dispatch_country,dict"`
	DestinationCountry string `parquet:"destination_country,dict"`
	HSCode             string `parquet:"hs_code,dict"`
	Description        string `parquet:"description,dict"`

	Quantity     *float64 `parquet:"quantity,optional"`
	QuantityUnit string   `parquet:"quantity_unit,dict"`
	NetKg        *float64 `parquet:"net_kg,optional"`
	GrossKg      *float64 `parquet:"gross_kg,optional"`
	Value        *float64 `parquet:"value,optional"`
	Currency     string   `parquet:"currency,dict"`
	ValueUSD     *float64 `parquet:"value_usd,optional"`

	Flags []string `parquet:"flags,list"` // field: code ("raw"): detail
}

// Shipment is one row of shipments.parquet. The key columns hold exactly
// the keys of the workbook's Shipments sheet, so SQL grouping by them
// reproduces the Summary and Totals sheets; Tonnes and ValueUSD are the
// measures the totals add up (null when left out, with the basis saying
// why).
type Shipment struct {
	ID            string `parquet:"shipment_id"`
	Date          *int32 `parquet:"date,optional,date"`
	DatePrecision string `parquet:"date_precision,dict"`

	ConsigneeEntityID string `parquet:"consignee_entity_id,dict"` // "" when unknown
	ConsigneeEntity   string `parquet:"consignee_entity,dict"`    // canonical name
	Consignee         string `parquet:"consignee,dict"`           // as written on the preferred row
	ShipperEntityID   string `parquet:"shipper_entity_id,dict"`
	ShipperEntity     string `parquet:"shipper_entity,dict"`
	Shipper           string `parquet:"shipper,dict"`

	Origin      string `parquet:"origin,dict"` // ISO 3166 alpha-2, "" unknown
	Dispatch    string `parquet:"dispatch,dict"`
	Destination string `parquet:"destination,dict"`
	HSCode      string `parquet:"hs_code,dict"`
	Description string `parquet:"description,dict"`

	NetKg        *float64 `parquet:"net_kg,optional"`
	GrossKg      *float64 `parquet:"gross_kg,optional"`
	Tonnes       *float64 `parquet:"tonnes,optional"`
	TonnesBasis  string   `parquet:"tonnes_basis,dict"`
	ValueUSD     *float64 `parquet:"value_usd,optional"`
	USDBasis     string   `parquet:"usd_basis,dict"`
	Value        *float64 `parquet:"value,optional"`
	Currency     string   `parquet:"currency,dict"`
	Quantity     *float64 `parquet:"quantity,optional"`
	QuantityUnit string   `parquet:"quantity_unit,dict"`

	DeclarationID string `parquet:"declaration_id"`
	ItemNo        string `parquet:"item_no,dict"`
	// Consignment is the key goods items of one declaration (or rows of
	// one bill of lading) share: a shipment count counts each once,
	// shipment_id where it is "" (merge.Shipment.Consignment; opaque).
	Consignment string `parquet:"consignment"`

	Counted     bool   `parquet:"counted"`          // enters default totals
	Granularity string `parquet:"granularity,dict"` // "shipment" or "monthly"
	Status      string `parquet:"status,dict"`
	Excluded    bool   `parquet:"excluded"`
	Superseded  bool   `parquet:"superseded"`

	// Keys, as on the Shipments sheet: "(unknown)" for gaps.
	OriginKey      string `parquet:"origin_key,dict"`
	DispatchKey    string `parquet:"dispatch_key,dict"`
	DestinationKey string `parquet:"destination_key,dict"`
	RouteKey       string `parquet:"route_key,dict"` // CN>TR>RU
	HS2Key         string `parquet:"hs2_key,dict"`   // HS84
	HS4Key         string `parquet:"hs4_key,dict"`
	HS6Key         string `parquet:"hs6_key,dict"`
	MonthKey       string `parquet:"month_key,dict"` // M2022-06
	CHPLKey        string `parquet:"chpl_key,dict"`  // Common High Priority List tier, as the Totals sheet keys it

	SourceRows    []string `parquet:"source_rows,list"` // row keys, preferred first
	MergeReasons  []string `parquet:"merge_reasons,list"`
	DuplicateRows []string `parquet:"duplicate_rows,list"`
}

// Entity is one row of entities.parquet: one entity in one role (an
// entity whose names appear as consignee and as shipper has two rows).
type Entity struct {
	ID        string   `parquet:"entity_id,dict"`
	Canonical string   `parquet:"canonical_name,dict"`
	Role      string   `parquet:"role,dict"`
	Names     []string `parquet:"names,list"`   // as written, in member order (core first)
	Reasons   []string `parquet:"reasons,list"` // per name, why it joined
	TaxIDs    []string `parquet:"tax_ids,list"`
	Rows      int64    `parquet:"rows"`           // records naming it in this role
	Decisions []string `parquet:"decisions,list"` // user decisions that name one of its names
	// Listed is the entity's screening status, as the workbook's Listed
	// columns give it: "listed", "review", or "" (no hit that counts or
	// waits, or the run screened nothing).
	Listed string `parquet:"listed,dict"`
}

// ScreenHit is one row of screening.parquet: one name as written that
// hit one list entry, as the workbook's Screening sheet lists them (by
// entity, name, then score). Rejected hits stay, with their status, for
// the audit trail. The file is empty when the run screened nothing; its
// key-value metadata tradecheck.screened and tradecheck.against say how
// many names were screened against how many organisations.
type ScreenHit struct {
	EntityID    string   `parquet:"entity_id,dict"`
	Name        string   `parquet:"name,dict"` // as written
	Role        string   `parquet:"role,dict"`
	TaxID       string   `parquet:"tax_id,dict"` // the mention's own tax ID column
	List        string   `parquet:"list,dict"`
	ListCode    string   `parquet:"list_code,dict"` // source code (opensanctions, ofac …), part of a decision's key
	ListedID    string   `parquet:"listed_id,dict"`
	ListedName  string   `parquet:"listed_name,dict"` // the listed name or alias that matched
	Primary     string   `parquet:"primary_name,dict"`
	Score       float64  `parquet:"score"`
	Reasons     []string `parquet:"reasons,list"`
	Programs    []string `parquet:"programs,list"`
	ListingDate string   `parquet:"listing_date,dict"` // as the list gives it, "" none
	Status      string   `parquet:"status,dict"`       // listed, review, confirmed, rejected
}

// Duplicate is one row of possible_duplicates.parquet: two shipments the
// rules left apart that may be one, best first, as the workbook's
// Possible duplicates sheet lists them (at most merge.MaxDupPairs; the
// key-value metadata tradecheck.more_pairs counts those left off and
// tradecheck.kept_apart the pairs the user kept apart).
type Duplicate struct {
	Rank      int32   `parquet:"rank"` // 1 = most alike
	Score     float64 `parquet:"score"`
	Days      int32   `parquet:"days"` // dates apart
	ShipmentA string  `parquet:"shipment_a"`
	ShipmentB string  `parquet:"shipment_b"`
	DateA     *int32  `parquet:"date_a,optional,date"`
	DateB     *int32  `parquet:"date_b,optional,date"`
	// The consignees are one entity, or two the name matcher relates.
	ConsigneeEntityIDA string   `parquet:"consignee_entity_id_a,dict"`
	ConsigneeEntityA   string   `parquet:"consignee_entity_a,dict"`
	ConsigneeEntityIDB string   `parquet:"consignee_entity_id_b,dict"`
	ConsigneeEntityB   string   `parquet:"consignee_entity_b,dict"`
	HS6                string   `parquet:"hs6,dict"`
	TonnesA            *float64 `parquet:"tonnes_a,optional"`
	TonnesB            *float64 `parquet:"tonnes_b,optional"`
	SourceRowsA        []string `parquet:"source_rows_a,list"` // row keys, preferred first
	SourceRowsB        []string `parquet:"source_rows_b,list"`
	WhyAlike           []string `parquet:"why_alike,list"`
	WhyNotMerged       []string `parquet:"why_not_merged,list"` // which rule kept them apart
}

// Decision is one row of decisions.parquet: a name decision (kind
// "name") or a shipment decision (kind "shipment"), oldest first, as the
// project recorded them. Feeding the project back with --decisions
// reapplies them.
type Decision struct {
	Seq       int32      `parquet:"seq"`
	Kind      string     `parquet:"kind,dict"`
	Op        string     `parquet:"op,dict"`
	Name      string     `parquet:"name,dict"`
	Role      string     `parquet:"role,dict"`
	TaxID     string     `parquet:"tax_id,dict"`
	Other     string     `parquet:"other,dict"`
	OtherRole string     `parquet:"other_role,dict"`
	Target    string     `parquet:"target,dict"`
	Row       string     `parquet:"row,dict"` // shipment decisions: the row key
	Note      string     `parquet:"note,dict"`
	Time      *time.Time `parquet:"time,optional,timestamp(millisecond)"`
	Applied   bool       `parquet:"applied"` // false: it named no mention (name) or no row (shipment) of this run
}
