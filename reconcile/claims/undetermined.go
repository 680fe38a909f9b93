package claims

import (
	"math"
	"slices"
	"strings"

	"tradecheck/reconcile/merge"
)

// undetermined adds up the shipments that may be in scope: those whose
// only failures are on fields no source records (a country, the date, the
// HS code), on a date whose two readings disagree, or on a party whose
// listing awaits review. However many such fields a shipment lacks (a B/L
// row has neither dispatch nor destination), it widens the upper bound by
// its value, or opens it when it lacks the measure, instead of being
// counted out: "not recorded" is not "not so".
type undetermined struct {
	sum  float64
	open bool
}

// What UndeterminedWhat holds besides the names of unrecorded fields
// ("dispatch", "HS code").
const (
	WhatDateOrder = "date order"        // the date's day and month cannot be told apart
	WhatListing   = "pending screening" // the party's screening hit awaits review
)

// unknownWhat names what is undecided about sh on each filter of mask.
func (k *Checker) unknownWhat(sh *merge.Shipment, mask uint16) []string {
	var out []string
	for i, f := range filterOrder {
		if mask&(1<<i) == 0 {
			continue
		}
		w := f // origin, dispatch, destination, date
		switch {
		case f == FilterHS || f == FilterGoods:
			w = "HS code"
		case f == FilterListed:
			w = WhatListing
		case f == FilterDate && len(k.readings(sh)) > 0:
			w = WhatDateOrder
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func (u *undetermined) add(v *Verdict, r Row, what []string) {
	v.Undetermined++
	for _, w := range what {
		if !slices.Contains(v.UndeterminedWhat, w) {
			v.UndeterminedWhat = append(v.UndeterminedWhat, w)
		}
	}
	if r.Value.Valid {
		u.sum += r.Value.Value
	} else {
		u.open = true
	}
}

// widen moves the upper bound to cover the undetermined shipments.
func (u *undetermined) widen(v *Verdict) {
	if v.Undetermined == 0 {
		return
	}
	if u.open {
		v.Upper = math.Inf(1)
		return
	}
	v.Upper = round(v.Upper + u.sum)
}

// unknownDetail says, for every undetermined filter of sh, what it has:
// "dispatched from unknown; destination unknown (may be in scope)".
func (k *Checker) unknownDetail(sc *scope, sh *merge.Shipment, mask uint16) string {
	var parts []string
	for i, f := range filterOrder {
		if mask&(1<<i) != 0 {
			parts = append(parts, k.detail(sc, sh, f))
		}
	}
	return strings.Join(parts, "; ") + " (may be in scope)"
}
