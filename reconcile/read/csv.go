package read

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"

	"tradecheck/reconcile"
)

// Limits of the text reader.
const (
	csvSniffBytes      = 64 << 10
	csvMaxQuotedLines  = 200     // a quoted field spanning more lines is taken as an unclosed quote
	csvMaxRecordBytes  = 4 << 20 // a record longer than this is malformed
	csvSniffLines      = 200     // records (not lines) the delimiter sniff compares
	csvSniffMaxLines   = 4000    // physical lines it reads to find them
	csvDelimCandidates = "\t;|," // ties go to the rarer character: "1,5;2,5" is semicolon-separated
)

// csvFile is a text table: encoding and delimiter are sniffed once.
type csvFile struct {
	path    string
	sniffed bool
	enc     string // "utf-8", "utf-16le", "utf-16be", or a legacyEncodings name
	encWarn string // the encoding was a close call between two candidates
	delim   byte
	doubt   string // what makes the split into fields doubtful (see sniffDelimiterDoubt)
}

// Encoding returns the detected text encoding.
func (c *csvFile) sniff() error {
	if c.sniffed {
		return nil
	}
	f, err := os.Open(c.path)
	if err != nil {
		return &reconcile.Error{File: c.path, Err: err, Hint: "check that the file can be read"}
	}
	defer f.Close()
	head := make([]byte, csvSniffBytes)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ch := detectEncodingChoice(head)
	c.enc, c.encWarn = ch.name, ch.warning
	dec := decodeHead(head, c.enc)
	if n == csvSniffBytes {
		// The sample ends mid-line: leave the cut line out.
		if i := strings.LastIndexAny(dec, "\r\n"); i > 0 {
			dec = dec[:i]
		}
	}
	c.delim, c.doubt = sniffDelimiterDoubt(dec)
	// Excel's "sep=;" first line names the delimiter outright.
	if len(dec) >= 5 && strings.EqualFold(dec[:4], "sep=") && dec[4] < 0x80 && dec[4] != '\r' && dec[4] != '\n' {
		c.delim, c.doubt = dec[4], ""
	}
	c.sniffed = true
	return nil
}

