package pipeline

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unsafe"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/synth"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// outcome is what a run decided, in a form both paths give: every
// shipment (ID, rows, measures, keys), every record's fate, every
// sheet's result, and the default totals.
type outcome struct {
	shipments map[string]string // ID → description
	fates     map[string]string // row key → shipment ID and fate
	sheets    []string
	nonRecord int // rows of the sheets that are not records
	counted   int
	tonnes    float64
	usd       float64
}

func newOutcome() *outcome {
	return &outcome{shipments: map[string]string{}, fates: map[string]string{}}
}

// add records the shipments and fates of r (the whole run, or one part).
func (o *outcome) add(t *testing.T, r *Result) {
	t.Helper()
	recs := r.Records
	ent := func(e int32) string {
		if e < 0 {
			return ""
		}
		return r.Names.Entities[e].ID
	}
	for i := range r.Merge.Shipments {
		sh := &r.Merge.Shipments[i]
		var rows, dups []string
		for _, x := range sh.Rows {
			rows = append(rows, merge.RowKey(recs[x].Source))
		}
		for _, x := range sh.Duplicates {
			dups = append(dups, merge.RowKey(recs[x].Source))
		}
		sort.Strings(dups) // their order follows the rows'
		decl, item := sh.Declaration(recs)
		v, cur := sh.Value(recs)
		desc := fmt.Sprintf("rows %v reasons %q dups %v date %s cons %s/%q ship %s/%q hs %s route %s>%s>%s desc %q qty %v%s t %v(%s) usd %v(%s) value %v %s decl %s/%s net %v gross %v status %q",
			rows, sh.Reasons, dups, sh.Date, ent(sh.Consignee), sh.ConsigneeName, ent(sh.Shipper), sh.ShipperName, sh.HSCode,
			sh.Origin, sh.Dispatch, sh.Destination, sh.Description, sh.Quantity, sh.QuantityUnit, sh.Tonnes, sh.TonnesBasis, sh.USD, sh.USDBasis,
			v, cur, decl, item, sh.NetKg(recs), sh.GrossKg(recs), sh.Status())
		if _, dup := o.shipments[sh.ID]; dup {
			t.Errorf("shipment ID %s given twice", sh.ID)
		}
		o.shipments[sh.ID] = desc
	}
	for i := range recs {
		k := merge.RowKey(recs[i].Source)
		f := "none"
		if s := r.Merge.ShipmentOf[i]; s >= 0 {
			f = r.Merge.Shipments[s].ID
			if d := r.Merge.DuplicateOf[i]; d >= 0 {
				f += " duplicate of " + merge.RowKey(recs[d].Source)
			}
		}
		f += " consignee " + ent(r.ConsigneeEntity[i]) + " shipper " + ent(r.ShipperEntity[i])
		o.fates[k] = f
	}
	tt := totals.Compute(r.Merge.Shipments, totals.ByNone, totals.Filter{}, r.Labels())
	o.counted += tt.Total.Shipments
	o.tonnes += tt.Total.Tonnes
	o.usd += tt.Total.ValueUSD
}

func sheetText(f *FileResult, s *SheetResult) string {
	if s == nil {
		return fmt.Sprintf("%s: %v", filepath.Base(f.Path), f.Err)
	}
	return fmt.Sprintf("%s!%s header %d rows %d total %d skipped %v gran %s dates %s–%s warnings %q checks %q status %q",
		filepath.Base(f.Path), s.Sheet, s.HeaderRow, s.Rows, s.TotalRows, s.Skipped, s.Granularity, s.DateFrom, s.DateTo, s.Warnings, s.Checks, s.Status)
}

// collect is a StreamSink that gathers an outcome.
type collect struct {
	t *testing.T
	o *outcome
}

func (c *collect) Sheet(f *FileResult, s *SheetResult, isRecord func(int) bool) error {
	c.o.sheets = append(c.o.sheets, sheetText(f, s))
	if s != nil {
		for row := 1; row <= s.TotalRows; row++ {
			if !isRecord(row) {
				c.o.nonRecord++
			}
		}
	}
	return nil
}

func (c *collect) Part(r *Result) error {
	c.o.add(c.t, r)
	return nil
}

// runOutcome runs p in memory.
func runOutcome(t *testing.T, p *Project) *outcome {
	t.Helper()
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	o := newOutcome()
	o.add(t, res)
	for fi := range res.Files {
		f := &res.Files[fi]
		if f.Err != nil {
			o.sheets = append(o.sheets, sheetText(f, nil))
			continue
		}
		for si := range f.Sheets {
			s := &f.Sheets[si]
			o.sheets = append(o.sheets, sheetText(f, s))
			rows := map[int]bool{}
			for _, r := range res.Records[s.First : s.First+s.Rows] {
				rows[r.Source.Row] = true
			}
			for row := 1; row <= s.TotalRows; row++ {
				if !rows[row] {
					o.nonRecord++
				}
			}
		}
	}
	return o
}

