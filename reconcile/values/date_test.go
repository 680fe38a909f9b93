package values

import (
	"testing"
	"time"

	"tradecheck/reconcile"
)

var dateTests = []struct {
	name  string
	in    string
	order DateOrder
	want  string // Date.String(): "2022-06-14", "2023-04", or "" for ok=false
}{
	{"ISO", "2022-06-14", OrderUnknown, "2022-06-14"},
	{"ISO with time", "2022-06-14T00:00:00", OrderUnknown, "2022-06-14"},
	{"ISO with zone", "2022-06-14T10:15:30.000Z", OrderUnknown, "2022-06-14"},
	{"ISO with space time", "2022-06-14 00:00:00", OrderMDY, "2022-06-14"},
	{"slashed ISO", "2022/06/14", OrderUnknown, "2022-06-14"},
	{"dotted", "14.06.2022", OrderUnknown, "2022-06-14"},
	{"dotted with time", "14.06.2022 0:00", OrderUnknown, "2022-06-14"},
	{"dotted is DMY even in MDY column", "01.02.2022", OrderMDY, "2022-02-01"},
	{"dotted short year", "14.06.22", OrderUnknown, "2022-06-14"},
	{"dotted short year 1990s", "14.06.98", OrderUnknown, "1998-06-14"},
	{"slash DMY", "14/06/2022", OrderDMY, "2022-06-14"},
	{"slash MDY", "06/14/2022", OrderMDY, "2022-06-14"},
	{"slash ambiguous DMY", "01/02/2022", OrderDMY, "2022-02-01"},
	{"slash ambiguous MDY", "01/02/2022", OrderMDY, "2022-01-02"},
	{"slash ambiguous unknown", "01/02/2022", OrderUnknown, ""},
	{"slash self-evident DMY", "14/06/2022", OrderUnknown, "2022-06-14"},
	{"slash self-evident MDY", "06/14/2022", OrderUnknown, "2022-06-14"},
	{"slash equal parts", "05/05/2022", OrderUnknown, "2022-05-05"},
	{"slash contradicts column", "14/06/2022", OrderMDY, ""},
	{"slash contradicts DMY column", "06/14/2022", OrderDMY, ""},
	{"US with time", "6/14/2022 10:15 PM", OrderMDY, "2022-06-14"},
	{"dash DMY", "14-06-2022", OrderDMY, "2022-06-14"},
	{"compact", "20220614", OrderUnknown, "2022-06-14"},
	{"compact day first", "14082025", OrderUnknown, "2025-08-14"},
	{"compact day first ambiguous-looking", "01022025", OrderUnknown, "2025-02-01"},
	{"seven digits", "8082025", OrderUnknown, ""},
	{"compact invalid", "20221340", OrderUnknown, ""},
	{"serial", "44726", OrderUnknown, "2022-06-14"},
	{"serial with time", "44726.5", OrderUnknown, "2022-06-14"},
	{"serial with comma fraction", "44726,75", OrderUnknown, "2022-06-14"},
	{"serial too early", "2023", OrderUnknown, ""},
	{"serial small", "150", OrderUnknown, ""},
	{"serial past 2100", "80000", OrderUnknown, ""},
	{"serial first plausible day", "32874", OrderUnknown, "1990-01-01"},
	{"month name year", "Apr 2023", OrderUnknown, "2023-04"},
	{"month name upper", "APR 2023", OrderUnknown, "2023-04"},
	{"month name dash", "Apr-2023", OrderUnknown, "2023-04"},
	{"full month name", "April 2023", OrderUnknown, "2023-04"},
	{"Sept", "Sept 2023", OrderUnknown, "2023-09"},
	{"Russian abbreviation", "апр 2023", OrderUnknown, "2023-04"},
	{"Russian month", "Апрель 2023", OrderUnknown, "2023-04"},
	{"Russian month with year word", "январь 2023 г.", OrderUnknown, "2023-01"},
	{"ISO month", "2023-04", OrderUnknown, "2023-04"},
	{"slashed ISO month", "2023/04", OrderUnknown, "2023-04"},
	{"dotted month", "04.2023", OrderUnknown, "2023-04"},
	{"slashed month", "04/2023", OrderUnknown, "2023-04"},
	{"compact month", "202304", OrderUnknown, "2023-04"},
	{"day month name year", "14 Jun 2022", OrderUnknown, "2022-06-14"},
	{"Oracle form", "14-JUN-22", OrderUnknown, "2022-06-14"},
	{"US long form", "June 14, 2022", OrderUnknown, "2022-06-14"},
	{"ordinal day", "June 14th, 2022", OrderUnknown, "2022-06-14"},
	{"Russian genitive", "14 июня 2022 г.", OrderUnknown, "2022-06-14"},
	{"Russian with ё-less spelling", "1 января 2023", OrderUnknown, "2023-01-01"},
	{"leap day", "29.02.2024", OrderUnknown, "2024-02-29"},

	{"not a leap day", "29.02.2023", OrderUnknown, ""},
	{"month 13", "2022-13-01", OrderUnknown, ""},
	{"day 32", "32.01.2022", OrderUnknown, ""},
	{"empty", "", OrderUnknown, ""},
	{"text", "yesterday", OrderUnknown, ""},
	{"month name without year", "Apr-23", OrderUnknown, ""},
	{"day month without year", "23 Apr", OrderUnknown, ""},
	{"two month names", "Apr May 2023", OrderUnknown, ""},
	{"year only", "2023", OrderUnknown, ""},
	{"year far past", "0022-06-14", OrderUnknown, ""},
	{"negative serial", "-5", OrderUnknown, ""},
	{"time only", "10:15", OrderUnknown, ""},
	{"bad time", "2022-06-14 x:y", OrderUnknown, ""},
	{"double separator", "14..06.2022", OrderUnknown, ""},
	{"mixed separators", "14.06/2022", OrderUnknown, ""},
	{"too many parts", "1 2 3 4 5 6 7", OrderUnknown, ""},
	{"space month", "04 2023", OrderUnknown, ""},
	{"month zero", "2023-00", OrderUnknown, ""},
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for _, tt := range dateTests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ParseDate(tt.in, tt.order)
			if got := d.String(); ok != (tt.want != "") || got != tt.want {
				t.Errorf("ParseDate(%q, %v) = %q, %v; want %q", tt.in, tt.order, got, ok, tt.want)
			}
		})
	}
}

