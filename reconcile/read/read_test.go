package read

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"tradecheck/reconcile"
)

// vendorFull mimics the vendors' "Full" workbooks: A1 empty, DATA in E2,
// the header on row 6, rows 3–5 absent.
func vendorFull(t *testing.T) string {
	return writeXLSX(t, "Russia_Import_Full.xlsx", []string{"Sheet"}, map[string]sheetRows{"Sheet": {
		2: {nil, nil, nil, nil, "DATA"},
		6: {"DECLARATION_NUMBER", "IMP_DATE", "SUPPLIER_NAME", "IMPORTER_CODE", "IMPORTER_NAME", "IMPORTER_NAME_EN", "ORIGIN_COUNTRY",
			"HS_CODE", "GROSS_WEIGHT_KG", "NET_WEIGHT_KG", "CUSTOMS_COST_VALUE_RUB", "TOTAL_VALUE_USD", "RECORD_ID"},
		7: {"10012020/310325/5016594", "2025-03-31", "KEDAR CERA LLP", "3905601620", "ООО МЕГАПОЛИС БАЛТИКА", "OOO MEGAPOLIS BALTIKA", "INDIA",
			"6907219009", 163.2, 160.5, 6947.52, 83.02, "6bcc"},
		8: {"10317120/310325/5058372", "2025-03-31", "KIZIL CERAMICA LLP", "7720870441", "ООО КЕРАМИКА", "CERAMICA LLC", "INDIA",
			"6907219009", 139945, 0, 5076339.23, 60662.77, "5bc1"},
	}}, nil)
}

