package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestSynonymTables loads the embedded tables and checks that every
// concept the rules ask about has at least one synonym.
func TestSynonymTables(t *testing.T) {
	t.Parallel()
	tabs, err := loadSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range concepts {
		if tabs.concepts[c] == nil {
			t.Errorf("concept %q has no synonym in any table", c)
		}
	}
	if len(tabs.direct) == 0 {
		t.Error("no direct header mappings (comtrade.tsv, comext.tsv)")
	}
}

func TestSynonymTableErrors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, line, want string }{
		{"unknown concept", "consignor_x\tfoo", "unknown concept"},
		{"bad match", "consignee\tfoo\tsoundex", "match must be"},
		{"direct without header match", "=hs_code\tfoo\tword", "whole header"},
		{"unknown field", "=hs_kode\tfoo\theader", "unknown field"},
		{"unmapped without note", "=-\tfoo\theader", "needs a note"},
		{"bad rank", "=hs_code\tfoo\theader\tfirst", "rank is not a number"},
		{"one column", "consignee", "want concept"},
		{"unknown weight unit", "wunit:furlong\tfoo", "unknown concept"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tabs := &synonymTables{concepts: map[string]*conceptSyns{}, direct: map[string]directSyn{}, currencyWords: map[string]string{}}
			err := tabs.add("test", "# comment\n"+tt.line+"\n")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "test.tsv line 2") {
				t.Errorf("add(%q) = %v, want an error naming the line and %q", tt.line, err, tt.want)
			}
		})
	}
}

