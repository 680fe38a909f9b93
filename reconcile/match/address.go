package match

// noteAddresses adds to the reason of each member whose name carried an
// address (names.SplitAddress) that the address was split off and matched
// without: the user sees what was compared, and the address stays as
// evidence of the firm's city and country.
func (c *clusterer) noteAddresses(e *Entity) {
	for k, m := range e.Members {
		if m < 0 || m >= len(c.an) || k >= len(e.Reasons) {
			continue
		}
		if note := c.an[m].AddressNote(); note != "" {
			if e.Reasons[k] == "" {
				e.Reasons[k] = note
			} else {
				e.Reasons[k] += "; " + note
			}
		}
	}
}
