package read

import (
	"fmt"
	"sort"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// resolveColumns turns classified headers into the sheet's mapping: it
// applies the user's overrides, picks one column per field by rank
// (several name columns of one party are all kept), attaches unit and
// currency columns, and sniffs the content of unnamed columns.
//
// hidden marks columns hidden in Excel (nil for none): when a hidden and a
// visible column could fill one field, the visible one wins, as the user
// sees it.
func resolveColumns(headers []string, samples [][]string, over map[int]ColumnOverride, hidden []bool) ([]Column, []string) {
	var warnings []string
	cols := make([]Column, len(headers))
	for i, h := range headers {
		g := classify(h)
		c := Column{Index: i, Header: h, Field: g.field, Reason: g.reason, Factor: g.factor, rank: g.rank, total: g.total,
			Variant: g.variant, UnitFor: g.unitFor, Unit: g.unit, Hidden: i < len(hidden) && hidden[i]}
		if i < len(samples) {
			c.Samples = samples[i]
		}
		if (strings.TrimSpace(h) == "" || genericHeader(h)) && c.Field == "" {
			sniffColumn(&c)
		} else if c.Field == "" && c.Reason == "" {
			c.Reason = "not a canonical field"
			sniffIDs(&c)
		} else if c.Field == reconcile.FieldDeclarationID {
			sniffIDs(&c)
		}
		if o, ok := over[i]; ok {
			switch {
			case o.Ignore:
				c.Field, c.Reason, c.Override = "", "ignored by the user", true
			case o.Field != "":
				c.Field, c.Reason, c.Override, c.rank, c.total = o.Field, "set by the user", true, -100, false
				c.UnitFor = ""
			}
			if o.Unit != "" {
				c.Unit, c.Override = o.Unit, true
			}
			if o.Currency != "" {
				c.Currency, c.Override = strings.ToUpper(o.Currency), true
			}
			if _, ok := userDecimal(o.Decimal); ok {
				c.Decimal, c.Override = strings.ToLower(o.Decimal), true
			}
		}
		cols[i] = c
	}
	// A weight not named net or gross: net when no net column exists,
	// otherwise gross when no gross column exists.
	hasF := func(f reconcile.Field) bool {
		for _, c := range cols {
			if c.Field == f {
				return true
			}
		}
		return false
	}
	anyTo := reconcile.FieldNetWeight
	if hasF(reconcile.FieldNetWeight) {
		anyTo = reconcile.FieldGrossWeight
		if hasF(reconcile.FieldGrossWeight) {
			anyTo = ""
		}
	}
	// A bill-of-lading or manifest feed (B/L numbers, no declaration
	// numbers) declares what the carrier weighs: the gross weight.
	// Beside a gross column the bare weight is not a net one there: it
	// is left out, as when both columns exist.
	blFeed := hasF(reconcile.FieldBillOfLading) && !hasF(reconcile.FieldDeclarationID)
	if blFeed {
		anyTo = reconcile.FieldGrossWeight
		if hasF(reconcile.FieldGrossWeight) {
			anyTo = ""
		}
	}
	anyWeight := hasF(fieldWeightAny)
	for i := range cols {
		c := &cols[i]
		if c.Field == fieldWeightAny && c.Factor == 1000 && (hasF(reconcile.FieldNetWeight) || hasF(reconcile.FieldGrossWeight)) {
			c.Field, c.Reason = "", "weight in tonnes beside a named weight column; the named column is used"
			continue
		}
		if c.Field == fieldWeightAny {
			if anyTo == "" && blFeed {
				c.Field, c.Reason = "", "weight not named net or gross; a bill-of-lading feed declares gross weight, and a gross column exists"
			} else if anyTo == "" {
				c.Field, c.Reason = "", "weight not named net or gross; net and gross columns exist"
			} else {
				c.Field = anyTo
				c.Reason += fmt.Sprintf("; read as %s", strings.ReplaceAll(string(anyTo), "_", " "))
				if blFeed {
					c.Reason += ": a bill-of-lading feed (bill-of-lading numbers, no declaration numbers) declares gross weight"
				}
			}
		}
		if c.UnitFor == fieldWeightAny {
			// A WEIGHT_UNIT column goes with the WEIGHT column; without
			// one it is the unit of every weight column that has no unit
			// column of its own ("Net weight", "Gross weight", "Unit").
			if anyWeight {
				c.UnitFor = anyTo
			} else {
				c.UnitFor = unitForWeights
			}
		}
	}
	// A tax ID that names no party ("ИНН") belongs to the party whose
	// name column is just before it (or just after it), when that party
	// has no ID column of its own; otherwise it stays unmapped.
	for i := range cols {
		if cols[i].Field != fieldPartyIDAny {
			continue
		}
		cols[i].Field = ""
		for _, n := range []int{i - 1, i + 1} {
			if n < 0 || n >= len(cols) {
				continue
			}
			idF := reconcile.Field("")
			switch cols[n].Field {
			case reconcile.FieldConsignee:
				idF = reconcile.FieldConsigneeID
			case reconcile.FieldShipper:
				idF = reconcile.FieldShipperID
			}
			if idF != "" && !hasF(idF) {
				cols[i].Field = idF
				cols[i].Reason = fmt.Sprintf("tax ID beside the %s column %s %q", cols[n].Field, reconcile.ColumnName(n+1), cols[n].Header)
				break
			}
		}
	}
	inv, cust := preferInvoiceValue(cols)
	// One column per field, except party names.
	byField := map[reconcile.Field][]int{}
	for i, c := range cols {
		if c.Field != "" {
			byField[c.Field] = append(byField[c.Field], i)
		}
	}
	for f, idx := range byField {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(a, b int) bool { return cols[idx[a]].pickRank() < cols[idx[b]].pickRank() })
		if f == reconcile.FieldConsignee || f == reconcile.FieldShipper {
			// Keep every name column; a name-with-address column only when
			// it is the only one.
			hasPlain := false
			for _, i := range idx {
				if cols[i].Variant < 4 {
					hasPlain = true
				}
			}
			for _, i := range idx {
				if hasPlain && cols[i].Variant >= 4 {
					cols[i].Field, cols[i].Reason = "", "name with address; a plain name column exists"
				}
			}
			continue
		}
		win := idx[0]
		for _, i := range idx[1:] {
			c := &cols[i]
			why := "also a candidate"
			if c.total && !cols[win].total {
				why = "a total column, never summed per item"
			}
			if c.Hidden && !cols[win].Hidden {
				why = "hidden in Excel; the visible column is used"
			}
			c.Reason = fmt.Sprintf("%s (%s); column %s %q preferred", c.Reason, why, reconcile.ColumnName(win+1), cols[win].Header)
			c.Field = ""
		}
	}
	// Units of weights; currencies of values.
	curCol := -1
	for i, c := range cols {
		if c.Field == reconcile.FieldCurrency {
			curCol = i
		}
	}
	for i := range cols {
		c := &cols[i]
		switch c.Field {
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight:
			if c.Unit != "" {
				if f, ok := weightFactor(c.Unit); ok {
					c.Factor = f
				} else {
					warnings = append(warnings, fmt.Sprintf("column %s %q: unit %q is not a weight unit", reconcile.ColumnName(i+1), c.Header, c.Unit))
				}
				continue
			}
			if u, f, ok := values.WeightUnitInHeader(c.Header); ok {
				c.Unit, c.Factor = u, f
				continue
			}
			if u, f, ok := headerWeightUnit(c.Header); ok {
				c.Unit, c.Factor = u, f
				continue
			}
			if c.Factor > 0 { // metric tons
				c.Unit = "t"
				continue
			}
			if unitColumnFor(cols, c.Field) >= 0 {
				c.Unit = "from unit column"
				continue
			}
			c.Unit, c.Factor = unitAssumedKg, 1
			c.Reason += "; unit not stated, kg assumed"
		case reconcile.FieldValue, reconcile.FieldValueUSD:
			if c.Factor == 0 {
				c.Factor = 1
			}
			if c.Unit != "" {
				// Only a user's override or a banner sets a value
				// column's unit: its scale.
				if f, ok := valueScale(c.Unit); ok {
					c.Factor = f
				} else {
					warnings = append(warnings, fmt.Sprintf("column %s %q: unit %q is not a value scale (thousand, million)", reconcile.ColumnName(i+1), c.Header, c.Unit))
				}
			}
			if c.Currency == "" {
				if cur, ok := headerCurrency(prepHeader(c.Header)); ok {
					c.Currency = cur
				}
			}
			if c.Currency == "USD" && c.Field == reconcile.FieldValue && !c.Override {
				c.Field = reconcile.FieldValueUSD
			}
			if c.Currency == "" && curCol >= 0 {
				c.Reason += fmt.Sprintf("; currency from column %s", reconcile.ColumnName(curCol+1))
			}
		}
	}
	altCustoms(cols, inv, cust)
	// Two value columns: if value_usd exists and value does not, fine. If a
	// value column was dropped in favour of value_usd only because both were
	// typed value, nothing to do: value_usd feeds Value when Value is empty.
	for i := range cols {
		c := &cols[i]
		if c.Field == reconcile.FieldDate && len(c.Samples) > 0 {
			c.Reason += dateOrderNote(c.Samples)
		}
	}
	return cols, warnings
}

