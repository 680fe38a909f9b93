package totals

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
)

// Basis texts, at the start of Shipment.TonnesBasis / USDBasis.
const (
	BasisNet           = "net"
	BasisGross         = "gross"
	BasisGrossFallback = "gross (net missing)"
	BasisNoWeight      = "no weight"
	BasisValueUSD      = "value_usd"
	BasisConverted     = "converted"
	BasisNoRate        = "no USD equivalent"
	BasisNoValue       = "no value"
)

// Rates looks up user rates by currency and month.
type Rates struct{ m map[string]Rate }

// NewRates indexes rates; a later rate for the same currency and month
// wins.
func NewRates(rs []Rate) *Rates {
	r := &Rates{m: map[string]Rate{}}
	for _, x := range rs {
		if x.Currency != "" && x.ToUSD > 0 {
			r.m[x.Currency+"|"+x.Month] = x
		}
	}
	return r
}

// Lookup returns the rate for currency in month ("2022-06"), falling back
// to the currency's all-months rate.
func (r *Rates) Lookup(currency, month string) (Rate, bool) {
	if x, ok := r.m[currency+"|"+month]; ok {
		return x, true
	}
	x, ok := r.m[currency+"|"]
	return x, ok
}

// ToUSD converts value in currency for month ("2022-06") at the user's
// rate; a USD value is itself. ok is false when no rate applies.
func (r *Rates) ToUSD(value float64, currency, month string) (float64, bool) {
	if currency == "USD" {
		return value, true
	}
	x, ok := r.Lookup(currency, month)
	return value * x.ToUSD, ok
}

// Apply fills every shipment's Tonnes and USD per the weight basis and
// rates, and returns the discrepancies a reader must see: gross used for
// missing net, no weight, and values without USD equivalent. recs are the
// records the shipments were built from.
func Apply(shs []merge.Shipment, recs []reconcile.Record, weight string, rates []Rate) []merge.Discrepancy {
	rt := NewRates(rates)
	var ds []merge.Discrepancy
	for i := range shs {
		sh := &shs[i]
		sh.Tonnes, sh.TonnesBasis = reconcile.Number{}, ""
		sh.USD, sh.USDBasis = reconcile.Number{}, ""
		net, gross := sh.NetKg(recs), sh.GrossKg(recs)
		switch {
		case weight == WeightGross && gross.Valid:
			sh.Tonnes, sh.TonnesBasis = reconcile.Num(gross.Value/1000), BasisGross
		case weight == WeightGross:
			sh.TonnesBasis = BasisNoWeight + ": no gross weight"
		case net.Valid:
			sh.Tonnes, sh.TonnesBasis = reconcile.Num(net.Value/1000), BasisNet
		case gross.Valid:
			sh.Tonnes, sh.TonnesBasis = reconcile.Num(gross.Value/1000), BasisGrossFallback
			ds = append(ds, merge.Discrepancy{Shipment: sh.ID, Kind: merge.KindFallback, Field: reconcile.FieldNetWeight,
				Used: fmtKg(gross.Value) + " (gross)", Rule: "net weight missing: gross weight used and flagged"})
		default:
			sh.TonnesBasis = BasisNoWeight
		}
		if !sh.Tonnes.Valid {
			ds = append(ds, merge.Discrepancy{Shipment: sh.ID, Kind: merge.KindNoWeight, Field: reconcile.FieldNetWeight,
				Used: "(none)", Rule: "no usable weight: left out of tonnes"})
		}
		month := ""
		if sh.Date.Known() {
			month = sh.Date.Time.Format("2006-01")
		}
		// Value, currency and USD come from one row: the preferred row that
		// states a value. Only when that value has no USD equivalent does
		// another row's value stand in, and the Discrepancies sheet says so.
		sh.UseValueRow(-1)
		value, currency := sh.Value(recs)
		sh.USD, sh.USDBasis = usdOf(value, currency, sh.ValueUSD(recs), month, rt)
		if pref := sh.ValueRow(); !sh.USD.Valid && pref >= 0 {
			for k := range sh.Rows {
				// A container group's lead stands with the group's added
				// value; its other lines are in that value already.
				rec := sh.RowFigures(recs, k)
				if k == pref || rec == nil || !rec.Value.Valid && !rec.ValueUSD.Valid {
					continue
				}
				usd, basis := usdOf(rec.Value, rec.Currency, rec.ValueUSD, month, rt)
				if !usd.Valid {
					continue
				}
				ds = append(ds, merge.Discrepancy{Shipment: sh.ID, Kind: merge.KindFallback, Field: reconcile.FieldValue,
					Values: []merge.Observed{{Source: recs[sh.Rows[pref]].Source, Value: valueText(value, currency)}, {Source: rec.Source, Value: valueText(rec.Value, rec.Currency)}},
					Used:   fmtKg(usd.Value) + " USD from " + rec.Source.String(),
					Rule:   "the preferred row's value " + valueText(value, currency) + " has " + sh.USDBasis + "; the value of " + rec.Source.String() + " is used instead — add a rate for it to use the preferred row's value"})
				sh.UseValueRow(k)
				sh.USD, sh.USDBasis = usd, basis
				value, currency = rec.Value, rec.Currency
				break
			}
		}
		if !sh.USD.Valid && value.Valid {
			ds = append(ds, merge.Discrepancy{Shipment: sh.ID, Kind: merge.KindNoUSD, Field: reconcile.FieldValue,
				Used: "(left out)", Rule: sh.USDBasis + " — add a rate in the Rates table to include it; value " + fmtKg(value.Value) + " " + currency})
		}
	}
	return ds
}

