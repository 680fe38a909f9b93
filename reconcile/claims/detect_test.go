package claims

import (
	"os"
	"path/filepath"
	"testing"
)

func TestIsClaimsCSV(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name, content string
		want          bool
	}{
		{"samples header", "claim,measure,unit,comparator,figure\nX,tonnes,,more_than,12\n", true},
		{"semicolons and BOM", "\ufeffclaim;measure;comparator;figure\n", true},
		{"banner above the header", "My claims\n\nclaim,measure,comparator,figure\n", true},
		{"shipment export", "date,consignee,shipper,hs code,net weight kg,value usd\n2022-06-01,A,B,9303,10,100\n", false},
		{"measure without figure", "claim,measure,comparator\n", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name+".csv")
			if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := IsClaimsCSV(p); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if IsClaimsCSV(filepath.Join(dir, "missing.csv")) {
		t.Errorf("a missing file is a claims table")
	}
	if !IsClaimsCSV("../../samples/claims.csv") {
		t.Errorf("samples/claims.csv is not recognised")
	}
}
