// Command gen writes Tradecheck's sample data: four synthetic sources in
// different layouts that together tell one news story, the claims to check
// against them, and the figures a correct reconciliation must produce.
//
//	go run ./samples/gen            # writes into samples/
//	go run ./samples/gen -o DIR     # writes into DIR
//
// Everything derives from a fixed seed and fixed dates, so running it
// again gives byte-identical files. The data is illustrative, not real
// customs records; samples/README.md says what is in each file.
package main

import (
	"flag"
	"fmt"
	"os"
)

// seed fixes the unrelated traffic. Changing it changes every file.
const seed = 20220614

func main() {
	out := flag.String("o", "samples", "directory to write the samples into")
	flag.Parse()
	e, err := generate(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("gen: wrote %d shipment rows (%d distinct shipments) and %d claims into %s\n",
		e.Shipments.SourceRows, e.Shipments.Reconciled, len(e.Claims), *out)
	for _, c := range e.Claims {
		fmt.Printf("  %-17s %s\n", c.Verdict, c.Claim)
	}
}

// generate writes every sample file into dir and returns the expected
// figures it also wrote there.
func generate(dir string) (expected, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return expected{}, err
	}
	all := build(seed)
	ru, err := writeRussian(dir, all)
	if err != nil {
		return expected{}, fmt.Errorf("%s: %w", ruFile, err)
	}
	agg, err := writeAggregator(dir, all)
	if err != nil {
		return expected{}, fmt.Errorf("%s: %w", aggFile, err)
	}
	cs, err := writeCSV(dir, all)
	if err != nil {
		return expected{}, fmt.Errorf("%s: %w", csvFile, err)
	}
	bl, err := writeBL(dir, all)
	if err != nil {
		return expected{}, fmt.Errorf("%s: %w", blFile, err)
	}
	if err := writeList(dir); err != nil {
		return expected{}, fmt.Errorf("%s: %w", listFile, err)
	}
	claimList := claims(all)
	if err := writeClaims(dir, claimList); err != nil {
		return expected{}, err
	}
	e := compute(seed, all, []*sourceStats{ru, agg, cs, bl}, claimList)
	return e, writeExpected(dir, e)
}
