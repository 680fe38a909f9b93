// Package fileio is the one home for the file handling every output and
// every input check needs: atomic writes, a file's SHA-256, and "are these
// two names the same file". The engine, the CLI and the app all write
// through it, so a crash never leaves half a file anywhere.
//
// It is written by hand rather than with github.com/google/renameio: that
// package does not build for Windows, and the app ships a Windows .exe.
package fileio

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"

	"tradecheck/reconcile"
)

// WriteAtomic writes path by calling write on a temporary file in the same
// folder, then syncing it and renaming it over path. On any failure the
// temporary file is removed and the previous file at path is intact. The
// new file gets the mode of the one it replaces, else 0644
// (reconcile.OutputMode): os.CreateTemp's 0600 would hide an audit workbook
// from the editor it is written for.
//
// Its own failures are *reconcile.Error naming path with a hint; write's
// error is returned as it is, so a caller's positioned error survives.
func WriteAtomic(path string, write func(w io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return &reconcile.Error{File: path, Err: err, Hint: "check that the folder exists and is writable"}
	}
	name := tmp.Name()
	if err := write(tmp); err != nil {
		tmp.Close()
		os.Remove(name)
		return err
	}
	err = tmp.Sync()
	if err == nil {
		err = tmp.Chmod(reconcile.OutputMode(path))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return &reconcile.Error{File: path, Err: err, Hint: "writing failed (is the disk full?); the previous file, if any, is unchanged"}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return &reconcile.Error{File: path, Err: err, Hint: "cannot replace the file; the previous file, if any, is unchanged"}
	}
	SyncDir(dir)
	return nil
}

// WriteFile is WriteAtomic for data already in memory.
func WriteFile(path string, data []byte) error {
	return WriteAtomic(path, func(w io.Writer) error {
		if _, err := w.Write(data); err != nil {
			return &reconcile.Error{File: path, Err: err, Hint: "writing failed (is the disk full?); the previous file, if any, is unchanged"}
		}
		return nil
	})
}

// SyncDir flushes a folder's entry list so a rename survives a power cut.
// Not every system can open a folder for syncing (Windows cannot); the
// rename has happened either way, so failures are ignored.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// SHA256 returns the hex SHA-256 of a file's bytes. It stops early when ctx
// is cancelled, so hashing a large file never holds up a Cancel button.
func SHA256(ctx context.Context, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		n, err := f.Read(buf)
		h.Write(buf[:n])
		if errors.Is(err, io.EOF) {
			return hex.EncodeToString(h.Sum(nil)), nil
		}
		if err != nil {
			return "", err
		}
	}
}

// Same reports whether a and b name the same file: the same absolute path,
// or, when both exist, the same file under two names (a link, "./a.xlsx"
// against "a.xlsx", another case on a case-insensitive disk).
func Same(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	if err1 != nil || err2 != nil {
		if a == b {
			return true
		}
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
