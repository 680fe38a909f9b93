package pipeline

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/values"
)

// idKeys spills, for every record, hashes of the keys that can join it
// to records of other consignees: its declaration number, each bill of
// lading, container and invoice number it gives, and, for a record that
// names no consignee, its content (exact duplicates must meet). Entries
// go to partition files by hash, so that each partition can be sorted in
// memory on its own and the keys never all are.
type idKeys struct {
	mu    sync.Mutex
	seed  maphash.Seed
	paths []string
	files []*os.File
	ws    []*bufio.Writer
}

// idEntry is one key of one record: the file and the record's index in it.
type idEntry struct {
	h     uint64
	file  uint32
	local uint32
}

const idEntrySize = 16

func newIDKeys(dir string, parts int) (*idKeys, error) {
	k := &idKeys{seed: maphash.MakeSeed()}
	for p := 0; p < parts; p++ {
		path := filepath.Join(dir, "ids-"+strconv.Itoa(p)+".bin")
		f, err := os.Create(path)
		if err != nil {
			k.close()
			return nil, fmt.Errorf("temporary key file: %w", err)
		}
		k.paths, k.files, k.ws = append(k.paths, path), append(k.files, f), append(k.ws, bufio.NewWriterSize(f, 64<<10))
	}
	return k, nil
}

func (k *idKeys) close() {
	for _, f := range k.files {
		f.Close()
	}
}

func (k *idKeys) flushAll() error {
	defer k.close()
	for _, w := range k.ws {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("temporary key file: %w", err)
		}
	}
	return nil
}

// idBatch gathers one file's entries and hands them over in batches.
type idBatch struct {
	k    *idKeys
	file uint32
	buf  []idEntry
	h    maphash.Hash
	spw  *spillWriter
}

func (k *idKeys) batch(file int) *idBatch {
	b := &idBatch{k: k, file: uint32(file)}
	b.h.SetSeed(k.seed)
	return b
}

func (b *idBatch) key(local int, kind byte, s string) {
	b.h.Reset()
	b.h.WriteByte(kind)
	b.h.WriteString(s)
	b.buf = append(b.buf, idEntry{b.h.Sum64(), b.file, uint32(local)})
}

// add records the keys of record local of the batch's file.
func (b *idBatch) add(local int, rec *reconcile.Record, noConsignee bool, sheet int32) error {
	if rec.DeclarationID != "" {
		if d := values.NormalizeID(reconcile.FieldDeclarationID, rec.DeclarationID); d != "" {
			b.key(local, 'D', d)
		}
	}
	for _, k := range []struct {
		kind byte
		f    reconcile.Field
		s    string
	}{{'B', reconcile.FieldBillOfLading, rec.BillOfLading}, {'C', reconcile.FieldContainer, rec.Container}, {'I', reconcile.FieldInvoice, rec.Invoice}} {
		if k.s == "" {
			continue
		}
		for _, id := range values.IDSet(k.f, k.s) {
			b.key(local, k.kind, id)
		}
	}
	if noConsignee {
		b.key(local, 'X', contentKey(rec, SheetRef{int32(b.file), sheet}, &b.spw))
	}
	if len(b.buf) >= 8192 {
		return b.flush()
	}
	return nil
}

// contentKey is what makes two records of one sheet exact duplicates for
// the merge: every field but provenance and flags, numbers by value.
func contentKey(rec *reconcile.Record, ref SheetRef, spw **spillWriter) string {
	c := *rec
	c.Source, c.Flags = reconcile.Provenance{}, nil
	for _, n := range []*reconcile.Number{&c.Quantity, &c.NetKg, &c.GrossKg, &c.Value, &c.ValueUSD} {
		if n.Valid {
			n.Raw = ""
		}
	}
	if *spw == nil {
		*spw = newSpillWriter(io.Discard)
	}
	(*spw).encode(ref, 0, &c)
	return string((*spw).buf)
}

func (b *idBatch) flush() error {
	if len(b.buf) == 0 {
		return nil
	}
	k := b.k
	k.mu.Lock()
	defer k.mu.Unlock()
	var e [idEntrySize]byte
	for _, x := range b.buf {
		binary.LittleEndian.PutUint64(e[:], x.h)
		binary.LittleEndian.PutUint32(e[8:], x.file)
		binary.LittleEndian.PutUint32(e[12:], x.local)
		if _, err := k.ws[x.h%uint64(len(k.ws))].Write(e[:]); err != nil {
			return fmt.Errorf("temporary key file: %w", err)
		}
	}
	b.buf = b.buf[:0]
	return nil
}