func (c *csvFile) open() (rowSource, error) {
	if err := c.sniff(); err != nil {
		return nil, err
	}
	f, err := os.Open(c.path)
	if err != nil {
		return nil, &reconcile.Error{File: c.path, Err: err, Hint: "check that the file can be read"}
	}
	var size int64
	if fi, err := f.Stat(); err == nil {
		size = fi.Size()
	}
	cr := &countingReader{r: f}
	src := newCSVSource(cr, f, c.enc, c.delim)
	src.counter, src.size, src.file, src.encWarn = cr, size, c.path, c.encWarn
	return src, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// rowsHint extrapolates the rows read so far over the file's size.
func (s *csvSource) rowsHint() int {
	if s.counter == nil || s.counter.n == 0 || s.rowNo == 0 {
		return 0
	}
	if s.eof && len(s.pending) == 0 {
		return s.rowNo + bytes.Count(s.buf[s.pos:s.end], []byte{'\n'}) + 1
	}
	consumed := float64(s.counter.n) * float64(s.pos) / float64(max(s.end, 1))
	if consumed <= 0 {
		return 0
	}
	return min(int(float64(s.rowNo)*float64(s.size)/consumed*1.02)+16, MaxRows*4)
}

// csvSource splits decoded text into records. It follows RFC 4180 with
// lazy quotes and any of \r\n, \n, \r as line ends. A quote that does not
// close within csvMaxQuotedLines lines (or by EOF) is taken literally and
// its line is reported as malformed, so a stray quote never swallows the
// rest of the file.
type csvSource struct {
	file    string // for positioned errors
	r       io.Reader
	buf     []byte
	pos     int
	end     int
	rerr    error
	closer  io.Closer
	delim   byte
	lineNo  int      // physical lines consumed
	pending []string // lines pushed back after an unclosed quote
	pendAt  int      // physical line number of pending[0]
	rowNo   int
	row     rawRow
	eof     bool
	nulSeen bool
	counter *countingReader
	size    int64
	fields  []string
	encWarn string
	// noJoinUntil is the last physical line already scanned for a closing
	// quote that never came; quotes opened up to it are read literally.
	noJoinUntil int
}

func newCSVSource(r io.Reader, c io.Closer, enc string, delim byte) *csvSource {
	if e := decoderFor(enc); e != nil {
		r = transform.NewReader(r, e.NewDecoder())
	}
	return &csvSource{r: r, buf: make([]byte, 256<<10), closer: c, delim: delim}
}

func (s *csvSource) close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// readLine returns the next physical line without its terminator; \r\n,
// \n and a lone \r all end a line.
func (s *csvSource) readLine() (string, int, bool, error) {
	if len(s.pending) > 0 {
		l := s.pending[0]
		s.pending = s.pending[1:]
		n := s.pendAt
		s.pendAt++
		return l, n, true, nil
	}
	var long []byte
	cut := false
	for {
		data := s.buf[s.pos:s.end]
		i := bytes.IndexAny(data, "\r\n")
		if i >= 0 && (data[i] == '\n' || i+1 < len(data) || s.eof) {
			line := data[:i]
			adv := i + 1
			if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
				adv++
			}
			s.pos += adv
			s.lineNo++
			var out string
			if long != nil {
				if !cut {
					long = append(long, line...)
				}
				out = string(long)
			} else {
				out = string(line)
			}
			if cut {
				return out, s.lineNo, true, errLineTooLong
			}
			return out, s.lineNo, true, nil
		}
		if s.eof {
			if len(data) == 0 && long == nil {
				return "", 0, false, s.rerr
			}
			s.pos = s.end
			s.lineNo++
			out := string(append(long, data...))
			if cut {
				return out, s.lineNo, true, errLineTooLong
			}
			return out, s.lineNo, true, nil
		}
		// Need more data: keep a partial line (unless it ends in \r, which
		// needs one more byte to tell \r\n from \r).
		keep := 0
		if i >= 0 {
			keep = len(data) - i
		}
		if !cut {
			long = append(long, data[:len(data)-keep]...)
			if long == nil {
				long = []byte{}
			}
			if len(long) > csvMaxRecordBytes {
				long, cut = long[:csvMaxRecordBytes], true
			}
		}
		copy(s.buf, data[len(data)-keep:])
		s.pos, s.end = 0, keep
		n, err := io.ReadFull(s.r, s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF && err != io.ErrUnexpectedEOF {
				s.rerr = err
			}
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d bytes", csvMaxRecordBytes)

func (s *csvSource) next() (*rawRow, error) {
	first, firstNo, ok, err := s.readLine()
	if !ok {
		return nil, err
	}
	s.rowNo++
	s.row = rawRow{num: s.rowNo, line: firstNo, cells: s.row.cells[:0]}
	cut := err == errLineTooLong
	if cut {
		// What is left of such a line would be a record with its last
		// fields missing: the row is skipped instead, and says why.
		s.row.bad = fmt.Sprintf("line %d is longer than %d MiB and was not read: split it or shorten its longest field", firstNo, csvMaxRecordBytes>>20)
		s.row.cut = true
		return &s.row, nil // no cells: its quotes must not join the lines after it
	}
	fields, open := splitCSV(first, s.delim, s.fields, false)
	if open && firstNo <= s.noJoinUntil {
		// These lines were already searched for a closing quote in vain.
		fields, _ = splitCSV(first, s.delim, s.fields, true)
		s.row.bad = fmt.Sprintf("line %d has a quote that does not close; read with the quote as text", firstNo)
	} else if open {
		// A quoted field runs over lines: add lines while the number of
		// quotes is odd (linear in the text, however hostile).
		lines := []string{first}
		size, quotes := len(first), strings.Count(first, `"`)
		closed := false
		for len(lines) < csvMaxQuotedLines && size < csvMaxRecordBytes {
			l, _, ok, _ := s.readLine()
			if !ok {
				break
			}
			lines = append(lines, l)
			size += len(l) + 1
			quotes += strings.Count(l, `"`)
			if quotes%2 == 0 {
				if f, o := splitCSV(strings.Join(lines, "\n"), s.delim, s.fields, false); !o {
					fields, closed = f, true
				}
				break
			}
		}
		if !closed {
			// Unclosed quote: take the first line literally, re-read the rest.
			fields, _ = splitCSV(first, s.delim, s.fields, true)
			if len(lines) > 1 {
				s.noJoinUntil = max(s.noJoinUntil, firstNo+len(lines)-1)
				s.pending = append(lines[1:], s.pending...)
				s.pendAt = firstNo + 1
			}
			s.row.bad = fmt.Sprintf("line %d has a quote that does not close; read with the quote as text", firstNo)
		}
	}
	s.fields = fields[:0]
	if len(fields) > MaxColumns {
		// Like a sheet row past column XFD: skipped as too wide.
		fields = fields[:MaxColumns]
		s.row.tooWide = true
	}
	for i, f := range fields {
		f = cleanText(f, &s.nulSeen)
		if cellTooLong(f) {
			// As in a workbook (and Excel itself): a cell over MaxCellLen
			// characters stops the sheet at its position; the rows above
			// are kept.
			return nil, &reconcile.Error{File: s.file, Row: s.rowNo, Column: i + 1,
				Err:  fmt.Errorf("%w: a cell is longer than Excel's %d characters", reconcile.ErrTooLarge, MaxCellLen),
				Hint: "shorten the cell; the rows above were read"}
		}
		k := kindString
		if f == "" {
			k = kindEmpty
		}
		s.row.cells = append(s.row.cells, cell{s: f, k: k})
	}
	return &s.row, nil
}

// cleanText drops NUL bytes and stray BOMs (a BOM in the middle of a file
// from concatenated exports).
func cleanText(f string, nul *bool) string {
	if !utf8.ValidString(f) {
		// Bytes that are not UTF-8 past the sniffed sample: replaced, and
		// the sheet warns (reported with the NUL warning).
		f = strings.ToValidUTF8(f, "\uFFFD")
		*nul = true
	}
	if strings.IndexByte(f, 0) >= 0 {
		*nul = true
		f = strings.ReplaceAll(f, "\x00", "")
	}
	if strings.Contains(f, "\ufeff") {
		f = strings.ReplaceAll(f, "\ufeff", "")
	}
	if strings.Contains(f, "\ufffe") {
		f = strings.ReplaceAll(f, "\ufffe", "")
	}
	return f
}

// splitCSV splits one record. open reports a quoted field still open at
// the end of the text. literal treats quotes as ordinary characters.
func splitCSV(text string, d byte, dst []string, literal bool) (fields []string, open bool) {
	fields = dst[:0]
	var b strings.Builder
	i := 0
	for {
		// Start of a field.
		if !literal && i < len(text) && text[i] == '"' {
			i++
			b.Reset()
			closed := false
			for i < len(text) {
				c := text[i]
				if c == '"' {
					if i+1 < len(text) && text[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					closed = true
					break
				}
				b.WriteByte(c)
				i++
			}
			if !closed {
				return append(fields, b.String()), true
			}
			// Lazy: text after the closing quote up to the delimiter is kept.
			j := strings.IndexByte(text[i:], d)
			if j < 0 {
				b.WriteString(text[i:])
				return append(fields, b.String()), false
			}
			b.WriteString(text[i : i+j])
			fields = append(fields, b.String())
			i += j + 1
			continue
		}
		j := strings.IndexByte(text[i:], d)
		if j < 0 {
			return append(fields, text[i:]), false
		}
		fields = append(fields, text[i:i+j])
		i += j + 1
	}
}
