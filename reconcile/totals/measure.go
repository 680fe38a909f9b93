package totals

import (
	"fmt"
	"math"
	"strconv"

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
		value, currency := sh.Value(recs)
		switch usd := sh.ValueUSD(recs); {
		case usd.Valid:
			sh.USD, sh.USDBasis = usd, BasisValueUSD
		case value.Valid && currency == "USD":
			sh.USD, sh.USDBasis = value, BasisValueUSD
		case value.Valid && currency != "":
			if r, ok := rt.Lookup(currency, month); ok {
				sh.USD = reconcile.Num(value.Value * r.ToUSD)
				m := r.Month
				if m == "" {
					m = "all months"
				}
				sh.USDBasis = fmt.Sprintf("%s at %s USD per %s (%s)", BasisConverted, strconv.FormatFloat(r.ToUSD, 'g', -1, 64), currency, m)
			} else {
				sh.USDBasis = fmt.Sprintf("%s: no rate for %s in %s", BasisNoRate, currency, monthText(month))
			}
		case value.Valid:
			sh.USDBasis = BasisNoRate + ": currency unknown"
		case value.Raw != "" || usd.Raw != "":
			sh.USDBasis = BasisNoRate + ": the value did not parse"
		default:
			sh.USDBasis = BasisNoValue
		}
		if !sh.USD.Valid && value.Valid {
			ds = append(ds, merge.Discrepancy{Shipment: sh.ID, Kind: merge.KindNoUSD, Field: reconcile.FieldValue,
				Used: "(left out)", Rule: sh.USDBasis + " — add a rate in the Rates table to include it; value " + fmtKg(value.Value) + " " + currency})
		}
	}
	return ds
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
