package match

import (
	"fmt"
	"slices"
	"strings"

	"tradecheck/reconcile/names"
)

// cutMinLetters is the fewest letters a cut name must keep past its legal
// form for its start to point at a few firms: OTKRYTOE AKTSIONERNOE
// OBSHCHESTVO V keeps one and starts every firm whose name begins with V.
const cutMinLetters = 8

// cutMaxFirms is the most firms a cut name may start and still be put
// before the user, beside each of them. Past that the start says nothing,
// and the pairs would flood the review queue: measured on set (c)'s tune
// half, a fifth firm added pairs and no true one.
const cutMaxFirms = 4

// cutScanLimit bounds the names one cut start is compared with: a start
// that hundreds of names share is left alone anyway.
const cutScanLimit = 256

// A cut name's start is read three ways, from the loosest to the
// narrowest. The narrowest reading that names one to cutMaxFirms firms is
// the one put before the user.
const (
	// cutCore: the letters past the legal form, spaces and punctuation
	// ignored, against names whose legal form is of the same kind or
	// missing (AO NAUCHNO-ISSLEDOVATELSKIY INSTITU starts JSC
	// Nauchno-Issledovatelskiy Institut Girikond and АО «НИИ …»).
	cutCore = iota
	// cutLetters: the letters with the legal form as written (AO …
	// starts AO …, not JSC …): a clerk writes a firm's form the same way
	// each time, so the firms written alike are the likelier ones.
	cutLetters
	// cutWritten: the characters as written, case aside (quotes,
	// hyphens and spaces in place): the name the cut was taken from.
	cutWritten
)

// reviewCutStarts puts before the user the names that may be cut at a
// field width and say too little to match on their own (legal form and
// generic words: JSC ‘SCIENTIFIC AND ENGINEERING ENT, PJSC ‘NATIONAL
// COMMERCIAL INVESTMENT B) beside each firm whose name they may be the
// start of, never merged, when those are one to cutMaxFirms firms. Of the
// three readings of its start (its very characters, its letters with the
// legal form as written, its letters past the form), the narrowest that
// names one to cutMaxFirms firms is used: when many firms' names start
// with its words, those written as the cut name is (the same clerk's
// spelling) are the likelier. A start shared by more firms than that
// under every reading says nothing and is left alone, and so is a name
// cut to its legal form and a few letters
// (OBSHCHESTVO S OGRANICHENNOI OTVETSTV starts every long-form LLC):
// the entity of such a name says why it is alone (noteUnmatchable). Runs
// after linking, on clusters.
func (c *clusterer) reviewCutStarts() {
	var cuts, formEnds []int
	isCut := func(u int) bool {
		p := c.profs[u]
		return p.cut && !p.indexable() && !c.units[u].pinned
	}
	for u, p := range c.profs {
		switch {
		case p.n.FormOnly && !c.units[u].pinned:
			c.noteUnmatchable(u, formOnlyNote(p))
		case isCut(u):
			cuts = append(cuts, u)
		case endsInFormAtWidth(p) && !c.units[u].pinned:
			formEnds = append(formEnds, u)
		}
	}
	if len(cuts)+len(formEnds) == 0 {
		return
	}
	core := make([]string, len(c.profs))
	forEach(len(c.profs), func(u int) { core[u] = coreLetters(c.profs[u].n) })
	s := &cutScan{c: c, core: core, letters: map[int]string{}, written: map[int]string{}}
	for u := range c.profs {
		if !isCut(u) {
			s.all = append(s.all, u)
		}
	}
	slices.SortFunc(s.all, func(a, b int) int { return strings.Compare(core[a], core[b]) })
	alike := map[string][]int{} // cut names put before the user, by letters as written
	for _, u := range cuts {
		n := c.profs[u].n
		var found [3]firmsFound
		if len(core[u]) >= 3 {
			found = s.starts(u)
		}
		if len(found[cutCore].firms) == 0 {
			if len(core[u]) < cutMinLetters {
				c.noteUnmatchable(u, fmt.Sprintf("may be cut at %d characters: only its legal form and %q are left before the cut, too few letters to tell one firm from another; it cannot be matched by name: match it on a tax ID or by hand",
					TruncationWidth, strings.ToUpper(strings.Join(n.CoreLat, " "))))
			}
			continue
		}
		placed := false
		for reading := cutWritten; reading >= cutCore && !placed; reading-- {
			f := found[reading]
			if len(f.firms) == 0 || len(f.firms) > cutMaxFirms {
				continue
			}
			for _, first := range f.firsts {
				c.addReview(u, first, c.opt.ReviewThreshold, cutStartReason(reading, c.profs[first].n.Original, len(f.firms), len(found[cutCore].firms)))
			}
			placed = true
			alike[lettersKey(n)] = append(alike[lettersKey(n)], u)
		}
		if !placed {
			c.noteUnmatchable(u, fmt.Sprintf("may be cut at %d characters: only a legal form and generic words are left before the cut, the start of %d firms' names here, too many to tell which; it cannot be matched by name: match it on a tax ID or by hand",
				TruncationWidth, len(found[cutCore].firms)))
		}
	}
	// The same cut name written twice (AO NAUCHNO-ISSLEDOVATELSKIY
	// INSTITU, AO Nauchno-Issledovatelskiy Institu) may be one firm's or
	// two firms': the two are put beside each other too, so that the
	// user decides them together. Each is beside the same firms.
	for _, us := range alike {
		for i := range us {
			for j := i + 1; j < len(us); j++ {
				c.addReview(us[i], us[j], c.opt.ReviewThreshold, fmt.Sprintf("the same cut name as %q, both perhaps cut at %d characters: one firm if both are the start of the same firm's name, two if not",
					strings.TrimSpace(c.profs[us[j]].n.Original), TruncationWidth))
			}
		}
	}
	// A name that ends in a legal form at the width is whole or cut just
	// after the form: the names that go on past its letters, form as
	// written included, are put beside it (formEndScore sees only the
	// pairs the index offers, and misses UNITED SHIPBUILDING CORPORATION
	// JSC when many firms share its words).
	for _, u := range formEnds {
		if len(core[u]) < cutMinLetters {
			continue
		}
		f := s.starts(u)[cutLetters]
		if len(f.firms) == 0 || len(f.firms) > cutMaxFirms {
			continue
		}
		for _, first := range f.firsts {
			c.addReview(u, first, c.opt.ReviewThreshold, formEndReason(c.profs[u].n.Original, c.profs[first].n.Original, len(f.firms)))
		}
	}
}

