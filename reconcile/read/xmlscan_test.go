package read

import (
	"bytes"
	"io"
	"reflect"
	"testing"
)

var sheetXMLCases = []struct {
	name string
	xml  string
	rows map[int][]string
}{
	{"typed cells", `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>1.5</v></c><c r="D1" t="b"><v>1</v></c></row></sheetData></worksheet>`,
		map[int][]string{1: {"alpha", "", "1.5", "TRUE"}}},
	{"inline rich text and entities", `<x:worksheet xmlns:x="ns"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>A &amp; </x:t></x:r><x:r><x:t xml:space="preserve">B_x000D_</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
		map[int][]string{2: {"", "A & B\r"}}},
	{"no r attributes", `<worksheet><sheetData><row><c t="str"><v>a</v></c><c t="str"><v>b</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`,
		map[int][]string{1: {"a", "b"}, 2: {"3"}}},
	{"comments cdata and quotes", `<?xml version="1.0"?><!-- x --><worksheet><sheetData><row r="1" x='a>b'><c r="A1" t="str"><v><![CDATA[<raw>]]></v></c></row></sheetData></worksheet>`,
		map[int][]string{1: {"<raw>"}}},
}

func scanAll(t testing.TB, data []byte) (map[int][]string, error) {
	b := &xlsxBook{file: "f.xlsx"}
	s := &sheetScanner{b: b, sheet: "S", xs: newXMLScanner(bytes.NewReader(data), 1<<20), rc: io.NopCloser(nil), sst: []string{"alpha"}}
	out := map[int][]string{}
	for i := 0; i < 100000; i++ {
		r, err := s.next()
		if err != nil || r == nil {
			return out, err
		}
		out[r.num] = r.strings()
	}
	t.Fatal("scanner did not end")
	return nil, nil
}

func TestSheetScanner(t *testing.T) {
	t.Parallel()
	for _, tt := range sheetXMLCases {
		t.Run(tt.name, func(t *testing.T) {
			got, err := scanAll(t, []byte(tt.xml))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.rows) {
				t.Errorf("rows = %v, want %v", got, tt.rows)
			}
		})
	}
}

// FuzzSheetXML feeds arbitrary bytes to the sheet scanner: it must end
// without panicking, and row numbers must increase.
func FuzzSheetXML(f *testing.F) {
	for _, tt := range sheetXMLCases {
		f.Add([]byte(tt.xml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b := &xlsxBook{file: "f.xlsx"}
		s := &sheetScanner{b: b, sheet: "S", xs: newXMLScanner(bytes.NewReader(data), 1<<16), rc: io.NopCloser(nil), sst: []string{"a"}}
		last := 0
		for i := 0; i <= len(data); i++ {
			r, err := s.next()
			if err != nil || r == nil {
				return
			}
			if r.num <= last {
				t.Fatalf("row %d after row %d", r.num, last)
			}
			last = r.num
		}
		t.Fatalf("more rows than bytes")
	})
}
