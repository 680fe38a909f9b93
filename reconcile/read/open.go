package read

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// Options controls how a file is read. The zero value is ready to use.
type Options struct {
	// Password opens a password-protected workbook.
	Password string
	// Mapping overrides the detected mapping of columns, by 0-based
	// column index, for every sheet; SheetMapping overrides per sheet name
	// and wins over Mapping.
	Mapping      map[int]ColumnOverride
	SheetMapping map[string]map[int]ColumnOverride
	// Mappings, when set, supplies overrides saved for a header layout
	// (by LayoutKey); explicit Mapping entries win over saved ones.
	Mappings *MappingStore
	// SkipHidden makes hidden rows "hidden row" skips instead of records.
	SkipHidden bool
	// SampleRows is how many rows below the header are looked at to sniff
	// column contents, date order and number locale (default 200).
	SampleRows int
	// Flow is the trade flow the user states per sheet name ("" for
	// every sheet and a CSV): reconcile.FlowExport or FlowImport. It wins
	// over what the sheet states (Flow) and decides flow-dependent
	// columns (a Chinese record's 收发货人 is the shipper of an export).
	Flow map[string]string
	// CurrencyLabels are currency labels as written in currency cells that
	// are not ISO codes ("у.е.") and that the user gave a rate for: a
	// value in one keeps the label as its Currency instead of being
	// flagged unknown_currency.
	CurrencyLabels []string
	// RateCurrencies are the currencies the user gave a rate for: a
	// register with an invoice value and a customs value in national
	// currency uses the customs value for a row only when the invoice's
	// currency has no rate and the national one has (customsFallback).
	RateCurrencies []string
	// DateOrder is the user's reading of dates such as 03/04/2022 for
	// every sheet (values.OrderUnknown: decided from the data);
	// SheetDateOrder, by sheet name, wins over it. It settles a column
	// whose dates all have day and month ≤ 12.
	DateOrder      values.DateOrder
	SheetDateOrder map[string]values.DateOrder
	// Constants give a field a fixed value on every row of every sheet
	// that has none (a Turkish export register's dispatch country "TR");
	// SheetConstants, by sheet name, win over them. Fields: the country
	// fields and currency (see ConstantFields).
	Constants      map[reconcile.Field]string
	SheetConstants map[string]map[reconcile.Field]string
	// TonUnit is how "tons" alone is read: "t", "short ton" or "long
	// ton" (TonUnits); "" leaves it undecided unless the file says
	// metric. SheetTonUnit, by sheet name, wins.
	TonUnit      string
	SheetTonUnit map[string]string
	// Converting, when set, is called when a legacy workbook (.xls, .ods)
	// goes to LibreOffice for conversion, and every second until it is
	// back: a conversion takes seconds to a minute and reads no rows, so a
	// progress display has nothing else to show meanwhile.
	Converting func()
	// SheetUse is the user's word on a sheet as a whole, by sheet name
	// ("" for every sheet and a CSV): SheetLeaveOut or SheetInclude
	// (sheetuse.go).
	SheetUse map[string]string
}

// ColumnOverride is a user's decision about one column. An empty Field
// with Ignore unset keeps the detected field; Ignore unmaps the column.
type ColumnOverride struct {
	Field    reconcile.Field `json:"field,omitempty"`
	Ignore   bool            `json:"ignore,omitempty"`
	Unit     string          `json:"unit,omitempty"`     // weight unit: "kg", "t", "g", "lb"
	Currency string          `json:"currency,omitempty"` // ISO 4217 for value columns
	// Decimal is the column's decimal separator, "comma" or "point":
	// settles "1,125" that the file cannot (numevidence.go).
	Decimal string `json:"decimal,omitempty"`
}

// Workbook is an opened input file: an xlsx package (or a legacy .xls or
// .ods converted to one), HTML or Excel 2003 XML tables held in memory,
// or a text table, which has exactly one sheet named "".
type Workbook struct {
	path string
	opt  Options
	fmt  string // what Format returns
	x    *xlsxBook
	mem  *memBook
	csv  *csvFile
	// markupEnc is the text encoding an HTML table was decoded from.
	markupEnc string
	// keySums are other sheets' sums by key, kept for the proof of a
	// summary sheet (keysummary.go).
	keySums map[string]map[string]*groupSum
}

// Format returns "xlsx", "csv", "xls" or "ods" (read through a
// LibreOffice conversion), "html" (tables of a web page saved as .xls) or
// "xml2003" (Excel 2003 XML).
func (w *Workbook) Format() string { return w.fmt }

