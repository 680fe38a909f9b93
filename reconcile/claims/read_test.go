package claims

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"tradecheck/reconcile"
)

const sampleHeader = "claim,measure,unit,comparator,figure,tolerance_pct,consignee,shipper,origin,dispatch,destination,hs_prefixes,description_contains,date_from,date_to\n"

// wantErr is one expected positioned error.
type wantErr struct {
	row, col int
	contains string
}

var readCSVTests = []struct {
	name   string
	in     string
	claims []Claim
	errs   []wantErr
}{
	{
		name: "sample rifles row",
		in:   sampleHeader + `"China North Industries Group shipped 1,000 CQ-A rifles to Tekhkrim in June 2022",quantity,pcs,exactly,1000,,Tekhkrim,China North Industries Group,,,RU,9303,CQ-A,2022-06-01,2022-06-30` + "\n",
		claims: []Claim{{ID: "C1", Text: "China North Industries Group shipped 1,000 CQ-A rifles to Tekhkrim in June 2022", Measure: Quantity, Unit: "pcs",
			Comparator: Exactly, Figure: 1000, Filters: Filters{Consignee: []string{"Tekhkrim"}, Shipper: []string{"China North Industries Group"},
				Destination: []string{"RU"}, HSPrefixes: []string{"9303"}, Description: []string{"CQ-A"}, From: "2022-06-01", To: "2022-06-30"},
			Origin: "claims.csv:2"}},
	},
	{
		name: "semicolons, BOM, CRLF, names and period",
		in: "\ufeffid;claim;measure;comparator;figure;tolerance;dispatch;origin;hs;description;period\r\n" +
			"A-1;Almost 80 t;tonnes;almost;80;10%;Turkey;China;6307 90 98;бронежилет | body armour;2022\r\n",
		claims: []Claim{{ID: "A-1", Text: "Almost 80 t", Measure: Tonnes, Comparator: Almost, Figure: 80, TolerancePct: 10,
			Filters: Filters{Dispatch: []string{"TR"}, Origin: []string{"CN"}, HSPrefixes: []string{"63079098"},
				Description: []string{"бронежилет", "body armour"}, From: "2022-01-01", To: "2022-12-31"}, Origin: "claims.csv:2"}},
	},
	{
		name:   "banner above header and blank rows",
		in:     "ILLUSTRATIVE CLAIMS\n\nclaim,measure,comparator,figure\n\nTwelve shipments,shipments,exactly,12\n",
		claims: []Claim{{ID: "C1", Text: "Twelve shipments", Measure: Shipments, Comparator: Exactly, Figure: 12, Origin: "claims.csv:5"}},
	},
	{
		name: "bad cells are positioned",
		in: sampleHeader +
			"Bad measure,furlongs,,more_than,12,,,,,,,,,,\n" +
			"Bad figure,tonnes,,more_than,twelve,,,,,,,,,,\n" +
			"Bad country,tonnes,,more_than,12,,,,Atlantis,,,,,,\n" +
			"Bad date,tonnes,,more_than,12,,,,,,,,,late 2022,\n" +
			"No unit,quantity,,more_than,12,,,,,,,,,,\n" +
			"Range backwards,tonnes,,more_than,12,,,,,,,,,2022-12-31,2022-01-01\n" +
			"Good,tonnes,,more_than,12,,,,,,,,,,\n",
		claims: []Claim{{ID: "C7", Text: "Good", Measure: Tonnes, Comparator: MoreThan, Figure: 12, Origin: "claims.csv:8"}},
		errs: []wantErr{{2, 2, "unknown measure"}, {3, 5, "not a number"}, {4, 9, "not a country"}, {5, 14, "not a date"},
			{6, 2, "needs a unit"}, {7, 0, "ends"}},
	},
	{
		name:   "unknown column and duplicate ID",
		in:     "id,claim,measure,comparator,figure,colour\nX,One,tonnes,at_least,1,red\nX,Two,tonnes,at_least,2,blue\n",
		claims: []Claim{{ID: "X", Text: "One", Measure: Tonnes, Comparator: AtLeast, Figure: 1, Origin: "claims.csv:2"}},
		errs:   []wantErr{{1, 6, "unknown column"}, {3, 1, "already used"}},
	},
	{
		name: "no header",
		in:   "just,some,words\n1,2,3\n",
		errs: []wantErr{{0, 0, "no claims table"}},
	},
	{
		name: "empty",
		in:   "",
		errs: []wantErr{{0, 0, "empty"}},
	},
}

