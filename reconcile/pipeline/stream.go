package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
)

// Stream is Run for sets too large to hold in memory (tens of millions
// of rows), for outputs that take rows part by part (the Parquet files).
// It gives the same shipments, fates, IDs and totals as Run, with memory
// that depends on the number of distinct names and on the largest group
// of rows that could merge, not on the number of rows:
//
//  1. Every source is read once; each row goes to a temporary spill file
//     in a compact binary form. Only the distinct names (with their row
//     counts), the sheets' checks and fates, and a few bytes per row stay
//     in memory.
//  2. Names are clustered over the distinct names (match.Cluster), as Run
//     does.
//  3. Rows that could end up in one shipment are put in one part: rows of
//     one consignee entity (the fuzzy rule and the monthly supersede rule
//     never look past one) and of the entities the name matcher relates
//     (the names-in-review rule and Possible duplicates compare across
//     them), and rows sharing a declaration, bill-of-lading,
//     container or invoice number or a user's pair decision, which may
//     name different entities; a union-find over row numbers joins them.
//     Small groups are packed into parts of about StreamOptions.PartRows
//     rows.
//  4. Each part is read back and reconciled by the same merge.Reconcile,
//     with the sources' facts over the whole set (merge.SourceFacts), and
//     handed to the sink.
//
// Names are screened against the project's sanctions lists right after
// clustering, over the distinct names as Run screens them
// (StreamSummary.Result.Screening). Each part's possible duplicates are
// listed as Run lists them, and the best MaxDupPairs over all parts are
// kept (StreamSummary.Dupes, stream_dupes.go).
//
// What Stream does not do: the source overlap check and the Decision
// column. Run them on a sample, where they can be reviewed.
//
// Shipment IDs are derived from the anchor row, as in Run, and numbered
// as Run numbers them where two anchors hash alike (stream_ids.go).
func Stream(ctx context.Context, p *Project, opt StreamOptions, sink StreamSink, progress func(Progress)) (*StreamSummary, error) {
	if p == nil {
		return nil, errors.New("pipeline: nil project")
	}
	if opt.PartRows <= 0 {
		opt.PartRows = DefaultPartRows
	}
	dir, err := os.MkdirTemp(opt.TempDir, "tradecheck-stream-")
	if err != nil {
		return nil, fmt.Errorf("temporary folder for the bounded-memory run: %w", err)
	}
	defer os.RemoveAll(dir)
	s := &streamer{
		res:  &Result{Project: cloneProject(p), Started: time.Now()},
		opt:  opt,
		dir:  dir,
		sink: sink,
		prog: progress,
	}
	s.sum.Result = s.res
	steps := []func(context.Context) error{s.readAll, s.finishFiles, s.cluster, s.components, s.distribute, s.mergeParts}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, reconcile.ErrCanceled
			}
			return nil, err
		}
	}
	s.res.Finished = time.Now()
	return &s.sum, nil
}

// DefaultPartRows is how many rows Stream reconciles at once when rows
// fall into many small groups: a part of 200,000 rows takes about 300 MB.
const DefaultPartRows = 200_000

// StreamOptions tune Stream. The zero value uses the defaults.
type StreamOptions struct {
	TempDir  string // where the spill files go; "" = the system's
	PartRows int    // rows per part; 0 = DefaultPartRows
	// idHashBits, when set, makes IDs clash on fewer bits than their 32
	// (tests hold nearly every shipment back this way).
	idHashBits int
}

// StreamSink receives Stream's output. Calls are never concurrent.
type StreamSink interface {
	// Sheet is called once per sheet after every source was read, in
	// source order, before any Part; isRecord tells which of its rows
	// became records (the others are skipped, header or banner rows,
	// whose fates the SheetResult holds). A file that could not be read
	// is one call with s nil.
	Sheet(f *FileResult, s *SheetResult, isRecord func(row int) bool) error
	// Part is called once per part: a Result holding only the part's
	// records (RecSheet, the mention and entity slices and Merge cover
	// them), with every file, name and entity of the run. It is only
	// valid during the call.
	Part(part *Result) error
}

