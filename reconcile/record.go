package reconcile

import (
	"fmt"
	"strconv"
	"time"
)

// Field is a canonical column of a shipment record.
type Field string

// The canonical fields a source column can map to.
const (
	FieldNone               Field = ""
	FieldDate               Field = "date"
	FieldDeclarationID      Field = "declaration_id" // customs declaration numbers only (ДТ/ГТД, DUA, beyanname, entry)
	FieldBillOfLading       Field = "bill_of_lading" // master or house B/L, air waybill
	FieldContainer          Field = "container"      // ISO 6346 container number
	FieldInvoice            Field = "invoice"        // commercial invoice number
	FieldItemNo             Field = "item_no"
	FieldConsignee          Field = "consignee"
	FieldConsigneeID        Field = "consignee_id"
	FieldConsigneeCountry   Field = "consignee_country"
	FieldShipper            Field = "shipper"
	FieldShipperID          Field = "shipper_id"
	FieldShipperCountry     Field = "shipper_country"
	FieldOriginCountry      Field = "origin_country"
	FieldDispatchCountry    Field = "dispatch_country"
	FieldDestinationCountry Field = "destination_country"
	FieldHSCode             Field = "hs_code"
	FieldDescription        Field = "description"
	FieldQuantity           Field = "quantity"
	FieldQuantityUnit       Field = "quantity_unit"
	FieldNetWeight          Field = "net_weight"
	FieldGrossWeight        Field = "gross_weight"
	FieldValue              Field = "value"
	FieldCurrency           Field = "currency"
	FieldValueUSD           Field = "value_usd"
)

// Fields lists every canonical field in display order.
var Fields = []Field{
	FieldDate, FieldDeclarationID, FieldItemNo,
	FieldBillOfLading, FieldContainer, FieldInvoice,
	FieldConsignee, FieldConsigneeID, FieldConsigneeCountry,
	FieldShipper, FieldShipperID, FieldShipperCountry,
	FieldOriginCountry, FieldDispatchCountry, FieldDestinationCountry,
	FieldHSCode, FieldDescription, FieldQuantity, FieldQuantityUnit,
	FieldNetWeight, FieldGrossWeight, FieldValue, FieldCurrency, FieldValueUSD,
}

// Trade flows a source can state: its declarations are import
// declarations (the destination's customs) or export declarations (the
// dispatching country's). "" is a flow nobody stated.
const (
	FlowImport = "import"
	FlowExport = "export"
)

// Provenance is where a record came from, as Excel shows it: the file's
// path, the sheet name ("" for CSV) and the 1-based row number.
type Provenance struct {
	File  string
	Sheet string
	Row   int
}

// String renders the provenance as file!sheet:row, the form used in the
// audit workbook's Sources columns.
func (p Provenance) String() string {
	if p.Sheet == "" {
		return p.File + ":" + strconv.Itoa(p.Row)
	}
	return p.File + "!" + p.Sheet + ":" + strconv.Itoa(p.Row)
}

// DatePrecision says how much of a Date is known.
type DatePrecision uint8

// Day precision is a full date; Month precision means only the month is
// known (vendor aggregates write "Apr 2023"), and Time holds its first day.
const (
	PrecisionNone DatePrecision = iota
	PrecisionDay
	PrecisionMonth
)

// Date is a parsed date with its precision. The zero Date is unknown.
type Date struct {
	Time      time.Time
	Precision DatePrecision
}

// Known reports whether the date was parsed.
func (d Date) Known() bool { return d.Precision != PrecisionNone }

// String renders ISO 8601: 2022-06-14, or 2022-06 for month precision.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	}
	return ""
}

// Number is a parsed numeric cell. Raw keeps the text as written so that a
// value that failed to parse is never silently zero: Valid is false and the
// record carries a Flag.
type Number struct {
	Value float64
	Valid bool
	Raw   string
}

// Num returns a valid Number.
func Num(v float64) Number { return Number{Value: v, Valid: true} }

// Party is a consignee or shipper as one source row names it. A row can
// name a party twice, in the original script and in an _EN column: both
// are kept, original first.
type Party struct {
	Names   []string // as written, deduplicated, original script first
	TaxID   string   // INN or other tax/registration ID, digits as text
	KPP     string   // Russian KPP (9 digits) when present
	Country string   // ISO 3166 alpha-2
}

// Name returns the first name, or "".
func (p Party) Name() string {
	if len(p.Names) == 0 {
		return ""
	}
	return p.Names[0]
}

