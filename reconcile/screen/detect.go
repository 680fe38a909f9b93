package screen

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tradecheck/reconcile"
)

// Detect tells a list format from the first bytes of a file (up to 64 KB
// is enough). It never looks at the file name.
func Detect(head []byte) (Format, error) {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		dec, _ := io.ReadAll(openText(bytes.NewReader(head)))
		head = dec
	}
	trim := bytes.TrimSpace(head)
	if bytes.HasPrefix(trim, []byte("<")) {
		if bytes.Contains(trim, []byte("sanctionEntity")) || bytes.Contains(trim, []byte("<export")) {
			return FormatEUXML, nil
		}
		return "", errors.New("an XML file that is not the EU consolidated list (OFAC's and the UN's XML are not read; use OFAC's CSV files)")
	}
	// Only whole lines: the head may end inside a record.
	if i := bytes.LastIndexByte(head, '\n'); i > 0 && len(head) >= sniffSize/2 {
		head = head[:i+1]
	}
	comma := firstRecords(head, ',', 3)
	for i, rec := range comma {
		switch {
		case isOpenSanctionsHeader(rec):
			return FormatOpenSanctions, nil
		case isUKHeader(rec), i == 0 && len(rec) > 0 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(rec[0])), "last updated"):
			return FormatUKOFSI, nil
		}
	}
	for _, rec := range firstRecords(head, ';', 3) {
		if isEUHeader(rec) {
			return FormatEUCSV, nil
		}
	}
	for i, rec := range comma {
		if f, ok := ofacFormat(rec, i == 0); ok {
			return f, nil
		}
		if !(i == 0 && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(rec[0]), "ent_num")) {
			break
		}
	}
	return "", ErrUnknownFormat
}

// firstRecords parses up to n non-blank records.
func firstRecords(head []byte, comma rune, n int) [][]string {
	cr := newCSV(bytes.NewReader(head), comma)
	cr.ReuseRecord = false
	var out [][]string
	for len(out) < n {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		if !blank(rec) {
			out = append(out, rec)
		}
	}
	return out
}

// ofacFormat recognises a record of OFAC's legacy CSVs by its shape: an
// integer ent_num, then 11 more fields with a type that is "-0-",
// individual, vessel or aircraft (sdn.csv); an alias number and an
// alias type (alt.csv); an address number and four fields (add.csv); or
// one text field (sdn_comments.csv). A header row "ent_num,…" counts too.
func ofacFormat(rec []string, first bool) (Format, bool) {
	if len(rec) == 0 {
		return "", false
	}
	if first && strings.EqualFold(strings.TrimSpace(rec[0]), "ent_num") && len(rec) > 1 {
		switch h := strings.ToLower(strings.Join(rec, ",")); {
		case strings.Contains(h, "sdn_name"):
			return FormatOFACSDN, true
		case strings.Contains(h, "alt_name"):
			return FormatOFACAlt, true
		case strings.Contains(h, "add_num"), strings.Contains(h, "address"):
			return FormatOFACAdd, true
		}
		return "", false
	}
	if _, err := strconv.Atoi(strings.TrimSpace(rec[0])); err != nil {
		return "", false
	}
	numeric := func(i int) bool {
		_, err := strconv.Atoi(strings.TrimSpace(rec[i]))
		return err == nil
	}
	switch {
	case len(rec) == 12:
		switch strings.ToLower(strings.TrimSpace(rec[2])) {
		case "-0-", "individual", "vessel", "aircraft":
			return FormatOFACSDN, true
		}
	case len(rec) == 5 && numeric(1):
		switch strings.ReplaceAll(strings.ToLower(strings.TrimSpace(rec[2])), ".", "") {
		case "aka", "fka", "nka":
			return FormatOFACAlt, true
		}
	case len(rec) == 6 && numeric(1):
		return FormatOFACAdd, true
	case len(rec) == 2:
		return FormatOFACComments, true
	}
	return "", false
}

// maxListBytes bounds a list file: OpenSanctions' full default dataset is
// a few hundred megabytes; beyond a gigabyte something is wrong.
const maxListBytes = 1 << 30

