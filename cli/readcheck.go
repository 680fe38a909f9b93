package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// mapFlag adds --map, the command line's way to map a column the reader
// did not recognise (the app's Sources screen does the same).
func mapFlag(fs *flag.FlagSet) *listFlag {
	var l listFlag
	fs.Var(&l, "map", "map a column: [FILE[!SHEET]:]COLUMN=FIELD, e.g. exports.csv:B=consignee or book.xlsx!Data:C=date; FIELD is a canonical field (consignee, shipper, date, hs_code, net_weight, …) or ignore. "+
		"Or give a field one value for the whole file or sheet: [FILE[!SHEET]:]FIELD=VALUE, e.g. tr_export.xls:dispatch_country=TR (country fields and currency), or settle its dates: FILE:date_order=dmy|mdy (repeatable)")
	return &l
}

// applyMaps adds the --map overrides to the project's sources. A FILE that
// names no input, a bad column letter or an unknown field is a usage error.
func applyMaps(p *pipeline.Project, maps []string) error {
	for _, m := range maps {
		target, assign := "", m
		if i := strings.LastIndex(m, ":"); i >= 0 {
			target, assign = m[:i], m[i+1:]
		}
		col, field, ok := strings.Cut(assign, "=")
		if !ok {
			return fmt.Errorf("--map %q: want [FILE[!SHEET]:]COLUMN=FIELD or [FILE[!SHEET]:]FIELD=VALUE", m)
		}
		idx := columnIndex(strings.ToUpper(strings.TrimSpace(col)))
		var ov pipeline.ColumnOverride
		field = strings.ToLower(strings.TrimSpace(field))
		if idx < 0 {
			// Not a column: a value or date order for the whole sheet.
			var err error
			if ov, err = sheetSetting(strings.TrimSpace(col), strings.TrimSpace(assign[len(col)+1:])); err != nil {
				return fmt.Errorf("--map %q: %v", m, err)
			}
		} else if field == "ignore" {
			ov.Ignore = true
		} else {
			known := false
			for _, f := range reconcile.Fields {
				if string(f) == field {
					known = true
				}
			}
			if !known {
				return fmt.Errorf("--map %q: unknown field %q (fields: %s, or ignore)", m, field, fieldList())
			}
			ov.Field = reconcile.Field(field)
		}
		ov.Column = idx
		if err := addOverride(p, "--map", m, target, ov); err != nil {
			return err
		}
	}
	return nil
}

// addOverride adds ov to the sources target ([FILE[!SHEET]], "" for
// all) names; a FILE that names no input is a usage error of flag name.
func addOverride(p *pipeline.Project, name, m, target string, ov pipeline.ColumnOverride) error {
	file, sheet, _ := strings.Cut(target, "!")
	ov.Sheet = sheet
	hit := false
	for i := range p.Sources {
		if file == "" || filepath.Base(p.Sources[i].Path) == filepath.Base(file) {
			p.Sources[i].Mapping = append(p.Sources[i].Mapping, ov)
			hit = true
		}
	}
	if !hit {
		return fmt.Errorf("%s %q: no input file is named %q", name, m, file)
	}
	return nil
}

// sheetSetting reads FIELD=VALUE (a fixed value of a field for the whole
// sheet) or date_order=dmy|mdy, the left side of --map that is not a
// column letter.
func sheetSetting(key, value string) (pipeline.ColumnOverride, error) {
	k := strings.ToLower(key)
	if k == "date_order" {
		if _, ok := pipeline.ParseDateOrder(value); !ok {
			return pipeline.ColumnOverride{}, fmt.Errorf("date_order %q: want dmy (day first, 03/04/2022 = 3 April) or mdy (month first = 4 March)", value)
		}
		return pipeline.ColumnOverride{DateOrder: strings.ToLower(value)}, nil
	}
	if k == "tons" || k == "ton" {
		u := strings.ToLower(strings.Join(strings.Fields(value), " "))
		if _, ok := read.TonUnits[u]; !ok {
			return pipeline.ColumnOverride{}, fmt.Errorf("tons=%q: want t (metric tonne), \"short ton\" or \"long ton\"", value)
		}
		return pipeline.ColumnOverride{ColumnOverride: read.ColumnOverride{Unit: u}}, nil
	}
	f := reconcile.Field(k)
	if !slices.Contains(read.ConstantFields, f) {
		var names []string
		for _, c := range read.ConstantFields {
			names = append(names, string(c))
		}
		return pipeline.ColumnOverride{}, fmt.Errorf("%q is neither a column letter (A, B, … XFD) nor a field that takes one value for the whole file (%s, or date_order)", key, strings.Join(names, ", "))
	}
	v, ok := read.CanonicalConstant(f, value)
	if !ok {
		return pipeline.ColumnOverride{}, fmt.Errorf("%q is not a %s for %s", value, map[bool]string{true: "currency", false: "country"}[f == reconcile.FieldCurrency], f)
	}
	return pipeline.ColumnOverride{ColumnOverride: read.ColumnOverride{Field: f}, Value: v}, nil
}

