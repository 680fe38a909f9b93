package totals

import "tradecheck/reconcile/goods"

// chpl is the bundled Common High Priority List, read once; it is only
// read from.
var chpl = goods.CHPL()

// CHPLTier returns the CHPL tier of an HS code ("1", "3.A"), "" when the
// code is not on the list (or has fewer than six digits).
func CHPLTier(code string) string { return chpl.Tier(code) }

// Keys of the CHPL tier grouping that are not tiers.
const (
	NotOnCHPL = "(not on CHPL)" // a code of six digits or more that is not on the list
)

// tierKey is the group key and label of a code's CHPL tier: "Tier 3.A"
// (a key that does not start with a digit, for COUNTIFS), NotOnCHPL, or
// unknownKey for a code too short to place.
func tierKey(code string) (key, label string) {
	if t := CHPLTier(code); t != "" {
		return "Tier " + t, "CHPL tier " + t
	}
	if len(digits(code)) < 6 {
		return unknownKey, unknownKey
	}
	return NotOnCHPL, NotOnCHPL
}

// TierKey is tierKey for the workbook's CHPL tier column.
func TierKey(code string) string {
	k, _ := tierKey(code)
	return k
}

// CHPLList is the bundled list this package reads tiers from. Callers
// must not change it.
func CHPLList() *goods.List { return chpl }
