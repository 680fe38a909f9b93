package reconcile

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Positioned errors wrap one of these so callers can use
// errors.Is; the Error's message says what to do.
var (
	ErrNotFound      = errors.New("file not found")
	ErrIsDirectory   = errors.New("is a directory")
	ErrEmpty         = errors.New("file is empty")
	ErrCorrupt       = errors.New("file is damaged or truncated")
	ErrNotSheet      = errors.New("not a spreadsheet")
	ErrLegacyXLS     = errors.New("legacy .xls format")
	ErrODS           = errors.New("OpenDocument spreadsheet")
	ErrEncrypted     = errors.New("workbook is password-protected")
	ErrWrongPassword = errors.New("wrong password")
	ErrTooLarge      = errors.New("over a size limit")
	ErrNoTable       = errors.New("no table found")
	// ErrNeedsMapping: a table with figures but no column the reader
	// could map to a party or a date; its rows are not read until the
	// user maps one, so they never enter totals unexplained.
	ErrNeedsMapping = errors.New("columns need mapping")
	// ErrNotData: a table with no figures (a notes sheet with a
	// Consignee header and sentences below). It comes with ErrNoTable,
	// and says why there is none: the sheet is read and left out, not
	// a table the reader missed.
	ErrNotData   = errors.New("not a data sheet")
	ErrOwnOutput = errors.New("a Tradecheck output workbook")
	ErrOverwrite = errors.New("would overwrite an input")
	ErrCanceled  = errors.New("canceled")
)

// Error is an error tied to a position in an input file. Zero fields are
// unknown and left out of the message. Row and Column are 1-based as Excel
// shows them; Column 0 means no column.
type Error struct {
	File   string
	Sheet  string
	Row    int
	Column int
	Err    error // a sentinel above, or an underlying error
	// Hint says what the user should do, in words that fit every front
	// end: the app shows it word for word, so it names no flag or screen.
	Hint string
	// Fix is the kind of step Hint asks for, so a front end can add where
	// to take it with its own controls (Explain).
	Fix Fix
}

// Fix is the kind of step that resolves an Error or settles a Note. The
// engine cannot word it for both front ends ("use --password" means
// nothing in the app), so it names the step and each front end says
// where to take it (the CLI's flag, the app's control).
type Fix uint8

const (
	FixNone          Fix = iota
	FixPassword          // give the workbook's password
	FixOutputFile        // choose another output file
	FixOutputFolder      // choose another output folder
	FixMapColumns        // map a sheet's party and date columns; with Step.Column and Value, that column to that field
	FixCheckClaims       // check claims, so an audit workbook carries them
	FixDateOrder         // state whether a sheet's dates are day first or month first
	FixTonUnit           // say whether a sheet's "tons" are metric, short or long
	FixCurrencyRate      // give a rate in USD for the currency label Step.Value
	FixTradeFlow         // say that a file holds export declarations, and which country declared them
	FixIncludeRows       // include rows the reader could not identify as shipments, one by one
	FixShipmentRules     // the shipment rules (B/L window, packaging band, export window) a run used
	FixLeaveOutSheet     // leave a sheet out of every total (a summary of another sheet, not shipments)
	// FixImportDestination undoes the destination an import register's
	// rows took from the declaring country (Step.Value): say the file
	// holds export declarations, or give the rows' destination country.
	FixImportDestination
	// FixDecimalSeparator sets the decimal separator of a weight column
	// (Step.Column) whose "1,125" the file cannot settle.
	FixDecimalSeparator
)

// Step is e's Fix with where it applies, for a front end's wording.
func (e *Error) Step() Step {
	return Step{Fix: e.Fix, File: e.File, Sheet: e.Sheet, Column: e.Column}
}

// StepOf is the step the first *Error in err's chain asks for; the zero
// Step when there is none.
func StepOf(err error) Step {
	var re *Error
	if errors.As(err, &re) {
		return re.Step()
	}
	return Step{}
}

// HintWith is e's hint followed by how(e.Step()), a front end's words for
// where to take the step e.Fix names; just the hint when how has none.
func (e *Error) HintWith(how func(Step) string) string {
	if e.Fix == FixNone || how == nil {
		return e.Hint
	}
	w := how(e.Step())
	switch {
	case w == "":
		return e.Hint
	case e.Hint == "":
		return w
	}
	return e.Hint + "; " + w
}

// Explain is err's message with the hint of each *Error in it completed
// by how (HintWith). Errors joined with errors.Join are explained one by
// one, a line each, as errors.Join prints them.
func Explain(err error, how func(Step) string) string {
	if err == nil {
		return ""
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range j.Unwrap() {
			lines = append(lines, Explain(e, how))
		}
		return strings.Join(lines, "\n")
	}
	msg := err.Error()
	var re *Error
	if !errors.As(err, &re) || re.Fix == FixNone {
		return msg
	}
	c := *re
	c.Hint = re.HintWith(how)
	if c.Hint == re.Hint {
		return msg
	}
	// err may wrap re in words of its own: keep them.
	if inner := re.Error(); strings.Contains(msg, inner) {
		return strings.Replace(msg, inner, c.Error(), 1)
	}
	return msg + " (" + how(re.Step()) + ")"
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		fmt.Fprintf(&b, ", sheet %q", e.Sheet)
	}
	if e.Row > 0 {
		fmt.Fprintf(&b, ", row %d", e.Row)
	}
	if e.Column > 0 {
		fmt.Fprintf(&b, ", column %s", ColumnName(e.Column))
	}
	b.WriteString(": ")
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// ColumnName turns a 1-based column number into Excel letters: 1→A, 28→AB.
func ColumnName(n int) string {
	if n <= 0 {
		return ""
	}
	var buf [8]byte
	i := len(buf)
	for n > 0 {
		n--
		i--
		buf[i] = byte('A' + n%26)
		n /= 26
	}
	return string(buf[i:])
}
