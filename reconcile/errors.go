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
	ErrOwnOutput    = errors.New("a Tradecheck output workbook")
	ErrOverwrite    = errors.New("would overwrite an input")
	ErrCanceled     = errors.New("canceled")
)

// Error is an error tied to a position in an input file. Zero fields are
// unknown and left out of the message. Row and Column are 1-based as Excel
// shows them; Column 0 means no column.
type Error struct {
	File   string
	Sheet  string
	Row    int
	Column int
	Err    error  // a sentinel above, or an underlying error
	Hint   string // what the user should do
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
