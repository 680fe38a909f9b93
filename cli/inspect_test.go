package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// TestInspectTurkishCSV: a Windows-1254 CSV says its encoding, and each
// column why it was mapped, naming the Turkish table.
func TestInspectTurkishCSV(t *testing.T) {
	t.Parallel()
	b, err := charmap.Windows1254.NewEncoder().Bytes([]byte("İthalatçı;Gönderici Firma;GTİP;Brüt Ağırlık (kg);İstatistiki Kıymet (USD);Tescil Tarihi\nAKDENİZ GIDA A.Ş.;Özbek Pamuk;5201000000;1200,5;3400,25;03.10.2022\n"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tr.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI("inspect", "--json", path)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got inspectFile
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Format != "csv" || got.Encoding != "windows-1254" || len(got.Sheets) != 1 {
		t.Fatalf("format %q encoding %q sheets %d", got.Format, got.Encoding, len(got.Sheets))
	}
	sh := got.Sheets[0]
	want := []string{"consignee", "shipper", "hs_code", "gross_weight", "value_usd", "date"}
	for i, c := range sh.Columns {
		if c.Field != want[i] || !strings.Contains(c.Reason, "tr.tsv") {
			t.Errorf("column %d %q: field %q reason %q, want %q explained by tr.tsv", i, c.Header, c.Field, c.Reason, want[i])
		}
	}
	if !reflect.DeepEqual(sh.Units, []string{"kg"}) || !reflect.DeepEqual(sh.Currencies, []string{"USD"}) {
		t.Errorf("units %v currencies %v", sh.Units, sh.Currencies)
	}
	code, text, _ := runCLI("inspect", path)
	if code != ExitOK || !strings.Contains(text, "encoding windows-1254") || !strings.Contains(text, "why: consignee name") {
		t.Errorf("text output lacks the encoding or the reasons:\n%s", text)
	}
}

// bannerWorkbook writes a vendor-style workbook: DATA in E2, header on row 6.
func bannerWorkbook(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "E2", "DATA")
	f.SetSheetRow("Sheet1", "A6", &[]any{"IMPORTER_NAME", "SUPPLIER_NAME", "IMP_DATE", "NET_WEIGHT_KG", "CUSTOMS_VALUE_USD", "RECORD_ID"})
	f.SetSheetRow("Sheet1", "A7", &[]any{"OOO TEKHKRIM", "NORINCO", "2022-06-14", 1200, 50000, "x1"})
	f.SetSheetRow("Sheet1", "A8", &[]any{"OOO TEKHKRIM", "NORINCO", "2022-06-15", 800, 30000, "x2"})
	f.SetSheetRow("Sheet1", "A10", &[]any{"Total", nil, nil, 2000, 80000})
	path := filepath.Join(dir, "vendor.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(&Env{Stdout: &out, Stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestInspectJSONShape(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	xlsx := bannerWorkbook(t, dir)
	code, out, stderr := runCLI("inspect", "--json", xlsx)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	sheets := got["sheets"].([]any)
	sh := sheets[0].(map[string]any)
	if got["file"] != xlsx || sh["name"] != "Sheet1" || sh["header_row"] != 6.0 || sh["rows"] != 2.0 {
		t.Errorf("file %v sheet %v header_row %v rows %v; want %s Sheet1 6 2", got["file"], sh["name"], sh["header_row"], sh["rows"], xlsx)
	}
	// Row 9 is absent from the sheet XML (Excel writes no blank rows): blank.
	if !reflect.DeepEqual(sh["skipped"], map[string]any{"above header": 1.0, "blank": 1.0, "total row": 1.0}) {
		t.Errorf("skipped = %v, want above header 1, blank 1 (row 9) and total row 1", sh["skipped"])
	}
	cols := sh["columns"].([]any)
	wantFields := []string{"consignee", "shipper", "date", "net_weight", "value_usd", ""}
	// A weight column says its unit and a value column its currency, so a
	// script sees that NET_WEIGHT_KG is read as kilograms.
	wantExtra := map[int][2]string{3: {"unit", "kg"}, 4: {"currency", "USD"}}
	for i, c := range cols {
		m := c.(map[string]any)
		keys := 4 // index, header, field, reason
		if x, ok := wantExtra[i]; ok {
			keys = 5
			if m[x[0]] != x[1] {
				t.Errorf("column %d %s = %v, want %q", i, x[0], m[x[0]], x[1])
			}
		}
		if len(m) != keys || m["index"] != float64(i) || m["field"] != wantFields[i] {
			t.Errorf("column %d = %v, want index %d field %q and %d keys", i, m, i, wantFields[i], keys)
		}
	}
	if _, ok := sh["warnings"].([]any); !ok {
		t.Errorf("warnings = %v, want a JSON array", sh["warnings"])
	}
	// Every column says why it was (or was not) mapped; a synonym names its table.
	if r, _ := cols[0].(map[string]any)["reason"].(string); !strings.Contains(r, "consignee") || !strings.Contains(r, "en.tsv") {
		t.Errorf("column 0 reason %q, want the rule and the table that matched", r)
	}
	if r, _ := cols[5].(map[string]any)["reason"].(string); r == "" {
		t.Error("an unmapped column has no reason")
	}
	if !reflect.DeepEqual(sh["units"], []any{"kg"}) || !reflect.DeepEqual(sh["currencies"], []any{"USD"}) {
		t.Errorf("units %v currencies %v, want [kg] [USD]", sh["units"], sh["currencies"])
	}
	if got["format"] != "xlsx" || got["encoding"] != nil {
		t.Errorf("format %v encoding %v, want xlsx and no encoding", got["format"], got["encoding"])
	}
	keys := []string{}
	for k := range sh {
		keys = append(keys, k)
	}
	for _, k := range keys {
		switch k {
		case "name", "header_row", "rows", "skipped", "columns", "warnings", "units", "currencies", "checks", "flags", "hidden_rows":
		default:
			t.Errorf("unexpected sheet key %q", k)
		}
	}
}

func TestInspectSeveralFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	xlsx := bannerWorkbook(t, dir)
	csv := filepath.Join(dir, "ru.csv")
	os.WriteFile(csv, []byte("Получатель;Вес нетто, кг\nООО Техкрим;1 234,5\n"), 0o644)
	empty := filepath.Join(dir, "empty.xlsx")
	os.WriteFile(empty, nil, 0o644)
	missing := filepath.Join(dir, "missing.xlsx")
	// Flags after the files, a file given twice, a directory, a missing path.
	code, out, stderr := runCLI("inspect", xlsx, csv, empty, xlsx, dir, missing, "--json")
	if code != ExitInput {
		t.Errorf("exit %d, want %d (some input unreadable)", code, ExitInput)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	var files []string
	for _, f := range got {
		files = append(files, f["file"].(string))
	}
	if !reflect.DeepEqual(files, []string{xlsx, csv, empty, dir, missing}) {
		t.Errorf("files = %q, want each once in order", files)
	}
	for _, i := range []int{2, 3, 4} {
		if e, _ := got[i]["error"].(string); e == "" || got[i]["sheets"] != nil {
			t.Errorf("%s: %v, want {file, error} only", files[i], got[i])
		}
	}
	if sh := got[1]["sheets"].([]any)[0].(map[string]any); sh["rows"] != 1.0 {
		t.Errorf("csv sheet = %v, want 1 row", sh)
	}
	for _, want := range []string{"given twice", "is a directory", "file not found", "file is empty"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q does not say %q", stderr, want)
		}
	}
}

func TestInspectText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	xlsx := bannerWorkbook(t, dir)
	code, out, _ := runCLI("inspect", xlsx)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"header row 6", "2 data rows", "above header 1", "total row 1", "IMPORTER_NAME", "consignee", "OOO TEKHKRIM"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestInspectUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"no files", []string{"inspect"}, ExitUsage, "no files"},
		{"help", []string{"inspect", "--help"}, ExitOK, "Usage: tradecheck-cli inspect"},
		{"bad flag", []string{"inspect", "--nope", "x.csv"}, ExitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(out+stderr, tt.out) {
				t.Errorf("exit %d, output %q; want %d and %q", code, out+stderr, tt.code, tt.out)
			}
		})
	}
}

func TestInspectPassword(t *testing.T) {
	t.Parallel()
	path := lockedWorkbook(t, t.TempDir())
	if code, _, stderr := runCLI("inspect", path); code != ExitInput || !strings.Contains(stderr, "password") {
		t.Errorf("without password: exit %d stderr %q, want 1 and a password message", code, stderr)
	}
	if code, _, stderr := runCLI("inspect", "--password", "bad", path); code != ExitInput || !strings.Contains(stderr, "wrong password") {
		t.Errorf("wrong password: exit %d stderr %q", code, stderr)
	}
	if code, out, stderr := runCLI("inspect", path, "--password", "pw"); code != ExitOK || !strings.Contains(out, "1 data rows") {
		t.Errorf("right password: exit %d out %q stderr %q", code, out, stderr)
	}
}