// streamer is one Stream run.
type streamer struct {
	res  *Result
	sum  StreamSummary
	opt  StreamOptions
	dir  string
	sink StreamSink
	prog func(Progress)
	mu   sync.Mutex // serialises progress and the id writer

	files    []streamFile
	base     []int // global index of each file's first record
	n        int   // records in all
	mentions mentionTable
	ids      *idKeys
	facts    []merge.SourceFacts // per merge source, over every row
	srcIdx   map[SheetRef]int32
	srcs     []merge.Source
	ds       []merge.Decision

	// uf is a union-find over records [0, n) and consignee mentions
	// [n, n+mentions); part[root] then says which part a group went to.
	uf    []int32
	part  []int32
	parts []int // rows per part

	// Shipments whose anchor's ID hash occurs twice are held back and
	// numbered after the last part (stream_ids.go).
	clash    map[uint32]bool
	srcRank  []int
	held     []heldShipment
	heldPart *Result

	// dupes are the best possible duplicates of the parts done so far
	// (stream_dupes.go).
	dupes []streamDup
}

// streamFile is what pass 1 keeps of one source.
type streamFile struct {
	sheets   []read.SheetResult
	stats    []sheetStats
	facts    []merge.SourceFacts
	rows     [][]uint64 // per sheet: bit r set when row r became a record
	sha      string
	err      error
	dup      int
	n        int
	spill    string
	mentions mentionTable
	cons     []int32  // per record: its consignee mention in mentions, -1 none
	hashes   []uint32 // per record: idHash of the ID a shipment anchored on it gets
}

func (s *streamer) progress(pr Progress) {
	if s.prog != nil {
		s.mu.Lock()
		s.prog(pr)
		s.mu.Unlock()
	}
}

// readAll is pass 1: every source read in parallel (one per core), each
// into its own spill file.
func (s *streamer) readAll(ctx context.Context) error {
	srcs := s.res.Project.Sources
	s.files = make([]streamFile, len(srcs))
	ids, err := newIDKeys(s.dir, 64)
	if err != nil {
		return err
	}
	s.ids = ids
	dups := duplicateSources(srcs)
	for i := range s.files {
		s.files[i].dup = dups[i]
	}
	eachSource(dups, func(i int) { s.readOne(ctx, i) })
	if ctx.Err() != nil {
		return reconcile.ErrCanceled
	}
	for i := range s.files {
		if err := s.files[i].err; err != nil && errors.Is(err, reconcile.ErrCanceled) {
			return err
		}
	}
	return s.ids.flushAll()
}

// readOne reads source i into its spill file.
func (s *streamer) readOne(ctx context.Context, i int) {
	spec, f := &s.res.Project.Sources[i], &s.files[i]
	if ctx.Err() != nil {
		f.err = reconcile.ErrCanceled
		return
	}
	sha, err := sourceSHA(spec)
	if err != nil {
		f.err = err
		return
	}
	f.sha = sha
	f.spill = filepath.Join(s.dir, fmt.Sprintf("read-%d.bin", i))
	out, err := os.Create(f.spill)
	if err != nil {
		f.err = fmt.Errorf("temporary spill file: %w", err)
		return
	}
	defer out.Close()
	sw := newSpillWriter(out)
	idb := s.ids.batch(i)
	add := func(sheet int, name string, rec *reconcile.Record) error {
		for len(f.stats) <= sheet {
			f.stats = append(f.stats, sheetStats{})
			f.facts = append(f.facts, merge.NewSourceFacts())
			f.rows = append(f.rows, nil)
		}
		f.stats[sheet].add(rec)
		f.facts[sheet].Observe(rec)
		setBit(&f.rows[sheet], rec.Source.Row)
		f.cons = append(f.cons, f.mentions.add(rec.Consignee, match.Consignee))
		f.mentions.add(rec.Shipper, match.Shipper)
		f.hashes = append(f.hashes, idHash(f.sha+"!"+name, rec.Source.Row))
		if err := idb.add(f.n, rec, f.cons[len(f.cons)-1] < 0, int32(sheet)); err != nil {
			return err
		}
		if err := sw.write(SheetRef{int32(i), int32(sheet)}, f.n, rec); err != nil {
			return fmt.Errorf("temporary spill file: %w", err)
		}
		f.n++
		return nil
	}
	f.sheets, f.err = readFile(ctx, spec.Path, ratedReadOptions(spec, s.res.Project.Rates), add, func(rows int) {
		s.progress(Progress{Stage: StageRead, File: spec.Path, Done: rows})
	})
	if err := idb.flush(); err != nil && f.err == nil {
		f.err = err
	}
	if err := sw.flush(); err != nil && f.err == nil {
		f.err = fmt.Errorf("temporary spill file: %w", err)
	}
}

