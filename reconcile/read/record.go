package read

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/values"
)

// plan is a compiled mapping: per field, the columns to read.
type plan struct {
	file, sheet string
	cols        []Column
	consignee   []int // name columns in variant order
	shipper     []int
	one         map[reconcile.Field]int
	netUnit     int // unit column for net weight, -1 if none
	grossUnit   int
	dateOrder   values.DateOrder
	numHint     map[int]values.NumberHint
	// unsettled lists measure columns whose lone "1.234" cells nothing
	// settles: read as thousands, flagged ambiguous_number (weights).
	unsettled    []int
	headerRaw    []string // upper header row as written, trimmed
	headerFilled int
	monthly      bool
	date1904     bool // serials count from 1904 (old Mac Excel)
	// altValue is a customs value in national currency kept beside the
	// invoice value (column index, -1 for none); rated are the currencies
	// the user gave a rate for (customsFallback).
	altValue int
	rated    map[string]bool
	// curLabels are currency labels the user gave a rate for, by
	// labelKey (see labels.go).
	curLabels map[string]string
	// tonsCols are weight columns whose header says only "tons", left
	// undecided; tonUnit is the user's reading of "tons" ("t", "short
	// ton", "long ton"), metric whether the file says metric (tons.go).
	tonsCols []int
	tonUnit  string
	metric   bool
	// roles are the reporter and partner columns of trade statistics,
	// read by each row's flow (partners.go).
	roles tradeRoles
}

func newPlan(file, sheet string, cols []Column) *plan {
	p := &plan{file: file, sheet: sheet, cols: cols, one: map[reconcile.Field]int{}, netUnit: -1, grossUnit: -1, numHint: map[int]values.NumberHint{}, roles: noTradeRoles, altValue: -1}
	generic := -1 // a unit column for every weight (see unitForWeights)
	for i, c := range cols {
		switch c.Field {
		case "":
			if c.UnitFor == reconcile.FieldNetWeight && p.netUnit < 0 {
				p.netUnit = i
			}
			if c.UnitFor == reconcile.FieldGrossWeight && p.grossUnit < 0 {
				p.grossUnit = i
			}
			if c.UnitFor == unitForWeights && generic < 0 {
				generic = i
			}
			if c.AltFor == reconcile.FieldValue && p.altValue < 0 {
				p.altValue = i
				p.numHint[i] = values.GuessNumberHint(c.voteSamples())
			}
		case reconcile.FieldConsignee:
			p.consignee = append(p.consignee, i)
		case reconcile.FieldShipper:
			p.shipper = append(p.shipper, i)
		default:
			if _, ok := p.one[c.Field]; !ok {
				p.one[c.Field] = i
			}
		}
		switch c.Field {
		case reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValue, reconcile.FieldValueUSD, reconcile.FieldQuantity:
			p.numHint[i] = values.GuessNumberHint(c.voteSamples())
		case reconcile.FieldDate:
			p.dateOrder = values.GuessDateOrder(c.Samples)
		}
	}
	p.settleHints()
	byVariant := func(idx []int) {
		for a := 1; a < len(idx); a++ {
			for b := a; b > 0 && cols[idx[b]].Variant < cols[idx[b-1]].Variant; b-- {
				idx[b], idx[b-1] = idx[b-1], idx[b]
			}
		}
	}
	byVariant(p.consignee)
	byVariant(p.shipper)
	if p.netUnit < 0 {
		p.netUnit = generic
	}
	if p.grossUnit < 0 {
		p.grossUnit = generic
	}
	return p
}

func (p *plan) col(f reconcile.Field) int {
	if i, ok := p.one[f]; ok {
		return i
	}
	return -1
}

// nullText is what vendors write for "no value".
func nullText(s string) bool {
	if len(s) > 7 {
		return false
	}
	for _, n := range nullWords {
		if strings.EqualFold(s, n) {
			return true
		}
	}
	return false
}

var nullWords = []string{"", "null", "n/a", "#n/a", "na", "none", "-", "--", "—", "nan", "(blank)", "<null>"}

func cellAt(r *rawRow, i int) cell {
	if i < 0 || i >= len(r.cells) {
		return cell{}
	}
	c := r.cells[i]
	if c.k == kindString {
		t := strings.TrimSpace(c.s)
		if nullText(t) {
			return cell{}
		}
		c.s = t
	}
	return c
}

