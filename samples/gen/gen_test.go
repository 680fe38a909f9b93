package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// generated runs the generator once per test binary into a temp dir.
func generated(t *testing.T) (string, expected) {
	t.Helper()
	dir := t.TempDir()
	e, err := generate(dir)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	return dir, e
}

var outputs = []string{aggFile, ruFile, csvFile, "claims.csv", "expected.json", "EXPECTED.md"}

func TestGenerateIsByteStable(t *testing.T) {
	a, _ := generated(t)
	b, _ := generated(t)
	for _, name := range outputs {
		t.Run(name, func(t *testing.T) {
			x, err := os.ReadFile(filepath.Join(a, name))
			if err != nil {
				t.Fatal(err)
			}
			y, err := os.ReadFile(filepath.Join(b, name))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(x, y) {
				t.Errorf("two runs wrote different bytes (%d vs %d bytes)", len(x), len(y))
			}
		})
	}
}

// The committed samples must be what the generator writes now.
func TestCommittedSamplesAreCurrent(t *testing.T) {
	dir, _ := generated(t)
	for _, name := range outputs {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join("..", name))
			if err != nil {
				t.Fatalf("samples/%s: %v (run make samples)", name, err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("samples/%s differs from a fresh run of the generator: run make samples and commit", name)
			}
		})
	}
}

func TestStoryVerdicts(t *testing.T) {
	_, e := generated(t)
	tests := []struct {
		name         string
		claim        int
		verdict      string
		lower, upper float64 // checked when upper > 0; -1: no upper bound
	}{
		{"rifles exactly 1000", 0, "supported", 1000, 1000},
		{"Chinese armour via Turkey over 12 t", 1, "supported", 12.6, 12.6},
		{"armour almost 80 t", 2, "supported", 76.4, 76.4},
		{"armour about $10M", 3, "supported", 9983600, 9983600},
		{"DJI exactly 12 shipments", 4, "supported", 12, 12},
		{"Chinese armour via Turkey over 30 t", 5, "contradicted", 14.1, 14.1},
		{"NORINCO 5000 rifles", 6, "contradicted", 1000, 1000},
		{"armour since July 2021", 7, "insufficient_data", 76.4, 76.4},
		{"Zavod-2 machinery", 8, "insufficient_data", 155.067, -1},
		{"Zavod-1 rifles", 9, "nothing_found", 0, 0},
		{"listed consignees, CHPL goods", 10, "supported", 15, 15},
	}
	if len(e.Claims) != len(tests) {
		t.Fatalf("got %d claims, want %d", len(e.Claims), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := e.Claims[tt.claim]
			if c.Verdict != tt.verdict {
				t.Errorf("%q: got verdict %s (%s), want %s", c.Claim, c.Verdict, c.Reason, tt.verdict)
			}
			switch {
			case tt.upper < 0 && (math.Abs(c.Lower-tt.lower) > 1e-6 || c.Upper != nil):
				t.Errorf("%q: got bounds %v..%v, want %v with no upper bound", c.Claim, c.Lower, fmtUpper(c.Upper), tt.lower)
			case tt.upper > 0 && (math.Abs(c.Lower-tt.lower) > 1e-6 || c.Upper == nil || math.Abs(*c.Upper-tt.upper) > 1e-6):
				t.Errorf("%q: got bounds %v..%v, want %v..%v", c.Claim, c.Lower, fmtUpper(c.Upper), tt.lower, tt.upper)
			}
		})
	}
	// The story's own tolerances, stated independently of the claims file.
	if v := e.Claims[2].Lower; v < 72 || v >= 80 {
		t.Errorf("body armour 2022: got %v t, want within 10%% below 80", v)
	}
	if v := e.Claims[3].Lower; v < 9e6 || v > 11e6 {
		t.Errorf("body armour 2022: got $%v, want about $10M", v)
	}
	if len(e.Armour) == 0 || e.Armour[0].Dispatch != "TR" || e.Armour[0].SharePct <= 50 {
		t.Errorf("body armour 2022 by dispatch: got %+v, want Turkey first with over half", e.Armour)
	}
	// Reconciliation matters: a naive sum double-counts the rifles and DJI.
	if c := e.Claims[0]; c.NaiveSum != 2000 {
		t.Errorf("rifles naive sum: got %v, want 2000", c.NaiveSum)
	}
	if c := e.Claims[4]; c.NaiveSum <= 12 {
		t.Errorf("DJI naive count: got %v, want more than 12", c.NaiveSum)
	}
}

