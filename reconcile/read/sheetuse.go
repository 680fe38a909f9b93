package read

import (
	"fmt"
	"regexp"
	"strings"

	"tradecheck/reconcile"
)

// Options.SheetUse values: the user's word on a sheet as a whole.
const (
	// SheetLeaveOut leaves a sheet out: every row below its header gets
	// the fate SkipLeftOut and nothing from it is counted.
	SheetLeaveOut = "leave_out"
	// SheetInclude reads a sheet the reader would leave out as a summary
	// sheet as shipments after all.
	SheetInclude = "include"
)

// sheetUse is the user's word on sheet name: its own, else the one for
// every sheet ("").
func (o *Options) sheetUse(name string) string {
	if u, ok := o.SheetUse[name]; ok {
		return u
	}
	return o.SheetUse[""]
}

// decideUse runs once the columns are mapped: a sheet the user left out,
// or a summary sheet the user did not include, is read row by row (every
// row keeps a fate) but yields no record. Leaving a sheet out also settles
// its want of a mapping: there is nothing left to map.
func (s *SheetReader) decideUse() {
	use := s.w.opt.sheetUse(s.name)
	if s.probe {
		use = ""
	}
	switch use {
	case SheetLeaveOut:
		s.leftOut, s.leftReason, s.leftDetail = "left out by the user", reconcile.SkipLeftOut, ""
		s.needs = nil
		return
	case SheetInclude:
		return
	}
	if s.needs != nil {
		return
	}
	if why := summaryEvidence(s.columns); why != "" {
		s.summary = true
		s.leftOut = "a summary sheet, not shipments: " + why + "; left out of the totals (include it if its rows are shipments)"
		s.leftReason, s.leftDetail = reconcile.SkipSummarySheet, why
	}
}

// LeftOut says why the sheet's table yields no records ("" when it is
// read), and whether that is because it is a summary sheet.
func (s *SheetReader) LeftOut() (why string, summary bool) { return s.leftOut, s.summary }

// summaryEvidence says why the columns are those of a summary (a pivot of
// the shipments by party and period), "" when they may be shipments. A
// shipment row has a date or an identifier of its own; a summary row has
// neither, and its figures stand in one column per period (Q1 … Q4,
// January … December, 2021 2022). Two period columns are needed, so a
// register with one "2022" column is never taken for a summary.
func summaryEvidence(cols []Column) string {
	var periods []string
	for _, c := range cols {
		switch c.Field {
		case reconcile.FieldDate, reconcile.FieldDeclarationID, reconcile.FieldBillOfLading,
			reconcile.FieldContainer, reconcile.FieldInvoice, reconcile.FieldItemNo:
			return ""
		}
		if isPeriodHeader(c.Header) && columnHasFigures(c) {
			periods = append(periods, fmt.Sprintf("%s %q", reconcile.ColumnName(c.Index+1), strings.TrimSpace(c.Header)))
		}
	}
	if len(periods) < 2 {
		return ""
	}
	shown := periods
	if len(shown) > 4 {
		shown = append(shown[:4:4], "…")
	}
	return fmt.Sprintf("no date or shipment number, and its figures stand in one column per period (%s)", strings.Join(shown, ", "))
}

func columnHasFigures(c Column) bool {
	for _, v := range c.Samples {
		if isFigure(v) {
			return true
		}
	}
	return false
}

// periodHeader matches a header naming one period, with an optional unit
// after it: "Q1 t", "1Q 2022", "I кв.", "2 квартал", "H1", "Jan", "March
// 2022 (kg)", "январь", "2022", "FY2021".
var periodHeader = regexp.MustCompile(`^(?:` +
	`q[1-4](?:\s*[-/']?\s*(?:19|20)?\d\d)?|[1-4]\s*q|(?:[1-4]|i{1,3}|iv)\s*(?:кв\.?|квартал|quarter|qtr)|(?:quarter|qtr)\s*[1-4]|h[12]|[12]\s*h|` +
	`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?|` +
	`(?:янв(?:арь)?|фев(?:раль)?|март?|апр(?:ель)?|ма[йя]|июн[ья]?|июл[ья]?|авг(?:уст)?|сен(?:тябрь)?|окт(?:ябрь)?|ноя(?:брь)?|дек(?:абрь)?)\.?|` +
	`(?:fy\s*)?(?:19|20)\d\d` +
	`)(?:\s*[-/']?\s*(?:19|20)?\d\d)?` +
	`(?:\s*[,(]?\s*(?:t|tn|tons?|tonnes?|т|кг|kg|usd|\$|eur|руб\.?|qty|pcs)\s*\)?)?$`)

// isPeriodHeader reports a header that names one period and nothing else
// but a unit: "Q1 t" is a period column, "Q1 shipments to Moscow" is not.
func isPeriodHeader(h string) bool {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	return h != "" && periodHeader.MatchString(h)
}

// LeftOutRows counts the rows of a left-out sheet that would have been
// read: those whose fate is its being left out.
func (s SheetResult) LeftOutRows() int {
	return s.Skipped[reconcile.SkipLeftOut] + s.Skipped[reconcile.SkipSummarySheet]
}