// build converts a row into a Record. ok=false means it holds no party,
// weight, value or quantity (a "no data" skip).
func (p *plan) build(r *rawRow) (reconcile.Record, bool) {
	rec := reconcile.Record{Source: reconcile.Provenance{File: p.file, Sheet: p.sheet, Row: r.num}}
	flag := func(f reconcile.Field, code reconcile.FlagCode, col int, raw, detail string) {
		// Flags that keep their value: a weight read as kg because no
		// unit is stated (see weight), a unit conflict resolved by the
		// cell's own unit (detailCellUnitUsed), and the codes KeptFlag
		// lists.
		kept := code == reconcile.FlagUnknownUnit && detail == detailAssumedKg || reconcile.KeptFlag(code) ||
			code == reconcile.FlagUnitConflict && strings.HasSuffix(detail, detailCellUnitUsed)
		rec.Flags = append(rec.Flags, reconcile.Flag{Field: f, Code: code, Column: col, Raw: raw, Detail: detail, Kept: kept})
	}
	formula := func(f reconcile.Field, i int, c cell) bool {
		if c.k == kindFormula {
			flag(f, reconcile.FlagFormulaNoValue, i, c.s, "formula without a saved value; open and save the file in Excel")
			return true
		}
		return false
	}
	text := func(f reconcile.Field) (string, int) {
		i := p.col(f)
		c := cellAt(r, i)
		if formula(f, i, c) {
			return "", i
		}
		return c.s, i
	}
	// Parties.
	rec.Consignee = p.party(r, p.consignee, reconcile.FieldConsignee, reconcile.FieldConsigneeID, reconcile.FieldConsigneeCountry, flag)
	rec.Shipper = p.party(r, p.shipper, reconcile.FieldShipper, reconcile.FieldShipperID, reconcile.FieldShipperCountry, flag)
	// Date.
	if i := p.col(reconcile.FieldDate); i >= 0 {
		c := cellAt(r, i)
		if !formula(reconcile.FieldDate, i, c) && c.s != "" {
			p.date(&rec, i, c, flag)
		}
	}
	rec.DeclarationID, _ = text(reconcile.FieldDeclarationID)
	p.dateFromDeclaration(&rec)
	rec.ItemNo, _ = text(reconcile.FieldItemNo)
	rec.BillOfLading, _ = text(reconcile.FieldBillOfLading)
	rec.Container, _ = text(reconcile.FieldContainer)
	rec.Invoice, _ = text(reconcile.FieldInvoice)
	if s, i := text(reconcile.FieldHSCode); s != "" {
		if hs, restored, ok := values.HSCodeRestore(s); ok {
			rec.HSCode = hs
			if restored {
				flag(reconcile.FieldHSCode, reconcile.FlagRestoredZero, i, s, "leading zero restored: "+hs)
			}
		} else if _, isExp, _ := values.ExponentInteger(s); isExp {
			flag(reconcile.FieldHSCode, reconcile.FlagUnparsed, i, s, "a number in exponent form that is no whole code: its digits are lost; type the code from the source")
		} else {
			flag(reconcile.FieldHSCode, reconcile.FlagUnparsed, i, s, "not an HS code")
		}
	}
	rec.Description, _ = text(reconcile.FieldDescription)
	rec.OriginCountry = p.country(r, reconcile.FieldOriginCountry, flag)
	rec.DispatchCountry = p.country(r, reconcile.FieldDispatchCountry, flag)
	rec.DestinationCountry = p.country(r, reconcile.FieldDestinationCountry, flag)
	p.roles.apply(r, &rec, flag)
	// Quantity.
	if s, _ := text(reconcile.FieldQuantityUnit); s != "" {
		if u, ok := values.QuantityUnit(s); ok {
			rec.QuantityUnit = u
		} else {
			rec.QuantityUnit = s
		}
	}
	var qu values.CellUnit
	rec.Quantity, qu = p.numberUnit(r, reconcile.FieldQuantity, true, flag)
	p.quantityUnit(&rec, qu, flag)
	// Weights.
	rec.NetKg = p.weight(r, reconcile.FieldNetWeight, p.netUnit, flag)
	rec.GrossKg = p.weight(r, reconcile.FieldGrossWeight, p.grossUnit, flag)
	// Values.
	curText, _ := text(reconcile.FieldCurrency)
	rowCur := ""
	if curText != "" {
		if c, ok := values.Currency(curText); ok {
			rowCur = c
		} else if c, ok := synonyms.currencyWords[foldHeader(strings.TrimSpace(curText))]; ok {
			rowCur = c
		} else if l, ok := p.curLabels[labelKey(curText)]; ok {
			rowCur = l
		}
	}
	if i := p.col(reconcile.FieldValue); i >= 0 {
		n, u := p.numberUnit(r, reconcile.FieldValue, true, flag)
		if n.Valid || n.Raw != "" {
			rec.Value = n
			cur := p.cols[i].Currency
			if cur == "" {
				cur = rowCur
			}
			cur, n = p.cellCurrency(reconcile.FieldValue, i, cur, n, u, flag)
			rec.Value = n
			rec.Currency = cur
			if n.Valid && cur == "" {
				d := "no currency in the header, a currency column or the mapping"
				if curText != "" {
					d = unknownCurrencyDetail(curText)
				}
				flag(reconcile.FieldValue, reconcile.FlagUnknownCurrency, i, n.Raw, d)
			}
			if cur == "USD" {
				rec.ValueUSD = n
			}
		}
	}
	if i := p.col(reconcile.FieldValueUSD); i >= 0 {
		n, u := p.numberUnit(r, reconcile.FieldValueUSD, true, flag)
		if cur, m := p.cellCurrency(reconcile.FieldValueUSD, i, "USD", n, u, flag); cur != "USD" {
			// "€1,200" in a USD column: an amount in euros, not dollars.
			if m.Valid && !rec.Value.Valid && rec.Value.Raw == "" {
				rec.Value, rec.Currency = m, cur
			}
			n = reconcile.Number{}
		}
		// A USD value column that is empty or a vendor's 0 does not undo a
		// USD amount the value column already gave.
		if n.Valid || (n.Raw != "" && !rec.ValueUSD.Valid) {
			rec.ValueUSD = n
			if !rec.Value.Valid && rec.Value.Raw == "" {
				rec.Value, rec.Currency = n, "USD"
			}
		}
	}
	p.customsFallback(r, &rec, curColumn(p))
	hasData := rec.Consignee.Name() != "" || rec.Shipper.Name() != "" || rec.Consignee.TaxID != "" || rec.Shipper.TaxID != "" ||
		rec.NetKg.Valid || rec.GrossKg.Valid || rec.Value.Valid || rec.ValueUSD.Valid || rec.Quantity.Valid ||
		rec.NetKg.Raw != "" || rec.GrossKg.Raw != "" || rec.Value.Raw != "" || rec.ValueUSD.Raw != "" || rec.Quantity.Raw != ""
	return rec, hasData
}

