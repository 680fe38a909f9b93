package match

import (
	"context"
	"strings"
	"testing"
)

// TestSpellingClasses checks, pair by pair, the classes of spelling that
// real customs records use for one firm (merged), the judgement cases that
// must go to review and not merge, and the bugs found by the screening
// work (apart).
func TestSpellingClasses(t *testing.T) {
	t.Parallel()
	const (
		merged = "merged"
		review = "review"
		apart  = "apart"
	)
	tests := []struct {
		name, a, b, want string
	}{
		{"combining dot above the i", "ABC MAKINA SANAYI VE TICARET LTD. ŞTI\u0307.", "ABC MAKINA SAN. VE TIC. LTD. STI.", merged},
		{"combining marks, whole name decomposed", "S\u0327AHI\u0307N MAKI\u0307NA LI\u0307MI\u0307TED S\u0327I\u0307RKETI\u0307", "SAHIN MAKINA LTD STI", merged},
		{"legal form, Polish/Czech style", "Akcionernoe Obschestvo «Tekhkrim»", "JSC TEKHKRIM", merged},
		{"legal form, Polish", "Obszczestwo s ograniczennoj otwetstwiennostju Tekhkrim", "OOO TEKHKRIM", merged},
		{"legal form, Czech with carons", "Obščestvo s ograničennoj otvetstvennosťju Tekhkrim", "OOO TEKHKRIM", merged},
		{"legal form, French", "Obchtchestvo s ogranitchennoï otvetstvennostiou Tekhkrim", "OOO TEKHKRIM", merged},
		{"legal form, German", "Akzionernoje Obschtschestwo Tekhkrim", "AO TEKHKRIM", merged},
		{"space dropped", "ANISOPRINTRUS LLC", "ANISOPRINT RUS LLC", merged},
		{"spaces dropped", "DONGMTIINVESTMENT LTD", "DONG MTI INVESTMENT LTD", merged},
		{"space inside a word spelt with a caron", "AO KAMTR ANSMAŠ", "AO KAMTRANSMASH", merged},
		{"a space and a doubled letter beside a connector word", "ZORAVEL SHIIPPING AND TRADING LLC", "ZORAVEL SHIP PING AND TRADING LLC", merged},
		{"space inside an acronym-like word", "KNII TRMS AO", "KNIITRMS AO", merged},
		{"French scheme: ou, tch, ch for ш", "OOO VEDOUCHTCHIE TEKHNOLOGII ZORAVA", "ООО Ведущие Технологии Зорава", merged},
		{"French scheme: j for ж", "ZAO BELOJSKOE MACHINOSTROITELNOE OBCHTCHESTVO", "ЗАО Беложское машиностроительное общество", merged},
		{"French scheme: ou for у in a one-word name", "OOO LIOUTRAN", "ООО ЛЮТРАН", merged},
		{"Й after a vowel in a short word", "OOO MAJ TORVELS", "ООО МАЙ ТОРВЕЛС", merged},
		{"c for ts", "NAUCHNO TEKHNICHESKIY CENTR ORION", "NAUCHNO TEKHNICHESKIY TSENTR ORION", merged},
		{"c for ts and ye for ie", "Aviacionnie Izmeritelnie Tehnologii", "Aviatsionnye Izmeritelnye Tekhnologii", merged},
		{"w for v in an acronym", "WKBR LLC", "VKBR LLC", merged},
		{"ЦКБ as CZKB", "CZKB TITAN", "TSKB TITAN", merged},
		{"ЦКБ as CKB", "CKB TITAN", "ЦКБ ТИТАН", merged},
		{"former name outside brackets", "TEKHKRIM LLC, FORMERLY ALFA LLC", "TEKHKRIM LLC", merged},
		{"Cyrillic legal form with a Latin O", "ООO ТЕХКРИМ", "OOO TEKHKRIM", merged},
		{"Czech carons read as digraphs", "OOO ŽELDORMAŠ", "OOO ZHELDORMASH", merged},
		{"Czech carons dropped", "ŠKODA TRANSPORTATION A.S.", "SKODA TRANSPORTATION AS", merged},

		{"GEN. for GENERAL", "ZORVEL LINK GEN. TRADING L.L.C", "ZORVEL LINK GENERAL TRADING LLC", merged},
		{"TRDG for TRADING", "KELVARO TRDG CO LTD", "KELVARO TRADING CO LTD", merged},
		{"INTERNAT. for INTERNATIONAL", "MARVITEK INTERNAT. TRADING LLC", "MARVITEK INTERNATIONAL TRADING LLC", merged},
		{"ENGG and SVCS", "ZORVEL ENGG SVCS LTD", "ZORVEL ENGINEERING SERVICES LTD", merged},
		{"INDS for INDUSTRIES", "KORVAZ INDS LTD", "KORVAZ INDUSTRIES LTD", merged},
		{"EQUIP. for EQUIPMENT", "VOLNAMASH EQUIP. LLC", "VOLNAMASH EQUIPMENT LLC", merged},
		{"ELEC. stands for several words: not read", "ZORVEL ELEC. EQUIP. LTD", "ZORVEL ELECTRONICS EQUIPMENT LTD", apart},
		{"GEN. does not join a different distinctive word", "ZORVEL LINK GEN. TRADING LLC", "KORVAZ LINK GENERAL TRADING LLC", apart},

		{"a slip that breaks a digraph", "ZELENODOLSK MACIHNES LLC", "ZELENODOLSK MACHINES LLC", merged},
		{"a slip beside a doubled letter", "ORLANDA KOMPONNTS JSC", "ORLANDA KOMPONENTS JSC", merged},
		{"two letters swapped in a long word", "DUBNENKSY PRIBOR JSC", "DUBNENSKY PRIBOR JSC", merged},
		{"j for i making jo", "VOLGA NATJONAL REINSURANCE", "VOLGA NATIONAL REINSURANCE", merged},

		{"one letter in a six-letter one-word name", "AO KORVAL", "AO KORFAL", review},
		{"two letters swapped in a six-letter name", "LLC TORVEL", "LLC TOVREL", review},
		{"Han name with its Latin spelling after it", "技术克里姆有限责任公司 TEKHKRIM", "Tekhkrim LLC", merged},
		{"Cyrillic name with its Latin spelling in brackets", "ООО «Техкрим» (TEKHKRIM LLC)", "Tekhkrim LLC", merged},
		{"Cyrillic name with its Latin spelling after it", "ООО Техкрим TEKHKRIM LLC", "Tekhkrim Limited Liability Company", merged},

		{"Han limited company's Latin spelling and a JSC", "技术克里姆有限责任公司 TEKHKRIM", "TEKHKRIM JSC", review},
		{"FZE and LLC", "ALFA STAR FZE", "ALFA STAR LLC", review},
		{"A.Ş. and Ltd. Şti.", "ALFA MAKINA A.Ş.", "ALFA MAKINA LTD. ŞTİ.", review},
		{"trade phrase on one side", "ALFA STAR GENERAL TRADING LLC", "ALFA STAR LLC", review},
		{"a country added: subsidiary", "SBERBANK UKRAINE", "SBERBANK", review},
		{"a branch word", "ROSTEKHMASH FILIAL", "ROSTEKHMASH", review},
		{"a city", "ROSTEKHMASH MOSCOW", "ROSTEKHMASH", review},
		{"first letter differs", "KOREA TAESONG TRADING", "KOREA DAESONG TRADING", review},

		{"initials LKCK are not LLC", "LKCK TRADING", "LK TRADING", apart},
		{"AG after LLC is part of the name", "LLC AG TERMINAL", "TOV TERMINAL", apart},
		{"MX is not MKS", "MX INTERNATIONAL", "MKS INTERNATIONAL", apart},
		{"LPC is not LPK", "LPC", "LPK", apart},
		{"a two-letter stump is no start of another word", "LIMITED LIABILITY COMPANY ARKTIK LO", "LIMITED LIABILITY COMPANY ARCTIC LNG 2", apart},
		{"short names one letter apart", "SIMA LLC", "SINA LLC", apart},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Cluster(context.Background(), []Mention{{Name: tt.a}, {Name: tt.b}}, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := apart
			switch {
			case res.EntityOf[0] == res.EntityOf[1]:
				got = merged
			case len(res.Review) > 0:
				got = review
			}
			if got != tt.want {
				s, why := Explain(Mention{Name: tt.a}, Mention{Name: tt.b})
				t.Errorf("%q ~ %q: %s, want %s (alone %.2f: %q)", tt.a, tt.b, got, tt.want, s, why)
			}
			// Every merge and every review pair keeps its explanation.
			if got == merged {
				e := res.Entities[res.EntityOf[0]]
				if len(e.Reasons) != 2 || e.Reasons[1] == "" {
					t.Errorf("%q ~ %q merged without a reason: %q", tt.a, tt.b, e.Reasons)
				}
			}
			if got == review && len(res.Review[0].Reasons) == 0 {
				t.Errorf("%q ~ %q in review without reasons", tt.a, tt.b)
			}
		})
	}
}

