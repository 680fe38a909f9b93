// Package workbook writes Tradecheck's audit workbook and reads an
// exported (possibly hand-edited) one back.
//
// The workbook is written with excelize's StreamWriter, so memory stays
// flat however many rows the sources hold. Sheets, in order:
//
//	Summary        one row per entity and role; COUNTIFS/SUMIFS formulas over
//	               Shipments with cached values, and a bar chart of the top
//	               consignees by tonnes
//	Totals         route, origin, dispatch, destination, HS and month tables
//	Shipments      one row per reconciled shipment, linked to its first source row
//	Entities       one row per name as written; Entity ID and Decision are editable
//	Review         grey-zone name pairs; Decision is editable
//	Screening      only when parties were screened against sanctions lists:
//	               every hit with its reasons; Decision is editable
//	Discrepancies  conflicts between sources, unparsed values, values without USD
//	Possible duplicates  pairs of shipments not merged that look alike; Decision is editable
//	Sources        path, SHA-256, citation, date range, rows read and skipped, mapping;
//	               below, the overlap of every pair of sources
//	Rates          the currency rates used
//	Claims         the verdict on each claim (Data.Claims), its Computed figure a
//	               formula over Shipments, and the shipments behind it
//	Method         version, run time, every parameter, the method text and the
//	               decision log
//	<one per source sheet>  every input row once, with Shipment ID and Fate
//
// Text from the sources is always written as a string cell, never as a
// formula, so a name such as "=HYPERLINK(…)" or "@SUM(1)" stays text.
// Formulas only ever reference cells or use keys Tradecheck made.
//
// The document core property Category is set to Marker; the reader refuses
// such a file as a source and Read takes it back as a project.
package workbook

import "tradecheck/reconcile/claims"

// Marker is the core property Category of every audit workbook.
const Marker = "Tradecheck audit workbook"

// Fixed sheet names.
const (
	SheetSummary       = "Summary"
	SheetTotals        = "Totals"
	SheetShipments     = "Shipments"
	SheetEntities      = "Entities"
	SheetReview        = "Review"
	SheetDiscrepancies = "Discrepancies"
	SheetDuplicates    = "Possible duplicates"
	SheetSources       = "Sources"
	SheetRates         = "Rates"
	SheetClaims        = claims.SheetName
	SheetMethod        = "Method"
)

// FixedSheets lists the fixed sheets in workbook order.
var FixedSheets = []string{SheetSummary, SheetTotals, SheetMonthly, SheetShipments, SheetEntities, SheetReview,
	SheetDiscrepancies, SheetDuplicates, SheetSources, SheetRates, SheetClaims, SheetMethod}

// Column headers of each fixed sheet. Tests and the reader use them.
var (
	SummaryHeader = []string{"Entity ID", "Entity", "Role", "Shipments", "Tonnes", "Value USD", "Sources", "Listed"}

	ShipmentsHeader = []string{"Shipment ID", "Date", "Consignee entity", "Consignee", "Shipper entity", "Shipper",
		"Origin", "Dispatch", "Destination", "HS code", "Description", "Net kg", "Gross kg", "Tonnes", "Value USD",
		"Sources", "Status",
		// Helper columns: entity IDs and keys the formulas use. Origin,
		// Dispatch and Destination are keys themselves (ISO code or
		// "(unknown)").
		"Consignee entity ID", "Shipper entity ID", "Counted", "Granularity", "Month key", "HS2 key", "HS4 key",
		"HS6 key", "Route key",
		// Detail.
		"Tonnes basis", "USD basis", "Quantity", "Quantity unit", "Value", "Currency", "Declaration", "Item",
		"Merge reasons", "Duplicates", "CHPL tier",
		// The user's decisions about the shipment; a command typed here
		// (see DecisionCommands) is read back by --decisions.
		"Decision"}

	EntitiesHeader = []string{"Entity ID", "Canonical name", "Name as written", "Role", "Shipments", "Sources",
		"Match reason", "Decision", "Tax ID", "Exported entity ID", "Listed"}

	ReviewHeader = []string{"Name A", "Role A", "Entity A", "Name B", "Role B", "Entity B", "Score", "Reasons", "Decision"}

	DiscrepanciesHeader = []string{"Shipment ID", "Kind", "Field", "Values", "Used", "Rule"}

	SourcesHeader = []string{"File", "Sheet", "Path", "SHA-256", "Vendor", "Retrieved", "Note", "Date from", "Date to",
		"Header row", "Rows read", "Rows skipped", "Skipped by reason", "Mapping", "Granularity", "Output sheet",
		"Error", "Warnings", "Checks", "User mapping (JSON)", UserFlowHeader}

	// UserFlowHeader heads the Sources column with the trade flow the
	// user set for the sheet ("export:TR", "import", ":TR" for the
	// declaring country alone; empty when the file's own statement
	// decided), which --decisions replays like the user mapping.
	UserFlowHeader = "User trade flow"

	RatesHeader = []string{"Currency", "Month", "USD per unit", "Note", "Shipments converted"}

	MethodHeader = []string{"Parameter", "Value", "Meaning"}

	DecisionsHeader = []string{"Kind", "Op", "Name", "Role", "Tax ID", "Other", "Other role", "Target", "Row", "Time", "Note",
		"SHA-256", "Other SHA-256"}

	// DuplicatesHeader heads the Possible duplicates sheet; Decision is
	// editable ("merge" or "apart").
	DuplicatesHeader = []string{"Score", "Shipment A", "Shipment B", "Date A", "Date B", "Consignee entity", "HS-6",
		"Tonnes A", "Tonnes B", "Sources A", "Sources B", "Why alike", "Why not merged", "Row A", "Row B", "Decision"}

	// OverlapHeader heads the overlap table below the sources on the
	// Sources sheet.
	OverlapHeader = []string{"Source A", "Source B", "Period from", "Period to", "Rows A in common", "Rows B in common",
		"Merged", "Look-alike rows not merged", "Possible duplicates", "Warning"}

	// TotalsHeader heads each table on the Totals sheet.
	TotalsHeader = []string{"Key", "Group", "Shipments", "Tonnes", "Value USD"}

	// SourceSheetLead are the columns before a source's own columns on its
	// per-source sheet.
	SourceSheetLead = []string{"Source row", "Shipment ID", "Fate"}
)

// OverlapTitle starts the overlap table on the Sources sheet.
const OverlapTitle = "Overlap between sources"

// DecisionsTitle starts the decision log on the Method sheet.
const DecisionsTitle = "Decision log"