// cutScan finds the names a cut name may be the start of: units sorted by
// core letters (all), and the spellings of each read as written, once.
type cutScan struct {
	c                *clusterer
	core             []string // coreLetters per unit
	all              []int    // units that are not cut names, by core
	letters, written map[int]string
}

// starts finds, for each reading, the distinct firms (clusters) whose
// names go on past unit u's start; none when u is linked to one already.
func (s *cutScan) starts(u int) (found [3]firmsFound) {
	c, k, n := s.c, s.core[u], s.c.profs[u].n
	cs := cutStart{letters: lettersKey(n), written: asWritten(n)}
	// The cut may fall inside a letter group that keys otherwise (kh
	// cut to k): one letter less.
	pre := k[:len(k)-1]
	i, _ := slices.BinarySearchFunc(s.all, pre, func(v int, t string) int { return strings.Compare(s.core[v], t) })
	own := c.find(u)
	short := len(k) < cutMinLetters
	for end := min(len(s.all), i+cutScanLimit); i < end && strings.HasPrefix(s.core[s.all[i]], pre); i++ {
		v := s.all[i]
		whole := s.core[v] == k // the cut fell after its last word: ZAKRITOE AKCIONERNOE OBSCHESTVO VAD is ZAO VAD
		if !whole && (short || len(s.core[v]) <= len(k)+1) || !sameFormKind(n, c.profs[v].n) {
			continue // not longer: no name it is the start of
		}
		r := c.find(v)
		if r == own {
			return [3]firmsFound{} // linked already: it is that firm's
		}
		found[cutCore].add(r, v)
		if s.startsLetters(v, cs) {
			found[cutLetters].add(r, v)
		}
		if s.startsWritten(v, cs) {
			found[cutWritten].add(r, v)
		}
	}
	return found
}

// noteUnmatchable records why a name no rule can place by its name is
// alone, for its entity's reason (entities.go): shown as "core" it looked
// like a firm of its own.
func (c *clusterer) noteUnmatchable(u int, why string) {
	if c.unmatchable == nil {
		c.unmatchable = map[int]string{}
	}
	c.unmatchable[u] = why
}

// formOnlyNote says that a name is only a legal form, whole (OOO) or cut
// at a field width inside it (OBSHCHESTVO S OGRANICHENNOI OTVETSTV): it
// names no firm, only the form, and every firm of that form starts with
// it, so it is never put beside one.
func formOnlyNote(p *profile) string {
	if p.n.Cut || p.runeLen >= TruncationWidth-2 && p.runeLen <= TruncationWidth {
		// About 35 characters: cut, even when the cut left whole words
		// that read as a form (Obshchestvo s ogranichennoy otvetst).
		return fmt.Sprintf("cut at %d characters inside its legal form: it names no firm, only the form, and could be any firm of that form; it cannot be matched by name: match it on a tax ID or by hand", TruncationWidth)
	}
	return "only a legal form: it names no firm; it cannot be matched by name: match it on a tax ID or by hand"
}

