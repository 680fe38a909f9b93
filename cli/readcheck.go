package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/pipeline"
)

// mapFlag adds --map, the command line's way to map a column the reader
// did not recognise (the app's Sources screen does the same).
func mapFlag(fs *flag.FlagSet) *listFlag {
	var l listFlag
	fs.Var(&l, "map", "map a column: [FILE[!SHEET]:]COLUMN=FIELD, e.g. exports.csv:B=consignee or book.xlsx!Data:C=date; FIELD is a canonical field (consignee, shipper, date, hs_code, net_weight, …) or ignore (repeatable)")
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
			return fmt.Errorf("--map %q: want [FILE[!SHEET]:]COLUMN=FIELD", m)
		}
		idx := columnIndex(strings.ToUpper(strings.TrimSpace(col)))
		if idx < 0 {
			return fmt.Errorf("--map %q: %q is not a column letter (A, B, … XFD)", m, col)
		}
		ov := pipeline.ColumnOverride{Column: idx}
		field = strings.ToLower(strings.TrimSpace(field))
		if field == "ignore" {
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
			return fmt.Errorf("--map %q: no input file is named %q", m, file)
		}
	}
	return nil
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
