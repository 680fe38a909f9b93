package read

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// sheetScanner streams the rows of one worksheet part.
type sheetScanner struct {
	b       *xlsxBook
	sheet   string
	xs      *xmlScanner
	rc      io.ReadCloser
	sst     []string
	row     rawRow
	last    int
	done    bool
	cellBf  []byte
	fBuf    []byte
	dimRows int // rows the <dimension> element claims, 0 if none
	// hiddenCols marks hidden columns (<col hidden="1">); fShared and
	// fSI describe the current cell's formula, sharedAgg whether each
	// shared formula (by si) is a total's SUM (see verticalAgg).
	hiddenCols []bool
	fShared    bool
	fSI        int
	sharedAgg  map[int]bool
	size       int64
	lr         *limitedReader
}

// rowsHint estimates the sheet's rows: from the <dimension> element when
// it is plausible, else by extrapolating the bytes per row seen so far
// over the part's size. Bounded by what the part can hold, so a lying
// header cannot make callers allocate much.
func (s *sheetScanner) rowsHint() int {
	bound := min(int(s.size/32), MaxRows)
	if s.dimRows > 1 {
		return min(s.dimRows, bound)
	}
	consumed := s.lr.n - int64(s.xs.end-s.xs.pos)
	if consumed <= 0 || s.last == 0 {
		return 0
	}
	return min(int(float64(s.last)*float64(s.size)/float64(consumed)*1.02)+16, bound)
}

func (b *xlsxBook) openSheet(e sheetEntry) (*sheetScanner, error) {
	f := b.find(e.part)
	if f == nil {
		return nil, &reconcile.Error{File: b.file, Sheet: e.name, Err: reconcile.ErrCorrupt, Hint: "the sheet's data part is missing; re-save the workbook in Excel"}
	}
	sst, err := b.sharedStrings()
	if err != nil {
		return nil, err
	}
	rc, err := b.openPart(f, MaxPartSize, fmt.Sprintf("sheet %q", e.name))
	if err != nil {
		if re, ok := err.(*reconcile.Error); ok {
			re.Sheet = e.name
		}
		return nil, err
	}
	lr := rc.(readCloser).Reader.(*limitedReader)
	return &sheetScanner{b: b, sheet: e.name, xs: newXMLScanner(rc, maxXMLToken), rc: rc, sst: sst, size: int64(f.UncompressedSize64), lr: lr}, nil
}

func (s *sheetScanner) close() error { return s.rc.Close() }

func (s *sheetScanner) fail(err error) error {
	re, ok := s.b.partErr("sheet "+s.sheet, err).(*reconcile.Error)
	if ok {
		re.Sheet = s.sheet
		if re.Row == 0 && s.row.num > 0 {
			re.Row = s.row.num
		}
		return re
	}
	return err
}

