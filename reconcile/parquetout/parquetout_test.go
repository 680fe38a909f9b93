package parquetout

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

func TestSamplesRecords(t *testing.T) {
	t.Parallel()
	res, dir, _ := writeSamples(t)
	recs, err := parquet.ReadFile[Record](filepath.Join(dir, RecordsFile))
	if err != nil {
		t.Fatal(err)
	}
	// Every input row is listed exactly once, and every record is one of
	// them with its shipment and entity.
	lines := 0
	for _, f := range res.Files {
		for _, sh := range f.Sheets {
			lines += sh.TotalRows
		}
	}
	if len(recs) < lines {
		t.Errorf("records.parquet has %d rows, the sources %d", len(recs), lines)
	}
	byKey := map[string]*Record{}
	fates := map[string]int{}
	for i := range recs {
		r := &recs[i]
		if byKey[r.RowKey] != nil {
			t.Fatalf("row %s listed twice", r.RowKey)
		}
		byKey[r.RowKey] = r
		fates[r.Fate]++
		if r.SHA256 == "" || r.Row <= 0 {
			t.Errorf("%s: provenance incomplete: %+v", r.RowKey, r)
		}
	}
	for _, f := range []string{FateCounted, FateDuplicate, FateExcluded, FateSkipped, FateHeader} {
		if fates[f] == 0 {
			t.Errorf("no row has fate %q (fates: %v)", f, fates)
		}
	}
	for k, rec := range res.Records {
		got := byKey[merge.RowKey(rec.Source)]
		if got == nil {
			t.Fatalf("record %s missing", merge.RowKey(rec.Source))
		}
		t.Run(got.RowKey, func(t *testing.T) {
			if got.Fate == FateSkipped || got.Fate == FateHeader {
				t.Fatalf("a record has fate %q", got.Fate)
			}
			if want := res.Merge.Shipments[res.Merge.ShipmentOf[k]].ID; got.ShipmentID != want {
				t.Errorf("shipment %q, want %q", got.ShipmentID, want)
			}
			if e := res.ConsigneeEntity[k]; e >= 0 && got.ConsigneeEntityID != res.Names.Entities[e].ID {
				t.Errorf("consignee entity %q, want %q", got.ConsigneeEntityID, res.Names.Entities[e].ID)
			}
			if got.Consignee != rec.Consignee.Name() || got.HSCode != rec.HSCode || got.DeclarationID != rec.DeclarationID {
				t.Errorf("canonical fields differ: %+v vs %+v", got, rec)
			}
			if rec.NetKg.Valid != (got.NetKg != nil) || (got.NetKg != nil && *got.NetKg != rec.NetKg.Value) {
				t.Errorf("net kg %v, want %+v", got.NetKg, rec.NetKg)
			}
			if rec.Date.Known() != (got.Date != nil) || (got.Date != nil && time.Unix(int64(*got.Date)*86400, 0).UTC().Format("2006-01-02") != rec.Date.Time.Format("2006-01-02")) {
				t.Errorf("date %v, want %v", got.Date, rec.Date)
			}
		})
	}
}

