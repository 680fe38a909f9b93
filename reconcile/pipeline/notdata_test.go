package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// A sheet without figures is "not a data sheet" by its typed status
// (NotData, reconcile.ErrNotData), not by the words its status starts
// with: the read note says it is left out, and a sheet with no table at
// all is no such sheet.
func TestNotDataSheetTyped(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, body string
		notData    bool
	}{
		{"notes.csv", "Consignee;Net weight\nsee the notes;n/a\nmore;text\n", true},
		{"numbers.csv", "1,2,3\n4,5,6\n", false},
	}
	p := &Project{Sources: []SourceSpec{{Path: writeFile(t, dir, "reg.csv", "Date,Consignee,Net weight (kg)\n2022-10-03,OOO ALFA,100\n")}}}
	for _, c := range cases {
		p.Sources = append(p.Sources, SourceSpec{Path: writeFile(t, dir, c.name, c.body)})
	}
	res, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(reconcile.NoteTexts(res.ReadNotes()), "\n")
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := res.Files[i+1].Sheets[0]
			if s.NotData != c.notData || errors.Is(s.Err, reconcile.ErrNotData) != c.notData || !s.NoTable {
				t.Errorf("NotData=%v Is(ErrNotData)=%v NoTable=%v (status %q), want NotData %v on a sheet without a table", s.NotData, errors.Is(s.Err, reconcile.ErrNotData), s.NoTable, s.Status, c.notData)
			}
			if got := strings.Contains(notes, c.name+": not a data sheet: "); got != c.notData {
				t.Errorf("read notes say it is not a data sheet: %v, want %v:\n%s", got, c.notData, notes)
			}
		})
	}
	// The status's words are for people: reworded, the sheet is still
	// not a data sheet, and a status that merely starts with those words
	// makes none.
	s := res.Files[1].Sheets[0]
	s.Status = "no figures"
	res.Files[1].Sheets[0] = s
	n := res.Files[2].Sheets[0]
	n.Status = "not a data sheet? no header row"
	res.Files[2].Sheets[0] = n
	notes = strings.Join(reconcile.NoteTexts(res.ReadNotes()), "\n")
	if !strings.Contains(notes, "notes.csv: no figures; left out") || strings.Contains(notes, "numbers.csv: not a data sheet") {
		t.Errorf("read notes follow the status's words, not its kind:\n%s", notes)
	}
}
