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
