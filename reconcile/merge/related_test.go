package merge

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// Entities 2 and 12 are one shipper written in two scripts (a cross-
// script review pair of the name matcher); 3 and 13 two look-alike names
// in one script; 1 and 11 one consignee in two scripts; 4 is related to
// 2 and to 14 (two steps from 14 to 2).
var testRelations = []Relation{
	{A: 12, B: 2, CrossScript: true, NameA: "СКАЙЛАЙН ДРОНС ФЗКО", NameB: "SKYLINE DRONES FZ-CO", Why: "sounds alike when read back from Cyrillic"},
	{A: 13, B: 3, NameA: "TEKHKRIM LLC", NameB: "TEKHKRIM TRADING FZE", Why: "Jaro-Winkler 0.90"},
	{A: 11, B: 1, CrossScript: true, NameA: "ООО «Судостроительный комплекс «Звезда»»", NameB: "SHIPBUILDING COMPLEX ZVEZDA LLC", Why: "same words in translation"},
	{A: 4, B: 2, CrossScript: true, NameA: "CHINA NORTH INDUSTRIES CORP.", NameB: "SKYLINE DRONES FZ-CO", Why: "test"},
	{A: 4, B: 14, CrossScript: true, NameA: "CHINA NORTH INDUSTRIES CORP.", NameB: "中国北方工业有限公司", Why: "test"},
}

func TestNamesInReview(t *testing.T) {
	t.Parallel()
	decl := row{src: 0, cons: 1, ship: 12, decl: "10009100/120123/0001592", item: "1", date: "2023-01-12", hs: "880730", net: 420, gross: 455, usd: 88000}
	bl := row{src: 2, cons: 1, ship: 2, bl: "MEDU813128006", date: "2023-01-08", hs: "880730", gross: 455}
	with := func(r row, f func(*row)) row { f(&r); return r }
	tests := []struct {
		name   string
		rows   []row
		export bool // source 1 is an export register
		want   string
		dupes  int
		reason string // part of the merge reason (merged) or of Why not merged (listed)
	}{
		{"a declaration and a B/L row, shipper in two scripts: one shipment", []row{decl, bl}, false, "0+1", 0,
			"shipper names СКАЙЛАЙН ДРОНС ФЗКО / SKYLINE DRONES FZ-CO are different entities that the name matcher relates"},
		{"consignee in two scripts: one shipment", []row{decl, with(bl, func(r *row) { r.cons, r.ship = 11, 12 })}, false, "0+1", 0,
			"consignee names ООО «Судостроительный комплекс «Звезда»» / SHIPBUILDING COMPLEX ZVEZDA LLC"},
		{"look-alike names in one script: apart, listed", []row{with(decl, func(r *row) { r.ship = 13 }), with(bl, func(r *row) { r.ship = 3 })}, false, "0 1", 1,
			"the shippers TEKHKRIM LLC / TEKHKRIM TRADING FZE are different entities that the name matcher relates (Jaro-Winkler 0.90)"},
		{"names related in two steps: apart, listed", []row{with(decl, func(r *row) { r.ship = 14 }), bl}, false, "0 1", 1,
			"each related by the name matcher to CHINA NORTH INDUSTRIES CORP."},
		{"unrelated shippers: apart", []row{with(decl, func(r *row) { r.ship = 5 }), bl}, false, "0 1", 1, "the shippers are different entities"},
		{"two declarations of one day and weight fit the B/L row: none merges, both listed",
			[]row{decl, with(decl, func(r *row) { r.decl = "10009100/120123/0001593" }), bl}, false, "0 1 2", 2,
			"each row is the other's only candidate in its source"},
		{"weights 3% apart: apart, listed", []row{decl, with(bl, func(r *row) { r.gross = 469 })}, false, "0 1", 1, "beyond the 1% tolerance"},
		{"B/L 11 days before the declaration: apart, listed", []row{decl, with(bl, func(r *row) { r.date = "2023-01-01" })}, false, "0 1", 1, "beyond the ±3-day window"},
		{"other HS-6: apart", []row{decl, with(bl, func(r *row) { r.hs = "880740" })}, false, "0 1", 0, ""},
		{"different declaration numbers: apart", []row{decl, with(decl, func(r *row) { r.src, r.ship, r.decl = 1, 2, "10009100/120123/0009999" })}, false, "0 1", 0, ""},
		{"an export declaration whose exporter is written in another script: one shipment",
			[]row{decl, with(decl, func(r *row) {
				r.src, r.ship, r.decl, r.item, r.date, r.gross = 1, 2, "53002023256418835", "", "2022-12-22", 0
			})}, true, "0+1", 0,
			"shipper names СКАЙЛАЙН ДРОНС ФЗКО / SKYLINE DRONES FZ-CO"},
		{"a B/L row without weight within the B/L window: apart, listed", []row{decl, with(bl, func(r *row) { r.gross = 0 })}, false, "0 1", 1,
			"one has no usable weight"},
		{"a B/L row without weight past the B/L window: apart", []row{decl, with(bl, func(r *row) { r.gross, r.date = 0, "2022-12-31" })}, false, "0 1", 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			in.Related = testRelations
			if tc.export {
				in.Sources[1].Flow = reconcile.FlowExport
			}
			res, d := dupes(t, in, nil)
			if got := groups(res); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			if len(d.Pairs) != tc.dupes {
				t.Fatalf("%d possible duplicates, want %d: %+v", len(d.Pairs), tc.dupes, d.Pairs)
			}
			var text string
			if tc.dupes > 0 {
				text = strings.Join(d.Pairs[0].NotMerged, "; ")
			} else {
				for _, sh := range res.Shipments {
					if len(sh.Rows) > 1 {
						text = strings.Join(sh.Reasons, "; ")
					}
				}
			}
			if !strings.Contains(text, tc.reason) {
				t.Errorf("reason %q, want it to contain %q", text, tc.reason)
			}
		})
	}
}
