package workbook

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
)

// Entity sheet Decision values a user may type.
const (
	DecisionConfirmed = "confirmed"
	DecisionNotSame   = "not same"
)

func (w *writer) entities() error {
	d := w.d
	if d.Names == nil {
		d.Names = &match.Result{}
	}
	nm := len(d.Names.Mentions)
	ships := make([]int, nm)
	files := make([][]int32, nm)
	addFile := func(m int32, f int32) {
		for _, x := range files[m] {
			if x == f {
				return
			}
		}
		files[m] = append(files[m], f)
	}
	fileIdx := map[string]int32{}
	var fileNames []string
	for si := range d.Merge.Shipments {
		sh := &d.Merge.Shipments[si]
		var seen []int32
		for _, x := range append(append([]int32{}, sh.Rows...), sh.Duplicates...) {
			fn := d.Records[x].Source.File
			fi, ok := fileIdx[fn]
			if !ok {
				fi = int32(len(fileNames))
				fileIdx[fn] = fi
				fileNames = append(fileNames, filepath.Base(fn))
			}
			for _, m := range []int32{at(d.ConsigneeMention, x), at(d.ShipperMention, x)} {
				if m < 0 || int(m) >= nm {
					continue
				}
				addFile(m, fi)
				dup := false
				for _, s := range seen {
					dup = dup || s == m
				}
				if !dup {
					seen = append(seen, m)
					if sh.Counted() {
						ships[m]++
					}
				}
			}
		}
	}
	decided := map[string]string{}
	for _, dc := range d.Decisions {
		k := string(dc.Role) + "\x1f" + dc.Name
		switch dc.Op {
		case match.OpConfirm:
			decided[k] = DecisionConfirmed
		case match.OpNotSame:
			decided[k] = DecisionNotSame
		case match.OpSplit:
			decided[k] = "split out"
		case match.OpAssign, match.OpMerge:
			decided[k] = "moved"
		}
	}
	sw, err := w.open(SheetEntities, []float64{12, 36, 36, 11, 11, 30, 50, 12, 14, 14, 10}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, EntitiesHeader); err != nil {
		return err
	}
	r := 2
	for _, e := range d.Names.Entities {
		for k, m := range e.Members {
			if m < 0 || m >= nm {
				continue
			}
			mn := d.Names.Mentions[m]
			reason := ""
			if k < len(e.Reasons) {
				reason = e.Reasons[k]
			}
			if k < len(e.Scores) && k > 0 {
				reason = fmt.Sprintf("%s (score %.2f)", reason, e.Scores[k])
			}
			var fl []string
			for _, f := range files[m] {
				fl = append(fl, fileNames[f])
			}
			sort.Strings(fl)
			if err := sw.SetRow("A"+strconv.Itoa(r), []any{e.ID, e.Canonical, mn.Name, string(mn.Role), ships[m],
				strings.Join(fl, ", "), reason, decided[string(mn.Role)+"\x1f"+mn.Name], mn.TaxID,
				excelize.Cell{StyleID: w.st.Muted, Value: e.ID}, nilIfEmpty(w.listedCell(e.ID))}); err != nil {
				return err
			}
			r++
		}
	}
	return w.flush(sw)
}

func at(s []int32, i int32) int32 {
	if int(i) < len(s) {
		return s[i]
	}
	return -1
}

