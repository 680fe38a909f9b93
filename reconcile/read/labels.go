package read

import (
	"strconv"
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// Currency labels that are not ISO codes ("у.е.", conventional units
// pegged to a currency the file does not name, or a vendor's "XYZ") are
// never guessed: such a value is flagged unknown_currency. When the user
// gives the label a rate (Options.CurrencyLabels, from `--rate у.е.=1`),
// the record keeps the label as its Currency and the rate converts it
// like any other currency.

// labelKey folds a currency label for lookup: lower case, spaces
// dropped ("У. Е." and "у.е." are one label).
func labelKey(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func currencyLabels(labels []string) map[string]string {
	if len(labels) == 0 {
		return nil
	}
	m := make(map[string]string, len(labels))
	for _, l := range labels {
		if l = strings.TrimSpace(l); l != "" {
			m[labelKey(l)] = l
		}
	}
	return m
}

// unknownCurrencyDetail is the Detail of the unknown_currency flag of a
// value whose currency cell holds a label that is not a currency.
func unknownCurrencyDetail(label string) string {
	return "currency " + strconvQuote(label) + " not recognised"
}

// UnknownCurrencyLabel returns the label of an unknown_currency flag
// raised because the currency cell held a label that is not a currency
// ("у.е."), so callers can say exactly which rate to give.
func UnknownCurrencyLabel(f reconcile.Flag) (string, bool) {
	if f.Code != reconcile.FlagUnknownCurrency || !strings.HasPrefix(f.Detail, "currency \"") || !strings.HasSuffix(f.Detail, "\" not recognised") {
		return "", false
	}
	q := strings.TrimSuffix(strings.TrimPrefix(f.Detail, "currency "), " not recognised")
	l, err := strconv.Unquote(q)
	return l, err == nil
}
