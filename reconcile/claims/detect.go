package claims

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// detectBytes is how much of a file IsClaimsCSV reads: a claims header
// sits in the first lines, and a shipment export must not be read whole
// just to be told apart.
const detectBytes = 64 << 10

// IsClaimsCSV reports whether the text file at path is a claims table:
// one of its first lines is a claims header (see the columns in the
// README: at least three known columns, including measure and figure).
// The app uses it to add a claims file that is opened or dropped together
// with the sources as claims, instead of reading it as shipments. It reads
// at most the first 64 KiB and is false for files it cannot read.
func IsClaimsCSV(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, detectBytes))
	if err != nil {
		return false
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.LastIndexByte(data, '\n'); len(data) == detectBytes && i > 0 {
		data = data[:i+1] // never judge a cut line
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = sniffComma(data)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	for line := 0; line < 20; line++ {
		rec, err := cr.Read()
		if err != nil {
			return false
		}
		if _, ok := headerColumns(rec); ok {
			return true
		}
	}
	return false
}

// SplitFiles takes claims tables (a claims CSV given together with the
// shipment sources) out of files, in order, so that the app and the CLI
// read them as claims and never as shipments. Only text tables are
// sniffed: a workbook's claims live on its Claims sheet, which the
// shipment reader already refuses.
func SplitFiles(files []string) (sources, claimFiles []string) {
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".csv", ".tsv", ".txt":
			if IsClaimsCSV(f) {
				claimFiles = append(claimFiles, f)
				continue
			}
		}
		sources = append(sources, f)
	}
	return sources, claimFiles
}