func unitColumnFor(cols []Column, f reconcile.Field) int {
	for i, c := range cols {
		if c.UnitFor == f && c.Field == "" {
			return i
		}
	}
	if f == reconcile.FieldNetWeight || f == reconcile.FieldGrossWeight {
		for i, c := range cols {
			if c.UnitFor == unitForWeights && c.Field == "" {
				return i
			}
		}
	}
	return -1
}

// unitForWeights is the UnitFor of a weight unit column not tied to one
// weight column: it holds the unit of every weight column without its own.
const unitForWeights reconcile.Field = "weights"

func weightFactor(u string) (float64, bool) {
	if f, ok := values.WeightUnit(u); ok {
		return f, true
	}
	switch strings.ToLower(strings.TrimSpace(u)) {
	case "kg", "kgs", "kgm", "кг", "kilogram", "kilograms":
		return 1, true
	case "t", "mt", "tne", "tonnes", "tons", "т", "тонн":
		return 1000, true
	case "g", "gr", "г", "grm":
		return 0.001, true
	case "lb", "lbs":
		return 0.45359237, true
	}
	return 0, false
}

func dateOrderNote(samples []string) string {
	switch values.GuessDateOrder(samples) {
	case values.OrderDMY:
		return "; day before month"
	case values.OrderMDY:
		return "; month before day"
	}
	return ""
}

