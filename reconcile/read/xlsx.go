package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"

	"tradecheck/reconcile"
)

// Limits of the xlsx reader; see the package documentation.
const (
	MaxPartSize         = 2 << 30
	MaxSharedStrings    = 512 << 20
	MaxCompressionRatio = 200
	ratioMinSize        = 8 << 20
	maxCalcPackage      = 256 << 20 // whole package excelize may inflate to compute formulas
	MaxCellLen          = 32767
	MaxColumns          = 16384
	MaxRows             = 1048576
	MaxSheets           = 1000
	MaxEncryptedSize    = 1 << 30
	MaxCalcPartSize     = 64 << 20
	maxSmallPart        = 64 << 20 // workbook.xml, styles.xml, rels, core.xml
	maxXMLToken         = 8 << 20
)

type sheetEntry struct {
	name   string
	part   string // zip path of the worksheet part; "" for chartsheets
	hidden bool
}

// xlsxBook is an opened workbook package.
type xlsxBook struct {
	file     string
	zr       *zip.Reader
	closer   io.Closer
	raw      []byte // decrypted package, when the file was encrypted
	sheets   []sheetEntry
	date1904 bool
	dateXF   []bool   // per cellXfs index: number format is a date
	curXF    []string // per cellXfs index: currency the number format shows, "" for none

	sstOnce sync.Once
	sst     []string
	sstLong map[int]bool // shared strings over MaxCellLen (clipped; an error where used)
	sstErr  error

	// warnings are damaged parts the reading worked around; every sheet
	// of the book reports them.
	warnings []string

	calcOnce sync.Once
	calc     calcer
	calcErr  error
}

func (b *xlsxBook) close() error {
	if b.calc != nil {
		b.calc.Close()
	}
	if b.closer != nil {
		return b.closer.Close()
	}
	return nil
}

func (b *xlsxBook) errf(sentinel error, hint string) error {
	return &reconcile.Error{File: b.file, Err: sentinel, Hint: hint}
}

func (b *xlsxBook) find(name string) *zip.File {
	if b.zr == nil {
		return nil
	}
	name = strings.TrimPrefix(name, "/")
	for _, f := range b.zr.File {
		if f.Name == name {
			return f
		}
	}
	// Some writers differ in case or use backslashes.
	for _, f := range b.zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
			return f
		}
	}
	return nil
}

