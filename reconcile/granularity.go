package reconcile

// Granularity says whether a source sheet lists shipments or monthly
// aggregates. The reader detects it, the user may set it per sheet, and
// merge never merges a monthly aggregate line with shipment-level rows.
type Granularity string

// Granularities. GranularityAuto is only ever a user's setting: the
// sheet's granularity is then decided from the data (month-only dates and
// no declaration numbers: monthly).
const (
	GranularityAuto     Granularity = ""
	GranularityShipment Granularity = "shipment" // one row per shipment or declaration item
	GranularityMonthly  Granularity = "monthly"  // vendor "Short" exports: one row per party, product and month
)
