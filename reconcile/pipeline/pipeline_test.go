package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

func TestProjectJSONRoundTrip(t *testing.T) {
	t.Parallel()
	p := NewProject("a.xlsx", "b.csv")
	p.Sources[0].Password = "secret"
	p.Sources[0].Citation = Citation{Vendor: "Vendor X", Retrieved: "2024-03-01"}
	p.Sources[1].Mapping = []ColumnOverride{{Column: 3, Header: "Net, t", ColumnOverride: read.ColumnOverride{Field: reconcile.FieldNetWeight, Unit: "t"}}}
	p.Sources[1].Granularity = map[string]reconcile.Granularity{"": reconcile.GranularityMonthly}
	p.Decisions = []match.Decision{{Op: match.OpSplit, Name: "X", Role: match.Consignee, Time: time.Unix(0, 0).UTC()}}
	p.ShipmentDecisions = []merge.Decision{{Op: merge.OpExclude, Row: "a.xlsx!S:4", Reason: "re-export"}}
	p.Rates = []totals.Rate{{Currency: "RUB", Month: "2022-06", ToUSD: 0.0165}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if bytesContain(b, "secret") {
		t.Error("the password was serialised")
	}
	var q Project
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(&q)
	if string(b) != string(b2) {
		t.Errorf("round trip changed the project:\n%s\n%s", b, b2)
	}
}

func bytesContain(b []byte, s string) bool {
	return len(s) > 0 && string(b) != "" && contains(string(b), s)
}

func contains(a, b string) bool {
	for i := 0; i+len(b) <= len(a); i++ {
		if a[i:i+len(b)] == b {
			return true
		}
	}
	return false
}

func TestRunKeepsOtherSources(t *testing.T) {
	t.Parallel()
	files := sampleFiles(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 truncated"), 0o644)
	var stages []string
	p := NewProject(append([]string{bad, filepath.Join(dir, "missing.csv"), files[0]}, files[0])...)
	res, err := Run(context.Background(), p, func(pr Progress) {
		if len(stages) == 0 || stages[len(stages)-1] != pr.Stage {
			stages = append(stages, pr.Stage)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	errs := res.Errors()
	if len(errs) != 3 {
		t.Fatalf("got %d errors %v, want broken, missing and given twice", len(errs), errs)
	}
	if !errors.Is(errs[0], reconcile.ErrCorrupt) || !errors.Is(errs[1], reconcile.ErrNotFound) {
		t.Errorf("errors: got %v", errs)
	}
	if len(res.Records) == 0 {
		t.Error("the readable source was lost")
	}
	want := []string{StageRead, StageMatch, StageMerge}
	if len(stages) < 3 || stages[0] != want[0] || stages[len(stages)-1] != want[2] {
		t.Errorf("progress stages: got %v, want %v in order", stages, want)
	}
}

func TestRunCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, NewProject(sampleFiles(t)...), nil); !errors.Is(err, reconcile.ErrCanceled) {
		t.Errorf("got %v, want ErrCanceled", err)
	}
}

// TestReclusterEqualsRun: applying a decision without re-reading gives
// the same result as a fresh run with it.
func TestReclusterEqualsRun(t *testing.T) {
	t.Parallel()
	res := runSamples(t)
	var alias match.Mention
	for _, e := range res.Names.Entities {
		if len(e.Members) > 1 {
			alias = res.Names.Mentions[e.Members[1]]
			break
		}
	}
	if alias.Name == "" {
		t.Fatal("no merged entity in the samples")
	}
	p := res.Project
	p.Decisions = append(p.Decisions, match.NewDecision(match.OpSplit, alias, nil, "", "test"))
	p.Params.Weight = totals.WeightGross
	re, err := res.Recluster(context.Background(), &p, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Run(context.Background(), &p, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := re.Totals(totals.ByConsignee, totals.Filter{}), fresh.Totals(totals.ByConsignee, totals.Filter{})
	if len(a.Groups) != len(b.Groups) || a.Total.Tonnes != b.Total.Tonnes || a.Total.Shipments != b.Total.Shipments {
		t.Errorf("recluster %d groups %.3f t %d shipments; run %d groups %.3f t %d shipments",
			len(a.Groups), a.Total.Tonnes, a.Total.Shipments, len(b.Groups), b.Total.Tonnes, b.Total.Shipments)
	}
	if res.Project.Params.Weight != totals.WeightNet {
		t.Error("Recluster changed the original result's project")
	}
	if len(re.Records) != len(res.Records) || &re.Records[0] != &res.Records[0] {
		t.Error("Recluster should share the records, not read again")
	}
}

// TestOpenExportedEdits covers the workbook edits a user makes in Excel:
// Decision column, Review decisions, excluded shipments, parameters and
// rates.
func TestOpenExportedEdits(t *testing.T) {
	t.Parallel()
	res := runSamples(t)
	p := res.Project
	p.Params.DateToleranceDays = 5
	p.Params.BLDaysBefore, p.Params.PackagingBandPct = 7, 12
	p.Params.SourcePreference = []string{filepath.Base(p.Sources[1].Path)}
	p.Rates = []totals.Rate{{Currency: "CNY", Month: "2022-06", ToUSD: 0.15}}
	p.Sources[0].Citation = Citation{Vendor: "Vendor X", Retrieved: "2024-03-01"}
	p.Sources[2].Mapping = []ColumnOverride{{Column: 7, Header: "Description of goods", ColumnOverride: read.ColumnOverride{Field: reconcile.FieldDescription}}}
	res, err := res.Recluster(context.Background(), &p, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "audit.xlsx")
	if err := WriteWorkbook(context.Background(), res, out, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	ents, _ := f.GetRows(workbook.SheetEntities)
	var confirmRow, notSameRow int
	for i, r := range ents[1:] {
		if len(r) > 6 && r[6] != "core" && r[0] == r[9] {
			if confirmRow == 0 {
				confirmRow = i + 2
			} else if notSameRow == 0 {
				notSameRow = i + 2
			}
		}
	}
	if notSameRow == 0 {
		t.Fatal("the samples have fewer than two aliases")
	}
	f.SetCellValue(workbook.SheetEntities, "H"+strconv.Itoa(confirmRow), "confirmed")
	f.SetCellValue(workbook.SheetEntities, "H"+strconv.Itoa(notSameRow), "Not same")
	f.SetCellValue(workbook.SheetShipments, "Q2", "excluded: re-export, not an import")
	src, _ := f.GetCellValue(workbook.SheetShipments, "P2")
	edited := filepath.Join(t.TempDir(), "edited.xlsx")
	if err := f.SaveAs(edited); err != nil {
		t.Fatal(err)
	}
	f.Close()

	q, err := OpenExported(context.Background(), edited, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("params", func(t *testing.T) {
		if q.Params.BLDaysBefore != 7 || q.Params.PackagingBandPct != 12 || q.Params.BLDaysAfter != merge.DefaultBLDaysAfter {
			t.Errorf("B/L window and packaging band not read back from the Method sheet: %+v", q.Params)
		}
		if q.Params.DateToleranceDays != 5 || q.Params.Weight != totals.WeightNet || len(q.Params.SourcePreference) != 1 ||
			q.Params.SourcePreference[0] != p.Params.SourcePreference[0] || q.Params.AutoThreshold != p.Params.AutoThreshold {
			t.Errorf("params: got %+v, want %+v", q.Params, p.Params)
		}
	})
	t.Run("rates", func(t *testing.T) {
		if len(q.Rates) != 1 || q.Rates[0] != p.Rates[0] {
			t.Errorf("rates: got %+v, want %+v", q.Rates, p.Rates)
		}
	})
	t.Run("sources", func(t *testing.T) {
		if len(q.Sources) != len(p.Sources) {
			t.Fatalf("got %d sources, want %d", len(q.Sources), len(p.Sources))
		}
		for i, s := range q.Sources {
			abs, _ := filepath.Abs(p.Sources[i].Path)
			if s.Path != abs || s.SHA256 != res.Files[i].SHA256 {
				t.Errorf("source %d: got %s %s, want %s %s", i, s.Path, s.SHA256, abs, res.Files[i].SHA256)
			}
		}
		if q.Sources[0].Citation.Vendor != "Vendor X" || q.Sources[0].Citation.Retrieved != "2024-03-01" {
			t.Errorf("citation: got %+v", q.Sources[0].Citation)
		}
		if len(q.Sources[2].Mapping) != 1 || q.Sources[2].Mapping[0] != p.Sources[2].Mapping[0] {
			t.Errorf("mapping: got %+v, want %+v", q.Sources[2].Mapping, p.Sources[2].Mapping)
		}
	})
	t.Run("decisions", func(t *testing.T) {
		ops := map[string]int{}
		for _, d := range q.Decisions {
			ops[d.Op]++
		}
		if ops[match.OpConfirm] != 1 || ops[match.OpNotSame] != 1 || ops[match.OpSplit] != 1 {
			t.Errorf("decisions: got %v, want one confirm, one not_same with its split", ops)
		}
		if len(q.ShipmentDecisions) != 1 || q.ShipmentDecisions[0].Op != merge.OpExclude || q.ShipmentDecisions[0].Reason != "re-export, not an import" ||
			q.ShipmentDecisions[0].Row != firstOf(src) {
			t.Errorf("shipment decisions: got %+v, want an exclusion of %s", q.ShipmentDecisions, firstOf(src))
		}
	})
	t.Run("rerun applies them", func(t *testing.T) {
		again, err := Run(context.Background(), q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ex := again.Merge.Shipments[0]; !ex.Excluded {
			t.Errorf("first shipment not excluded: %s", ex.Status())
		}
	})
}

func firstOf(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ';' && s[i+1] == ' ' {
			return s[:i]
		}
	}
	return s
}

func TestSourceCheck(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "a.csv")
	os.WriteFile(p, []byte("a;b\n1;2\n"), 0o644)
	sum, _ := fileio.SHA256(context.Background(), p)
	tests := []struct {
		name string
		spec SourceSpec
		want error
	}{
		{"same", SourceSpec{Path: p, SHA256: sum}, nil},
		{"no recorded sum", SourceSpec{Path: p}, nil},
		{"changed", SourceSpec{Path: p, SHA256: "00"}, ErrSourceChanged},
		{"recorded in upper case", SourceSpec{Path: p, SHA256: strings.ToUpper(sum)}, nil},
		{"moved", SourceSpec{Path: filepath.Join(dir, "gone.csv"), SHA256: sum}, reconcile.ErrNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.spec.Check(context.Background())
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}
