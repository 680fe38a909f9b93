package claims

import (
	"math"
	"strconv"
	"strings"

	"tradecheck/reconcile/names"
)

// normalizeText folds case, diacritics and punctuation (names.Normalize).
func normalizeText(s string) string { return names.Normalize(s) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// MissingWhat says how many shipments lack the claim's measure: "2
// shipments without weight".
func MissingWhat(c *Claim, n int) string {
	switch c.Measure {
	case Tonnes:
		return plural(n, "shipment", "shipments") + " without weight"
	case ValueUSD:
		return plural(n, "shipment", "shipments") + " without a USD value"
	case Shipments:
		return plural(n, "monthly aggregate line", "monthly aggregate lines") + " (each one or more shipments)"
	}
	return plural(n, "shipment", "shipments") + " without a quantity in " + c.Unit
}

// found describes the computed figure: "12.6 t in 6 shipments" or "at
// least 155.067 t in 27 shipments (1 shipment without weight, whose
// weight is unknown, so no upper bound)".
func found(v *Verdict) string {
	if v.Undetermined == 0 {
		return foundKnown(v)
	}
	c := &v.Claim
	note := undeterminedNote(v)
	if v.Missing == 0 {
		hi := "no upper bound"
		if !math.IsInf(v.Upper, 1) {
			hi = FormatFigure(c.Measure, c.Unit, v.Upper)
		}
		return "between " + FormatFigure(c.Measure, c.Unit, v.Lower) + " and " + hi + " (" +
			plural(len(v.InScope), "shipment", "shipments") + " in scope; " + note + ")"
	}
	return foundKnown(v) + "; also, " + note + ", up to " + FormatFigure(c.Measure, c.Unit, v.Upper)
}

// undeterminedNote says why shipments may be in scope: "2 shipments pass
// every other filter but have no dispatch or destination recorded, so may
// be in scope".
func undeterminedNote(v *Verdict) string {
	var fields, other []string
	for _, w := range v.UndeterminedWhat {
		switch w {
		case WhatDateOrder:
			other = append(other, "a date whose day and month cannot be told apart")
		case WhatListing:
			other = append(other, "a party whose screening hit awaits review")
		default:
			fields = append(fields, w)
		}
	}
	have := "have"
	if v.Undetermined == 1 {
		have = "has"
	}
	var why []string
	if len(fields) > 0 {
		why = append(why, "no "+strings.Join(fields, " or ")+" recorded")
	}
	why = append(why, other...)
	return plural(v.Undetermined, "shipment passes", "shipments pass") + " every other filter but " + have + " " +
		strings.Join(why, ", or ") + ", so may be in scope"
}

// foundKnown is found for shipments whose filters are all decided.
func foundKnown(v *Verdict) string {
	c := &v.Claim
	n := plural(len(v.InScope), "shipment", "shipments")
	if v.Missing == 0 {
		if c.Measure == Shipments {
			return FormatFigure(c.Measure, c.Unit, v.Lower) + itemsText(v)
		}
		return FormatFigure(c.Measure, c.Unit, v.Lower) + " in " + n
	}
	lo := FormatFigure(c.Measure, c.Unit, v.Lower)
	if c.Measure == Shipments {
		return "at least " + lo + " (" + MissingWhat(c, v.Missing) + ", so no upper bound)"
	}
	its := "its"
	if v.Missing > 1 {
		its = "their"
	}
	return "at least " + lo + " in " + n + " (" + MissingWhat(c, v.Missing) + ": " + its + " " + measureWord(c) +
		" could be anything, so no upper bound)"
}

// measureWord names the measure a shipment can lack.
func measureWord(c *Claim) string {
	switch c.Measure {
	case Tonnes:
		return "weight"
	case ValueUSD:
		return "value"
	}
	return "quantity"
}

// reason writes the verdict's plain-language reason.
func reason(v *Verdict) string {
	c := &v.Claim
	claim := "the claim says " + c.Expected()
	var b strings.Builder
	b.WriteString(v.Kind.Label())
	b.WriteString(": ")
	switch v.Kind {
	case NothingFound:
		b.WriteString("no shipment passes every filter (" + c.Filters.String() + ")")
		if v.NearTotal > 0 {
			b.WriteString("; " + plural(v.NearTotal, "shipment misses", "shipments miss") + " exactly one: " + nearList(v.Near, v.NearTotal, 5))
		}
		b.WriteString(".")
		if !v.Covered {
			b.WriteString(" Note: " + v.Gap + ".")
		}
	case Supported:
		b.WriteString(found(v) + ", and " + claim)
		switch {
		case math.IsInf(v.Upper, 1):
			b.WriteString(", which holds however much " + unknownRest(v) + " add")
		case v.Missing > 0 || v.Undetermined > 0:
			b.WriteString(", which holds at both bounds")
		}
		b.WriteString(".")
		if !v.Covered {
			b.WriteString(" " + upperFirst(v.Gap) + ", but months not covered could only add to the figure, and the claim holds however much they add.")
		}
	case Contradicted:
		b.WriteString(found(v) + ", but " + claim)
		switch {
		case math.IsInf(v.Upper, 1):
			b.WriteString(", which the known figure already fails, and " + unknownRest(v) + " can only add to it")
		case v.Missing > 0 || v.Undetermined > 0:
			b.WriteString(", which fails at both bounds and everywhere between")
		}
		b.WriteString(".")
		if !v.Covered {
			b.WriteString(" " + upperFirst(v.Gap) + ", but months not covered could only add to the figure, which already exceeds the claim.")
		}
	case Insufficient:
		switch v.Why {
		case WhyStraddle:
			b.WriteString("the figure is " + found(v) + "; " + claim + ", " + straddle(v) + ".")
			if !v.Covered {
				b.WriteString(" Also, " + v.Gap + ".")
			}
		case WhyCoverage:
			if len(v.InScope) == 0 && v.Undetermined == 0 {
				b.WriteString("no shipment passes every filter (" + c.Filters.String() + "), but " + v.Gap +
					": the data cannot tell whether there were any; shipments in the months not covered could make the claim (" + c.Expected() + ") true")
				if v.NearTotal > 0 {
					b.WriteString("; " + plural(v.NearTotal, "shipment misses", "shipments miss") + " exactly one filter: " + nearList(v.Near, v.NearTotal, 5))
				}
				b.WriteString(".")
				break
			}
			b.WriteString(found(v) + ", but " + v.Gap + "; " + uncovered(v) + ".")
		default:
			return b.String() + "the claim cannot be checked."
		}
	}
	return b.String()
}

// unknownRest names what an unbounded figure leaves out: "the missing
// weights", "the monthly aggregate lines", "the shipments that may be in
// scope".
func unknownRest(v *Verdict) string {
	if v.Missing == 0 {
		return "the shipments that may be in scope"
	}
	switch v.Claim.Measure {
	case Tonnes:
		return "the missing weights"
	case ValueUSD:
		return "the missing values"
	case Shipments:
		return "the monthly aggregate lines"
	}
	return "the missing quantities"
}

// straddle says where the claim holds between the bounds.
func straddle(v *Verdict) string {
	in := claimInterval(&v.Claim)
	l, h := v.shown()
	lo, hi := in.holds(l), in.holds(h)
	if math.IsInf(v.Upper, 1) {
		// No upper bound to hold or fail at: say what the known figure
		// does and what the rest could do to it.
		if lo {
			return "which holds at the known figure but could fail once " + unknownRest(v) + " are added"
		}
		return "which fails at the known figure but could hold once " + unknownRest(v) + " are added"
	}
	switch {
	case lo && !hi:
		return "which holds at the lower bound but not at the upper one"
	case hi && !lo:
		return "which holds at the upper bound but not at the lower one"
	}
	return "which fails at both bounds but holds for figures between them"
}

// uncovered says what shipments in months no source covers could do to
// the claim. They can only add to the figure: a claim that holds now
// ("less than 100 t", "about 10 t") could become false, one that fails
// because the figure is too small ("more than 12 t") could become true.
func uncovered(v *Verdict) string {
	in := claimInterval(&v.Claim)
	c := v.Claim.Expected()
	if lo, hi := v.shown(); in.holds(lo) && in.holds(hi) {
		return "shipments in the months not covered could only add to the figure and could make the claim (" + c + ") false"
	}
	return "shipments in the months not covered could only add to the figure and could make the claim (" + c + ") true"
}

func nearList(ns []Near, total, max int) string {
	var parts []string
	for i, n := range ns {
		if i == max {
			parts = append(parts, "and "+strconv.Itoa(total-max)+" more")
			break
		}
		parts = append(parts, n.ID+" ("+n.Detail+")")
	}
	return strings.Join(parts, ", ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// itemsText says, for a shipment count that counts goods items of one
// declaration once, how many rows it stands for: " (3 goods items in 1
// declaration counted as one shipment)"; "" when every shipment in scope
// is a consignment of its own.
func itemsText(v *Verdict) string {
	if v.Items <= v.Consignments {
		return ""
	}
	word := v.ConsignmentWord
	if v.Consignments > 1 {
		word = map[string]string{"declaration": "declarations", "bill of lading": "bills of lading"}[word]
		if word == "" {
			word = "declarations or bills of lading"
		}
	}
	each := "counted as one shipment"
	if v.Consignments > 1 {
		each = "each counted as one shipment"
	}
	rows := "rows" // of a bill of lading: its containers, or goods under one B/L
	if v.ConsignmentWord == "declaration" {
		rows = "goods items"
	}
	return " (" + strconv.Itoa(v.Items) + " " + rows + " in " + strconv.Itoa(v.Consignments) + " " + word + ", " + each + ")"
}