// usdOf is the USD equivalent of one row's value: the USD the row gives,
// its value when in USD, or its value at the user's rate for currency
// and month; with the basis that says which, or why there is none.
func usdOf(value reconcile.Number, currency string, usd reconcile.Number, month string, rt *Rates) (reconcile.Number, string) {
	switch {
	case usd.Valid:
		return usd, BasisValueUSD
	case value.Valid && currency == "USD":
		return value, BasisValueUSD
	case value.Valid && currency != "":
		r, ok := rt.Lookup(currency, month)
		if !ok {
			return reconcile.Number{}, fmt.Sprintf("%s: no rate for %s in %s", BasisNoRate, currency, monthText(month))
		}
		m := r.Month
		if m == "" {
			m = "all months"
		}
		return reconcile.Num(value.Value * r.ToUSD), fmt.Sprintf("%s at %s USD per %s (%s)", BasisConverted, strconv.FormatFloat(r.ToUSD, 'g', -1, 64), currency, m)
	case value.Valid:
		return reconcile.Number{}, BasisNoRate + ": currency unknown"
	case value.Raw != "" || usd.Raw != "":
		return reconcile.Number{}, BasisNoRate + ": the value did not parse"
	}
	return reconcile.Number{}, BasisNoValue
}

// valueText is a value as the notes write it: "5333333.33 TRY".
func valueText(v reconcile.Number, currency string) string {
	if !v.Valid {
		return v.Raw
	}
	return strings.TrimSpace(fmtKg(v.Value) + " " + currency)
}

func monthText(m string) string {
	if m == "" {
		return "an unknown month"
	}
	return m
}

// fmtKg writes a figure for a note at most to the gram (or thousandth),
// as the workbook's kg format shows it: a weight converted from pounds
// is computed in full (770.018407312 kg from 1697.6 lb) but its last
// digits say nothing the pounds did not.
func fmtKg(v float64) string { return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64) }

// RateUses counts, for each of rates, the shipments whose USD value Apply
// converted with it: the Rates sheet's "Shipments converted" and the
// memo's list of rates actually applied. A rate no shipment needed
// (its currency came with a USD value, or the preferred row was in
// another currency) counts 0.
func RateUses(shs []merge.Shipment, recs []reconcile.Record, rates []Rate) []int {
	idx := map[string]int{}
	for i, x := range rates {
		if x.Currency != "" && x.ToUSD > 0 {
			idx[x.Currency+"|"+x.Month] = i
		}
	}
	n := make([]int, len(rates))
	for i := range shs {
		sh := &shs[i]
		if !strings.HasPrefix(sh.USDBasis, BasisConverted) {
			continue
		}
		_, cur := sh.Value(recs)
		month := ""
		if sh.Date.Known() {
			month = sh.Date.Time.Format("2006-01")
		}
		k, ok := idx[cur+"|"+month]
		if !ok {
			k, ok = idx[cur+"|"]
		}
		if ok {
			n[k]++
		}
	}
	return n
}
