package goods

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tradecheck/reconcile"
)

func TestCHPLData(t *testing.T) {
	t.Parallel()
	l := CHPL()
	if len(l.Items) != 50 {
		t.Fatalf("%d codes, want the 50 of the February 2024 list", len(l.Items))
	}
	if l.Short != "chpl" || l.Date != "2024-02-23" || !strings.Contains(l.Source, "bis.gov") || l.Version == "" {
		t.Errorf("metadata: short %q date %q source %q version %q", l.Short, l.Date, l.Source, l.Version)
	}
	want := map[string]int{"1": 4, "2": 5, "3.A": 16, "3.B": 9, "4.A": 11, "4.B": 5}
	got := map[string]int{}
	for _, it := range l.Items {
		got[it.Tier]++
		if len(it.Code) != 6 || it.Label == "" || it.Confirmed == "" {
			t.Errorf("item %+v: want a 6-digit code, a label and how it was confirmed", it)
		}
	}
	for tier, n := range want {
		if got[tier] != n {
			t.Errorf("tier %s: %d codes, want %d", tier, got[tier], n)
		}
	}
	if strings.Join(l.Tiers(), " ") != "1 2 3.A 3.B 4.A 4.B" {
		t.Errorf("tiers %v", l.Tiers())
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	l := CHPL()
	tests := []struct {
		name, code, tier string
		ok               bool
	}{
		{name: "HS-6", code: "854231", tier: "1", ok: true},
		{name: "EU CN 8 digits", code: "85423190", tier: "1", ok: true},
		{name: "TN VED 10 digits", code: "8542319000", tier: "1", ok: true},
		{name: "written with dots", code: "8482.10.10", tier: "3.B", ok: true},
		{name: "with spaces", code: "8807 30 000 0", tier: "3.B", ok: true},
		{name: "CNC lathe", code: "8458110000", tier: "4.B", ok: true},
		{name: "neighbouring subheading is not on the list", code: "848240", ok: false},
		{name: "body armour is not on the list", code: "63079098", ok: false},
		{name: "a heading cannot be placed", code: "8542", ok: false},
		{name: "not a code", code: "chips", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, ok := l.Lookup(tt.code)
			if ok != tt.ok || it.Tier != tt.tier || l.Tier(tt.code) != tt.tier {
				t.Errorf("Lookup(%q) = %+v %v, want tier %q %v", tt.code, it, ok, tt.tier, tt.ok)
			}
		})
	}
	if u := l.Under("8542"); len(u) != 4 {
		t.Errorf("Under(8542) = %d items, want the 4 of tier 1", len(u))
	}
}

func TestUserList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, csv string
		code      string // a code to look up
		label     string // its label, "" when it must not match
		err       error
	}{
		{name: "codes with labels, national lengths", csv: "# name: National dual-use list\n# short: dualuse\ncode,label\n8526 91,Radio navigation\n93069010,Ammunition parts\n", code: "9306901000", label: "Ammunition parts"},
		{name: "longest prefix wins", csv: "hs,description\n8526,Radar and navigation\n852691,Radio navigation\n", code: "85269120", label: "Radio navigation"},
		{name: "semicolons and a tier", csv: "HS code;label;tier\n880730;Aircraft parts;B\n", code: "8807300000", label: "Aircraft parts"},
		{name: "shorter code does not match", csv: "code,label\n852691,Radio navigation\n", code: "8526", label: ""},
		{name: "no code column", csv: "what,label\n1,x\n", err: ErrBadList},
		{name: "a code that is not one", csv: "code,label\n85A6,x\n", err: ErrBadList},
		{name: "header only", csv: "code,label\n", err: reconcile.ErrEmpty},
		{name: "empty", csv: "", err: reconcile.ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ReadList(strings.NewReader(tt.csv), "mine.csv")
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err %v, want %v", err, tt.err)
				}
				var re *reconcile.Error
				if !errors.As(err, &re) || re.File != "mine.csv" {
					t.Errorf("error %v does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			it, ok := l.Lookup(tt.code)
			if ok != (tt.label != "") || it.Label != tt.label {
				t.Errorf("Lookup(%q) = %+v %v, want %q", tt.code, it, ok, tt.label)
			}
		})
	}
	t.Run("bad row is named", func(t *testing.T) {
		_, err := ReadList(strings.NewReader("# note\ncode,label\n854231,a\n85x,b\n"), "mine.csv")
		var re *reconcile.Error
		if !errors.As(err, &re) || re.Row != 4 || re.Column != 1 {
			t.Errorf("err %+v, want row 4 column 1", err)
		}
	})
}

