package hostile_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"tradecheck/reconcile"
	"tradecheck/reconcile/read"
)

// readCSV writes data to a .csv file and reads it.
func readCSV(t *testing.T, name string, data []byte) (string, read.SheetResult) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeBytes(t, path, data)
	f, err := readAll(path, read.Options{})
	if err != nil {
		t.Fatalf("ReadAll: %v", err)
	}
	if len(f.Sheets) != 1 {
		t.Fatalf("%d sheets, want 1", len(f.Sheets))
	}
	if f.Sheets[0].Err != nil {
		t.Fatalf("sheet error: %v", f.Sheets[0].Err)
	}
	return path, f.Sheets[0]
}

// fates maps every row below the header to its fate: the consignee name
// of its record, or "skip:<reason>".
func fates(sh read.SheetResult) map[int]string {
	m := map[int]string{}
	for _, r := range sh.Records {
		m[r.Source.Row] = r.Consignee.Name()
	}
	for _, s := range sh.Skips {
		if _, dup := m[s.Row]; dup {
			m[s.Row] = "DUPLICATE FATE"
			continue
		}
		m[s.Row] = "skip:" + string(s.Reason)
	}
	return m
}

func checkFates(t *testing.T, sh read.SheetResult, want map[int]string) {
	t.Helper()
	got := fates(sh)
	for row, w := range want {
		if got[row] != w {
			t.Errorf("row %d: got %q, want %q", row, got[row], w)
		}
	}
	for row, g := range got {
		if _, ok := want[row]; !ok && row > sh.HeaderRow {
			t.Errorf("row %d: unexpected fate %q", row, g)
		}
	}
}

const csvHeader = "Date;Consignee;Shipper;HS code;Net weight, kg;Value, USD"