func (s *streamer) find(x int32) int32 {
	for s.uf[x] != x {
		s.uf[x] = s.uf[s.uf[x]]
		x = s.uf[x]
	}
	return x
}

func (s *streamer) union(a, b int32) {
	ra, rb := s.find(a), s.find(b)
	if ra == rb {
		return
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	s.uf[rb] = ra
}

// components joins records sharing a key (partition by partition), and
// the rows of pair decisions, then packs the groups into parts in the
// order of their first record.
func (s *streamer) components(ctx context.Context) error {
	var es []idEntry
	for _, path := range s.ids.paths {
		if ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("temporary key file: %w", err)
		}
		os.Remove(path)
		es = es[:0]
		for p := 0; p+idEntrySize <= len(b); p += idEntrySize {
			e := idEntry{binary.LittleEndian.Uint64(b[p:]), binary.LittleEndian.Uint32(b[p+8:]), binary.LittleEndian.Uint32(b[p+12:])}
			if s.res.Files[e.file].Err == nil { // a file that failed keeps no records
				es = append(es, e)
			}
		}
		slices.SortFunc(es, func(a, b idEntry) int {
			switch {
			case a.h < b.h:
				return -1
			case a.h > b.h:
				return 1
			}
			return 0
		})
		for i := 1; i < len(es); i++ {
			if es[i].h == es[i-1].h {
				s.union(int32(s.base[es[i].file]+int(es[i].local)), int32(s.base[es[i-1].file]+int(es[i-1].local)))
			}
		}
	}
	if err := s.pairRows(); err != nil {
		return err
	}
	// size[root] counts the group's records, then holds -(part+1).
	size := make([]int32, len(s.uf))
	for i := 0; i < s.n; i++ {
		size[s.find(int32(i))]++
	}
	cur := -1
	for i := 0; i < s.n; i++ {
		r := s.find(int32(i))
		if size[r] <= 0 {
			continue
		}
		if cur < 0 || s.parts[cur] > 0 && s.parts[cur]+int(size[r]) > s.opt.PartRows {
			s.parts = append(s.parts, 0)
			cur++
		}
		s.parts[cur] += int(size[r])
		size[r] = -int32(cur + 1)
	}
	s.part = size
	s.sum.Parts = len(s.parts)
	for _, n := range s.parts {
		s.sum.LargestPart = max(s.sum.LargestPart, n)
	}
	return nil
}