// TestScriptReadingReason: a merge through one script's part of a name
// says so, not that the name has brackets.
func TestScriptReadingReason(t *testing.T) {
	_, why := Explain(Mention{Name: "技术克里姆有限责任公司 TEKHKRIM"}, Mention{Name: "Tekhkrim LLC"})
	if len(why) == 0 || !strings.HasPrefix(why[0], "one name written in two scripts; read as TEKHKRIM") {
		t.Errorf("reasons %q, want the two-script reading first", why)
	}
}

// TestCutAndAcronymErrors checks pairs the customs eval found merged
// wrongly: identical cut names that are only a legal form or generic
// words stay apart, and acronyms keep every letter.
func TestCutAndAcronymErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ a, b string }{
		{"OBCHTCHESTVO S OGRANITCHENNOÏ OTVET", "OBCHTCHESTVO S OGRANITCHENNOÏ OTVET"}, // cut inside the legal form
		{"JSC ‘SCIENTIFIC AND PRODUCTION ASSO", "JSC “SCIENTIFIC AND PRODUCTION ASSO"}, // cut inside a generic word
		{"AO VZPP-S", "AO VZPS"},
		{"IRZ OAO", "YRZ"},
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			res, err := Cluster(context.Background(), []Mention{{Name: tt.a}, {Name: tt.b, Role: Shipper}}, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.EntityOf[0] == res.EntityOf[1] {
				t.Errorf("%q and %q merged, want apart", tt.a, tt.b)
			}
		})
	}
}

