package workbook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
)

// WriteOptions control where the workbook goes.
type WriteOptions struct {
	// Inputs are the run's input paths; writing over one is refused with
	// reconcile.ErrOverwrite.
	Inputs []string
	// NoClobber never replaces an existing file: when path exists a "-2",
	// "-3" … suffix is added, and the final step links the temp file into
	// place only if the name is still free (so concurrent runs writing the
	// same default name each get their own file).
	NoClobber bool
	// Progress is called with rows written so far and the total.
	Progress func(done, total int)

	// writeTo, when set, replaces writeTo, so a test can simulate a
	// full disk.
	writeTo func(*excelize.File, io.Writer) error
}

// Write writes d to path atomically and returns the path written (which
// differs from path only with NoClobber). The previous file at path is
// intact on any failure.
func Write(ctx context.Context, d *Data, path string, opt WriteOptions) (string, error) {
	if err := checkTarget(path, opt.Inputs); err != nil {
		return "", err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+"-*.tmp")
	if err != nil {
		return "", writeErr(path, err, "cannot create a file in the output folder")
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	f, err := build(ctx, d, opt.Progress)
	if err != nil {
		return "", err
	}
	write := writeTo
	if opt.writeTo != nil {
		write = opt.writeTo
	}
	err = write(f, tmp)
	f.Close()
	if err != nil {
		return "", writeErr(path, err, "writing the workbook failed")
	}
	if err := tmp.Sync(); err != nil {
		return "", writeErr(path, err, "writing the workbook failed")
	}
	if err := tmp.Chmod(reconcile.OutputMode(path)); err != nil {
		return "", writeErr(path, err, "writing the workbook failed")
	}
	if err := tmp.Close(); err != nil {
		return "", writeErr(path, err, "writing the workbook failed")
	}
	final := path
	if opt.NoClobber {
		final, err = linkUnique(tmpName, path)
		if err != nil {
			return "", writeErr(path, err, "cannot place the workbook in the output folder")
		}
		os.Remove(tmpName)
	} else if err := os.Rename(tmpName, path); err != nil {
		return "", writeErr(path, err, "cannot replace the output file")
	}
	ok = true
	fileio.SyncDir(dir)
	return final, nil
}

// writeTo serialises the workbook straight into w. excelize's own WriteTo assembles the whole zip in
// memory first (hundreds of MB for a million rows), so the zip writer is
// pointed at the file instead (parallelZip: the large sheets are deflated
// on every core), with the fastest deflate level: the sheets are large and
// repetitive, and speed matters more than a few percent of size.
func writeTo(f *excelize.File, w io.Writer) error {
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newParallelZip(w, "") })
	buf, err := f.WriteToBuffer()
	if err == nil && buf.Len() > 0 {
		_, err = buf.WriteTo(w) // not expected: the zip went to w directly
	}
	return err
}

// linkUnique hard-links tmp to path or the first free path-2, path-3 …
// name; a link fails when the name exists, so two runs never share one.
// Where links are unsupported it falls back to an exclusive create check
// plus rename.
func linkUnique(tmp, path string) (string, error) {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for n := 1; n < 10000; n++ {
		cand := path
		if n > 1 {
			cand = stem + "-" + strconv.Itoa(n) + ext
		}
		err := os.Link(tmp, cand)
		if err == nil {
			return cand, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		// No hard links here (some network or FAT drives): claim the
		// name exclusively, then rename over the claim.
		h, cerr := os.OpenFile(cand, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if cerr != nil {
			if errors.Is(cerr, fs.ErrExist) {
				continue
			}
			return "", cerr
		}
		h.Close()
		if err := os.Rename(tmp, cand); err != nil {
			os.Remove(cand)
			return "", err
		}
		return cand, nil
	}
	return "", fmt.Errorf("no free name beside %s", path)
}

// checkTarget refuses writing over an input or into a directory.
func checkTarget(path string, inputs []string) error {
	fi, err := os.Stat(path)
	if err == nil && fi.IsDir() {
		return &reconcile.Error{File: path, Err: reconcile.ErrIsDirectory, Hint: "give a file name ending in .xlsx for the output"}
	}
	abs, _ := filepath.Abs(path)
	for _, in := range inputs {
		ia, _ := filepath.Abs(in)
		same := ia == abs
		if !same && err == nil {
			if ii, e := os.Stat(in); e == nil && os.SameFile(ii, fi) {
				same = true
			}
		}
		if same {
			return &reconcile.Error{File: path, Err: reconcile.ErrOverwrite, Hint: "choose another output name; inputs are never overwritten", Fix: reconcile.FixOutputFile}
		}
	}
	return nil
}

// writeErr explains the usual failures: read-only folder, disk full,
// file open in another program.
func writeErr(path string, err error, what string) error {
	hint, fix := what+" ("+err.Error()+"); the previous file, if any, is unchanged", reconcile.FixNone
	switch {
	case errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS):
		hint, fix = "the output folder or file is read-only or locked (is it open in Excel?); choose another place — the previous file, if any, is unchanged", reconcile.FixOutputFile
	case errors.Is(err, syscall.ENOSPC):
		hint, fix = "the disk is full; free some space or write elsewhere — the previous file, if any, is unchanged", reconcile.FixOutputFile
	case errors.Is(err, fs.ErrNotExist):
		hint, fix = "the output folder does not exist; create it or choose another", reconcile.FixOutputFile
	}
	return &reconcile.Error{File: path, Err: err, Hint: hint, Fix: fix}
}

// build assembles the workbook in memory-light streaming form.
func build(ctx context.Context, d *Data, progress func(done, total int)) (*excelize.File, error) {
	f := excelize.NewFile()
	w := &writer{ctx: ctx, d: d, f: f, progress: progress}
	if err := w.run(); err != nil {
		f.Close()
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, reconcile.ErrCanceled
		}
		return nil, err
	}
	return f, nil
}
