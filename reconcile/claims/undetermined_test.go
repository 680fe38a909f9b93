package claims

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestUndeterminedFields checks that a shipment failing only on fields
// its sources do not record is "may be in scope" however many such
// fields there are, and that one failing on a recorded field too is out.
func TestUndeterminedFields(t *testing.T) {
	tests := []struct {
		name         string
		edit         func(s *ship)
		kind         Kind
		lower, upper float64
		und          int
		what         []string
		nearDetail   string // of A3
	}{
		{"dispatch and destination both unrecorded", func(s *ship) { s.dispatch, s.dest = "", "" },
			Insufficient, 2, 3, 1, []string{"dispatch", "destination"}, "dispatched from unknown; destination unknown (may be in scope)"},
		{"origin, dispatch, destination and HS code unrecorded", func(s *ship) { s.origin, s.dispatch, s.dest, s.hs = "", "", "", "" },
			Insufficient, 2, 3, 1, []string{"origin", "dispatch", "destination", "HS code"}, "origin unknown"},
		{"unrecorded destination and no date", func(s *ship) { s.dest, s.date = "", "" },
			Insufficient, 2, 3, 1, []string{"destination", "date"}, "no date"},
		{"unrecorded destination but dispatched from KZ: out", func(s *ship) { s.dest, s.dispatch = "", "KZ" },
			Supported, 2, 2, 0, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := baseShips()
			tt.edit(&s[2]) // A3
			v := Check(testData(s), claim(Shipments, Exactly, 2, armourJuneDec))
			if v.Kind != tt.kind || v.Lower != tt.lower || v.Upper != tt.upper || v.Undetermined != tt.und {
				t.Fatalf("got %s %v–%v, %d undetermined; want %s %v–%v, %d (%s)", v.Kind, v.Lower, v.Upper, v.Undetermined,
					tt.kind, tt.lower, tt.upper, tt.und, v.Reason)
			}
			if strings.Join(v.UndeterminedWhat, ",") != strings.Join(tt.what, ",") {
				t.Errorf("what: got %v, want %v", v.UndeterminedWhat, tt.what)
			}
			detail := ""
			for _, n := range v.Near {
				if n.ID == "A3" {
					detail = n.Detail
				}
			}
			if tt.nearDetail != "" && !strings.Contains(detail, tt.nearDetail) {
				t.Errorf("A3 near detail: got %q, want %q", detail, tt.nearDetail)
			}
			if tt.nearDetail == "" && detail != "" {
				t.Errorf("A3 misses two filters, one recorded: listed near as %q", detail)
			}
		})
	}
}

// TestDateReadings checks a claim period against a date whose day and
// month cannot be told apart: both readings in the period is in scope,
// neither is out, one of each is undetermined.
func TestDateReadings(t *testing.T) {
	tests := []struct {
		raw          string
		from, to     string
		kind         Kind
		lower, upper float64
		near         string
	}{
		{"03/04/2022", "2022-01-01", "2022-12-31", Supported, 2, 2, ""},                            // March or April 2022: in 2022 either way
		{"03/04/2022", "2023-01-01", "2023-01-31", NothingFound, 0, 0, ""},                         // in 2022 either way: out (January 2023 is covered; a year the sources leave out is Insufficient data, TestNothingFoundNeedsCoverage)
		{"03/04/2022", "2022-04-01", "2022-04-30", Insufficient, 1, 2, "2022-04-03 or 2022-03-04"}, // April one way, March the other
	}
	for _, tt := range tests {
		t.Run(tt.raw+" in "+tt.from, func(t *testing.T) {
			s := baseShips()[6:8] // R1, R2 (2022-06-14)
			s[1].date = ""
			d := testData(s)
			d.Records[1].Flags = []reconcile.Flag{{Field: reconcile.FieldDate, Code: reconcile.FlagAmbiguousDate, Raw: tt.raw}}
			c := claim(Shipments, Exactly, 2, Filters{HSPrefixes: []string{"9303"}, From: tt.from, To: tt.to})
			if tt.from == "2022-04-01" {
				// R1 is in June: only R2's April reading can be in scope.
				c.Figure = 1
				d.Shipments[0].Date = day("2022-04-20")
			}
			v := Check(d, c)
			if v.Kind != tt.kind || (v.Kind != NothingFound && (v.Lower != tt.lower || v.Upper != tt.upper)) {
				t.Fatalf("got %s %v–%v, want %s %v–%v (%s)", v.Kind, v.Lower, v.Upper, tt.kind, tt.lower, tt.upper, v.Reason)
			}
			if tt.near != "" && (len(v.Near) != 1 || !strings.Contains(v.Near[0].Detail, tt.near)) {
				t.Errorf("near: got %+v, want R2 with %q", v.Near, tt.near)
			}
			if tt.near != "" && !strings.Contains(v.Reason, "a date whose day and month cannot be told apart") {
				t.Errorf("reason %q does not say the date order is undecided", v.Reason)
			}
		})
	}
}

// TestStatedPeriodCoverage checks that a source's stated period counts as
// coverage, and reads periods from banner lines.
func TestStatedPeriodCoverage(t *testing.T) {
	rows := Coverage{Source: "ru.xlsx!S", From: day("2022-02-14"), To: day("2022-12-06")}
	c := claim(Tonnes, LessThan, 100, Filters{Destination: []string{"RU"}, From: "2022-01-01", To: "2022-12-31"})
	v := Check(testData(baseShips(), rows), c)
	if v.Covered || v.Kind != Insufficient {
		t.Fatalf("rows from February only: got covered %v, %s; want a gap", v.Covered, v.Kind)
	}
	stated := rows
	stated.StatedFrom, stated.StatedTo, _ = StatedPeriod("Параметры запроса: период 01.01.2022–31.12.2022; направление ИМ")
	v = Check(testData(baseShips(), stated), c)
	if !v.Covered || v.Kind != Supported {
		t.Fatalf("stated period 2022: got covered %v, %s (%s); want covered, supported", v.Covered, v.Kind, v.Reason)
	}
	for _, tt := range []struct{ text, from, to string }{
		{"Параметры запроса: период 01.01.2022–31.12.2022; направление ИМ", "2022-01-01", "2022-12-31"},
		{"Period: 2023-01-01 to 2023-06-30", "2023-01-01", "2023-06-30"},
		{"с 01.07.2022 по 31.12.2022", "2022-07-01", "2022-12-31"},
		{"Dönem 01.01.2022 - 31.12.2022", "2022-01-01", "2022-12-31"},
		{"Report 03/04/2022 - 05/06/2022", "", ""}, // slash dates that read both ways: no period
		{"period 31.12.2022–01.01.2022", "", ""},   // backwards
		{"Выгрузка ДТ, 17 строк", "", ""},          // no period
		{"Printed 14.02.2022 by user 12", "", ""},  // one date
	} {
		t.Run(tt.text, func(t *testing.T) {
			from, to, ok := StatedPeriod(tt.text)
			if ok != (tt.from != "") || ok && (from.String() != tt.from || to.String() != tt.to) {
				t.Errorf("got %v %s–%s, want %s–%s", ok, from, to, tt.from, tt.to)
			}
		})
	}
}
