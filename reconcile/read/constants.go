package read

import (
	"fmt"
	"regexp"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// A sheet can state a value for every row instead of a column: a
// Turkish export register's banner says "Çıkış Ülkesi: Türkiye" once, and
// the user knows that a Chinese export register's rows all left China.
// Such a value is a Constant: it fills the field on every row that has
// none (a column's own value always wins), and inspect and the Sources
// screen say where it came from.

// Constant is a fixed value of one field for a whole sheet.
type Constant struct {
	Field reconcile.Field `json:"field"`
	Value string          `json:"value"` // canonical: ISO 3166 alpha-2, ISO 4217
	// From says where it came from: "your mapping", or "banner row 2
	// (“Çıkış Ülkesi: Türkiye”)".
	From string `json:"from"`
}

// ConstantFields are the fields a Constant may set: the countries and
// the currency, which a file states once for all its rows.
var ConstantFields = []reconcile.Field{reconcile.FieldOriginCountry, reconcile.FieldDispatchCountry, reconcile.FieldDestinationCountry,
	reconcile.FieldConsigneeCountry, reconcile.FieldShipperCountry, reconcile.FieldCurrency}

// CanonicalConstant checks and normalises a constant's value: a country
// name or code to ISO alpha-2, a currency to ISO 4217. ok is false for a
// field that takes no constant or a value that is not one.
func CanonicalConstant(f reconcile.Field, v string) (string, bool) {
	switch f {
	case reconcile.FieldOriginCountry, reconcile.FieldDispatchCountry, reconcile.FieldDestinationCountry,
		reconcile.FieldConsigneeCountry, reconcile.FieldShipperCountry:
		return values.Country(v)
	case reconcile.FieldCurrency:
		return values.Currency(v)
	}
	return "", false
}

// bannerPair splits a banner's "label: value" pairs ("Çıkış Ülkesi:
// Türkiye; Gideceği Ülke: Rusya Federasyonu").
var bannerPair = regexp.MustCompile(`([^:：;|\n]{2,60})[:：]\s*([^;|\n]{1,80})`)

// bannerConstants reads "label: value" pairs from the banner rows above
// the header whose label maps to a constant field and whose value parses.
func bannerConstants(banners []*rawRow) []Constant {
	var out []Constant
	seen := map[reconcile.Field]bool{}
	for _, r := range banners {
		for _, c := range r.cells {
			for _, m := range bannerPair.FindAllStringSubmatch(c.s, -1) {
				label, val := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
				f := classify(label).field
				if seen[f] {
					continue
				}
				if v, ok := CanonicalConstant(f, val); ok {
					seen[f] = true
					out = append(out, Constant{Field: f, Value: v, From: fmt.Sprintf("banner row %d (“%s: %s”)", r.num, label, val)})
				}
			}
		}
	}
	return out
}

// sheetConstants merges the user's constants (which win) with the
// banner's, leaving out fields the sheet has a column for: a column's
// value is per row and a banner's is a summary.
func (s *SheetReader) sheetConstants(banner []Constant) {
	opt := s.w.opt
	user := map[reconcile.Field]string{}
	for f, v := range opt.Constants {
		user[f] = v
	}
	for f, v := range opt.SheetConstants[s.name] {
		user[f] = v
	}
	has := map[reconcile.Field]bool{}
	for _, c := range s.columns {
		has[c.Field] = true
	}
	for _, f := range ConstantFields {
		if v, ok := user[f]; ok {
			if iso, ok := CanonicalConstant(f, v); ok {
				s.constants = append(s.constants, Constant{Field: f, Value: iso, From: "your mapping"})
			} else {
				s.warnings = append(s.warnings, reconcile.Note{Text: fmt.Sprintf("fixed value %q for %s is not a %s; ignored", v, f, kindOf(f))})
			}
			continue
		}
		if has[f] {
			continue
		}
		for _, c := range banner {
			if c.Field == f {
				s.constants = append(s.constants, c)
			}
		}
	}
}

func kindOf(f reconcile.Field) string {
	if f == reconcile.FieldCurrency {
		return "currency"
	}
	return "country"
}

// applyConstants fills the fields the sheet's constants set on a record
// that has none.
func (s *SheetReader) applyConstants(rec *reconcile.Record) {
	for _, c := range s.constants {
		var p *string
		switch c.Field {
		case reconcile.FieldOriginCountry:
			p = &rec.OriginCountry
		case reconcile.FieldDispatchCountry:
			p = &rec.DispatchCountry
		case reconcile.FieldDestinationCountry:
			p = &rec.DestinationCountry
		case reconcile.FieldConsigneeCountry:
			p = &rec.Consignee.Country
		case reconcile.FieldShipperCountry:
			p = &rec.Shipper.Country
		case reconcile.FieldCurrency:
			// Only a value without a currency takes it; the flag the
			// reader raised for the missing currency goes.
			if rec.Value.Valid && rec.Currency == "" {
				rec.Currency = c.Value
				dropFlag(rec, reconcile.FieldValue, reconcile.FlagUnknownCurrency)
				if c.Value == "USD" && !rec.ValueUSD.Valid {
					rec.ValueUSD = rec.Value
				}
			}
			continue
		}
		if *p == "" {
			*p = c.Value
		}
	}
}

func dropFlag(rec *reconcile.Record, f reconcile.Field, code reconcile.FlagCode) {
	out := rec.Flags[:0]
	for _, x := range rec.Flags {
		if x.Field != f || x.Code != code {
			out = append(out, x)
		}
	}
	rec.Flags = out
}

// Constants returns the fixed values of the sheet's fields and where each
// came from.
func (s *SheetReader) Constants() []Constant { return append([]Constant(nil), s.constants...) }

func (s *SheetReader) hasConstant(f reconcile.Field) bool {
	for _, c := range s.constants {
		if c.Field == f {
			return true
		}
	}
	return false
}