// streamOutcome runs p through Stream with parts of partRows rows.
func streamOutcome(t *testing.T, p *Project, partRows int) (*outcome, *StreamSummary) {
	t.Helper()
	return streamOutcomeOpt(t, p, StreamOptions{PartRows: partRows})
}

func streamOutcomeOpt(t *testing.T, p *Project, opt StreamOptions) (*outcome, *StreamSummary) {
	t.Helper()
	o := newOutcome()
	opt.TempDir = t.TempDir()
	sum, err := Stream(context.Background(), p, opt, &collect{t, o}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o, sum
}

// diffOutcomes lists the differences between the in-memory and the
// streamed outcome, at most a few of each kind.
func diffOutcomes(mem, str *outcome) []string {
	var out []string
	diffMap := func(what string, a, b map[string]string) {
		n := 0
		keys := make([]string, 0, len(a)+len(b))
		for k := range a {
			keys = append(keys, k)
		}
		for k := range b {
			if _, ok := a[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if a[k] != b[k] && n < 5 {
				out = append(out, fmt.Sprintf("%s %s:\n  in memory: %s\n  streamed:  %s", what, k, a[k], b[k]))
				n++
			}
		}
	}
	diffMap("shipment", mem.shipments, str.shipments)
	diffMap("row", mem.fates, str.fates)
	if strings.Join(mem.sheets, "\n") != strings.Join(str.sheets, "\n") {
		out = append(out, fmt.Sprintf("sheets:\n  in memory: %q\n  streamed:  %q", mem.sheets, str.sheets))
	}
	if mem.nonRecord != str.nonRecord {
		out = append(out, fmt.Sprintf("rows that are not records: %d in memory, %d streamed", mem.nonRecord, str.nonRecord))
	}
	if mem.counted != str.counted || math.Abs(mem.tonnes-str.tonnes) > 1e-6*math.Max(1, mem.tonnes) || math.Abs(mem.usd-str.usd) > 1e-6*math.Max(1, mem.usd) {
		out = append(out, fmt.Sprintf("totals: %d shipments %.6f t %.2f USD in memory, %d %.6f t %.2f USD streamed", mem.counted, mem.tonnes, mem.usd, str.counted, str.tonnes, str.usd))
	}
	return out
}

// TestStreamEqualsRun runs the samples and random synth sets both ways,
// the streamed one in parts of a few rows (so that nearly every group of
// rows that could merge is a part of its own), and asserts the same
// shipments (IDs, rows, measures), fates and totals.
func TestStreamEqualsRun(t *testing.T) {
	t.Run("samples", func(t *testing.T) {
		files := sampleFiles(t)
		mem := runOutcome(t, NewProject(files...))
		for _, partRows := range []int{1, 40, 1 << 20} {
			t.Run(fmt.Sprintf("parts of %d", partRows), func(t *testing.T) {
				str, sum := streamOutcome(t, NewProject(files...), partRows)
				if d := diffOutcomes(mem, str); len(d) > 0 {
					t.Error(strings.Join(d, "\n"))
				}
				if partRows == 1 && sum.Parts < 10 {
					t.Errorf("%d parts: the samples should fall into many groups", sum.Parts)
				}
				if sum.Rows != len(mem.fates) || sum.Shipments != len(mem.shipments) {
					t.Errorf("summary: %d rows %d shipments, want %d %d", sum.Rows, sum.Shipments, len(mem.fates), len(mem.shipments))
				}
			})
		}
	})
	for seed := uint64(1); seed <= uint64(synthSeeds(t)); seed++ {
		t.Run(fmt.Sprintf("synth %d", seed), func(t *testing.T) {
			t.Parallel()
			set := synth.Generate(seed)
			if seed%2 == 0 { // export and import registers of one trade
				set = synth.GenerateExportImport(seed)
			}
			paths, err := set.WriteAll(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			mem := runOutcome(t, NewProject(paths...))
			str, _ := streamOutcome(t, NewProject(paths...), 1)
			if d := diffOutcomes(mem, str); len(d) > 0 {
				t.Errorf("%s\n%s", strings.Join(d, "\n"), set.Describe())
			}
		})
	}
}

// TestStreamDecisions applies shipment decisions of every kind on both
// paths: a split, an exclusion and a kept-apart pair must give the same
// shipments streamed as in memory.
func TestStreamDecisions(t *testing.T) {
	files := sampleFiles(t)
	base, err := Run(context.Background(), NewProject(files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := NewProject(files...)
	var merged []int
	for i := range base.Merge.Shipments {
		if len(base.Merge.Shipments[i].Rows) > 1 {
			merged = append(merged, i)
		}
	}
	if len(merged) < 3 {
		t.Fatalf("the samples have %d merged shipments, want 3", len(merged))
	}
	p.ShipmentDecisions = append(p.ShipmentDecisions, base.SplitDecisions(merged[0], "test split")...)
	p.ShipmentDecisions = append(p.ShipmentDecisions, base.ExcludeDecision(merge.OpExclude, merged[1], "test exclude"))
	sh := base.Merge.Shipments[merged[2]]
	apart := merge.Decision{Op: merge.OpApart, Time: time.Now()}
	apart.Row, apart.SHA256 = base.RowRef(sh.Rows[0])
	apart.Other, apart.OtherSHA256 = base.RowRef(sh.Rows[1])
	p.ShipmentDecisions = append(p.ShipmentDecisions, apart)
	mem := runOutcome(t, p)
	str, sum := streamOutcome(t, p, 1)
	if d := diffOutcomes(mem, str); len(d) > 0 {
		t.Error(strings.Join(d, "\n"))
	}
	if len(str.shipments) <= len(base.Merge.Shipments) {
		t.Errorf("the split and kept-apart rows made no new shipments: %d, was %d", len(str.shipments), len(base.Merge.Shipments))
	}
	if !sum.HasRow(apart.Row) || sum.HasRow("nosuch.xlsx:12") {
		t.Errorf("HasRow(%q) = %v, HasRow(nosuch) = %v", apart.Row, sum.HasRow(apart.Row), sum.HasRow("nosuch.xlsx:12"))
	}
}

// TestStreamAcrossEntities covers what the samples and synth sets do
// not: rows merged on a declaration number whose consignee names the
// matcher keeps apart, exact duplicates that name no consignee, and a
// source whose weight precision shows only in another consignee's rows.
// Each needs the streamed run to group or compare beyond one entity.
func TestStreamAcrossEntities(t *testing.T) {
	dir := t.TempDir()
	head := "Declaration number;Item;Date;Consignee;Shipper;Country of origin;HS code;Net weight kg;Value USD\n"
	a := head +
		"10702010/140622/0000001;1;2022-06-14;ALPHA TRADING LLC;ACME CO;CN;8471300000;1000;5000\n" +
		"10702010/150622/0000002;1;2022-06-15;BETA METALS LLC;ACME CO;CN;7208510000;2000.5;7000\n" +
		";;2022-07-01;;ACME CO;CN;8471300000;300;900\n" +
		";;2022-07-01;;ACME CO;CN;8471300000;300;900\n" +
		";;2022-08-01;GAMMA FOODS LLC;ACME CO;CN;0805100000;10;50\n"
	b := head +
		"10702010/140622/0000001;1;2022-06-14;ZETA IMPORT GROUP;ACME CO;CN;8471300000;1000;5000\n" +
		";;2022-08-02;GAMMA FOODS LLC;ACME CO;CN;0805100000;11;50\n"
	pa, pb := filepath.Join(dir, "register.csv"), filepath.Join(dir, "vendor.csv")
	for path, text := range map[string]string{pa: a, pb: b} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := NewProject(pa, pb)
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The set must hold what the test is about, or it proves nothing.
	crossDecl, gammaApart := false, true
	for _, sh := range res.Merge.Shipments {
		if len(sh.Rows) == 2 && res.ConsigneeEntity[sh.Rows[0]] != res.ConsigneeEntity[sh.Rows[1]] {
			crossDecl = true
		}
		if len(sh.Rows) == 2 && strings.HasPrefix(res.Records[sh.Rows[0]].Consignee.Name(), "GAMMA") {
			gammaApart = false
		}
	}
	if !crossDecl || res.Merge.Duplicates != 1 || !gammaApart {
		t.Fatalf("the set lost its point: merge across entities %v, %d duplicate(s) (want 1), GAMMA rows apart %v", crossDecl, res.Merge.Duplicates, gammaApart)
	}
	mem := runOutcome(t, p)
	str, _ := streamOutcome(t, p, 1)
	if d := diffOutcomes(mem, str); len(d) > 0 {
		t.Error(strings.Join(d, "\n"))
	}
}

// TestStreamHeldShipments makes nearly every anchor "clash" (4 bits of
// the ID hash instead of 32), so that nearly every shipment is held back
// from its part and numbered after the last one: the result must still
// equal Run's.
func TestStreamHeldShipments(t *testing.T) {
	files := sampleFiles(t)
	mem := runOutcome(t, NewProject(files...))
	str, sum := streamOutcomeOpt(t, NewProject(files...), StreamOptions{PartRows: 30, idHashBits: 4})
	if d := diffOutcomes(mem, str); len(d) > 0 {
		t.Error(strings.Join(d, "\n"))
	}
	if sum.IDClashes != 0 {
		t.Errorf("%d ID clashes: the samples' IDs are all distinct", sum.IDClashes)
	}
	if sum.HeldBack < sum.Shipments/2 {
		t.Errorf("%d of %d shipments held back: the test holds back too few to prove anything", sum.HeldBack, sum.Shipments)
	}
}

// TestNumberHeld: of held shipments sharing a first-attempt ID, the first
// by monthly, date, source rank and row keeps it and each other takes its
// own second attempt, whatever order the parts gave them in.
func TestNumberHeld(t *testing.T) {
	day := func(d int) int64 { return time.Date(2022, 6, d, 0, 0, 0, 0, time.UTC).Unix() }
	held := []heldShipment{
		{sh: 0, base: "S-AAAA0000", sec: day(3), srcRank: 0, global: 10, key: "k1", row: 5},
		{sh: 1, base: "S-AAAA0000", sec: day(2), srcRank: 1, global: 20, key: "k2", row: 7},
		{sh: 2, base: "S-BBBB0000", sec: day(1), srcRank: 0, global: 30, key: "k1", row: 9},
		{sh: 3, base: "S-AAAA0000", sec: day(2), srcRank: 0, global: 40, key: "k1", row: 11},
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}} {
		s := &streamer{heldPart: &Result{Merge: &merge.Result{Shipments: make([]merge.Shipment, 4)}}}
		for _, k := range order {
			s.held = append(s.held, held[k])
		}
		s.numberHeld()
		got := []string{}
		for _, sh := range s.heldPart.Merge.Shipments {
			got = append(got, sh.ID)
		}
		want := []string{merge.ShipmentID(false, "k1", 5, 1), merge.ShipmentID(false, "k2", 7, 1), "S-BBBB0000", "S-AAAA0000"}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("order %v: IDs %v, want %v", order, got, want)
		}
		if s.sum.IDClashes != 2 {
			t.Errorf("order %v: %d clashes, want 2", order, s.sum.IDClashes)
		}
	}
}

// TestDetach: a held record keeps no string or slice of its part.
func TestDetach(t *testing.T) {
	var rec reconcile.Record
	n := 0
	fill(reflect.ValueOf(&rec).Elem(), &n)
	c := rec
	detach(reflect.ValueOf(&c).Elem())
	if !reflect.DeepEqual(c, rec) {
		t.Fatalf("detach changed the record:\n%+v\n%+v", c, rec)
	}
	if unsafe.StringData(c.HSCode) == unsafe.StringData(rec.HSCode) || &c.Consignee.Names[0] == &rec.Consignee.Names[0] ||
		unsafe.StringData(c.Consignee.Names[0]) == unsafe.StringData(rec.Consignee.Names[0]) || &c.Flags[0] == &rec.Flags[0] {
		t.Error("the copy still shares memory with the original")
	}
}

// TestStreamMergeWarnings: a user merge across two declaration numbers
// carries the same warning streamed as in memory, and the summary's
// warnings are the in-memory run's.
func TestStreamMergeWarnings(t *testing.T) {
	files := sampleFiles(t)
	base, err := Run(context.Background(), NewProject(files...), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Two single-row shipments, each with its own declaration number: merging them is the mistake the warning names.
	a, b := -1, -1
	for i, sh := range base.Merge.Shipments {
		if len(sh.Rows) != 1 || base.Records[sh.Rows[0]].DeclarationID == "" {
			continue
		}
		switch {
		case a < 0:
			a = i
		case base.Records[sh.Rows[0]].DeclarationID != base.Records[base.Merge.Shipments[a].Rows[0]].DeclarationID:
			b = i
		}
		if b >= 0 {
			break
		}
	}
	if b < 0 {
		t.Fatal("the samples have no two single-row shipments with declaration numbers")
	}
	d := merge.Decision{Op: merge.OpMerge, Time: time.Now(), Reason: "test merge"}
	d.Row, d.SHA256 = base.RowRef(base.Merge.Shipments[a].Rows[0])
	d.Other, d.OtherSHA256 = base.RowRef(base.Merge.Shipments[b].Rows[0])
	p := NewProject(files...)
	p.ShipmentDecisions = append(p.ShipmentDecisions, d)
	mem, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(mem.Merge.MergeWarnings) != 1 || !strings.Contains(mem.Merge.MergeWarnings[0], "different declaration numbers") {
		t.Fatalf("in memory: merge warnings %q, want one across declaration numbers", mem.Merge.MergeWarnings)
	}
	for _, rows := range []int{1, 1 << 20} {
		_, sum := streamOutcome(t, p, rows)
		want, got := reconcile.NoteTexts(mem.Warnings()), reconcile.NoteTexts(sum.Warnings())
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("parts of %d rows: streamed warnings %q, in memory %q", rows, got, want)
		}
	}
}
