package synth

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// column is one rendered column: its header and how a row fills it.
type column struct {
	header string
	cell   func(s *Source, sh *Shipment, row int) any // string, float64, int or time.Time
	sum    func(sh *Shipment) float64                 // for the total row; nil: left blank
}

// columns draws the source's headers and column order.
func (s *Source) columns(rng *rand.Rand) []column {
	ru := s.Lang == "ru"
	h := func(en []string, rus []string) string {
		if ru && len(rus) > 0 {
			return pick(rng, rus...)
		}
		return pick(rng, en...)
	}
	var cols []column
	add := func(header string, cell func(s *Source, sh *Shipment, row int) any) {
		cols = append(cols, column{header: header, cell: cell})
	}
	dateEN := []string{"Date", "Declaration Date", "Registration Date"}
	if s.Kind == KindBL {
		dateEN = []string{"Arrival Date", "Shipment Date", "Date"}
	}
	add(h(dateEN, []string{"Дата регистрации ДТ", "Дата"}), (*Source).dateCell)
	switch s.Kind {
	case KindDeclarations, KindAggregator:
		add(h([]string{"Declaration Number", "Declaration No", "GTD No"}, []string{"Номер ДТ", "№ ДТ", "Номер декларации"}),
			func(_ *Source, sh *Shipment, _ int) any { return sh.Declaration })
		if s.Items {
			add(h([]string{"Item No", "Item Number"}, []string{"№ товара", "Номер товара"}),
				func(_ *Source, sh *Shipment, _ int) any { return sh.Item })
		}
	case KindBL:
		add(pick(rng, "Bill of Lading", "B/L Number", "Master Bill of Lading"),
			func(_ *Source, sh *Shipment, _ int) any { return sh.BL })
	}
	add(h([]string{"Consignee", "Importer", "Buyer"}, []string{"Получатель", "Наименование получателя"}), (*Source).consigneeCell)
	if s.Kind == KindDeclarations {
		add(h([]string{"Consignee INN", "Importer Tax ID"}, []string{"ИНН получателя"}),
			func(_ *Source, sh *Shipment, _ int) any { return Firms[sh.Consignee].INN })
	}
	add(h([]string{"Shipper", "Exporter", "Supplier"}, []string{"Отправитель", "Наименование отправителя"}), (*Source).shipperCell)
	add(h([]string{"HS Code", "HS", "Tariff Code"}, []string{"Код ТН ВЭД", "ТН ВЭД"}), (*Source).hsCell)
	add(h([]string{"Description", "Goods Description", "Product Description"}, []string{"Описание товара", "Наименование товара"}),
		func(_ *Source, sh *Shipment, _ int) any { return sh.Description })
	add(h([]string{"Country of Origin", "Origin Country"}, []string{"Страна происхождения"}),
		func(_ *Source, sh *Shipment, _ int) any { return sh.Origin })
	unitEN := map[string][]string{"kg": {"(kg)", ", kg", "KG"}, "t": {"(t)", "(tonnes)", ", MT"}, "lb": {"(lb)", "(lbs)", ", LB"}}[s.Unit]
	unitRU := map[string][]string{"kg": {", кг"}, "t": {", т", ", тонн"}, "lb": {", фунты"}}[s.Unit]
	if s.Weights != WeightsGross {
		hdr := h([]string{"Net Weight"}, []string{"Вес нетто"})
		u := pick(rng, unitEN...)
		if ru {
			u = pick(rng, unitRU...)
		}
		cols = append(cols, column{header: strings.TrimSpace(hdr + " " + strings.TrimPrefix(u, " ")),
			cell: func(s *Source, sh *Shipment, _ int) any { return s.weight(sh.NetKg) },
			sum:  func(sh *Shipment) float64 { return sh.NetKg }})
		fixComma(&cols[len(cols)-1])
	}
	if s.Weights != WeightsNet {
		hdr := h([]string{"Gross Weight"}, []string{"Вес брутто"})
		u := pick(rng, unitEN...)
		if ru {
			u = pick(rng, unitRU...)
		}
		cols = append(cols, column{header: strings.TrimSpace(hdr + " " + strings.TrimPrefix(u, " ")),
			cell: func(s *Source, sh *Shipment, _ int) any { return s.weight(sh.GrossKg) },
			sum:  func(sh *Shipment) float64 { return sh.GrossKg }})
		fixComma(&cols[len(cols)-1])
	}
	if s.Value {
		cols = append(cols, column{header: h([]string{"Value USD", "Value (USD)", "Total Value, USD"}, []string{"Стоимость, USD", "Фактурная стоимость, долл. США"}),
			cell: func(s *Source, sh *Shipment, _ int) any { return s.money(sh.ValueUSD) },
			sum:  func(sh *Shipment) float64 { return sh.ValueUSD }})
	}
	if s.Extra {
		add(h([]string{"Port of Loading"}, []string{"Таможенный пост"}), func(_ *Source, sh *Shipment, _ int) any {
			return []string{"QINGDAO", "MERSIN", "JEBEL ALI", "SHANGHAI", "NHAVA SHEVA", "QINGDAO"}[sh.Shipper]
		})
		add(h([]string{"Incoterms"}, []string{"Условия поставки"}), func(_ *Source, _ *Shipment, row int) any {
			return []string{"FOB", "CIF", "DAP", "EXW"}[row%4]
		})
	}
	rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	return cols
}

