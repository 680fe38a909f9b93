package cli

import (
	"flag"
	"fmt"
	"strings"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// unitFlag adds --unit: what "tons" alone means for a file or sheet, or
// the unit of one column (a weight unit, or a value column's scale) that
// its header does not state.
func unitFlag(fs *flag.FlagSet) *listFlag {
	var l listFlag
	fs.Var(&l, "unit", "give a column its unit: [FILE[!SHEET]:]COLUMN=UNIT, UNIT kg, t, g or lb for a weight column, thousand or million for a value column (book.xlsx!Data:I=t, book.xlsx!Data:J=thousand); "+
		"or say what \"tons\" alone means: [FILE[!SHEET]:]tons=t (metric tonne), tons=\"short ton\" or tons=\"long ton\"; until then such weights are left out of tonnes (repeatable)")
	return &l
}

// decimalFlag adds --decimal, which settles a column's "1,125" (1.125 or
// 1125?) that the file cannot.
func decimalFlag(fs *flag.FlagSet) *listFlag {
	var l listFlag
	fs.Var(&l, "decimal", "settle a column's decimal separator where the file cannot (\"1,125\": 1.125 or 1125?): [FILE[!SHEET]:]COLUMN=comma or =point, e.g. book.xlsx!Data:I=comma (repeatable)")
	return &l
}

// splitSetting splits [FILE[!SHEET]:]KEY=VALUE.
func splitSetting(m string) (target, key, value string, ok bool) {
	assign := m
	if i := strings.LastIndex(m, ":"); i >= 0 {
		target, assign = m[:i], m[i+1:]
	}
	key, value, ok = strings.Cut(assign, "=")
	return target, strings.TrimSpace(key), strings.Trim(strings.TrimSpace(value), `"'`), ok
}

// applyUnits adds the --unit settings to the project's sources: a
// column's unit, or a sheet's reading of "tons".
func applyUnits(p *pipeline.Project, units []string) error {
	const want = "want [FILE[!SHEET]:]COLUMN=UNIT (UNIT kg, t, g, lb, thousand or million) or [FILE[!SHEET]:]tons=t|\"short ton\"|\"long ton\""
	for _, m := range units {
		target, key, value, ok := splitSetting(m)
		if !ok {
			return fmt.Errorf("--unit %q: %s", m, want)
		}
		var ov pipeline.ColumnOverride
		if k := strings.ToLower(key); k == "tons" || k == "ton" {
			var err error
			if ov, err = sheetSetting(k, value); err != nil {
				return fmt.Errorf("--unit %q: %v", m, err)
			}
			ov.Column = -1 // a setting of the whole sheet
		} else {
			idx := columnIndex(strings.ToUpper(key))
			switch strings.ToLower(key) {
			case "kg", "kgs", "lb", "lbs", "mt", "tne":
				// Column letters too (KG is column 293), but no table is
				// that wide: the user means the unit.
				return fmt.Errorf("--unit %q: %q is a unit, not a column; give the column letter of the weight or value: [FILE[!SHEET]:]COLUMN=%s", m, key, value)
			}
			if idx < 0 {
				return fmt.Errorf("--unit %q: %q is neither a column letter nor tons; %s", m, key, want)
			}
			if !read.ColumnUnitKnown(value) {
				return fmt.Errorf("--unit %q: unknown unit %q; %s", m, value, want)
			}
			ov.Column, ov.Unit = idx, strings.ToLower(value)
		}
		if err := addOverride(p, "--unit", m, target, ov); err != nil {
			return err
		}
	}
	return nil
}

// applyDecimals adds the --decimal settings to the project's sources.
func applyDecimals(p *pipeline.Project, decimals []string) error {
	for _, m := range decimals {
		target, key, value, ok := splitSetting(m)
		idx := columnIndex(strings.ToUpper(key))
		if !ok || idx < 0 || !read.DecimalKnown(value) {
			return fmt.Errorf("--decimal %q: want [FILE[!SHEET]:]COLUMN=comma or [FILE[!SHEET]:]COLUMN=point", m)
		}
		ov := pipeline.ColumnOverride{Column: idx}
		ov.Decimal = strings.ToLower(value)
		if err := addOverride(p, "--decimal", m, target, ov); err != nil {
			return err
		}
	}
	return nil
}
