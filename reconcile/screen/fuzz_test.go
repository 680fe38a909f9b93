package screen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to format detection and to every list
// reader. Seeds are the fixtures and the heads of TestDetect's table. No
// input may panic; whatever is read must have an ID for each entry and
// valid UTF-8 names.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"ent_num,alt_num,alt_type,alt_name,alt_remarks\n36,12,aka,AERO-X,-0- \n",
		"\xEF\xBB\xBFid,schema,name,aliases,identifiers\nx,Company,A,,\n",
		"Name 6,Name 1,Group Type,Group ID\nX,,Entity,1\n",
		"1,\"X\",-0- ,\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Tax ID No. 7701234560 (Russia)\"\n",
		"<export><sanctionEntity logicalId=\"1\"><subjectType code=\"enterprise\"/><nameAlias wholeName=\"\xff A\"/></sanctionEntity></export>",
		"\xff\xfe" + "i\x00d\x00,\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data)
		check := func(l *List, err error) {
			if err != nil || l == nil {
				return
			}
			for _, e := range l.Entries {
				if e.ID == "" {
					t.Fatalf("%s: entry without ID: %+v", l.Format, e)
				}
				for _, n := range e.Names {
					if n.Text == "" || !utf8.ValidString(n.Text) {
						t.Fatalf("%s: bad name %q", l.Format, n.Text)
					}
				}
			}
		}
		for _, f := range []Format{FormatOpenSanctions, FormatUKOFSI, FormatEUCSV, FormatEUXML, FormatOFACSDN} {
			check(Read(bytes.NewReader(data), "fuzz", f))
		}
		var parts []*ofacPart
		for _, f := range []Format{FormatOFACSDN, FormatOFACAlt, FormatOFACAdd, FormatOFACComments} {
			if p, err := readOFACPart(bytes.NewReader(data), "fuzz-"+string(f), f); err == nil {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			check(joinOFAC(parts))
		}
	})
}

// FuzzScreen screens arbitrary names against the fixture lists: no name
// may panic the analysis, the index or the scorer, and scores stay in
// [0, 1].
func FuzzScreen(f *testing.F) {
	for _, s := range []string{"OOO TEKHKRIM", "ООО «Техкрим»", "7701234560 ROMASHKA", "11420 CORP", "ZAVOD-2 JSC", "", "(", "A (B (C))", "ИНН 7701234560/770101001 ООО Ромашка"} {
		f.Add(s, "")
	}
	x := fixtureIndex(f)
	f.Fuzz(func(t *testing.T, name, tax string) {
		res, err := x.Screen(context.Background(), []Query{{Name: name, TaxID: tax}}, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Score < 0 || h.Score > 1 {
				t.Fatalf("score %v for %q", h.Score, name)
			}
		}
	})
}
