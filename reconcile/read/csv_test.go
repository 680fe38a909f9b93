package read

import (
	"bytes"
	"encoding/binary"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"tradecheck/reconcile"
)

func enc1251(t testing.TB, s string) []byte {
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func enc1252(t testing.TB, s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func encUTF16(s string, big bool) []byte {
	var b []byte
	put := binary.LittleEndian.AppendUint16
	if big {
		put = binary.BigEndian.AppendUint16
	}
	b = put(b, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		b = put(b, u)
	}
	return b
}

const ruCSV = "Получатель;Отправитель;Вес нетто, кг;Страна происхождения\r\nООО «Техкрим»;Завод Север;1 234,5;Китай\r\nАО Ромашка;ООО Поставщик;10;Турция\r\n"
const frCSV = "Importer,Exporter,Net weight kg,Origin country\nSociété Générale,Café Crème SARL,12.5,France\nDéjà Vu SA,Élan,3,Belgique\n"

var csvCases = []struct {
	name     string
	data     func(t testing.TB) []byte
	enc      string
	delim    byte
	rows     [][]string // cells of the records after the header
	warnings int
}{
	{"utf-8 comma", func(testing.TB) []byte { return []byte("a,b\n1,2\n") }, "utf-8", ',', [][]string{{"1", "2"}}, 0},
	{"utf-8 bom semicolon", func(testing.TB) []byte { return []byte("\ufeffa;b\n1;2\n") }, "utf-8", ';', [][]string{{"1", "2"}}, 0},
	{"tab", func(testing.TB) []byte { return []byte("a\tb, c\n1\t2, 3\n4\t5\n") }, "utf-8", '\t', [][]string{{"1", "2, 3"}, {"4", "5"}}, 0},
	{"pipe with quoted pipes", func(testing.TB) []byte { return []byte("a|b|c\n\"x|y\"|2|3\n4|5|6\n") }, "utf-8", '|', [][]string{{"x|y", "2", "3"}, {"4", "5", "6"}}, 0},
	{"windows-1251", func(t testing.TB) []byte { return enc1251(t, ruCSV) }, "windows-1251", ';', [][]string{{"ООО «Техкрим»", "Завод Север", "1 234,5", "Китай"}, {"АО Ромашка", "ООО Поставщик", "10", "Турция"}}, 0},
	{"windows-1252", func(t testing.TB) []byte { return enc1252(t, frCSV) }, "windows-1252", ',', [][]string{{"Société Générale", "Café Crème SARL", "12.5", "France"}, {"Déjà Vu SA", "Élan", "3", "Belgique"}}, 0},
	{"utf-16le bom", func(testing.TB) []byte { return encUTF16("Получатель\tВес\nА\t1\n", false) }, "utf-16le", '\t', [][]string{{"А", "1"}}, 0},
	{"utf-16be bom", func(testing.TB) []byte { return encUTF16("a;b\nЖ;2\n", true) }, "utf-16be", ';', [][]string{{"Ж", "2"}}, 0},
	{"mixed line endings", func(testing.TB) []byte { return []byte("a,b\r\n1,2\n3,4\r5,6") }, "utf-8", ',', [][]string{{"1", "2"}, {"3", "4"}, {"5", "6"}}, 0},
	{"quoted newline", func(testing.TB) []byte { return []byte("a,b\n\"line1\nline2\",2\n3,4\n") }, "utf-8", ',', [][]string{{"line1\nline2", "2"}, {"3", "4"}}, 0},
	{"unclosed quote", func(testing.TB) []byte { return []byte("a,b\n\"oops,1\n2,3\n4,5\n") }, "utf-8", ',', [][]string{{"\"oops", "1"}, {"2", "3"}, {"4", "5"}}, 1},
	{"bom in the middle", func(testing.TB) []byte { return []byte("a,b\n1,2\n\ufeff3,4\n") }, "utf-8", ',', [][]string{{"1", "2"}, {"3", "4"}}, 0},
	{"nul bytes", func(testing.TB) []byte { return []byte("a,b\n1\x00,2\n") }, "utf-8", ',', [][]string{{"1", "2"}}, 0},
	{"escaped quotes", func(testing.TB) []byte { return []byte("a,b\n\"say \"\"hi\"\"\",2\n") }, "utf-8", ',', [][]string{{"say \"hi\"", "2"}}, 0},
}

func TestCSVSniffAndSplit(t *testing.T) {
	t.Parallel()
	for _, tt := range csvCases {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data(t)
			enc := detectEncoding(data)
			if enc != tt.enc {
				t.Errorf("encoding = %s, want %s", enc, tt.enc)
			}
			d := sniffDelimiter(decodeHead(data, enc))
			if d != tt.delim {
				t.Errorf("delimiter = %q, want %q", d, tt.delim)
			}
			src := newCSVSource(bytes.NewReader(data), nil, enc, d)
			var got [][]string
			bad := 0
			for {
				r, err := src.next()
				if err != nil {
					t.Fatal(err)
				}
				if r == nil {
					break
				}
				if r.bad != "" {
					bad++
				}
				got = append(got, r.strings())
			}
			if len(got) == 0 {
				t.Fatal("no rows")
			}
			if !reflect.DeepEqual(got[1:], tt.rows) {
				t.Errorf("rows = %q, want %q", got[1:], tt.rows)
			}
			if bad != tt.warnings {
				t.Errorf("%d malformed lines, want %d", bad, tt.warnings)
			}
		})
	}
}