func TestSelector(t *testing.T) {
	t.Parallel()
	chpl := CHPL()
	tests := []struct {
		sel   string
		match []string
		not   []string
		err   bool
	}{
		{sel: "chpl", match: []string{"854231", "8458110000"}, not: []string{"630790"}},
		{sel: "chpl:1", match: []string{"85423100"}, not: []string{"848210"}},
		{sel: "CHPL:3.A", match: []string{"854110"}, not: []string{"848210"}},
		{sel: "chpl:3a", match: []string{"854110"}, not: []string{"848210"}},
		{sel: "chpl:3", match: []string{"854110", "848210"}, not: []string{"854231"}},
		{sel: "chpl:1,4.B", match: []string{"854231", "845961"}, not: []string{"848210"}},
		{sel: "chpl:9", err: true},
		{sel: "dualuse", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.sel, func(t *testing.T) {
			s, err := ParseSelector(tt.sel, chpl)
			if tt.err {
				if !errors.Is(err, ErrBadSelector) {
					t.Fatalf("err %v, want ErrBadSelector", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range tt.match {
				if !s.Match(c) {
					t.Errorf("%s does not match %s", s, c)
				}
			}
			for _, c := range tt.not {
				if s.Match(c) {
					t.Errorf("%s matches %s", s, c)
				}
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	day := func(y, m, d int) reconcile.Date {
		return reconcile.Date{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionDay}
	}
	tests := []struct {
		name, code string
		date       reconcile.Date
		warn       string // a part of the warning, "" for none
	}{
		{name: "HS 2022 code on a 2021 record", code: "8807300000", date: day(2021, 5, 3), warn: "880330"},
		{name: "drone heading on a 2021 record", code: "880622", date: day(2021, 12, 31), warn: "8802"},
		{name: "the same code in 2022 is fine", code: "8807300000", date: day(2022, 1, 1)},
		{name: "an old code in 2021 is fine", code: "854231", date: day(2021, 5, 3)},
		{name: "unknown date says nothing", code: "880730", date: reconcile.Date{}},
		{name: "month precision", code: "854800", date: reconcile.Date{Time: time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC), Precision: reconcile.PrecisionMonth}, warn: "854890"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.code, tt.date)
			if (got != "") != (tt.warn != "") || !strings.Contains(got, tt.warn) {
				t.Errorf("Check(%q, %s) = %q, want one mentioning %q", tt.code, tt.date, got, tt.warn)
			}
		})
	}
	// Every CHPL code new in HS 2022 is in the table.
	for _, c := range []string{"852589", "854149", "854151", "854159", "854800", "880730"} {
		if _, ok := NewIn2022(c); !ok {
			t.Errorf("%s missing from the HS 2022 table", c)
		}
	}
}

// FuzzReadList reads arbitrary bytes as a user's list: never a panic, and
// every code it accepts is found again by Lookup.
func FuzzReadList(f *testing.F) {
	b, _ := os.ReadFile("chpl.csv")
	f.Add(string(b))
	b, _ = os.ReadFile("hs2022.csv")
	f.Add(string(b))
	for _, s := range []string{"code,label\n8526 91,Radio\n", "HS code;label;tier\n880730;Aircraft parts;B\n", "what,label\n1,x\n", "code\n\"8542\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ReadList(strings.NewReader(s), "fuzz.csv")
		if err != nil {
			return
		}
		for _, it := range l.Items {
			if _, ok := l.Lookup(it.Code); !ok {
				t.Fatalf("code %q read but not found", it.Code)
			}
		}
	})
}

func TestIsListFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		want       bool
	}{
		{"dual.csv", "# name: National dual-use list\n# short: dual\ncode,label\n8542.31,Processors\n", true},
		{"tiers.csv", "HS code;Tier;Description\n854231;1;Processors\n", true},
		{"ships.csv", "date,consignee,hs code,net weight\n2022-01-01,A,8542,1\n", false},
		{"labels.csv", "label,description\nx,y\n", false},
		{"empty.csv", "# only a comment\n", false},
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
}
