package ui

import (
	"errors"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
)

// A file none of whose sheets gave a row counts among the sources that
// could not be read, unless the user left its sheets out.
func TestFileErr(t *testing.T) {
	noTable := errors.New("not a data sheet")
	cases := []struct {
		name   string
		f      pipeline.FileResult
		unread bool
	}{
		{"file error", pipeline.FileResult{Err: reconcile.ErrCorrupt}, true},
		{"only a notes sheet", pipeline.FileResult{Sheets: []pipeline.SheetResult{{Err: noTable, NoTable: true}}}, true},
		{"notes and data", pipeline.FileResult{Sheets: []pipeline.SheetResult{{Err: noTable, NoTable: true}, {Rows: 3}}}, false},
		{"left out by the user", pipeline.FileResult{Sheets: []pipeline.SheetResult{{LeftOut: "left out by the user"}, {Err: noTable, NoTable: true}}}, false},
		{"only a summary sheet", pipeline.FileResult{Sheets: []pipeline.SheetResult{{LeftOut: "a summary sheet", Summary: true}, {Err: noTable, NoTable: true}}}, true},
		{"claims workbook", pipeline.FileResult{Sheets: []pipeline.SheetResult{{Sheet: claims.SheetName, Err: noTable, NoTable: true}}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := fileErr(c.f) != nil; got != c.unread {
				t.Errorf("fileErr != nil is %v, want %v", got, c.unread)
			}
		})
	}
}

// The Sources line of a sheet without figures follows its kind (NotData),
// not the first words of its status.
func TestSheetLineNotData(t *testing.T) {
	cases := []struct {
		sh   pipeline.SheetResult
		want string
	}{
		{pipeline.SheetResult{NoTable: true, NotData: true, Status: "no figures"}, "not a data sheet, left out"},
		{pipeline.SheetResult{NoTable: true, Status: "not a data sheet? no header row"}, "no table found"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := sheetLine(&c.sh); got != c.want {
				t.Errorf("sheetLine(%+v) = %q, want %q", c.sh, got, c.want)
			}
		})
	}
}
