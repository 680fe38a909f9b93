package names

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

// A foreign firm's name in a Russian declaration or a Chinese register is
// often translated, not transliterated: КИТАЙСКАЯ СЕВЕРНАЯ ПРОМЫШЛЕННАЯ
// КОРПОРАЦИЯ is CHINA NORTH INDUSTRIES CORP., 中国北方工业 is the same.
// The two share no word, so scoring never sees them. TranslationKey maps
// each core word through a small table of common company words
// (translations.tsv) onto a concept; two names in different scripts with
// the same concepts and the same other words are worth a look. Generic
// words translate too readily for this to merge firms: matching sends
// such pairs to review only.

//go:embed translations.tsv
var translationsTSV string

type translations struct {
	byStem map[string]string // Cyrillic/Latin word stem -> concept
	han    []hanWord         // Han forms, longest first
}

type hanWord struct{ form, concept string }

var concepts = loadTranslations(translationsTSV)

func loadTranslations(tsv string) *translations {
	t := &translations{byStem: map[string]string{}}
	for _, line := range strings.Split(tsv, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		concept, forms, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		for _, f := range strings.Split(forms, "|") {
			if ScriptOf(f) == ScriptHan {
				t.han = append(t.han, hanWord{f, concept})
				continue
			}
			toks := Tokens(f)
			if len(toks) != 1 {
				continue // multi-word forms are not read word by word
			}
			t.byStem[wordStem(toks[0])] = concept
		}
	}
	slices.SortStableFunc(t.han, func(a, b hanWord) int {
		return utf8.RuneCountInString(b.form) - utf8.RuneCountInString(a.form)
	})
	return t
}

// wordStem is how a word meets the table: the first six letters of its
// key, so inflected forms (китайская, китайской) meet.
func wordStem(tok string) string {
	if HasCyrillic(tok) {
		tok = strings.ToLower(Translit(tok))
	}
	return stem(Key(tok))
}

// TranslationKey is the sorted set of n's core words read through the
// table of common company words, the others kept as their keys, and
// the words that translated ("КИТАЙСКАЯ=china"), for the explanation.
// A Han word is cut into the table's forms, longest first; a Han run the
// table does not know leaves no key (its reading is unknown). The key is
// "" when no word translated.
func TranslationKey(n *Name) (key string, translated []string) {
	var words []string
	for i, w := range n.Tokens {
		if i < len(n.Legal) && n.Legal[i] || isNumber(w) {
			continue
		}
		if l, _ := legal.matchAt([]string{legalKey(w)}, 0, 1); l == 1 {
			// A legal form inside brackets or mid-name ("CORP. (NORINCO)")
			// is not a word of the name; its class is compared elsewhere.
			continue
		}
		if isHanToken(w) {
			rest := w
			for rest != "" {
				found := false
				for _, h := range concepts.han {
					if strings.HasPrefix(rest, h.form) {
						words = append(words, h.concept)
						translated = append(translated, h.form+"="+h.concept)
						rest = rest[len(h.form):]
						found = true
						break
					}
				}
				if !found {
					return "", nil
				}
			}
			continue
		}
		if c, ok := concepts.byStem[wordStem(w)]; ok {
			words = append(words, c)
			translated = append(translated, strings.ToUpper(w)+"="+c)
			continue
		}
		words = append(words, Key(w))
	}
	if len(translated) == 0 {
		return "", nil
	}
	slices.Sort(words)
	return strings.Join(slices.Compact(words), " "), translated
}
