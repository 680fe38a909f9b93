package read

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// A summary by key is a sheet that totals another sheet of the same file
// by party, country or HS code, with no column per period (those are
// summaryEvidence's). Read as shipments its rows would count every
// shipment a second time, on top of the data sheet they sum. A careful
// reader recognises one by three things, in this order of weight:
//
//   - its rows have no date and no declaration, B/L, container or invoice
//     number, and each names its key once (one row per consignee);
//   - its figures equal, within the rounding its cells show, the sums of
//     another sheet of the file grouped by that key: the proof;
//   - failing the proof, a title or header that says so ("Summary",
//     "Сводная", "Итого по", "Pivot", "Özet", "汇总", "Sum of …") over a
//     table of nothing but the key and figures.
//
// A sheet with the shape but neither proof nor title may be a small
// register from a vendor: it is read, with a warning that asks the user to
// leave it out if its rows are totals.

// maxKeySummaryRows bounds the rows a sheet may have to be taken for a
// summary by key: its rows are read ahead whole to be compared, and a
// summary is short (one row per party).
const maxKeySummaryRows = 5000

// keyGroup is one key a summary can total by: a party (by name, else its
// tax ID), a country, an HS code.
type keyGroup uint8

const (
	keyConsignee keyGroup = iota
	keyShipper
	keyOrigin
	keyDispatch
	keyDestination
	keyHS
)

// keyNames word each key group for the reason: "by consignee".
var keyNames = [...]string{"consignee", "shipper", "country of origin", "country of dispatch", "country of destination", "HS code"}

// groupOf is the key group of a column's field; ok is false for a field
// that is no key.
func groupOf(f reconcile.Field) (keyGroup, bool) {
	switch f {
	case reconcile.FieldConsignee, reconcile.FieldConsigneeID:
		return keyConsignee, true
	case reconcile.FieldShipper, reconcile.FieldShipperID:
		return keyShipper, true
	case reconcile.FieldOriginCountry:
		return keyOrigin, true
	case reconcile.FieldDispatchCountry:
		return keyDispatch, true
	case reconcile.FieldDestinationCountry:
		return keyDestination, true
	case reconcile.FieldHSCode:
		return keyHS, true
	}
	return 0, false
}

// keyShape is what the columns say of a sheet that may be a summary by
// key: its key groups in column order, and whether it holds nothing but
// key and figure columns (the title evidence needs that).
type keyShape struct {
	groups []keyGroup
	bare   bool
}

// keyCandidate says whether the columns can be those of a summary by key:
// no date or shipment number, at least one key and one measure column
// with figures.
func keyCandidate(cols []Column) (keyShape, bool) {
	var sh keyShape
	seen := map[keyGroup]bool{}
	measure := false
	sh.bare = true
	for _, c := range cols {
		switch c.Field {
		case reconcile.FieldDate, reconcile.FieldDeclarationID, reconcile.FieldBillOfLading,
			reconcile.FieldContainer, reconcile.FieldInvoice, reconcile.FieldItemNo:
			return keyShape{}, false
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldQuantity:
			measure = measure || columnHasFigures(c)
			continue
		case reconcile.FieldCurrency, reconcile.FieldQuantityUnit, reconcile.FieldConsigneeCountry, reconcile.FieldShipperCountry:
			continue
		case reconcile.FieldNone:
			// An unmapped column of figures (a count of shipments, a
			// share) is one more measure; one of text is not.
			if c.UnitFor == "" && !c.CurrencyFor && strings.TrimSpace(c.Header) != "" && !allFigures(c) {
				sh.bare = false
			}
			continue
		}
		if g, ok := groupOf(c.Field); ok {
			if !seen[g] {
				seen[g] = true
				sh.groups = append(sh.groups, g)
			}
			continue
		}
		sh.bare = false // a description, a mode of transport: more than a key
	}
	sh.bare = sh.bare && len(sh.groups) == 1
	return sh, measure && len(sh.groups) > 0
}

func allFigures(c Column) bool {
	for _, v := range c.Samples {
		if !isFigure(v) {
			return false
		}
	}
	return len(c.Samples) > 0
}

