package read

import (
	"bytes"
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

// sniffDelimiter picks the candidate that splits the first lines into the
// most consistent number of fields, counting only outside quotes.
func sniffDelimiter(text string) byte {
	lines := splitSniffLines(text, csvSniffLines)
	best, bestScore := byte(','), -1.0
	for i := 0; i < len(csvDelimCandidates); i++ {
		d := csvDelimCandidates[i]
		counts := map[int]int{}
		nonzero := 0
		for _, l := range lines {
			n := countOutsideQuotes(l, d)
			counts[n]++
			if n > 0 {
				nonzero++
			}
		}
		if nonzero == 0 {
			continue
		}
		mode, modeN := 0, 0
		for n, k := range counts {
			if k > modeN || (k == modeN && n > mode) {
				mode, modeN = n, k
			}
		}
		if mode == 0 {
			continue
		}
		consistency := float64(modeN) / float64(len(lines))
		score := consistency*100 + float64(min(mode, 50))
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func splitSniffLines(text string, max int) []string {
	var out []string
	for len(text) > 0 && len(out) < max {
		i := strings.IndexAny(text, "\r\n")
		var l string
		if i < 0 {
			l, text = text, ""
		} else {
			l = text[:i]
			text = text[i+1:]
			if text != "" && text[0] == '\n' && l != "" {
				// \r\n handled by skipping the \n
			}
		}
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func countOutsideQuotes(line string, d byte) int {
	n, inQ := 0, false
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '"':
			inQ = !inQ
		case d:
			if !inQ {
				n++
			}
		}
	}
	return n
}
