package read

import (
	"fmt"
	"strings"
	"unicode"

	"tradecheck/reconcile"
)

// A statistics office's table often states its units once, above the
// header: "Единицы измерения: вес нетто — тонн; стоимость — тыс. долл.
// США", "Weight in tonnes", "Value: USD thousand". Headers that state no
// unit of their own take the banner's: a weight column whose unit would
// be assumed (kg) gets the banner's unit, a value column without a scale
// gets the banner's. The column's reason and a sheet note say where the
// unit came from. A header's own unit, and the user's, win.

// bannerUnit is what one banner clause says.
type bannerUnit struct {
	field  reconcile.Field // FieldNetWeight, FieldGrossWeight, "" both weights; FieldValue for values
	unit   string          // weight unit ("t", "kg")
	factor float64         // the weight's factor, or the value's scale
	from   string          // "banner row 2 (“…”)"
}

// bannerUnits reads the units the banner rows state, clause by clause.
func bannerUnits(banners []*rawRow) []bannerUnit {
	var out []bannerUnit
	for _, r := range banners {
		for _, c := range r.cells {
			if c.k != kindString || len(c.s) > 300 {
				continue
			}
			for _, clause := range strings.FieldsFunc(c.s, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
				if u, ok := clauseUnit(clause); ok {
					u.from = fmt.Sprintf("banner row %d (“%s”)", r.num, clipDetail(strings.TrimSpace(clause)))
					out = append(out, u)
				}
			}
		}
	}
	return out
}

var (
	weightSubject = map[string]bool{"вес": true, "масса": true, "weight": true, "weights": true, "wt": true, "нетто": true, "брутто": true, "ağırlık": true, "ağırlığı": true, "peso": true}
	valueSubject  = map[string]bool{"стоимость": true, "value": true, "values": true, "сумма": true, "цена": true, "değer": true, "kıymet": true, "valor": true}
	tonneWords    = map[string]bool{"т": true, "тонн": true, "тонна": true, "тонны": true, "тоннах": true, "тн": true, "tonnes": true, "tonne": true, "mt": true, "t": true, "ton": false}
	kgWords       = map[string]bool{"кг": true, "kg": true, "kgs": true, "kilograms": true, "килограмм": true, "килограммах": true}
	thousandWords = map[string]bool{"тыс": true, "тысяч": true, "thousand": true, "thousands": true, "000": true, "000s": true, "bin": true}
	millionWords  = map[string]bool{"млн": true, "million": true, "millions": true, "mln": true, "milyon": true}
)

// clauseUnit reads one clause: a subject (weight or value) and a unit of
// it. A clause with both subjects, or none, says nothing.
func clauseUnit(clause string) (bannerUnit, bool) {
	words := strings.FieldsFunc(strings.ToLower(clause), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	weight, value, net, gross := false, false, false, false
	var u bannerUnit
	for _, w := range words {
		weight = weight || weightSubject[w]
		value = value || valueSubject[w]
		net = net || w == "нетто" || w == "net"
		gross = gross || w == "брутто" || w == "gross"
		switch {
		case tonneWords[w]:
			u.unit, u.factor = "t", 1000
		case kgWords[w] && u.unit == "":
			u.unit, u.factor = "kg", 1
		case thousandWords[w]:
			u.field, u.factor = reconcile.FieldValue, 1e3
		case millionWords[w]:
			u.field, u.factor = reconcile.FieldValue, 1e6
		}
	}
	switch {
	case weight && !value && u.unit != "":
		u.field = ""
		if net && !gross {
			u.field = reconcile.FieldNetWeight
		} else if gross && !net {
			u.field = reconcile.FieldGrossWeight
		}
		return u, true
	case value && !weight && u.field == reconcile.FieldValue:
		u.unit = ""
		return u, true
	}
	return bannerUnit{}, false
}

// applyBannerUnits gives columns without a unit of their own the
// banner's, and returns the sheet's note (empty when none applied).
func applyBannerUnits(cols []Column, units []bannerUnit) reconcile.Note {
	var done []string
	from := ""
	for _, u := range units {
		for i := range cols {
			c := &cols[i]
			switch {
			case u.unit != "" && (c.Field == reconcile.FieldNetWeight || c.Field == reconcile.FieldGrossWeight) &&
				(u.field == "" || u.field == c.Field) && c.Unit == unitAssumedKg:
				c.Unit, c.Factor = u.unit, u.factor
				c.Reason = strings.TrimSuffix(c.Reason, "; unit not stated, kg assumed") + "; unit " + u.unit + " from the " + u.from
				done = append(done, fmt.Sprintf("%s %q in %s", reconcile.ColumnName(i+1), c.Header, u.unit))
			case u.unit == "" && (c.Field == reconcile.FieldValue || c.Field == reconcile.FieldValueUSD) && c.Factor == 1 && c.Unit == "":
				c.Factor = u.factor
				c.Reason += fmt.Sprintf("; values ×%s from the %s", scaleName(u.factor), u.from)
				done = append(done, fmt.Sprintf("%s %q ×%s", reconcile.ColumnName(i+1), c.Header, scaleName(u.factor)))
			default:
				continue
			}
			if from == "" {
				from = u.from
			}
		}
	}
	if len(done) == 0 {
		return reconcile.Note{}
	}
	return reconcile.Note{Text: fmt.Sprintf("units stated above the header, in the %s and the rows beside it, applied to columns whose header states none: %s — if that is wrong, set the column's own unit (kg, t, or no scale for a value)",
		from, strings.Join(done, "; "))}
}

func scaleName(f float64) string {
	if f == 1e6 {
		return "1,000,000"
	}
	return "1,000"
}