// entityReason is the reason a unit joined its cluster; for the core unit,
// "core", with why
// it cannot be matched by name when it is a name no rule can place and
// nothing else (a tax ID, the user) joined it to a firm.
func (c *clusterer) entityReason(root, u int) string {
	why := c.unmatchable[u]
	if why == "" || u != c.core[root] || c.size[root] > 1 || c.cTax[root] != "" {
		return c.reason[u]
	}
	return c.reason[u] + "; " + why
}

// firmsFound is the distinct firms (cluster roots) a cut name starts, with
// the first name of each.
type firmsFound struct{ firms, firsts []int }

func (f *firmsFound) add(root, unit int) {
	if !slices.Contains(f.firms, root) {
		f.firms, f.firsts = append(f.firms, root), append(f.firsts, unit)
	}
}

// cutStartReason explains a cut-name review pair: what the name is the
// start of, read how, and how many other firms it could be.
func cutStartReason(reading int, other string, firms, anyForm int) string {
	other = strings.TrimSpace(other)
	head := fmt.Sprintf("may be cut at %d characters: ", TruncationWidth)
	tail := "; too little is left before the cut to merge on"
	if firms > 1 {
		tail += ", or to tell which"
	}
	switch reading {
	case cutLetters:
		return head + fmt.Sprintf("with its legal form as written, it is the start of %q%s; %d firms' names here start with its words under any spelling of the form",
			other, andOthers(firms, " written alike"), anyForm) + tail
	case cutWritten:
		return head + fmt.Sprintf("it is the start, character for character, of %q%s; %d firms' names here start with its words",
			other, andOthers(firms, " so written"), anyForm) + tail
	}
	if firms == 1 {
		return head + fmt.Sprintf("it is the start of %q, and of no other firm's name here", other) + tail
	}
	return head + fmt.Sprintf("it is the start of %q%s", other, andOthers(firms, " here")) + tail
}

func andOthers(firms int, how string) string {
	switch firms {
	case 1:
		return ""
	case 2:
		return " and of 1 other firm's name" + how
	}
	return fmt.Sprintf(" and of %d other firms' names%s", firms-1, how)
}

// sameFormKind reports whether a cut name may be the start of another by
// legal form: the same kind of form, kinds that swap freely (LLC, Ltd),
// or a form on one side only. JSC SCIENTIFIC PRODUCTION ASSOCIATI is not
// the start of LLC Scientific Production Association ….
func sameFormKind(a, b *names.Name) bool {
	ca, cb := a.Class(), b.Class()
	return ca == "" || cb == "" || ca == cb || ca.Loose() && cb.Loose()
}

// cutStart is a cut name's start read with its legal form as written.
type cutStart struct{ letters, written string }

// startsLetters reports whether one of unit v's spellings goes on past
// the cut start's letters, legal form included (one letter less, as for
// the core). A unit groups spellings with the same core and kind of
// legal form written with different forms (AO, JSC, Akcionernoe
// obschestvo), so each is read.
func (s *cutScan) startsLetters(v int, cs cutStart) bool {
	pre := cs.letters[:max(0, len(cs.letters)-1)]
	for _, m := range s.c.units[v].mentions {
		k, ok := s.letters[m]
		if !ok {
			k = lettersKey(s.c.an[m])
			s.letters[m] = k
		}
		if len(k) > len(cs.letters)+1 && strings.HasPrefix(k, pre) {
			return true
		}
	}
	return false
}

// startsWritten reports whether one of unit v's spellings goes on past the
// cut start's characters as written.
func (s *cutScan) startsWritten(v int, cs cutStart) bool {
	for _, m := range s.c.units[v].mentions {
		k, ok := s.written[m]
		if !ok {
			k = asWritten(s.c.an[m])
			s.written[m] = k
		}
		if len(k) > len(cs.written)+1 && strings.HasPrefix(k, cs.written) {
			return true
		}
	}
	return false
}

// lettersKey is every token of a name written together and keyed: legal
// forms and generic words included, spacing ignored.
func lettersKey(n *names.Name) string {
	return names.Key(strings.Join(n.Tokens, ""))
}

// coreLetters is the tokens past the legal form written together and
// keyed: generic words and numbers included, spacing ignored.
func coreLetters(n *names.Name) string {
	var b strings.Builder
	for i, t := range n.Tokens {
		if !n.Legal[i] {
			b.WriteString(t)
		}
	}
	return names.Key(b.String())
}

// asWritten is a name as written, spaces collapsed and case folded.
func asWritten(n *names.Name) string {
	return strings.ToLower(n.Clean)
}
