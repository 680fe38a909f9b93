package read

import (
	"fmt"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// checkData decides whether a sheet holds shipments. It must have a
// weight, value or quantity column with numbers in it, and a party or a
// date column. Without figures it is not a data sheet (a "Notes" sheet
// with a Consignee header and sentences below): ErrNoTable, with the
// reason. With figures but neither parties nor dates it is a table the
// reader does not understand: ErrNeedsMapping, naming the columns the user
// can map, so that its figures never reach the totals unexplained.
func (s *SheetReader) checkData() error {
	measure, parsed, party, date := false, false, false, false
	for _, c := range s.columns {
		switch c.Field {
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldQuantity:
			measure = true
			for _, v := range c.Samples {
				if isFigure(v) {
					parsed = true
					break
				}
			}
		case reconcile.FieldConsignee, reconcile.FieldShipper, reconcile.FieldConsigneeID, reconcile.FieldShipperID:
			party = true
		case reconcile.FieldDate:
			date = true
		}
	}
	switch {
	case !measure:
		return s.notData("no weight, value or quantity column")
	case !parsed:
		return s.notData("its weight, value or quantity columns hold no numbers")
	case party || date:
		return nil
	}
	var free []string
	for _, c := range s.columns {
		if c.Field == "" && c.UnitFor == "" && !c.CurrencyFor && strings.TrimSpace(c.Header) != "" && len(free) < 8 {
			free = append(free, fmt.Sprintf("%s %q", reconcile.ColumnName(c.Index+1), c.Header))
		}
	}
	cols := "no unmapped column has a header"
	if len(free) > 0 {
		cols = "unmapped columns: " + strings.Join(free, ", ")
	}
	return &reconcile.Error{File: s.w.path, Sheet: s.name, Row: s.headerRow,
		Err:  fmt.Errorf("%w: the sheet has figures but no column was recognised as a consignee, shipper or date, so its rows are not counted (%s)", reconcile.ErrNeedsMapping, cols),
		Hint: "map the party and date columns (the mapping is saved for this header layout, for the app and the command line alike)",
		Fix:  reconcile.FixMapColumns}
}

func (s *SheetReader) notData(reason string) error {
	if doubt := s.textSplitDoubt(); doubt != "" {
		return s.splitError(fmt.Errorf("%w (%s)", reconcile.ErrNotData, reason), doubt)
	}
	return &reconcile.Error{File: s.w.path, Sheet: s.name, Row: s.headerRow,
		Err:  fmt.Errorf("%w: %w: %s", reconcile.ErrNoTable, reconcile.ErrNotData, reason),
		Hint: "nothing from this sheet is counted; if it does hold shipments, map its columns"}
}

// textSplitDoubt is what makes a text file's split into fields doubtful,
// "" for a workbook or a text file that splits evenly.
func (s *SheetReader) textSplitDoubt() string {
	if s.w.csv == nil {
		return ""
	}
	return s.w.csv.doubt
}

// splitError blames a text table that could not be read on its split into
// fields, which is the likelier cause than the columns' content when the
// records do not split evenly: mapping columns cannot help then.
func (s *SheetReader) splitError(what error, doubt string) error {
	return &reconcile.Error{File: s.w.path, Sheet: s.name, Row: s.headerRow,
		Err: fmt.Errorf("%w: %w: the text may not have been split into columns right: %s", reconcile.ErrNoTable, what, doubt),
		Hint: "open the file in a spreadsheet program (LibreOffice asks for the delimiter and the quote character) and check that every row splits into the same columns; " +
			"then save it as .xlsx, or as CSV with one delimiter and every quoted field closed, and give that file"}
}

// isFigure reports a sample that reads as a number, with or without a
// unit or currency in the cell.
func isFigure(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return true
	}
	if _, ok := values.ParseNumber(s, values.HintNone); ok {
		return true
	}
	_, _, ok := values.SplitNumberUnit(s)
	return ok
}