// summaryTitle matches the words a summary's title, sheet name or header
// uses: "Summary", "Сводная", "Итого по", "Pivot", "Özet", "汇总", and
// the headers of a pivot table's figures ("Sum of Net weight", "Сумма по
// полю Вес").
var summaryTitle = regexp.MustCompile(`(?i)summary|pivot|сводн|итог[а-яё]*\s+по(?:\s|$)|özet|ozet|汇总|匯總|彙總|^sum of |сумма по полю`)

// figure is one summary cell's value and the rounding it shows: a
// summary typed as "6" tonnes stands for anything from 5.5 to 6.5.
type figure struct {
	v, tol float64
	ok     bool
}

// keyRow is one summary row: its key and figures (weights in kg).
type keyRow struct {
	key             string
	net, gross, qty figure
	money           map[string]figure // by currency ("" when unstated)
}

// groupSum is the sums of one key's rows on another sheet.
type groupSum struct {
	net, gross, qty          float64
	hasNet, hasGross, hasQty bool
	money                    map[string]float64
	rows                     int
}

// keyProof is how a summary's rows compare with the sums of one other
// sheet: matched of its rows equal the sums of the sheet's rows by the
// same key, and summed rows of that sheet make up those sums.
type keyProof struct {
	sheet           string
	matched, summed int
}

// decideKeySummary leaves out a summary by key (see the top of this file)
// or warns about a sheet that may be one. It runs once the plan is made,
// since its proof needs the sheet's records; bannerText is the text above
// the header.
func (s *SheetReader) decideKeySummary(bannerText []string) {
	if s.probe || s.leftOut != "" || s.err != nil {
		return
	}
	if u := s.w.opt.sheetUse(s.name); u == SheetInclude || u == SheetLeaveOut {
		return
	}
	// A table of figures by country or HS code has no party column, so it
	// waits for a mapping and counts nothing; proven a summary it needs
	// none. Any other error stands.
	unmapped := s.needs != nil
	shape, ok := keyCandidate(s.columns)
	if !ok || !s.readAhead(maxKeySummaryRows) {
		return
	}
	rows, hsLen := s.keyRows(shape.groups)
	if len(rows) < 2 {
		return
	}
	by := keyWords(shape.groups)
	why := fmt.Sprintf("one row per %s, with no date or shipment number", by)
	best := s.bestProof(rows, shape.groups, hsLen)
	if best.matched == len(rows) && best.summed > best.matched {
		s.leaveOutSummary(fmt.Sprintf("%s, and its figures equal the sums of sheet %q by %s (%d of %d rows)", why, best.sheet, by, best.matched, len(rows)))
		return
	}
	if title := s.summaryTitle(bannerText); shape.bare && title != "" {
		why = fmt.Sprintf("%s, and titled %q", why, title)
		if best.sheet != "" {
			why += fmt.Sprintf(" (its figures are not the sums of sheet %q: %d of %d rows are)", best.sheet, best.matched, len(rows))
		}
		s.leaveOutSummary(why)
		return
	}
	if unmapped {
		return
	}
	text := fmt.Sprintf("%s: if its rows are totals of another sheet rather than shipments, leave the sheet out, or they are counted twice", why)
	switch {
	case best.matched == len(rows):
		// Equal within figureOf's tolerance (the rounding a cell shows, or
		// 0.1 %), which is not a copy: 1001 kg beside 1002 kg is "equal".
		text += fmt.Sprintf(" (every row's figures equal, within 0.1 %% or the rounding they show, a row of sheet %q)", best.sheet)
	case best.matched > 0:
		text += fmt.Sprintf(" (%d of %d rows equal the sums of sheet %q by %s)", best.matched, len(rows), best.sheet, by)
	}
	s.warnings = append(s.warnings, reconcile.Note{Text: text, Step: reconcile.Step{Fix: reconcile.FixLeaveOutSheet, File: s.w.path, Sheet: s.name}})
}

// leaveOutSummary leaves the sheet out as a summary sheet, for the reason
// why; the user may include it.
func (s *SheetReader) leaveOutSummary(why string) {
	s.summary, s.needs = true, nil
	s.leftOut = "a summary sheet, not shipments: " + why + "; left out of the totals (include it if its rows are shipments)"
	s.leftReason, s.leftDetail = reconcile.SkipSummarySheet, why
}