func TestParseDatePrecision(t *testing.T) {
	t.Parallel()
	d, ok := ParseDate("Apr 2023", OrderUnknown)
	if !ok || d.Precision != reconcile.PrecisionMonth {
		t.Errorf("ParseDate(Apr 2023) precision = %v, %v; want month", d.Precision, ok)
	}
	d, ok = ParseDate("2022-06-14T13:45:00", OrderUnknown)
	want := time.Date(2022, 6, 14, 0, 0, 0, 0, time.UTC)
	if !ok || d.Precision != reconcile.PrecisionDay || !d.Time.Equal(want) || d.Time.Location() != time.UTC {
		t.Errorf("ParseDate = %v %v %v; want %v at day precision in UTC", d.Time, d.Precision, ok, want)
	}
}

func TestExcelSerial(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		serial   float64
		date1904 bool
		want     string
	}{
		{"first day", 1, false, "1900-01-01"},
		{"day before the fictional leap day", 59, false, "1900-02-28"},
		{"fictional 1900-02-29", 60, false, ""},
		{"day after the fictional leap day", 61, false, "1900-03-01"},
		{"epoch 1970", 25569, false, "1970-01-01"},
		{"2022-06-14", 44726, false, "2022-06-14"},
		{"fraction dropped", 44726.99, false, "2022-06-14"},
		{"last day", 2958465, false, "9999-12-31"},
		{"past last day", 2958466, false, ""},
		{"zero", 0, false, ""},
		{"negative", -1, false, ""},
		{"NaN", nan(), false, ""},
		{"1904 zero", 0, true, "1904-01-01"},
		{"1904 system", 43264, true, "2022-06-14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ExcelSerial(tt.serial, tt.date1904)
			if got := d.String(); ok != (tt.want != "") || got != tt.want {
				t.Errorf("ExcelSerial(%v, %v) = %q, %v; want %q", tt.serial, tt.date1904, got, ok, tt.want)
			}
		})
	}
}

