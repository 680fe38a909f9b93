package read

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// sheetRows places rows by 1-based row number; nil rows are left absent.
type sheetRows map[int][]any

// writeXLSX writes a workbook with one sheet per entry (in order of names).
func writeXLSX(t testing.TB, name string, sheets []string, data map[string]sheetRows, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh); err != nil {
			t.Fatal(err)
		}
		for r, row := range data[sh] {
			if row == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := f.SetSheetRow(sh, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readSheet reads every record and skip of one sheet.
func readSheet(t testing.TB, path, sheet string, opt Options) (*SheetReader, []reconcile.Record) {
	t.Helper()
	w, err := Open(path, opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { w.Close() })
	sr, err := w.Sheet(sheet)
	if err != nil {
		t.Fatalf("Sheet(%q): %v", sheet, err)
	}
	t.Cleanup(func() { sr.Close() })
	var recs []reconcile.Record
	for {
		rec, err := sr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Read: %v", err)
		}
		recs = append(recs, rec)
	}
	return sr, recs
}

func fieldOf(cols []Column, header string) reconcile.Field {
	for _, c := range cols {
		if c.Header == header {
			return c.Field
		}
	}
	return "(no such column)"
}

func hasFlag(r reconcile.Record, f reconcile.Field, code reconcile.FlagCode) bool {
	for _, fl := range r.Flags {
		if fl.Field == f && fl.Code == code {
			return true
		}
	}
	return false
}

func readAll(t testing.TB, path string, opt Options) *File {
	t.Helper()
	f, err := ReadAll(context.Background(), path, opt, nil)
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	return f
}
