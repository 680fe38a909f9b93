package read

import (
	"math"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

var classifyCases = []struct {
	header string
	field  reconcile.Field
}{
	{"IMPORTER_NAME", reconcile.FieldConsignee},
	{"IMPORTER_NAME_EN", reconcile.FieldConsignee},
	{"BUYER_NAME_EN", reconcile.FieldConsignee},
	{"CONSIGNEE_NAME", reconcile.FieldConsignee},
	{"IMPORTERNAME", reconcile.FieldConsignee},
	{"Получатель", reconcile.FieldConsignee},
	{"Грузополучатель", reconcile.FieldConsignee},
	{"SUPPLIER_NAME", reconcile.FieldShipper},
	{"EXPORTER_NAME_EN", reconcile.FieldShipper},
	{"SHIPPER_NAME", reconcile.FieldShipper},
	{"Отправитель", reconcile.FieldShipper},
	{"IMPORTER_CODE", reconcile.FieldConsigneeID},
	{"ИНН получателя", reconcile.FieldConsigneeID},
	{"EXPORTER_TIN", reconcile.FieldShipperID},
	{"IMPORTER_PI", reconcile.FieldConsigneeID},
	{"IMPORTER_ADDRESS", ""},
	{"DECLARANT_NAME", ""},
	{"CUSTOMS_BROKER_NAME", ""},
	{"NOTIFY_PARTY_NAME", ""},
	{"GROSS_WEIGHT_KG", reconcile.FieldGrossWeight},
	{"NET_WEIGHT_KG", reconcile.FieldNetWeight},
	{"Вес нетто, кг", reconcile.FieldNetWeight},
	{"Вес брутто", reconcile.FieldGrossWeight},
	{"N_WEIGHT", reconcile.FieldNetWeight},
	{"NET_MASS", reconcile.FieldNetWeight},
	{"GROSS_WEIGHT_UNIT", ""},
	{"USD_PER_KG", ""},
	{"TOTALVALUE", reconcile.FieldValue},
	{"CUSTOMS_VALUE_USD", reconcile.FieldValueUSD},
	{"CALCULATED_TOTAL_VALUE_USD", reconcile.FieldValueUSD},
	{"TOTALVALUEUSD", reconcile.FieldValueUSD},
	{"SUMOFUSD_FOB", reconcile.FieldValueUSD},
	{"Фактурная стоимость", reconcile.FieldValue},
	{"Статистическая стоимость", reconcile.FieldValueUSD},
	{"UNIT_PRICE_USD", ""},
	{"FREIGHT_USD", ""},
	{"%GTTOTALVALUE", ""},
	{"TOTAL_USD_FOBPERCENTAGE", ""},
	{"MONTHYEAR", reconcile.FieldDate},
	{"IMP_DATE", reconcile.FieldDate},
	{"Дата выпуска", reconcile.FieldDate},
	{"MANIFEST_DATE", ""},
	{"HS_CODE", reconcile.FieldHSCode},
	{"Код товара по ТН ВЭД", reconcile.FieldHSCode},
	{"HS_CODE_4", ""},
	{"HS_CODE_DESCRIPTION", reconcile.FieldDescription},
	{"PRODUCT_DESCRIPTION", reconcile.FieldDescription},
	{"Страна происхождения", reconcile.FieldOriginCountry},
	{"Страна отправления", reconcile.FieldDispatchCountry},
	{"COUNTRY_OF_EXPORT", reconcile.FieldDispatchCountry},
	{"DESTINATION_COUNTRY", reconcile.FieldDestinationCountry},
	{"COUNTRY_ISO_CODE_2", ""},
	{"DESTINATION_PORT", ""},
	{"EXPORTER_COUNTRY_NAME", reconcile.FieldShipperCountry},
	{"DECLARATION_NUMBER", reconcile.FieldDeclarationID},
	{"GTD_NO", reconcile.FieldDeclarationID},
	{"Номер ДТ", reconcile.FieldDeclarationID},
	{"№ МД", reconcile.FieldDeclarationID},
	{"Реєстр. № МД", reconcile.FieldDeclarationID},
	{"ITEM_NUMBER", reconcile.FieldItemNo},
	{"№ товара", reconcile.FieldItemNo},
	{"Нетто, тн", reconcile.FieldNetWeight},
	{"Вес брутто, тн", reconcile.FieldGrossWeight},
	{"Код ТН ВЭД", reconcile.FieldHSCode},
	// A running row number, not an item: read as one, two registers of
	// the same declarations never merged.
	{"№ п/п", ""},
	{"№ п.п.", ""},
	{"QUANTITY", reconcile.FieldQuantity},
	{"TOTALQUANTITY", reconcile.FieldQuantity},
	{"NUMBER_OF_PACKAGES", ""},
	{"UNIT", reconcile.FieldQuantityUnit},
	{"QUANTITY_UNIT", reconcile.FieldQuantityUnit},
	{"UNIT_OF_QUANTITY", reconcile.FieldQuantityUnit},
	{"SUMOFQUANTITY", reconcile.FieldQuantity},
	{"CURRENCY", reconcile.FieldCurrency},
	{"Валюта", reconcile.FieldCurrency},
	{"EXCHANGE_RATE", ""},
	{"RECORDS_TAG", ""},
	{"GOODS DESCRIPTION", reconcile.FieldDescription},
	{"INDICATOR_OF_TRUE_BUYER", ""},
	{"Harmonized Number", reconcile.FieldHSCode},
	{"Goods Shipped", reconcile.FieldDescription},
	{"Товар", reconcile.FieldDescription},
	{"ИНН", fieldPartyIDAny}, // resolveColumns gives it to the party beside it
	{"Value of Goods (USD)", reconcile.FieldValueUSD},
	{"Масса брутто, кг", reconcile.FieldGrossWeight},
	{"Weight (LB)", fieldWeightAny},
	// Vendors' country roles: Panjiva's "Shipment Origin" is where the
	// shipment left from; "Country of Origin" is where the goods were made.
	{"Shipment Origin", reconcile.FieldDispatchCountry},
	{"Shipment Destination", reconcile.FieldDestinationCountry},
	{"Country of Origin", reconcile.FieldOriginCountry},
	{"Importing Country", reconcile.FieldDestinationCountry},
	{"Country of import", reconcile.FieldDestinationCountry},
	{"进口国 Importing Country", reconcile.FieldDestinationCountry},
	{"出口国", reconcile.FieldDispatchCountry},
	{"Страна ввоза", reconcile.FieldDestinationCountry},
	{"Країна ввезення", reconcile.FieldDestinationCountry},
	{"Ülke (ithalat)", reconcile.FieldDestinationCountry},
	{"Exporting country / Страна вывоза", reconcile.FieldDispatchCountry},
	{"Importer country", reconcile.FieldConsigneeCountry},
}

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, tt := range classifyCases {
		t.Run(tt.header, func(t *testing.T) {
			g := classify(tt.header)
			if g.field != tt.field {
				t.Errorf("classify(%q) = %q (%s), want %q", tt.header, g.field, g.reason, tt.field)
			}
		})
	}
}

func TestPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers []string
		want    map[string]reconcile.Field
	}{
		{"item value beats declaration total", []string{"IMPORTER_NAME", "CALCULATED_ITEM_VALUE_USD", "CALCULATED_TOTAL_VALUE_USD"},
			map[string]reconcile.Field{"CALCULATED_ITEM_VALUE_USD": reconcile.FieldValueUSD, "CALCULATED_TOTAL_VALUE_USD": ""}},
		{"customs value beats invoice and CIF", []string{"INVOICE_VALUE_USD", "CIF_USD", "CUSTOMS_VALUE_USD", "TOTAL_CUSTOMS_VALUE_USD"},
			map[string]reconcile.Field{"CUSTOMS_VALUE_USD": reconcile.FieldValueUSD, "INVOICE_VALUE_USD": "", "CIF_USD": "", "TOTAL_CUSTOMS_VALUE_USD": ""}},
		{"both party names kept", []string{"IMPORTER_NAME", "IMPORTER_NAME_EN"},
			map[string]reconcile.Field{"IMPORTER_NAME": reconcile.FieldConsignee, "IMPORTER_NAME_EN": reconcile.FieldConsignee}},
		{"unqualified weight is net", []string{"IMPORTER", "WEIGHT"}, map[string]reconcile.Field{"WEIGHT": reconcile.FieldNetWeight}},
		{"unqualified weight beside net is gross", []string{"NET_WEIGHT", "WEIGHT"}, map[string]reconcile.Field{"WEIGHT": reconcile.FieldGrossWeight}},
		{"tonnes beside a named weight unused", []string{"GROSS_WEIGHT", "METRIC_TONS"}, map[string]reconcile.Field{"METRIC_TONS": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cols, _ := resolveColumns(tt.headers, nil, nil, nil)
			for h, want := range tt.want {
				if got := fieldOf(cols, h); got != want {
					t.Errorf("%s mapped to %q, want %q", h, got, want)
				}
			}
		})
	}
}