// next returns the next row present in the sheet XML, or nil at the end.
func (s *sheetScanner) next() (*rawRow, error) {
	if s.done {
		return nil, nil
	}
	xs := s.xs
	inRow := false
	var (
		inCell, inV, inIS, inT, inRPh, inF bool
		hasF, hasV                         bool
		col                                int
		ctype                              cellType
		style                              int
	)
	s.row.cells = s.row.cells[:0]
	s.row.tooWide, s.row.hidden = false, false
	lastCol := -1
	for {
		switch xs.next() {
		case tokEOF:
			s.done = true
			if err := xs.err(); err != nil {
				return nil, s.fail(err)
			}
			if inRow {
				return &s.row, nil
			}
			return nil, nil
		case tokStart:
			switch string(xs.name) {
			case "dimension":
				if v, ok := attr(xs.attrs, "ref"); ok {
					if i := bytes.IndexByte(v, ':'); i >= 0 {
						ref := v[i+1:]
						j := 0
						for j < len(ref) && (ref[j] < '0' || ref[j] > '9') {
							j++
						}
						s.dimRows = atoiBytes(ref[j:])
					}
				}
			case "row":
				inRow = true
				n := s.last + 1
				if v, ok := attr(xs.attrs, "r"); ok {
					if x, err := strconv.Atoi(string(v)); err == nil && x > 0 {
						n = x
					}
				}
				if n > MaxRows {
					s.done = true
					return nil, &reconcile.Error{File: s.b.file, Sheet: s.sheet, Row: n,
						Err: fmt.Errorf("%w: row %d is past Excel's %d-row limit", reconcile.ErrTooLarge, n, MaxRows), Hint: "split the sheet; the rows above were read"}
				}
				if n <= s.last {
					n = s.last + 1 // out-of-order rows: keep them unique and increasing
				}
				s.row.num, s.last = n, n
				if v, ok := attr(xs.attrs, "hidden"); ok && (string(v) == "1" || string(v) == "true") {
					s.row.hidden = true
				}
				if xs.self {
					return &s.row, nil
				}
			case "c":
				if !inRow {
					continue
				}
				col = lastCol + 1
				ctype, style = typeNumber, 0
				// One pass over the attributes; their bytes do not outlive
				// the next token.
				eachAttr(xs.attrs, func(name, v []byte) {
					if len(name) != 1 {
						return
					}
					switch name[0] {
					case 'r':
						if c, ok := colFromRef(v); ok {
							col = c
						}
					case 't':
						ctype = parseCellType(v)
					case 's':
						style = atoiBytes(v)
					}
				})
				lastCol = col
				if xs.self {
					continue
				}
				inCell, hasF, hasV = true, false, false
				s.cellBf = s.cellBf[:0]
			case "v":
				if inCell && !xs.self {
					inV, hasV = true, true
				}
			case "f":
				if inCell {
					hasF = true
					inF = !xs.self
					s.fBuf = s.fBuf[:0]
					t, _ := attr(xs.attrs, "t")
					s.fShared = string(t) == "shared"
					s.fSI = -1
					if si, ok := attr(xs.attrs, "si"); ok {
						s.fSI = atoiBytes(si)
					}
				}
			case "col":
				if !inRow {
					s.markHiddenColumns(xs.attrs)
				}
			case "is":
				if inCell {
					inIS, hasV = !xs.self, true
				}
			case "t":
				inT = inIS && !inRPh && !xs.self
			case "rPh":
				inRPh = !xs.self
			}
		case tokEnd:
			switch string(xs.name) {
			case "row":
				if inRow {
					return &s.row, nil
				}
			case "sheetData":
				s.done = true
				if inRow {
					return &s.row, nil
				}
				return nil, nil
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				if col >= MaxColumns {
					s.row.tooWide = true
					// Cells without references past twice the column
					// limit exist in no real file: a bomb of one endless
					// row would otherwise be scanned to the part limit.
					if col >= 2*MaxColumns {
						s.done = true
						return nil, &reconcile.Error{File: s.b.file, Sheet: s.sheet, Row: s.row.num,
							Err: fmt.Errorf("%w: row %d has more than %d cells", reconcile.ErrTooLarge, s.row.num, 2*MaxColumns), Hint: "the sheet is damaged or hostile; re-save it in Excel; the rows above were read"}
					}
					continue
				}
				c, err := s.finishCell(ctype, style, hasV, hasF, col)
				if err != nil {
					return nil, err
				}
				if c.k == kindEmpty {
					continue
				}
				if hasF {
					c.agg = s.aggCell(col)
				}
				for len(s.row.cells) < col {
					s.row.cells = append(s.row.cells, cell{})
				}
				if col < len(s.row.cells) {
					s.row.cells[col] = c
				} else {
					s.row.cells = append(s.row.cells, c)
				}
			case "v":
				inV = false
			case "f":
				inF = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		case tokText:
			switch {
			case inV || inT:
				s.cellBf = append(s.cellBf, xs.text...)
			case inF:
				s.fBuf = append(s.fBuf, xs.text...)
			}
		}
	}
}

// cellType is a cell's t attribute.
type cellType uint8

const (
	typeNumber cellType = iota
	typeShared
	typeStr
	typeInline
	typeBool
	typeError
	typeDate
)

func parseCellType(v []byte) cellType {
	switch string(v) {
	case "s":
		return typeShared
	case "str":
		return typeStr
	case "inlineStr":
		return typeInline
	case "b":
		return typeBool
	case "e":
		return typeError
	case "d":
		return typeDate
	}
	return typeNumber
}

func (s *sheetScanner) finishCell(t cellType, style int, hasV, hasF bool, col int) (cell, error) {
	raw := s.cellBf
	if !hasV || len(raw) == 0 {
		if hasF && (!hasV || t == typeNumber) {
			return s.formulaCell(col)
		}
		return cell{}, nil
	}
	switch t {
	case typeShared:
		idx, err := strconv.Atoi(string(bytes.TrimSpace(raw)))
		if err != nil || idx < 0 || idx >= len(s.sst) {
			return cell{s: string(raw), k: kindError}, nil
		}
		if s.b.sstLong[idx] {
			return cell{}, s.tooLong(col)
		}
		v := s.sst[idx]
		if v == "" {
			return cell{}, nil
		}
		return cell{s: v, k: kindString}, nil
	case typeStr, typeInline:
		v := string(appendUnescaped(nil, raw))
		if cellTooLong(v) {
			return cell{}, s.tooLong(col)
		}
		return cell{s: v, k: kindString}, nil
	case typeBool:
		if string(raw) == "1" {
			return cell{s: "TRUE", k: kindBool}, nil
		}
		return cell{s: "FALSE", k: kindBool}, nil
	case typeError:
		return cell{s: string(raw), k: kindError}, nil
	case typeDate:
		return cell{s: string(raw), k: kindDate}, nil
	}
	v := string(raw)
	if style > 0 && style < len(s.b.dateXF) && s.b.dateXF[style] {
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			if d, ok := excelDate(f, s.b.date1904); ok {
				return cell{s: d, k: kindDate}, nil
			}
		}
	}
	c := cell{s: canonicalNumber(v), k: kindNumber}
	if style > 0 && style < len(s.b.curXF) {
		c.cur = s.b.curXF[style]
	}
	return c, nil
}