// pairRows joins the two rows of every merge or keep-apart decision: one
// more pass over the spills, only when there are such decisions.
func (s *streamer) pairRows() error {
	named := map[string]int32{}
	for _, d := range s.ds {
		if (d.Op == merge.OpMerge || d.Op == merge.OpApart) && d.Row != "" && d.Other != "" {
			named[d.Row], named[d.Other] = -1, -1
		}
	}
	if len(named) == 0 {
		return nil
	}
	err := s.eachSpill(func(fi int, sr *spillReader) error {
		_, local, rec, err := sr.decode()
		if err != nil {
			return err
		}
		if k := merge.RowKey(rec.Source); named[k] == -1 {
			named[k] = int32(s.base[fi] + local)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, d := range s.ds {
		a, okA := named[d.Row]
		b, okB := named[d.Other]
		if okA && okB && a >= 0 && b >= 0 {
			s.union(a, b)
		}
	}
	return nil
}

// eachSpill calls fn for every record of every file's spill, in order;
// fn reads the record from sr (next has been called).
func (s *streamer) eachSpill(fn func(file int, sr *spillReader) error) error {
	for fi := range s.files {
		f := &s.files[fi]
		if s.res.Files[fi].Err != nil || f.spill == "" {
			continue
		}
		in, err := os.Open(f.spill)
		if err != nil {
			return fmt.Errorf("temporary spill file: %w", err)
		}
		sr := newSpillReader(in, nil)
		for {
			if _, err = sr.next(); err != nil {
				break
			}
			if err = fn(fi, sr); err != nil {
				break
			}
		}
		in.Close()
		if err != io.EOF {
			return err
		}
	}
	return nil
}

// distribute copies every record from the files' spills into its part's
// spill, in global order.
func (s *streamer) distribute(ctx context.Context) error {
	outs := make([]*os.File, len(s.parts))
	ws := make([]*spillWriter, len(s.parts))
	defer func() {
		for _, f := range outs {
			if f != nil {
				f.Close()
			}
		}
	}()
	for p := range outs {
		f, err := os.Create(s.partPath(p))
		if err != nil {
			return fmt.Errorf("temporary part file: %w", err)
		}
		outs[p], ws[p] = f, &spillWriter{w: bufio.NewWriterSize(f, 64<<10)}
	}
	n := 0
	err := s.eachSpill(func(fi int, sr *spillReader) error {
		_, local, err := sr.head()
		if err != nil {
			return err
		}
		if n++; n%65536 == 0 && ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		p := -s.part[s.find(int32(s.base[fi]+local))] - 1
		return ws[p].writeRaw(sr.buf)
	})
	if err != nil {
		return err
	}
	for _, w := range ws {
		if err := w.flush(); err != nil {
			return fmt.Errorf("temporary part file: %w", err)
		}
	}
	for fi := range s.files {
		if s.files[fi].spill != "" {
			os.Remove(s.files[fi].spill)
		}
	}
	// What the grouping needed is no longer: free it before merging.
	s.uf, s.part = nil, nil
	return nil
}

func (s *streamer) partPath(p int) string {
	return filepath.Join(s.dir, "part-"+strconv.Itoa(p)+".bin")
}

// mergeParts reads each part back, reconciles it and hands it to the sink.
func (s *streamer) mergeParts(ctx context.Context) error {
	done := 0
	for p := range s.parts {
		if ctx.Err() != nil {
			return reconcile.ErrCanceled
		}
		s.progress(Progress{Stage: StageMerge, Done: done, Total: s.n})
		recs, refs, globals, err := s.readPart(p)
		if err != nil {
			return err
		}
		pr := s.partResult(recs, refs)
		in, err := s.reconcilePart(ctx, pr)
		if err != nil {
			return err
		}
		// The part's possible duplicates are taken before holdBack
		// moves shipments out of it.
		dups, err := s.partDupes(ctx, pr, &in, globals)
		if err != nil {
			return err
		}
		rest, heldAt := s.holdBack(pr, &in, globals)
		s.keepDupes(dups, heldAt)
		if err := s.sink.Part(rest); err != nil {
			return err
		}
		done += len(recs)
	}
	if s.heldPart != nil {
		s.numberHeld()
		if err := s.sink.Part(s.heldPart); err != nil {
			return err
		}
	}
	s.finishDupes()
	s.progress(Progress{Stage: StageMerge, Done: s.n, Total: s.n})
	return nil
}

// readPart reads part p's records with their sheets and global indexes.
func (s *streamer) readPart(p int) ([]reconcile.Record, []SheetRef, []int, error) {
	path := s.partPath(p)
	in, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("temporary part file: %w", err)
	}
	defer func() {
		in.Close()
		os.Remove(path)
	}()
	recs := make([]reconcile.Record, 0, s.parts[p])
	refs := make([]SheetRef, 0, s.parts[p])
	globals := make([]int, 0, s.parts[p])
	sr := newSpillReader(in, &interner{})
	for {
		ref, local, rec, err := sr.read()
		if err == io.EOF {
			return recs, refs, globals, nil
		}
		if err != nil {
			return nil, nil, nil, err
		}
		fillDeclaredCountry(&s.res.Files[ref.File].Sheets[ref.Sheet], &rec)
		recs = append(recs, rec)
		refs = append(refs, ref)
		globals = append(globals, s.base[ref.File]+local)
	}
}

// recordKeyExists reports whether key (file!sheet:row) names a record of
// the run.
func (s *streamer) recordKeyExists(key string) bool {
	for fi, fr := range s.res.Files {
		base := filepath.Base(fr.Path)
		for si, sh := range fr.Sheets {
			prefix := base + ":"
			if sh.Sheet != "" {
				prefix = base + "!" + sh.Sheet + ":"
			}
			rest, ok := strings.CutPrefix(key, prefix)
			if !ok || si >= len(s.files[fi].rows) {
				continue
			}
			if n, err := strconv.Atoi(rest); err == nil && hasBit(s.files[fi].rows[si], n) {
				return true
			}
		}
	}
	return false
}