func setBit(b *[]uint64, i int) {
	if i < 0 {
		return
	}
	for len(*b) <= i/64 {
		*b = append(*b, 0)
	}
	(*b)[i/64] |= 1 << (i % 64)
}

func hasBit(b []uint64, i int) bool {
	return i >= 0 && i/64 < len(b) && b[i/64]&(1<<(i%64)) != 0
}

// finishFiles builds the FileResults as Run does, numbers the records
// globally, merges the files' mentions in file order (so mentions and
// entities are numbered as in Run) and hands every sheet to the sink.
func (s *streamer) finishFiles(ctx context.Context) error {
	srcs := s.res.Project.Sources
	s.base = make([]int, len(srcs))
	local := make([][]int32, len(srcs)) // file mention → global mention
	for i := range srcs {
		spec, f := &srcs[i], &s.files[i]
		fr := newFileResult(srcs, i, f.dup, f.err)
		s.base[i] = s.n
		switch {
		case f.dup >= 0:
		case f.err != nil:
			f.n, f.cons, f.hashes = 0, nil, nil
		default:
			fr.SHA256, spec.SHA256 = f.sha, f.sha
			for si := range f.sheets {
				f.sheets[si].First += s.n
			}
			applySpec(spec, f.sheets)
			fr.Sheets = f.sheets
			for si := range fr.Sheets {
				st := sheetStats{}
				if si < len(f.stats) {
					st = f.stats[si]
				}
				finishSheetStats(spec, &fr.Sheets[si], &st)
			}
			s.n += f.n
			m := make([]int32, len(f.mentions.ms))
			for k, mn := range f.mentions.ms {
				m[k] = s.mentions.addN(mn, mn.Count)
			}
			local[i] = m
			f.mentions = mentionTable{}
		}
		s.res.Files = append(s.res.Files, fr)
	}
	s.sum.Rows = s.n
	s.res.Names = &match.Result{Mentions: s.mentions.ms}
	// The union-find joins each record with its consignee mention now;
	// mentions of one entity are joined once names are clustered.
	s.uf = make([]int32, s.n+len(s.mentions.ms))
	for i := range s.uf {
		s.uf[i] = int32(i)
	}
	for i := range s.files {
		for k, c := range s.files[i].cons {
			if c >= 0 {
				s.union(int32(s.base[i]+k), int32(s.n)+local[i][c])
			}
		}
		s.files[i].cons = nil
	}
	// Merge sources and their facts over every row.
	s.srcIdx, s.srcs = s.res.sheetIndex()
	s.srcRank = sourceRanks(s.srcs)
	var hs []uint32
	for i := range s.files {
		if s.res.Files[i].Err == nil {
			hs = append(hs, s.files[i].hashes...)
		}
		s.files[i].hashes = nil
	}
	s.clash = clashes(hs, s.hashBits())
	hs = nil
	s.facts = make([]merge.SourceFacts, len(s.srcs))
	for ref, k := range s.srcIdx {
		f := &s.files[ref.File]
		if int(ref.Sheet) < len(f.facts) {
			s.facts[k] = f.facts[ref.Sheet]
		} else {
			s.facts[k] = merge.NewSourceFacts()
		}
	}
	for i := range s.res.Files {
		fr := &s.res.Files[i]
		if fr.Err != nil {
			if err := s.sink.Sheet(fr, nil, nil); err != nil {
				return err
			}
			continue
		}
		for si := range fr.Sheets {
			var rows []uint64
			if si < len(s.files[i].rows) {
				rows = s.files[i].rows[si]
			}
			if err := s.sink.Sheet(fr, &fr.Sheets[si], func(row int) bool { return hasBit(rows, row) }); err != nil {
				return err
			}
		}
	}
	return s.decisions()
}