func TestVendorFullWorkbook(t *testing.T) {
	t.Parallel()
	path := vendorFull(t)
	sr, recs := readSheet(t, path, "Sheet", Options{})
	if got := sr.HeaderRow(); got != 6 {
		t.Errorf("HeaderRow() = %d, want 6", got)
	}
	want := map[string]reconcile.Field{
		"DECLARATION_NUMBER": reconcile.FieldDeclarationID, "IMP_DATE": reconcile.FieldDate, "SUPPLIER_NAME": reconcile.FieldShipper,
		"IMPORTER_CODE": reconcile.FieldConsigneeID, "IMPORTER_NAME": reconcile.FieldConsignee, "IMPORTER_NAME_EN": reconcile.FieldConsignee,
		"ORIGIN_COUNTRY": reconcile.FieldOriginCountry, "HS_CODE": reconcile.FieldHSCode, "GROSS_WEIGHT_KG": reconcile.FieldGrossWeight,
		"NET_WEIGHT_KG": reconcile.FieldNetWeight, "CUSTOMS_COST_VALUE_RUB": reconcile.FieldValue, "TOTAL_VALUE_USD": reconcile.FieldValueUSD,
		"RECORD_ID": "",
	}
	for h, f := range want {
		if got := fieldOf(sr.Columns(), h); got != f {
			t.Errorf("column %s mapped to %q, want %q", h, got, f)
		}
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	r := recs[0]
	if r.Source != (reconcile.Provenance{File: path, Sheet: "Sheet", Row: 7}) {
		t.Errorf("Source = %+v, want row 7 of Sheet", r.Source)
	}
	if !reflect.DeepEqual(r.Consignee.Names, []string{"ООО МЕГАПОЛИС БАЛТИКА", "OOO MEGAPOLIS BALTIKA"}) {
		t.Errorf("Consignee.Names = %q, want original then _EN", r.Consignee.Names)
	}
	if r.Consignee.TaxID != "3905601620" {
		t.Errorf("Consignee.TaxID = %q, want 3905601620", r.Consignee.TaxID)
	}
	if r.Shipper.Name() != "KEDAR CERA LLP" || r.OriginCountry != "IN" || r.HSCode != "6907219009" {
		t.Errorf("shipper %q origin %q hs %q, want KEDAR CERA LLP IN 6907219009", r.Shipper.Name(), r.OriginCountry, r.HSCode)
	}
	if r.Date.String() != "2025-03-31" {
		t.Errorf("Date = %q, want 2025-03-31", r.Date)
	}
	if !r.GrossKg.Valid || r.GrossKg.Value != 163.2 || !r.NetKg.Valid || r.NetKg.Value != 160.5 {
		t.Errorf("weights gross %+v net %+v, want 163.2 and 160.5", r.GrossKg, r.NetKg)
	}
	if r.Currency != "RUB" || r.Value.Value != 6947.52 || r.ValueUSD.Value != 83.02 {
		t.Errorf("value %v %s, usd %v; want 6947.52 RUB and 83.02", r.Value.Value, r.Currency, r.ValueUSD.Value)
	}
	// A vendor's 0 weight is missing and flagged, never a zero.
	if recs[1].NetKg.Valid || !hasFlag(recs[1], reconcile.FieldNetWeight, reconcile.FlagZeroAsMissing) {
		t.Errorf("row 8 net weight %+v flags %v, want invalid with zero_as_missing", recs[1].NetKg, recs[1].Flags)
	}
	skips := sr.Skipped()
	wantSkips := []reconcile.Skip{{Row: 2, Reason: reconcile.SkipBanner, Detail: "DATA"}}
	if !reflect.DeepEqual(skips, wantSkips) {
		t.Errorf("Skipped() = %+v, want %+v", skips, wantSkips)
	}
	if sr.Granularity() != reconcile.GranularityShipment {
		t.Errorf("Granularity() = %q, want shipment", sr.Granularity())
	}
}

func TestShortMonthlyWorkbook(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "short.xlsx", []string{"Sheet1"}, map[string]sheetRows{"Sheet1": {
		1: {"HS_CODE", "SUPPLIER_NAME", "ORIGIN_COUNTRY", "IMPORTER_NAME_EN", "TOTALVALUE", "TOTALQUANTITY", "MONTHYEAR"},
		2: {"6907211000", "YATAS YATAK VE YORGAN SAN TIC A S", "TURKEY", "7722476458 772201001 OOO YATASH RUS", 6398.46, 734.4, "Apr 2023"},
		3: {"6907211000", "YATAS", "TURKEY", "OOO YATASH RUS", 0, 10, "May 2023"},
	}}, nil)
	sr, recs := readSheet(t, path, "Sheet1", Options{})
	if sr.Granularity() != reconcile.GranularityMonthly {
		t.Errorf("Granularity() = %q, want monthly", sr.Granularity())
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	r := recs[0]
	if r.Consignee.Name() != "OOO YATASH RUS" || r.Consignee.TaxID != "7722476458" || r.Consignee.KPP != "772201001" {
		t.Errorf("consignee %q INN %q KPP %q, want OOO YATASH RUS 7722476458 772201001", r.Consignee.Name(), r.Consignee.TaxID, r.Consignee.KPP)
	}
	if r.Date.Precision != reconcile.PrecisionMonth || r.Date.String() != "2023-04" || !hasFlag(r, reconcile.FieldDate, reconcile.FlagMonthPrecision) {
		t.Errorf("Date = %v (precision %d), flags %v; want 2023-04 month precision flagged", r.Date, r.Date.Precision, r.Flags)
	}
	// TOTALVALUE names no currency: the value is kept, the currency is
	// unknown and flagged, and value_usd stays empty.
	if !r.Value.Valid || r.Value.Value != 6398.46 || r.Currency != "" || r.ValueUSD.Valid || !hasFlag(r, reconcile.FieldValue, reconcile.FlagUnknownCurrency) {
		t.Errorf("value %+v currency %q usd %+v flags %v; want 6398.46, no currency, flagged", r.Value, r.Currency, r.ValueUSD, r.Flags)
	}
	// With the user's mapping the currency is known.
	_, recs = readSheet(t, path, "Sheet1", Options{Mapping: map[int]ColumnOverride{4: {Currency: "usd"}}})
	if recs[0].Currency != "USD" || !recs[0].ValueUSD.Valid || recs[0].ValueUSD.Value != 6398.46 {
		t.Errorf("with currency override: currency %q usd %+v, want USD 6398.46", recs[0].Currency, recs[0].ValueUSD)
	}
	if recs[1].Value.Valid || !hasFlag(recs[1], reconcile.FieldValue, reconcile.FlagZeroAsMissing) {
		t.Errorf("row 3 value %+v, want 0 read as missing and flagged", recs[1].Value)
	}
}

func TestRussianDeclarationExport(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "ru.xlsx", []string{"ДТ"}, map[string]sheetRows{"ДТ": {
		1: {"Выгрузка деклараций за 2022 год"},
		3: {"Номер ДТ", "Дата выпуска", "Отправитель", "Получатель", "ИНН получателя", "Страна происхождения", "Страна отправления",
			"Код товара по ТН ВЭД", "Вес нетто, кг", "Вес брутто, т", "Фактурная стоимость", "Валюта", "Статистическая стоимость, долл. США"},
		4: {"10005030/150622/0123456", "15.06.2022", "CHINA NORTH INDUSTRIES GROUP", "ООО «Техкрим»", "7701234567", "КИТАЙ", "ТУРЦИЯ",
			"9306300000", "1 234,5", "1,5", "2 000 000,00", "CNY", "300 000,00"},
		5: {"10005030/160622/0123457", "16.06.2022", "X", "ООО «Техкрим»", "7701234567", "КИТАЙ", "ТУРЦИЯ", "9306300000", "100", "0,2", "10", "ZZZ", "5"},
		6: {"Итого", nil, nil, nil, nil, nil, nil, nil, "1 334,5", "1,7", nil, nil, "300 005"},
	}}, nil)
	sr, recs := readSheet(t, path, "ДТ", Options{})
	if sr.HeaderRow() != 3 {
		t.Errorf("HeaderRow() = %d, want 3", sr.HeaderRow())
	}
	for h, f := range map[string]reconcile.Field{
		"Номер ДТ": reconcile.FieldDeclarationID, "Дата выпуска": reconcile.FieldDate, "Отправитель": reconcile.FieldShipper,
		"Получатель": reconcile.FieldConsignee, "ИНН получателя": reconcile.FieldConsigneeID, "Страна происхождения": reconcile.FieldOriginCountry,
		"Страна отправления": reconcile.FieldDispatchCountry, "Код товара по ТН ВЭД": reconcile.FieldHSCode, "Вес нетто, кг": reconcile.FieldNetWeight,
		"Вес брутто, т": reconcile.FieldGrossWeight, "Фактурная стоимость": reconcile.FieldValue, "Валюта": reconcile.FieldCurrency,
		"Статистическая стоимость, долл. США": reconcile.FieldValueUSD,
	} {
		if got := fieldOf(sr.Columns(), h); got != f {
			t.Errorf("column %q mapped to %q, want %q", h, got, f)
		}
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	r := recs[0]
	if r.NetKg.Value != 1234.5 || math.Abs(r.GrossKg.Value-1500) > 1e-9 {
		t.Errorf("net %v gross %v, want 1234.5 kg and 1500 kg (tonnes converted)", r.NetKg.Value, r.GrossKg.Value)
	}
	if r.Value.Value != 2000000 || r.Currency != "CNY" || r.ValueUSD.Value != 300000 {
		t.Errorf("value %v %q usd %v, want 2000000 CNY and 300000 USD", r.Value.Value, r.Currency, r.ValueUSD.Value)
	}
	if r.Date.String() != "2022-06-15" || r.OriginCountry != "CN" || r.DispatchCountry != "TR" {
		t.Errorf("date %v origin %q dispatch %q, want 2022-06-15 CN TR", r.Date, r.OriginCountry, r.DispatchCountry)
	}
	if !hasFlag(recs[1], reconcile.FieldValue, reconcile.FlagUnknownCurrency) || recs[1].Currency != "" {
		t.Errorf("row 5 currency %q flags %v, want unknown_currency for ZZZ", recs[1].Currency, recs[1].Flags)
	}
	counts := sr.SkipCounts()
	if counts[reconcile.SkipTotal] != 1 || counts[reconcile.SkipBanner] != 1 {
		t.Errorf("SkipCounts() = %v, want 1 total row and 1 banner row (row 2 is absent)", counts)
	}
}

func TestRowFates(t *testing.T) {
	t.Parallel()
	header := []any{"Consignee", "Shipper", "Date", "Net weight, kg", "Value USD"}
	path := writeXLSX(t, "fates.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: header,
		2: {"Alpha LLC", "Beta Ltd", "2022-06-01", 10, 100},
		3: {nil},
		4: {"Consignee", "Shipper", "Date", "Net weight, kg", "Value USD"},
		5: {"Source: national customs; figures are illustrative"},
		6: {nil, nil, "2022-06-02"},
		7: {"TOTAL", nil, nil, 10, 100},
		8: {"Total SA", "Beta Ltd", "2022-06-03", 5, 50},
	}}, func(f *excelize.File) {
		// Row 3 exists in the XML but is empty (a styled row).
		f.SetRowHeight("S", 3, 30)
	})
	sr, recs := readSheet(t, path, "S", Options{})
	var rows []int
	for _, r := range recs {
		rows = append(rows, r.Source.Row)
	}
	if !reflect.DeepEqual(rows, []int{2, 8}) {
		t.Errorf("record rows = %v, want [2 8] (Total SA is a company on a dated row)", rows)
	}
	got := map[int]reconcile.SkipReason{}
	for _, s := range sr.Skipped() {
		got[s.Row] = s.Reason
	}
	want := map[int]reconcile.SkipReason{3: reconcile.SkipBlank, 4: reconcile.SkipRepeatedHeader, 5: reconcile.SkipNote, 6: reconcile.SkipNoData, 7: reconcile.SkipTotal}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("skips = %v, want %v", got, want)
	}
	if sr.Rows() != 7 {
		t.Errorf("Rows() = %d, want 7 (every row below the header has a fate)", sr.Rows())
	}
}

