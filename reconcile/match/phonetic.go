package match

import (
	"fmt"

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
	for u := range c.units {
		n := c.profs[u].n
		if c.units[u].pinned || !n.Distinctive || n.Cut {
			continue
		}
		if n.Script != names.ScriptCyrillic && n.Script != names.ScriptLatin {
			continue
		}
		k := names.PhoneticKey(n)
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
				if x == y || c.conflict(x, y) || c.hasCannot(u, v) {
					continue
				}
				if _, ok := c.review[[2]int{min(x, y), max(x, y)}]; ok {
					continue
				}
				c.addReview(u, v, c.opt.ReviewThreshold, fmt.Sprintf(
					"sounds alike when read back from Cyrillic: %s / %s, consonants “%s” — a foreign name written as it sounds? check, never merged on this alone",
					c.profs[u].n.Display(), c.profs[v].n.Display(), k))
			}
		}
	}
}