// TestGluedLegalForms checks legal forms written onto a word.
func TestGluedLegalForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b  string
		merge bool
	}{
		{"YANTAR SHIPYARDJSC", "Yantar Shipyard JSC", true},
		{"OOOTEKHKRIM", "OOO TEKHKRIM", true},
		{"TEKHKRIMLLC", "TEKHKRIM LLC", true},
		{"POSITIVE GROUPPJSC", "Positive Group PJSC", true},
		{"PAOLINI TRADING", "PAO LINI TRADING", false}, // AO is not taken off a word
		{"ZORANG TAILUNG HOTELCO., LTD.", "ZORANG TAILUNG HOTEL CO., LTD.", true},
		{"KORVALIS TRADEDMCC", "KORVALIS TRADE DMCC", true},
		{"ZORAVLETY ROSSII AO", "ZORAVLETY ROSSIIAO", true},
		{"ZORABANI DIS TICARETLIMITED SIRKETI", "ZORABANI DIS TICARET LIMITED SIRKETI", true},
		{"KORVANDR EKOOO", "KORVANDR EK OOO", true},
		{"ALFA TRADINGL.L.C.", "ALFA TRADING L.L.C.", true},
		{"VPZ KORMASHAO", "AO VPZ KORMASH", true}, // the form written first in the other name
		{"ZORIYAH STEELFZC", "ZORIYAH STEEL FZC", true},
		{"XIAO", "XI AO", false},               // a word ending like a form is no glued form without the rest
		{"LLC ZORATEST", "ZORATEST-TT", false}, // Key would fold the TT into ZORATEST's T
		{"AO OSKKB", "AO SKKBB", false},        // spaced alike but not the same letters: doubled letters count
		{"JSC KTIIM", "JSC ‘CTIIM’", false},    // nor is c the same letter as k
	}
	for _, tt := range tests {
		t.Run(tt.a, func(t *testing.T) {
			res, err := Cluster(context.Background(), []Mention{{Name: tt.a}, {Name: tt.b}}, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.EntityOf[0] == res.EntityOf[1]; got != tt.merge {
				t.Errorf("%q ~ %q merged = %v, want %v", tt.a, tt.b, got, tt.merge)
			}
		})
	}
}

