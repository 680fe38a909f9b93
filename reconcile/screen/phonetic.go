package screen

import (
	"strings"

	"tradecheck/reconcile/names"
)

// A Russian register writes a foreign firm's name as it sounds, in
// Cyrillic: SKYLINE DRONES FZ-CO becomes СКАЙЛАЙН ДРОНС ФЗКО. Read back
// letter by letter that is "skailain drons", which shares no word with
// "skyline drones", so word-based screening finds nothing. The phonetic
// key keeps what survives the round trip through Cyrillic, the consonant
// skeleton of each core word ("skln drns" for both), and a Cyrillic name
// whose skeleton equals a Latin listed name's goes to review: the key is
// too coarse to list anyone by itself.

// phonMin is the shortest skeleton, over the whole core, that may make a
// review hit: shorter ones ("drns") are shared by too many names.
const phonMin = 6

// phonKey is the consonant skeleton of n's core words, "" when it is too
// short to compare or some word has fewer than two consonants (a name
// made of short words is too common a skeleton).
func phonKey(n *names.Name) string {
	var parts []string
	total := 0
	for i, w := range n.Tokens {
		// The tokens as transliterated, not the comparison keys: a key
		// folds letters (x, ks → h) the skeleton must keep.
		if i < len(n.Legal) && n.Legal[i] || strings.Trim(w, "0123456789") == "" {
			continue
		}
		k := skeleton(w)
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

// skeleton drops a word's vowels and the letters transliteration adds or
// loses (h, j, w, y), merges letters Cyrillic writes alike (c, k, q → k;
// qu → kv; z → s; ph, v → f; x → ks) and collapses doubled letters.
func skeleton(w string) string {
	w = strings.NewReplacer("ph", "f", "qu", "kv").Replace(w)
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

// addPhonetic files a Latin listed name under its phonetic key.
func (x *Index) addPhonetic(n *names.Name, ni int32) {
	if n.Script != names.ScriptLatin {
		return
	}
	if k := phonKey(n); k != "" {
		x.byPhon[k] = appendOnce(x.byPhon[k], ni)
	}
}

// phoneticHits adds review hits for a Cyrillic name that sounds like a
// Latin listed name, for entries the words found nothing on.
func (x *Index) phoneticHits(best map[int32]*Hit, qi int, q Query, qn *names.Name, tax string, opt Options) {
	if qn.Script != names.ScriptCyrillic || opt.ReviewThreshold >= opt.Threshold {
		// Without a grey zone a phonetic hit would be a listing.
		return
	}
	k := phonKey(qn)
	if k == "" {
		return
	}
	for _, ni := range x.byPhon[k] {
		ln := &x.names[ni]
		if _, ok := best[ln.entry]; ok {
			continue
		}
		l, e := x.entry(ln.entry)
		h := x.newHit(qi, q, tax, l, e, ln.text)
		h.Score = opt.ReviewThreshold
		h.Reasons = []string{"sounds like the listed name when read back from Cyrillic (" + strings.Join(qn.CoreLat, " ") +
			" / " + ln.text + ", consonants “" + k + "”): a check for a firm whose name Cyrillic spells as it sounds, never a listing by itself"}
		best[ln.entry] = h
	}
}