func TestINNs(t *testing.T) {
	firms := []*firm{tekhkrim, tekhkom, tekhkrimService, zavod1, zavod2, aerosnab, shchitPro, keramikaPlus, tekstilOpt, fruktImport}
	seen := map[string]string{}
	for _, f := range firms {
		t.Run(f.Key, func(t *testing.T) {
			if !validINN10(f.INN) {
				t.Errorf("INN %s fails the checksum", f.INN)
			}
			if other, ok := seen[f.INN]; ok {
				t.Errorf("INN %s is shared with %s", f.INN, other)
			}
			seen[f.INN] = f.Key
			if !strings.HasPrefix(f.CSV, f.INN+" ") {
				t.Errorf("CSV name %q does not start with the INN", f.CSV)
			}
		})
	}
	// The check itself: known-good and known-bad numbers.
	for _, tt := range []struct {
		inn  string
		want bool
	}{{"7707083893", true}, {"7707083894", false}, {"770708389", false}, {"77070838x3", false}} {
		if got := validINN10(tt.inn); got != tt.want {
			t.Errorf("validINN10(%q): got %v, want %v", tt.inn, got, tt.want)
		}
	}
}

// No two different shipments may look alike to the fuzzy duplicate rule.
func TestNoAccidentalLookAlikes(t *testing.T) {
	all := build(seed)
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			if lookAlike(all[i], all[j]) {
				t.Errorf("%s and %s look alike (same parties, HS-6, date within 5 days, weight within 2%%)", all[i].ID, all[j].ID)
			}
		}
	}
}

// The row numbers in expected.json must point at the right rows: read
// every story shipment's rows back from the files.
func TestExpectedRowsPointAtTheShipment(t *testing.T) {
	dir, _ := generated(t)
	all := build(seed)
	// Rendering fills in Rows; rerun it on this build.
	if _, err := writeRussian(t.TempDir(), all); err != nil {
		t.Fatal(err)
	}
	if _, err := writeAggregator(t.TempDir(), all); err != nil {
		t.Fatal(err)
	}
	if _, err := writeCSV(t.TempDir(), all); err != nil {
		t.Fatal(err)
	}
	ru := openSheet(t, filepath.Join(dir, ruFile), ruSheet)
	agg := openSheet(t, filepath.Join(dir, aggFile), aggSheet)
	lines := readCSV(t, filepath.Join(dir, csvFile))
	for _, sh := range all {
		if sh.Story == "" {
			continue
		}
		t.Run(sh.ID, func(t *testing.T) {
			for _, r := range sh.Rows[srcRU] {
				row := ru[r-1]
				if row[0] != sh.Decl || row[1] != strconv.Itoa(sh.Item) || row[4] != sh.Consignee.INN {
					t.Errorf("Russian row %d: got %q %q %q, want %s item %d INN %s", r, row[0], row[1], row[4], sh.Decl, sh.Item, sh.Consignee.INN)
				}
			}
			for _, r := range sh.Rows[srcAgg] {
				row := agg[r-1]
				if row[9] != sh.HS || row[5] != sh.Shipper.Agg {
					t.Errorf("aggregator row %d: got HS %q shipper %q, want %s %s", r, row[9], row[5], sh.HS, sh.Shipper.Agg)
				}
			}
			for _, r := range sh.Rows[srcCSV] {
				rec := lines[r-1]
				if rec[2] != sh.Consignee.CSV || rec[10] != tonnes(sh.NetKg) {
					t.Errorf("CSV line %d: got %q %q, want %s %s", r, rec[2], rec[10], sh.Consignee.CSV, tonnes(sh.NetKg))
				}
			}
		})
	}
}

