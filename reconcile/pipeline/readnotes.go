package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/values"
)

// ReadNotes lists what reading the sources found that a reader of the
// figures must know, one line each, for the Summary notes and the CLI:
// total rows that differ from the rows read (rows may be missing or
// misread), total rows that match, sheets whose columns need mapping
// (left out of every total), sheets that are not data, and rows hidden
// in Excel.
func (r *Result) ReadNotes() []string {
	var out []string
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		for _, s := range f.Sheets {
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += " [" + s.Sheet + "]"
			}
			switch {
			case s.NeedsMapping:
				out = append(out, fmt.Sprintf("%s: not counted — %s", name, s.Status))
			case s.NoTable && strings.HasPrefix(s.Status, "not a data sheet"):
				status, _, _ := strings.Cut(s.Status, " — ")
				out = append(out, fmt.Sprintf("%s: %s; left out", name, status))
			}
			for _, c := range s.Checks {
				out = append(out, name+": "+c)
			}
			if s.Flow == reconcile.FlowExport {
				out = append(out, name+": "+exportNote(s, mergeOptions(r.Project.Params)))
			}
		}
	}
	if n := r.rulesNote(); n != "" {
		out = append(out, n)
	}
	return out
}

func exportNote(s SheetResult, o merge.Options) string {
	of := ""
	if s.Country != "" {
		of = " of " + values.CountryName(s.Country)
	}
	n := fmt.Sprintf("export declarations%s (%s): each pairs with the import rows of the same goods — same consignee and shipper, HS-6, weights, the export up to %d days before or %d after — and counts once; uncertain pairs are on Possible duplicates", of, s.FlowWhy, o.ExportDaysBefore, o.ExportDaysAfter)
	if s.Country == "" {
		n += fmt.Sprintf("; the file does not say which country declared them, so their dispatch country stays unknown where no column gives it (--flow %s=export:CC)", flowFileArg(&s))
	}
	return n
}

// rulesNote echoes the shipment rules' windows and band when they are
// not the defaults (the Method sheet always lists them), so that the
// figures of the Summary say under which rules they were made.
func (r *Result) rulesNote() string {
	o, def := mergeOptions(r.Project.Params), merge.DefaultOptions()
	if o.BLDaysBefore == def.BLDaysBefore && o.BLDaysAfter == def.BLDaysAfter && o.PackagingBandPct == def.PackagingBandPct &&
		o.ExportDaysBefore == def.ExportDaysBefore && o.ExportDaysAfter == def.ExportDaysAfter {
		return ""
	}
	return fmt.Sprintf("shipment rules set by the user: B/L window -%d,+%d days (default -%d,+%d), packaging band %g (default %g), export window -%d,+%d days (default -%d,+%d); the same files with the same flags (--bl-window, --packaging-band, --export-window) give the same figures",
		o.BLDaysBefore, o.BLDaysAfter, def.BLDaysBefore, def.BLDaysAfter, o.PackagingBandPct/100, def.PackagingBandPct/100,
		o.ExportDaysBefore, o.ExportDaysAfter, def.ExportDaysBefore, def.ExportDaysAfter)
}