// classifyLangCases are headers of exports in the languages Tradecheck reads;
// each row names the table that must explain the mapping.
var classifyLangCases = []struct {
	header string
	field  reconcile.Field
	table  string // a table named in the reason, "" when unmapped
}{
	// Turkish, with and without Turkish letters.
	{"İthalatçı", reconcile.FieldConsignee, "tr"},
	{"ITHALATCI FIRMA", reconcile.FieldConsignee, "tr"},
	{"Gönderici Firma", reconcile.FieldShipper, "tr"},
	{"GTİP", reconcile.FieldHSCode, "tr"},
	{"Brüt Ağırlık (kg)", reconcile.FieldGrossWeight, "tr"},
	{"Net Ağırlık (kg)", reconcile.FieldNetWeight, "tr"},
	{"Tescil Tarihi", reconcile.FieldDate, "tr"},
	{"Menşe Ülke", reconcile.FieldOriginCountry, "tr"},
	{"İstatistiki Kıymet (USD)", reconcile.FieldValueUSD, "tr"},
	{"Eşya Tanımı", reconcile.FieldDescription, "tr"},
	{"Miktar", reconcile.FieldQuantity, "tr"},
	{"Miktar Birimi", reconcile.FieldQuantityUnit, "tr"},
	{"Beyanname No", reconcile.FieldDeclarationID, "tr"},
	{"Konşimento No", reconcile.FieldBillOfLading, "tr"},
	{"Konteyner No", reconcile.FieldContainer, "tr"},
	{"Fatura No", reconcile.FieldInvoice, "tr"},
	{"Gümrük Müşaviri", "", "tr"},
	// Ukrainian.
	{"Одержувач", reconcile.FieldConsignee, "uk"},
	{"Відправник", reconcile.FieldShipper, "uk"},
	{"Код УКТЗЕД", reconcile.FieldHSCode, "uk"},
	{"Країна походження", reconcile.FieldOriginCountry, "uk"},
	{"Вага нетто, кг", reconcile.FieldNetWeight, "ru"},
	{"Митна вартість, грн", reconcile.FieldValue, "uk"},
	{"Кількість", reconcile.FieldQuantity, "uk"},
	{"Код ЄДРПОУ одержувача", reconcile.FieldConsigneeID, "uk"},
	// Kazakh and Kazakh-Russian bilingual.
	{"Алушы", reconcile.FieldConsignee, "kk"},
	{"Получатель / Алушы", reconcile.FieldConsignee, "kk"},
	{"Отправитель / Жөнелтуші", reconcile.FieldShipper, "kk"},
	{"Шығарылған елі", reconcile.FieldOriginCountry, "kk"},
	{"Таза салмақ, кг", reconcile.FieldNetWeight, "kk"},
	{"Вес брутто / Жалпы салмақ", reconcile.FieldGrossWeight, "kk"},
	{"Кедендік құны", reconcile.FieldValue, "kk"},
	{"Алушының БСН", reconcile.FieldConsigneeID, "kk"},
	// Russian gaps.
	{"Страна происх.", reconcile.FieldOriginCountry, "ru"},
	{"№ тов.", reconcile.FieldItemNo, "ru"},
	{"Доп. ед. изм.", reconcile.FieldQuantityUnit, "ru"},
	// Spanish.
	{"Importador", reconcile.FieldConsignee, "es"},
	{"Proveedor", reconcile.FieldShipper, "es"},
	{"Peso Neto", reconcile.FieldNetWeight, "es"},
	{"Peso Bruto (kg)", reconcile.FieldGrossWeight, "es"},
	{"Partida Arancelaria", reconcile.FieldHSCode, "es"},
	{"País de Origen", reconcile.FieldOriginCountry, "es"},
	{"Fecha de Numeración", reconcile.FieldDate, "es"},
	{"Valor FOB US$", reconcile.FieldValueUSD, "es"},
	{"Descripción Comercial", reconcile.FieldDescription, "es"},
	{"Cantidad", reconcile.FieldQuantity, "es"},
	{"Flete", "", ""},
	{"Número de DUA", reconcile.FieldDeclarationID, "es"},
	// Portuguese.
	{"Importador", reconcile.FieldConsignee, "es"},
	{"Fornecedor", reconcile.FieldShipper, "pt"},
	{"Peso Líquido (kg)", reconcile.FieldNetWeight, "pt"},
	{"Código NCM", reconcile.FieldHSCode, "en"},
	{"País de Origem", reconcile.FieldOriginCountry, "pt"},
	{"Descrição da Mercadoria", reconcile.FieldDescription, "pt"},
	{"Quantidade", reconcile.FieldQuantity, "pt"},
	{"Data de Registro", reconcile.FieldDate, "pt"},
	// Chinese, simplified and traditional.
	{"收货人", reconcile.FieldConsignee, "zh-hans"},
	{"发货人", reconcile.FieldShipper, "zh-hans"},
	{"海关编码", reconcile.FieldHSCode, "zh-hans"},
	{"净重(千克)", reconcile.FieldNetWeight, "zh-hans"},
	{"毛重（千克）", reconcile.FieldGrossWeight, "zh-hans"},
	{"美元", reconcile.FieldValueUSD, "zh-hans"},
	{"金额(美元)", reconcile.FieldValueUSD, "zh-hans"},
	{"商品名称", reconcile.FieldDescription, "zh-hans"},
	{"原产国", reconcile.FieldOriginCountry, "zh-hans"},
	{"申报日期", reconcile.FieldDate, "zh-hans"},
	{"数量", reconcile.FieldQuantity, "zh-hans"},
	{"单价", "", ""},
	{"收发货人", "", ""},
	{"收貨人", reconcile.FieldConsignee, "zh-hant"},
	{"海關編碼", reconcile.FieldHSCode, "zh-hant"},
	{"淨重(公斤)", reconcile.FieldNetWeight, "zh-hant"},
	{"提單號", reconcile.FieldBillOfLading, "zh-hant"},
	// UN Comtrade, legacy and current API; Eurostat Comext.
	{"Qty Unit Code", "", ""},
	{"qtyUnitCode", "", "comtrade"},
	{"qtyUnitAbbr", reconcile.FieldQuantityUnit, "comtrade"},
	{"Qty Unit", reconcile.FieldQuantityUnit, ""},
	{"Qty", reconcile.FieldQuantity, ""},
	{"cmdCode", reconcile.FieldHSCode, "comtrade"},
	{"netWgt", reconcile.FieldNetWeight, "comtrade"},
	{"primaryValue", reconcile.FieldValueUSD, "comtrade"},
	{"Commodity Code", reconcile.FieldHSCode, "comtrade"},
	{"Netweight (kg)", reconcile.FieldNetWeight, "en"},
	{"Trade Value (US$)", reconcile.FieldValueUSD, "comtrade"},
	{"Alt Qty Unit Code", "", "comtrade"},
	{"PRODUCT_NC", reconcile.FieldHSCode, "comext"},
	{"VALUE_IN_EUROS", reconcile.FieldValue, "comext"},
	{"QUANTITY_IN_KG", reconcile.FieldNetWeight, "comext"},
	{"SUP_QUANTITY", reconcile.FieldQuantity, "comext"},
	// Documents in English.
	{"Container Number", reconcile.FieldContainer, "en"},
	{"Container Type", "", "en"},
	{"Invoice No", reconcile.FieldInvoice, "en"},
	{"Invoice Value", reconcile.FieldValue, "en"},
	// Currency columns as registers abbreviate them.
	{"Cur.", reconcile.FieldCurrency, "en"},
	{"Curr", reconcile.FieldCurrency, "en"},
	{"CCY", reconcile.FieldCurrency, "en"},
	{"Валюта", reconcile.FieldCurrency, "ru"},
	{"Вал.", reconcile.FieldCurrency, "ru"},
	{"Döviz", reconcile.FieldCurrency, "tr"},
	{"Döviz Kodu", reconcile.FieldCurrency, "tr"},
	{"Валюта контракту", reconcile.FieldCurrency, ""},
	{"Currency rate", "", "en"},
}

