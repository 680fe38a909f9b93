package match

import (
	"context"
	"strings"
	"testing"
)

// pairOutcome clusters two names alone and says whether they merged, went
// to review or stayed apart; every merge and review pair must give reasons.
func pairOutcome(t *testing.T, a, b string) string {
	t.Helper()
	res, err := Cluster(context.Background(), []Mention{{Name: a}, {Name: b}}, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case res.EntityOf[0] == res.EntityOf[1]:
		if e := res.Entities[res.EntityOf[0]]; len(e.Reasons) != 2 || e.Reasons[1] == "" {
			t.Errorf("%q ~ %q merged without a reason: %q", a, b, e.Reasons)
		}
		return "merged"
	case len(res.Review) > 0:
		if len(res.Review[0].Reasons) == 0 {
			t.Errorf("%q ~ %q in review without reasons", a, b)
		}
		return "review"
	}
	return "apart"
}

// TestForeignFormsInCyrillic: foreign legal forms written in Cyrillic by
// ear (ЛТД ШТИ, ФЗЕ, ГМБХ) are read as their classes, so the foreign
// firm's name in a Russian declaration meets its own Latin name; the
// same words that are Russian acronyms or the whole name are not forms.
// The names are invented.
func TestForeignFormsInCyrillic(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"Turkish Ltd. Şti.", "КАРАДЕНИЗ ОРМАН ТЕКСТИЛЬ ЛТД ШТИ", "KARADENIZ ORMAN TEKSTIL LTD STI", "merged"},
		{"Turkish A.Ş.", "ЙЫЛМАЗ ДЕМИРЧИ А.Ш.", "YILMAZ DEMIRCI A.S.", "merged"},
		{"Emirati FZE", "ТОРВАЛЕКС ФЗЕ", "TORVALEX FZE", "merged"},
		{"Emirati FZ-LLC", "ТОРВАЛЕКС ФЗ-ЛЛС", "TORVALEX FZ-LLC", "merged"},
		{"DMCC", "ТОРВАЛЕКС ДМСС", "TORVALEX DMCC", "merged"},
		{"GmbH", "БРАУНФЕЛЬД ГМБХ", "BRAUNFELD GMBH", "merged"},
		{"Co., Ltd", "КАРАВАН МАРИН КО., ЛТД", "KARAVAN MARIN CO., LTD", "merged"},
		{"LLC written as ЛЛС", "ТОРВАЛЕКС ЛЛС", "TORVALEX LLC", "merged"},
		{"FZE is not LLC", "ТОРВАЛЕКС ФЗЕ", "TORVALEX LLC", "review"},
		{"ИНК after ООО is an acronym", "ООО ИНК", "INC", "apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairOutcome(t, tt.a, tt.b); got != tt.want {
				s, why := Explain(Mention{Name: tt.a}, Mention{Name: tt.b})
				t.Errorf("%q ~ %q: %s, want %s (alone %.2f: %q)", tt.a, tt.b, got, tt.want, s, why)
			}
		})
	}
}

// TestSoundAlikeReview: English words written as they sound in Cyrillic
// meet their Latin spelling only on the phonetic key, which sends the
// pair to review with its reason and never merges it. Invented names.
func TestSoundAlikeReview(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"English words by ear", "БЛУРИВЕР ФАЙБЕРС ФЗКО", "BLUERIVER FIBERS FZCO", "review"},
		{"ДЖ for soft g", "ВЕРТЕКС ТЕКНОЛОДЖИ ЛТД", "VERTEX TECHNOLOGY LTD", "review"},
		{"other consonants", "БЛУРИВЕР ФАЙБЕРС ФЗКО", "BLACKRIVER FIBERS FZCO", "apart"},
		{"same number", "БЛУРИВЕР ФАЙБЕРС 12 ФЗКО", "BLUERIVER FIBERS 12 FZCO", "review"},
		{"numbered apart: two plants, not one name", "БЛУРИВЕР ФАЙБЕРС 12 ФЗКО", "BLUERIVER FIBERS 14 FZCO", "apart"},
		{"two Latin names never meet on the key", "SKAILAIN DRONS", "SKYLINE DRONES", "apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairOutcome(t, tt.a, tt.b); got != tt.want {
				s, why := Explain(Mention{Name: tt.a}, Mention{Name: tt.b})
				t.Errorf("%q ~ %q: %s, want %s (alone %.2f: %q)", tt.a, tt.b, got, tt.want, s, why)
			}
			if tt.want == "review" {
				res, _ := Cluster(context.Background(), []Mention{{Name: tt.a}, {Name: tt.b}}, nil, Options{}, nil)
				if r := strings.Join(res.Review[0].Reasons, "; "); !strings.Contains(r, "sounds alike when read back from Cyrillic") {
					t.Errorf("review reasons %q do not say the names sound alike", r)
				}
			}
		})
	}
}

// TestTranslatedReview: a name translated into Russian or Chinese meets
// its English form through the table of common company words, in review
// with the words that translated, never merged. Invented names.
func TestTranslatedReview(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"Russian descriptive words and a distinctive word", "ООО «Машиностроительный комплекс «Орвента»»", "ORVENTA MACHINERY COMPLEX LLC", "review"},
		{"Russian, bracketed acronym", "ЮЖНАЯ ХИМИЧЕСКАЯ КОРПОРАЦИЯ (SOCHEMCO)", "SOUTHERN CHEMICAL CORP. (SOCHEMCO)", "review"},
		{"Chinese common words", "东方电子有限公司", "Eastern Electronics Co., Ltd", "review"},
		{"a different distinctive word", "ООО «Машиностроительный комплекс «Орвента»»", "KARVELO MACHINERY COMPLEX LLC", "apart"},
		{"numbered apart", "ООО «Машиностроительный комплекс «Орвента-2»»", "ORVENTA-3 MACHINERY COMPLEX LLC", "apart"},
		{"Chinese with an unknown part", "华东电子有限公司", "Eastern Electronics Co., Ltd", "apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairOutcome(t, tt.a, tt.b); got != tt.want {
				s, why := Explain(Mention{Name: tt.a}, Mention{Name: tt.b})
				t.Errorf("%q ~ %q: %s, want %s (alone %.2f: %q)", tt.a, tt.b, got, tt.want, s, why)
			}
			if tt.want == "review" {
				res, _ := Cluster(context.Background(), []Mention{{Name: tt.a}, {Name: tt.b}}, nil, Options{}, nil)
				if r := strings.Join(res.Review[0].Reasons, "; "); !strings.Contains(r, "same words in translation") {
					t.Errorf("review reasons %q do not say the words are the same in translation", r)
				}
			}
		})
	}
}

// TestPinyinReview: a Chinese name whose leading characters read in
// pinyin as a Latin name starts goes to review, never merged. Invented.
func TestPinyinReview(t *testing.T) {
	tests := []struct{ name, a, b, want string }{
		{"place and brand in pinyin", "湛江明珠水产开发有限公司", "Zhanjiang Mingzhu Aquatic Products Co., Ltd", "review"},
		{"another brand", "湛江明珠水产开发有限公司", "Zhanjiang Hualong Aquatic Products Co., Ltd", "apart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pairOutcome(t, tt.a, tt.b); got != tt.want {
				s, why := Explain(Mention{Name: tt.a}, Mention{Name: tt.b})
				t.Errorf("%q ~ %q: %s, want %s (alone %.2f: %q)", tt.a, tt.b, got, tt.want, s, why)
			}
		})
	}
}
