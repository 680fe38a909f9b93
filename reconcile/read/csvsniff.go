package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// detectEncoding decides the text encoding from the first bytes: a BOM
// settles it; valid UTF-8 is UTF-8; otherwise letter statistics choose
// between Windows-1251 (Cyrillic letters come in runs of high bytes) and
// Windows-1252 (accented letters sit alone among ASCII).
func detectEncoding(b []byte) string { return detectEncodingChoice(b).name }

// detectEncodingChoice is detectEncoding with the warning of a close call.
func detectEncodingChoice(b []byte) encodingChoice {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return encodingChoice{name: "utf-8"}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return encodingChoice{name: "utf-16le"}
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return encodingChoice{name: "utf-16be"}
	}
	if e := utf16Guess(b); e != nil {
		return encodingChoice{name: *e}
	}
	// Valid UTF-8, allowing a rune cut at the end of the sample.
	trim := b
	for i := 0; i < 3 && len(trim) > 0 && !utf8.Valid(trim); i++ {
		trim = trim[:len(trim)-1]
	}
	if utf8.Valid(trim) {
		return encodingChoice{name: "utf-8"}
	}
	return chooseLegacyEncoding(b)
}

// utf16Guess spots BOM-less UTF-16 by its NUL bytes in every other place.
func utf16Guess(b []byte) *string {
	if len(b) < 8 {
		return nil
	}
	even, odd := 0, 0
	n := min(len(b), 4096) &^ 1
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 > half*7 && even*10 < half:
		s := "utf-16le"
		return &s
	case even*10 > half*7 && odd*10 < half:
		s := "utf-16be"
		return &s
	}
	return nil
}

func decoderFor(enc string) encoding.Encoding {
	switch enc {
	case "utf-16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case "utf-16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	}
	for _, e := range legacyEncodings {
		if e.name == enc {
			return e.enc
		}
	}
	return nil
}

func decodeHead(b []byte, enc string) string {
	e := decoderFor(enc)
	if e == nil {
		return strings.TrimPrefix(string(b), "\ufeff")
	}
	out, _, _ := transform.Bytes(e.NewDecoder(), b)
	return strings.TrimPrefix(string(out), "\ufeff")
}

// sniffRecord is one record of the sniffed sample: the physical line it
// starts on (1-based), its delimiter count (fields - 1) and whether a
// quoted field carried it over more than one line.
type sniffRecord struct {
	line, delims int
	multi        bool
}

// sniffDelimiter picks the candidate that splits the sample into the most
// consistent number of fields per record. Records are cut the way the
// reader cuts them (splitCSV, a quoted field may run over lines), once per
// candidate: a quoted three-line address with commas in it is one field
// of one record under ';', while a line-by-line count would see its
// middle lines as comma-separated rows and pick ','.
func sniffDelimiter(text string) byte {
	d, _ := sniffDelimiterDoubt(text)
	return d
}

// sniffDelimiterDoubt is sniffDelimiter with a description of what makes
// the split doubtful (records with another field count than most, a quote
// that does not close), "" when nothing does. A file whose table cannot be
// found quotes it, so the user learns the real cause instead of "its
// columns hold no numbers".
func sniffDelimiterDoubt(text string) (byte, string) {
	lines := splitSniffLines(text, csvSniffMaxLines)
	best, bestScore := byte(','), -1.0
	var bestRecs []sniffRecord
	bestOpen := 0
	for i := 0; i < len(csvDelimCandidates); i++ {
		d := csvDelimCandidates[i]
		recs, open := sniffRecords(lines, d, csvSniffLines)
		if len(recs) == 0 {
			continue
		}
		mode, modeN := delimMode(recs)
		if mode == 0 {
			continue
		}
		consistency := float64(modeN) / float64(len(recs))
		score := consistency*100 + float64(min(mode, 50))
		if score > bestScore {
			best, bestScore, bestRecs, bestOpen = d, score, recs, open
		}
	}
	return best, splitDoubt(best, bestRecs, bestOpen)
}

