package goods

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Selector picks the codes of a list, or of some of its tiers: what a
// claim's goods_list column says ("chpl", "chpl:1", "chpl:3.A",
// "chpl:1,2"). A tier written "3a", "3A" or "3.a" is 3.A; "3" takes 3.A
// and 3.B.
type Selector struct {
	List  *List
	Tiers []string // nil: every code of the list
}

// ErrBadSelector is wrapped by ParseSelector's errors.
var ErrBadSelector = errors.New("bad goods list")

// ParseSelector reads "NAME" or "NAME:TIER[,TIER…]", NAME being the short
// name of one of the lists (the CHPL's is "chpl").
func ParseSelector(s string, lists ...*List) (Selector, error) {
	name, tiers, _ := strings.Cut(strings.TrimSpace(s), ":")
	name = strings.ToLower(strings.TrimSpace(name))
	var l *List
	var known []string
	for _, x := range lists {
		known = append(known, x.Short)
		if x.Short == name {
			l = x
		}
	}
	if l == nil {
		return Selector{}, fmt.Errorf("%w: %q is not a list here (known: %s)", ErrBadSelector, name, strings.Join(known, ", "))
	}
	sel := Selector{List: l}
	if strings.TrimSpace(tiers) == "" {
		return sel, nil
	}
	have := l.Tiers()
	for _, t := range strings.FieldsFunc(tiers, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		t = normTier(t)
		n := 0
		for _, h := range have {
			if h == t || strings.HasPrefix(h, t+".") {
				if !slices.Contains(sel.Tiers, h) {
					sel.Tiers = append(sel.Tiers, h)
				}
				n++
			}
		}
		if n == 0 {
			return Selector{}, fmt.Errorf("%w: %s has no tier %q (tiers: %s)", ErrBadSelector, l.Short, t, strings.Join(have, ", "))
		}
	}
	return sel, nil
}

// normTier writes a tier as the list does: "3a" → "3.A".
func normTier(t string) string {
	t = strings.ToUpper(strings.TrimSpace(t))
	t = strings.TrimPrefix(t, "TIER")
	t = strings.TrimSpace(t)
	if len(t) == 2 && t[0] >= '0' && t[0] <= '9' && t[1] >= 'A' && t[1] <= 'Z' {
		t = t[:1] + "." + t[1:]
	}
	return t
}

// Match reports whether a code is selected.
func (s Selector) Match(code string) bool {
	it, ok := s.List.Lookup(code)
	if !ok {
		return false
	}
	return s.Tiers == nil || slices.Contains(s.Tiers, it.Tier)
}

// String is the selector as written back: "chpl:3.A,3.B".
func (s Selector) String() string {
	if s.List == nil {
		return ""
	}
	if len(s.Tiers) == 0 {
		return s.List.Short
	}
	return s.List.Short + ":" + strings.Join(s.Tiers, ",")
}