// Encoding returns the text encoding the file was decoded from: a text
// table's or an HTML page's; "" for workbooks, whose XML is Unicode.
func (w *Workbook) Encoding() string {
	if enc, _, ok := w.TextFormat(); ok {
		return enc
	}
	return w.markupEnc
}

// TextFormat returns a text table's encoding ("utf-8", "utf-16le",
// "utf-16be", "windows-1251", "windows-1252", "windows-1254",
// "windows-1250", "cp866", "koi8-r", "gb18030", "big5"; "iso-8859-9"
// only when its bytes differ from Windows-1254's) and delimiter; ok is
// false for workbooks.
func (w *Workbook) TextFormat() (encoding string, delimiter byte, ok bool) {
	if w.csv == nil || w.csv.sniff() != nil {
		return "", 0, false
	}
	return w.csv.enc, w.csv.delim, true
}

// Path returns the path as given to Open.
func (w *Workbook) Path() string { return w.path }

// Sheets lists the sheet names in workbook order. A text file has one
// sheet named "".
func (w *Workbook) Sheets() []string {
	if w.mem != nil {
		out := make([]string, len(w.mem.sheets))
		for i, s := range w.mem.sheets {
			out[i] = s.name
		}
		return out
	}
	if w.x == nil {
		return []string{""}
	}
	out := make([]string, len(w.x.sheets))
	for i, s := range w.x.sheets {
		out[i] = s.name
	}
	return out
}

// SheetHidden reports whether the named sheet is hidden in Excel.
func (w *Workbook) SheetHidden(name string) bool {
	if w.mem != nil {
		for _, s := range w.mem.sheets {
			if s.name == name {
				return s.hidden
			}
		}
	}
	if w.x == nil {
		return false
	}
	for _, s := range w.x.sheets {
		if s.name == name {
			return s.hidden
		}
	}
	return false
}

// Close releases the file.
func (w *Workbook) Close() error {
	if w.x != nil {
		return w.x.close()
	}
	return nil
}

// rows opens a raw row stream over one sheet.
func (w *Workbook) rows(sheet string) (rowSource, error) {
	if w.mem != nil {
		for _, s := range w.mem.sheets {
			if s.name == sheet {
				return &memSource{rows: s.rows}, nil
			}
		}
		return nil, &reconcile.Error{File: w.path, Sheet: sheet, Err: reconcile.ErrNoTable, Hint: "there is no sheet with this name"}
	}
	if w.x == nil {
		if sheet != "" {
			return nil, &reconcile.Error{File: w.path, Sheet: sheet, Err: reconcile.ErrNoTable, Hint: "a text file has a single sheet named \"\""}
		}
		return w.csv.open()
	}
	for _, e := range w.x.sheets {
		if e.name == sheet {
			if e.part == "" {
				return nil, &reconcile.Error{File: w.path, Sheet: sheet, Err: reconcile.ErrNoTable, Hint: "this is a chart sheet, not a table"}
			}
			return w.x.openSheet(e)
		}
	}
	return nil, &reconcile.Error{File: w.path, Sheet: sheet, Err: reconcile.ErrNoTable, Hint: "there is no sheet with this name"}
}