func TestClassifyLanguages(t *testing.T) {
	t.Parallel()
	for _, tt := range classifyLangCases {
		t.Run(tt.header, func(t *testing.T) {
			g := classify(tt.header)
			if g.field != tt.field {
				t.Errorf("classify(%q) = %q (%s), want %q", tt.header, g.field, g.reason, tt.field)
			}
			if tt.table != "" && !strings.Contains(g.reason, tt.table+".tsv") {
				t.Errorf("classify(%q): reason %q does not name %s.tsv", tt.header, g.reason, tt.table)
			}
		})
	}
}

func TestHeaderUnits(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		header, unit string
		factor       float64
	}{
		{"净重(千克)", "kg", 1},
		{"毛重(吨)", "t", 1000},
		{"淨重(公斤)", "kg", 1},
		{"Brüt Ağırlık (ton)", "t", 1000},
	} {
		t.Run(tt.header, func(t *testing.T) {
			u, f, ok := headerWeightUnit(tt.header)
			if !ok || u != tt.unit || f != tt.factor {
				t.Errorf("headerWeightUnit(%q) = %q, %v, %v; want %q, %v", tt.header, u, f, ok, tt.unit, tt.factor)
			}
		})
	}
	for _, tt := range []struct{ header, cur string }{
		{"金额(美元)", "USD"}, {"金额(人民币)", "CNY"}, {"Tutar (TL)", "TRY"}, {"Vartist, грн", "UAH"}, {"Valor (dólares)", "USD"},
	} {
		t.Run(tt.header, func(t *testing.T) {
			if c, ok := headerCurrency(prepHeader(tt.header)); !ok || c != tt.cur {
				t.Errorf("headerCurrency(%q) = %q, %v; want %q", tt.header, c, ok, tt.cur)
			}
		})
	}
}

func TestBareTaxIDGoesToNeighbour(t *testing.T) {
	t.Parallel()
	cols, _ := resolveColumns([]string{"Получатель", "ИНН", "Отправитель", "Вес нетто, кг"}, nil, nil, nil)
	if cols[1].Field != reconcile.FieldConsigneeID || !strings.Contains(cols[1].Reason, "beside") {
		t.Errorf("ИНН after Получатель: %q (%s), want consignee_id", cols[1].Field, cols[1].Reason)
	}
	cols, _ = resolveColumns([]string{"ИНН", "Вес нетто, кг", "Получатель", "ИНН получателя"}, nil, nil, nil)
	if cols[0].Field != "" {
		t.Errorf("ИНН beside no party: %q (%s), want unmapped", cols[0].Field, cols[0].Reason)
	}
}
