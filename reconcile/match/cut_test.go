package match

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCutNames checks names cut at a fixed width (35 characters) against
// the whole name spelt another way: legal form in another scheme, a space
// added, another legal kind, and a cut name that starts the spellings of
// one firm or the names of two.
func TestCutNames(t *testing.T) {
	tests := []struct {
		name string
		cut  string
		long []string // names that are not cut
		want string   // merged (all one entity), review (cut name alone, in review), apart
	}{
		{"legal form in another scheme", "JSC ZARECHNYY HELICOPTER CENTER MIL",
			[]string{"AKCIONERNOE OBSZCZESTWO ZARECHNYY HELICOPTER CENTER MIL & KAMOV"}, "merged"},
		{"a space added in the whole name", "AO KAMSKIY CENTER OF SHIPBUILDING A",
			[]string{"AO KAMSKIY CENTER OF SHIPBUILD ING AND SHIP REPAIRING"}, "merged"},
		{"another legal kind", "OOO ZARECHNYY SHIPBUILDING PLANT VO",
			[]string{"AO ZARECHNYY SHIPBUILDING PLANT VOLNA"}, "review"},
		{"starts the spellings of one firm", "JSC ZARECHNYY TRANSPORT PLANT VOLNA",
			[]string{"JSC ZARECHNYY TRANSPORT PLANT VOLNA-PRIBOR", "JSC ZARECHNYY TRANSPORT PLANT VOLNA-PRIBRO", "JSC ZARECHNYY TRANSPORT PLANT VOLNA - PRI BOR"}, "merged"},
		{"starts two firms", "JSC ZARECHNYY TRANSPORT PLANT VOLNA",
			[]string{"JSC ZARECHNYY TRANSPORT PLANT VOLNA-PRIBOR", "JSC ZARECHNYY TRANSPORT PLANT VOLNAKHIM"}, "review"},
		{"a whole name ending in a legal form is no cut of a longer one", "ZORAMAXIA REAL ESTATE GMBH & CO. KG",
			[]string{"ZORAMAXIA REAL ESTATE DEVELOPMENT GMBH & CO. KG"}, "review"},
		{"legal form set aside, one word before the cut is not enough", "LIMITED LIABILITY COMPANY SPEKTROL",
			[]string{"SPEKTROL INVESTMENT GROUP SAL HOLDING"}, "review"},
		{"generic words only, the start of one firm's names: review", "JSC ‘SCIENTIFIC AND ENGINEERING ENT",
			[]string{"JSC ‘Scientific and Engineering Enterprise Zoratek’", "JSC SCIENTIFIC AND ENGINEERING ENTERPRISE ZORATEK"}, "review"},
		{"generic words only, the start of two firms' names: review with each", "JSC SCIENTIFIC AND ENGINEERING ENTE",
			[]string{"JSC Scientific and Engineering Enterprise Zoratek", "JSC Scientific and Engineering Enterprise Volnamash"}, "review"},
		{"generic words only, the start of four firms' names: review with each", "JSC SCIENTIFIC AND ENGINEERING ENTE",
			[]string{"JSC Scientific and Engineering Enterprise Zoratek", "JSC Scientific and Engineering Enterprise Volnamash",
				"JSC Scientific and Engineering Enterprise Kelvaro", "JSC Scientific and Engineering Enterprise Marvitek"}, "review"},
		{"generic words only, the start of five firms' names written alike: says nothing", "JSC SCIENTIFIC AND ENGINEERING ENTE",
			[]string{"JSC Scientific and Engineering Enterprise Zoratek", "JSC Scientific and Engineering Enterprise Volnamash",
				"JSC Scientific and Engineering Enterprise Kelvaro", "JSC Scientific and Engineering Enterprise Marvitek",
				"JSC Scientific and Engineering Enterprise Tarvolis"}, "apart"},
		{"generic words only, the start of one firm's name written with another legal form: review", "AO SCIENTIFIC AND ENGINEERING ENTER",
			[]string{"JSC Scientific and Engineering Enterprise Zoratek"}, "review"},
		{"ends in a legal form at the width and starts a longer name: review", "KELVARO ENGINEERING DESIGN BURO JSC",
			[]string{"KELVARO ENGINEERING DESIGN BURO JSC NAMED AFTER P.I. ZORIN"}, "review"},
		{"ends in a legal form word that starts a longer word: review", "Branch of PJSC Zorav Aircraft Corp",
			[]string{"Branch of PJSC Zorav Aircraft Corporation Volnamash Plant"}, "review"},
		{"ends in a legal form at the width, the start of two firms: review with each", "KELVARO ENGINEERING DESIGN BURO JSC",
			[]string{"KELVARO ENGINEERING DESIGN BURO JSC NAMED AFTER P.I. ZORIN", "Kelvaro Engineering Design Buro JSC Tarvolis Branch"}, "review"},
		{"cut inside a digraph spelt the French way (CH of Ш cut to C)", "OOO KELVARSKIÏ ZAVOD GROUZOVYKH C",
			[]string{"ООО Келварский завод грузовых шин"}, "merged"},
		{"words past a long legal form are a firm's whole name: review", "Zakritoe akcionernoe obschestvo KVR",
			[]string{"ZAO KVR"}, "review"},
		{"cut to its legal form and one letter: says nothing, whatever it starts", "OTKRYTOE AKTSIONERNOE OBSHCHESTVO V",
			[]string{"OTKRYTOE AKTSIONERNOE OBSHCHESTVO VOLNAMASH"}, "apart"},
		{"cut inside its legal form: the name before it is whole", "NPP KORVATEKHNIKA JOINT STOCK COMPA",
			[]string{"NPP KORVATEKHNIKA JSC", "АО «НПП «Корватехника»"}, "merged"},
		{"cut inside a Russian legal form written after the name", "VELTOSFERA OBSHCHESTVO S OGRANICHEN",
			[]string{"OOO VELTOSFERA"}, "merged"},
		{"cut inside its legal form: the core is whole, so a longer core is not its start", "NPP KORVATEKHNIKA JOINT STOCK COMPA",
			[]string{"NPP KORVATEKHNIKA-PRIBOR JSC"}, "apart"},
		{"cut in a lone word, the whole name's legal form written shorter: review", "LIMITED LIABILITY COMPANY VELTOSFE",
			[]string{"OOO VELTOSFERA"}, "review"},
		{"cut in a lone word that starts two firms' names: review, never merged", "LIMITED LIABILITY COMPANY VELTOSFE",
			[]string{"ООО «Велтосфера-М»", "OOO VELTOSFERA"}, "review"},
		{"only generic words before a short stump: review", "JSC MACHINE BUILDING COMPANY ‘KORV",
			[]string{"JSC MACHINE BUILDING COMPANY ‘KORVAZ’"}, "review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if l := utf8.RuneCountInString(tt.cut); l < 33 || l > 35 {
				t.Fatalf("test name %q is %d characters, not about 35", tt.cut, l)
			}
			ms := []Mention{{Name: tt.cut}}
			for _, l := range tt.long {
				ms = append(ms, Mention{Name: l})
			}
			res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			merged := 0
			for i := 1; i < len(ms); i++ {
				if res.EntityOf[i] == res.EntityOf[0] {
					merged++
				}
			}
			inReview := false
			withCut := 0
			for _, p := range res.Review {
				if p.A == 0 || p.B == 0 {
					inReview = true
					withCut++
					if len(p.Reasons) == 0 {
						t.Errorf("review pair %d~%d has no reasons", p.A, p.B)
					}
				}
			}
			got := "apart"
			switch {
			case merged == len(ms)-1:
				got = "merged"
			case merged == 0 && inReview:
				got = "review"
			case merged > 0:
				got = "partly merged"
			}
			if got != tt.want {
				t.Errorf("%q with %q: %s, want %s (review %+v)", tt.cut, strings.Join(tt.long, " | "), got, tt.want, res.Review)
			}
			if got == "review" && len(res.Entities) == len(ms) && withCut != len(ms)-1 {
				// Every firm it may be the start of is put beside it.
				t.Errorf("%q: %d review pairs with the cut name, want one per firm (%d)", tt.cut, withCut, len(ms)-1)
			}
			if got == "merged" {
				e := res.Entities[res.EntityOf[0]]
				for k, r := range e.Reasons {
					if r == "" {
						t.Errorf("member %d of %s has no reason", e.Members[k], e.ID)
					}
				}
			}
		})
	}
}