var headerCases = []struct {
	name string
	rows [][]string
	want int // index of the header row, -1 for none
}{
	{"first row", [][]string{{"IMPORTER_NAME", "NET_WEIGHT_KG"}, {"A", "1"}}, 0},
	{"vendor banner", [][]string{{""}, {"", "", "", "", "DATA"}, {"HS_CODE", "IMPORTER_NAME", "TOTALVALUE"}, {"6907", "A", "1"}}, 2},
	{"title above", [][]string{{"Customs export, 2022"}, {}, {"Получатель", "Вес нетто, кг"}, {"А", "1"}}, 2},
	{"notes only", [][]string{{"These figures are illustrative."}, {"Prepared by the desk."}}, -1},
	{"numbers only", [][]string{{"1", "2", "3"}, {"4", "5", "6"}}, -1},
	{"wide row of names below", [][]string{{"Importer", "Net weight"}, {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa",
		"Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"}}, 0},
}

func rowsOf(cells [][]string) []*rawRow {
	var out []*rawRow
	for i, r := range cells {
		row := &rawRow{num: i + 1}
		for _, c := range r {
			k := kindString
			if c == "" {
				k = kindEmpty
			}
			row.cells = append(row.cells, cell{s: c, k: k})
		}
		out = append(out, row)
	}
	return out
}

func TestFindHeader(t *testing.T) {
	t.Parallel()
	for _, tt := range headerCases {
		t.Run(tt.name, func(t *testing.T) {
			if got := findHeader(rowsOf(tt.rows)); got != tt.want {
				t.Errorf("findHeader = %d, want %d", got, tt.want)
			}
		})
	}
}

// FuzzHeader feeds arbitrary tables to header detection, joining and
// mapping: they must not panic, and a found header must be a real row.
func FuzzHeader(f *testing.F) {
	for _, tt := range headerCases {
		var b strings.Builder
		for _, r := range tt.rows {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
		f.Add(b.String())
	}
	for _, c := range classifyCases {
		f.Add(c.header + "\tQUANTITY\n1\t2\n")
	}
	f.Fuzz(func(t *testing.T, s string) {
		var cells [][]string
		for _, line := range strings.Split(s, "\n") {
			cells = append(cells, strings.Split(line, "\t"))
		}
		rows := rowsOf(cells)
		h := findHeader(rows)
		if h < -1 || h >= len(rows) {
			t.Fatalf("findHeader = %d for %d rows", h, len(rows))
		}
		if h < 0 {
			return
		}
		headers := rows[h].strings()
		var lower *rawRow
		if h+1 < len(rows) {
			lower = rows[h+1]
		}
		if j, ok := joinHeader(rows[h], lower); ok {
			headers = j
		}
		cols, _ := resolveColumns(headers, nil, nil, nil)
		if len(cols) != len(headers) {
			t.Fatalf("%d columns for %d headers", len(cols), len(headers))
		}
		p := newPlan("f", "s", cols)
		for _, r := range rows[h+1:] {
			if reason, _ := p.classifyRow(r); reason == "" {
				p.build(r)
			}
		}
	})
}

func TestWeightUnitsFromHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header string
		factor float64
	}{
		{"Weight (LB)", 0.45359237},
		{"Net weight, t", 1000},
		{"Вес нетто, кг", 1},
		{"GROSS_WEIGHT_KG", 1},
		{"METRIC_TONS", 1000},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			cols, _ := resolveColumns([]string{"Consignee", tt.header}, nil, nil, nil)
			if c := cols[1]; math.Abs(c.Factor-tt.factor) > 1e-9 {
				t.Errorf("%s: factor %v (unit %q, field %q), want %v", tt.header, c.Factor, c.Unit, c.Field, tt.factor)
			}
		})
	}
}

func TestValueScale(t *testing.T) {
	t.Parallel()
	cols, _ := resolveColumns([]string{"IMPORTER_NAME", "STATISTICAL_VALUE_IN_1000_USD"}, nil, nil, nil)
	if c := cols[1]; c.Field != reconcile.FieldValueUSD || c.Factor != 1000 {
		t.Errorf("STATISTICAL_VALUE_IN_1000_USD: field %q factor %v, want value_usd × 1000", c.Field, c.Factor)
	}
}
