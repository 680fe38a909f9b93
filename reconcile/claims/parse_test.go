package claims

import (
	"reflect"
	"testing"
)

func TestParseMeasure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in       string
		want     Measure
		wantUnit string
		err      bool
	}{
		{"tonnes", Tonnes, "", false},
		{" Tons ", Tonnes, "", false},
		{"value_usd", ValueUSD, "", false},
		{"Value USD", ValueUSD, "", false},
		{"shipments", Shipments, "", false},
		{"quantity", Quantity, "", false},
		{"шт", Quantity, "pcs", false},
		{"PCS", Quantity, "pcs", false},
		{"furlongs", "", "", true},
		{"", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, u, err := ParseMeasure(tt.in)
			if (err != nil) != tt.err || m != tt.want || u != tt.wantUnit {
				t.Errorf("ParseMeasure(%q) = %q, %q, %v; want %q, %q, error %v", tt.in, m, u, err, tt.want, tt.wantUnit, tt.err)
			}
		})
	}
}

func TestParseComparator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Comparator
	}{
		{"more_than", MoreThan}, {"More than", MoreThan}, {">", MoreThan}, {"over", MoreThan},
		{"at_least", AtLeast}, {">=", AtLeast}, {"≥", AtLeast},
		{"less_than", LessThan}, {"<", LessThan}, {"under", LessThan},
		{"at_most", AtMost}, {"≤", AtMost}, {"up to", AtMost},
		{"about", About}, {"approximately", About}, {"~", About},
		{"almost", Almost}, {"nearly", Almost},
		{"exactly", Exactly}, {"=", Exactly},
		{"roughly-ish", ""}, {"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseComparator(tt.in)
			if got != tt.want || (err != nil) != (tt.want == "") {
				t.Errorf("ParseComparator(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

var figureTests = []struct {
	in   string
	want float64
	err  bool
}{
	{"12", 12, false},
	{"160.4", 160.4, false},
	{"1,000", 1000, false},
	{"10000000", 1e7, false},
	{"10 000 000", 1e7, false},
	{"$10M", 1e7, false},
	{"10 million", 1e7, false},
	{"USD 1.2bn", 1.2e9, false},
	{"12 t", 12, false},
	{"12,5", 12.5, false},
	{"500k", 5e5, false},
	{"-5", 0, true},
	{"twelve", 0, true},
	{"12 apples", 0, true},
	{"", 0, true},
	{"1e400", 0, true},
}

func TestParseFigure(t *testing.T) {
	t.Parallel()
	tests := figureTests
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFigure(tt.in)
			if (err != nil) != tt.err || !tt.err && got != tt.want {
				t.Errorf("ParseFigure(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

var countryTests = []struct {
	in   string
	want []string
	err  bool
}{
	{"RU", []string{"RU"}, false},
	{"CN TR", []string{"CN", "TR"}, false},
	{"Russia; Turkey", []string{"RU", "TR"}, false},
	{"United Arab Emirates", []string{"AE"}, false},
	{"Россия", []string{"RU"}, false},
	{"RUS,CHN", []string{"RU", "CN"}, false},
	{"RUS, United Arab Emirates", []string{"RU", "AE"}, false},
	{"Korea, Republic of", []string{"KR"}, false},
	{"", nil, false},
	{"Atlantis", nil, true},
}

func TestParseCountries(t *testing.T) {
	t.Parallel()
	tests := countryTests
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseCountries(tt.in)
			if (err != nil) != tt.err || !tt.err && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCountries(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

var hsTests = []struct {
	in   string
	want []string
	err  bool
}{
	{"8806 8807", []string{"8806", "8807"}, false},
	{"63079098", []string{"63079098"}, false},
	{"6307 90 98", []string{"63079098"}, false},
	{"6307.90.98", []string{"63079098"}, false},
	{"84, 85", []string{"84", "85"}, false},
	{"84 85", []string{"84", "85"}, false},
	{"9303|9013", []string{"9303", "9013"}, false},
	{"", nil, false},
	{"HS93", nil, true},
	{"1", nil, true},
}

func TestParseHSPrefixes(t *testing.T) {
	t.Parallel()
	tests := hsTests
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseHSPrefixes(tt.in)
			if (err != nil) != tt.err || !tt.err && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseHSPrefixes(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
			}
		})
	}
}

var periodTests = []struct {
	in, from, to string
	err          bool
}{
	{"2022", "2022-01-01", "2022-12-31", false},
	{"2022-06", "2022-06-01", "2022-06-30", false},
	{"June 2022", "2022-06-01", "2022-06-30", false},
	{"2022-06..2022-12", "2022-06-01", "2022-12-31", false},
	{"2022-06-01 to 2022-12-31", "2022-06-01", "2022-12-31", false},
	{"2022-06-01/2022-12-31", "2022-06-01", "2022-12-31", false},
	{"2024-02", "2024-02-01", "2024-02-29", false},
	{"", "", "", false},
	{"late 2022", "", "", true},
}

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	tests := periodTests
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			from, to, err := ParsePeriod(tt.in)
			if (err != nil) != tt.err || from != tt.from || to != tt.to {
				t.Errorf("ParsePeriod(%q) = %q, %q, %v; want %q, %q, error %v", tt.in, from, to, err, tt.from, tt.to, tt.err)
			}
		})
	}
}

func TestFormatFigure(t *testing.T) {
	t.Parallel()
	tests := []struct {
		m    Measure
		unit string
		v    float64
		want string
	}{
		{Tonnes, "", 12.6, "12.6 t"},
		{Tonnes, "", 155.0674999, "155.067 t"},
		{ValueUSD, "", 9983600, "9,983,600 USD"},
		{Shipments, "", 1, "1 shipment"},
		{Quantity, "pcs", 1000, "1,000 pcs"},
		{ValueUSD, "", 0.5, "0.5 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := FormatFigure(tt.m, tt.unit, tt.v); got != tt.want {
				t.Errorf("FormatFigure(%s, %v) = %q, want %q", tt.m, tt.v, got, tt.want)
			}
		})
	}
}

// The fuzz targets reuse the table rows as seeds: every parser must
// return a value or an error for any input, never panic, and what it
// returns must be usable.

func FuzzParseFigure(f *testing.F) {
	for _, tt := range figureTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseFigure(s)
		if err == nil && (v < 0 || v != v) {
			t.Fatalf("ParseFigure(%q) = %v without error", s, v)
		}
	})
}

func FuzzParseHSPrefixes(f *testing.F) {
	for _, tt := range hsTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseHSPrefixes(s)
		if err != nil {
			return
		}
		c := Claim{Measure: Tonnes, Comparator: MoreThan, Filters: Filters{HSPrefixes: ps}}
		if err := c.Validate(); err != nil {
			t.Fatalf("ParseHSPrefixes(%q) = %v, which does not validate: %v", s, ps, err)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, tt := range periodTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := ParsePeriod(s)
		if err != nil {
			return
		}
		fl := Filters{From: from, To: to}
		if _, _, err := fl.Range(); err != nil {
			t.Fatalf("ParsePeriod(%q) = %q, %q: %v", s, from, to, err)
		}
	})
}

func FuzzParseCountries(f *testing.F) {
	for _, tt := range countryTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := ParseCountries(s)
		if err != nil {
			return
		}
		c := Claim{Measure: Tonnes, Comparator: MoreThan, Filters: Filters{Origin: cs}}
		if err := c.Validate(); err != nil {
			t.Fatalf("ParseCountries(%q) = %v, which does not validate: %v", s, cs, err)
		}
	})
}