// ReadFiles reads sanctions lists from files and folders. A folder's .csv
// and .xml files are read (not its sub-folders). OFAC's sdn.csv, alt.csv,
// add.csv and sdn_comments.csv found in one folder, or given in one call,
// are joined into one list. Files that fail are reported in the returned
// error (errors.Join of *reconcile.Error); the others are still read.
func ReadFiles(ctx context.Context, paths []string) ([]*List, error) {
	var files []string
	var errs []error
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &reconcile.Error{File: p, Err: reconcile.ErrNotFound, Hint: "check the path of the list file"})
			continue
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			errs = append(errs, &reconcile.Error{File: p, Err: err})
			continue
		}
		for _, de := range ents {
			ext := strings.ToLower(filepath.Ext(de.Name()))
			if de.IsDir() || strings.HasPrefix(de.Name(), ".") || (ext != ".csv" && ext != ".xml") {
				continue
			}
			files = append(files, filepath.Join(p, de.Name()))
		}
	}
	var lists []*List
	ofac := map[string][]*ofacPart{} // by folder
	var ofacDirs []string
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return lists, reconcile.ErrCanceled
		}
		l, part, err := readOne(path)
		switch {
		case err != nil:
			errs = append(errs, err)
		case part != nil:
			dir := filepath.Dir(path)
			if _, ok := ofac[dir]; !ok {
				ofacDirs = append(ofacDirs, dir)
			}
			ofac[dir] = append(ofac[dir], part)
		default:
			lists = append(lists, l)
		}
	}
	// Parts given file by file from several folders belong to one
	// download when only one of them is an sdn.csv.
	if len(ofacDirs) > 1 {
		sdns := 0
		var all []*ofacPart
		for _, d := range ofacDirs {
			for _, p := range ofac[d] {
				all = append(all, p)
				if p.format == FormatOFACSDN {
					sdns++
				}
			}
		}
		if sdns <= 1 {
			ofac = map[string][]*ofacPart{ofacDirs[0]: all}
			ofacDirs = ofacDirs[:1]
		}
	}
	sort.Strings(ofacDirs)
	for _, d := range ofacDirs {
		parts := ofac[d]
		ofacOrder(parts)
		l, err := joinOFAC(parts)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		lists = append(lists, l)
	}
	return lists, errors.Join(errs...)
}

// ReadFile reads one list file. An OFAC sdn.csv read alone gives a list
// without aliases; an alt.csv or add.csv alone is an error (ErrOFACParts).
func ReadFile(path string) (*List, error) {
	l, part, err := readOne(path)
	if err != nil {
		return nil, err
	}
	if part != nil {
		return joinOFAC([]*ofacPart{part})
	}
	return l, nil
}

// readOne opens a file, detects its format and reads it: a list, or an
// OFAC part to be joined with the others of its download.
func readOne(path string) (*List, *ofacPart, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, &reconcile.Error{File: path, Err: reconcile.ErrNotFound, Hint: "check the path of the list file"}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > maxListBytes {
		return nil, nil, &reconcile.Error{File: path, Err: reconcile.ErrTooLarge, Hint: "a sanctions list over 1 GB is not expected; check the file"}
	}
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, nil, &reconcile.Error{File: path, Err: err}
	}
	if n == 0 {
		return nil, nil, &reconcile.Error{File: path, Err: reconcile.ErrEmpty, Hint: "download the list again"}
	}
	format, err := Detect(head[:n])
	if err != nil {
		return nil, nil, &reconcile.Error{File: path, Err: ErrUnknownFormat, Hint: listHint(err)}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, nil, &reconcile.Error{File: path, Err: err}
	}
	r := io.LimitReader(f, maxListBytes)
	switch format {
	case FormatOFACSDN, FormatOFACAlt, FormatOFACAdd, FormatOFACComments:
		p, err := readOFACPart(r, path, format)
		return nil, p, err
	}
	l, err := Read(r, path, format)
	return l, nil, err
}

// Read reads a list of a known, single-file format from r; path names it
// in errors. OFAC's files are read with ReadFiles or ReadFile.
func Read(r io.Reader, path string, f Format) (*List, error) {
	switch f {
	case FormatOpenSanctions:
		return readOpenSanctions(r, path)
	case FormatUKOFSI:
		return readUK(r, path)
	case FormatEUCSV:
		return readEUCSV(r, path)
	case FormatEUXML:
		return readEUXML(r, path)
	case FormatOFACSDN:
		p, err := readOFACPart(r, path, f)
		if err != nil {
			return nil, err
		}
		return joinOFAC([]*ofacPart{p})
	}
	return nil, &reconcile.Error{File: path, Err: ErrUnknownFormat, Hint: "OFAC's alt.csv, add.csv and sdn_comments.csv are read together with their sdn.csv"}
}

func listHint(err error) string {
	if errors.Is(err, ErrUnknownFormat) {
		return "give OpenSanctions targets.simple.csv, OFAC's sdn.csv/alt.csv/add.csv, the UK OFSI ConList.csv or the EU consolidated list (CSV or XML)"
	}
	return err.Error()
}
