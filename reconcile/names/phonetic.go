package names

import "strings"

// A Russian register writes a foreign firm's name as it sounds, in
// Cyrillic: SKYLINE DRONES FZ-CO becomes СКАЙЛАЙН ДРОНС ФЗКО. Read back
// letter by letter that is "skailain drons", which shares no word with
// "skyline drones". The phonetic key keeps what survives the round trip
// through Cyrillic, the consonant skeleton of each core word ("skln drns"
// for both). It is too coarse to join firms by itself: screening and
// matching use it to send a pair to review, never to merge or list.

// phonMin is the shortest skeleton, over the whole core, that may be
// compared: shorter ones ("drns") are shared by too many names.
const phonMin = 6

// PhoneticKey is the consonant skeleton of n's core words, "" when it is
// too short to compare or some word has fewer than two consonants (a name
// made of short words is too common a skeleton).
func PhoneticKey(n *Name) string {
	var parts []string
	total := 0
	for i, w := range n.Tokens {
		// The tokens as transliterated, not the comparison keys: a key
		// folds letters (x, ks → h) the skeleton must keep.
		if i < len(n.Legal) && n.Legal[i] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		k := Skeleton(w)
		if len(k) < 2 {
			return ""
		}
		total += len(k)
		parts = append(parts, k)
	}
	if len(parts) == 0 || total < phonMin {
		return ""
	}
	return strings.Join(parts, " ")
}

// skeletonDigraphs are letter groups read as one sound before the
// letters are reduced: Cyrillic ДЖ (dzh, dj) is the English soft g or j
// (ТЕКНОЛОДЖИ / TECHNOLOGY).
var skeletonDigraphs = strings.NewReplacer("ph", "f", "qu", "kv", "dzh", "g", "dj", "g")

// Skeleton drops a word's vowels and the letters transliteration adds or
// loses (h, j, w, y), merges letters Cyrillic writes alike (c, k, q → k;
// qu → kv; z → s; ph, v → f; x → ks; dzh → g) and collapses doubled
// letters.
func Skeleton(w string) string {
	w = skeletonDigraphs.Replace(w)
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'j', 'w':
			continue
		case 'c', 'q':
			c = 'k'
		case 'z':
			c = 's'
		case 'v':
			c = 'f'
		case 'x':
			if last != 'k' {
				b.WriteByte('k')
			}
			c = 's'
		}
		if c < 'a' || c > 'z' || c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}
