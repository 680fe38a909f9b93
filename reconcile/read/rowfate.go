package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tradecheck/reconcile"
)

// totalWords label total and subtotal rows, compared in lower case as the
// whole cell, its first word(s) followed by a period or a month ("Ara
// Toplam 02.2022", "Итого за март", "小计 2022-02"), or its last word(s)
// after a group's name (Excel's Subtotal command writes "02.2022 Total",
// "ООО Техкрим Итог"): English, Russian, Ukrainian, Kazakh, Turkish,
// Spanish, Portuguese, Polish, Dutch, German, French and Chinese
// (simplified and traditional), the languages of the header tables.
var totalWords = []string{"итого", "всего", "итог", "total", "grand total", "subtotal", "sub-total", "sub total", "totals", "sum", "сумма", "общий итог", "total general", "totaal", "gesamt",
	"промежуточный итог", "итог по", "разом", "усього", "всього", "підсумок", "проміжний підсумок", "барлығы", "жиыны", "жиынтығы", "аралық жиын",
	"toplam", "genel toplam", "ara toplam", "aylık toplam",
	"suma", "suma total", "total parcial", "total geral", "soma", "razem", "summe", "gesamtsumme", "zwischensumme", "sous-total", "total général",
	"合计", "总计", "小计", "合計", "總計", "小計", "总和", "汇总", "彙總",
	"jami", "жами", "jami summa", "összesen", "mindösszesen", "részösszeg", "σύνολο", "γενικό σύνολο", "μερικό σύνολο",
	"celkem", "spolu", "ukupno", "укупно", "yhteensä", "totalt", "i alt", "kokku", "iš viso", "kopā", "الإجمالي", "المجموع"}

// totalFirst and totalLast hold the first and last runes of totalWords:
// the cheap filter that runs on every text cell before any lowering.
var totalFirst, totalLast = func() (first, last map[rune]bool) {
	first, last = map[rune]bool{}, map[rune]bool{}
	for _, w := range totalWords {
		r, _ := utf8.DecodeRuneInString(w)
		first[r] = true
		l, _ := utf8.DecodeLastRuneInString(w)
		last[l] = true
	}
	return first, last
}()

// totalLabel reports whether t (trimmed, lower case) is a total label:
// a total word alone, followed by a qualifier (a period, a month, a
// group), or, when suffix is allowed, ending a short label. A word
// must end where the label's next character is not a letter ("totals"
// is its own word; "totality" is none); Chinese words need no space.
func totalLabel(t string, suffix bool) bool {
	for _, w := range totalWords {
		if t == w {
			return true
		}
		if len(t) > len(w) && len(t) < len(w)+40 && strings.HasPrefix(t, w) && wordEnds(w, t[len(w):]) {
			return true
		}
		if suffix && len(t) > len(w) && len(t) < len(w)+40 && strings.HasSuffix(t, w) {
			r, _ := utf8.DecodeLastRuneInString(t[:len(t)-len(w)])
			if !unicode.IsLetter(r) || han(w) {
				return true
			}
		}
	}
	return false
}

// wordEnds reports whether rest, what follows total word w in a label,
// starts a new word.
func wordEnds(w, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if han(w) {
		return !unicode.Is(unicode.Han, r)
	}
	return !unicode.IsLetter(r)
}

func han(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.Is(unicode.Han, r)
}

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
	for _, c := range r.cells {
		if c.k == kindEmpty || isBlankText(c.s) {
			continue
		}
		filled++
		if text == "" {
			text = strings.TrimSpace(c.s)
		}
	}
	if repeatsHeader(r, p.headerRaw, p.headerFilled) {
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
	// date: a company called "Total SA" on a dated row is data. A label
	// that ends with the total word ("TEKHKRIM Total", as Excel's
	// Subtotal command writes it) needs both missing from a sheet that
	// has one of them.
	hs, date := p.col(reconcile.FieldHSCode), p.col(reconcile.FieldDate)
	for li, c := range r.cells {
		if c.k != kindString || len(c.s) > 80 {
			continue
		}
		first, last := maybeTotal(c.s)
		if !first && !last {
			continue
		}
		t := strings.ToLower(strings.TrimRight(strings.Trim(strings.TrimSpace(c.s), ":.*"), "：:"))
		noCode := (hs == li || cellAt(r, hs).s == "") && (date == li || cellAt(r, date).s == "")
		if first && totalLabel(t, false) && (noCode || filled <= 3) || last && noCode && (hs >= 0 || date >= 0) && totalLabel(t, true) {
			return reconcile.SkipTotal, c.s
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

// repeatsHeader reports whether row r repeats the header (a page break
// of a printed report, files pasted together): at least two cells, and
// six in ten of the header's filled cells, equal to the header's text.
func repeatsHeader(r *rawRow, headerRaw []string, headerFilled int) bool {
	same := 0
	for i, c := range r.cells {
		if c.k == kindString && i < len(headerRaw) && headerRaw[i] != "" && len(c.s) >= len(headerRaw[i]) &&
			strings.EqualFold(strings.TrimSpace(c.s), headerRaw[i]) {
			same++
		}
	}
	return same >= 2 && same*10 >= headerFilled*6
}

// maybeTotal is a cheap filter for totalWords: whether the cell's first
// or last letter can start or end one. It decodes two runes and
// allocates nothing, as it runs on every text cell.
func maybeTotal(s string) (first, last bool) {
	s = strings.Trim(s, " \t*:.：")
	if s == "" {
		return false, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	l, _ := utf8.DecodeLastRuneInString(s)
	return totalFirst[unicode.ToLower(r)], totalLast[unicode.ToLower(l)]
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
