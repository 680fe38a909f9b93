package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckInspect(t *testing.T) {
	good := `{"file": "samples/a.xlsx", "sheets": [
		{"name": "About", "header_row": 0, "rows": 0, "columns": []},
		{"name": "Shipments", "header_row": 6, "rows": 3, "columns": [
			{"index": 0, "header": "ARRIVAL_DATE", "field": "date"},
			{"index": 1, "header": "CONSIGNEE_NAME", "field": "consignee"},
			{"index": 2, "header": "SHIPPER_NAME", "field": "shipper"},
			{"index": 3, "header": "HS_CODE", "field": "hs_code"},
			{"index": 4, "header": "NET_WEIGHT_KG", "field": "net_weight"}]}]}`
	tests := []struct {
		name    string
		json    string
		files   []string
		wantErr string // "" for success
	}{
		{"array of one good file", "[" + good + "]", []string{"samples/a.xlsx"}, ""},
		{"single object", good, []string{"samples/a.xlsx"}, ""},
		{"count mismatch", "[" + good + "]", []string{"samples/a.xlsx", "samples/b.csv"}, "got 1 file objects, want 2"},
		{"wrong order", "[" + good + "]", []string{"samples/b.csv"}, `want samples/b.csv`},
		{"error object", `[{"file": "samples/a.xlsx", "error": "file is damaged"}]`, []string{"samples/a.xlsx"}, "file is damaged"},
		{"consignee unmapped", "[" + strings.Replace(good, `"consignee"`, `""`, 1) + "]", []string{"samples/a.xlsx"}, "fields not mapped: consignee"},
		{"no weight", "[" + strings.Replace(good, `"net_weight"`, `""`, 1) + "]", []string{"samples/a.xlsx"}, "net_weight|gross_weight"},
		{"no rows", "[" + strings.Replace(good, `"rows": 3`, `"rows": 0`, 1) + "]", []string{"samples/a.xlsx"}, "no data rows"},
		{"not json", "inspect: oops", []string{"samples/a.xlsx"}, "not a JSON array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.json")
			if err := os.WriteFile(path, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			err := checkInspect(path, tt.files)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("got error %v, want none", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
