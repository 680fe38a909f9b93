package screen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tradecheck/reconcile"
)

// sniffSize is how much of a file format detection looks at.
const sniffSize = 64 << 10

// openText wraps r so that it yields UTF-8: a UTF-8 byte-order mark is
// dropped and UTF-16 with a mark is decoded. Other bytes pass through;
// fields that are not valid UTF-8 are repaired one by one (field), since
// OFAC's legacy files are Latin-1 and a few accented names should not
// turn a whole file into Windows-1252 guesses.
func openText(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, sniffSize)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		return bufio.NewReaderSize(transform.NewReader(br, dec), sniffSize)
	}
	return br
}

// field trims a cell, turns OFAC's "-0-" into "", and decodes a cell
// that is not UTF-8 as Windows-1252 (a superset of Latin-1's letters).
func field(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	if !utf8.ValidString(s) {
		if d, err := charmap.Windows1252.NewDecoder().String(s); err == nil {
			s = d
		}
	}
	return s
}

// newCSV returns a lenient CSV reader: any number of fields, quotes inside
// unquoted fields kept (lists are typed by hand upstream).
func newCSV(r io.Reader, comma rune) *csv.Reader {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return cr
}

// rowErrors collects rows that could not be read, so that a list notes
// them instead of dropping them silently. It keeps the first few line
// numbers and a count.
type rowErrors struct {
	n     int
	lines []int
}

func (e *rowErrors) add(line int) {
	e.n++
	if len(e.lines) < 5 {
		e.lines = append(e.lines, line)
	}
}

func (e *rowErrors) note(what string) string {
	if e.n == 0 {
		return ""
	}
	ls := make([]string, len(e.lines))
	for i, l := range e.lines {
		ls[i] = fmt.Sprint(l)
	}
	more := ""
	if e.n > len(e.lines) {
		more = ", …"
	}
	return fmt.Sprintf("%d %s could not be read and were left out (lines %s%s)", e.n, what, strings.Join(ls, ", "), more)
}

// readRecord reads one record. A malformed record is counted in bad and
// skipped (ok=false, err=nil); io.EOF and read errors end the file.
func readRecord(cr *csv.Reader, bad *rowErrors) (rec []string, line int, ok bool, err error) {
	rec, err = cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			bad.add(pe.StartLine)
			return nil, pe.StartLine, false, nil
		}
		return nil, 0, false, err
	}
	// FieldPos is only valid after a record was read.
	line, _ = cr.FieldPos(0)
	return rec, line, true, nil
}

// blank reports whether a record holds nothing but spaces, "-0-" and the
// end-of-file mark (Ctrl-Z) that OFAC's legacy files end with.
func blank(rec []string) bool {
	for _, c := range rec {
		c = strings.Trim(c, " \t\r\n\x1a")
		if c != "" && c != "-0-" {
			return false
		}
	}
	return true
}

// fileError wraps err with the file (and row when known).
func fileError(path string, row int, err error, hint string) error {
	return &reconcile.Error{File: path, Row: row, Err: err, Hint: hint}
}

// splitList splits a ";"-joined cell into trimmed, non-empty values.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addUnique appends s to list unless it is empty or already there.
func addUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// addName appends a name unless its text is empty or already there.
func (e *Entry) addName(text, typ string) {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return
	}
	for _, n := range e.Names {
		if n.Text == text {
			return
		}
	}
	e.Names = append(e.Names, Name{Text: text, Type: typ})
}
