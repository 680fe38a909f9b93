package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tradecheck/reconcile"
)

// totalWords label total and subtotal rows, compared in lower case as the
// whole cell or its first word(s): English, Russian, Ukrainian, Kazakh,
// Turkish, Spanish, Portuguese, Polish, Dutch, German and Chinese
// (simplified and traditional).
var totalWords = []string{"итого", "всего", "итог", "total", "grand total", "subtotal", "sub-total", "sub total", "totals", "sum", "сумма", "общий итог", "total general", "totaal", "gesamt",
	"разом", "усього", "всього", "підсумок", "барлығы", "жиыны", "toplam", "genel toplam", "ara toplam",
	"suma", "suma total", "total geral", "razem", "summe", "gesamtsumme",
	"合计", "总计", "小计", "合計", "總計", "小計", "总和"}

// classifyRow decides a row's fate before conversion: "" means read it.
// It runs on every row, so it avoids allocation: header cells are
// compared case-insensitively as written, and only short text cells that
// start like a total label are lowered.
func (p *plan) classifyRow(r *rawRow) (reconcile.SkipReason, string) {
	if r.tooWide {
		return reconcile.SkipTooWide, "cells beyond column XFD"
	}
	if r.cut {
		return reconcile.SkipMalformed, r.bad
	}
	if r.blank() {
		if r.bad != "" {
			return reconcile.SkipMalformed, r.bad
		}
		return reconcile.SkipBlank, ""
	}
	filled, text := 0, ""
	same := 0
	for i, c := range r.cells {
		if c.k == kindEmpty || isBlankText(c.s) {
			continue
		}
		filled++
		if text == "" {
			text = strings.TrimSpace(c.s)
		}
		if c.k == kindString && i < len(p.headerRaw) && p.headerRaw[i] != "" && len(c.s) >= len(p.headerRaw[i]) &&
			strings.EqualFold(strings.TrimSpace(c.s), p.headerRaw[i]) {
			same++
		}
	}
	if same >= 2 && same*10 >= p.headerFilled*6 {
		return reconcile.SkipRepeatedHeader, ""
	}
	// A SUM or SUBTOTAL over the rows above, in the cell's own column,
	// makes a total row whatever its label.
	for i, c := range r.cells {
		if c.agg {
			return reconcile.SkipTotal, "SUM formula in column " + reconcile.ColumnName(i+1)
		}
	}
	// A total row names itself in a text cell and carries no HS code or
	// date: a company called "Total SA" on a dated row is data.
	for li, c := range r.cells {
		if c.k != kindString || len(c.s) > 80 || !maybeTotal(c.s) {
			continue
		}
		t := strings.ToLower(strings.TrimRight(strings.Trim(strings.TrimSpace(c.s), ":.*"), "：:"))
		for _, w := range totalWords {
			if t == w || len(t) > len(w) && strings.HasPrefix(t, w) && (t[len(w)] == ' ' || t[len(w)] == ':' || strings.HasPrefix(t[len(w):], "：")) && len(t) < len(w)+40 {
				// The label itself may sit in the date or code column
				// ("Grand Total" under Date).
				hs, date := p.col(reconcile.FieldHSCode), p.col(reconcile.FieldDate)
				if (hs == li || cellAt(r, hs).s == "") && (date == li || cellAt(r, date).s == "") || filled <= 3 {
					return reconcile.SkipTotal, c.s
				}
			}
		}
	}
	if filled == 1 && len(p.cols) > 1 {
		// A lone text cell is a note when it reads like one: outside the
		// mapped columns, long, or a sentence. A lone name stays a record.
		i := firstFilled(r)
		if r.cells[i].k == kindString {
			unmapped := i >= len(p.cols) || (p.cols[i].Field == "" && p.cols[i].UnitFor == "")
			if unmapped || len([]rune(text)) > 40 || strings.ContainsAny(text, ":;!?") || strings.HasSuffix(text, ".") {
				return reconcile.SkipNote, clipDetail(text)
			}
		}
	}
	return "", ""
}

// maybeTotal is a cheap first-letter filter for totalWords: it decodes
// one rune and allocates nothing, as it runs on every text cell.
func maybeTotal(s string) bool {
	s = strings.TrimLeft(s, " \t*")
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		switch s[0] | 0x20 {
		case 't', 's', 'g', 'r':
			return true
		}
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	switch unicode.ToLower(r) {
	case 'и', 'в', 'о', 'с', 'р', 'у', 'п', 'б', 'ж', '合', '总', '小', '總':
		return true
	}
	return false
}

func firstFilled(r *rawRow) int {
	for i, c := range r.cells {
		if c.k != kindEmpty && !isBlankText(c.s) {
			return i
		}
	}
	return 0
}

func clipDetail(s string) string {
	if len(s) > 120 {
		r := []rune(s)
		if len(r) > 100 {
			return string(r[:100]) + "…"
		}
	}
	return s
}
