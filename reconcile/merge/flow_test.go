package merge

import (
	"context"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// Source 2 (c.csv) is an export register in these cases: its rows are the
// exporting country's declarations of goods that sources 0 and 1 (import
// declarations, a B/L feed) record on arrival.
func TestExportImportPairs(t *testing.T) {
	imp := row{src: 0, cons: 1, ship: 2, decl: "10702070/150922/0001234", item: "1", date: "2022-09-15", hs: "930200", net: 1000, gross: 1040, usd: 50000}
	exp := row{src: 2, cons: 1, ship: 2, decl: "22341300EX000123", date: "2022-08-10", hs: "930200", net: 1000, gross: 1040, usd: 45000}
	with := func(r row, f func(*row)) row { f(&r); return r }
	tests := []struct {
		name  string
		rows  []row
		want  string // groups
		dupes int    // Possible duplicates pairs
	}{
		{"one export and one import declaration are one shipment", []row{imp, exp}, "0+1", 0},
		{"the export row joins the shipment an import and a B/L row make",
			[]row{imp, with(imp, func(r *row) { r.src, r.decl, r.item, r.bl, r.date, r.net = 1, "", "", "MAEU123456789", "2022-09-13", 0 }), exp}, "0+1+2", 0},
		{"two export declarations of one register stay two", []row{exp, with(exp, func(r *row) { r.src, r.decl = 2, "22341300EX000124" })}, "0 1", 0},
		{"weights beyond the tolerance: apart, listed", []row{imp, with(exp, func(r *row) { r.net, r.gross = 1030, 1072 })}, "0 1", 1},
		{"exporter unknown on one side: apart, listed", []row{imp, with(exp, func(r *row) { r.ship = -1 })}, "0 1", 1},
		{"different exporters: apart", []row{imp, with(exp, func(r *row) { r.ship = 3 })}, "0 1", 1},
		{"the export 70 days before: apart, listed", []row{imp, with(exp, func(r *row) { r.date = "2022-07-07" })}, "0 1", 1},
		{"the export 10 days after the import: apart, listed", []row{imp, with(exp, func(r *row) { r.date = "2022-09-25" })}, "0 1", 1},
		{"the export 20 days after the import: apart", []row{imp, with(exp, func(r *row) { r.date = "2022-10-05" })}, "0 1", 0},
		{"two import shipments fit one export: none merges, both listed",
			[]row{imp, with(imp, func(r *row) { r.decl, r.date = "10702070/051022/0000007", "2022-10-05" }), exp}, "0 1 2", 2},
		{"two export registers fit one import: none merges, both listed",
			[]row{imp, exp, with(exp, func(r *row) { r.src, r.decl = 1, "TR22341300EX000999" })}, "0 1 2", 2},
		{"without an export source, two declarations stay two", []row{imp, with(exp, func(r *row) { r.src = 1 })}, "0 1", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			in.Sources[2].Flow = reconcile.FlowExport
			if strings.HasPrefix(tc.name, "two export registers") {
				in.Sources[1].Flow = reconcile.FlowExport
			}
			res, d := reconcileAndList(t, in)
			if got := groups(res); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			if len(d.Pairs) != tc.dupes {
				t.Errorf("%d possible duplicates, want %d: %+v", len(d.Pairs), tc.dupes, d.Pairs)
			}
			for _, p := range d.Pairs {
				why := strings.Join(p.NotMerged, "|")
				if !strings.Contains(why, "export") && !strings.Contains(why, "weights") && !strings.Contains(why, "shippers") {
					t.Errorf("the pair's reasons do not name the rule that kept it apart: %q", p.NotMerged)
				}
			}
		})
	}
	t.Run("the merged shipment takes the import's values and shows the export's", func(t *testing.T) {
		in := input([]row{exp, imp})
		in.Sources[2].Flow = reconcile.FlowExport
		res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		sh := res.Shipments[0]
		if got := sh.ValueUSD(in.Records).Value; got != 50000 {
			t.Errorf("value %v, want the import's 50000", got)
		}
		if sh.Date.String() != "2022-09-15" {
			t.Errorf("date %s, want the import's", sh.Date)
		}
		why := strings.Join(sh.Reasons, "|")
		if !strings.Contains(why, "export declaration 22341300EX000123") || !strings.Contains(why, "36 day(s) before the import") || !strings.Contains(why, "FOB") {
			t.Errorf("reasons %q", why)
		}
		var fields []string
		for _, dc := range res.Discrepancies {
			if dc.Kind == KindConflict {
				fields = append(fields, string(dc.Field)+":"+dc.Severity)
			}
		}
		if got := strings.Join(fields, " "); got != "date:minor value_usd:material" {
			t.Errorf("discrepancies %q, want the date (minor) and the value (material)", got)
		}
	})
}

