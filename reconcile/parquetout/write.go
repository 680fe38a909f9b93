package parquetout

import (
	"context"
	"io"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/pipeline"
)

// RowGroupRows is the default number of rows per row group: large enough
// for good compression and fast scans, small enough that the column
// buffers of one group (the export's only memory that grows with rows)
// stay in the tens of MB.
const RowGroupRows = 64 << 10

// Options of Write. The zero value writes with the defaults.
type Options struct {
	RowGroupRows int // rows per row group; 0 = RowGroupRows
	// Progress, when set, is called with the file being written and rows
	// written to it so far, every batch.
	Progress func(file string, rows int)
}

// Write writes the four Parquet files of r into dir, creating dir when it
// does not exist. Each file is written atomically: an interrupted or
// failed export leaves the previous files in place. It refuses a folder
// that holds one of the run's inputs under one of the names it writes.
func Write(ctx context.Context, r *pipeline.Result, dir string, opt Options) error {
	if opt.RowGroupRows <= 0 {
		opt.RowGroupRows = RowGroupRows
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return &reconcile.Error{File: dir, Err: reconcile.ErrOverwrite, Hint: "the Parquet files go into a folder; this is a file", Fix: reconcile.FixOutputFolder}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &reconcile.Error{File: dir, Err: err, Hint: "cannot create the output folder"}
	}
	for _, name := range []string{RecordsFile, ShipmentsFile, EntitiesFile, DecisionsFile} {
		for _, s := range r.Project.Sources {
			if fileio.Same(s.Path, filepath.Join(dir, name)) {
				return &reconcile.Error{File: s.Path, Err: reconcile.ErrOverwrite, Hint: "choose another folder for the Parquet files; inputs are never overwritten", Fix: reconcile.FixOutputFolder}
			}
		}
	}
	if err := writeFile(ctx, filepath.Join(dir, RecordsFile), opt, func(emit func(Record) error) error {
		return records(r, emit)
	}); err != nil {
		return err
	}
	if err := writeFile(ctx, filepath.Join(dir, ShipmentsFile), opt, func(emit func(Shipment) error) error {
		return shipments(r, emit)
	}); err != nil {
		return err
	}
	if err := writeFile(ctx, filepath.Join(dir, EntitiesFile), opt, func(emit func(Entity) error) error {
		return entities(r, emit)
	}); err != nil {
		return err
	}
	return writeFile(ctx, filepath.Join(dir, DecisionsFile), opt, func(emit func(Decision) error) error {
		return decisions(r, emit)
	})
}

// batchRows is how many rows are handed to the Parquet writer at once.
const batchRows = 1024

// writeFile streams the rows produce emits into path: batches of
// batchRows go to the writer, and every opt.RowGroupRows rows the row
// group is flushed to the file, so memory does not grow with the rows.
func writeFile[T any](ctx context.Context, path string, opt Options, produce func(emit func(T) error) error) error {
	return fileio.WriteAtomic(path, func(out io.Writer) error {
		return writeStream(ctx, out, path, opt, produce)
	})
}

// writeStream writes the rows produce emits as one Parquet file to out;
// path names it in errors and progress.
func writeStream[T any](ctx context.Context, out io.Writer, path string, opt Options, produce func(emit func(T) error) error) error {
	w := parquet.NewGenericWriter[T](out,
		parquet.Compression(&parquet.Zstd),
		parquet.CreatedBy("tradecheck", pipeline.Version, ""),
		parquet.KeyValueMetadata("tradecheck.schema_version", SchemaVersion),
		parquet.KeyValueMetadata("tradecheck.version", pipeline.Version),
	)
	buf := make([]T, 0, min(batchRows, opt.RowGroupRows))
	inGroup, total := 0, 0
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := w.Write(buf); err != nil {
			return writeErr(path, err)
		}
		inGroup += len(buf)
		total += len(buf)
		clear(buf) // drop references to strings and slices already written
		buf = buf[:0]
		if inGroup >= opt.RowGroupRows {
			if err := w.Flush(); err != nil {
				return writeErr(path, err)
			}
			inGroup = 0
		}
		if opt.Progress != nil {
			opt.Progress(path, total)
		}
		return nil
	}
	err := produce(func(row T) error {
		buf = append(buf, row)
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return writeErr(path, err)
	}
	return nil
}

func writeErr(path string, err error) error {
	return &reconcile.Error{File: path, Err: err, Hint: "writing the Parquet file failed (disk full?); the previous file, if any, is unchanged"}
}