func TestTwoRowHeader(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "two.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"Importer", "Exporter", "Weight", nil, "Value"},
		2: {nil, nil, "net", "gross", "USD"},
		3: {"A", "B", 1, 2, 3},
	}}, nil)
	sr, recs := readSheet(t, path, "S", Options{})
	if sr.HeaderRow() != 1 {
		t.Errorf("HeaderRow() = %d, want 1", sr.HeaderRow())
	}
	var fields []reconcile.Field
	for _, c := range sr.Columns() {
		fields = append(fields, c.Field)
	}
	want := []reconcile.Field{reconcile.FieldConsignee, reconcile.FieldShipper, reconcile.FieldNetWeight, reconcile.FieldGrossWeight, reconcile.FieldValueUSD}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("fields = %v, want %v", fields, want)
	}
	if len(recs) != 1 || recs[0].GrossKg.Value != 2 || recs[0].Source.Row != 3 {
		t.Errorf("records = %+v, want one from row 3 with gross 2", recs)
	}
}

func TestNoTable(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "notes.xlsx", []string{"Data", "Notes"}, map[string]sheetRows{
		"Data":  {1: {"Importer", "Net weight"}, 2: {"A", 1}},
		"Notes": {1: {"These figures are illustrative."}, 3: {"Prepared by the desk."}},
	}, nil)
	f := readAll(t, path, Options{})
	if len(f.Sheets) != 2 {
		t.Fatalf("got %d sheets, want 2", len(f.Sheets))
	}
	if f.Sheets[0].Err != nil || len(f.Sheets[0].Records) != 1 {
		t.Errorf("sheet Data: err %v, %d records; want 1 record", f.Sheets[0].Err, len(f.Sheets[0].Records))
	}
	var re *reconcile.Error
	if !errors.Is(f.Sheets[1].Err, reconcile.ErrNoTable) || !errors.As(f.Sheets[1].Err, &re) || re.Sheet != "Notes" {
		t.Errorf("sheet Notes: err %v, want ErrNoTable naming the sheet", f.Sheets[1].Err)
	}
}