func TestSamplesShipmentsEntitiesDecisions(t *testing.T) {
	t.Parallel()
	res, dir, _ := writeSamples(t)
	shs, err := parquet.ReadFile[Shipment](filepath.Join(dir, ShipmentsFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(shs) != len(res.Merge.Shipments) {
		t.Fatalf("%d shipments, want %d", len(shs), len(res.Merge.Shipments))
	}
	excluded := 0
	for i, s := range shs {
		want := &res.Merge.Shipments[i]
		if s.ID != want.ID || len(s.SourceRows) != len(want.Rows) || s.Counted != want.Counted() {
			t.Errorf("shipment %d: %s/%d rows/counted %v, want %s/%d/%v", i, s.ID, len(s.SourceRows), s.Counted, want.ID, len(want.Rows), want.Counted())
		}
		if s.Excluded {
			excluded++
		}
	}
	if excluded != 1 {
		t.Errorf("%d excluded shipments, want the 1 the decision excluded", excluded)
	}
	ents, err := parquet.ReadFile[Entity](filepath.Join(dir, EntitiesFile))
	if err != nil {
		t.Fatal(err)
	}
	names, withDecision := 0, 0
	for _, e := range ents {
		names += len(e.Names)
		if len(e.Decisions) > 0 {
			withDecision++
		}
		if e.ID == "" || len(e.Names) != len(e.Reasons) {
			t.Errorf("entity %+v incomplete", e)
		}
	}
	if names != len(res.Names.Mentions) {
		t.Errorf("entities list %d names, the run has %d mentions", names, len(res.Names.Mentions))
	}
	if withDecision == 0 {
		t.Error("no entity lists the rename decision")
	}
	decs, err := parquet.ReadFile[Decision](filepath.Join(dir, DecisionsFile))
	if err != nil {
		t.Fatal(err)
	}
	applied := map[string]bool{}
	for _, d := range decs {
		applied[d.Kind+":"+d.Op+":"+d.Name+d.Row] = d.Applied
	}
	for k, want := range map[string]bool{
		"name:rename:" + res.Names.Mentions[0].Name: true, "name:split:No Such Firm": false,
		"shipment:exclude:" + merge.RowKey(res.Records[0].Source): true, "shipment:exclude:nosuch.csv:9": false,
	} {
		if got, ok := applied[k]; !ok || got != want {
			t.Errorf("decision %s: applied %v (listed %v), want %v", k, got, ok, want)
		}
	}
}

// TestGoFiguresEqualWorkbook recomputes the Summary and Totals tables from
// shipments.parquet in Go, the grouping docs/parquet/totals.sql does.
func TestGoFiguresEqualWorkbook(t *testing.T) {
	t.Parallel()
	_, dir, xlsx := writeSamples(t)
	sameFigures(t, goFigures(t, dir), workbookFigures(t, xlsx))
}

func TestFileLayout(t *testing.T) {
	t.Parallel()
	_, dir, _ := writeSamples(t)
	f, err := os.Open(filepath.Join(dir, RecordsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	pf, err := parquet.OpenFile(f, fi.Size())
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := pf.Lookup("tradecheck.schema_version"); v != SchemaVersion {
		t.Errorf("schema version %q, want %q", v, SchemaVersion)
	}
	if n := len(pf.RowGroups()); n < 2 {
		t.Errorf("%d row groups with 100 rows each over %d rows: the writer did not flush while streaming", n, pf.NumRows())
	}
	dict := func(col string) bool {
		for _, rg := range pf.Metadata().RowGroups {
			for _, c := range rg.Columns {
				if c.MetaData.PathInSchema[0] != col {
					continue
				}
				for _, e := range c.MetaData.Encoding {
					if e == format.RLEDictionary {
						return true
					}
				}
			}
		}
		return false
	}
	for _, col := range []string{"file", "fate", "consignee", "consignee_entity_id", "hs_code"} {
		if !dict(col) {
			t.Errorf("column %s is not dictionary-encoded", col)
		}
	}
	for col, kind := range map[string]parquet.Kind{"row": parquet.Int32, "net_kg": parquet.Double, "date": parquet.Int32} {
		c, ok := pf.Schema().Lookup(col)
		if !ok || c.Node.Type().Kind() != kind {
			t.Errorf("column %s: want a typed %v column", col, kind)
		}
	}
}

func TestWriteFailsCleanly(t *testing.T) {
	t.Parallel()
	res := runSamples(t)
	t.Run("canceled keeps the previous files", func(t *testing.T) {
		dir := t.TempDir()
		if err := Write(context.Background(), res, dir, Options{}); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(filepath.Join(dir, RecordsFile))
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := Write(ctx, res, dir, Options{}); !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want canceled", err)
		}
		after, _ := os.ReadFile(filepath.Join(dir, RecordsFile))
		if string(before) != string(after) {
			t.Error("a canceled export changed records.parquet")
		}
		ls, _ := os.ReadDir(dir)
		if len(ls) != len(outFiles) {
			t.Errorf("folder holds %d entries after a canceled export, want the %d files: %v", len(ls), len(outFiles), ls)
		}
	})
	t.Run("a file is not a folder", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x")
		os.WriteFile(path, []byte("keep"), 0o644)
		var re *reconcile.Error
		if err := Write(context.Background(), res, path, Options{}); !errors.As(err, &re) {
			t.Fatalf("err %v, want a *reconcile.Error", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "keep" {
			t.Error("the file was changed")
		}
	})
}