func keyWords(groups []keyGroup) string {
	w := make([]string, len(groups))
	for i, g := range groups {
		w[i] = keyNames[g]
	}
	return strings.Join(w, " and ")
}

// readAhead buffers the rest of the sheet, up to limit rows; false when
// the sheet is longer or cannot be read to its end (the error is kept for
// Read to report).
func (s *SheetReader) readAhead(limit int) bool {
	for len(s.buffered) <= limit {
		r, err := s.src.next()
		if err != nil {
			s.err = err
			return false
		}
		if r == nil {
			return true
		}
		s.buffered = append(s.buffered, copyRow(r))
	}
	return false
}

// keyRows builds the buffered rows' keys and figures as Read would read
// them (total and blank rows keep out). It returns none unless every
// keyed row names a key of its own: a key named twice makes a register.
// hsLen is the HS digits a summary by HS code keys on: the shortest it
// shows, 6 for "847130" against a register's "8471300000".
func (s *SheetReader) keyRows(groups []keyGroup) (rows []keyRow, hsLen int) {
	var recs []reconcile.Record
	for _, r := range s.buffered {
		if reason, _ := s.plan.classifyRow(r); reason != "" {
			continue
		}
		rec, ok := s.plan.build(r)
		if !ok {
			continue
		}
		s.applyConstants(&rec)
		recs = append(recs, rec)
	}
	for _, g := range groups {
		if g != keyHS {
			continue
		}
		for i := range recs {
			if n := len(recs[i].HSCode); n >= 2 && (hsLen == 0 || n < hsLen) {
				hsLen = n
			}
		}
		if hsLen == 0 {
			return nil, 0
		}
	}
	seen := map[string]bool{}
	for i := range recs {
		k := keyOf(&recs[i], groups, hsLen)
		if k == "" {
			continue // a total row the label did not give away
		}
		if seen[k] {
			return nil, 0
		}
		seen[k] = true
		rows = append(rows, rowFigures(k, &recs[i]))
	}
	return rows, hsLen
}

// keyOf is rec's key by groups, "" when it lacks one of them. Names are
// compared as written, but for case and spacing: a pivot copies them.
func keyOf(rec *reconcile.Record, groups []keyGroup, hsLen int) string {
	parts := make([]string, len(groups))
	for i, g := range groups {
		var v string
		switch g {
		case keyConsignee, keyShipper:
			p := &rec.Consignee
			if g == keyShipper {
				p = &rec.Shipper
			}
			if len(p.Names) > 0 {
				v = p.Names[0]
			} else {
				v = p.TaxID
			}
		case keyOrigin:
			v = rec.OriginCountry
		case keyDispatch:
			v = rec.DispatchCountry
		case keyDestination:
			v = rec.DestinationCountry
		case keyHS:
			// The reader keeps an HS code's digits only (values.HSCode).
			if d := rec.HSCode; len(d) >= hsLen {
				v = d[:hsLen]
			}
		}
		v = strings.ToLower(strings.Join(strings.Fields(v), " "))
		if v == "" {
			return ""
		}
		parts[i] = v
	}
	return strings.Join(parts, "\x1f")
}

func rowFigures(key string, rec *reconcile.Record) keyRow {
	r := keyRow{key: key, net: figureOf(rec.NetKg), gross: figureOf(rec.GrossKg), qty: figureOf(rec.Quantity), money: map[string]figure{}}
	if rec.ValueUSD.Valid {
		r.money["USD"] = figureOf(rec.ValueUSD)
	} else if rec.Value.Valid {
		r.money[rec.Currency] = figureOf(rec.Value)
	}
	return r
}

// figureOf is n with the rounding its cell shows: half a unit of its last
// decimal, in the unit n is in (a cell in tonnes read as kg), and never
// less than 0.1 % of it, for a figure typed from a rounded report.
func figureOf(n reconcile.Number) figure {
	if !n.Valid {
		return figure{}
	}
	tol := 0.001 * math.Abs(n.Value)
	raw, ok := values.ParseNumber(n.Raw, values.HintNone)
	if !ok {
		if num, _, split := values.SplitNumberUnit(n.Raw); split {
			raw, ok = values.ParseNumber(num, values.HintNone)
		}
	}
	if ok && raw != 0 {
		d := 0
		for d < 6 && math.Abs(raw*math.Pow10(d)-math.Round(raw*math.Pow10(d))) > 1e-6 {
			d++
		}
		tol = max(tol, 0.5*math.Pow10(-d)*math.Abs(n.Value/raw))
	}
	return figure{v: n.Value, tol: max(tol, 1e-6), ok: true}
}