func strconvQuote(s string) string { return strconv.Quote(s) }

type flagFn func(f reconcile.Field, code reconcile.FlagCode, col int, raw, detail string)

func (p *plan) party(r *rawRow, nameCols []int, nameF, idF, ctryF reconcile.Field, flag flagFn) reconcile.Party {
	var pt reconcile.Party
	for _, i := range nameCols {
		c := cellAt(r, i)
		if c.k == kindFormula {
			flag(nameF, reconcile.FlagFormulaNoValue, i, c.s, "formula without a saved value")
			continue
		}
		if c.s == "" {
			continue
		}
		name, ids := values.SplitTaxIDs(c.s)
		name = strings.TrimSpace(name)
		if ids.INN != "" && pt.TaxID == "" {
			pt.TaxID = ids.INN
		}
		if ids.KPP != "" && pt.KPP == "" {
			pt.KPP = ids.KPP
		}
		if name == "" {
			continue
		}
		dup := false
		for _, n := range pt.Names {
			if strings.EqualFold(n, name) {
				dup = true
			}
		}
		if !dup {
			pt.Names = append(pt.Names, name)
		}
	}
	if i := p.col(idF); i >= 0 {
		c := cellAt(r, i)
		if c.s != "" && c.k != kindFormula {
			id := strings.TrimSpace(c.s)
			if c.k == kindNumber {
				id = canonicalNumber(id)
			}
			id, damaged := values.CleanTaxID(id)
			if damaged {
				flag(idF, reconcile.FlagDamagedID, i, c.s, "scientific notation: the spreadsheet rounded the ID, so it is not used to match firms")
				id = ""
			}
			// "7701234567/772201001": INN and KPP.
			if a, b, ok := strings.Cut(id, "/"); ok && isDigits(a) && isDigits(b) && len(b) == 9 {
				id = a
				if pt.KPP == "" {
					pt.KPP = b
				}
			}
			if id != "" {
				pt.TaxID = id
			}
		}
	}
	if i := p.col(ctryF); i >= 0 {
		pt.Country = p.countryAt(r, i, ctryF, flag)
	}
	return pt
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (p *plan) country(r *rawRow, f reconcile.Field, flag flagFn) string {
	return p.countryAt(r, p.col(f), f, flag)
}

func (p *plan) countryAt(r *rawRow, i int, f reconcile.Field, flag flagFn) string {
	if i < 0 {
		return ""
	}
	c := cellAt(r, i)
	if c.s == "" {
		return ""
	}
	if c.k == kindFormula {
		flag(f, reconcile.FlagFormulaNoValue, i, c.s, "formula without a saved value")
		return ""
	}
	if iso, ok := values.Country(c.s); ok {
		return iso
	}
	if p.isPortColumn(i) {
		if iso, ok := placeCountry(c.s, p.cols[i].places); ok {
			return iso
		}
	}
	flag(f, reconcile.FlagUnparsed, i, c.s, "country not recognised")
	return ""
}

func (p *plan) date(rec *reconcile.Record, i int, c cell, flag flagFn) {
	s := c.s
	if c.k == kindNumber {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 20000 && f < 80000 {
			if iso, ok := excelDate(f, p.date1904); ok {
				s = iso
			}
		}
	}
	d, ok := values.ParseDate(s, p.dateOrder)
	if !ok {
		if p.dateOrder == values.OrderUnknown && ambiguousDate(s) {
			flag(reconcile.FieldDate, reconcile.FlagAmbiguousDate, i, c.s, ambiguousDateDetail(c.s))
			return
		}
		detail := "not a date"
		if y, err := strconv.Atoi(s); err == nil && len(s) == 4 && y >= 1900 && y <= 2100 {
			// Comtrade's annual period: a year names no month to file it under.
			detail = "a year only (an annual figure): no month or day"
		}
		flag(reconcile.FieldDate, reconcile.FlagUnparsed, i, c.s, detail)
		return
	}
	rec.Date = d
	if d.Precision == reconcile.PrecisionMonth {
		flag(reconcile.FieldDate, reconcile.FlagMonthPrecision, i, c.s, "")
	}
}

func ambiguousDate(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	if len(parts) != 3 {
		return false
	}
	a, e1 := strconv.Atoi(parts[0])
	b, e2 := strconv.Atoi(parts[1])
	return e1 == nil && e2 == nil && a >= 1 && a <= 12 && b >= 1 && b <= 12 && a != b
}

// numberUnit parses a numeric column, with the unit or currency the cell
// itself writes ("18 t", "$1,200"), if any. Vendors write 0 where they
// have no value: in value and weight columns a zero is missing and
// flagged.
func (p *plan) numberUnit(r *rawRow, f reconcile.Field, zeroIsMissing bool, flag flagFn) (reconcile.Number, values.CellUnit) {
	return p.numberAt(r, p.col(f), f, zeroIsMissing, flag)
}

// numberAt reads column i as field f (numberUnit reads f's own column).
func (p *plan) numberAt(r *rawRow, i int, f reconcile.Field, zeroIsMissing bool, flag flagFn) (reconcile.Number, values.CellUnit) {
	if i < 0 {
		return reconcile.Number{}, values.CellUnit{}
	}
	c := cellAt(r, i)
	if c.s == "" {
		return reconcile.Number{}, values.CellUnit{}
	}
	if c.k == kindFormula {
		flag(f, reconcile.FlagFormulaNoValue, i, c.s, "formula without a saved value; open and save the file in Excel")
		return reconcile.Number{Raw: c.s}, values.CellUnit{}
	}
	var v float64
	var u values.CellUnit
	ok, unsettled := false, false
	if c.k == kindNumber {
		x, err := strconv.ParseFloat(c.s, 64)
		v, ok = x, err == nil
		if ok && c.cur != "" {
			u = values.CellUnit{Kind: values.UnitCurrency, Canon: c.cur, Raw: "number format " + c.cur}
		}
	}
	hint := p.numHint[i]
	if !ok {
		v, unsettled, ok = values.ParseNumberUnsettled(c.s, hint)
	}
	if !ok {
		if num, cu, found := values.SplitNumberUnit(c.s); found {
			h := hint
			if h == values.HintNone && cu.Kind == values.UnitWeight && cu.Factor >= 1000 {
				h = values.HintLoneDecimal // "3.471 t": three decimals of a tonne are kilograms
			}
			v, unsettled, ok = values.ParseNumberUnsettled(num, h)
			u = cu
		}
	}
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		flag(f, reconcile.FlagUnparsed, i, c.s, "not a number")
		return reconcile.Number{Raw: c.s}, values.CellUnit{}
	}
	if unsettled && (f == reconcile.FieldNetWeight || f == reconcile.FieldGrossWeight) && (u.Kind != values.UnitWeight || u.Factor < 1000) {
		// Money has two decimals and pieces none, so there a lone
		// "1.234" is thousands; a weight in kg may well have three, and
		// a guess would be a silent thousandfold: left out until decided.
		d := decimalReading(c.s)
		flag(f, reconcile.FlagAmbiguousNumber, i, c.s, fmt.Sprintf("could be %s or %s and nothing in the file decides; left out of totals until the column's decimal separator is set (comma or point)",
			strconv.FormatFloat(d, 'f', -1, 64), strconv.FormatFloat(v, 'f', -1, 64)))
		return reconcile.Number{Raw: c.s}, values.CellUnit{}
	}
	if fac := p.cols[i].Factor; fac > 0 && fac != 1 && (f == reconcile.FieldValue || f == reconcile.FieldValueUSD) {
		v *= fac
	}
	if v == 0 && zeroIsMissing {
		flag(f, reconcile.FlagZeroAsMissing, i, c.s, "a vendor's 0 means no value")
		return reconcile.Number{Raw: c.s}, u
	}
	if v < 0 {
		flag(f, reconcile.FlagNegative, i, c.s, "negative")
		return reconcile.Number{Raw: c.s}, u
	}
	if c.k == kindNumber {
		// A typed number is its own text; not keeping a copy saves memory
		// when a whole file is held (ReadAll).
		return reconcile.Number{Value: v, Valid: true}, u
	}
	return reconcile.Number{Value: v, Valid: true, Raw: c.s}, u
}

