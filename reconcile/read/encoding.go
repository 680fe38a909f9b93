package read

import (
	"fmt"
	"math"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// Legacy encodings of the exports fact-checkers get: Cyrillic (Windows,
// DOS and KOI8 Russian), Western and Turkish Latin, Central European, and
// Chinese in both scripts. A file that is not UTF-8 is decoded with each,
// and the decodings are scored by the letters they produce: frequent
// letters of the expected languages score, rare ones little, symbols and
// control characters inside words, letters of two scripts in one word,
// and case changing inside a word cost.
var legacyEncodings = []struct {
	name string
	enc  encoding.Encoding
}{
	// Order breaks ties between identical decodings: ISO-8859-9 decodes
	// every byte but the C1 controls like Windows-1254, so a Turkish file
	// without bytes 0x80-0x9F is named windows-1254.
	{"windows-1251", charmap.Windows1251},
	{"windows-1252", charmap.Windows1252},
	{"windows-1254", charmap.Windows1254},
	{"iso-8859-9", charmap.ISO8859_9},
	{"windows-1250", charmap.Windows1250},
	{"cp866", charmap.CodePage866},
	{"koi8-r", charmap.KOI8R},
	{"gb18030", simplifiedchinese.GB18030},
	{"big5", traditionalchinese.Big5},
}

// encodingChoice is the result of sniffing a legacy encoding.
type encodingChoice struct {
	name    string
	warning string // two candidates stayed close: names both
}

// chooseLegacyEncoding scores every candidate on the sample.
func chooseLegacyEncoding(b []byte) encodingChoice {
	type cand struct {
		name  string
		text  string
		score float64
	}
	var cands []cand
	for _, e := range legacyEncodings {
		out, _, err := transform.Bytes(e.enc.NewDecoder(), b)
		if err != nil {
			continue
		}
		t := string(out)
		cands = append(cands, cand{e.name, t, scoreText(t)})
	}
	best, second := -1, -1
	for i, c := range cands {
		switch {
		case best < 0 || c.score > cands[best].score:
			best, second = i, best
		case c.text != cands[best].text && (second < 0 || c.score > cands[second].score):
			second = i
		}
	}
	if best < 0 {
		return encodingChoice{name: "windows-1252"}
	}
	ch := encodingChoice{name: cands[best].name}
	if second >= 0 && cands[second].text != cands[best].text {
		b, s := cands[best].score, cands[second].score
		if s > 0 && b-s < 0.15*math.Abs(b) {
			ch.warning = fmt.Sprintf("the text encoding is uncertain: read as %s, but %s is almost as likely; if names look garbled, save the file as UTF-8", cands[best].name, cands[second].name)
		}
	}
	return ch
}

// scoreText rates how much a decoding looks like text in the expected
// languages.
func scoreText(t string) float64 {
	score := 0.0
	var prev rune
	prevScript := scriptNone
	run := 0 // consecutive non-ASCII Latin letters
	for _, r := range t {
		if r < 0x80 {
			if unicode.IsLetter(r) {
				if prevScript == scriptCyrillic {
					score -= 4 // "Ithalatзэ": a Latin word with Cyrillic in it
				}
				prevScript = scriptLatin
			} else {
				prevScript = scriptNone
			}
			run = 0
			prev = r
			continue
		}
		switch {
		case r == '\uFFFD' || r >= 0x80 && r < 0xA0 || r >= 0xE000 && r <= 0xF8FF:
			score -= 6 // invalid, C1 control, private use
		case unicode.Is(unicode.Han, r):
			if commonHan[r] {
				score += 3
			} else {
				score -= 0.5
			}
			prevScript = scriptNone
		case unicode.Is(unicode.Cyrillic, r):
			w, ok := cyrillicWeight[unicode.ToLower(r)]
			if !ok {
				w = -1 // Serbian, Macedonian, Belarusian letters in a Russian file: rare
			}
			if prevScript == scriptLatin {
				w -= 4
			}
			if unicode.IsUpper(r) && unicode.IsLower(prev) && unicode.Is(unicode.Cyrillic, prev) {
				w -= 3 // "пОЛУЧАТЕЛЬ": case flips inside a word
			}
			score += w
			prevScript = scriptCyrillic
		case unicode.Is(unicode.Latin, r):
			w, ok := latinWeight[unicode.ToLower(r)]
			if !ok {
				w = 0.3
			}
			if prevScript == scriptCyrillic {
				w -= 4
			}
			run++
			if run > 2 {
				w -= 1.5 // "Ïîëó": Latin words are mostly ASCII
			}
			score += w
			prevScript = scriptLatin
			prev = r
			continue
		case r == '№' || r == '«' || r == '»' || r == '€' || r == '°' || r == '—' || r == '–' || r == '’' || r == '“' || r == '”' || r == '\u00A0' || r == '·' || r == '、' || r == '，' || r == '（' || r == '）' || r == '：':
			// punctuation that real text uses
		case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Greek, unicode.Hangul):
			score -= 3 // Chinese bytes read with the wrong Chinese table
		default:
			if unicode.IsLetter(prev) {
				score -= 4 // a symbol glued to a letter: "÷", "³", "¿" inside a word
			} else {
				score -= 1
			}
		}
		run = 0
		prev = r
	}
	return score
}

const (
	scriptNone = iota
	scriptLatin
	scriptCyrillic
)

// cyrillicWeight is 1 + log10(per-mille frequency) of Russian letters,
// with the Ukrainian and Kazakh letters added.
var cyrillicWeight = func() map[rune]float64 {
	freq := map[rune]float64{
		'о': 10.97, 'е': 8.45, 'а': 8.01, 'и': 7.35, 'н': 6.70, 'т': 6.26, 'с': 5.47, 'р': 4.73, 'в': 4.54, 'л': 4.40,
		'к': 3.49, 'м': 3.21, 'д': 2.98, 'п': 2.81, 'у': 2.62, 'я': 2.01, 'ы': 1.90, 'ь': 1.74, 'г': 1.70, 'з': 1.65,
		'б': 1.59, 'ч': 1.44, 'й': 1.21, 'х': 0.97, 'ж': 0.94, 'ш': 0.73, 'ю': 0.64, 'ц': 0.48, 'щ': 0.36, 'э': 0.32,
		'ф': 0.26, 'ъ': 0.04, 'ё': 0.04, 'і': 2.0, 'ї': 0.6, 'є': 0.4, 'ґ': 0.05,
		'ә': 0.8, 'ғ': 0.5, 'қ': 0.8, 'ң': 0.5, 'ө': 0.5, 'ұ': 0.5, 'ү': 0.5, 'һ': 0.05,
	}
	m := map[rune]float64{}
	for r, f := range freq {
		m[r] = 1 + math.Log10(f*10)
	}
	return m
}()

// latinWeight scores accented letters: those of the expected languages
// (Turkish, Spanish, Portuguese, German) most, Central European ones
// next, letters that mostly appear in mis-decoded text least.
var latinWeight = func() map[rune]float64 {
	m := map[rune]float64{}
	for w, letters := range map[float64]string{
		2.5: "ıışğçöüáéíóúñãõâêôàß",
		1.5: "ąćęłńśźżčďěňřšťůžőűä",
		0.8: "èìòùëïîûåøæÿýœ",
		0.2: "ðþđţŕĺľășțŀ",
	} {
		for _, r := range letters {
			m[r] = w
		}
	}
	return m
}()