func TestCSVAwkward(t *testing.T) {
	t.Run("mixed line endings", func(t *testing.T) {
		data := csvHeader + "\r\n" +
			"2022-06-01;OOO CRLF;NORINCO;930200;100;1000\r\n" +
			"2022-06-02;OOO LF;NORINCO;930200;200;2000\n" +
			"2022-06-03;OOO CR;NORINCO;930200;300;3000\r" +
			"2022-06-04;OOO LAST;NORINCO;930200;400;4000"
		_, sh := readCSV(t, "mixed.csv", []byte(data))
		checkFates(t, sh, map[int]string{2: "OOO CRLF", 3: "OOO LF", 4: "OOO CR", 5: "OOO LAST"})
		if len(sh.Records) == 4 && sh.Records[3].NetKg.Value != 400 {
			t.Errorf("last row net %+v, want 400", sh.Records[3].NetKg)
		}
	})
	t.Run("quoted field over two lines", func(t *testing.T) {
		data := csvHeader + "\n" +
			"2022-06-01;\"OOO TWO\nLINES\";NORINCO;930200;100;1000\n" +
			"2022-06-02;OOO NEXT;NORINCO;930200;200;2000\n"
		_, sh := readCSV(t, "multiline.csv", []byte(data))
		checkFates(t, sh, map[int]string{2: "OOO TWO\nLINES", 3: "OOO NEXT"})
	})
	t.Run("unclosed quote", func(t *testing.T) {
		data := csvHeader + "\n" +
			"2022-06-01;OOO BEFORE;NORINCO;930200;100;1000\n" +
			"2022-06-02;\"OOO UNCLOSED;NORINCO;930200;200;2000\n" +
			"2022-06-03;OOO AFTER;NORINCO;930200;300;3000\n" +
			"2022-06-04;OOO END;NORINCO;930200;400;4000\n"
		path, sh := readCSV(t, "unclosed.csv", []byte(data))
		got := fates(sh)
		if got[2] != "OOO BEFORE" || got[4] != "OOO AFTER" || got[5] != "OOO END" {
			t.Errorf("rows around the unclosed quote: %v, want OOO BEFORE at 2, OOO AFTER at 4, OOO END at 5 (the rest of the file is not swallowed)", got)
		}
		if got[3] == "" {
			t.Errorf("row 3 (the unclosed quote) has no fate: %v", got)
		}
		if !strings.Contains(strings.ToLower(strings.Join(reconcile.NoteTexts(sh.Warnings), " ")+got[3]+skipDetails(sh)), "quote") {
			t.Errorf("nothing says row 3 has an unclosed quote: warnings %q, skips %+v", reconcile.NoteTexts(sh.Warnings), sh.Skips)
		}
		code, _, stderr := runCLI("inspect", path)
		if code != 0 {
			t.Errorf("inspect exit %d stderr %q, want 0 (the file is read, the line is reported)", code, stderr)
		}
	})
	t.Run("BOM in the middle", func(t *testing.T) {
		// Two exports concatenated: the second starts with its own BOM and header.
		data := "\ufeff" + csvHeader + "\n" +
			"2022-06-01;OOO FIRST;NORINCO;930200;100;1000\n" +
			"\ufeff" + csvHeader + "\n" +
			"2022-06-02;\ufeffOOO SECOND;NORINCO;930200;200;2000\n"
		_, sh := readCSV(t, "concat.csv", []byte(data))
		checkFates(t, sh, map[int]string{2: "OOO FIRST", 3: "skip:" + string(reconcile.SkipRepeatedHeader), 4: "OOO SECOND"})
	})
	t.Run("NUL bytes", func(t *testing.T) {
		data := csvHeader + "\n" +
			"2022-06-01;OOO TEK\x00HKRIM;NORINCO;930200;1\x0000;1000\n" +
			"2022-06-02;OOO NEXT;NORINCO;930200;200;2000\n"
		_, sh := readCSV(t, "nul.csv", []byte(data))
		checkFates(t, sh, map[int]string{2: "OOO TEKHKRIM", 3: "OOO NEXT"})
		if len(sh.Records) > 0 && sh.Records[0].NetKg.Value != 100 {
			t.Errorf("net weight %+v, want 100 with the NUL dropped", sh.Records[0].NetKg)
		}
		if !strings.Contains(strings.ToLower(strings.Join(reconcile.NoteTexts(sh.Warnings), " ")), "nul") {
			t.Errorf("warnings %q, want one about NUL bytes", reconcile.NoteTexts(sh.Warnings))
		}
	})
	t.Run("very long line", func(t *testing.T) {
		data := csvHeader + "\n" +
			"2022-06-01;OOO BEFORE;NORINCO;930200;100;1000\n" +
			"2022-06-02;" + strings.Repeat("X", 5<<20) + ";NORINCO;930200;200;2000\n" +
			"2022-06-03;OOO AFTER;NORINCO;930200;300;3000\n"
		_, sh := readCSV(t, "longline.csv", []byte(data))
		got := fates(sh)
		if got[2] != "OOO BEFORE" || got[4] != "OOO AFTER" {
			t.Errorf("fates around a 5 MiB line: row 2 %q, row 4 %q; want OOO BEFORE, OOO AFTER", got[2], got[4])
		}
		// What is left of a cut line would be a record without its
		// weight and value: the row is skipped, with its reason.
		if !strings.HasPrefix(got[3], "skip:") || !strings.Contains(skipDetails(sh), "line 3 is longer than 4 MiB and was not read") {
			t.Errorf("row 3 fate %.60q, skips %.200q; want a skip saying line 3 was not read", got[3], skipDetails(sh))
		}
		if len(sh.Records) != 2 {
			t.Errorf("%d records, want 2 (rows 2 and 4)", len(sh.Records))
		}
	})
}

func skipDetails(sh read.SheetResult) string {
	var b strings.Builder
	for _, s := range sh.Skips {
		b.WriteString(s.Detail)
	}
	return b.String()
}