// aggCell reports whether the current cell's formula is a total's SUM. A
// shared formula's other cells carry no text: they inherit the first
// cell's answer, which holds for them too (a shared SUM(E2:E10) in E11
// is SUM(F2:F10) in F11).
func (s *sheetScanner) aggCell(col int) bool {
	if len(s.fBuf) == 0 {
		return s.fShared && s.sharedAgg[s.fSI]
	}
	agg := verticalAgg(s.fBuf, col, s.row.num)
	if s.fShared && s.fSI >= 0 {
		if s.sharedAgg == nil {
			s.sharedAgg = map[int]bool{}
		}
		if len(s.sharedAgg) < 10000 {
			s.sharedAgg[s.fSI] = agg
		}
	}
	return agg
}

func (s *sheetScanner) tooLong(col int) error {
	return &reconcile.Error{File: s.b.file, Sheet: s.sheet, Row: s.row.num, Column: col + 1,
		Err:  fmt.Errorf("%w: a cell is longer than Excel's %d characters", reconcile.ErrTooLarge, MaxCellLen),
		Hint: "shorten the cell; the rows above were read"}
}

// formulaCell computes a formula that has no cached value with excelize,
// or returns a kindFormula cell that the record builder flags.
func (s *sheetScanner) formulaCell(col int) (cell, error) {
	formula := string(appendUnescaped(nil, s.fBuf))
	ref := reconcile.ColumnName(col+1) + strconv.Itoa(s.row.num)
	if v, ok := s.b.calcCell(s.sheet, ref); ok && v != "" {
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return cell{s: v, k: kindNumber}, nil
		}
		return cell{s: v, k: kindString}, nil
	}
	if formula == "" {
		formula = "(shared formula)"
	}
	return cell{s: "=" + formula, k: kindFormula}, nil
}

type calcer interface {
	CalcCellValue(sheet, cell string, opts ...excelize.Options) (string, error)
	Close() error
}

// calcCell opens the workbook with excelize once (only when a formula
// without cached value is met, and only for sheets small enough) and asks
// it for the value.
func (b *xlsxBook) calcCell(sheet, ref string) (string, bool) {
	// excelize's calculation may load every worksheet of the package, not
	// just this one (a 200 MiB sheet elsewhere cost 850 MiB of heap; a
	// zip bomb sheet, gigabytes), so all sheets together must be small,
	// and the whole package is capped by UnzipSizeLimit below.
	var sheets uint64
	for _, e := range b.sheets {
		f := b.find(e.part)
		if f == nil {
			if e.name == sheet {
				return "", false
			}
			continue
		}
		sheets += f.UncompressedSize64
	}
	if sheets > MaxCalcPartSize || !b.calcSafe() {
		return "", false
	}
	b.calcOnce.Do(func() {
		opts := excelize.Options{UnzipSizeLimit: maxCalcPackage, UnzipXMLSizeLimit: 64 << 20}
		var f *excelize.File
		var err error
		if b.raw != nil {
			f, err = excelize.OpenReader(bytes.NewReader(b.raw), opts)
		} else {
			var fh *os.File
			fh, err = os.Open(b.file)
			if err == nil {
				f, err = excelize.OpenReader(fh, opts)
				fh.Close()
			}
		}
		if err != nil {
			b.calcErr = err
			return
		}
		b.calc = f
	})
	if b.calc == nil {
		return "", false
	}
	v, err := b.calc.CalcCellValue(sheet, ref)
	if err != nil {
		return "", false
	}
	return v, true
}

func atoiBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' || n > 1<<30 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// colFromRef returns the 0-based column of a cell reference like "AB12".
func colFromRef(ref []byte) (int, bool) {
	n := 0
	i := 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		n = n*26 + int(c-'A'+1)
		if n > MaxColumns*2 {
			return MaxColumns, true
		}
	}
	if i == 0 {
		return 0, false
	}
	return n - 1, true
}
