package workbook

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// MaxSheetRows is Excel's row limit.
const MaxSheetRows = 1048576

// SheetName makes a valid, unique Excel sheet name from want: no
// []:*?/\ characters, no leading or trailing apostrophe, at most 31
// characters, not one of the fixed sheet names and not in taken (compared
// case-insensitively, as Excel does). taken is updated.
func SheetName(want string, taken map[string]bool) string {
	var b strings.Builder
	for _, c := range want {
		switch {
		case strings.ContainsRune(`[]:*?/\`, c):
			b.WriteRune('_')
		case c < 0x20 || c == 0x7f || c == utf8.RuneError:
		default:
			b.WriteRune(c)
		}
	}
	name := strings.Trim(strings.TrimSpace(b.String()), "'")
	if name == "" {
		name = "Source"
	}
	if strings.EqualFold(name, "History") {
		name += " (source)"
	}
	for _, f := range FixedSheets {
		if strings.EqualFold(name, f) {
			name += " (source)"
		}
	}
	base := name
	for n := 1; ; n++ {
		cand := base
		if n > 1 {
			cand = base + " (" + strconv.Itoa(n) + ")"
		}
		cand = truncateName(cand, base, n)
		if !taken[strings.ToLower(cand)] && !isFixed(cand) {
			taken[strings.ToLower(cand)] = true
			return cand
		}
	}
}

func isFixed(s string) bool {
	for _, f := range FixedSheets {
		if strings.EqualFold(s, f) {
			return true
		}
	}
	return strings.EqualFold(s, "History") || strings.EqualFold(s, SheetScreening)
}

// truncateName keeps the suffix " (n)" when shortening to 31 runes.
func truncateName(cand, base string, n int) string {
	if utf16Len(cand) <= 31 {
		return cand
	}
	suffix := ""
	if n > 1 {
		suffix = " (" + strconv.Itoa(n) + ")"
	}
	r := []rune(base)
	keep := 31 - utf16Len(suffix)
	if keep < 1 {
		keep = 1
	}
	// Excel's 31-character limit counts UTF-16 units: a character outside
	// the BMP (an emoji in a file name) counts twice.
	for len(r) > 1 && utf16Len(string(r)) > keep {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(strings.TrimRight(string(r), " "), "'") + suffix
}

// utf16Len is the length of s in UTF-16 code units, as Excel counts it.
func utf16Len(s string) int {
	n := 0
	for _, c := range s {
		n++
		if c >= 0x10000 {
			n++
		}
	}
	return n
}

// sourceSheetNames names the per-source sheets: the file name, plus the
// sheet name when the file has several sheets.
func sourceSheetNames(d *Data) ([]string, map[string]bool) {
	taken := map[string]bool{}
	for _, f := range FixedSheets {
		taken[strings.ToLower(f)] = true
	}
	perFile := map[int]int{}
	for _, s := range d.Sheets {
		perFile[s.FileIndex]++
	}
	out := make([]string, len(d.Sheets))
	for i, s := range d.Sheets {
		want := filepath.Base(d.Files[s.FileIndex].Path)
		if perFile[s.FileIndex] > 1 && s.Sheet != "" {
			sheet := []rune(s.Sheet)
			if len(sheet) > 14 {
				sheet = sheet[:14]
			}
			stem := []rune(strings.TrimSuffix(want, filepath.Ext(want)))
			if keep := 31 - 1 - len(sheet); len(stem) > keep {
				stem = stem[:keep]
			}
			want = string(stem) + " " + string(sheet)
		}
		out[i] = SheetName(want, taken)
	}
	return out, taken
}

// overflowName names the k-th (k ≥ 2) overflow sheet of a source sheet.
func overflowName(base string, k int, taken map[string]bool) string {
	return SheetName(base+" part "+strconv.Itoa(k), taken)
}

// location returns the per-source output sheet (0 = the main one, k ≥ 1
// the k-th overflow) and row of source row r. The main sheet keeps source
// row numbers; overflow sheets have a header on row 1.
func location(r int) (part, row int) {
	if r <= MaxSheetRows {
		return 0, r
	}
	r -= MaxSheetRows + 1
	return 1 + r/(MaxSheetRows-1), 2 + r%(MaxSheetRows-1)
}

// ProvText renders a provenance with the file's base name:
// "a.xlsx!Sheet1:12", "b.csv:7" (merge.RowKey).
func ProvText(p reconcile.Provenance) string { return merge.RowKey(p) }

// quoteSheet quotes a sheet name for a formula reference.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// formulaString renders s as a formula string expression: quotes doubled,
// split into 255-character literals joined with & (Excel's limit per
// literal).
func formulaString(s string) string { return string(appendFormulaString(nil, s)) }

// appendFormulaString appends formulaString(s) to buf.
func appendFormulaString(buf []byte, s string) []byte {
	if s == "" {
		return append(buf, `""`...)
	}
	if len(s) <= 250 && utf8.ValidString(s) { // one literal: at most 250 characters
		return appendQuoted(buf, s)
	}
	r := []rune(s)
	for first := true; len(r) > 0; first = false {
		if !first {
			buf = append(buf, '&')
		}
		n := min(len(r), 250)
		buf = appendQuoted(buf, string(r[:n]))
		r = r[n:]
	}
	return buf
}

func appendQuoted(buf []byte, s string) []byte {
	buf = append(buf, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			buf = append(buf, '"')
		}
		buf = append(buf, s[i])
	}
	return append(buf, '"')
}

// col returns the column letters of the header h in hdr (1-based index
// order), or "" when absent.
func col(hdr []string, h string) string {
	for i, x := range hdr {
		if x == h {
			return reconcile.ColumnName(i + 1)
		}
	}
	return ""
}
