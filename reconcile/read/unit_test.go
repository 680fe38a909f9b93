package read

import (
	"strings"
	"testing"

	"tradecheck/reconcile"
)

// TestWeightUnitNotStated: a weight column whose header states no unit,
// with no unit column, is read as kg, and that assumption is visible three
// times: the sheet warning, the column's Unit "kg (assumed)" and a Kept
// unknown_unit flag on every record (the value stays valid and counted).
// A stated unit — in the header, a unit column or the user's mapping —
// gives no flag.
func TestWeightUnitNotStated(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		csv      string
		opt      Options
		unit     string  // Unit of the net weight column
		kg       float64 // first record's NetKg
		flagged  bool    // records carry the assumed-kg flag
		warnWant bool    // the sheet warns "kg assumed"
	}{
		{"no unit anywhere", "Importer;Net weight\nA;12\nB;30\n", Options{}, unitAssumedKg, 12, true, true},
		{"unit in the header", "Importer;Net weight, kg\nA;12\nB;30\n", Options{}, "kg", 12, false, false},
		{"tonnes in the header", "Importer;Net weight, t\nA;12\nB;30\n", Options{}, "t", 12000, false, false},
		{"unit column", "Importer;Net weight;Net weight unit\nA;12;t\nB;30;t\n", Options{}, "from unit column", 12000, false, false},
		{"generic unit column beside a net weight", "Importer;Net weight;Weight unit\nA;12;t\nB;30;t\n", Options{}, "from unit column", 12000, false, false},
		{"generic unit column beside net and gross", "Importer;Net weight;Gross weight;Unit of weight\nA;12;13;t\nB;30;31;t\n", Options{}, "from unit column", 12000, false, false},
		{"unit set by the user", "Importer;Net weight\nA;12\nB;30\n", Options{Mapping: map[int]ColumnOverride{1: {Unit: "kg"}}}, "kg", 12, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "w.csv", []byte(tt.csv))
			sr, recs := readSheet(t, path, "", tt.opt)
			if len(recs) != 2 {
				t.Fatalf("got %d records, want 2 (columns %+v)", len(recs), sr.Columns())
			}
			col := sr.Columns()[1]
			if col.Field != reconcile.FieldNetWeight || col.Unit != tt.unit {
				t.Errorf("column B: field %q unit %q, want net_weight unit %q", col.Field, col.Unit, tt.unit)
			}
			if r := recs[0]; !r.NetKg.Valid || r.NetKg.Value != tt.kg {
				t.Errorf("NetKg = %+v, want valid %v", r.NetKg, tt.kg)
			}
			for _, r := range recs {
				var got *reconcile.Flag
				for i, f := range r.Flags {
					if f.Code == reconcile.FlagUnknownUnit {
						got = &r.Flags[i]
					}
				}
				switch {
				case tt.flagged && got == nil:
					t.Errorf("row %d: flags %+v, want %s", r.Source.Row, r.Flags, reconcile.FlagUnknownUnit)
				case tt.flagged && (got.Field != reconcile.FieldNetWeight || got.Detail != "unit not stated; read as kg" || !got.Kept || got.Column != 1):
					t.Errorf("row %d: flag %+v, want net_weight, column 1, Kept, detail %q", r.Source.Row, *got, "unit not stated; read as kg")
				case !tt.flagged && got != nil:
					t.Errorf("row %d: flag %+v, want none (the unit is stated)", r.Source.Row, *got)
				}
			}
			warned := strings.Contains(strings.Join(reconcile.NoteTexts(sr.Warnings()), "\n"), "kilograms assumed")
			if warned != tt.warnWant {
				t.Errorf("warnings %q: kg-assumed warning %v, want %v", sr.Warnings(), warned, tt.warnWant)
			}
		})
	}
}

// A bare "Weight" is the net weight of a customs register but the gross
// weight of a B/L feed (a B/L column, no declaration): manifests state
// the cargo's gross weight.
func TestBareWeightByKindOfSource(t *testing.T) {
	for _, tc := range []struct {
		name, header, row string
		want              reconcile.Field
	}{
		{"B/L feed", "Arrival Date,Consignee,Bill of Lading Number,Weight,Weight Unit\n", "2022-05-03,ACME,HLCUSHA220412345,4410,LB\n", reconcile.FieldGrossWeight},
		{"customs register", "Date,Consignee,Declaration No,Weight (kg)\n", "2022-05-03,ACME,10702070/030522/0001234,2000\n", reconcile.FieldNetWeight},
		{"neither", "Date,Consignee,Weight (kg)\n", "2022-05-03,ACME,2000\n", reconcile.FieldNetWeight},
		{"B/L feed with a net weight", "Date,Consignee,B/L No,Net Weight (kg),Weight (kg)\n", "2022-05-03,ACME,HLCU1,1900,2000\n", reconcile.FieldGrossWeight},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sr, recs := readSheet(t, writeFile(t, "w.csv", []byte(tc.header+tc.row)), "", Options{})
			if got := fieldOf(sr.Columns(), "Weight"); got != tc.want && fieldOf(sr.Columns(), "Weight (kg)") != tc.want {
				t.Errorf("weight read as %q, want %q", got, tc.want)
			}
			if len(recs) != 1 {
				t.Fatalf("%d records", len(recs))
			}
			w := recs[0].NetKg
			if tc.want == reconcile.FieldGrossWeight {
				w = recs[0].GrossKg
			}
			if !w.Valid {
				t.Errorf("no %s on the record: net %+v gross %+v", tc.want, recs[0].NetKg, recs[0].GrossKg)
			}
		})
	}
}
