package read

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner is a minimal, allocation-light XML tokenizer for the parts of
// SpreadsheetML the reader needs (sheet data and shared strings). It is
// several times faster than encoding/xml because it does no namespace
// resolution, builds no token values and hands out slices into its buffer,
// valid until the next call. It never expands DTD entities, so entity bombs
// are inert.
type xmlScanner struct {
	r      io.Reader
	buf    []byte
	pos    int
	end    int
	eof    bool
	rerr   error
	maxTok int

	// The current token.
	name  []byte // local name, prefix stripped
	attrs []byte // raw attribute text of a start tag
	text  []byte // raw text (entities not decoded)
	self  bool   // start tag is self-closing
	cdata []byte
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

var errTokenTooLarge = errors.New("xml token too large")

func newXMLScanner(r io.Reader, maxTok int) *xmlScanner {
	return &xmlScanner{r: r, buf: make([]byte, 256<<10), maxTok: maxTok}
}

// more makes at least one more byte available after s.end, keeping
// s.buf[s.pos:s.end]. It returns false at EOF or on a read error.
func (s *xmlScanner) more() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.maxTok {
			s.rerr = errTokenTooLarge
			s.eof = true
			return false
		}
		nb := make([]byte, min(len(s.buf)*2, s.maxTok))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.rerr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// err returns the read error that ended the scan, if any.
func (s *xmlScanner) err() error { return s.rerr }

// next returns the next token. Comments, processing instructions and
// DOCTYPE declarations are skipped; CDATA comes back as text with its
// delimiters (callers decode it).
func (s *xmlScanner) next() tokKind {
	for {
		if s.pos >= s.end && !s.more() {
			return tokEOF
		}
		if s.buf[s.pos] != '<' {
			off := 0
			for {
				i := bytes.IndexByte(s.buf[s.pos+off:s.end], '<')
				if i >= 0 {
					s.text = s.buf[s.pos : s.pos+off+i]
					s.pos += off + i
					return tokText
				}
				off = s.end - s.pos
				if !s.more() {
					s.text = s.buf[s.pos:s.end]
					s.pos = s.end
					return tokText
				}
			}
		}
		// A markup construct starting at s.pos. Only "<!" and "<?" need
		// the slower checks; elements go straight to tagEnd.
		for s.end-s.pos < 2 && s.more() {
		}
		if s.end-s.pos >= 2 && (s.buf[s.pos+1] == '!' || s.buf[s.pos+1] == '?') {
			for s.end-s.pos < 9 && s.more() {
			}
		}
		rest := s.buf[s.pos:min(s.end, s.pos+9)]
		switch {
		case len(rest) >= 2 && rest[1] != '!' && rest[1] != '?':
		case bytes.HasPrefix(rest, []byte("<!--")):
			if !s.skipPast([]byte("-->")) {
				return tokEOF
			}
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			if !s.skipPast([]byte("]]>")) {
				return tokEOF
			}
			s.text = s.cdata
			return tokText
		case bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("<!")):
			if !s.skipTag() {
				return tokEOF
			}
			continue
		}
		// Start or end tag: find the closing '>' outside quotes.
		end, ok := s.tagEnd()
		if !ok {
			return tokEOF
		}
		tag := s.buf[s.pos+1 : end] // without '<' and '>'
		s.pos = end + 1
		kind := tokStart
		if len(tag) > 0 && tag[0] == '/' {
			kind = tokEnd
			tag = tag[1:]
		}
		s.self = false
		if kind == tokStart && len(tag) > 0 && tag[len(tag)-1] == '/' {
			s.self = true
			tag = tag[:len(tag)-1]
		}
		i := 0
		for i < len(tag) && !isXMLSpace(tag[i]) {
			i++
		}
		name := tag[:i]
		if c := bytes.IndexByte(name, ':'); c >= 0 {
			name = name[c+1:]
		}
		s.name = name
		s.attrs = tag[i:]
		return kind
	}
}

// tagEnd returns the index of the '>' closing the tag at s.pos. The fast
// path finds '>' and checks that no quote before it is left open.
func (s *xmlScanner) tagEnd() (int, bool) {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+1:s.end], '>'); i >= 0 {
			end := s.pos + 1 + i
			tag := s.buf[s.pos+1 : end]
			if bytes.IndexByte(tag, '\'') < 0 && bytes.Count(tag, []byte{'"'})%2 == 0 {
				return end, true
			}
			return s.tagEndSlow()
		}
		if !s.more() {
			return 0, false
		}
	}
}