// TestExportImportEvidence: the export rule's checks beyond the pair
// itself — countries, rows naming the firm in a third script, rows alike
// under another shipper name — and what the reasons say of them.
func TestExportImportEvidence(t *testing.T) {
	imp := row{src: 0, cons: 1, ship: 2, decl: "10702070/150922/0001234", item: "1", date: "2022-09-15", hs: "930200", net: 1000, gross: 1040, usd: 50000}
	exp := row{src: 2, cons: 1, ship: 2, decl: "22341300EX000123", date: "2022-08-10", hs: "930200", net: 1000, gross: 1040, usd: 45000}
	with := func(r row, f func(*row)) row { f(&r); return r }
	countries := func(exDispatch, exDest, imDispatch, imDest string) func(*Input) {
		return func(in *Input) {
			for i := range in.Records {
				rec := &in.Records[i]
				if in.SourceOf[i] == 2 {
					rec.DispatchCountry, rec.DestinationCountry = exDispatch, exDest
				} else {
					rec.DispatchCountry, rec.DestinationCountry = imDispatch, imDest
				}
			}
		}
	}
	// Entity 2 is the firm's Latin name, 5 its Chinese name and 6 its
	// Cyrillic name, each a cross-script reading of 2: 5 and 6 are
	// related in two steps only.
	names := func(rel ...Relation) func(*Input) { return func(in *Input) { in.Related = rel } }
	chinese := Relation{A: 5, B: 2, CrossScript: true, NameA: "中国北方工业", NameB: "CHINA NORTH INDUSTRIES", Why: "pinyin"}
	cyrillic := Relation{A: 6, B: 2, CrossScript: true, NameA: "КИТАЙСКАЯ СЕВЕРНАЯ", NameB: "CHINA NORTH INDUSTRIES", Why: "translation"}
	nextMonth := func(r *row) { r.decl, r.date = "10702070/051022/0000007", "2022-10-05" }
	tests := []struct {
		name  string
		rows  []row
		setup func(*Input)
		want  string // groups
		why   string // in the merge reasons, or in a Possible duplicates pair's
	}{
		{"countries alike: one shipment, the reason names them", []row{imp, exp}, countries("CN", "RU", "CN", "RU"), "0+1", "dispatched from CN, destination RU on both declarations"},
		{"unknown countries agree with any", []row{imp, exp}, countries("CN", "", "", "RU"), "0+1", "only export declaration"},
		{"the export declared for Kazakhstan, the import lodged in Russia: apart, listed", []row{imp, exp}, countries("CN", "KZ", "CN", "RU"), "0 1",
			"countries differ: destination KZ on the export, RU on the import"},
		{"goods dispatched from Turkey are not China's export: apart, listed", []row{imp, exp}, countries("CN", "RU", "TR", "RU"), "0 1",
			"countries differ: dispatched from CN on the export, TR on the import"},
		{"a B/L row's countries are its ports': not compared", []row{with(imp, func(r *row) { r.src, r.decl, r.item, r.bl = 1, "", "", "MAEU123456789" }), exp},
			countries("CN", "RU", "IN", "FI"), "0+1", "only export declaration"},
		{"names in review: the Chinese export name and the Latin import name merge", []row{imp, with(exp, func(r *row) { r.ship = 5 })}, names(chinese), "0+1", "中国北方工业"},
		{"a second import row names the firm in Cyrillic (two steps from the export's Chinese name): none merges",
			[]row{imp, with(imp, func(r *row) { nextMonth(r); r.ship = 6 }), with(exp, func(r *row) { r.ship = 5 })}, names(chinese, cyrillic), "0 1 2", "another row also fits"},
		{"the same row with a name the matcher relates to nothing: the export merges",
			[]row{imp, with(imp, func(r *row) { nextMonth(r); r.ship = 6 }), with(exp, func(r *row) { r.ship = 5 })}, names(chinese), "0+2 1", ""},
		{"an import row alike on the day and weight under another shipper: none merges",
			[]row{imp, with(imp, func(r *row) { r.decl, r.ship = "10702070/150922/0001299", 9 }), exp}, nil, "0 1 2", "alike on the day and weight"},
		{"the other shipper's row a week later: the export merges",
			[]row{imp, with(imp, func(r *row) { r.decl, r.date, r.ship = "10702070/220922/0001299", "2022-09-22", 9 }), exp}, nil, "0+2 1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := input(tc.rows)
			in.Sources[2].Flow = reconcile.FlowExport
			if tc.setup != nil {
				tc.setup(&in)
			}
			res, d := reconcileAndList(t, in)
			if got := groups(res); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			var why []string
			for _, sh := range res.Shipments {
				why = append(why, sh.Reasons...)
			}
			for _, p := range d.Pairs {
				why = append(why, p.NotMerged...)
			}
			if !strings.Contains(strings.Join(why, "|"), tc.why) {
				t.Errorf("reasons %q do not say %q", why, tc.why)
			}
		})
	}
}

// reconcileAndList reconciles in with the default options and lists its
// Possible duplicates.
func reconcileAndList(t *testing.T, in Input) (*Result, *Dupes) {
	t.Helper()
	res, err := Reconcile(context.Background(), in, DefaultOptions(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := PossibleDuplicates(context.Background(), in, res, DefaultOptions(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return res, d
}
