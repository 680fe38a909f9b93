package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// --unit gives a column its unit or scale and settles "tons"; --decimal
// sets a column's decimal separator. Their errors name the flag the user
// typed (a bad --unit was once reported as a bad --map).
func TestUnitAndDecimalFlags(t *testing.T) {
	newProject := func() *pipeline.Project {
		return &pipeline.Project{Sources: []pipeline.SourceSpec{{Path: "/data/v7.xlsx"}}}
	}
	for _, c := range []struct {
		name     string
		units    []string
		decimals []string
		want     pipeline.ColumnOverride
		err      string // "" for none
	}{
		{name: "weight unit of a column", units: []string{"v7.xlsx!Экспорт:G=t"},
			want: pipeline.ColumnOverride{Sheet: "Экспорт", Column: 6, ColumnOverride: read.ColumnOverride{Unit: "t"}}},
		{name: "value scale of a column", units: []string{"v7.xlsx:H=Thousand"},
			want: pipeline.ColumnOverride{Column: 7, ColumnOverride: read.ColumnOverride{Unit: "thousand"}}},
		{name: "tons still", units: []string{"v7.xlsx:tons=t"},
			want: pipeline.ColumnOverride{Column: -1, ColumnOverride: read.ColumnOverride{Unit: "t"}}},
		{name: "a unit where the column goes", units: []string{"v7.xlsx:kg=t"}, err: `--unit "v7.xlsx:kg=t": "kg" is a unit, not a column`},
		{name: "unknown unit", units: []string{"v7.xlsx:G=stone"}, err: `--unit "v7.xlsx:G=stone": unknown unit "stone"`},
		{name: "bad tons", units: []string{"v7.xlsx:tons=kg"}, err: `--unit "v7.xlsx:tons=kg"`},
		{name: "no such file", units: []string{"other.xlsx:G=t"}, err: `--unit "other.xlsx:G=t": no input file`},
		{name: "decimal comma", decimals: []string{"v7.xlsx!S:I=comma"},
			want: pipeline.ColumnOverride{Sheet: "S", Column: 8, ColumnOverride: read.ColumnOverride{Decimal: "comma"}}},
		{name: "bad decimal", decimals: []string{"v7.xlsx:I=semicolon"}, err: `--decimal "v7.xlsx:I=semicolon"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newProject()
			err := applyUnits(p, c.units)
			if err == nil {
				err = applyDecimals(p, c.decimals)
			}
			if c.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), c.err) || strings.Contains(err.Error(), "--map") {
					t.Fatalf("error %v, want one starting %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m := p.Sources[0].Mapping; len(m) != 1 || m[0] != c.want {
				t.Errorf("mapping %+v, want %+v", m, c.want)
			}
		})
	}
}

// A weight column whose "1,125" the file cannot settle: reconcile says
// which column, how many weights are left out and the flag that settles
// it. It said only "3 shipments have no usable weight" before.
func TestReconcileSaysUndecidedDecimals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "amb.csv")
	csv := "Date,Consignee,Net weight kg,Value USD\n2023-01-05,FIRM A LLC,\"1,125\",100\n2023-01-06,FIRM B LLC,\"2,250\",200\n2023-01-07,FIRM C LLC,\"3,500\",300\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("reconcile", "-o", filepath.Join(dir, "out.xlsx"), path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if all := out + errOut; !strings.Contains(all, "3 weight(s) in column C could be decimals or thousands") || !strings.Contains(all, "--decimal 'amb.csv:C=comma'") {
		t.Errorf("output does not name the undecided column and --decimal:\n%s%s", out, errOut)
	}
}
