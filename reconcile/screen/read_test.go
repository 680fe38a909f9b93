package screen

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

func TestDetect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string // under testdata, or "" to use head
		head string
		want Format
		err  bool
	}{
		{name: "OpenSanctions targets.simple.csv", file: "opensanctions/targets.simple.csv", want: FormatOpenSanctions},
		{name: "OFAC sdn.csv", file: "ofac/sdn.csv", want: FormatOFACSDN},
		{name: "OFAC alt.csv", file: "ofac/alt.csv", want: FormatOFACAlt},
		{name: "OFAC add.csv", file: "ofac/add.csv", want: FormatOFACAdd},
		{name: "OFAC sdn_comments.csv", file: "ofac/sdn_comments.csv", want: FormatOFACComments},
		{name: "UK ConList.csv", file: "uk/ConList.csv", want: FormatUKOFSI},
		{name: "EU CSV", file: "eu/fsf.csv", want: FormatEUCSV},
		{name: "EU XML", file: "eu/fsf.xml", want: FormatEUXML},
		{name: "alt.csv with a header row", head: "ent_num,alt_num,alt_type,alt_name,alt_remarks\n36,12,aka,AERO-X,-0- \n", want: FormatOFACAlt},
		{name: "OpenSanctions with a byte-order mark", head: "\xEF\xBB\xBFid,schema,name,aliases,identifiers\nx,Company,A,,\n", want: FormatOpenSanctions},
		{name: "UK header without the preamble", head: "Name 6,Name 1,Group Type,Group ID\nX,,Entity,1\n", want: FormatUKOFSI},
		{name: "shipments are not a list", head: "Date,Consignee,Shipper,HS code\n2022-01-01,A,B,8471\n", err: true},
		{name: "other XML", head: "<?xml version=\"1.0\"?><sdnList><sdnEntry/></sdnList>", err: true},
		{name: "empty", head: "", err: true},
		{name: "twelve fields but not an SDN type", head: "1,A,B,C,D,E,F,G,H,I,J,K\n", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			head := []byte(tt.head)
			if tt.file != "" {
				b, err := os.ReadFile(filepath.Join("testdata", tt.file))
				if err != nil {
					t.Fatal(err)
				}
				head = b
			}
			got, err := Detect(head)
			if (err != nil) != tt.err {
				t.Fatalf("Detect: err %v, want error %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadOFAC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		paths []string
		check func(t *testing.T, l *List)
	}{
		{name: "folder joins sdn, alt, add and comments", paths: []string{"testdata/ofac"}, check: func(t *testing.T, l *List) {
			e := find(t, l, "101")
			if e.Kind != KindOrganization || e.Primary() != "LIMITED LIABILITY COMPANY TEKHKRIM" {
				t.Errorf("101 = %v %q", e.Kind, e.Primary())
			}
			if got := nameTexts(e); !slices.Equal(got, []string{"LIMITED LIABILITY COMPANY TEKHKRIM", "OOO TEKHKRIM", "TECHCRIMEA LLC"}) {
				t.Errorf("101 names = %q", got)
			}
			if len(e.IDs) != 2 || e.IDs[0].Value != "7701234560" || e.IDs[0].Country != "Russia" || e.IDs[1].Value != "1027700000019" {
				t.Errorf("101 IDs = %+v", e.IDs)
			}
			if len(e.Addresses) != 1 || !strings.Contains(e.Addresses[0], "Moscow") || !slices.Equal(e.Countries, []string{"Russia"}) {
				t.Errorf("101 addresses %q countries %q", e.Addresses, e.Countries)
			}
			if a := find(t, l, "106"); len(a.IDs) != 2 || !strings.Contains(a.Remarks, "Linked To") {
				t.Errorf("106: comments not joined: IDs %+v remarks %q", a.IDs, a.Remarks)
			}
			if k := find(t, l, "102").Kind; k != KindPerson {
				t.Errorf("102 kind %v", k)
			}
			if k := find(t, l, "103").Kind; k != KindVessel {
				t.Errorf("103 kind %v", k)
			}
			if p := find(t, l, "105").Programs; !slices.Equal(p, []string{"IRAN", "SDGT"}) {
				t.Errorf("105 programs %q", p)
			}
			if o := find(t, l, "999"); o.Kind != KindUnknown || o.Primary() != "NEWLY LISTED HOLDING" {
				t.Errorf("alias without sdn row: %+v", o)
			}
			if !hasNote(l, "1 ent_nums have aliases but no row") || !hasNote(l, "no listing date") {
				t.Errorf("notes %q", l.Notes)
			}
			if l.Name != "OFAC SDN" || len(l.Files) != 4 {
				t.Errorf("name %q files %q", l.Name, l.Files)
			}
		}},
		{name: "files given one by one", paths: []string{"testdata/ofac/alt.csv", "testdata/ofac/sdn.csv"}, check: func(t *testing.T, l *List) {
			if got := nameTexts(find(t, l, "101")); len(got) != 3 {
				t.Errorf("names %q", got)
			}
		}},
		{name: "sdn.csv alone", paths: []string{"testdata/ofac/sdn.csv"}, check: func(t *testing.T, l *List) {
			if len(l.Entries) != 7 || l.Count(KindOrganization) != 5 {
				t.Errorf("%d entries, %d organisations", len(l.Entries), l.Count(KindOrganization))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls, err := ReadFiles(context.Background(), tt.paths)
			if err != nil {
				t.Fatal(err)
			}
			if len(ls) != 1 {
				t.Fatalf("%d lists, want 1", len(ls))
			}
			tt.check(t, ls[0])
		})
	}
}

const sdnRow = "1,\"X\",-0- ,\"P\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"

func TestReadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		paths []string
		want  error
	}{
		{name: "alt.csv without its sdn.csv", paths: []string{"testdata/ofac/alt.csv"}, want: ErrOFACParts},
		{name: "two sdn.csv in one folder", paths: []string{write("sdn1.csv", sdnRow), write("sdn2.csv", sdnRow)}, want: ErrOFACParts},
		{name: "a shipments file", paths: []string{write("ship.csv", "Date,Consignee\n2022-01-01,A\n")}, want: ErrUnknownFormat},
		{name: "an empty file", paths: []string{write("empty.csv", "")}, want: reconcile.ErrEmpty},
		{name: "a missing file", paths: []string{filepath.Join(dir, "nope.csv")}, want: reconcile.ErrNotFound},
		{name: "damaged XML", paths: []string{write("bad.xml", "<export><sanctionEntity logicalId=\"1\"><nameAlias wholeName=\"A\"></export>")}, want: ErrBadRow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFiles(context.Background(), tt.paths)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var re *reconcile.Error
			if !errors.As(err, &re) || re.File == "" || re.Hint == "" {
				t.Errorf("error %v does not name the file with a hint", err)
			}
		})
	}
}

