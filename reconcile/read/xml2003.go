package read

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"

	"tradecheck/reconcile"
)

// openXML2003 reads an Excel 2003 XML spreadsheet (SpreadsheetML, saved
// as .xls or .xml by portals and old Excel): Worksheet → Table → Row →
// Cell → Data, with ss:Index skipping columns and rows, ss:MergeAcross
// spanning cells, and typed data (Number, DateTime, String, Boolean).
func openXML2003(path string, data []byte) (*memBook, error) {
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	b := &memBook{}
	var sh *memSheet
	var rb rowBuilder
	rowNum, col := 0, 0
	var cur *cell
	var text strings.Builder
	inData := false
	bad := func(err error) error {
		return &reconcile.Error{File: path, Err: reconcile.ErrCorrupt, Hint: "the Excel 2003 XML cannot be parsed (" + err.Error() + "); open it in Excel and save it as .xlsx"}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, bad(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Worksheet":
				b.sheets = append(b.sheets, memSheet{name: xmlAttr(t, "Name")})
				sh = &b.sheets[len(b.sheets)-1]
				rowNum = 0
			case "Row":
				if sh == nil {
					continue
				}
				rowNum++
				if i, err := strconv.Atoi(xmlAttr(t, "Index")); err == nil && i > rowNum && i <= MaxRows+1 {
					rowNum = i
				}
				rb = rowBuilder{}
				col = 0
				sh.rows = append(sh.rows, rawRow{num: rowNum, hidden: xmlAttr(t, "Hidden") == "1"})
			case "Cell":
				if i, err := strconv.Atoi(xmlAttr(t, "Index")); err == nil && i-1 > col && i <= MaxColumns {
					col = i - 1
				}
				rb.put(col, cell{})
				cur = &rb.cells[min(col, len(rb.cells)-1)]
				if m, err := strconv.Atoi(xmlAttr(t, "MergeAcross")); err == nil && m > 0 {
					col += min(m, MaxColumns)
				}
				col++
			case "Data":
				if cur == nil {
					continue
				}
				inData = true
				text.Reset()
				switch xmlAttr(t, "Type") {
				case "Number":
					cur.k = kindNumber
				case "DateTime":
					cur.k = kindDate
				case "Boolean":
					cur.k = kindBool
				case "Error":
					cur.k = kindError
				default:
					cur.k = kindString
				}
			}
		case xml.CharData:
			if inData {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Data":
				inData = false
				if cur != nil {
					cur.s = xml2003Value(cur.k, text.String())
					if cur.s == "" {
						cur.k = kindEmpty
					}
				}
			case "Cell":
				cur = nil
			case "Row":
				if sh != nil && len(sh.rows) > 0 {
					sh.rows[len(sh.rows)-1].cells = rb.cells
				}
			case "Worksheet":
				sh = nil
			}
		}
	}
	if len(b.sheets) == 0 {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrNoTable, Hint: "this Excel 2003 XML file holds no worksheet"}
	}
	return b, nil
}

func xmlAttr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// xml2003Value renders typed data as the xlsx reader does: numbers in
// canonical form, dates as ISO 8601 (a DateTime at midnight as a date).
func xml2003Value(k cellKind, s string) string {
	switch k {
	case kindNumber:
		s = strings.TrimSpace(s)
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return canonicalNumber(s)
		}
	case kindDate:
		s = strings.TrimSpace(s)
		s = strings.TrimSuffix(strings.TrimSuffix(s, ".000"), "T00:00:00")
	case kindBool:
		if strings.TrimSpace(s) == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	return s
}
