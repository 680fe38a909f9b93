package totals

import (
	"fmt"
	"slices"
	"strings"
)

// A USD total that leaves values out must say so, and one that has no
// value in USD at all is unknown, not zero: a register whose values are
// all in hryvnias, read without a hryvnia rate, sums to nothing, and "$0"
// would read as "these firms imported nothing of value".

// noRateCurrency is the currency a no-rate basis names ("no USD
// equivalent: no rate for EUR in 2022-03"), "" when the currency is
// unknown.
func noRateCurrency(basis string) string {
	_, rest, ok := strings.Cut(basis, "no rate for ")
	if !ok {
		return ""
	}
	cur, _, _ := strings.Cut(rest, " in ")
	return cur
}

// AddValues adds o's shipment counts and value figures to m: the
// measures a USDText needs, summed over parts (the bounded-memory run).
func (m *Measures) AddValues(o *Measures) {
	m.Shipments += o.Shipments
	m.Items += o.Items
	m.AggregateRows += o.AggregateRows
	m.ValueUSD += o.ValueUSD
	m.NoUSD += o.NoUSD
	m.NoValue += o.NoValue
	for c, n := range o.NoUSDCur {
		if m.NoUSDCur == nil {
			m.NoUSDCur = map[string]int{}
		}
		m.NoUSDCur[c] += n
	}
}

// knownUSD counts the shipments and lines whose USD is known.
func (m *Measures) knownUSD() int {
	// NoUSD and NoValue count rows (goods items), so rows are what they
	// are taken from; Measures built without Items count rows in Shipments.
	return max(m.Items, m.Shipments) + m.AggregateRows - m.NoUSD - m.NoValue
}

// USDGap says what a USD figure of m leaves out: all is true when no
// value in it is known in USD (the figure is unknown, not zero), text
// names the values left out ("8 values in UAH have no USD rate"), "" when
// none is.
func (m *Measures) USDGap() (all bool, text string) {
	switch {
	case m.NoUSD > 0:
		return m.knownUSD() == 0, m.noUSDText() + " " + haveHas(m.NoUSD) + " no USD rate"
	case m.NoValue > 0 && m.knownUSD() == 0:
		return true, count(m.NoValue, "shipment has", "shipments have") + " no value"
	}
	return false, ""
}

// USDText writes a USD figure already formatted by the caller ("$1,234",
// "1234 USD") with what it leaves out: "USD unknown: 8 values in UAH have
// no USD rate" when nothing is known, "$1,092,450 (leaves out 4 values in
// EUR: no USD rate)" when part is.
func (m *Measures) USDText(formatted string) string {
	all, gap := m.USDGap()
	switch {
	case gap == "":
		return formatted
	case all:
		return "USD unknown: " + gap
	case m.NoUSD > 0:
		return fmt.Sprintf("%s (leaves out %s: no USD rate)", formatted, m.noUSDText())
	}
	return formatted
}

// noUSDText counts the values without USD by currency: "8 values in
// UAH", "5 values (4 in EUR, 1 of unknown currency)".
func (m *Measures) noUSDText() string {
	curs := make([]string, 0, len(m.NoUSDCur))
	for c := range m.NoUSDCur {
		curs = append(curs, c)
	}
	slices.Sort(curs) // "" (unknown) first, then by code
	var parts []string
	for _, c := range curs {
		if c == "" {
			parts = append(parts, fmt.Sprintf("%d of unknown currency", m.NoUSDCur[c]))
		} else {
			parts = append(parts, fmt.Sprintf("%d in %s", m.NoUSDCur[c], c))
		}
	}
	vals := count(m.NoUSD, "value", "values")
	switch {
	case len(curs) == 1 && curs[0] != "":
		return vals + " in " + curs[0]
	case len(curs) == 1:
		return vals + " of unknown currency"
	case len(curs) > 1:
		return vals + " (" + strings.Join(parts, ", ") + ")"
	}
	return vals
}

// noUSDWhy says why: no rate given, the currency unknown, or both.
func (m *Measures) noUSDWhy() string {
	unknown := m.NoUSDCur[""]
	switch {
	case unknown == 0:
		return "no rate given for their currency"
	case unknown == m.NoUSD:
		return "their currency is unknown"
	}
	return "no rate given, or their currency is unknown"
}

func haveHas(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}