// TestWholeNameAtCutWidth: a whole name about 35 characters long may be
// cut, but its own spellings with a slip or a space, which do not match
// each other, are not two names it starts: all three are one firm.
func TestWholeNameAtCutWidth(t *testing.T) {
	ms := []Mention{
		{Name: "AO ZARECHNYY NANOTECHNOLOGY CENTER"},
		{Name: "JSC ZARECHNYY NANOTECHNOLGOY CENTER"},
		{Name: "JSC “Zarechnyy Nanote chnology Center”"},
	}
	res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(ms); i++ {
		if res.EntityOf[i] != res.EntityOf[0] {
			t.Errorf("%q not merged with %q; review: %+v", ms[i].Name, ms[0].Name, res.Review)
		}
	}
}

// TestUnitSpellings: a unit (mentions one after transliteration) is scored
// through one face; a slip and a different spacing are also judged on the
// letters of its other spellings. Here the face may be the spelling with a doubled letter,
// which keys as the right one, and a third spelling swaps two letters of
// the right one, which folds (zk / kz) two key letters apart from it.
// Invented names.
func TestUnitSpellings(t *testing.T) {
	tests := []struct {
		name string
		ms   []string
		one  bool
	}{
		{"swap judged on the unit's right spelling", []string{"GRANTOOZKVIL LLC", "GRANTOZKVIL LLC", "GRANTOKZVIL LLC"}, true},
		{"another firm stays apart", []string{"GRANTOOZKVIL LLC", "GRANTOZKVIL LLC", "BRANTOKZVIL LLC"}, false},
		// The face writes the form in front; the third name glued it to
		// the end of the other spelling, too short to split off on its own.
		{"spaced like the unit's other spelling", []string{"AO ZORVANT-EK", "ZORVANT EK AO", "ZORVANT EKAO"}, true},
		{"other letters stay apart", []string{"AO ZORVANT-EK", "ZORVANT EK AO", "ZORVANT EKOO"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []Mention
			for _, n := range tt.ms {
				ms = append(ms, Mention{Name: n, Role: Consignee, Count: 1})
			}
			res, err := Cluster(context.Background(), ms, nil, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.EntityOf[2] == res.EntityOf[0]; got != tt.one {
				t.Errorf("%q joined %q: %v, want %v (%d entities)", tt.ms[2], tt.ms[0], got, tt.one, len(res.Entities))
			}
		})
	}
}

// TestSpelledOutReason: a merge that reads a short form as the long word
// says which ("GEN = GENERAL"), so the user can undo it knowingly.
func TestSpelledOutReason(t *testing.T) {
	t.Parallel()
	res, err := Cluster(context.Background(), []Mention{{Name: "ZORVEL LINK GEN. TRADING L.L.C"}, {Name: "ZORVEL LINK GENERAL TRADING LLC"}}, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.EntityOf[0] != res.EntityOf[1] {
		t.Fatalf("not merged: %+v", res.EntityOf)
	}
	if why := strings.Join(res.Entities[res.EntityOf[0]].Reasons, "; "); !strings.Contains(why, "GEN = GENERAL") {
		t.Errorf("reasons %q do not say GEN = GENERAL", why)
	}
}
