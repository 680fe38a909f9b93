package match

import "testing"

// TestTypoAndSpaceClasses: the issue-13 classes of a slip, a space and a
// transliteration scheme met together, and names misread as having no
// distinctive word. Invented names.
func TestTypoAndSpaceClasses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, a, b, want string
	}{
		// A distinctive compound that starts like a generic word stays
		// distinctive: ELEKTRO- is the start of ELECTRONIC, but a slip in
		// ELEKTROZORGA is still a word of its own.
		{"compound after a generic prefix, with a slip", "AO ‘Электрозорга’", "AO ‘ELEKTROZRGA’", "merged"},
		{"compound after a generic prefix, spelt two ways", "AO ELEKTROZORGA", "AO ЭЛЕКТРОЗОРГА", "merged"},
		// A letter and a number are a brand (S7), not a generic word (S,
		// V, I are Russian prepositions) and a number beside generic
		// words.
		{"letter-and-number brand, a slip in a generic word", "V 9 SOLUTIONS LLC", "V 9 SOLUTINOS LLC", "merged"},
		{"letter-and-number brand written together", "V9 SOLUTIONS LLC", "V 9 SOLUTINS LLC", "merged"},
		{"another number is another brand", "V 9 SOLUTIONS LLC", "V 8 SOLUTIONS LLC", "apart"},
		{"a letter split off a word is no brand", "ZORO R-43 LLC", "ZOROR-43 LLC", "merged"},
		// A space dropped after a word that starts like a legal-form word
		// (KOMPANIJA…): the glued word is no legal form.
		{"space dropped after a form-like word", "OOO ZORAWAJA KOMPANIJAWELTRASIJA", "ООО Зоравая Компания Вельтразия", "merged"},
		{"two form words glued stay a form", "ZORVEK LIMITEDLIABILITY COMPANY", "ZORVEK LLC", "merged"},
		// A long word that folds to an acronym's length is no acronym
		// form: French ROUPP (ГРУПП) keys as RUP, which is РУП.
		{"a long word keyed like an acronym form", "OOO Korg roupp", "ООО Коргрупп", "merged"},

		// A space and a slip, or a space and another scheme, together:
		// the letters written together, schemes folded, are a letter or
		// two apart. Review, never merged.
		{"French ou and two words written together", "AO ‘INSTITOUTZORAVOSTROENIIA’", "АО «Институт Зоравостроения»", "review"},
		{"Polish cz and sz for ч and ш", "OOO ZORNIKOWSKIJ ZAWOD ‘KOLCZMASZ’", "ООО Зорниковский Завод «Колчмаш»", "review"},
		{"a space in one name, a slip in the other", "PAO ‘ZORVAL NYJ ZAWOD’", "PAO ‘ZORVAALNYI SAWOD’", "review"},
		{"a word split where the other has a slip", "OOO ‘KORVENA-ORU JIE’", "OOO ‘KORVENA-ORUZIIE’", "review"},
		{"three letters apart: two firms", "OOO ZORVALINSKII ZAVOD", "OOO MORDALINSKII ZAVOD", "apart"},
		{"another kind of company", "OOO ZORVAL NYJ ZAWOD", "AO ZORVAALNYI SAWOD", "apart"},
		// A one-word name in two schemes with a slip shares too few
		// letter groups to be a candidate; its skeleton's consonants
		// gather it with the other spelling.
		{"one-word name, Polish scheme and a slip", "АО Тарешнёв", "AO TARESZNIIOW", "review"},
		{"one-word name, another kind of company", "ООО Тарешнёв", "AO TARESZNIIOW", "apart"},
	}
	for _, tt := range tests {
		// Every pair in review here is there for its skeleton, and says so.
		t.Run(tt.name, func(t *testing.T) {
			wantOutcome(t, tt.a, tt.b, tt.want, "once spaces and transliteration schemes are set aside")
		})
	}
}

// TestFewEdits checks fewEdits against the dynamic programme it stands
// in for, on pairs built by edits and on unrelated strings.
func TestFewEdits(t *testing.T) {
	t.Parallel()
	words := []string{"resetnev", "resetnov", "rsetnev", "ersetnev", "resetnevv", "zoravostroenia", "zoravostrenia",
		"zoarvostroenia", "abc", "", "a", "ab", "ba", "tosmas", "tomas", "korvalinskiisavod", "mordalinskiisavod"}
	for _, a := range words {
		for _, b := range words {
			for k := 0; k <= 2; k++ {
				if got, want := fewEdits(a, b, k), editDistanceAtMost(a, b, k); got != want {
					t.Errorf("fewEdits(%q, %q, %d) = %d, want %d", a, b, k, got, want)
				}
			}
		}
	}
}