func TestFormulaCells(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "formula.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"Importer", "Net weight, kg", "Gross weight, kg"},
		2: {"A", 2, 3},
		3: {"B"},
	}}, func(f *excelize.File) {
		// excelize writes formulas without cached values.
		f.SetCellFormula("S", "B3", "B2*5")
		f.SetCellFormula("S", "C3", "NOSUCHFUNCTION(1)")
	})
	_, recs := readSheet(t, path, "S", Options{})
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	r := recs[1]
	if !r.NetKg.Valid || r.NetKg.Value != 10 {
		t.Errorf("computed formula net = %+v, want 10 (computed with CalcCellValue)", r.NetKg)
	}
	if r.GrossKg.Valid || !hasFlag(r, reconcile.FieldGrossWeight, reconcile.FlagFormulaNoValue) {
		t.Errorf("uncomputable formula gross = %+v flags %v, want invalid and formula_no_value (never 0)", r.GrossKg, r.Flags)
	}
}

func TestDateCellsAndOrder(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "dates.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"Importer", "Date", "Net weight"},
		2: {"A", "06/14/2022", 1},
		3: {"B", "07/01/2022", 1},
		4: {"C", nil, 1},
	}}, func(f *excelize.File) {
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetCellValue("S", "B4", 44726.0) // 2022-06-14 as a typed date
		f.SetCellStyle("S", "B4", "B4", style)
	})
	_, recs := readSheet(t, path, "S", Options{})
	var got []string
	for _, r := range recs {
		got = append(got, r.Date.String())
	}
	want := []string{"2022-06-14", "2022-07-01", "2022-06-14"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dates = %v, want %v (column order MDY settled by 06/14)", got, want)
	}
}