func (g *groupSum) add(rec *reconcile.Record) {
	if rec.NetKg.Valid {
		g.net, g.hasNet = g.net+rec.NetKg.Value, true
	}
	if rec.GrossKg.Valid {
		g.gross, g.hasGross = g.gross+rec.GrossKg.Value, true
	}
	if rec.Quantity.Valid {
		g.qty, g.hasQty = g.qty+rec.Quantity.Value, true
	}
	if g.money == nil {
		g.money = map[string]float64{}
	}
	if rec.ValueUSD.Valid {
		g.money["USD"] += rec.ValueUSD.Value
	} else if rec.Value.Valid {
		g.money[rec.Currency] += rec.Value.Value
	}
	g.rows++
}

// matches reports whether row's figures equal g's sums: every figure both
// have, and at least one.
func (row *keyRow) matches(g *groupSum) bool {
	compared := 0
	for _, c := range []struct {
		f   figure
		v   float64
		has bool
	}{{row.net, g.net, g.hasNet}, {row.gross, g.gross, g.hasGross}, {row.qty, g.qty, g.hasQty}} {
		if c.f.ok && c.has {
			if math.Abs(c.v-c.f.v) > c.f.tol {
				return false
			}
			compared++
		}
	}
	for cur, f := range row.money {
		if v, ok := g.money[cur]; ok {
			if math.Abs(v-f.v) > f.tol {
				return false
			}
			compared++
		}
	}
	return compared > 0
}

// bestProof compares rows with the sums of every other sheet of the file
// by the same key, and returns the sheet whose sums most rows equal: the
// first sheet with any rows by that key when none does, "" when there is
// none.
func (s *SheetReader) bestProof(rows []keyRow, groups []keyGroup, hsLen int) keyProof {
	var best keyProof
	if s.w.x == nil && s.w.mem == nil {
		return best // a text file has no other sheet
	}
	for _, name := range s.w.Sheets() {
		if name == s.name {
			continue
		}
		sums := s.w.groupSums(name, groups, hsLen)
		p := keyProof{sheet: name}
		for i := range rows {
			if g := sums[rows[i].key]; g != nil && rows[i].matches(g) {
				p.matched++
				p.summed += g.rows
			}
		}
		if p.matched > best.matched || best.sheet == "" && len(sums) > 0 {
			best = p
		}
	}
	return best
}

// groupSums reads sheet's records (as Read gives them, whatever the user
// decided of the sheet) and sums them by key. The sums are kept for the
// next summary of the file.
func (w *Workbook) groupSums(sheet string, groups []keyGroup, hsLen int) map[string]*groupSum {
	ck := fmt.Sprint(sheet, "\x00", groups, hsLen)
	if m, ok := w.keySums[ck]; ok {
		return m
	}
	m := map[string]*groupSum{}
	if w.keySums == nil {
		w.keySums = map[string]map[string]*groupSum{}
	}
	w.keySums[ck] = m
	sr, err := w.sheet(sheet, true)
	if err != nil {
		return m
	}
	defer sr.Close()
	for {
		rec, err := sr.Read()
		if err != nil {
			return m
		}
		k := keyOf(&rec, groups, hsLen)
		if k == "" {
			continue
		}
		g := m[k]
		if g == nil {
			g = &groupSum{}
			m[k] = g
		}
		g.add(&rec)
	}
}

// summaryTitle is the sheet name, the banner line or the header that says
// the sheet is a summary, "" when none does.
func (s *SheetReader) summaryTitle(bannerText []string) string {
	texts := append([]string{s.name}, bannerText...)
	for _, c := range s.columns {
		texts = append(texts, c.Header)
	}
	for _, t := range texts {
		if t = strings.TrimSpace(t); summaryTitle.MatchString(t) {
			return clipDetail(t)
		}
	}
	return ""
}
