package claims

import (
	"math"
	"time"
)

// bounds computes Lower, Upper and Missing. A shipment in scope without
// the measure leaves the figure without an upper bound: its weight or
// value is unknown, and any stand-in (such as the largest value in scope)
// would be a guess that can turn a true claim into a contradicted one.
func (k *Checker) bounds(v *Verdict, known []float64) {
	sum := 0.0
	for _, x := range known {
		sum += x
	}
	v.Lower = round(sum)
	aggregates := 0
	for _, r := range v.InScope {
		if r.Missing != "" {
			v.Missing++
			if v.Claim.Measure == Shipments {
				aggregates++
			}
		}
	}
	v.Upper = v.Lower
	if aggregates > 0 || v.Missing > 0 {
		v.Upper = math.Inf(1)
	}
}

// shown returns the bounds as the verdict prints them (FormatFigure's
// decimals: tonnes to the kilogram, other measures to the hundredth).
// The claim is judged on these: 999.99 kg read from "2,204.6 lbs" plus
// 499.99 kg is shown as 1.5 t, and "1.5 t, but the claim says at least
// 1.5 t" must not be a contradiction. A difference the shown figure
// cannot express is below the precision of the sources anyway.
func (v *Verdict) shown() (lo, hi float64) {
	return shownFigure(v.Claim.Measure, v.Lower), shownFigure(v.Claim.Measure, v.Upper)
}

func shownFigure(m Measure, x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	scale := 100.0
	if m == Tonnes {
		scale = 1000
	}
	return math.Round(x*scale) / scale
}

// round drops float noise below a millionth (sums of 0.1 t).
func round(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// coverage decides whether a single source covers the claim's range,
// judged by month: a source whose rows run from 2021-12 to 2023-01 covers
// 2022-01-01 to 2022-12-31.
func (k *Checker) coverage(v *Verdict, sc *scope) {
	if sc.from.IsZero() && sc.to.IsZero() {
		return
	}
	month := func(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }
	var minM, maxM int
	any := false
	for _, s := range k.d.Sources {
		from, to, ok := s.span()
		if !ok {
			continue
		}
		f, t := month(from), month(to)
		if !any || f < minM {
			minM = f
		}
		if !any || t > maxM {
			maxM = t
		}
		any = true
		if (sc.from.IsZero() || f <= month(sc.from)) && (sc.to.IsZero() || t >= month(sc.to)) {
			v.CoveredBy = append(v.CoveredBy, s.Source)
		}
	}
	v.Covered = len(v.CoveredBy) > 0
	if !v.Covered {
		rng := v.Claim.Filters.From + " to " + v.Claim.Filters.To
		switch {
		case v.Claim.Filters.From == "":
			rng = "up to " + v.Claim.Filters.To
		case v.Claim.Filters.To == "":
			rng = "from " + v.Claim.Filters.From
		}
		if any {
			mm := func(m int) string {
				return time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
			}
			v.Gap = "no source covers " + rng + " (the sources cover " + mm(minM) + " to " + mm(maxM) + " at most)"
			if (sc.from.IsZero() || minM <= month(sc.from)) && (sc.to.IsZero() || maxM >= month(sc.to)) {
				// Together the sources span the range, but none alone:
				// "at most" would read as covering it.
				v.Gap = "no one source covers " + rng + ": together the sources span " + mm(minM) + " to " + mm(maxM) + ", but each covers only part of it, and the months between may be missing from all"
			}
		} else {
			v.Gap = "no source has dated rows, so none covers " + rng
		}
	}
}

// interval is the set of figures that make a claim true.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

func claimInterval(c *Claim) interval {
	f := c.Figure
	// Sums of decimals carry float noise; a millionth of the figure (or
	// of 1) either way is treated as equal.
	eps := 1e-9*math.Max(1, math.Abs(f)) + 1e-7
	tol := c.Tolerance() / 100
	inf := math.Inf(1)
	switch c.Comparator {
	case MoreThan:
		return interval{lo: f + eps, hi: inf, loOpen: true}
	case AtLeast:
		return interval{lo: f - eps, hi: inf}
	case LessThan:
		return interval{lo: math.Inf(-1), hi: f - eps, hiOpen: true}
	case AtMost:
		return interval{lo: math.Inf(-1), hi: f + eps}
	case About:
		return interval{lo: f*(1-tol) - eps, hi: f*(1+tol) + eps}
	case Almost:
		return interval{lo: f*(1-tol) - eps, hi: f + eps}
	}
	return interval{lo: f - eps, hi: f + eps}
}

func (in interval) holds(x float64) bool {
	if math.IsInf(x, 1) {
		return math.IsInf(in.hi, 1)
	}
	return x >= in.lo && x <= in.hi
}

// disjoint reports whether no figure in [lo, hi] makes the claim true.
func (in interval) disjoint(lo, hi float64) bool {
	return hi < in.lo || lo > in.hi
}

func (k *Checker) decide(v *Verdict) {
	if len(v.InScope) == 0 && v.Undetermined == 0 && v.Covered {
		v.Kind = NothingFound
		return
	}
	// Nothing in scope but months no source covers is not "nothing":
	// those months could hold any amount, so the coverage rule below
	// decides (Insufficient data, unless the claim fails or holds
	// whatever they add). An editor reads "Nothing found" as "no such
	// imports".
	in := claimInterval(&v.Claim)
	lo, hi := v.shown()
	sup := in.holds(lo) && in.holds(hi)
	con := in.disjoint(lo, hi)
	if !v.Covered {
		// Months no source covers could add any amount: the figure can
		// only grow, so the upper bound is open.
		supC := in.holds(lo) && in.holds(math.Inf(1))
		conC := in.disjoint(lo, math.Inf(1))
		switch {
		case supC:
			v.Kind = Supported
		case conC:
			v.Kind = Contradicted
		case !sup && !con:
			v.Kind, v.Why = Insufficient, WhyStraddle
		default:
			v.Kind, v.Why = Insufficient, WhyCoverage
		}
		return
	}
	switch {
	case sup:
		v.Kind = Supported
	case con:
		v.Kind = Contradicted
	default:
		v.Kind, v.Why = Insufficient, WhyStraddle
	}
}
