package match

import (
	"context"
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
		{"c for ts", "NAUCHNO TEKHNICHESKIY CENTR ORION", "NAUCHNO TEKHNICHESKIY TSENTR ORION", merged},
		{"c for ts and ye for ie", "Aviacionnie Izmeritelnie Tehnologii", "Aviatsionnye Izmeritelnye Tekhnologii", merged},
		{"w for v in an acronym", "WKBR LLC", "VKBR LLC", merged},
		{"ЦКБ as CZKB", "CZKB TITAN", "TSKB TITAN", merged},
		{"ЦКБ as CKB", "CKB TITAN", "ЦКБ ТИТАН", merged},
		{"former name outside brackets", "TEKHKRIM LLC, FORMERLY ALFA LLC", "TEKHKRIM LLC", merged},
		{"Cyrillic legal form with a Latin O", "ООO ТЕХКРИМ", "OOO TEKHKRIM", merged},
		{"Czech carons read as digraphs", "OOO ŽELDORMAŠ", "OOO ZHELDORMASH", merged},
		{"Czech carons dropped", "ŠKODA TRANSPORTATION A.S.", "SKODA TRANSPORTATION AS", merged},

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
		})
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