func TestUserMappingStore(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "odd.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"Firm", "Importer", "Kilos?"},
		2: {"X", "A", 5},
	}}, nil)
	sr, _ := readSheet(t, path, "S", Options{})
	if fieldOf(sr.Columns(), "Kilos?") != reconcile.FieldNetWeight {
		// "kilos" reads as an unqualified weight.
		t.Logf("Kilos? mapped to %q", fieldOf(sr.Columns(), "Kilos?"))
	}
	store, err := OpenMappingStore(t.TempDir() + "/m/mappings.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Set(sr.LayoutKey(), map[int]ColumnOverride{0: {Field: reconcile.FieldShipper}, 2: {Field: reconcile.FieldGrossWeight, Unit: "t"}}); err != nil {
		t.Fatal(err)
	}
	again, err := OpenMappingStore(store.Path())
	if err != nil {
		t.Fatal(err)
	}
	sr2, recs := readSheet(t, path, "S", Options{Mappings: again})
	if fieldOf(sr2.Columns(), "Firm") != reconcile.FieldShipper || fieldOf(sr2.Columns(), "Kilos?") != reconcile.FieldGrossWeight {
		t.Errorf("saved mapping not applied: %+v", sr2.Columns())
	}
	if len(recs) != 1 || recs[0].Shipper.Name() != "X" || recs[0].GrossKg.Value != 5000 {
		t.Errorf("records = %+v, want shipper X and 5000 kg", recs)
	}
}

