package reconcile

import (
	"errors"
	"fmt"
	"testing"
)

// Explain completes the hint of an error with a Fix in a front end's own
// words, wherever the error sits in a chain or a join, and leaves other
// errors as they print.
func TestExplain(t *testing.T) {
	t.Parallel()
	pw := &Error{File: "a.xlsx", Err: ErrEncrypted, Hint: "give the workbook's password", Fix: FixPassword}
	plain := &Error{File: "b.csv", Row: 3, Err: ErrCorrupt, Hint: "save it again"}
	noHint := &Error{File: "c.xlsx", Err: ErrOverwrite, Fix: FixOutputFile}
	how := func(re Step) string {
		switch re.Fix {
		case FixPassword:
			return "use --password"
		case FixOutputFile:
			return "use -o"
		}
		return ""
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"fix", pw, "a.xlsx: workbook is password-protected — give the workbook's password; use --password"},
		{"no fix", plain, "b.csv, row 3: file is damaged or truncated — save it again"},
		{"no hint", noHint, "c.xlsx: would overwrite an input — use -o"},
		{"wrapped", fmt.Errorf("reading sources: %w", pw), "reading sources: a.xlsx: workbook is password-protected — give the workbook's password; use --password"},
		{"joined", errors.Join(pw, plain), "a.xlsx: workbook is password-protected — give the workbook's password; use --password\nb.csv, row 3: file is damaged or truncated — save it again"},
		{"not positioned", ErrCanceled, "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Explain(tt.err, how); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	if got := Explain(pw, nil); got != pw.Error() {
		t.Errorf("without wording: %q, want the plain message %q", got, pw.Error())
	}
	if Explain(nil, how) != "" {
		t.Error("a nil error explains as text")
	}
}

// StepOf finds the step of a positioned error wherever it sits in a
// chain, with the error's file, sheet and column; none for other errors.
func TestStepOf(t *testing.T) {
	t.Parallel()
	re := &Error{File: "a.csv", Sheet: "S", Column: 3, Err: ErrNeedsMapping, Fix: FixMapColumns}
	want := Step{Fix: FixMapColumns, File: "a.csv", Sheet: "S", Column: 3}
	if got := StepOf(fmt.Errorf("reading: %w", re)); got != want {
		t.Errorf("wrapped: %+v, want %+v", got, want)
	}
	if got := StepOf(ErrCanceled); got != (Step{}) {
		t.Errorf("plain error: %+v, want no step", got)
	}
	if got := StepOf(nil); got != (Step{}) {
		t.Errorf("nil: %+v, want no step", got)
	}
}

// A note is its text, completed by a front end's words for its step.
func TestNoteWith(t *testing.T) {
	t.Parallel()
	how := func(s Step) string {
		if s.Fix == FixDateOrder {
			return "with the order of " + s.File
		}
		return ""
	}
	tests := []struct {
		note Note
		want string
	}{
		{Note{Text: "dates left undated", Step: Step{Fix: FixDateOrder, File: "us.csv"}}, "dates left undated — with the order of us.csv"},
		{Note{Text: "tons left out", Step: Step{Fix: FixTonUnit}}, "tons left out"},
		{Note{Text: "sheet hidden"}, "sheet hidden"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.note.With(how); got != tt.want {
				t.Errorf("With = %q, want %q", got, tt.want)
			}
			if got := tt.note.With(nil); got != tt.note.Text {
				t.Errorf("With(nil) = %q, want the text", got)
			}
		})
	}
	ns := []Note{tests[0].note, tests[2].note}
	if got := NotesWith(ns, how); len(got) != 2 || got[0] != tests[0].want || got[1] != "sheet hidden" {
		t.Errorf("NotesWith = %q", got)
	}
	if got := NoteTexts(ns); len(got) != 2 || got[0] != "dates left undated" {
		t.Errorf("NoteTexts = %q", got)
	}
}
