package screen

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

// fixtureIndex indexes every fixture list.
func fixtureIndex(t testing.TB) *Index {
	t.Helper()
	ls, err := ReadFiles(context.Background(), []string{"testdata/ofac", "testdata/opensanctions", "testdata/uk", "testdata/eu/fsf.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 4 {
		t.Fatalf("%d lists, want 4", len(ls))
	}
	return NewIndex(ls)
}

// hitsOf screens one name and returns its hits as "source:id:status".
func hitsOf(t *testing.T, x *Index, q Query, opt Options) ([]string, []Hit) {
	t.Helper()
	res, err := x.Screen(context.Background(), []Query{q}, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Source+":"+h.ListedID+":"+string(h.Status))
	}
	return out, res.Hits
}

func TestScreen(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	tests := []struct {
		name   string
		q      Query
		want   []string // hits that must be there, "source:id:status"
		none   bool     // no hit at all
		reason string   // a reason the first hit must give
	}{
		{name: "Latin spelling of a listed name", q: Query{Name: "OOO TEKHKRIM"},
			want: []string{"ofac:101:listed", "opensanctions:NK-tekhkrim:listed"}, reason: "same after transliteration"},
		{name: "Cyrillic spelling", q: Query{Name: "ООО «Техкрим»"},
			want: []string{"ofac:101:listed", "opensanctions:NK-tekhkrim:listed"}},
		{name: "another transliteration scheme and form", q: Query{Name: "Tehkrim Limited Liability Company"},
			want: []string{"ofac:101:listed"}},
		{name: "alias from alt.csv", q: Query{Name: "TECHCRIMEA, LLC"}, want: []string{"ofac:101:listed"}},
		{name: "glued INN is decisive", q: Query{Name: "7701234560 ROMASHKA"},
			want: []string{"ofac:101:listed", "opensanctions:NK-tekhkrim:listed"}, reason: "same tax ID 7701234560"},
		{name: "INN from the ID column", q: Query{Name: "Some other name", TaxID: "7803456788"},
			want: []string{"eu_fsf:EU.9001.11:listed", "opensanctions:NK-vostok:listed"}},
		{name: "UK list by tax ID in other information", q: Query{Name: "X", TaxID: "7702345672"}, want: []string{"uk_ofsi:90001:listed"}},
		{name: "Cyrillic name on the UK list", q: Query{Name: "АО Корвет"}, want: []string{"uk_ofsi:90001:listed", "ofac:107:listed"}},
		{name: "EU Cyrillic alias", q: Query{Name: "AO VOSTOK AVIA"}, want: []string{"eu_fsf:EU.9001.11:listed", "opensanctions:NK-vostok:listed"}},
		{name: "numbered name, same number", q: Query{Name: "ZAVOD-2 JSC"}, want: []string{"opensanctions:NK-zavod2:listed"}},
		{name: "number name, same number", q: Query{Name: "11420 CORP"}, want: []string{"ofac:104:listed"}},
		{name: "typo in a long word", q: Query{Name: "OOO TEKHKRIN"}, want: []string{"ofac:101:listed"}},

		// Hard negatives.
		{name: "numbers must agree: not 11420 CORP.", q: Query{Name: "BELLETECH CORP"}, none: true},
		{name: "another number", q: Query{Name: "11421 CORP"}, none: true},
		{name: "numbered name, another number", q: Query{Name: "ZAVOD-3 JSC"}, none: true},
		{name: "a shared generic word is not a hit", q: Query{Name: "VEGA TRADING LLC"}, none: true},
		{name: "generic words only", q: Query{Name: "TRADING COMPANY LTD"}, none: true},
		{name: "one letter apart in a short name", q: Query{Name: "KORSET JSC"}, none: true},
		{name: "a subsidiary is not its parent", q: Query{Name: "ALMAZPROM UKRAINE"}, want: []string{"ofac:106:review"}},
		{name: "a sister firm under another legal form", q: Query{Name: "ALMAZPROM INVEST LLC"}, none: true},
		{name: "individuals are not screened", q: Query{Name: "PETROV IVAN LLC"}, none: true},
		{name: "vessels are not screened", q: Query{Name: "TEKHKRIM STAR LLC"}, none: true},
		{name: "untyped alt.csv entries are not screened", q: Query{Name: "NEWLY LISTED HOLDING"}, none: true},
		{name: "different INN keeps a same-name hit in review", q: Query{Name: "OOO TEKHKRIM", TaxID: "5004567897"},
			want: []string{"ofac:101:review"}, reason: "different INN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, hits := hitsOf(t, x, tt.q, Options{})
			if tt.none && len(got) > 0 {
				t.Fatalf("hits %q, want none (%+v)", got, hits)
			}
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("hits %q, want %s", got, w)
				}
			}
			if tt.reason != "" {
				if len(hits) == 0 || !strings.Contains(strings.Join(hits[0].Reasons, "; "), tt.reason) {
					t.Errorf("reasons of first hit %v, want %q", hits, tt.reason)
				}
			}
		})
	}
}