func TestEachRow(t *testing.T) {
	t.Parallel()
	path := vendorFull(t)
	var rows []int
	var first []string
	err := EachRow(t.Context(), path, "Sheet", Options{}, func(row int, cells []string) error {
		rows = append(rows, row)
		if row == 7 {
			first = append([]string(nil), cells...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, []int{2, 6, 7, 8}) {
		t.Errorf("rows = %v, want [2 6 7 8] (rows as Excel numbers them; absent rows not reported)", rows)
	}
	if len(first) < 9 || first[0] != "10012020/310325/5016594" || first[8] != "163.2" {
		t.Errorf("row 7 cells = %q", first)
	}
}

func TestHiddenRowsAndMergedHeader(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "hidden.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"Importer", "Exporter", "Weight, kg", nil},
		2: {nil, nil, "net", "gross"},
		3: {"A", "B", 1, 2},
		4: {"C", "D", 3, 4},
	}}, func(f *excelize.File) {
		f.MergeCell("S", "C1", "D1")
		f.SetRowVisible("S", 4, false)
	})
	// Default: a hidden row is data (a filter is a view, not a deletion).
	sr, recs := readSheet(t, path, "S", Options{})
	if len(recs) != 2 {
		t.Errorf("default: %d records, want 2 (hidden rows read)", len(recs))
	}
	if fieldOf(sr.Columns(), "Weight, kg gross") != reconcile.FieldGrossWeight {
		t.Errorf("merged header columns = %+v, want the merged label carried to D", sr.Columns())
	}
	sr, recs = readSheet(t, path, "S", Options{SkipHidden: true})
	if len(recs) != 1 || sr.SkipCounts()[reconcile.SkipHidden] != 1 {
		t.Errorf("SkipHidden: %d records, skips %v; want 1 record and 1 hidden row", len(recs), sr.SkipCounts())
	}
}

func TestPreview(t *testing.T) {
	t.Parallel()
	sr, _ := readSheet(t, vendorFull(t), "Sheet", Options{})
	p := sr.Preview(4)
	if len(p) != 4 || p[0][4] != "DATA" || p[1][0] != "DECLARATION_NUMBER" || p[2][0] != "10012020/310325/5016594" {
		t.Errorf("Preview(4) = %q", p)
	}
}

func TestDeclarationTotalNotSummedPerItem(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "decl.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"DECLARATION_NUMBER", "ITEM_NUMBER", "IMPORTER_NAME", "NET_WEIGHT_KG", "TOTAL_VALUE_USD"},
		2: {"D1", 1, "A", 10, 900},
		3: {"D1", 2, "A", 20, 900},
		4: {"D2", 1, "B", 5, 100},
	}}, nil)
	sr, recs := readSheet(t, path, "S", Options{})
	if f := fieldOf(sr.Columns(), "TOTAL_VALUE_USD"); f != "" {
		t.Errorf("TOTAL_VALUE_USD mapped to %q, want unmapped (900 repeated on both items of D1)", f)
	}
	for _, r := range recs {
		if r.ValueUSD.Valid {
			t.Errorf("row %d value_usd = %v, want none", r.Source.Row, r.ValueUSD.Value)
		}
	}
	found := false
	for _, w := range sr.Warnings() {
		found = found || strings.Contains(w.Text, "never summed per item")
	}
	if !found {
		t.Errorf("Warnings() = %q, want one about the repeated total", sr.Warnings())
	}
}

func TestContentSniffingOfUnnamedColumns(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "pandas.csv", []byte("Unnamed: 0,Importer,Column3,Net weight\n"+
		"2022-06-01,A,8471300000,1\n2022-06-02,B,9306300000,2\n2022-06-03,C,6907219009,3\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if f := fieldOf(sr.Columns(), "Unnamed: 0"); f != reconcile.FieldDate {
		t.Errorf("Unnamed: 0 mapped to %q, want date from its content", f)
	}
	if f := fieldOf(sr.Columns(), "Column3"); f != reconcile.FieldHSCode {
		t.Errorf("Column3 mapped to %q, want hs_code from its content", f)
	}
	if len(recs) != 3 || recs[2].HSCode != "6907219009" || recs[2].Date.String() != "2022-06-03" {
		t.Errorf("records = %+v", recs)
	}
}

