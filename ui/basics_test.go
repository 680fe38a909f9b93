package ui

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2/widget"

	"tradecheck/reconcile"
)

func segTexts(segs []widget.RichTextSegment) (plain, bold []string) {
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Bold {
			bold = append(bold, ts.Text)
		} else {
			plain = append(plain, ts.Text)
		}
	}
	return
}

func TestHighlightSegments(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		matched []int
		bold    []string
		plain   []string
	}{
		{"no match", "OOO TEKHKRIM", nil, nil, []string{"OOO TEKHKRIM"}},
		{"run in middle", "OOO TEKHKRIM", []int{4, 5, 6}, []string{"TEK"}, []string{"OOO ", "HKRIM"}},
		{"scattered", "abcd", []int{0, 2}, []string{"a", "c"}, []string{"b", "d"}},
		// Positions are rune offsets, not bytes: Cyrillic letters are two bytes.
		{"cyrillic", "ООО «Техкрим»", []int{5, 6, 7}, []string{"Тех"}, []string{"ООО «", "крим»"}},
		{"out of range ignored", "ab", []int{5}, nil, []string{"ab"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, bold := segTexts(highlightSegments(tt.text, tt.matched))
			if !reflect.DeepEqual(bold, tt.bold) || !reflect.DeepEqual(plain, tt.plain) {
				t.Errorf("got bold %q plain %q, want bold %q plain %q", bold, plain, tt.bold, tt.plain)
			}
			var all strings.Builder
			for _, s := range highlightSegments(tt.text, tt.matched) {
				all.WriteString(s.(*widget.TextSegment).Text)
			}
			if all.String() != tt.text {
				t.Errorf("segments join to %q, want %q", all.String(), tt.text)
			}
		})
	}
}

