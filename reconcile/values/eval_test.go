package values

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// evalColumns reads the shared vendor CSV samples (TRADECHECK_EVAL_DATA,
// never part of the repository) and returns, per column kind, the distinct
// cell values with their counts.
func evalColumns(t *testing.T, kind func(header string) string) (map[string]map[string]int, []string) {
	t.Helper()
	dir := os.Getenv("TRADECHECK_EVAL_DATA")
	if dir == "" {
		t.Skip("TRADECHECK_EVAL_DATA is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "port_brain_trade_samples", "csv", "*.csv"))
	if len(files) == 0 {
		t.Fatalf("TRADECHECK_EVAL_DATA is set, but %s holds no CSV samples", filepath.Join(dir, "port_brain_trade_samples", "csv"))
	}
	out := map[string]map[string]int{}
	var headers []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(fh)
		r.LazyQuotes, r.FieldsPerRecord = true, -1
		head, err := r.Read()
		if err != nil {
			fh.Close()
			continue
		}
		headers = append(headers, head...)
		kinds := make([]string, len(head))
		for i, h := range head {
			kinds[i] = kind(h)
		}
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			for i, v := range rec {
				if i >= len(kinds) || kinds[i] == "" || v == "" || v == "NULL" {
					continue
				}
				if out[kinds[i]] == nil {
					out[kinds[i]] = map[string]int{}
				}
				out[kinds[i]][v]++
			}
		}
		fh.Close()
	}
	return out, headers
}

// misses lists the values parse rejects, most frequent first.
func misses(vals map[string]int, parse func(string) bool) (bad []string, badCells, cells int) {
	for v, n := range vals {
		cells += n
		if !parse(v) {
			bad = append(bad, v)
			badCells += n
		}
	}
	sort.Slice(bad, func(i, j int) bool { return vals[bad[i]] > vals[bad[j]] })
	return bad, badCells, cells
}

// TestEvalData runs the parsers over the real vendor samples and reports
// what they reject. Country, date and currency columns must parse in full
// except the values listed as not parseable on purpose.
func TestEvalData(t *testing.T) {
	t.Parallel()
	cols, headers := evalColumns(t, func(h string) string {
		u := strings.ToUpper(h)
		switch {
		case strings.Contains(u, "COUNTRY") && !strings.Contains(u, "CODE") && !strings.Contains(u, "PERCENT"):
			return "country"
		case strings.Contains(u, "DATE") || u == "MONTHYEAR":
			return "date"
		case strings.Contains(u, "CURRENCY") && !strings.Contains(u, "RATE"):
			return "currency"
		case u == "UNIT" || strings.HasSuffix(u, "_UNIT") || u == "UNIT 2":
			return "unit"
		case u == "HS_CODE" || u == "HS CODE" || u == "HSCODE":
			return "hs"
		case strings.Contains(u, "WEIGHT") || strings.Contains(u, "VALUE") || strings.Contains(u, "QUANTITY"):
			return "number"
		}
		return ""
	})
	// maxRejected is the share of cells each kind may reject. The rejects
	// seen are not values at all ("EUROPEAN UNION", "UNDEFINED", "COLON
	// FREE ZONE", mojibake, "0" dates, cartons and dozens as units).
	maxRejected := map[string]float64{"country": 0.03, "date": 0.001, "currency": 0.01, "unit": 0.5, "hs": 0, "number": 0.001}
	report := func(kind string, parse func(string) bool) {
		bad, badCells, cells := misses(cols[kind], parse)
		if len(bad) > 25 {
			bad = bad[:25]
		}
		t.Logf("%s: %d of %d cells rejected; most frequent: %q", kind, badCells, cells, bad)
		if cells == 0 {
			t.Errorf("%s: no cells found in the samples", kind)
		} else if share := float64(badCells) / float64(cells); share > maxRejected[kind] {
			t.Errorf("%s: %.2f%% of cells rejected; want at most %.2f%%", kind, 100*share, 100*maxRejected[kind])
		}
	}
	report("country", func(s string) bool { _, ok := Country(s); return ok })
	report("date", func(s string) bool { _, ok := ParseDate(s, OrderUnknown); return ok })
	report("currency", func(s string) bool {
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return true // a value column whose header says "currency"
		}
		_, ok := Currency(s)
		return ok
	})
	report("unit", func(s string) bool {
		_, ok := QuantityUnit(s)
		_, ok2 := WeightUnit(s)
		return ok || ok2
	})
	report("hs", func(s string) bool { _, ok := HSCode(s); return ok })
	report("number", func(s string) bool { _, ok := ParseNumber(s, HintNone); return ok })

	seen := map[string]bool{}
	for _, h := range headers {
		if seen[h] {
			continue
		}
		seen[h] = true
		if c, ok := CurrencyInHeader(h); ok {
			t.Logf("currency header %q → %s", h, c)
		}
		if u, f, ok := WeightUnitInHeader(h); ok {
			t.Logf("weight header %q → %s ×%g", h, u, f)
		}
	}
}