// limitedReader enforces a size limit and the compression-ratio guard.
type limitedReader struct {
	r      io.Reader
	n      int64
	limit  int64
	comp   int64
	what   string
	tooBig error
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.tooBig != nil {
		return 0, l.tooBig
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.limit {
		l.tooBig = fmt.Errorf("%w: %s is over %s uncompressed", reconcile.ErrTooLarge, l.what, humanBytes(l.limit))
		return n, l.tooBig
	}
	if l.n > ratioMinSize && l.comp > 0 && l.n/l.comp > MaxCompressionRatio {
		l.tooBig = fmt.Errorf("%w: %s expands more than %d:1 (a zip bomb?)", reconcile.ErrTooLarge, l.what, MaxCompressionRatio)
		return n, l.tooBig
	}
	return n, err
}

func bombRatio(f *zip.File) bool {
	u, c := f.UncompressedSize64, max(f.CompressedSize64, 1)
	return u > ratioMinSize && u/c > MaxCompressionRatio
}

// calcSafe reports whether excelize may open the whole package to compute
// formulas: excelize inflates every part, so none may be a bomb and the
// total must stay small.
func (b *xlsxBook) calcSafe() bool {
	if b.zr == nil {
		return false
	}
	var total uint64
	for _, f := range b.zr.File {
		if bombRatio(f) {
			return false
		}
		total += f.UncompressedSize64
	}
	return total <= maxCalcPackage
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

type readCloser struct {
	io.Reader
	io.Closer
}

func (b *xlsxBook) openPart(f *zip.File, limit int64, what string) (io.ReadCloser, error) {
	if int64(f.UncompressedSize64) > limit {
		return nil, &reconcile.Error{File: b.file, Err: reconcile.ErrTooLarge,
			Hint: fmt.Sprintf("%s is %s uncompressed, over the %s limit; split the workbook", what, humanBytes(int64(f.UncompressedSize64)), humanBytes(limit))}
	}
	// archive/zip refuses to inflate past the declared size, so the
	// declared sizes bound the ratio before a byte is inflated.
	if bombRatio(f) {
		return nil, &reconcile.Error{File: b.file, Err: fmt.Errorf("%w: %s expands more than %d:1 (%s from %s; a zip bomb?)", reconcile.ErrTooLarge, what,
			MaxCompressionRatio, humanBytes(int64(f.UncompressedSize64)), humanBytes(int64(f.CompressedSize64))), Hint: "the file is not a normal export; do not open it"}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &reconcile.Error{File: b.file, Err: reconcile.ErrCorrupt, Hint: "the workbook could not be unpacked (" + err.Error() + "); download it again or re-save it in Excel"}
	}
	return readCloser{&limitedReader{r: rc, limit: limit, comp: int64(f.CompressedSize64), what: what}, rc}, nil
}

func (b *xlsxBook) readSmall(name string) ([]byte, error) {
	f := b.find(name)
	if f == nil {
		return nil, nil
	}
	rc, err := b.openPart(f, maxSmallPart, name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, b.partErr(name, err)
	}
	return data, nil
}

func (b *xlsxBook) partErr(name string, err error) error {
	var re *reconcile.Error
	if errors.As(err, &re) {
		return err
	}
	if errors.Is(err, reconcile.ErrTooLarge) {
		return &reconcile.Error{File: b.file, Err: err, Hint: "the workbook is over a safety limit; split it or export fewer rows"}
	}
	if errors.Is(err, errTokenTooLarge) {
		return &reconcile.Error{File: b.file, Err: fmt.Errorf("%w: an XML element in %s is over %s", reconcile.ErrTooLarge, name, humanBytes(maxXMLToken)), Hint: "re-save the workbook in Excel"}
	}
	return &reconcile.Error{File: b.file, Err: fmt.Errorf("%w: %s: %v", reconcile.ErrCorrupt, name, err), Hint: "download the file again or re-save it in Excel"}
}

// load reads the workbook's sheet list, relationships and styles.
func (b *xlsxBook) load() error {
	wbPath := "xl/workbook.xml"
	// The package's root relationships name the workbook part; when they
	// cannot be read, the usual name is tried, and the sheets say so.
	rootRels, err := b.readSmall("_rels/.rels")
	var root []rel
	if err == nil {
		root, err = parseRels(rootRels)
	}
	if err != nil {
		b.warnings = append(b.warnings, fmt.Sprintf("the package part _rels/.rels is damaged (%s); the workbook was read from %s", errText(err), wbPath))
	}
	for _, r := range root {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = strings.TrimPrefix(r.Target, "/")
		}
	}
	wb, err := b.readSmall(wbPath)
	if err != nil {
		return err
	}
	if wb == nil {
		return b.errf(reconcile.ErrCorrupt, "the workbook part is missing; re-save the file in Excel as .xlsx")
	}
	var w struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			State string `xml:"state,attr"`
			RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			RID2  string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &w); err != nil {
		return b.errf(reconcile.ErrCorrupt, "the workbook's sheet list is damaged ("+err.Error()+"); re-save it in Excel")
	}
	b.date1904 = w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	if len(w.Sheets) > MaxSheets {
		return &reconcile.Error{File: b.file, Err: fmt.Errorf("%w: %d sheets, the limit is %d", reconcile.ErrTooLarge, len(w.Sheets), MaxSheets), Hint: "split the workbook or delete unused sheets"}
	}
	dir := path.Dir(wbPath)
	relsPart := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	relsData, err := b.readSmall(relsPart)
	if err != nil {
		return err
	}
	list, err := parseRels(relsData)
	if err != nil {
		// Without them no sheet can be found: every sheet would look
		// like a chart sheet.
		return &reconcile.Error{File: b.file, Err: fmt.Errorf("%w: the part %s, which says where each sheet is, is damaged (%v)", reconcile.ErrCorrupt, relsPart, err),
			Hint: "download the file again or re-save it in Excel"}
	}
	rels := map[string]rel{}
	for _, r := range list {
		rels[r.ID] = r
	}
	for _, s := range w.Sheets {
		id := s.RID
		if id == "" {
			id = s.RID2
		}
		e := sheetEntry{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		if r, ok := rels[id]; ok && strings.HasSuffix(r.Type, "/worksheet") {
			e.part = resolvePart(dir, r.Target)
		}
		b.sheets = append(b.sheets, e)
	}
	var styles []string // where the styles may be: where the book says, then the usual name
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/styles") {
			styles = append(styles, resolvePart(dir, r.Target))
		}
	}
	b.loadStyles(append(styles, path.Join(dir, "styles.xml")))
	return nil
}

type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// parseRels reads a relationships part; a missing part (nil) has none.
func parseRels(data []byte) ([]rel, error) {
	var r struct {
		Rels []rel `xml:"Relationship"`
	}
	if data == nil {
		return nil, nil
	}
	err := xml.Unmarshal(data, &r)
	return r.Rels, err
}