func TestTurkishZeroUSDKeepsInvoiceValue(t *testing.T) {
	t.Parallel()
	path := writeXLSX(t, "tr.xlsx", []string{"S"}, map[string]sheetRows{"S": {
		1: {"CALCULATED_ITEM_VALUE_USD", "CURRENCY", "IMPORTER_NAME", "INVOICE_AMOUNT", "NET_WEIGHT_KG", "QUANTITY"},
		2: {0, "USD", "SAVA GRANIT", 53622.85, 23162, 0},
	}}, nil)
	_, recs := readSheet(t, path, "S", Options{})
	r := recs[0]
	if !r.ValueUSD.Valid || r.ValueUSD.Value != 53622.85 || r.Currency != "USD" {
		t.Errorf("value_usd %+v currency %q, want 53622.85 USD from the invoice amount", r.ValueUSD, r.Currency)
	}
	if !hasFlag(r, reconcile.FieldValueUSD, reconcile.FlagZeroAsMissing) || !hasFlag(r, reconcile.FieldQuantity, reconcile.FlagZeroAsMissing) {
		t.Errorf("flags %v, want the vendor's zeros flagged", r.Flags)
	}
}

func TestGranularity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers []any
		row     []any
		want    reconcile.Granularity
	}{
		{"dated shipments", []any{"Importer", "Date", "Net weight"}, []any{"A", "14.06.2022", 1}, reconcile.GranularityShipment},
		{"vendor short", []any{"IMPORTER_NAME", "TOTALVALUE", "MONTHYEAR"}, []any{"A", 1, "Apr 2023"}, reconcile.GranularityMonthly},
		{"month column with declarations", []any{"DECLARATION_NUMBER", "IMPORTER_NAME", "MONTHYEAR", "NET_WEIGHT_KG"}, []any{"D1", "A", "Apr 2023", 5}, reconcile.GranularityShipment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, "g.xlsx", []string{"S"}, map[string]sheetRows{"S": {1: tt.headers, 2: tt.row}}, nil)
			sr, _ := readSheet(t, path, "S", Options{})
			if got := sr.Granularity(); got != tt.want {
				t.Errorf("Granularity() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContentSniffingOfIdentifiers(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, header string
		cells        []string
		want         reconcile.Field
	}{
		{"unknown header holding B/Ls", "Ref", []string{"MAEU123456789", "COSU6123456780", "HLCU220612345"}, reconcile.FieldBillOfLading},
		{"unknown header holding containers", "Equipment", []string{"CSQU3054383", "MSKU9070323", "CSQU 305438 3"}, reconcile.FieldContainer},
		{"unnamed column holding B/Ls", "Column7", []string{"MAEU123456789", "COSU6123456780", "HLCU220612345"}, reconcile.FieldBillOfLading},
		{"declaration header holding B/Ls", "Declaration Number", []string{"MAEU123456789", "COSU6123456780", "HLCU220612345"}, reconcile.FieldBillOfLading},
		{"declaration header holding declarations", "Declaration Number", []string{"10702030/140622/0012345", "10702030/150622/0012346", "10702030/160622/0012347"}, reconcile.FieldDeclarationID},
		{"containers with a bad check digit stay unmapped", "Equipment", []string{"CSQU3054384", "MSKU9070324", "CSQU3054385"}, ""},
		{"names stay unmapped", "Notes", []string{"fragile", "by sea", "via Mersin"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			csv := "Importer," + tc.header + ",Net weight\n"
			for k, c := range tc.cells {
				csv += "A" + string(rune('0'+k)) + "," + c + ",1\n"
			}
			path := writeFile(t, "ids.csv", []byte(csv))
			sr, _ := readSheet(t, path, "", Options{})
			if f := fieldOf(sr.Columns(), tc.header); f != tc.want {
				t.Errorf("%s mapped to %q, want %q", tc.header, f, tc.want)
			}
		})
	}
}

func TestMasterBLWinsOverHouseBL(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "bl.csv", []byte("House Bill of Lading,Master Bill of Lading,Consignee,Gross weight\nFWDX1,MAEU123456789,A,1\n"))
	sr, recs := readSheet(t, path, "", Options{})
	if f := fieldOf(sr.Columns(), "Master Bill of Lading"); f != reconcile.FieldBillOfLading {
		t.Errorf("master B/L mapped to %q", f)
	}
	if len(recs) != 1 || recs[0].BillOfLading != "MAEU123456789" {
		t.Errorf("records %+v, want the master B/L kept", recs)
	}
}
