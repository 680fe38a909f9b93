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
	// meta is key-value metadata one file carries besides the schema
	// version (writeReview sets it per file).
	meta [][2]string
}

// Write writes the six Parquet files of r into dir, creating dir when it
// does not exist. Each file is written atomically: an interrupted or
// failed export leaves the previous files in place. It refuses a folder
// that holds one of the run's inputs under one of the names it writes.
func Write(ctx context.Context, r *pipeline.Result, dir string, opt Options) error {
	if opt.RowGroupRows <= 0 {
		opt.RowGroupRows = RowGroupRows
	}
	if err := prepareDir(dir, r.Project.Sources); err != nil {
		return err
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
	if err := writeFile(ctx, filepath.Join(dir, DecisionsFile), opt, func(emit func(Decision) error) error {
		return decisions(r, decisionRows(r), emit)
	}); err != nil {
		return err
	}
	return writeReview(ctx, dir, opt, r, r.DupList())
}

// prepareDir creates dir and refuses one that is a file or would have
// an input overwritten.
func prepareDir(dir string, sources []pipeline.SourceSpec) error {
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return &reconcile.Error{File: dir, Err: reconcile.ErrOverwrite, Hint: "the Parquet files go into a folder; this is a file", Fix: reconcile.FixOutputFolder}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &reconcile.Error{File: dir, Err: err, Hint: "cannot create the output folder"}
	}
	for _, name := range outFiles {
		for _, s := range sources {
			if fileio.Same(s.Path, filepath.Join(dir, name)) {
				return &reconcile.Error{File: s.Path, Err: reconcile.ErrOverwrite, Hint: "choose another folder for the Parquet files; inputs are never overwritten", Fix: reconcile.FixOutputFolder}
			}
		}
	}
	return nil
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
	w := newRowWriter[T](ctx, out, path, opt)
	if err := produce(w.add); err != nil {
		return err
	}
	return w.close()
}

// rowWriter writes rows of type T as one Parquet file: batches of
// batchRows go to the writer, and every opt.RowGroupRows rows the row
// group is flushed, so memory does not grow with the rows.
type rowWriter[T any] struct {
	ctx          context.Context
	w            *parquet.GenericWriter[T]
	path         string
	opt          Options
	buf          []T
	inGroup, all int
}

func newRowWriter[T any](ctx context.Context, out io.Writer, path string, opt Options) *rowWriter[T] {
	if opt.RowGroupRows <= 0 {
		opt.RowGroupRows = RowGroupRows
	}
	opts := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.CreatedBy("tradecheck", pipeline.Version, ""),
		parquet.KeyValueMetadata("tradecheck.schema_version", SchemaVersion),
		parquet.KeyValueMetadata("tradecheck.version", pipeline.Version),
	}
	for _, kv := range opt.meta {
		opts = append(opts, parquet.KeyValueMetadata(kv[0], kv[1]))
	}
	w := parquet.NewGenericWriter[T](out, opts...)
	return &rowWriter[T]{ctx: ctx, w: w, path: path, opt: opt, buf: make([]T, 0, min(batchRows, opt.RowGroupRows))}
}

func (rw *rowWriter[T]) add(row T) error {
	rw.buf = append(rw.buf, row)
	if len(rw.buf) == cap(rw.buf) {
		return rw.flush()
	}
	return nil
}

func (rw *rowWriter[T]) flush() error {
	if len(rw.buf) == 0 {
		return nil
	}
	if err := rw.ctx.Err(); err != nil {
		return err
	}
	if _, err := rw.w.Write(rw.buf); err != nil {
		return writeErr(rw.path, err)
	}
	rw.inGroup += len(rw.buf)
	rw.all += len(rw.buf)
	clear(rw.buf) // drop references to strings and slices already written
	rw.buf = rw.buf[:0]
	if rw.inGroup >= rw.opt.RowGroupRows {
		if err := rw.w.Flush(); err != nil {
			return writeErr(rw.path, err)
		}
		rw.inGroup = 0
	}
	if rw.opt.Progress != nil {
		rw.opt.Progress(rw.path, rw.all)
	}
	return nil
}

// close writes the last rows and the file's footer.
func (rw *rowWriter[T]) close() error {
	if err := rw.flush(); err != nil {
		return err
	}
	if err := rw.w.Close(); err != nil {
		return writeErr(rw.path, err)
	}
	return nil
}

func writeErr(path string, err error) error {
	return &reconcile.Error{File: path, Err: err, Hint: "writing the Parquet file failed (disk full?); the previous file, if any, is unchanged"}
}