func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(dir, target))
}

// stylesPart is what the reader needs of styles.xml: the custom number
// formats and, per cell style, its number format.
type stylesPart struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	XFs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// parseDateStyles returns, per cellXfs entry, whether its number format
// shows a date.
func parseDateStyles(st *stylesPart) []bool {
	custom := map[int]bool{}
	for _, f := range st.NumFmts {
		custom[f.ID] = isDateFormat(f.Code)
	}
	out := make([]bool, len(st.XFs))
	for i, xf := range st.XFs {
		if d, ok := custom[xf.NumFmtID]; ok {
			out[i] = d
			continue
		}
		id := xf.NumFmtID
		out[i] = (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
	}
	return out
}

// isDateFormat reports whether a custom number format shows a date: it
// has a year, day or month part outside quotes, escapes and [brackets].
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i]
	}
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			if c == '"' {
				inQuote = false
			}
		case inBracket:
			if c == ']' {
				inBracket = false
			}
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == 'y' || c == 'd':
			return true
		case c == 'm':
			// "mm" right after h or before s is minutes; a date format has y or d too.
		case c == 'e' && i+1 < len(code) && code[i+1] == 'e':
			return true
		}
	}
	return false
}

// sharedStrings loads the shared string table once.
func (b *xlsxBook) sharedStrings() ([]string, error) {
	b.sstOnce.Do(func() {
		var f *zip.File
		for _, zf := range b.zr.File {
			if strings.EqualFold(path.Base(zf.Name), "sharedStrings.xml") {
				f = zf
				break
			}
		}
		if f == nil {
			return
		}
		rc, err := b.openPart(f, MaxSharedStrings, "the shared strings part")
		if err != nil {
			b.sstErr = err
			return
		}
		defer rc.Close()
		b.sst, b.sstLong, err = parseSST(rc)
		if err != nil {
			b.sstErr = b.partErr(f.Name, err)
		}
	})
	return b.sst, b.sstErr
}

func parseSST(r io.Reader) ([]string, map[int]bool, error) {
	xs := newXMLScanner(r, maxXMLToken)
	var out []string
	var long map[int]bool
	var cur []byte
	inSI, inT, inRPh := false, false, false
	for {
		switch xs.next() {
		case tokEOF:
			return out, long, xs.err()
		case tokStart:
			switch string(xs.name) {
			case "sst":
				if n, ok := attr(xs.attrs, "uniqueCount"); ok {
					if c, err := strconv.Atoi(string(n)); err == nil && c > 0 && c < 1<<24 {
						out = make([]string, 0, c)
					}
				}
			case "si":
				inSI, cur = true, cur[:0]
				if xs.self {
					out = append(out, "")
					inSI = false
				}
			case "t":
				inT = !xs.self && inSI && !inRPh
			case "rPh":
				inRPh = !xs.self
			}
		case tokEnd:
			switch string(xs.name) {
			case "si":
				if inSI {
					v := string(cur)
					if cellTooLong(v) {
						if long == nil {
							long = map[int]bool{}
						}
						long[len(out)] = true
						v = clipCell(v)
					}
					out = append(out, v)
				}
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			}
		case tokText:
			if inT {
				cur = appendUnescaped(cur, xs.text)
			}
		}
	}
}

// clipCell enforces MaxCellLen characters.
func clipCell(s string) string {
	if len(s) <= MaxCellLen {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxCellLen {
			return s[:i]
		}
		n++
	}
	return s
}

func cellTooLong(s string) bool {
	if len(s) <= MaxCellLen {
		return false
	}
	n := 0
	for range s {
		n++
	}
	return n > MaxCellLen
}

// isOwnOutput reports whether the package is a Tradecheck audit workbook:
// its core property Category (or a custom property) is the marker.
func (b *xlsxBook) isOwnOutput() bool {
	if data, _ := b.readSmall("docProps/core.xml"); data != nil {
		var core struct {
			Category string `xml:"category"`
		}
		if xml.Unmarshal(data, &core) == nil && strings.TrimSpace(core.Category) == OwnOutputMarker {
			return true
		}
	}
	data, _ := b.readSmall("docProps/custom.xml")
	return bytes.Contains(data, []byte(">"+OwnOutputMarker+"<"))
}

// OwnOutputMarker is the core property Category the audit workbook writer
// sets; workbooks carrying it are refused as input (ErrOwnOutput).
const OwnOutputMarker = "Tradecheck audit workbook"
