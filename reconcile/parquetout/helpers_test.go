package parquetout

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
	"tradecheck/samples"
)

// figure is one line of the Summary or Totals sheet: the table it is in
// ("summary:consignee", "totals:route", …), its key and its figures.
type figure struct {
	Table     string
	Key       string
	Shipments int
	Tonnes    float64
	ValueUSD  float64
}

func sampleFiles(t testing.TB) []string {
	var m []string
	for _, s := range samples.Sources {
		m = append(m, filepath.Join("..", "..", "samples", s))
	}
	sort.Strings(m)
	return m
}

// runSamples reconciles the samples with one shipment excluded and one
// name decision, so every fate and both decision kinds occur, and
// screens them against the samples' list.
func runSamples(t testing.TB) *pipeline.Result {
	t.Helper()
	p := pipeline.NewProject(sampleFiles(t)...)
	p.Lists = []string{filepath.Join("..", "..", "samples", samples.List)}
	res, err := pipeline.Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Fatalf("reading a sample failed: %v", e)
	}
	ex := merge.RowKey(res.Records[0].Source)
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p.ShipmentDecisions = append(p.ShipmentDecisions, merge.Decision{Op: merge.OpExclude, Row: ex, Reason: "test exclusion", Time: when},
		merge.Decision{Op: merge.OpExclude, Row: "nosuch.csv:9", Time: when})
	m := res.Names.Mentions[0]
	p.Decisions = append(p.Decisions, match.Decision{Op: match.OpRename, Name: m.Name, Role: m.Role, TaxID: m.TaxID, Target: "Renamed Firm", Time: when},
		match.Decision{Op: match.OpSplit, Name: "No Such Firm", Role: match.Consignee, Time: when})
	res, err = res.Recluster(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// writeSamples writes the samples' Parquet files (small row groups, so
// several are written) and audit workbook into a temp folder.
func writeSamples(t testing.TB) (res *pipeline.Result, dir, xlsx string) {
	t.Helper()
	res = runSamples(t)
	dir = t.TempDir()
	if err := Write(context.Background(), res, dir, Options{RowGroupRows: 100}); err != nil {
		t.Fatal(err)
	}
	xlsx = filepath.Join(t.TempDir(), "audit.xlsx")
	if err := pipeline.WriteWorkbook(context.Background(), res, xlsx, nil); err != nil {
		t.Fatal(err)
	}
	return res, dir, xlsx
}

// workbookFigures reads the Summary and Totals sheets' cached values.
func workbookFigures(t testing.TB, path string) []figure {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw := excelize.Options{RawCellValue: true}
	var out []figure
	parse := func(table string, cells []string) {
		if len(cells) < 5 {
			t.Fatalf("%s row too short: %q", table, cells)
		}
		n, err1 := strconv.Atoi(cells[len(cells)-3])
		tn, err2 := strconv.ParseFloat(cells[len(cells)-2], 64)
		usd, err3 := strconv.ParseFloat(cells[len(cells)-1], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("%s row %q: figures do not parse", table, cells)
		}
		out = append(out, figure{table, cells[0], n, tn, usd})
	}
	rows, err := f.GetRows(workbook.SheetSummary, raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		if len(r) < 6 || r[2] == "" { // the notes below the table
			continue
		}
		parse("summary:"+r[2], r[:6])
	}
	titles := map[string]totals.GroupBy{}
	for _, g := range pipeline.TotalsSheetGroups {
		titles[workbook.TotalsTitle(g)] = g
	}
	rows, err = f.GetRows(workbook.SheetTotals, raw)
	if err != nil {
		t.Fatal(err)
	}
	table := ""
	for _, r := range rows {
		switch {
		case len(r) == 0:
		case len(r) == 1:
			if g, ok := titles[r[0]]; ok {
				table = "totals:" + string(g)
			}
		case r[0] == "Total" && table == "totals:"+string(pipeline.TotalsSheetGroups[0]):
			// Every table's Total row is the same figure: all counted shipments.
			parse("total", append([]string{"all"}, r[1:5]...))
		case r[0] == workbook.TotalsHeader[0] || r[0] == "Total" || table == "":
		default:
			parse(table, r[:5])
		}
	}
	if len(out) == 0 {
		t.Fatal("no figures in the workbook")
	}
	return out
}

// goFigures recomputes the Summary and Totals tables from
// shipments.parquet read back with parquet-go: the same grouping the SQL
// file does.
func goFigures(t testing.TB, dir string) []figure {
	t.Helper()
	shs, err := parquet.ReadFile[Shipment](filepath.Join(dir, ShipmentsFile))
	if err != nil {
		t.Fatal(err)
	}
	idx := map[[2]string]*figure{}
	var order [][2]string
	seen := map[[3]string]bool{} // consignments counted per table and key
	add := func(table, key string, s *Shipment) {
		k := [2]string{table, key}
		f := idx[k]
		if f == nil {
			f = &figure{Table: table, Key: key}
			idx[k] = f
			order = append(order, k)
		}
		unit := s.Consignment
		if unit == "" {
			unit = s.ID
		}
		if s.Granularity == string(reconcile.GranularityShipment) && !seen[[3]string{table, key, unit}] {
			seen[[3]string{table, key, unit}] = true
			f.Shipments++
		}
		if s.Tonnes != nil {
			f.Tonnes += *s.Tonnes
		}
		if s.ValueUSD != nil {
			f.ValueUSD += *s.ValueUSD
		}
	}
	for i := range shs {
		s := &shs[i]
		if !s.Counted {
			continue
		}
		add("total", "all", s)
		if s.ConsigneeEntityID != "" {
			add("summary:consignee", s.ConsigneeEntityID, s)
		}
		if s.ShipperEntityID != "" {
			add("summary:shipper", s.ShipperEntityID, s)
		}
		for _, g := range []struct {
			by  totals.GroupBy
			key string
		}{{totals.ByRoute, s.RouteKey}, {totals.ByOrigin, s.OriginKey}, {totals.ByDispatch, s.DispatchKey},
			{totals.ByDestination, s.DestinationKey}, {totals.ByHSChapter, s.HS2Key}, {totals.ByHSHeading, s.HS4Key}, {totals.ByMonth, s.MonthKey}, {totals.ByCHPLTier, s.CHPLKey}} {
			add("totals:"+string(g.by), g.key, s)
		}
	}
	out := make([]figure, 0, len(order))
	for _, k := range order {
		out = append(out, *idx[k])
	}
	return out
}

// sameFigures compares two sets of figures regardless of order; sums may
// differ in the last bits because they are added in another order.
func sameFigures(t *testing.T, got, want []figure) {
	t.Helper()
	key := func(f figure) string { return f.Table + "|" + f.Key }
	w := map[string]figure{}
	for _, f := range want {
		w[key(f)] = f
	}
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b))) }
	seen := map[string]bool{}
	var bad []string
	for _, g := range got {
		k := key(g)
		seen[k] = true
		x, ok := w[k]
		switch {
		case !ok:
			bad = append(bad, "extra "+fmt.Sprint(g))
		case g.Shipments != x.Shipments || !close(g.Tonnes, x.Tonnes) || !close(g.ValueUSD, x.ValueUSD):
			bad = append(bad, fmt.Sprintf("%s: got %d / %g t / %g USD, want %d / %g t / %g USD", k, g.Shipments, g.Tonnes, g.ValueUSD, x.Shipments, x.Tonnes, x.ValueUSD))
		}
	}
	for _, f := range want {
		if !seen[key(f)] {
			bad = append(bad, "missing "+fmt.Sprint(f))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		t.Fatalf("%d of %d figures differ:\n%s", len(bad), len(want), strings.Join(bad, "\n"))
	}
}