// dateOrderFlag adds --date-order, the same as --map FILE:date_order=….
func dateOrderFlag(fs *flag.FlagSet) *listFlag {
	var l listFlag
	fs.Var(&l, "date-order", "settle dates such as 03/04/2022 that a file cannot: FILE[!SHEET]:dmy (day first) or FILE[!SHEET]:mdy (month first); same as --map FILE:date_order=mdy (repeatable)")
	return &l
}

// dateOrderMaps turns --date-order values into --map ones.
func dateOrderMaps(ds []string) ([]string, error) {
	var out []string
	for _, d := range ds {
		i := strings.LastIndex(d, ":")
		if i < 0 {
			return nil, fmt.Errorf("--date-order %q: want FILE[!SHEET]:dmy or FILE[!SHEET]:mdy", d)
		}
		out = append(out, d[:i]+":date_order="+d[i+1:])
	}
	return out, nil
}

func fieldList() string {
	var out []string
	for _, f := range reconcile.Fields {
		out = append(out, string(f))
	}
	return strings.Join(out, ", ")
}

// columnIndex is the 0-based index of a column letter, -1 when it is not
// one.
func columnIndex(s string) int {
	if s == "" || len(s) > 3 {
		return -1
	}
	n := 0
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return -1
		}
		n = n*26 + int(c-'A'+1)
	}
	if n > 16384 {
		return -1
	}
	return n - 1
}

// readProblems reports, on stderr, what reading left out that the user
// must act on, and returns ExitInput when there is any: a sheet whose
// columns need mapping (its rows are in no total), and an input file that
// yielded no rows at all (as inspect does). A workbook that holds only a
// Claims sheet is claims, not data, and is not reported.
func readProblems(env *Env, cmd string, res *pipeline.Result) int {
	code := ExitOK
	for _, u := range unknownSheetUse(res) {
		// A typo must not pass for a sheet left out.
		fmt.Fprintf(env.Stderr, "tradecheck-cli %s: %s\n", cmd, u)
		code = ExitInput
	}
	for _, f := range res.Files {
		if f.Err != nil {
			continue
		}
		rows, claimsOnly, reported := 0, len(f.Sheets) > 0, false
		var why []string
		for _, s := range f.Sheets {
			rows += s.Rows
			if s.Sheet != claims.SheetName {
				claimsOnly = false
			}
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += " [" + s.Sheet + "]"
			}
			if s.LeftOut != "" && !s.Summary {
				reported = true // the user left it out: no rows is what was asked
			}
			if s.NeedsMapping {
				fmt.Fprintf(env.Stderr, "tradecheck-cli %s: %s: not read: %s; %s\n", cmd, name, s.Status, mapHow(f.Path, s.Sheet, firstUnmapped(s.Headers(), s.Mapping())))
				code, reported = ExitInput, true
			}
			if s.Status != "" {
				st, _, _ := strings.Cut(s.Status, " — ")
				why = append(why, name+": "+st)
			}
		}
		if rows == 0 && !claimsOnly && !reported {
			msg := "no rows read"
			if len(why) > 0 {
				msg += " (" + strings.Join(why, "; ") + ")"
			}
			fmt.Fprintf(env.Stderr, "tradecheck-cli %s: %v\n", cmd, &reconcile.Error{File: f.Path, Err: errors.New(msg),
				Hint: "check that this is the export you meant, or map its columns"})
			code = ExitInput
		}
	}
	return code
}