// fixComma turns "Net Weight , kg" into "Net Weight, kg".
func fixComma(c *column) { c.header = strings.ReplaceAll(c.header, " ,", ",") }

func (s *Source) dateCell(sh *Shipment, row int) any {
	d := sh.Date.AddDate(0, 0, s.DateShift[row])
	if s.DateFormat == "" && s.Format == "xlsx" {
		return d
	}
	f := s.DateFormat
	if f == "" {
		f = "2006-01-02"
	}
	return d.Format(f)
}

func (s *Source) consigneeCell(sh *Shipment, row int) any {
	f := Firms[sh.Consignee]
	if s.Cyrillic {
		return pick(s.rng, "ООО «"+f.Cyrillic+"»", "ООО \""+f.Cyrillic+"\"", "ООО "+f.Cyrillic)
	}
	if s.GluedINN && s.rng.IntN(3) == 0 {
		return f.INN + " " + f.Latin + " LLC"
	}
	return pick(s.rng, "OOO "+f.Latin, f.Latin+" LLC", "LLC \""+f.Latin+"\"", "OOO «"+f.Latin+"»", f.Latin+", OOO")
}

func (s *Source) shipperCell(sh *Shipment, _ int) any {
	n := Shippers[sh.Shipper].Name
	return pick(s.rng, n+" CO., LTD", n+" CO LTD", n+" COMPANY LIMITED", n+" CO., LTD.")
}

func (s *Source) hsCell(sh *Shipment, _ int) any {
	hs := sh.HS[:s.HSDigits]
	if s.HSNumber {
		n, _ := strconv.Atoi(hs)
		return n // Excel drops the leading zero of a code stored as a number
	}
	return hs
}

// weight renders kg in the source's unit and precision.
func (s *Source) weight(kg float64) any {
	v := kg
	switch s.Unit {
	case "t":
		v = kg / 1000
	case "lb":
		v = kg / 0.45359237
	}
	p := math.Pow(10, float64(s.Decimals))
	v = math.Round(v*p) / p
	if s.Format == "xlsx" {
		return v
	}
	return s.numText(v, s.Decimals)
}

func (s *Source) money(v float64) any {
	if s.Format == "xlsx" {
		return v
	}
	return s.numText(v, 2)
}

// numText writes a number as the source's locale would: a decimal comma
// in Russian files, thousands separators in some English ones.
func (s *Source) numText(v float64, dec int) string {
	t := strconv.FormatFloat(v, 'f', dec, 64)
	if s.Lang == "ru" {
		return strings.Replace(t, ".", ",", 1)
	}
	if s.Delim != ',' && v >= 1000 && s.Index%2 == 0 {
		ip, fp, _ := strings.Cut(t, ".")
		var b strings.Builder
		for i, c := range ip {
			if i > 0 && (len(ip)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		if fp != "" {
			b.WriteString("." + fp)
		}
		return b.String()
	}
	return t
}

// Write renders the source into dir and returns the file's path.
func (s *Source) Write(dir string, all []Shipment) (string, error) {
	var rows [][]any
	for k := 0; k < s.Banner; k++ {
		text := []string{"ILLUSTRATIVE SYNTHETIC DATA — NOT REAL RECORDS", "Export generated 2023-01-15", "Query: imports, 2022", ""}[k%4]
		if k < len(s.BannerText) {
			text = s.BannerText[k]
		}
		rows = append(rows, []any{text})
	}
	hdr := make([]any, len(s.cols))
	for i, c := range s.cols {
		hdr[i] = c.header
	}
	rows = append(rows, hdr)
	sums := make([]float64, len(s.cols))
	for row, k := range s.Order {
		sh := &all[s.Covers[k]]
		r := make([]any, len(s.cols))
		for i, c := range s.cols {
			r[i] = c.cell(s, sh, row)
			if c.sum != nil {
				sums[i] += c.sum(sh)
			}
		}
		rows = append(rows, r)
	}
	if s.TotalRow {
		r := make([]any, len(s.cols))
		label := "Total"
		if s.Lang == "ru" {
			label = "ИТОГО"
		}
		r[0] = label
		for i, c := range s.cols {
			if c.sum == nil {
				continue
			}
			// The total of what the column holds, in its own unit.
			if strings.Contains(c.header, "USD") || strings.Contains(c.header, "долл") {
				r[i] = s.money(math.Round(sums[i]*100) / 100)
			} else {
				r[i] = s.weight(sums[i])
			}
		}
		rows = append(rows, r)
	}
	path := filepath.Join(dir, s.FileName())
	if s.Format == "csv" {
		return path, writeCSV(path, rows, s.Delim)
	}
	return path, writeXLSX(path, s.sheetName(), rows)
}

func writeCSV(path string, rows [][]any, delim rune) error {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Comma = delim
	for _, r := range rows {
		rec := make([]string, len(r))
		for i, v := range r {
			rec[i] = text(v)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return ""
}

func (s *Source) sheetName() string {
	if s.Sheet != "" {
		return s.Sheet
	}
	return "Data"
}

func writeXLSX(path, sheet string, rows [][]any) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
				return err
			}
			if _, ok := v.(time.Time); ok {
				if err := f.SetCellStyle(sheet, cell, cell, dateStyle); err != nil {
					return err
				}
			}
		}
	}
	return f.SaveAs(path)
}
