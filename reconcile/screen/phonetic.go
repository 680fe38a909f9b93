package screen

import (
	"strings"

	"tradecheck/reconcile/names"
)

// The phonetic key (names.PhoneticKey) lets a Cyrillic name written as
// it sounds (СКАЙЛАЙН ДРОНС) meet a Latin listed name (SKYLINE DRONES):
// a review hit only, the key is too coarse to list anyone by itself.

func phonKey(n *names.Name) string { return names.PhoneticKey(n) }

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
