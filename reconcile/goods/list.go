// Package goods tells whether an HS code is on a list of goods that
// investigators track: the Common High Priority List (CHPL) of battlefield
// goods that the EU, the US, the UK and Japan publish, bundled with its
// version, date and source, or a user's own list of HS codes with labels
// (a national dual-use list, say), read from CSV the same way.
//
// Codes match on their leading digits: a list of HS-6 subheadings, like
// the CHPL, matches the first six digits of 8- and 10-digit national
// codes (TN VED, CN, HTS). A code shorter than a list's codes cannot be
// placed and does not match. The package also knows which HS 2022
// subheadings did not exist before 2022, so that a record dated earlier
// that uses one can be flagged (Check).
package goods

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Item is one code of a list.
type Item struct {
	Code      string // digits, as on the list: "854231"
	Tier      string // "1", "2", "3.A" …; "" when the list has no tiers
	Label     string
	Confirmed string // how the code was checked, when the list says
}

// List is a list of HS codes.
type List struct {
	Name    string // "Common High Priority List (CHPL)"
	Short   string // selector name: "chpl"
	Version string
	Date    string // ISO date of the version
	Source  string // who publishes it, where
	Notes   []string
	Items   []Item // in file order
	byCode  map[string]int
	lens    []int // lengths of the codes on the list, longest first
}

// Lookup finds the item a code falls under: the list code that is the
// longest prefix of the code's digits. "8542.31.0000" and "8542310000"
// are both under 854231. A code with fewer digits than the list's codes
// (a heading "8542") matches nothing: it cannot be placed.
func (l *List) Lookup(code string) (Item, bool) {
	c, ok := values.HSCode(code)
	if !ok {
		return Item{}, false
	}
	for _, n := range l.lens {
		if len(c) >= n {
			if i, ok := l.byCode[c[:n]]; ok {
				return l.Items[i], true
			}
		}
	}
	return Item{}, false
}

// Tier returns the tier of a code, "" when it is not on the list or the
// list has no tiers.
func (l *List) Tier(code string) string {
	it, _ := l.Lookup(code)
	return it.Tier
}

// Tiers returns the tiers of the list in the order they first appear.
func (l *List) Tiers() []string {
	var out []string
	for _, it := range l.Items {
		if it.Tier != "" && !slices.Contains(out, it.Tier) {
			out = append(out, it.Tier)
		}
	}
	return out
}

// Under returns the list's items that lie under a shorter code, such as
// the CHPL subheadings of heading 8542, for a message that asks for more
// digits.
func (l *List) Under(prefix string) []Item {
	c, ok := values.HSCode(prefix)
	if !ok {
		return nil
	}
	var out []Item
	for _, it := range l.Items {
		if strings.HasPrefix(it.Code, c) {
			out = append(out, it)
		}
	}
	return out
}

//go:embed chpl.csv
var chplCSV string

// CHPL returns the bundled Common High Priority List. Each call returns a
// fresh copy, so a caller may not change another's.
func CHPL() *List {
	l, err := ReadList(strings.NewReader(chplCSV), "chpl.csv")
	if err != nil {
		panic("goods: bundled chpl.csv is broken: " + err.Error()) // a build defect, caught by the tests
	}
	return l
}

// ErrBadList is wrapped by errors about a list file.
var ErrBadList = errors.New("not a list of HS codes")

// ReadList reads a list of HS codes from CSV (comma, semicolon or tab).
// Lines starting with "#" carry metadata ("# name: …", "# version: …",
// "# date: …", "# source: …", "# short: …"); other "#" lines are notes.
// The header row names a code column (code, hs, hs6, hs_code, hs code,
// tn ved, cn) and optionally label (or description) and tier columns.
// Codes are cleaned as HS codes ("8542.31" → "854231"); a row whose code
// cannot be read is an error naming its line.
func ReadList(r io.Reader, path string) (*List, error) {
	br := bufio.NewReader(r)
	var body strings.Builder
	l := &List{byCode: map[string]int{}}
	line := 0
	var dataStart int
	for {
		s, err := br.ReadString('\n')
		if s == "" && err != nil {
			break
		}
		line++
		t := strings.TrimSpace(strings.TrimPrefix(s, "\uFEFF"))
		if strings.HasPrefix(t, "#") && body.Len() == 0 {
			meta(l, strings.TrimSpace(t[1:]))
			continue
		}
		if body.Len() == 0 {
			dataStart = line
		}
		body.WriteString(s)
		if err != nil {
			break
		}
	}
	text := body.String()
	comma := ','
	if first, _, _ := strings.Cut(text, "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
		comma = ';'
	} else if strings.Count(first, "\t") > strings.Count(first, ",") {
		comma = '\t'
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrEmpty, Hint: "the list needs a header row (code, label) and codes"}
	}
	if err != nil {
		return nil, &reconcile.Error{File: path, Row: dataStart, Err: fmt.Errorf("%w: %v", ErrBadList, err), Hint: "save the list as CSV with a header row"}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch h {
		case "code", "hs", "hs6", "hs_code", "hs code", "hs-code", "tn ved", "tnved", "cn", "cn code", "hts":
			h = "code"
		case "label", "description", "name":
			h = "label"
		}
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	ci, ok := col["code"]
	if !ok {
		return nil, &reconcile.Error{File: path, Row: dataStart, Err: ErrBadList, Hint: "no code column: name one of the header cells code, hs, hs6 or hs_code"}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			row := 0
			if errors.As(err, &pe) {
				row = dataStart - 1 + pe.StartLine
			}
			return nil, &reconcile.Error{File: path, Row: row, Err: fmt.Errorf("%w: %v", ErrBadList, err), Hint: "save the list as CSV"}
		}
		pos, _ := cr.FieldPos(0)
		row := dataStart - 1 + pos
		raw := ""
		if ci < len(rec) {
			raw = strings.TrimSpace(rec[ci])
		}
		if raw == "" {
			continue
		}
		code, ok := values.HSCode(raw)
		if !ok {
			return nil, &reconcile.Error{File: path, Row: row, Column: ci + 1, Err: fmt.Errorf("%w: code %q", ErrBadList, raw), Hint: "write HS codes of 2 to 14 digits, one per row"}
		}
		if _, dup := l.byCode[code]; dup {
			l.Notes = append(l.Notes, fmt.Sprintf("code %s is listed twice (row %d); the first row counts", code, row))
			continue
		}
		l.byCode[code] = len(l.Items)
		l.Items = append(l.Items, Item{Code: code, Tier: get(rec, "tier"), Label: get(rec, "label"), Confirmed: get(rec, "confirmed")})
		if !slices.Contains(l.lens, len(code)) {
			l.lens = append(l.lens, len(code))
		}
	}
	if len(l.Items) == 0 {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrEmpty, Hint: "the list has a header row but no codes"}
	}
	slices.SortFunc(l.lens, func(a, b int) int { return b - a })
	if l.Name == "" {
		l.Name = path
	}
	return l, nil
}

// meta reads one "# key: value" line into the list.
func meta(l *List, s string) {
	k, v, ok := strings.Cut(s, ":")
	if !ok {
		if s != "" {
			l.Notes = append(l.Notes, s)
		}
		return
	}
	v = strings.TrimSpace(v)
	switch strings.ToLower(strings.TrimSpace(k)) {
	case "name":
		l.Name = v
	case "short":
		l.Short = strings.ToLower(v)
	case "version":
		l.Version = v
	case "date":
		l.Date = v
	case "source":
		l.Source = v
	default:
		l.Notes = append(l.Notes, s)
	}
}
