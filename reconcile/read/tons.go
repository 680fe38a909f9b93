package read

import (
	"fmt"
	"strings"

	"tradecheck/reconcile"
)

// "tons" alone is not a unit: a metric tonne is 1,000 kg, a US short ton
// 907.18 kg and a long ton 1,016.05 kg. A weight whose header or unit
// column says only "ton"/"tons" is read as metric when the file says
// metric somewhere (MT, tonnes, "metric", т, a unit cell TNE), or when
// the user decided (Options.TonUnit, CLI --unit tons=t); otherwise it is
// flagged unknown_unit and left out of tonnes until decided. A Turkish
// header's "ton" is the metric tonne (tr.tsv).

// bareTon reports whether a unit is written only as "ton"/"tons".
func bareTon(u string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(u), ".")) {
	case "ton", "tons":
		return true
	}
	return false
}

// TonUnits are the units "tons" can be decided as, with their factors.
var TonUnits = map[string]float64{"t": 1000, "short ton": 907.18474, "long ton": 1016.0469088}

// metricWords say a file's weights are metric.
var metricWords = map[string]bool{"mt": true, "mts": true, "tne": true, "tonne": true, "tonnes": true, "metric": true,
	"т": true, "тн": true, "тонн": true, "тонна": true, "тонны": true}

// metricEvidence reports whether any of the texts (headers, banner and
// unit cells) says the weights are metric.
func metricEvidence(texts []string) bool {
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'а' && r <= 'я' || r == 'ё')
		}) {
			if metricWords[w] {
				return true
			}
		}
	}
	return false
}

// unitEvidence is the text that may say the sheet's weights are metric:
// headers, banner rows and the values of unit columns.
func unitEvidence(headers []string, banners []*rawRow, cols []Column) []string {
	evidence := append([]string(nil), headers...)
	for _, r := range banners {
		evidence = append(evidence, r.strings()...)
	}
	for _, c := range cols {
		if c.UnitFor != "" || c.Field == reconcile.FieldQuantityUnit {
			evidence = append(evidence, c.Samples...)
		}
	}
	return evidence
}

// headerTons reports whether a weight header states its unit only as
// "ton"/"tons" in English.
func headerTons(c *Column) bool {
	if strings.Contains(c.Reason, "(tr.tsv)") {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(c.Header), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if w == "ton" || w == "tons" {
			return !metricEvidence([]string{c.Header})
		}
	}
	return false
}

// settleTons decides the "tons" of the sheet's weight columns: the user's
// unit, metric when the file says metric, else ambiguous.
func (s *SheetReader) settleTons(evidence []string) {
	user := s.w.opt.TonUnit
	if u := s.w.opt.SheetTonUnit[s.name]; u != "" {
		user = u
	}
	metric := metricEvidence(evidence)
	for i := range s.plan.cols {
		c := &s.plan.cols[i]
		if (c.Field != reconcile.FieldNetWeight && c.Field != reconcile.FieldGrossWeight) || c.Override && c.Unit != "" {
			continue
		}
		if c.Unit == "t" && headerTons(c) {
			switch f, ok := TonUnits[user]; {
			case ok:
				c.Unit, c.Factor = user, f
			case !metric:
				s.plan.tonsCols = append(s.plan.tonsCols, i)
				s.warnings = append(s.warnings, reconcile.Note{
					Text: fmt.Sprintf("column %s %q: \"tons\" may be metric tonnes, short or long tons, and nothing in the file says which: its weights are left out of tonnes (flagged unknown_unit) until you say which the file means", reconcile.ColumnName(i+1), c.Header),
					Step: reconcile.Step{Fix: reconcile.FixTonUnit, File: s.w.path, Sheet: s.name, Column: i + 1}})
			}
		}
	}
	s.plan.tonUnit, s.plan.metric = user, metric
}

// tonsFactor is the factor of a unit cell that says "tons": ok=false
// when it stays undecided.
func (p *plan) tonsFactor() (float64, bool) {
	if f, ok := TonUnits[p.tonUnit]; ok {
		return f, true
	}
	return 1000, p.metric
}

// detailTons is the detail of the flag on a weight in "tons" alone. A
// flag carries no step: the sheet's warning and the read notes name it.
const detailTons = "\"tons\" may be metric (1,000 kg), short (907.18 kg) or long (1,016.05 kg); say which the file means"

func (p *plan) isTonsCol(i int) bool {
	for _, c := range p.tonsCols {
		if c == i {
			return true
		}
	}
	return false
}

// IsTonsFlag reports whether f is the unknown_unit flag of a weight
// written in "tons" alone, for the notes that say what to type.
func IsTonsFlag(f reconcile.Flag) bool {
	return f.Code == reconcile.FlagUnknownUnit && f.Detail == detailTons
}