// TestCSVEncodings: the same Russian export in every encoding of the
// foundation issue decodes to exactly the same names.
func TestCSVEncodings(t *testing.T) {
	text := "Дата;Получатель;Отправитель;Код товара по ТН ВЭД;Вес нетто, кг;Фактурная стоимость, USD\r\n" +
		"01.06.2022;ООО «Техкрим»;Норинко;930200;1 200,5;50000\r\n" +
		"02.06.2022;АО «Ёлка-Щит»;ЧЖУН ЮАНЬ ЛТД;930200;800;30000\r\n" +
		"03.06.2022;ИП Съёмщиков Э.Ю.;Объединённые Верфи;930200;700;20000\r\n"
	wantNames := []string{"ООО «Техкрим»", "АО «Ёлка-Щит»", "ИП Съёмщиков Э.Ю."}
	western := "Date;Consignee;Shipper;HS code;Net weight, kg;Value, USD\r\n" +
		"01.06.2022;Société Générale Équipements;Müller & Söhne GmbH;930200;1200;50000\r\n" +
		"02.06.2022;Ñandú Comercial S.A.;Øresund ÅB;930200;800;30000\r\n"
	wantWestern := []string{"Société Générale Équipements", "Ñandú Comercial S.A."}
	enc := func(e encoding.Encoding, s string) []byte {
		b, err := e.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
		want []string
	}{
		{"UTF-8", []byte(text), wantNames},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...), wantNames},
		{"UTF-16 LE BOM", enc(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text), wantNames},
		{"UTF-16 BE BOM", enc(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text), wantNames},
		{"Windows-1251", enc(charmap.Windows1251, text), wantNames},
		{"Windows-1252", enc(charmap.Windows1252, western), wantWestern},
		{"UTF-8 western", []byte(western), wantWestern},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "UTF-16 LE BOM" && !bytes.HasPrefix(tc.data, []byte{0xFF, 0xFE}) {
				t.Fatal("encoder wrote no BOM")
			}
			_, sh := readCSV(t, "export.csv", tc.data)
			if len(sh.Records) != len(tc.want) {
				t.Fatalf("%d records, want %d (skips %+v, columns %+v)", len(sh.Records), len(tc.want), sh.Skips, sh.Columns)
			}
			for i, w := range tc.want {
				if got := sh.Records[i].Consignee.Name(); got != w {
					t.Errorf("record %d consignee %q (% x), want %q", i, got, []byte(got), w)
				}
			}
			if tc.name != "Windows-1252" && tc.name != "UTF-8 western" {
				r := sh.Records[0]
				if !r.NetKg.Valid || r.NetKg.Value != 1200.5 || r.Shipper.Name() != "Норинко" || r.Date.String() != "2022-06-01" {
					t.Errorf("first record net %+v shipper %q date %s, want 1200.5, Норинко, 2022-06-01", r.NetKg, r.Shipper.Name(), r.Date)
				}
			}
		})
	}
}

// TestMatchInput: the match command reads its CSV through the same reader:
// encodings decode exactly, and files that are not CSV are refused with
// one line instead of clustering their bytes.
func TestMatchInput(t *testing.T) {
	t.Setenv(read.SofficeEnv, "none") // .xls/.ods refusals: LibreOffice "not installed"
	text := "name;inn\r\nООО «Техкрим»;7701234567\r\nАО «Ёлка-Щит»;7702000000\r\n"
	enc := func(e encoding.Encoding) []byte {
		b, err := e.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(text)},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"UTF-16 LE BOM", enc(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))},
		{"UTF-16 BE BOM", enc(unicode.UTF16(unicode.BigEndian, unicode.UseBOM))},
		{"Windows-1251", enc(charmap.Windows1251)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(t.TempDir(), "names.csv")
			writeBytes(t, in, tc.data)
			code, stdout, stderr := runCLI("match", in)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			if len(lines) != 3 || !strings.HasPrefix(lines[0], "name,inn,") ||
				!strings.HasPrefix(lines[1], "ООО «Техкрим»,7701234567,") || !strings.HasPrefix(lines[2], "АО «Ёлка-Щит»,7702000000,") {
				t.Errorf("output %q, want the header and both names decoded exactly", stdout)
			}
		})
	}
	for _, tc := range refusals() {
		if tc.sentinel == reconcile.ErrEmpty {
			continue
		}
		t.Run("refused "+tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			tc.make(t, path)
			code, stdout, stderr := runCLI("match", path)
			if code != 1 || stdout != "" {
				t.Errorf("exit %d stdout %.80q, want 1 and no output", code, stdout)
			}
			checkMessage(t, stderr, path, tc.says...)
		})
	}
	t.Run("refused workbook", func(t *testing.T) {
		path := writeXLSX(t, filepath.Join(t.TempDir(), "names.xlsx"), 2)
		code, stdout, stderr := runCLI("match", path)
		if code != 1 || stdout != "" {
			t.Errorf("exit %d stdout %.80q, want 1 and no output", code, stdout)
		}
		checkMessage(t, stderr, path, "save that sheet as CSV")
	})
}
