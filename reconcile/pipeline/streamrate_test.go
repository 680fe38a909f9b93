package pipeline

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"testing"

	"tradecheck/reconcile/totals"
)

// TestStreamRateLabel: a rate given for a currency label that is no ISO
// code ("YTL", the 2005–2008 lira) converts the same values streamed as
// in memory. The streamed path once read without the rates' labels and
// left the YTL value out (the new user's F10: 144,000 USD gap).
func TestStreamRateLabel(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.csv")
	csv := "Date,Consignee,Shipper,Net weight kg,Value,Currency\n" +
		"2022-10-03,OOO ALFA,ANADOLU KORUMA,1000,2000000,YTL\n" +
		"2022-10-04,OOO BETA,ANADOLU KORUMA,2000,50000,USD\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	p := NewProject(path)
	p.Rates = []totals.Rate{{Currency: "YTL", ToUSD: 0.054}}
	mem, err := Run(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 2000000*0.054 + 50000
	if got := mem.Totals(totals.ByNone, totals.Filter{}).Total.ValueUSD; math.Abs(got-want) > 0.01 {
		t.Fatalf("in memory: %v USD, want %v", got, want)
	}
	_, sum := streamOutcome(t, p, 1)
	if math.Abs(sum.ValueUSD-want) > 0.01 {
		t.Errorf("streamed: %v USD, want %v as in memory", sum.ValueUSD, want)
	}
}
