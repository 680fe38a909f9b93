// Package totals turns reconciled shipments into the figures a
// fact-checker quotes: number of shipments, tonnes, value in USD and
// quantity per unit, grouped by entity, country, route, HS code or month,
// after filters. Every group lists the shipments behind it.
//
// Tonnes are net by default; where net is missing gross is used and the
// shipment is flagged, unless the user chose gross throughout. Values are
// USD as a source gave them, or converted with a rate the user supplied for
// that currency and month; any other value is left out of the value total
// and counted, never guessed.
package totals

import ()

// Rate converts one currency to USD for one month.
type Rate struct {
	Currency string  `json:"currency"` // ISO 4217
	Month    string  `json:"month"`    // "2022-06"; "" applies to every month without its own rate
	ToUSD    float64 `json:"to_usd"`   // USD per one unit of Currency
	Note     string  `json:"note,omitempty"`
}

// GroupBy names a grouping.
type GroupBy string

// Groupings.
const (
	ByNone        GroupBy = ""
	ByConsignee   GroupBy = "consignee"
	ByShipper     GroupBy = "shipper"
	ByOrigin      GroupBy = "origin"
	ByDispatch    GroupBy = "dispatch"
	ByDestination GroupBy = "destination"
	ByRoute       GroupBy = "route" // origin → dispatch → destination
	ByHSChapter   GroupBy = "hs2"
	ByHSHeading   GroupBy = "hs4"
	ByHSSub       GroupBy = "hs6"
	ByMonth       GroupBy = "month"
	ByCHPLTier    GroupBy = "chpl" // Common High Priority List tier of the HS code
)

// GroupBys lists every grouping for pickers, in display order.
var GroupBys = []GroupBy{ByConsignee, ByShipper, ByOrigin, ByDispatch, ByDestination, ByRoute, ByHSChapter, ByHSHeading, ByHSSub, ByMonth, ByCHPLTier}

// Weight bases (pipeline.Params.Weight, the CLI's --weight): net weight,
// gross where net is missing (flagged); or gross weight throughout.
const (
	WeightNet   = "net"
	WeightGross = "gross"
)

// Measures are the figures of one group.
type Measures struct {
	// Shipments counts shipment-level consignments: goods items of one
	// declaration (or bill of lading) are one shipment, as a reporter
	// counts them (merge.Shipment.Consignment). Items counts the
	// shipment-level rows behind them (the Shipments sheet's rows), which
	// the weights and values add up; they differ only where a
	// declaration has several goods items.
	Shipments     int
	Items         int
	AggregateRows int     // monthly aggregate lines included
	Tonnes        float64 // metric tonnes
	GrossFallback int     // shipments whose tonnes are gross because net is missing
	NoWeight      int     // shipments left out of Tonnes
	ValueUSD      float64
	Converted     int // shipments whose USD comes from a user rate
	NoUSD         int // shipments with a value but no USD equivalent (left out)
	// NoUSDCur counts NoUSD by the value's currency ("" when unknown).
	NoUSDCur   map[string]int
	NoValue    int // shipments without any value
	Quantity   map[string]float64
	NoQuantity int
}

// Group is one row of a totals table.
type Group struct {
	Key   string // stable: entity ID, ISO code, HS digits, "2022-06", "CN>TR>RU"
	Label string // for display
	Measures
	Shipments []int32 // indexes into the shipment slice: the rows behind the figures
}

// Table is a grouped total.
type Table struct {
	By     GroupBy
	Filter Filter
	Groups []Group // by tonnes descending, then key
	Total  Measures
	Notes  []string // what a reader must know: granularity mix, fallbacks, values left out
}

// unknownKey is the key and label of missing group values. It holds no
// COUNTIFS wildcard or operator, so it can be used as a criterion.
const unknownKey = "(unknown)"