// decisions renames the shipment decisions as Run does (by file content,
// sheet and row) and notes which named rows are records.
func (s *streamer) decisions() error {
	ds := s.res.Project.ShipmentDecisions
	s.sum.decisionRowsRun = map[string]bool{}
	if len(ds) == 0 {
		return nil
	}
	f := newRowFinder(s.res.Files, func(ref SheetRef, n int) (string, bool) {
		if int(ref.Sheet) >= len(s.files[ref.File].rows) || !hasBit(s.files[ref.File].rows[ref.Sheet], n) {
			return "", false
		}
		fr := &s.res.Files[ref.File]
		return merge.RowKey(reconcile.Provenance{File: fr.Path, Sheet: fr.Sheets[ref.Sheet].Sheet, Row: n}), true
	})
	s.ds, s.sum.StaleDecisions = renameDecisions(ds, f)
	s.res.StaleDecisions = s.sum.StaleDecisions // for Warnings
	// Row keys of this run's records, for decisions.parquet's Applied.
	for _, d := range ds {
		for _, key := range []string{d.Row, d.Other} {
			if key != "" && s.recordKeyExists(key) {
				s.sum.decisionRowsRun[key] = true
			}
		}
	}
	return nil
}

// cluster clusters the distinct names and joins, in the union-find, the
// consignee mentions of each entity.
func (s *streamer) cluster(ctx context.Context) error {
	r := s.res
	names, err := clusterNames(ctx, &r.Project, r.Names.Mentions, s.progress)
	if err != nil {
		return err
	}
	r.Names = names
	r.Goods = readGoods(r.Project.GoodsLists)
	for _, e := range names.Entities {
		if len(e.Members) == 0 {
			continue
		}
		first := int32(s.n + e.Members[0])
		for _, m := range e.Members[1:] {
			s.union(first, int32(s.n+m))
		}
	}
	s.joinRelated()
	return s.res.screenParties(ctx, nil, nil, nil)
}

// partResult builds the Result a part is reconciled in.
func (s *streamer) partResult(recs []reconcile.Record, refs []SheetRef) *Result {
	r := s.res
	pr := &Result{Project: r.Project, Files: r.Files, Records: recs, RecSheet: refs, Names: r.Names,
		Goods: r.Goods, Screening: r.Screening, Started: r.Started, StaleDecisions: s.sum.StaleDecisions}
	n := len(recs)
	pr.ConsigneeMention, pr.ShipperMention = make([]int32, n), make([]int32, n)
	pr.ConsigneeEntity, pr.ShipperEntity = make([]int32, n), make([]int32, n)
	ent := func(m int32) int32 {
		if m < 0 || int(m) >= len(r.Names.EntityOf) {
			return -1
		}
		return int32(r.Names.EntityOf[m])
	}
	for i := range recs {
		pr.ConsigneeMention[i] = s.mentions.find(recs[i].Consignee, match.Consignee)
		pr.ShipperMention[i] = s.mentions.find(recs[i].Shipper, match.Shipper)
		pr.ConsigneeEntity[i], pr.ShipperEntity[i] = ent(pr.ConsigneeMention[i]), ent(pr.ShipperMention[i])
	}
	return pr
}

// reconcilePart merges one part as Run merges everything and adds it to
// the summary.
func (s *streamer) reconcilePart(ctx context.Context, pr *Result) (merge.Input, error) {
	in := pr.mergeInput(s.srcIdx, s.srcs)
	in.Facts = s.facts
	if err := pr.merge(ctx, in, s.ds, nil); err != nil {
		return in, err
	}
	m := pr.Merge
	s.sum.Shipments += len(m.Shipments)
	s.sum.Merged += m.Merged
	s.sum.Duplicates += m.Duplicates
	s.sum.Discrepancies += len(m.Discrepancies)
	s.sum.MergeWarnings = append(s.sum.MergeWarnings, m.MergeWarnings...)
	t := totals.Compute(m.Shipments, totals.ByNone, totals.Filter{}, pr.Labels())
	s.sum.Counted += t.Total.Shipments
	s.sum.Tonnes += t.Total.Tonnes
	s.sum.ValueUSD += t.Total.ValueUSD
	s.sum.USD.AddValues(&t.Total)
	return in, nil
}