func nan() float64 { var z float64; return z / z }

func TestGuessDateOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		samples []string
		want    DateOrder
	}{
		{"first part over 12", []string{"01/02/2022", "14/06/2022"}, OrderDMY},
		{"second part over 12", []string{"01/02/2022", "06/14/2022 00:00"}, OrderMDY},
		{"dotted", []string{"01.02.2022"}, OrderDMY},
		{"all ambiguous", []string{"01/02/2022", "03/04/2022"}, OrderUnknown},
		{"contradicting", []string{"14/06/2022", "06/14/2022"}, OrderUnknown},
		{"ISO says nothing", []string{"2022-06-14", "2022-01-02"}, OrderUnknown},
		{"junk ignored", []string{"n/a", "", "25-12-2022"}, OrderDMY},
		{"short years", []string{"12/31/22"}, OrderMDY},
		{"US slash dates beside dotted ones", []string{"11/2/2022", "2/15/2023", "02.11.2022", "25.01.2023"}, OrderMDY},
		{"dotted speak only when the rest is silent", []string{"11/2/2022", "25.01.2023"}, OrderDMY},
		{"European slash dates beside dotted ones", []string{"11/2/2022", "15/02/2023", "02.11.2022"}, OrderDMY},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessDateOrder(tt.samples); got != tt.want {
				t.Errorf("GuessDateOrder(%q) = %v; want %v", tt.samples, got, tt.want)
			}
		})
	}
}

func TestParseDateAllocs(t *testing.T) {
	for _, s := range []string{"14.06.2022", "2022-06-14T00:00:00", "44726", "14 июня 2022 г.", "Apr 2023"} {
		if n := testing.AllocsPerRun(100, func() { ParseDate(s, OrderDMY) }); n != 0 {
			t.Errorf("ParseDate(%q) allocates %v times; want 0", s, n)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tt := range dateTests {
		f.Add(tt.in, uint8(tt.order))
	}
	f.Fuzz(func(t *testing.T, s string, o uint8) {
		order := DateOrder(o % 3)
		d, ok := ParseDate(s, order)
		if !ok {
			if d.Known() {
				t.Fatalf("ParseDate(%q) = %v with ok=false", s, d)
			}
			return
		}
		tm := d.Time
		if tm.Location() != time.UTC || tm.Hour() != 0 || tm.Minute() != 0 || tm.Second() != 0 || tm.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %v; want UTC midnight", s, tm)
		}
		if tm.Year() < textMinYear || tm.Year() > textMaxYear {
			t.Fatalf("ParseDate(%q) = %v; year out of range", s, tm)
		}
		if d.Precision == reconcile.PrecisionMonth && tm.Day() != 1 {
			t.Fatalf("ParseDate(%q) = %v at month precision; want the first", s, tm)
		}
		// The ISO rendering parses back to the same date.
		back, ok := ParseDate(d.String(), order)
		if !ok || back != d {
			t.Fatalf("ParseDate(%q) = %v, but %q parses to %v, %v", s, d, d.String(), back, ok)
		}
		GuessDateOrder([]string{s})
	})
}

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"14.06.2022", "2022-06-14T00:00:00", "44726", "06/14/2022", "Apr 2023", "14 июня 2022 г."}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ParseDate(inputs[i%len(inputs)], OrderMDY)
	}
}