func TestProjectStore(t *testing.T) {
	s := newProjectStore(t.TempDir())
	if r, err := s.recent(); err != nil || len(r) != 0 {
		t.Fatalf("empty store: got %v, %v; want no recent projects", r, err)
	}
	for i, id := range []string{"a", "b", "a"} {
		if err := s.save(id, "title "+id, []byte(`{"n":`+string(rune('0'+i))+`}`)); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.recent()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, x := range r {
		ids = append(ids, x.ID)
	}
	if want := []string{"a", "b"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("recent: got %v, want %v (newest first, no repeats)", ids, want)
	}
	b, err := s.load("a")
	if err != nil || string(b) != `{"n":2}` {
		t.Errorf("load a: got %s, %v; want the last save", b, err)
	}
	// A project whose file is gone drops out of the list.
	os.Remove(s.path("b"))
	r, _ = s.recent()
	if len(r) != 1 || r[0].ID != "a" {
		t.Errorf("after removing b: got %v, want only a", r)
	}
}

func TestProjectID(t *testing.T) {
	a := projectID([]string{"/x/1.xlsx", "/x/2.csv"})
	b := projectID([]string{"/x/2.csv", "/x/1.xlsx"})
	c := projectID([]string{"/x/1.xlsx"})
	if a != b {
		t.Errorf("order changed the ID: %s vs %s", a, b)
	}
	if a == c {
		t.Errorf("different sources gave the same ID %s", a)
	}
}

func TestExpandPaths(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.xlsx", "a.csv", "notes.docx", "~$lock.xlsx", ".hidden.csv"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "c.xlsx"), []byte("x"), 0o644)
	single := filepath.Join(dir, "notes.docx")
	got := expandPaths([]string{dir, single})
	want := []string{filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.xlsx"), single}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestUnpackSamples(t *testing.T) {
	fsys := fstest.MapFS{
		"a.xlsx":     {Data: []byte("A")},
		"b.csv":      {Data: []byte("B")},
		"claims.csv": {Data: []byte("C")},
	}
	dir := t.TempDir()
	paths, err := unpackSamples(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.csv")}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("got %v, want %v (claims.csv is not a source)", paths, want)
	}
	st1, _ := os.Stat(want[0])
	if _, err := unpackSamples(fsys, dir); err != nil {
		t.Fatal(err)
	}
	st2, _ := os.Stat(want[0])
	if !st1.ModTime().Equal(st2.ModTime()) {
		t.Errorf("unchanged sample was rewritten")
	}
}

func TestHumanMessage(t *testing.T) {
	enc := &reconcile.Error{File: "/home/r/Downloads/secret.xlsx", Err: reconcile.ErrEncrypted, Hint: "enter the password"}
	pos := &reconcile.Error{File: "/d/a.csv", Sheet: "", Row: 12, Column: 3, Err: reconcile.ErrCorrupt}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"base name, hint", enc, "secret.xlsx: workbook is password-protected — enter the password"},
		{"position", pos, "a.csv, row 12, column C: file is damaged or truncated"},
		{"wrapped", errors.Join(enc, pos), "secret.xlsx: workbook is password-protected — enter the password\na.csv, row 12, column C: file is damaged or truncated"},
		{"cancel", reconcile.ErrCanceled, "Cancelled."},
		// The engine names the step, the app says where: no CLI flag.
		{"password", &reconcile.Error{File: "/d/s.xlsx", Err: reconcile.ErrEncrypted, Hint: "give the workbook's password", Fix: reconcile.FixPassword},
			"s.xlsx: workbook is password-protected — give the workbook's password; add the file again (Add files… on the Sources screen) and enter the password when asked"},
		{"mapping", &reconcile.Error{File: "/d/k.csv", Err: reconcile.ErrNeedsMapping, Hint: "map the party and date columns", Fix: reconcile.FixMapColumns},
			"k.csv: columns need mapping — map the party and date columns; select the sheet on the Sources screen and click its columns to choose their fields"},
		{"output", &reconcile.Error{File: "/d/o.xlsx", Err: reconcile.ErrOverwrite, Hint: "choose another output name", Fix: reconcile.FixOutputFile},
			"o.xlsx: would overwrite an input — choose another output name; save again and pick another place in the dialog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := humanMessage(tt.err); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if d := errorDetails(enc); !strings.Contains(d, "/home/r/Downloads/secret.xlsx") || !strings.Contains(d, "hint: enter the password") {
		t.Errorf("details lack the full path or hint: %q", d)
	}
}

func TestFmtUSD(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{{0, "$0"}, {999, "$999"}, {1000, "$1,000"}, {10234567.4, "$10,234,567"}, {-1500, "-$1,500"}}
	for _, tt := range tests {
		if got := fmtUSD(tt.in); got != tt.want {
			t.Errorf("fmtUSD(%v): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseBound(t *testing.T) {
	tests := []struct {
		in   string
		end  bool
		want string
		ok   bool
	}{
		{"2022-06-14", false, "2022-06-14", true},
		{"2022-06", false, "2022-06-01", true},
		{"2022-06", true, "2022-06-30", true},
		{"2022", true, "2022-12-31", true},
		{"June", false, "", false},
		{"June 2022", true, "2022-06-30", true},
		{"14.06.2022", false, "2022-06-14", true},
	}
	for _, tt := range tests {
		got, ok := parseBound(tt.in, tt.end)
		if ok != tt.ok || ok && got.Format("2006-01-02") != tt.want {
			t.Errorf("parseBound(%q, %v): got %v %v, want %q %v", tt.in, tt.end, got, ok, tt.want, tt.ok)
		}
	}
}

// The Shipments and Totals filters read countries and HS codes as the claim
// form does: names in any language the engine knows, dotted or grouped codes.
func TestShipFilterUsesEngineParsers(t *testing.T) {
	tests := []struct {
		name       string
		f          shipFilter
		countries  []string
		hsPrefixes []string
	}{
		{"english name", shipFilter{Countries: "Turkey"}, []string{"TR"}, nil},
		{"names and codes", shipFilter{Countries: "Türkiye; RUS, United Arab Emirates"}, []string{"TR", "RU", "AE"}, nil},
		{"unknown stays visible", shipFilter{Countries: "Narnia"}, []string{"NARNIA"}, nil},
		{"dotted hs", shipFilter{HS: "6307.90, 8806"}, nil, []string{"630790", "8806"}},
		{"grouped hs", shipFilter{HS: "6307 90 98"}, nil, []string{"63079098"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tf := tt.f.totalsFilter()
			if !slices.Equal(tf.Countries, tt.countries) {
				t.Errorf("countries: got %q, want %q", tf.Countries, tt.countries)
			}
			if !slices.Equal(tf.HSPrefixes, tt.hsPrefixes) {
				t.Errorf("HS: got %q, want %q", tf.HSPrefixes, tt.hsPrefixes)
			}
		})
	}
}