// splitDoubt describes the records that do not split like most of them.
func splitDoubt(d byte, recs []sniffRecord, openLine int) string {
	var parts []string
	if len(recs) > 0 {
		mode, modeN := delimMode(recs)
		if modeN < len(recs) {
			var odd []string
			for _, r := range recs {
				if r.delims != mode && len(odd) < 3 {
					odd = append(odd, fmt.Sprintf("line %d has %d", r.line, r.delims+1))
				}
			}
			parts = append(parts, fmt.Sprintf("split at %s, %d of the first %d records do not have %d fields like the rest (%s)",
				delimName(d), len(recs)-modeN, len(recs), mode+1, strings.Join(odd, ", ")))
		}
	}
	if openLine > 0 {
		parts = append(parts, fmt.Sprintf("the quote opened on line %d does not close within %d lines", openLine, csvMaxQuotedLines))
	}
	if len(parts) == 0 {
		return ""
	}
	for _, r := range recs {
		if r.multi {
			parts = append(parts, "some quoted fields run over several lines")
			break
		}
	}
	return strings.Join(parts, "; ")
}

func delimName(d byte) string {
	switch d {
	case '\t':
		return "tabs"
	case ';':
		return "semicolons"
	case ',':
		return "commas"
	case '|':
		return "'|'"
	}
	return fmt.Sprintf("%q", d)
}

// delimMode returns the most common delimiter count (the larger on a tie)
// and how many records have it.
func delimMode(recs []sniffRecord) (mode, modeN int) {
	freq := map[int]int{}
	for _, r := range recs {
		freq[r.delims]++
	}
	for n, k := range freq {
		if k > modeN || (k == modeN && n > mode) {
			mode, modeN = n, k
		}
	}
	return mode, modeN
}

// sniffRecords splits up to max records off lines with delimiter d, as
// csvSource.next does; blank lines outside quotes are passed over. A quote
// left open at the end of the sample is a record cut by the sample's end
// and is not counted; one that does not close within csvMaxQuotedLines
// lines is read literally, as the reader does, and its line is returned.
func sniffRecords(lines []string, d byte, max int) (recs []sniffRecord, openLine int) {
	var buf []string
	for i := 0; i < len(lines) && len(recs) < max; {
		if strings.TrimSpace(lines[i]) == "" {
			i++
			continue
		}
		f, open := splitCSV(lines[i], d, buf[:0], false)
		next := i + 1
		if open {
			joined, quotes := lines[i], strings.Count(lines[i], `"`)
			closed := false
			for next < len(lines) && next-i < csvMaxQuotedLines {
				joined += "\n" + lines[next]
				quotes += strings.Count(lines[next], `"`)
				next++
				if quotes%2 == 0 {
					if g, o := splitCSV(joined, d, buf[:0], false); !o {
						f, closed = g, true
						break
					}
				}
			}
			if !closed {
				if next >= len(lines) && next-i < csvMaxQuotedLines {
					break // cut by the end of the sample
				}
				f, _ = splitCSV(lines[i], d, buf[:0], true)
				next = i + 1
				if openLine == 0 {
					openLine = i + 1
				}
			}
		}
		buf = f
		recs = append(recs, sniffRecord{line: i + 1, delims: len(f) - 1, multi: next > i+1})
		i = next
	}
	return recs, openLine
}

// splitSniffLines cuts up to max physical lines off text; \r\n, \n and a
// lone \r each end one line, as in csvSource.readLine, so that a line's
// index + 1 is its line number.
func splitSniffLines(text string, max int) []string {
	var out []string
	for len(text) > 0 && len(out) < max {
		i := strings.IndexAny(text, "\r\n")
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i])
		adv := i + 1
		if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			adv++
		}
		text = text[adv:]
	}
	return out
}