// TestSiblings checks the screening rule on top of the matcher: two names
// that each have a word the other lacks are two firms of one group.
func TestSiblings(t *testing.T) {
	t.Parallel()
	l := &List{Source: SourceOpenSanctions, Name: "test", Entries: []Entry{
		{ID: "A", Kind: KindOrganization, Names: []Name{{Text: "KAMA VOLGA URAL SEVER PROEKT", Type: "primary"}}},
	}}
	x := NewIndex([]*List{l})
	tests := []struct {
		name, q string
		want    string
	}{
		{name: "same words", q: "KAMA VOLGA URAL SEVER PROEKT LLC", want: "listed"},
		{name: "one word more: review", q: "KAMA VOLGA URAL SEVER PROEKT MONTAZH", want: "review"},
		{name: "one word each: none", q: "KAMA VOLGA URAL SEVER MONTAZH", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Screen(context.Background(), []Query{{Name: tt.q}}, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(res.Hits) > 0 {
				got = string(res.Hits[0].Status)
			}
			if got != tt.want {
				t.Errorf("status %q, want %q (%+v)", got, tt.want, res.Hits)
			}
		})
	}
}

// TestScreeningRules checks the rules screening adds to the matcher's
// score, each on a pair the matcher alone would list.
func TestScreeningRules(t *testing.T) {
	t.Parallel()
	org := func(id, name string) Entry {
		return Entry{ID: id, Kind: KindOrganization, Names: []Name{{Text: name, Type: "primary"}}}
	}
	l := &List{Source: SourceOpenSanctions, Name: "test", Entries: []Entry{
		org("1", "PAO GORODOK"),
		org("2", "MAROVAN PETROKHIMIYA"),
		org("3", "GLOBAL TRADING COMPANY"),
		org("4", "LIMITED LIABILITY COMPANY ZORKOVO"), // 33 characters: the matcher may take it for cut
		org("5", "VOLZHSKIY RECHNOY SUDOSTROITELNYY KOMBINAT"),
		org("6", "OOO MAYAK"),
		org("7", "MKS ROBOTIKA LTD"),
		org("8", "OOO TK FLAIVEI"),
	}}
	x := NewIndex([]*List{l})
	tests := []struct {
		name, q, id string
		want        Status // "" for no hit on id
		reason      string
	}{
		{name: "a reading in brackets of the name as written is for review", q: "ACME SHIPPING AGENCIES BP 5068 ABIDJAN (GORODOK)", id: "1", want: StatusReview, reason: "part in brackets"},
		{name: "the part outside the brackets is the name", q: "LLC Mayak (ООО «МАЯК»)", id: "6", want: StatusListed},
		{name: "first letters differ: review", q: "KAROVAN PETROKHIMIYA", id: "2", want: StatusReview, reason: "first letter"},
		{name: "a slip inside the word: listed", q: "MAROVAN PETROKHIMIIA LLC", id: "2", want: StatusListed},
		{name: "identical generic name: review", q: "GLOBAL TRADING CO.", id: "3", want: StatusReview, reason: "only of generic words"},
		{name: "generic name with another word order: none", q: "TRADING GLOBAL COMPANY", id: "3", want: ""},
		{name: "the listed name is complete, the name as written goes on", q: "LIMITED LIABILITY COMPANY ZORKOVO GLOBAL FORWARDING", id: "4", want: StatusReview, reason: "listed name is complete"},
		{name: "a cut at a word boundary may be a whole name", q: "VOLZHSKIY RECHNOY SUDOSTROITELNYY", id: "5", want: StatusReview, reason: "may be complete"},
		{name: "a cut inside a word", q: "VOLZHSKIY RECHNOY SUDOSTROITELNYY K", id: "5", want: StatusListed},
		// The matcher keys initials without the folds of long words
		// (x/ks), so MX and MKS are two words and the pair stays below
		// review; screening's own rule for it remains as a guard.
		{name: "initials of another length: not a hit", q: "MX ROBOTIKA LIMITED", id: "7", want: ""},
		{name: "initials transliterated letter for letter", q: "ООО «ТК Флайвей»", id: "8", want: StatusListed},
		{name: "initials in another script", q: "TC FLAIVEI LLC", id: "8", want: StatusListed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Screen(context.Background(), []Query{{Name: tt.q}}, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got *Hit
			for i := range res.Hits {
				if res.Hits[i].ListedID == tt.id {
					got = &res.Hits[i]
				}
			}
			switch {
			case tt.want == "" && got != nil:
				t.Fatalf("hit %+v, want none", *got)
			case tt.want == "":
			case got == nil:
				t.Fatalf("no hit on %s, want %s", tt.id, tt.want)
			case got.Status != tt.want || !strings.Contains(strings.Join(got.Reasons, "; "), tt.reason):
				t.Errorf("status %s reasons %q, want %s and %q", got.Status, got.Reasons, tt.want, tt.reason)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestHitFields(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	_, hits := hitsOf(t, x, Query{Key: "E-1", Name: "АО Корвет", Role: "consignee"}, Options{})
	for _, h := range hits {
		if h.Source != SourceUK {
			continue
		}
		if h.Key != "E-1" || h.Role != "consignee" || h.List != "UK OFSI consolidated list" || h.ListedID != "90001" ||
			h.Primary != "KORVET" || h.Listed != "2022-03-15" || len(h.Programs) != 1 || h.Programs[0] != "Russia" || len(h.Reasons) == 0 {
			t.Errorf("hit %+v", h)
		}
		return
	}
	t.Fatal("no UK hit")
}

func TestThresholds(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	tests := []struct {
		name string
		opt  Options
		want string
		err  bool
	}{
		{name: "default: a subsidiary is for review", opt: Options{}, want: "ofac:106:review"},
		{name: "lower threshold lists it", opt: Options{Threshold: 0.85}, want: "ofac:106:listed"},
		{name: "higher review threshold drops it", opt: Options{ReviewThreshold: 0.89}, want: ""},
		{name: "review above threshold", opt: Options{Threshold: 0.8, ReviewThreshold: 0.9}, err: true},
		{name: "threshold above one", opt: Options{Threshold: 1.5}, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Screen(context.Background(), []Query{{Name: "ALMAZPROM UKRAINE"}}, tt.opt, nil)
			if tt.err {
				if !errors.Is(err, ErrBadOptions) {
					t.Fatalf("err %v, want ErrBadOptions", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, h := range res.Hits {
				if h.ListedID == "106" {
					got = h.Source + ":" + h.ListedID + ":" + string(h.Status)
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecisions(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	q := Query{Key: "E-9", Name: "ALMAZPROM UKRAINE", Role: "shipper"}
	_, hits := hitsOf(t, x, q, Options{})
	var h Hit
	for _, x := range hits {
		if x.ListedID == "106" {
			h = x
		}
	}
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		ds        []Decision
		want      Status
		unapplied int
	}{
		{name: "confirm a review hit", ds: []Decision{NewDecision(OpConfirm, h, q, "same firm per registry", now)}, want: StatusConfirmed},
		{name: "reject it", ds: []Decision{NewDecision(OpReject, h, q, "", now)}, want: StatusRejected},
		{name: "the last decision wins", ds: []Decision{NewDecision(OpReject, h, q, "", now), NewDecision(OpConfirm, h, q, "", now)}, want: StatusConfirmed},
		{name: "another role is another name", ds: []Decision{NewDecision(OpReject, h, Query{Name: q.Name, Role: "consignee"}, "", now)}, want: StatusReview, unapplied: 1},
		{name: "an entry not on the lists", ds: []Decision{{Op: OpConfirm, Name: q.Name, Role: q.Role, List: SourceOFAC, ListedID: "424242"}}, want: StatusReview, unapplied: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := x.Screen(context.Background(), []Query{q}, Options{Decisions: tt.ds}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got Status
			for _, h := range res.Hits {
				if h.ListedID == "106" {
					got = h.Status
				}
			}
			if got != tt.want || len(res.Unapplied) != tt.unapplied {
				t.Errorf("status %q unapplied %d, want %q %d", got, len(res.Unapplied), tt.want, tt.unapplied)
			}
		})
	}
	t.Run("a confirmed pair that no longer scores still hits", func(t *testing.T) {
		q2 := Query{Name: "ROMASHKA LLC"}
		d := Decision{Op: OpConfirm, Name: q2.Name, List: SourceOFAC, ListedID: "101", Time: now}
		res, err := x.Screen(context.Background(), []Query{q2}, Options{Decisions: []Decision{d}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].Status != StatusConfirmed || !res.Hits[0].Status.Counts() {
			t.Fatalf("hits %+v", res.Hits)
		}
	})
}

func TestDecisionsRoundTrip(t *testing.T) {
	t.Parallel()
	ds := []Decision{{Op: OpConfirm, Name: "A", Role: "consignee", TaxID: "7701234560", List: SourceOFAC, ListedID: "101", Time: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Note: "n"}}
	var b strings.Builder
	if err := WriteDecisions(&b, ds); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDecisions(strings.NewReader(b.String()))
	if err != nil || len(got) != 1 || got[0] != ds[0] {
		t.Fatalf("round trip: %+v %v", got, err)
	}
	for _, bad := range []string{`[{"op":"maybe","name":"A","list":"ofac","listed_id":"1"}]`, `[{"op":"confirm","name":"","list":"ofac","listed_id":"1"}]`, `[{"op":"confirm","name":"A"}]`, `{`, `[{"op":"confirm","name":"A","list":"ofac","listed_id":"1","extra":1}]`} {
		if _, err := ReadDecisions(strings.NewReader(bad)); !errors.Is(err, ErrBadDecision) {
			t.Errorf("ReadDecisions(%s) err %v, want ErrBadDecision", bad, err)
		}
	}
}

func TestBestAndListed(t *testing.T) {
	t.Parallel()
	hits := []Hit{
		{Key: "E-1", Role: "consignee", Source: "ofac", ListedID: "1", Score: 0.95, Status: StatusListed, Name: "a"},
		{Key: "E-1", Role: "consignee", Source: "ofac", ListedID: "1", Score: 0.99, Status: StatusListed, Name: "b"},
		{Key: "E-1", Role: "consignee", Source: "ofac", ListedID: "2", Score: 0.99, Status: StatusRejected, Name: "c"},
		{Key: "E-1", Role: "consignee", Source: "ofac", ListedID: "2", Score: 0.80, Status: StatusReview, Name: "d"},
		{Key: "E-2", Role: "shipper", Source: "ofac", ListedID: "3", Score: 0.85, Status: StatusReview, Name: "e"},
	}
	best := Best(hits)
	var got []string
	for _, h := range best {
		got = append(got, h.Name)
	}
	if strings.Join(got, ",") != "b,d,e" {
		t.Errorf("Best = %v, want b,d,e", got)
	}
	if l := Listed(hits); !l["E-1"] || l["E-2"] {
		t.Errorf("Listed = %v", l)
	}
}

func TestScreenCancel(t *testing.T) {
	t.Parallel()
	x := fixtureIndex(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := x.Screen(ctx, make([]Query, 1000), Options{}, nil); err == nil {
		t.Fatal("no error after cancel")
	}
}