// TestCutNameBeforeANumber: a cut name that is the whole core of one firm
// and the start of another numbered after it (… NEW YORK / … NEW YORK II)
// is the first (same core and legal form: one unit) and does not bind the
// second to it; that pair goes to review.
func TestCutNameBeforeANumber(t *testing.T) {
	ms := []Mention{{Name: "CORP ZORAVEL PROPERTIES OF NEW YORK"}, {Name: "ZORAVEL PROPERTIES OF NEW YORK II CORP."}, {Name: "ZORAVEL PROPERTIES OF NEW YORK CORP."}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[1] == res.EntityOf[2] {
		t.Errorf("%q and %q merged through the cut name %q", ms[1].Name, ms[2].Name, ms[0].Name)
	}
	if res.EntityOf[0] == res.EntityOf[1] || len(res.Review) == 0 {
		t.Errorf("cut name merged with the numbered firm or no review: entities %v, review %+v", res.EntityOf, res.Review)
	}
}

// TestCutStartReadings: a cut name whose words start more firms' names
// than can be put before the user is put beside those whose names start
// with its letters with the legal form as written, or failing that with
// its very characters; a legal form of another kind is no start.
func TestCutStartReadings(t *testing.T) {
	tests := []struct {
		name   string
		cut    string
		others []string
		want   []int // indexes into others the cut name is put beside in review
	}{
		{"another kind of legal form is no start; the same kind written otherwise is", "OOO NAUCHNO-PROIZVODSTVENNOE PREDPR",
			[]string{"AO Nauchno-Proizvodstvennoe Predpriyatie Zoratek", "AO Nauchno-Proizvodstvennoe Predpriyatie Volnamash",
				"JSC Nauchno-Proizvodstvennoe Predpriyatie Kelvaro", "АО «Научно-Производственное Предприятие «Марвитек»",
				"PAO Nauchno-Proizvodstvennoe Predpriyatie Tarvolis", "Limited Liability Company Nauchno-Proizvodstvennoe Predpriyatie Korvatek"},
			[]int{5}},
		{"five firms, two written with the same legal form", "JSC NAUCHNO-PROIZVODSTVENNOE PREDPR",
			[]string{"AO Nauchno-Proizvodstvennoe Predpriyatie Zoratek", "AO Nauchno-Proizvodstvennoe Predpriyatie Volnamash",
				"AO Nauchno-Proizvodstvennoe Predpriyatie Kelvaro", "JSC Nauchno-Proizvodstvennoe Predpriyatie Marvitek",
				"JSC Nauchno-Proizvodstvennoe Predpriyatie Tarvolis"},
			[]int{3, 4}},
		{"six firms written alike, one character for character", "AO «NAUCHNO-PROIZVODSTVENNOE PREDPR",
			[]string{"AO Nauchno-Proizvodstvennoe Predpriyatie Zoratek", "AO Nauchno-Proizvodstvennoe Predpriyatie Volnamash",
				"AO Nauchno-Proizvodstvennoe Predpriyatie Kelvaro", "AO Nauchno-Proizvodstvennoe Predpriyatie Marvitek",
				"AO Nauchno-Proizvodstvennoe Predpriyatie Korvatek", "AO «Nauchno-Proizvodstvennoe Predpriyatie «Tarvolis»"},
			[]int{5}},
		{"five firms written alike character for character: says nothing", "AO NAUCHNO-PROIZVODSTVENNOE PREDPRI",
			[]string{"AO Nauchno-Proizvodstvennoe Predpriyatie Zoratek", "AO Nauchno-Proizvodstvennoe Predpriyatie Volnamash",
				"AO Nauchno-Proizvodstvennoe Predpriyatie Kelvaro", "AO Nauchno-Proizvodstvennoe Predpriyatie Marvitek",
				"AO Nauchno-Proizvodstvennoe Predpriyatie Tarvolis"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if l := utf8.RuneCountInString(tt.cut); l < 33 || l > 35 {
				t.Fatalf("test name %q is %d characters, not about 35", tt.cut, l)
			}
			ms := []Mention{{Name: tt.cut}}
			for _, o := range tt.others {
				ms = append(ms, Mention{Name: o})
			}
			res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, p := range res.Review {
				if p.A != 0 && p.B != 0 {
					continue
				}
				o := max(p.A, p.B) - 1
				got = append(got, o)
				if !strings.HasPrefix(p.Reasons[len(p.Reasons)-1], "may be cut at") {
					t.Errorf("review pair with %q gives no cut reason: %q", tt.others[o], p.Reasons)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q put beside %v in review, want %v (review %+v)", tt.cut, got, tt.want, res.Review)
			}
			for i := 1; i < len(ms); i++ {
				if res.EntityOf[i] == res.EntityOf[0] {
					t.Errorf("%q merged with %q", tt.cut, ms[i].Name)
				}
			}
		})
	}
}

// TestUnmatchableNameReason: a name no rule can place by its name (cut
// to its legal form, to its form and a letter, or to generic words that
// start too many firms) says so in its entity's reason instead of looking
// like a firm of its own; joined to a firm by its tax ID, it does not.
func TestUnmatchableNameReason(t *testing.T) {
	firms := []Mention{{Name: "OOO Nauchno-Proizvodstvennoe Predpriyatie Zoratek"}, {Name: "OOO Nauchno-Proizvodstvennoe Predpriyatie Volnamash"},
		{Name: "OOO Nauchno-Proizvodstvennoe Predpriyatie Kelvaro"}, {Name: "OOO Nauchno-Proizvodstvennoe Predpriyatie Marvitek"},
		{Name: "OOO Nauchno-Proizvodstvennoe Predpriyatie Tarvolis"}, {Name: "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU KORVATEK"}}
	tests := []struct {
		name string
		m    Mention
		want string // in the reason of its entity's core; "" for plain "core"
	}{
		{"cut inside its legal form", Mention{Name: "OBSHCHESTVO S OGRANICHENNOI OTVETS"}, "cut at 35 characters inside its legal form: it names no firm"},
		{"only a legal form", Mention{Name: "OOO"}, "only a legal form: it names no firm"},
		{"a legal form and a letter", Mention{Name: "OTKRYTOE AKTSIONERNOE OBSHCHESTVO K"}, `only its legal form and "K" are left before the cut`},
		{"generic words that start five firms", Mention{Name: "OOO NAUCHNO-PROIZVODSTVENNOE PREDPR"}, "the start of 5 firms' names here, too many to tell which"},
		{"joined to a firm by its tax ID", Mention{Name: "OBSHCHESTVO S OGRANICHENNOI OTVETS", TaxID: "7736050003"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := append([]Mention{tt.m}, firms...)
			if tt.m.TaxID != "" {
				ms = append(ms, Mention{Name: "ZORAVEL LLC", TaxID: tt.m.TaxID})
			}
			res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			e := res.Entities[res.EntityOf[0]]
			why := e.Reasons[slices.Index(e.Members, 0)]
			if tt.want == "" {
				if strings.Contains(strings.Join(e.Reasons, " | "), "cannot be matched by name") {
					t.Errorf("%q joined by tax ID: reasons %q say it cannot be matched", tt.m.Name, e.Reasons)
				}
				return
			}
			if !strings.HasPrefix(why, "core; ") || !strings.Contains(why, tt.want) || !strings.Contains(why, "cannot be matched by name: match it on a tax ID or by hand") {
				t.Errorf("%q: reason %q, want core and %q", tt.m.Name, why, tt.want)
			}
			for i := 1; i < len(ms); i++ {
				if res.EntityOf[i] == res.EntityOf[0] {
					t.Errorf("%q merged with %q", tt.m.Name, ms[i].Name)
				}
			}
		})
	}
}

// TestSameCutNameTwice: the same cut name written twice (case aside) is
// put beside each firm it may be and beside its twin, which may be the
// same firm's or another's; none of them merges.
func TestSameCutNameTwice(t *testing.T) {
	ms := []Mention{{Name: "AO NAUCHNO-PROIZVODSTVENNOE PREDPRI"}, {Name: "AO Nauchno-Proizvodstvennoe Predpri"},
		{Name: "AO Nauchno-Proizvodstvennoe Predpriyatie Zoratek"}, {Name: "AO Nauchno-Proizvodstvennoe Predpriyatie Volnamash"}}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entities) != len(ms) {
		t.Fatalf("%d entities, want %d: nothing merges", len(res.Entities), len(ms))
	}
	got := map[[2]int]bool{}
	for _, p := range res.Review {
		got[[2]int{min(p.A, p.B), max(p.A, p.B)}] = true
	}
	for _, want := range [][2]int{{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}} {
		if !got[want] {
			t.Errorf("%q and %q not in review (review %+v)", ms[want[0]].Name, ms[want[1]].Name, res.Review)
		}
	}
}
