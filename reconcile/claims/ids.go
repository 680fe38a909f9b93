package claims

import (
	"slices"
	"strconv"
	"strings"
)

// Equal reports whether two claims are identical, field by field. Nil
// and empty lists are equal: both mean "no filter" and both write the
// same JSON.
func (c *Claim) Equal(o *Claim) bool {
	return c.ID == o.ID && c.Note == o.Note && c.Origin == o.Origin && c.SameAssertion(o)
}

// SameAssertion reports whether two claims assert the same thing: the
// same text, measure, figure and filters. Their IDs, notes and origins
// may differ (the same claim typed into two files).
func (c *Claim) SameAssertion(o *Claim) bool {
	return c.Text == o.Text && c.Measure == o.Measure && c.Unit == o.Unit && c.Comparator == o.Comparator &&
		c.Figure == o.Figure && c.TolerancePct == o.TolerancePct && c.Filters.Equal(&o.Filters)
}

// Equal reports whether two filters select the same way.
func (f *Filters) Equal(o *Filters) bool {
	return slices.Equal(f.Consignee, o.Consignee) && slices.Equal(f.Shipper, o.Shipper) &&
		slices.Equal(f.Origin, o.Origin) && slices.Equal(f.Dispatch, o.Dispatch) && slices.Equal(f.Destination, o.Destination) &&
		slices.Equal(f.HSPrefixes, o.HSPrefixes) && slices.Equal(f.Description, o.Description) &&
		f.From == o.From && f.To == o.To && f.PartyListed == o.PartyListed && f.GoodsList == o.GoodsList
}

// EqualLists reports whether two lists hold equal claims in the same
// order.
func EqualLists(a, b []Claim) bool {
	return slices.EqualFunc(a, b, func(x, y Claim) bool { return x.Equal(&y) })
}

// NextID returns the first free "C<n>" claim ID, counting from one past
// the number of claims, so a new claim gets the number a reader expects.
// IDs compare case-insensitively, as Excel does.
func NextID(cs []Claim) string {
	taken := make(map[string]bool, len(cs))
	for _, c := range cs {
		taken[strings.ToLower(c.ID)] = true
	}
	for n := len(cs) + 1; ; n++ {
		id := "C" + strconv.Itoa(n)
		if !taken[strings.ToLower(id)] {
			return id
		}
	}
}

// Add appends the claims of more that cs does not assert yet (see
// SameAssertion), giving a claim whose ID is missing or taken the next
// free ID. It returns the new list and how many claims were added and how
// many were already there. cs is not modified.
func Add(cs, more []Claim) (out []Claim, added, same int) {
	out = append([]Claim(nil), cs...)
	for _, c := range more {
		if slices.ContainsFunc(out, func(have Claim) bool { return have.SameAssertion(&c) }) {
			same++
			continue
		}
		taken := c.ID == "" || slices.ContainsFunc(out, func(have Claim) bool { return strings.EqualFold(have.ID, c.ID) })
		if taken {
			c.ID = NextID(out)
		}
		out = append(out, c)
		added++
	}
	return out, added, same
}
