package read

import (
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// headerScanRows is how many rows from the top are searched for the header.
const headerScanRows = 30

// headerCandidate scores one row as a header: recognised headers count
// most, other text cells a little, numbers and dates count against.
type headerScore struct {
	score  int
	mapped int // cells mapping to a field
	known  int // recognised headers (mapped or deliberately unmapped)
	text   int
	nums   int
	filled int
}

func scoreHeader(r *rawRow) headerScore {
	var s headerScore
	seen := map[string]bool{}
	for _, c := range r.cells {
		if c.k == kindEmpty || isBlankText(c.s) {
			continue
		}
		s.filled++
		switch c.k {
		case kindNumber, kindDate, kindBool, kindFormula:
			s.nums++
			continue
		}
		t := strings.TrimSpace(c.s)
		if looksNumeric(t) {
			s.nums++
			continue
		}
		if seen["\x00"+t] {
			continue // headers are distinct; repeated texts are data
		}
		seen["\x00"+t] = true
		s.text++
		g := classify(t)
		if g.known {
			s.known++
		}
		if g.field != "" && !seen[string(g.field)+g.reason] {
			s.mapped++
			seen[string(g.field)+g.reason] = true
		}
	}
	// Recognised headers dominate; plain text counts a little, capped, so
	// a wide row of names cannot outvote a short row of real headers.
	s.score = 10*s.mapped + 2*s.known + min(s.text, 20) - 3*s.nums
	return s
}

// looksNumeric is a cheap test for cells that are numbers or dates
// written as text: header cells never are.
func looksNumeric(s string) bool {
	if s == "" {
		return false
	}
	digits, other := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ',' || c == '-' || c == '/' || c == ' ' || c == ':' || c == '+' || c == '(' || c == ')':
		default:
			other++
		}
	}
	return digits > 0 && other == 0
}

// findHeader picks the header among the first rows: the best-scoring row
// with at least two filled cells and one mapped field. It returns -1 when
// no row qualifies (the sheet holds no table).
func findHeader(rows []*rawRow) int {
	best, bestScore := -1, 0
	for i, r := range rows {
		if r.tooWide {
			continue
		}
		s := scoreHeader(r)
		if s.filled < 2 || s.mapped < 1 || s.text*2 < s.filled {
			continue
		}
		if s.score > bestScore {
			best, bestScore = i, s.score
		}
	}
	return best
}

// joinHeader decides whether the row below the header continues it (a
// two-row header: "Weight" above "net" and "gross", or units below names)
// and returns the joined header texts. Upper cells spanning a group
// (merged cells keep their text in the first cell) are carried right over
// the lower cells they cover.
func joinHeader(upper, lower *rawRow) ([]string, bool) {
	if lower == nil || lower.num != upper.num+1 {
		return nil, false
	}
	if lower.tooWide || upper.tooWide {
		return nil, false
	}
	ls := scoreHeader(lower)
	if ls.filled == 0 || ls.nums > 0 || ls.text*2 < ls.filled {
		return nil, false // numbers, or repeated texts: data, not a header
	}
	n := max(len(upper.cells), len(lower.cells))
	up := make([]string, n)
	lo := make([]string, n)
	for i := 0; i < n; i++ {
		up[i] = strings.TrimSpace(upper.text(i))
		lo[i] = strings.TrimSpace(lower.text(i))
	}
	// The lower row must add to the upper, not restate a data row: either
	// it fills cells the upper row leaves empty, or it holds unit words.
	fillsGaps, units := 0, 0
	for i := 0; i < n; i++ {
		if lo[i] == "" {
			continue
		}
		if up[i] == "" {
			fillsGaps++
		}
		if isUnitWord(lo[i]) {
			units++
		}
	}
	if fillsGaps == 0 && units == 0 {
		return nil, false
	}
	joined := make([]string, n)
	group := ""
	for i := 0; i < n; i++ {
		u := up[i]
		if u != "" {
			group = u
		} else if lo[i] != "" && group != "" && i > 0 && lo[i-1] != "" {
			u = group // inside a merged group header
		} else {
			group = ""
		}
		joined[i] = strings.TrimSpace(u + " " + lo[i])
		// A sub-header that names a quantity wins over its group: "数量
		// Qty" under a merged "金额 Amount" is a count of goods, not an
		// amount of money, though the group's word would make it a value.
		if u != "" && lo[i] != "" && classify(lo[i]).field == reconcile.FieldQuantity && classify(joined[i]).field != reconcile.FieldQuantity {
			joined[i] = lo[i]
		}
	}
	// Keep the join only when it maps more columns than the upper row alone.
	before, after := 0, 0
	for i := 0; i < n; i++ {
		if classify(up[i]).field != "" {
			before++
		}
		if classify(joined[i]).field != "" {
			after++
		}
	}
	if after < before || (after == before && units == 0) {
		return nil, false
	}
	return joined, true
}

func isUnitWord(s string) bool {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "()[],."))
	switch s {
	case "kg", "кг", "t", "т", "tonnes", "тонн", "usd", "$", "руб", "руб.", "rub", "eur", "€", "долл", "долл. сша", "шт", "pcs", "lb", "lbs", "g", "г", "net", "gross", "нетто", "брутто":
		return true
	}
	return false
}

// layoutKey is a stable hash of the normalised header row: saved mapping
// overrides are keyed by it.
// LayoutKey identifies a header row: MappingStore keeps the user's
// mappings under it, so a file with the same headers is mapped the same
// way (SheetReader.LayoutKey is this key for the sheet's headers).
func LayoutKey(headers []string) string { return layoutKey(headers) }

func layoutKey(headers []string) string {
	var b strings.Builder
	for _, h := range headers {
		b.WriteString(normHeader(h))
		b.WriteByte('\x1f')
	}
	return "v1:" + strconv.FormatUint(fnv64(b.String()), 16)
}

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mappedCount is how many headers map to a field.
func mappedCount(headers []string) int {
	n := 0
	for _, h := range headers {
		if classify(h).field != "" {
			n++
		}
	}
	return n
}