func (p *plan) weight(r *rawRow, f reconcile.Field, unitCol int, flag flagFn) reconcile.Number {
	n, u := p.numberUnit(r, f, true, flag)
	if !n.Valid {
		return n
	}
	i := p.col(f)
	if u.Kind != values.UnitUnknown {
		return p.cellWeight(r, f, i, unitCol, n, u, flag)
	}
	fac := p.cols[i].Factor
	if p.isTonsCol(i) {
		flag(f, reconcile.FlagUnknownUnit, i, n.Raw, detailTons)
		return reconcile.Number{Raw: n.Raw}
	}
	if unitCol >= 0 && p.cols[i].Unit == "from unit column" {
		u := cellAt(r, unitCol).s
		uf, ok := weightFactor(u)
		if ok && bareTon(u) {
			if uf, ok = p.tonsFactor(); !ok {
				flag(f, reconcile.FlagUnknownUnit, i, n.Raw, detailTons)
				return reconcile.Number{Raw: n.Raw}
			}
		}
		if !ok {
			d := "no unit in the unit column"
			if u != "" {
				d = "unit " + strconv.Quote(u) + " is not a weight unit"
			}
			flag(f, reconcile.FlagUnknownUnit, i, n.Raw, d)
			return reconcile.Number{Raw: n.Raw}
		}
		fac = uf
	}
	if fac <= 0 {
		fac = 1
	}
	if p.cols[i].Unit == unitAssumedKg {
		// Neither the header nor a unit column states the unit: read as
		// kg (the sheet warns), and every record says so. The value stays
		// valid, so totals keep it; the flag is Kept.
		flag(f, reconcile.FlagUnknownUnit, i, cellAt(r, i).s, detailAssumedKg)
	}
	n.Value *= fac
	return n
}

// unitAssumedKg is the Unit of a weight column whose header states no unit
// and that has no unit column; detailAssumedKg explains its records' flag.
const (
	unitAssumedKg   = "kg (assumed)"
	detailAssumedKg = "unit not stated; read as kg"
)