// Record is one source row in canonical form. Weights are in kilograms.
type Record struct {
	Source Provenance

	Date          Date
	DeclarationID string // customs declaration number, as written
	ItemNo        string
	// Identifiers of other kinds, as written. Each kind is compared only
	// with its own kind: a bill of lading never equals a declaration.
	BillOfLading string
	Container    string
	Invoice      string

	Consignee Party
	Shipper   Party

	OriginCountry      string // ISO 3166 alpha-2
	DispatchCountry    string
	DestinationCountry string

	HSCode      string // digits as text, leading zeros kept
	Description string

	Quantity     Number
	QuantityUnit string // normalised: "pcs", "pairs", "sets", "kg", "m2", "l", or the raw text when unknown

	NetKg   Number
	GrossKg Number

	Value    Number // in Currency
	Currency string // ISO 4217, or a label that is not one ("у.е.") the user gave a rate for; "" when unknown
	ValueUSD Number

	Flags []Flag
}

// FlagCode names a kind of problem with one value.
type FlagCode string

// Flag codes. Each leaves the value invalid with its raw text kept, except
// where noted.
const (
	FlagUnparsed        FlagCode = "unparsed"         // text that is not a number/date/country
	FlagUnknownUnit     FlagCode = "unknown_unit"     // a weight unit that cannot be converted (value kept, Kept set, when the header states none and kg is assumed)
	FlagUnknownCurrency FlagCode = "unknown_currency" // a value whose currency is not known
	FlagZeroAsMissing   FlagCode = "zero_as_missing"  // a vendor's 0 read as "no value"
	FlagMonthPrecision  FlagCode = "month_precision"  // date known to the month only (value kept)
	FlagFormulaNoValue  FlagCode = "formula_no_value" // formula without cached value that could not be computed
	FlagNegative        FlagCode = "negative"         // negative weight or value
	FlagAmbiguousDate   FlagCode = "ambiguous_date"   // dd/mm vs mm/dd not resolvable for the column
	FlagDamagedID       FlagCode = "damaged_id"       // a tax ID in scientific notation (7.72346E+11): digits lost, never matched
	// FlagUnidentified marks a row with figures but no party, date, HS
	// code or goods: a subtotal the reader could not prove, or a
	// shipment written without its particulars. It is never silently a
	// shipment: the pipeline leaves it out of totals until the user
	// includes it.
	FlagUnidentified FlagCode = "unidentified_row"
	// FlagAmbiguousNumber: "3.471" in a kg column could be 3.471 or 3471
	// and nothing in the file decides; left out until the user sets the
	// column's decimal separator.
	FlagAmbiguousNumber FlagCode = "ambiguous_number"

	// Flags below keep their value (Kept set): the value is read and
	// counted, and the flag says how, so a reader can check it.
	FlagRestoredZero FlagCode = "restored_zero" // an HS code that lost its leading zero got it back (303540000 → 0303540000)
	FlagUnitConflict FlagCode = "unit_conflict" // the cell's own unit or currency differs from the header's; the cell's is used (not kept when it is not a unit of the field)
	FlagHiddenRow    FlagCode = "hidden_row"    // the row is hidden in Excel (by a filter or by hand); read and counted
	// FlagDateFromDeclaration: the date cell was empty or could be read
	// day-first or month-first, and the declaration number's own date
	// (10702070/150922/0001234: registered 15 Sep 2022) was used.
	FlagDateFromDeclaration FlagCode = "date_from_declaration"
	// FlagDestinationFromDeclaration: the row had no destination and its
	// import declaration's own country (the declaring customs) was used:
	// an import declaration is lodged where the goods arrive.
	FlagDestinationFromDeclaration FlagCode = "destination_from_declaration"
	// FlagCustomsValueUsed: the invoice value's currency had no rate, and
	// the row's customs value in national currency, which had one, was
	// used instead (a register with both, read.customsFallback).
	FlagCustomsValueUsed FlagCode = "customs_value_used"
)

// KeptFlag reports whether a flag of this code keeps its value.
func KeptFlag(c FlagCode) bool {
	switch c {
	case FlagRestoredZero, FlagHiddenRow, FlagDateFromDeclaration, FlagDestinationFromDeclaration, FlagCustomsValueUsed:
		return true
	}
	return false
}

// Flag records a problem with one cell of a record.
type Flag struct {
	Field  Field
	Code   FlagCode
	Column int    // 0-based source column, -1 when not tied to one
	Raw    string // the cell as written
	Detail string // human explanation
	// Kept means the value stays valid and is counted, read under the
	// assumption Detail states (a weight column without a unit, read as
	// kg); the flag makes the assumption visible on every record.
	Kept bool
}

func (f Flag) String() string {
	s := fmt.Sprintf("%s: %s", f.Field, f.Code)
	if f.Raw != "" {
		s += fmt.Sprintf(" (%q)", f.Raw)
	}
	if f.Detail != "" {
		s += ": " + f.Detail
	}
	return s
}