func TestReadOtherLists(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		file   string
		source string
		check  func(t *testing.T, l *List)
	}{
		{name: "OpenSanctions", file: "testdata/opensanctions/targets.simple.csv", source: SourceOpenSanctions, check: func(t *testing.T, l *List) {
			e := find(t, l, "NK-tekhkrim")
			if !slices.Equal(nameTexts(e), []string{"OOO Tekhkrim", "ООО «Техкрим»", "TECHKRIM LLC"}) {
				t.Errorf("names %q", nameTexts(e))
			}
			if len(e.IDs) != 2 || e.IDs[0].Label != "INN" || e.IDs[1].Label != "OGRN" {
				t.Errorf("IDs %+v", e.IDs)
			}
			if e.Listed != "2022-03-24" || len(e.Programs) != 2 {
				t.Errorf("listed %q programs %q", e.Listed, e.Programs)
			}
			if find(t, l, "NK-star").Kind != KindVessel || find(t, l, "NK-petrov").Kind != KindPerson {
				t.Error("kinds")
			}
			if l.Name != "OpenSanctions: US OFAC Specially Designated Nationals (SDN) List" {
				t.Errorf("name %q", l.Name)
			}
		}},
		{name: "UK ConList", file: "testdata/uk/ConList.csv", source: SourceUK, check: func(t *testing.T, l *List) {
			e := find(t, l, "90001")
			if !slices.Equal(nameTexts(e), []string{"KORVET", "КОРВЕТ", "JOINT STOCK COMPANY KORVET"}) {
				t.Errorf("names %q", nameTexts(e))
			}
			if e.Listed != "2022-03-15" || !slices.Equal(e.Programs, []string{"Russia"}) || len(e.IDs) != 1 || e.IDs[0].Value != "7702345672" {
				t.Errorf("listed %q programs %q IDs %+v", e.Listed, e.Programs, e.IDs)
			}
			if p := find(t, l, "90002"); p.Kind != KindPerson || p.Primary() != "Ivan Sergeevich PETROV" {
				t.Errorf("person %v %q", p.Kind, p.Primary())
			}
			if l.Version != "2026-09-12" {
				t.Errorf("version %q", l.Version)
			}
		}},
		{name: "EU CSV", file: "testdata/eu/fsf.csv", source: SourceEU, check: func(t *testing.T, l *List) { checkEU(t, l) }},
		{name: "EU XML", file: "testdata/eu/fsf.xml", source: SourceEU, check: func(t *testing.T, l *List) { checkEU(t, l) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if l.Source != tt.source {
				t.Errorf("source %q, want %q", l.Source, tt.source)
			}
			tt.check(t, l)
		})
	}
}

