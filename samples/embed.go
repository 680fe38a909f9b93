// Package samples bundles Tradecheck's synthetic sample data, so "Try the
// sample data" works from an installed binary with no files beside it.
//
// The data is illustrative, not real customs records: see README.md in
// this folder. The files are written by the generator in samples/gen
// (go run ./samples/gen); expected.json holds the figures a correct
// reconciliation produces from them.
package samples

import "embed"

// FS holds the sample sources, the claims and the expected figures.
//
//go:embed *.xlsx *.csv README.md EXPECTED.md expected.json
var FS embed.FS

// Sources are the shipment sources in FS, one per layout: the English
// aggregator export, the Russian declaration export, the semicolon CSV
// and the bill-of-lading feed.
var Sources = []string{
	"aggregator_export_2022_ILLUSTRATIVE.xlsx",
	"ru_declarations_2022_ILLUSTRATIVE.xlsx",
	"mirror_exports_tonnes_ILLUSTRATIVE.csv",
	"bill_of_lading_feed_2022_ILLUSTRATIVE.csv",
}

// Claims is the claims table in FS (samples/claims.csv): the story's
// claims and some the data contradicts or cannot support.
const Claims = "claims.csv"

// List is the sample sanctions list in FS: fictional entries in
// OpenSanctions' targets.simple.csv layout, naming two of the samples'
// invented firms, so the demo shows hits.
const List = "sanctions_list_fictional_ILLUSTRATIVE_list.csv"

// Expected is the JSON file in FS with the expected figures and verdicts.
const Expected = "expected.json"
