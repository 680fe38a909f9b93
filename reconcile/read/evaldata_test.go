package read

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestEvalDataWorkbooks checks the shared real vendor workbooks when
// TRADECHECK_EVAL_DATA points at port_brain_trade_samples (or its parent).
// The files are not in the repository (licences).
func TestEvalDataWorkbooks(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("TRADECHECK_EVAL_DATA")
	if dir == "" {
		t.Skip("TRADECHECK_EVAL_DATA not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "xlsx")); err != nil {
		dir = filepath.Join(dir, "port_brain_trade_samples")
	}
	type want struct {
		header    int
		consignee string
		shipper   string
		weight    string
		value     string
		date      string
	}
	cases := map[string]want{
		"Kazakhstan_Import_F.xlsx":  {6, "IMPORTER_NAME", "SUPPLIER_NAME", "N_WEIGHT", "CUSTOMS_VALUE_USD", "REGISTRATION_DATE"},
		"Kazakhstan_Import_S.xlsx":  {1, "IMPORTER_NAME_EN", "SUPPLIER_NAME_EN", "", "SUMOFVALUE_IN_FOREIGN_CURRENCY", "MONTHYEAR"},
		"Russia_Export_Short.xlsx":  {1, "BUYER_NAME_EN", "EXPORTER_NAME_EN", "", "TOTALVALUE", "MONTHYEAR"},
		"Russia_Import_Full.xlsx":   {6, "IMPORTER_NAME", "SUPPLIER_NAME", "NET_WEIGHT_KG", "TOTAL_VALUE_USD", "IMP_DATE"},
		"Russia_Import_Short.xlsx":  {1, "IMPORTER_NAME_EN", "SUPPLIER_NAME", "", "TOTALVALUE", "MONTHYEAR"},
		"Turkey_Import_F.xlsx":      {6, "IMPORTER_NAME", "SUPPLIER_NAME", "NET_WEIGHT_KG", "CALCULATED_ITEM_VALUE_USD", "REGISTRATION_DATE"},
		"Turkey_Import_S.xlsx":      {1, "IMPORTER_NAME_EN", "SUPPLIER_NAME", "", "TOTALVALUE", "MONTHYEAR"},
		"US_Import_610990.xlsx":     {6, "CONSIGNEE_NAME", "SHIPPER_NAME", "WEIGHT_IN_KG", "CIF", "ACTUAL_ARRIVAL_DATE"},
		"Ukraine_Import_Full.xlsx":  {6, "IMPORTER_NAME", "SUPPLIER_NAME", "NET_WEIGHT_KG", "CUSTOMS_VALUE_USD", "DATE_OF_ISSUE"},
		"Ukraine_Import_Short.xlsx": {1, "IMPORTER_NAME_EN", "SUPPLIER_NAME", "", "TOTALVALUE", "MONTHYEAR"},
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			f := readAll(t, filepath.Join(dir, "xlsx", name), Options{})
			s := f.Sheets[0]
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			if s.HeaderRow != w.header {
				t.Errorf("header row %d, want %d", s.HeaderRow, w.header)
			}
			has := func(h string, fields ...reconcile.Field) {
				if h == "" {
					return
				}
				got := fieldOf(s.Columns, h)
				for _, f := range fields {
					if got == f {
						return
					}
				}
				t.Errorf("%s mapped to %q, want one of %v", h, got, fields)
			}
			has(w.consignee, reconcile.FieldConsignee)
			has(w.shipper, reconcile.FieldShipper)
			has(w.weight, reconcile.FieldNetWeight, reconcile.FieldGrossWeight)
			has(w.value, reconcile.FieldValue, reconcile.FieldValueUSD)
			has(w.date, reconcile.FieldDate)
			if len(s.Records) == 0 {
				t.Error("no records")
			}
		})
	}
}

// TestEvalDataCSVRowCounts reads every CSV of the shared samples and
// checks the record count against HEADERS.tsv, with no skipped rows.
func TestEvalDataCSVRowCounts(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("TRADECHECK_EVAL_DATA")
	if dir == "" {
		t.Skip("TRADECHECK_EVAL_DATA not set")
	}
	if _, err := os.Stat(filepath.Join(dir, "HEADERS.tsv")); err != nil {
		dir = filepath.Join(dir, "port_brain_trade_samples")
	}
	data, err := os.ReadFile(filepath.Join(dir, "HEADERS.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for _, l := range lines[1:] {
		parts := strings.Split(l, "\t")
		if len(parts) < 3 {
			continue
		}
		want, _ := strconv.Atoi(parts[2])
		t.Run(parts[0], func(t *testing.T) {
			f := readAll(t, filepath.Join(dir, parts[0]), Options{})
			s := f.Sheets[0]
			if s.Err != nil {
				t.Fatal(s.Err)
			}
			if len(s.Records) != want || len(s.Skips) != 0 {
				t.Errorf("%d records, %d skipped (%v); want %d and none", len(s.Records), len(s.Skips), s.Skipped, want)
			}
		})
	}
}