func checkEU(t *testing.T, l *List) {
	t.Helper()
	e := find(t, l, "EU.9001.11")
	if e.Kind != KindOrganization || !slices.Equal(nameTexts(e), []string{"Vostok Avia JSC", "Акционерное общество «Восток Авиа»"}) {
		t.Errorf("%v names %q", e.Kind, nameTexts(e))
	}
	if e.Listed != "2023-02-25" || !slices.Equal(e.Programs, []string{"RUS"}) || len(e.IDs) != 1 || e.IDs[0].Value != "7803456788" {
		t.Errorf("listed %q programs %q IDs %+v", e.Listed, e.Programs, e.IDs)
	}
	if find(t, l, "EU.9002.12").Kind != KindPerson {
		t.Error("person")
	}
	if l.Version != "2026-09-12" {
		t.Errorf("version %q", l.Version)
	}
}

func find(t *testing.T, l *List, id string) *Entry {
	t.Helper()
	for i := range l.Entries {
		if l.Entries[i].ID == id {
			return &l.Entries[i]
		}
	}
	t.Fatalf("no entry %s in %s", id, l.Name)
	return nil
}

func nameTexts(e *Entry) []string {
	var out []string
	for _, n := range e.Names {
		out = append(out, n.Text)
	}
	return out
}

func hasNote(l *List, s string) bool {
	for _, n := range l.Notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

func TestRemarkIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     []ID
	}{
		{name: "tax and registration", in: "Tax ID No. 7831000122 (Russia); Registration ID 1027800000084 (Russia).",
			want: []ID{{"Tax ID No.", "7831000122", "Russia"}, {"Registration ID", "1027800000084", "Russia"}}},
		{name: "USCC keeps its bracketed label", in: "Unified Social Credit Code (USCC) 91440300MA5FGX5W6U (China)",
			want: []ID{{"Unified Social Credit Code (USCC)", "91440300MA5FGX5W6U", "China"}}},
		{name: "value with spaces", in: "Tax ID No. AABA 670850 Y.", want: []ID{{"Tax ID No.", "AABA 670850 Y", ""}}},
		{name: "passport and dates are not firm IDs", in: "DOB 01 Jan 1970; Passport 123456 (Russia); Gender Male.", want: nil},
		{name: "prose", in: "Linked To: BANK ROSSIYA.", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := remarkIDs(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("remarkIDs(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsListFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"targets.simple.csv", "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions\nX,Company,ACME,,,,,,\n", true},
		{"ships.csv", "date,consignee,shipper,hs code,net weight\n2022-01-01,A,B,8542,1\n", false},
		{"claims.csv", "claim,measure,comparator,figure\nX,tonnes,more_than,1\n", false},
		{"empty.csv", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name)
			if err := os.WriteFile(p, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := IsListFile(p); got != c.want {
				t.Errorf("IsListFile = %v, want %v", got, c.want)
			}
		})
	}
	if IsListFile(filepath.Join(dir, "missing.csv")) {
		t.Error("a missing file is a list")
	}
}