func (s *xmlScanner) tagEndSlow() (int, bool) {
	var quote byte
	i := s.pos + 1
	for {
		for ; i < s.end; i++ {
			c := s.buf[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				return i, true
			}
		}
		off := i - s.pos
		if !s.more() {
			return 0, false
		}
		i = s.pos + off
	}
}

// nextAttr reads the attribute that starts at or after i in raw
// attribute text: its local name (prefix dropped), its raw value and where
// the next one starts. ok is false when there is none left or the text is
// malformed. attr and eachAttr share it; it allocates nothing, as it runs
// for every cell.
func nextAttr(attrs []byte, i int) (name, value []byte, next int, ok bool) {
	for i < len(attrs) && isXMLSpace(attrs[i]) {
		i++
	}
	if i >= len(attrs) {
		return nil, nil, i, false
	}
	ns := i
	for i < len(attrs) && attrs[i] != '=' && !isXMLSpace(attrs[i]) {
		i++
	}
	name = attrs[ns:i]
	if c := bytes.LastIndexByte(name, ':'); c >= 0 {
		name = name[c+1:]
	}
	for i < len(attrs) && (isXMLSpace(attrs[i]) || attrs[i] == '=') {
		i++
	}
	if i >= len(attrs) {
		return nil, nil, i, false
	}
	q := attrs[i]
	if q != '"' && q != '\'' {
		return nil, nil, i, false
	}
	i++
	vs := i
	for i < len(attrs) && attrs[i] != q {
		i++
	}
	return name, attrs[vs:min(i, len(attrs))], i + 1, true
}

// eachAttr calls fn for every attribute (local name, raw value).
func eachAttr(attrs []byte, fn func(name, value []byte)) {
	for i := 0; ; {
		name, v, next, ok := nextAttr(attrs, i)
		if !ok {
			return
		}
		fn(name, v)
		i = next
	}
}

func (s *xmlScanner) skipTag() bool {
	end, ok := s.tagEnd()
	if !ok {
		return false
	}
	s.pos = end + 1
	return true
}

// skipPast advances past the terminator; the skipped content (without
// the opening "<![CDATA[" and the terminator) is left in s.cdata.
func (s *xmlScanner) skipPast(term []byte) bool {
	off := 0
	for {
		i := bytes.Index(s.buf[s.pos+off:s.end], term)
		if i >= 0 {
			content := s.buf[s.pos : s.pos+off+i]
			if bytes.HasPrefix(content, []byte("<![CDATA[")) {
				s.cdata = append(s.cdata[:0], content[9:]...)
			}
			s.pos += off + i + len(term)
			return true
		}
		off = max(0, s.end-s.pos-len(term))
		if !s.more() {
			return false
		}
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr finds attribute name (local, prefix ignored) in raw attribute text.
func attr(attrs []byte, name string) ([]byte, bool) {
	for i := 0; ; {
		an, v, next, ok := nextAttr(attrs, i)
		if !ok {
			return nil, false
		}
		if string(an) == name {
			return v, true
		}
		i = next
	}
}

// appendUnescaped appends raw XML text to dst, decoding the five named
// entities, numeric character references and OOXML's _xHHHH_ escapes.
func appendUnescaped(dst, raw []byte) []byte {
	if bytes.IndexByte(raw, '&') < 0 && !bytes.Contains(raw, []byte("_x")) {
		return append(dst, raw...)
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		if c == '&' {
			semi := bytes.IndexByte(raw[i:min(len(raw), i+12)], ';')
			if semi > 1 {
				ent := raw[i+1 : i+semi]
				if r, ok := entityRune(ent); ok {
					dst = utf8.AppendRune(dst, r)
					i += semi + 1
					continue
				}
			}
		} else if c == '_' && i+6 < len(raw) && raw[i+1] == 'x' && raw[i+6] == '_' {
			if v, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 32); err == nil {
				dst = utf8.AppendRune(dst, rune(v))
				i += 7
				continue
			}
		}
		dst = append(dst, c)
		i++
	}
	return dst
}

func entityRune(ent []byte) (rune, bool) {
	switch string(ent) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(ent) > 1 && ent[0] == '#' {
		var v uint64
		var err error
		if ent[1] == 'x' || ent[1] == 'X' {
			v, err = strconv.ParseUint(string(ent[2:]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(ent[1:]), 10, 32)
		}
		if err == nil && v <= utf8.MaxRune {
			return rune(v), true
		}
	}
	return 0, false
}