func TestReadCSV(t *testing.T) {
	t.Parallel()
	for _, tt := range readCSVTests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := ReadCSV(strings.NewReader(tt.in), "claims.csv")
			if !reflect.DeepEqual(got, tt.claims) {
				t.Errorf("claims:\ngot  %+v\nwant %+v", got, tt.claims)
			}
			checkErrs(t, errs, tt.errs, "claims.csv", "")
		})
	}
}

func checkErrs(t *testing.T, errs []error, want []wantErr, file, sheet string) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(want))
	}
	for i, e := range errs {
		var re *reconcile.Error
		if !errors.As(e, &re) {
			t.Fatalf("error %d: got %T (%v), want *reconcile.Error", i, e, e)
		}
		if re.File != file || re.Sheet != sheet || re.Row != want[i].row || re.Column != want[i].col || !strings.Contains(e.Error(), want[i].contains) {
			t.Errorf("error %d: got %q at %s/%s row %d column %d, want %q at row %d column %d", i, e, re.File, re.Sheet, re.Row, re.Column,
				want[i].contains, want[i].row, want[i].col)
		}
		if re.Hint == "" {
			t.Errorf("error %d (%v) has no hint", i, e)
		}
	}
}

func TestReadCSVWindows1251(t *testing.T) {
	t.Parallel()
	in := "claim;measure;comparator;figure;description_contains\nБронежилеты;tonnes;more_than;12;бронежилет\n"
	enc, err := charmap.Windows1251.NewEncoder().String(in)
	if err != nil {
		t.Fatal(err)
	}
	got, errs := ReadCSV(strings.NewReader(enc), "cp1251.csv")
	if len(errs) > 0 || len(got) != 1 || got[0].Text != "Бронежилеты" || got[0].Filters.Description[0] != "бронежилет" {
		t.Fatalf("got %+v, %v; want one claim with Cyrillic text", got, errs)
	}
}

func TestWriteCSVRoundTrip(t *testing.T) {
	t.Parallel()
	in, errs := ReadCSV(strings.NewReader(readCSVTests[0].in+readCSVTests[1].in[strings.Index(readCSVTests[1].in, "\n")+1:]), "x.csv")
	_ = errs // the second table's row has fewer columns under the first header; only the first matters here
	var buf bytes.Buffer
	if err := WriteCSV(&buf, in[:1]); err != nil {
		t.Fatal(err)
	}
	back, errs := ReadCSV(&buf, "x.csv")
	if len(errs) > 0 {
		t.Fatalf("reading back: %v", errs)
	}
	back[0].Origin = in[0].Origin
	if !reflect.DeepEqual(back[0], in[0]) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", back[0], in[0])
	}
}

// FuzzReadCSV feeds arbitrary bytes to the CSV reader: it must never
// panic, every claim it returns must validate, and every error must be a
// positioned *reconcile.Error.
func FuzzReadCSV(f *testing.F) {
	for _, tt := range readCSVTests {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte(sampleHeader + "\"unterminated,tonnes,,more_than,1\n"))
	f.Add([]byte("claim\tmeasure\tcomparator\tfigure\nx\ttonnes\t>\t1e308\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, errs := ReadCSV(bytes.NewReader(data), "fuzz.csv")
		for _, c := range cs {
			if err := c.Validate(); err != nil {
				t.Fatalf("returned claim %+v does not validate: %v", c, err)
			}
		}
		for _, e := range errs {
			var re *reconcile.Error
			if !errors.As(e, &re) || re.File != "fuzz.csv" {
				t.Fatalf("error %v is not a positioned *reconcile.Error", e)
			}
		}
	})
}