func (w *writer) review() error {
	d := w.d
	sw, err := w.open(SheetReview, []float64{36, 11, 12, 36, 11, 12, 8, 60, 12}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, ReviewHeader); err != nil {
		return err
	}
	ent := func(m int) string {
		if m < len(d.Names.EntityOf) && d.Names.EntityOf[m] >= 0 && d.Names.EntityOf[m] < len(d.Names.Entities) {
			return d.Names.Entities[d.Names.EntityOf[m]].ID
		}
		return ""
	}
	for i, p := range d.Names.Review {
		if p.A >= len(d.Names.Mentions) || p.B >= len(d.Names.Mentions) {
			continue
		}
		a, b := d.Names.Mentions[p.A], d.Names.Mentions[p.B]
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{a.Name, string(a.Role), ent(p.A), b.Name, string(b.Role), ent(p.B),
			p.Score, strings.Join(p.Reasons, "; "), ""}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

func (w *writer) discrepancies() error {
	ds := w.d.Merge.Discrepancies
	sw, err := w.open(SheetDiscrepancies, []float64{11, 11, 16, 70, 22, 70}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, DiscrepanciesHeader); err != nil {
		return err
	}
	b := newRowBuilder(len(DiscrepanciesHeader))
	var buf, target []byte
	for i := range ds {
		x := &ds[i]
		b.reset()
		if row, ok := w.shipmentRow(x.Shipment); ok {
			target = strconv.AppendInt(append(target[:0], "#Shipments!A"...), int64(row), 10)
			buf = appendFormulaString(append(buf[:0], "HYPERLINK("...), string(target))
			buf = appendFormulaString(append(buf, ','), x.Shipment)
			b.cell(w.st.Link, string(append(buf, ')')), x.Shipment)
		} else {
			b.put(x.Shipment)
		}
		b.put(x.Kind)
		b.put(string(x.Field))
		buf = buf[:0]
		for k, o := range x.Values {
			if k > 0 {
				buf = append(buf, "; "...)
			}
			buf = append(append(appendProv(buf, o.Source), ": "...), o.Value...)
		}
		b.put(string(buf))
		b.put(x.Used)
		b.put(x.Rule)
		if err := sw.SetRow("A"+strconv.Itoa(i+2), b.row()); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

// MappingText renders a sheet's mapping one column per line:
// `A "Date" → date`; unmapped columns show "(none)". ParseMapping reads it.
func MappingText(headers []string, mapping []reconcile.Field) string {
	var lines []string
	n := max(len(headers), len(mapping))
	for i := 0; i < n; i++ {
		h, f := "", "(none)"
		if i < len(headers) {
			h = headers[i]
		}
		if i < len(mapping) && mapping[i] != "" {
			f = string(mapping[i])
		}
		lines = append(lines, fmt.Sprintf("%s %q → %s", reconcile.ColumnName(i+1), h, f))
	}
	return strings.Join(lines, "\n")
}

func (w *writer) sources() error {
	d := w.d
	sw, err := w.open(SheetSources, []float64{26, 14, 40, 20, 16, 12, 20, 11, 11, 8, 10, 10, 24, 40, 11, 24, 40, 40, 20}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, SourcesHeader); err != nil {
		return err
	}
	r := 2
	done := map[int]bool{}
	for fi, f := range d.Files {
		row := func(cells []any) error {
			err := sw.SetRow("A"+strconv.Itoa(r), cells)
			r++
			return err
		}
		base := []any{filepath.Base(f.Path), "", f.Path, f.SHA256, f.Vendor, f.Retrieved, f.Note}
		if f.Err != nil {
			cells := append(base, make([]any, len(SourcesHeader)-len(base))...)
			cells[16] = f.Err.Error()
			if err := row(cells); err != nil {
				return err
			}
			continue
		}
		for si, s := range d.Sheets {
			if s.File != fi || done[si] {
				continue
			}
			done[si] = true
			var skipped []string
			total := 0
			keys := make([]string, 0, len(s.Skipped))
			for k := range s.Skipped {
				keys = append(keys, string(k))
			}
			sort.Strings(keys)
			for _, k := range keys {
				c := s.Skipped[reconcile.SkipReason(k)]
				total += c
				skipped = append(skipped, fmt.Sprintf("%s: %d", k, c))
			}
			errText := ""
			switch {
			case s.Status != "":
				errText = s.Status
			case s.NoTable:
				errText = "no table found in this sheet"
			}
			cells := append(append([]any{}, base...), s.DateFrom.String(), s.DateTo.String(), s.HeaderRow, s.Rows, total,
				strings.Join(skipped, "; "), MappingText(s.Headers, s.Mapping), s.Granularity, w.srcNames[si], errText,
				strings.Join(s.Warnings, "; "), strings.Join(s.Checks, "; "), s.UserMapping)
			cells[1] = s.Name
			if err := row(cells); err != nil {
				return err
			}
		}
	}
	if err := w.overlaps(sw, r+1); err != nil {
		return err
	}
	return w.flush(sw)
}

// sourcesRows is the number of rows below the Sources header: one per
// sheet read and one per file that could not be read.
func (w *writer) sourcesRows() int {
	n := len(w.d.Sheets)
	for _, f := range w.d.Files {
		if f.Err != nil {
			n++
		}
	}
	return n
}

func (w *writer) rates() error {
	d := w.d
	sw, err := w.open(SheetRates, []float64{10, 10, 14, 40, 12}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, RatesHeader); err != nil {
		return err
	}
	for i, rt := range d.Rates {
		used := 0
		for k := range d.Merge.Shipments {
			sh := &d.Merge.Shipments[k]
			if _, cur := sh.Value(d.Records); cur == rt.Currency && strings.HasPrefix(sh.USDBasis, "converted") &&
				(rt.Month == "" && strings.Contains(sh.USDBasis, "all months") || rt.Month != "" && strings.Contains(sh.USDBasis, "("+rt.Month+")")) {
				used++
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), []any{rt.Currency, rt.Month, rt.ToUSD, rt.Note, used}); err != nil {
			return err
		}
	}
	return w.flush(sw)
}

func (w *writer) method() error {
	d := w.d
	sw, err := w.open(SheetMethod, []float64{28, 40, 80, 20, 12, 30, 12, 14, 30, 22, 30}, 1)
	if err != nil {
		return err
	}
	if err := w.header(sw, 1, MethodHeader); err != nil {
		return err
	}
	r := 2
	set := func(cells ...any) error {
		err := sw.SetRow("A"+strconv.Itoa(r), cells)
		r++
		return err
	}
	params := append([]Param{
		{"Marker", Marker, "Tradecheck recognises this workbook by this marker and never reads it as a shipment source."},
		{"Version", d.Version, "Tradecheck version that wrote this workbook."},
		{"Run started", d.Started.UTC().Format("2006-01-02T15:04:05Z"), "UTC."},
		{"Run finished", d.Finished.UTC().Format("2006-01-02T15:04:05Z"), "UTC."},
	}, d.Params...)
	for _, p := range params {
		if err := set(p.Name, p.Value, excelize.Cell{StyleID: w.st.Wrap, Value: p.Meaning}); err != nil {
			return err
		}
	}
	r++
	if err := set(excelize.Cell{StyleID: w.st.Title, Value: "Method"}); err != nil {
		return err
	}
	for _, p := range d.Method {
		if err := set(excelize.Cell{StyleID: w.st.Wrap, Value: p}); err != nil {
			return err
		}
	}
	r++
	if err := set(excelize.Cell{StyleID: w.st.Title, Value: DecisionsTitle}); err != nil {
		return err
	}
	if err := w.header(sw, r, DecisionsHeader); err != nil {
		return err
	}
	r++
	for _, dc := range d.Decisions {
		if err := set("name", dc.Op, dc.Name, string(dc.Role), dc.TaxID, dc.Other, string(dc.OtherRole), dc.Target, "",
			timeText(dc.Time), dc.Note); err != nil {
			return err
		}
	}
	for _, dc := range d.ShipmentDecisions {
		if err := set("shipment", dc.Op, "", "", "", dc.Other, "", "", dc.Row, timeText(dc.Time), dc.Reason, dc.SHA256, dc.OtherSHA256); err != nil {
			return err
		}
	}
	return w.flush(sw)
}