var (
	magicZip  = []byte("PK\x03\x04")
	magicZip0 = []byte("PK\x05\x06")
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Open sniffs the file's format by content and opens it. Errors are
// *reconcile.Error wrapping a sentinel, with a hint of what to do.
func Open(path string, opt Options) (*Workbook, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &reconcile.Error{File: path, Err: reconcile.ErrNotFound, Hint: "check the path"}
		}
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	if fi.IsDir() {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrIsDirectory, Hint: "give the spreadsheet files inside it"}
	}
	if !fi.Mode().IsRegular() {
		// A named pipe or device: never opened, since opening a FIFO
		// blocks until a writer appears and /dev/zero never ends. Stat's
		// size 0 is not "empty" here.
		return nil, &reconcile.Error{File: path, Err: fmt.Errorf("%w: not a regular file", reconcile.ErrNotSheet), Hint: "give a saved spreadsheet file"}
	}
	if fi.Size() == 0 {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrEmpty, Hint: "the file has no content; download or export it again"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	head := make([]byte, 8192)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	w := &Workbook{path: path, opt: opt}
	switch {
	case bytes.HasPrefix(head, magicZip) || bytes.HasPrefix(head, magicZip0):
		x, err := openZip(path, f, fi.Size(), nil)
		if errors.Is(err, errIsODS) {
			f.Close()
			return openConverted(w, ".ods", reconcile.ErrODS)
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		w.fmt, w.x = "xlsx", x
		return w, nil
	case bytes.HasPrefix(head, magicOLE):
		defer f.Close()
		x, err := openOLE(path, f, fi.Size(), opt.Password)
		if errors.Is(err, errIsXLS) {
			return openConverted(w, ".xls", reconcile.ErrLegacyXLS)
		}
		if err != nil {
			return nil, err
		}
		w.fmt, w.x = "xlsx", x
		return w, nil
	}
	f.Close()
	if kind := markupKind(head); kind != "" {
		data, err := readSmallFile(path)
		if err != nil {
			return nil, err
		}
		if kind == "xml2003" {
			w.mem, err = openXML2003(path, data)
		} else {
			w.mem, w.markupEnc, err = openHTML(path, data)
		}
		if err != nil {
			return nil, err
		}
		w.fmt = kind
		return w, nil
	}
	if err := refuseBinary(path, head); err != nil {
		return nil, err
	}
	w.fmt, w.csv = "csv", &csvFile{path: path}
	return w, nil
}

// Internal signals from openZip and openOLE: the file is a format read
// through a conversion.
var (
	errIsODS = errors.New("opendocument spreadsheet")
	errIsXLS = errors.New("legacy xls")
)

// openConverted reads a legacy workbook through its .xlsx conversion;
// errors and sheets still name the original file.
func openConverted(w *Workbook, what string, sentinel error) (*Workbook, error) {
	if w.opt.Converting != nil {
		stop := make(chan struct{})
		defer close(stop)
		go func(tell func()) {
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for {
				tell()
				select {
				case <-tick.C:
				case <-stop:
					return
				}
			}
		}(w.opt.Converting)
	}
	conv, err := convertToXLSX(w.path, what, sentinel)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(conv)
	if err != nil {
		return nil, &reconcile.Error{File: w.path, Err: sentinel, Hint: "the converted copy cannot be read (" + err.Error() + "); save the file as .xlsx"}
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &reconcile.Error{File: w.path, Err: err, Hint: "check that the file can be read"}
	}
	x, err := openZip(w.path, f, fi.Size(), nil)
	if err != nil {
		f.Close()
		return nil, err
	}
	w.fmt, w.x = strings.TrimPrefix(what, "."), x
	return w, nil
}

// markupKind tells an HTML page or an Excel 2003 XML spreadsheet (both
// handed out as .xls by web portals) from other text.
func markupKind(head []byte) string {
	lower := strings.ToLower(string(head[:min(len(head), 2048)]))
	if !strings.HasPrefix(strings.TrimLeft(strings.TrimPrefix(lower, "\ufeff"), " \t\r\n"), "<") {
		return "" // a CSV that mentions <table> in a cell is still a CSV
	}
	switch {
	case strings.Contains(lower, "urn:schemas-microsoft-com:office:spreadsheet") && strings.Contains(lower, "<workbook"):
		return "xml2003"
	case strings.Contains(lower, "<table") || strings.Contains(lower, "<html") || strings.Contains(lower, "<!doctype html"):
		return "html"
	}
	return ""
}

func openZip(path string, ra io.ReaderAt, size int64, raw []byte) (*xlsxBook, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrCorrupt, Hint: "the file is truncated or damaged (" + err.Error() + "); download it again"}
	}
	b := &xlsxBook{file: path, zr: zr, raw: raw}
	if c, ok := ra.(io.Closer); ok {
		b.closer = c
	}
	if mt := b.find("mimetype"); mt != nil {
		data, _ := b.readSmall("mimetype")
		if strings.Contains(string(data), "opendocument.spreadsheet") {
			b.close()
			return nil, errIsODS
		}
		if strings.Contains(string(data), "opendocument") {
			b.close()
			return nil, &reconcile.Error{File: path, Err: reconcile.ErrNotSheet, Hint: "this is an OpenDocument file but not a spreadsheet"}
		}
	}
	hasWB := false
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if name == "xl/workbook.xml" || (strings.HasPrefix(name, "xl/") && strings.HasSuffix(name, "workbook.xml")) {
			hasWB = true
		}
		if name == "xl/workbook.bin" {
			b.close()
			return nil, &reconcile.Error{File: path, Err: reconcile.ErrNotSheet, Hint: "this is a binary .xlsb workbook; open it in Excel and save it as .xlsx"}
		}
	}
	if !hasWB {
		b.close()
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrNotSheet, Hint: "this zip archive holds no Excel workbook; give the .xlsx or .csv file itself"}
	}
	if b.isOwnOutput() {
		b.close()
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrOwnOutput, Hint: "give the original source files, not Tradecheck's audit workbook"}
	}
	if err := b.load(); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

