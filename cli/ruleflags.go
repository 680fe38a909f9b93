package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// ruleFlags are the shipment rules' windows and band, and the sources'
// trade flow: reconcile and check take them alike. Strings, so that "not
// given" differs from any value and a --decisions workbook's parameters
// apply unless overridden.
type ruleFlags struct {
	bl, export, band *string
	flows            listFlag
	skips, includes  listFlag
}

func addRuleFlags(fs *flag.FlagSet) *ruleFlags {
	r := &ruleFlags{}
	r.bl = fs.String("bl-window", "", fmt.Sprintf("days a bill-of-lading date may fall before and after a declaration's date, as -BEFORE,+AFTER (default -%d,+%d)", merge.DefaultBLDaysBefore, merge.DefaultBLDaysAfter))
	r.export = fs.String("export-window", "", fmt.Sprintf("days an export declaration may come before and after the import declaration of the same goods, as -BEFORE,+AFTER (default -%d,+%d)", merge.DefaultExportDaysBefore, merge.DefaultExportDaysAfter))
	r.band = fs.String("packaging-band", "", fmt.Sprintf("how much heavier a gross-only weight may be than a net-only one and still match, as a fraction (default %g: gross ≤ net × %g)", float64(merge.DefaultPackagingBandPct)/100, 1+float64(merge.DefaultPackagingBandPct)/100))
	fs.Var(&r.skips, "skip-sheet", "leave one sheet out: FILE!SHEET as --map writes it (FILE alone for a CSV); its rows are listed with the fate \"sheet left out by the user\" and counted nowhere (repeatable)")
	fs.Var(&r.includes, "include-sheet", "read a sheet taken for a summary (one column per period, no dates) as shipments after all: FILE!SHEET (repeatable)")
	fs.Var(&r.flows, "flow", "FILE[!SHEET]=export[:CC] or =import[:CC]: the file holds export (or import) declarations, CC the declaring country's ISO code (repeatable; default: what the file states, else import)")
	return r
}

// apply validates the flags and sets them on p.
func (r *ruleFlags) apply(p *pipeline.Project) error {
	for _, w := range []struct {
		name, val     string
		before, after *int
		maxBefore     int
	}{{"bl-window", *r.bl, &p.Params.BLDaysBefore, &p.Params.BLDaysAfter, pipeline.MaxBLDaysBefore},
		{"export-window", *r.export, &p.Params.ExportDaysBefore, &p.Params.ExportDaysAfter, pipeline.MaxExportDaysBefore}} {
		if w.val == "" {
			continue
		}
		b, a, err := pipeline.ParseWindow(w.val, w.maxBefore)
		if err != nil {
			return fmt.Errorf("--%s %q: %v", w.name, w.val, err)
		}
		*w.before, *w.after = b, a
	}
	if *r.band != "" {
		v, err := pipeline.ParseBand(*r.band)
		if err != nil {
			return fmt.Errorf("--packaging-band %q: %v", *r.band, err)
		}
		p.Params.PackagingBandPct = v
	}
	for _, f := range r.flows {
		if err := applyFlow(p, f); err != nil {
			return fmt.Errorf("--flow %q: %v", f, err)
		}
	}
	for _, u := range []struct {
		name, use string
		list      listFlag
	}{{"skip-sheet", read.SheetLeaveOut, r.skips}, {"include-sheet", read.SheetInclude, r.includes}} {
		for _, t := range u.list {
			if err := applySheetUse(p, t, u.use); err != nil {
				return fmt.Errorf("--%s %q: %v", u.name, t, err)
			}
		}
	}
	return nil
}

// applyFlow sets one --flow on the sources it names.
func applyFlow(p *pipeline.Project, s string) error {
	target, what, ok := strings.Cut(s, "=")
	if !ok || target == "" {
		return fmt.Errorf("want FILE[!SHEET]=export[:CC] or FILE[!SHEET]=import[:CC]")
	}
	flow, cc, _ := strings.Cut(strings.ToLower(strings.TrimSpace(what)), ":")
	if flow != reconcile.FlowExport && flow != reconcile.FlowImport {
		return fmt.Errorf("the flow is export or import, not %q", flow)
	}
	iso := ""
	if cc != "" {
		c, ok := values.Country(cc)
		if !ok {
			return fmt.Errorf("%q is not a country (give its ISO code, e.g. CN or TR)", cc)
		}
		iso = c
	}
	file, sheet, _ := strings.Cut(target, "!")
	hit := false
	for i := range p.Sources {
		src := &p.Sources[i]
		if filepath.Base(src.Path) != filepath.Base(file) {
			continue
		}
		if src.Flow == nil {
			src.Flow = map[string]string{}
		}
		src.Flow[sheet] = flow
		if iso != "" {
			src.DeclaringCountry = iso
		}
		hit = true
	}
	if !hit {
		return fmt.Errorf("no input file is named %q", file)
	}
	return nil
}