func TestCSVRecords(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "ru.csv", enc1251(t, ruCSV+"\r\n"+"Итого;;1 244,5;\r\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if recs[0].Consignee.Name() != "ООО «Техкрим»" || recs[0].NetKg.Value != 1234.5 || recs[0].OriginCountry != "CN" {
		t.Errorf("record = %+v", recs[0])
	}
	if recs[0].Source != (reconcile.Provenance{File: path, Sheet: "", Row: 2}) {
		t.Errorf("Source = %+v, want row 2 of the text table", recs[0].Source)
	}
	got := sr.Skipped()
	want := []reconcile.Skip{{Row: 4, Reason: reconcile.SkipBlank}, {Row: 5, Reason: reconcile.SkipTotal, Detail: "Итого"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Skipped() = %+v, want %+v (blank line counted as a row, as a spreadsheet shows it)", got, want)
	}
}

func TestCSVUnclosedQuoteDoesNotSwallowFile(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("Importer,Net weight\n\"Broken,1\n")
	for i := 0; i < 500; i++ {
		b.WriteString("Firm,2\n")
	}
	path := writeFile(t, "q.csv", []byte(b.String()))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 501 {
		t.Errorf("got %d records, want 501 (the broken line and the 500 after it)", len(recs))
	}
	found := false
	for _, w := range sr.Warnings() {
		if strings.Contains(w.Text, "line 2") && strings.Contains(w.Text, "quote") {
			found = true
		}
	}
	if !found {
		t.Errorf("Warnings() = %q, want one naming line 2's unclosed quote", sr.Warnings())
	}
}

// FuzzCSV checks that sniffing and splitting any bytes never panics or
// hangs, and that every physical line is accounted for.
func FuzzCSV(f *testing.F) {
	for _, tt := range csvCases {
		f.Add(tt.data(f))
	}
	f.Add([]byte("\"\"\"\n\r\r\n\x00\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		enc := detectEncoding(data)
		d := sniffDelimiter(decodeHead(data, enc))
		src := newCSVSource(bytes.NewReader(data), nil, enc, d)
		rows := 0
		for {
			r, err := src.next()
			if err != nil || r == nil {
				break
			}
			rows++
			if r.num != rows {
				t.Fatalf("row %d numbered %d", rows, r.num)
			}
			if rows > len(data)+1 {
				t.Fatalf("more rows (%d) than bytes (%d)", rows, len(data))
			}
		}
	})
}

func TestCSVManyStrayQuotesStayLinear(t *testing.T) {
	t.Parallel()
	// Stray quotes that never close, each followed by plain lines: every
	// one is read literally and the plain lines are read once each.
	var b strings.Builder
	b.WriteString("Importer,Net weight\n")
	for i := 0; i < 200; i++ {
		b.WriteString("\"Broken,1\n")
		for j := 0; j < 300; j++ {
			b.WriteString("Firm,2\n")
		}
	}
	path := writeFile(t, "stray.csv", []byte(b.String()))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 200*301 {
		t.Errorf("got %d records, want %d", len(recs), 200*301)
	}
	if got := recs[0].Consignee.Name(); got != "\"Broken" {
		t.Errorf("first name = %q, want the quote kept as text", got)
	}
	n := 0
	for _, w := range sr.Warnings() {
		if strings.Contains(w.Text, "quote") {
			n++
		}
	}
	if n != maxRowWarnings+1 {
		t.Errorf("%d warnings about quotes, want %d (the first %d and a count of the rest)", n, maxRowWarnings+1, maxRowWarnings)
	}
}

func TestCSVSepLine(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "sep.csv", []byte("sep=|\nImporter|Net weight, kg\nA, B and C|1,5\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 1 || recs[0].Consignee.Name() != "A, B and C" || recs[0].NetKg.Value != 1.5 {
		t.Errorf("records = %+v, want one with consignee \"A, B and C\" and 1.5 kg", recs)
	}
	if sr.HeaderRow() != 2 || sr.SkipCounts()[reconcile.SkipBanner] != 1 {
		t.Errorf("header row %d, skips %v; want 2 and the sep= line as a banner", sr.HeaderRow(), sr.SkipCounts())
	}
}

func TestCSVRowTooWide(t *testing.T) {
	t.Parallel()
	wide := "A" + strings.Repeat(",x", MaxColumns) + "\n"
	path := writeFile(t, "wide.csv", []byte("Importer,Net weight\n"+wide+"B,2\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if len(recs) != 1 || sr.SkipCounts()[reconcile.SkipTooWide] != 1 {
		t.Errorf("%d records, skips %v; want 1 record and 1 row too wide", len(recs), sr.SkipCounts())
	}
}

// TestCSVCellTooLong: a CSV cell over Excel's 32,767 characters gets the
// workbook reader's treatment: ErrTooLarge at its row and column, the rows
// above kept. The limit counts characters, not bytes.
func TestCSVCellTooLong(t *testing.T) {
	t.Parallel()
	atLimit := strings.Repeat("Ж", MaxCellLen) // 65,534 bytes
	over := strings.Repeat("x", MaxCellLen+1)
	tests := []struct {
		name    string
		body    string
		records int
		errRow  int // 0: no error
		errCol  int
	}{
		{"at the limit (multi-byte)", "Importer,Net weight kg\nA,1\n" + atLimit + ",2\n", 2, 0, 0},
		{"one over the limit", "Importer,Net weight kg\nA,1\nB," + over + "\nC,3\n", 1, 3, 2},
		{"over the limit in a quoted multi-line field", "Importer,Net weight kg\nA,1\n\"" + over[:20000] + "\n" + over[20000:] + "\",2\nC,3\n", 1, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "long.csv", []byte(tt.body))
			f := readAll(t, path, Options{})
			sh := f.Sheets[0]
			if len(sh.Records) != tt.records {
				t.Errorf("got %d records, want %d", len(sh.Records), tt.records)
			}
			if tt.errRow == 0 {
				if sh.Err != nil {
					t.Errorf("got error %v, want none", sh.Err)
				}
				return
			}
			var re *reconcile.Error
			if !errors.Is(sh.Err, reconcile.ErrTooLarge) || !errors.As(sh.Err, &re) {
				t.Fatalf("got error %v, want ErrTooLarge", sh.Err)
			}
			if re.File != path || re.Row != tt.errRow || re.Column != tt.errCol {
				t.Errorf("error at %s row %d column %d, want %s row %d column %d", re.File, re.Row, re.Column, path, tt.errRow, tt.errCol)
			}
			if !strings.Contains(re.Error(), "32767") || !strings.Contains(re.Error(), "rows above were read") {
				t.Errorf("message %q, want the limit and that the rows above were read", re.Error())
			}
		})
	}
}