// openOLE tells an encrypted xlsx (EncryptionInfo stream) from a legacy
// .xls (Workbook/Book stream) and decrypts the former.
func openOLE(path string, f *os.File, size int64, password string) (*xlsxBook, error) {
	doc, err := mscfb.New(f)
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrCorrupt, Hint: "the file looks like an old Office file but is damaged; download it again"}
	}
	encrypted, legacy := false, false
	for {
		e, err := doc.Next()
		if err != nil {
			break
		}
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			encrypted = true
		case "Workbook", "Book":
			legacy = true
			if biffEncrypted(e) {
				return nil, encryptedXLS(path)
			}
		}
	}
	switch {
	case encrypted:
	case legacy:
		return nil, errIsXLS
	default:
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrNotSheet, Hint: "this is an old Office document (Word or PowerPoint?), not a spreadsheet"}
	}
	if password == "" {
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrEncrypted, Hint: "give the workbook's password", Fix: reconcile.FixPassword}
	}
	if size > MaxEncryptedSize {
		return nil, &reconcile.Error{File: path, Err: fmt.Errorf("%w: encrypted workbooks are decrypted in memory, limit %s", reconcile.ErrTooLarge, humanBytes(MaxEncryptedSize)), Hint: "remove the password in Excel and save it again"}
	}
	raw, err := io.ReadAll(io.NewSectionReader(f, 0, size))
	if err != nil {
		return nil, &reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}
	}
	plain, err := decrypt(raw, password)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookPassword) {
			return nil, &reconcile.Error{File: path, Err: reconcile.ErrWrongPassword, Hint: "check the password (it is case-sensitive)", Fix: reconcile.FixPassword}
		}
		return nil, &reconcile.Error{File: path, Err: reconcile.ErrEncrypted, Hint: "this encryption cannot be opened (" + err.Error() + "); remove the password in Excel and save it again"}
	}
	b, err := openZip(path, bytes.NewReader(plain), int64(len(plain)), plain)
	if err != nil {
		var re *reconcile.Error
		if errors.As(err, &re) && errors.Is(re.Err, reconcile.ErrCorrupt) {
			re.Err, re.Hint, re.Fix = reconcile.ErrWrongPassword, "check the password (it is case-sensitive)", reconcile.FixPassword
		}
		return nil, err
	}
	return b, nil
}

func decrypt(raw []byte, password string) (out []byte, err error) {
	defer func() {
		// excelize's decryption indexes into the streams it finds; a damaged
		// file must not crash the caller.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("damaged encryption header: %v", r)
		}
	}()
	return excelize.Decrypt(raw, &excelize.Options{Password: password})
}

// refuseBinary refuses content that is not text: PDFs, images, other
// binaries, and HTML or XML spreadsheets masquerading as .xls.
func refuseBinary(path string, head []byte) error {
	notSheet := func(what, hint string) error {
		return &reconcile.Error{File: path, Err: fmt.Errorf("%w (%s)", reconcile.ErrNotSheet, what), Hint: hint}
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return notSheet("a PDF", "export the table from the source as .xlsx or .csv")
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte("\xff\xd8\xff")),
		bytes.HasPrefix(head, []byte("GIF8")), bytes.HasPrefix(head, []byte("BM")) && len(head) > 14 && head[14] < 0x80 && bytes.IndexByte(head[:min(len(head), 512)], 0) >= 0:
		return notSheet("an image", "export the table from the source as .xlsx or .csv")
	case bytes.HasPrefix(head, []byte("\x1f\x8b")), bytes.HasPrefix(head, []byte("7z\xbc\xaf")), bytes.HasPrefix(head, []byte("Rar!")):
		return notSheet("a compressed archive", "unpack it and give the spreadsheet inside")
	}
	if !looksLikeText(head) {
		return notSheet("binary data", "give an .xlsx, .csv, .tsv or .txt export")
	}
	return nil
}

// looksLikeText accepts BOM-marked text, UTF-16 text, and bytes with few
// control characters.
func looksLikeText(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	if utf16Guess(b) != nil {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 <= len(b) // a few NULs in a text export are tolerated
}