func openSheet(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Errorf("%s: no UTF-8 BOM", path)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// The layouts the README promises: banner and header rows, About sheets,
// text numbers in Russian locale, tonnes with a decimal comma.
func TestLayouts(t *testing.T) {
	dir, e := generated(t)
	records := map[string]int{}
	for _, s := range e.Sources {
		records[s.File] = s.Records
	}
	t.Run("aggregator", func(t *testing.T) {
		rows := openSheet(t, filepath.Join(dir, aggFile), aggSheet)
		if len(rows[1]) < 5 || rows[1][4] != "DATA" {
			t.Errorf("E2: got row 2 %q, want DATA in E2", rows[1])
		}
		if len(rows[4]) != 0 {
			t.Errorf("row 5: got %q, want blank", rows[4])
		}
		if strings.Join(rows[aggHeaderRow-1], "|") != strings.Join(aggHeader, "|") {
			t.Errorf("row %d: got %q, want the header", aggHeaderRow, rows[aggHeaderRow-1])
		}
		if got := len(rows) - aggHeaderRow; got != records[aggFile] {
			t.Errorf("got %d data rows, want %d", got, records[aggFile])
		}
	})
	t.Run("russian", func(t *testing.T) {
		f, err := excelize.OpenFile(filepath.Join(dir, ruFile))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		typ, err := f.GetCellType(ruSheet, "N3")
		if err != nil {
			t.Fatal(err)
		}
		if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset {
			t.Errorf("N3 (net weight): got cell type %v, want text", typ)
		}
		rows := openSheet(t, filepath.Join(dir, ruFile), ruSheet)
		nbsp, comma := false, false
		for _, r := range rows[1:] {
			if len(r) > 15 {
				nbsp = nbsp || strings.Contains(r[15], "\u00a0")
				comma = comma || strings.Contains(r[15], ",")
			}
		}
		if !nbsp || !comma {
			t.Errorf("invoice values: NBSP thousands %v, decimal comma %v; want both", nbsp, comma)
		}
		if last := rows[len(rows)-1]; last[0] != "Итого" {
			t.Errorf("last row: got %q, want an Итого total", last)
		}
		if blank := rows[blankAfter+1]; len(blank) != 0 {
			t.Errorf("row %d: got %q, want blank", blankAfter+2, blank)
		}
	})
	t.Run("csv", func(t *testing.T) {
		recs := readCSV(t, filepath.Join(dir, csvFile))
		if len(recs[0]) != 1 || !strings.HasPrefix(recs[0][0], illustrative) {
			t.Errorf("line 1: got %q, want the one-field banner", recs[0])
		}
		if strings.Join(recs[1], "|") != strings.Join(csvHeader, "|") {
			t.Errorf("line 2: got %q, want the header", recs[1])
		}
		for i, r := range recs[2:] {
			if len(r) != len(csvHeader) {
				t.Errorf("line %d: got %d fields, want %d", i+3, len(r), len(csvHeader))
			}
		}
		if got := len(recs) - csvHeaderRow; got != records[csvFile] {
			t.Errorf("got %d data lines, want %d", got, records[csvFile])
		}
	})
	for _, name := range []string{aggFile, ruFile} {
		t.Run("about/"+name, func(t *testing.T) {
			rows := openSheet(t, filepath.Join(dir, name), aboutName)
			if len(rows) == 0 || rows[0][0] != illustrative {
				t.Errorf("About sheet: got %q, want it to open with %q", rows, illustrative)
			}
		})
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"ru thousands nbsp", ruNum(12345.6, 1, "\u00a0"), "12\u00a0345,6"},
		{"ru millions space", ruNum(1234567, 0, " "), "1 234 567"},
		{"ru small", ruNum(600, 2, " "), "600,00"},
		{"tonnes", tonnes(2100), "2,1"},
		{"tonnes two decimals", tonnes(3450), "3,45"},
		{"tonnes whole", tonnes(14000), "14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// The README quotes figures; they must match the data.
func TestReadmeFigures(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatal(err)
	}
	rules := map[string]int{}
	for _, o := range e.Overlaps {
		rules[o.Rule]++
	}
	want := []string{
		"(`declaration`), " + strconv.Itoa(rules["declaration"]) + " shipments",
		"(`fuzzy`), " + strconv.Itoa(rules["fuzzy"]) + " shipments",
		"(`exact_duplicate`), " + strconv.Itoa(rules["exact_duplicate"]) + " shipment",
		"Row " + strconv.Itoa(e.Sources[0].Skipped["blank"][0]) + " is **blank**",
		"**76.4 t**", "**$9,983,600**", "**12.6 t**", tekhkrim.INN, tekhkom.INN, zavod1.INN, zavod2.INN,
		strconv.FormatFloat(e.Armour[0].SharePct, 'f', -1, 64) + " %",
	}
	for _, w := range want {
		if !bytes.Contains(readme, []byte(w)) {
			t.Errorf("samples/README.md does not say %q", w)
		}
	}
}

// The sample list says on every row that it is fictional, and its
// entries name only the samples' invented firms.
func TestSampleListIsLabelled(t *testing.T) {
	rows := listRows()
	for _, r := range rows[1:] {
		if r[11] != listDataset || !strings.HasPrefix(r[0], "ILLUSTRATIVE-") {
			t.Errorf("row %v is not labelled illustrative", r)
		}
	}
	if !strings.Contains(listFile, "ILLUSTRATIVE") {
		t.Errorf("list file %s does not say ILLUSTRATIVE", listFile)
	}
	for _, f := range listedFirms {
		if f == tekhkrim || f == norinco || f == dji {
			t.Errorf("the sample list names %s, a firm of the published story", f.Display)
		}
	}
}
