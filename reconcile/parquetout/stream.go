package parquetout

import (
	"context"
	"io"
	"path/filepath"

	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/pipeline"
)

// WriteStream runs project p with pipeline.Stream and writes the same six
// files as Write, with memory bounded by the distinct names and the
// largest group of rows that could merge instead of by the rows: records
// and shipments are written part by part as Stream reconciles them.
//
// The files hold the same rows as Write gives for the same project; only
// their order differs: records.parquet lists the rows that hold no record
// (skipped, header) first, then the records part by part, and
// shipments.parquet lists shipments part by part. Order by file, sheet
// and row (or shipment_id) in SQL when order matters.
func WriteStream(ctx context.Context, p *pipeline.Project, dir string, opt Options, sopt pipeline.StreamOptions, progress func(pipeline.Progress)) (*pipeline.StreamSummary, error) {
	if opt.RowGroupRows <= 0 {
		opt.RowGroupRows = RowGroupRows
	}
	if err := prepareDir(dir, p.Sources); err != nil {
		return nil, err
	}
	recPath, shPath := filepath.Join(dir, RecordsFile), filepath.Join(dir, ShipmentsFile)
	var sum *pipeline.StreamSummary
	err := fileio.WriteAtomic(recPath, func(recOut io.Writer) error {
		return fileio.WriteAtomic(shPath, func(shOut io.Writer) error {
			sink := &streamSink{
				recs: newRowWriter[Record](ctx, recOut, recPath, opt),
				shs:  newRowWriter[Shipment](ctx, shOut, shPath, opt),
			}
			var err error
			if sum, err = pipeline.Stream(ctx, p, sopt, sink, progress); err != nil {
				return err
			}
			if err := sink.shs.close(); err != nil {
				return err
			}
			return sink.recs.close()
		})
	})
	if err != nil {
		return nil, err
	}
	r := sum.Result
	if err := writeFile(ctx, filepath.Join(dir, EntitiesFile), opt, func(emit func(Entity) error) error {
		return entities(r, emit)
	}); err != nil {
		return nil, err
	}
	if err := writeFile(ctx, filepath.Join(dir, DecisionsFile), opt, func(emit func(Decision) error) error {
		return decisions(r, sum.HasRow, emit)
	}); err != nil {
		return nil, err
	}
	return sum, writeReview(ctx, dir, opt, r, sum.Dupes)
}

// streamSink writes what Stream hands over to records.parquet and
// shipments.parquet.
type streamSink struct {
	recs *rowWriter[Record]
	shs  *rowWriter[Shipment]
}

// Sheet writes the rows of a sheet that hold no record, with their fates.
func (s *streamSink) Sheet(f *pipeline.FileResult, sh *pipeline.SheetResult, isRecord func(row int) bool) error {
	if sh == nil {
		return s.recs.add(fileError(f))
	}
	last := sh.TotalRows
	if n := len(sh.Skips); n > 0 {
		last = max(last, sh.Skips[n-1].Row)
	}
	si := 0
	for row := 1; row <= last; row++ {
		for si < len(sh.Skips) && sh.Skips[si].Row < row {
			si++
		}
		if isRecord(row) {
			continue
		}
		out := otherRow(sh, row, si)
		provenance(&out, f, sh, row)
		if err := s.recs.add(out); err != nil {
			return err
		}
	}
	return nil
}

// Part writes a part's records and shipments.
func (s *streamSink) Part(r *pipeline.Result) error {
	for k := range r.Records {
		out := record(r, k)
		ref := r.RecSheet[k]
		f := &r.Files[ref.File]
		provenance(&out, f, &f.Sheets[ref.Sheet], r.Records[k].Source.Row)
		if err := s.recs.add(out); err != nil {
			return err
		}
	}
	return shipments(r, s.shs.add)
}
