package read

import (
	"errors"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// multiLineCSV builds a vendor-style export: quoted addresses over one to
// four lines with commas inside, decimal commas in the figures, the
// address columns at a random place. Every data record has the same
// number of fields under delim, and a line-by-line count is fooled.
func multiLineCSV(rng *rand.Rand, delim string, rows int) (text string, wantKg float64) {
	cols := []string{"Consignee", "Consignee Full Address", "Shipper", "Shipper Full Address", "Arrival Date", "Net Weight (kg)", "Value (USD)"}
	rng.Shuffle(len(cols), func(i, j int) { cols[i], cols[j] = cols[j], cols[i] })
	var b strings.Builder
	b.WriteString(strings.Join(cols, delim) + "\n")
	for i := 0; i < rows; i++ {
		kg := float64(100+rng.Intn(5000)) + float64(rng.Intn(100))/100
		wantKg += kg
		cells := make([]string, len(cols))
		for j, c := range cols {
			switch c {
			case "Consignee":
				cells[j] = fmt.Sprintf("FIRM %d, LLC", i%5)
			case "Shipper":
				cells[j] = fmt.Sprintf("\"EXPORTER %d CO.,LTD.\"", i%3)
			case "Consignee Full Address", "Shipper Full Address":
				lines := []string{fmt.Sprintf("UL. PROMYSHLENNAYA, D. %d, STR. 3", i)}
				for k := rng.Intn(4); k > 0; k-- {
					lines = append(lines, fmt.Sprintf("CITY %d, REGION, %d", k, rng.Intn(99999)))
				}
				cells[j] = `"` + strings.Join(lines, "\n") + `"`
			case "Arrival Date":
				cells[j] = fmt.Sprintf("%02d/%02d/2022", 1+rng.Intn(12), 1+rng.Intn(28))
			case "Net Weight (kg)":
				cells[j] = strings.Replace(fmt.Sprintf("%.2f", kg), ".", ",", 1)
			case "Value (USD)":
				cells[j] = fmt.Sprintf("%d,00", 1000+rng.Intn(100000))
			}
		}
		if delim == "," {
			for j, c := range cells {
				if !strings.HasPrefix(c, `"`) && strings.ContainsAny(c, ",") {
					cells[j] = `"` + c + `"`
				}
			}
		}
		b.WriteString(strings.Join(cells, delim) + "\n")
	}
	return b.String(), wantKg
}

func TestSniffQuotedMultiLineRecords(t *testing.T) {
	t.Parallel()
	for _, delim := range []string{";", "\t", "|"} {
		for seed := int64(1); seed <= 12; seed++ {
			t.Run(fmt.Sprintf("%q seed %d", delim, seed), func(t *testing.T) {
				rng := rand.New(rand.NewSource(seed))
				text, wantKg := multiLineCSV(rng, delim, 5+rng.Intn(40))
				if d := sniffDelimiter(text); d != delim[0] {
					t.Fatalf("delimiter = %q, want %q", d, delim)
				}
				path := writeFile(t, "vendor.csv", []byte(text))
				_, recs := readSheet(t, path, "", Options{})
				var kg float64
				for _, r := range recs {
					kg += r.NetKg.Value
				}
				if math.Abs(kg-wantKg) > 1e-6 {
					t.Errorf("net weight %.2f kg over %d records, want %.2f", kg, len(recs), wantKg)
				}
			})
		}
	}
}

func TestSniffDelimiterCases(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		want       byte
	}{
		// One address over three lines, two commas on each: read per line,
		// its middle lines look like three-field comma rows.
		{"semicolon, address over lines", "A;B;C\n1;\"x, y, z\nq, r, s\nt, u, v\";2\n3;\"k\";4\n", ';'},
		// The quote is not at a field's start under ',', so commas split it.
		{"comma with quoted multi-line", "A,B,C\n1,\"x; y\nq; r\",2\n3,k,4\n", ','},
		{"sample cut inside a quote", "A;B;C\n1;2;3\n4;\"x, y, z\nq, r", ';'},
		{"crlf", "A;B\r\n\"1,\r\n2\";3\r\n4;5\r\n", ';'},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffDelimiter(tt.text); got != tt.want {
				t.Errorf("sniffDelimiter = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnreadableTextNamesTheSplit(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, text string
		want       []string
	}{
		// Header split by semicolons, rows by commas: no header is found.
		{"two delimiters", "Consignee;Net weight;Value\nACME,1,2\nBETA,3,4\nGAMMA,5,6\n", []string{"split into columns", "line 1 has 1"}},
		// A quote that never closes swallows the figures' column positions.
		{"unclosed quote", "Consignee;Net weight;Value;Address\nACME;x;y;\"a\n" + strings.Repeat("B;n;m;c\n", csvMaxQuotedLines+5), []string{"quote opened on line 2 does not close"}},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "bad.csv", []byte(tt.text))
			w, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			sr, err := w.Sheet("")
			if err == nil {
				_, err = sr.Read()
				sr.Close()
			}
			var re *reconcile.Error
			if !errors.As(err, &re) || !errors.Is(err, reconcile.ErrNoTable) {
				t.Fatalf("error = %v, want a positioned ErrNoTable", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(re.Error(), w) {
					t.Errorf("error %q does not say %q", re.Error(), w)
				}
			}
			if !strings.Contains(re.Hint, "delimiter") {
				t.Errorf("hint %q does not say what to do about the delimiter", re.Hint)
			}
		})
	}
}

// A clean file that is not a data sheet is not blamed on its split.
func TestEvenTextNotBlamedOnSplit(t *testing.T) {
	t.Parallel()
	path := writeFile(t, "notes.csv", []byte("Consignee;Net weight\nsee the notes;n/a\nmore;text\n"))
	w, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	_, err = w.Sheet("")
	if err == nil || strings.Contains(err.Error(), "split") || !errors.Is(err, reconcile.ErrNotData) || !errors.Is(err, reconcile.ErrNoTable) {
		t.Errorf("error = %v, want not-a-data-sheet (ErrNotData, ErrNoTable) without blaming the split", err)
	}
}