// sniffColumn maps a column without a header by its content: HS codes
// and dates are distinctive; numbers and names are not, and stay unmapped.
func sniffColumn(c *Column) {
	n, hs, dates := 0, 0, 0
	for _, s := range c.Samples {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		n++
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			if r == '.' || r == ' ' {
				return -1
			}
			return 'x'
		}, s)
		if !strings.Contains(digits, "x") && (len(digits) == 6 || len(digits) == 8 || len(digits) == 10) {
			hs++
		}
		if _, ok := values.ParseDate(s, values.OrderUnknown); ok {
			dates++
		} else if isISODate(s) {
			dates++
		}
	}
	switch {
	case n >= 3 && hs*10 >= n*9:
		c.Field, c.Reason, c.rank = reconcile.FieldHSCode, "no header; content looks like HS codes", 5
	case n >= 3 && dates*10 >= n*9:
		c.Field, c.Reason, c.rank = reconcile.FieldDate, "no header; content looks like dates", 5
	default:
		c.Reason = "no header"
		sniffIDs(c)
		if c.Field != "" {
			c.Reason = "no header; " + c.Reason
		}
	}
}

// sniffIDs maps a column by content when its values are identifiers of a
// kind the header did not name: ISO 6346 container numbers (check digit
// verified) or bill-of-lading shapes ("MAEU123456789"). A column the
// header calls a declaration number but that holds B/Ls is a B/L column:
// reading it as declarations would keep every B/L row apart from the
// declarations of the same cargo.
func sniffIDs(c *Column) {
	n, bl, cont := 0, 0, 0
	for _, s := range c.Samples {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n++
		switch {
		case values.LooksLikeContainer(s):
			cont++
		case values.LooksLikeBL(s):
			bl++
		}
	}
	if n < 3 {
		return
	}
	switch {
	case cont*10 >= n*9 && c.Field == "":
		c.Field, c.Reason, c.rank = reconcile.FieldContainer, "content looks like ISO 6346 container numbers", 5
	case bl*10 >= n*9 && c.Field == reconcile.FieldDeclarationID:
		c.Field, c.Reason = reconcile.FieldBillOfLading, "header says declaration number, but the content looks like bills of lading"
	case bl*10 >= n*9:
		c.Field, c.Reason, c.rank = reconcile.FieldBillOfLading, "content looks like bill-of-lading numbers", 5
	}
}

// genericHeader is a placeholder name that says nothing about content:
// "Column1", "F3", "Unnamed: 0", "Поле5".
func genericHeader(h string) bool {
	t := strings.ToLower(strings.TrimSpace(h))
	for _, p := range []string{"unnamed", "column", "col", "field", "поле", "столбец", "f"} {
		if rest, ok := strings.CutPrefix(t, p); ok {
			rest = strings.TrimLeft(rest, " _:#.-")
			return rest != "" && isDigits(rest)
		}
	}
	return false
}

func isISODate(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// pickRank orders candidates for one field: the user's choice first, then
// visible columns before hidden ones, then by rank.
func (c *Column) pickRank() int {
	if c.Hidden && !c.Override {
		return c.rank + 1000
	}
	return c.rank
}
