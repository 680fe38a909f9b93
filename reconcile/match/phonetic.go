package match

import (
	"fmt"
	"strings"

	"tradecheck/reconcile/names"
)

// soundGroupMax is the most units one phonetic key may gather before it
// is taken for a common skeleton and left out: review pairs are for
// checking, and a skeleton shared by many names says nothing.
const soundGroupMax = 6

// reviewSoundAlike sends to review pairs of a Cyrillic and a Latin name
// whose cores have one phonetic key (names.PhoneticKey): a foreign firm
// written as it sounds in a Russian declaration (СКАЙЛАЙН ДРОНС ФЗКО /
// SKYLINE DRONES FZ-CO). They share no word, so scoring never compared
// them; the key is too coarse to merge on, so they are only put before
// the user, with the skeleton as the reason.
func (c *clusterer) reviewSoundAlike() {
	type side struct{ cyr, lat []int }
	groups := map[string]*side{}
	keys := make([]string, len(c.units))
	forEach(len(c.units), func(u int) {
		n := c.profs[u].n
		if c.units[u].pinned || !n.Distinctive || n.Cut {
			return
		}
		if n.Script != names.ScriptCyrillic && n.Script != names.ScriptLatin {
			return
		}
		keys[u] = names.PhoneticKey(n)
	})
	for u := range c.units {
		n := c.profs[u].n
		k := keys[u]
		if k == "" {
			continue
		}
		g := groups[k]
		if g == nil {
			g = &side{}
			groups[k] = g
		}
		if n.Script == names.ScriptCyrillic {
			g.cyr = append(g.cyr, u)
		} else {
			g.lat = append(g.lat, u)
		}
	}
	for k, g := range groups {
		if len(g.cyr) == 0 || len(g.lat) == 0 || len(g.cyr)+len(g.lat) > soundGroupMax {
			continue
		}
		for _, u := range g.cyr {
			for _, v := range g.lat {
				x, y := c.find(u), c.find(v)
				if x == y || c.conflict(x, y) || c.hasCannot(u, v) || numbersDiffer(c.profs[u].n, c.profs[v].n) {
					continue
				}
				c.crossReview(x, y, u, v, fmt.Sprintf(
					"sounds alike when read back from Cyrillic: %s / %s, consonants “%s” — a foreign name written as it sounds? check, never merged on this alone",
					c.profs[u].n.Display(), c.profs[v].n.Display(), k))
			}
		}
	}
}

// reviewTranslated sends to review pairs of a Latin name and a Cyrillic
// or Han name whose words are the same once the common company words are
// translated (names.TranslationKey): КИТАЙСКАЯ СЕВЕРНАЯ ПРОМЫШЛЕННАЯ
// КОРПОРАЦИЯ (NORINCO) / CHINA NORTH INDUSTRIES CORP. (NORINCO), ООО
// «Судостроительный комплекс «Звезда»» / SHIPBUILDING COMPLEX ZVEZDA LLC.
// Generic words translate too readily to merge on: review only.
func (c *clusterer) reviewTranslated() {
	type side struct {
		other, lat []int
		why        map[int][]string
	}
	groups := map[string]*side{}
	keys := make([]string, len(c.units))
	trs := make([][]string, len(c.units))
	forEach(len(c.units), func(u int) {
		n := c.profs[u].n
		if c.units[u].pinned || !n.Distinctive || n.Cut {
			return
		}
		keys[u], trs[u] = names.TranslationKey(n)
	})
	for u := range c.units {
		n := c.profs[u].n
		k, tr := keys[u], trs[u]
		if k == "" || !strings.Contains(k, " ") {
			continue
		}
		g := groups[k]
		if g == nil {
			g = &side{why: map[int][]string{}}
			groups[k] = g
		}
		switch n.Script {
		case names.ScriptLatin:
			g.lat = append(g.lat, u)
		case names.ScriptCyrillic, names.ScriptHan:
			g.other = append(g.other, u)
			g.why[u] = tr
		}
	}
	for _, g := range groups {
		if len(g.other) == 0 || len(g.lat) == 0 || len(g.other)+len(g.lat) > soundGroupMax {
			continue
		}
		for _, u := range g.other {
			for _, v := range g.lat {
				x, y := c.find(u), c.find(v)
				if x == y || c.conflict(x, y) || c.hasCannot(u, v) || numbersDiffer(c.profs[u].n, c.profs[v].n) {
					continue
				}
				c.crossReview(x, y, u, v, "same words in translation: "+strings.Join(g.why[u], ", ")+
					" — a translated name? check, never merged on this alone")
			}
		}
	}
}

// crossReview puts units u and v (of clusters x and y) in review with
// reason why, or adds why to the reasons of the pair already there.
func (c *clusterer) crossReview(x, y, u, v int, why string) {
	k := [2]int{min(x, y), max(x, y)}
	if p, ok := c.review[k]; ok {
		p.Reasons = append(p.Reasons, why)
		c.review[k] = p
		return
	}
	c.addReview(u, v, c.opt.ReviewThreshold, why)
}

// reviewPinyin sends to review pairs of a Han name and a Latin name whose
// first words, written together, are the pinyin of the Han name's place
// and brand (湛江国联… / ZHANJIANG GUOLIAN AQUATIC PRODUCTS CO., LTD).
func (c *clusterer) reviewPinyin() {
	han := map[string][]int{}
	for u := range c.units {
		if n := c.profs[u].n; !c.units[u].pinned {
			if k := names.HanLead(n); len(k) >= 6 {
				han[k] = append(han[k], u)
			}
		}
	}
	if len(han) == 0 {
		return
	}
	lat := map[string][]int{}
	for u := range c.units {
		n := c.profs[u].n
		if c.units[u].pinned || !n.Distinctive || n.Cut {
			continue
		}
		for _, k := range names.LatinLeads(n) {
			if _, ok := han[k]; ok {
				lat[k] = append(lat[k], u)
			}
		}
	}
	for k, hs := range han {
		ls := lat[k]
		if len(ls) == 0 || len(hs)+len(ls) > soundGroupMax {
			continue
		}
		for _, u := range hs {
			for _, v := range ls {
				x, y := c.find(u), c.find(v)
				if x == y || c.conflict(x, y) || c.hasCannot(u, v) || numbersDiffer(c.profs[u].n, c.profs[v].n) {
					continue
				}
				c.crossReview(x, y, u, v, fmt.Sprintf("the Chinese name's first characters read in pinyin %q, as the Latin name starts"+
					" — its Latin name? check, never merged on this alone", strings.ToUpper(k)))
			}
		}
	}
}

// numbersDiffer reports two names that both carry numbers, not the same
// ones: the keys of the cross-script passes leave numbers out, and 61 and
// 103 BRONETANKOVYY REMONTNYY ZAVOD are two plants, not one name in two
// scripts (measured: most false pairs of these passes on the alias lists).
func numbersDiffer(a, b *names.Name) bool {
	return len(a.Numbers) > 0 && len(b.Numbers) > 0 && !sameSet(a.Numbers, b.Numbers)
}
