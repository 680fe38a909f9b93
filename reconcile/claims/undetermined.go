package claims

import (
	"math"
	"slices"

	"tradecheck/reconcile/merge"
)

// unrecorded reports whether the one filter a shipment misses is a field
// the shipment has no value for: a country, its date or its HS code. Such
// a shipment is undetermined, not out of scope.
func unrecorded(filter string, sh *merge.Shipment) bool {
	switch filter {
	case FilterDate:
		return !sh.Date.Known()
	case FilterHS, FilterGoods:
		return sh.HSCode == ""
	case FilterOrigin:
		return sh.Origin == ""
	case FilterDispatch:
		return sh.Dispatch == ""
	case FilterDestination:
		return sh.Destination == ""
	}
	return false
}

// undetermined adds up the shipments that may be in scope: the upper
// bound grows by each one's value, or opens when one lacks the measure.
type undetermined struct {
	sum  float64
	open bool
}

func (u *undetermined) add(v *Verdict, r Row, filter string) {
	v.Undetermined++
	what := filter // origin, dispatch, destination, date
	if filter == FilterHS || filter == FilterGoods {
		what = "HS code"
	}
	if !slices.Contains(v.UndeterminedWhat, what) {
		v.UndeterminedWhat = append(v.UndeterminedWhat, what)
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
