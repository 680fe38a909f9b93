package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
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
	}{{"bl-window", *r.bl, &p.Params.BLDaysBefore, &p.Params.BLDaysAfter, 60},
		{"export-window", *r.export, &p.Params.ExportDaysBefore, &p.Params.ExportDaysAfter, 365}} {
		if w.val == "" {
			continue
		}
		b, a, err := parseWindow(w.val, w.maxBefore)
		if err != nil {
			return fmt.Errorf("--%s %q: %v", w.name, w.val, err)
		}
		*w.before, *w.after = b, a
	}
	if *r.band != "" {
		v, err := parseBand(*r.band)
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

// parseWindow reads "-10,+2" as 10 days before and 2 after. Both bounds
// are at least one day: a project stores 0 as "the default".
func parseWindow(s string, maxBefore int) (before, after int, err error) {
	b, a, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), ",")
	if !ok {
		return 0, 0, fmt.Errorf("want -BEFORE,+AFTER in days, e.g. -10,+2")
	}
	nb, errB := strconv.Atoi(b)
	na, errA := strconv.Atoi(strings.TrimPrefix(a, "+"))
	switch {
	case errB != nil || errA != nil:
		return 0, 0, fmt.Errorf("want two whole numbers of days, e.g. -10,+2")
	case nb >= 0 || !strings.HasPrefix(b, "-"):
		return 0, 0, fmt.Errorf("the first number is the days before and is written negative (-1 to -%d)", maxBefore)
	case -nb > maxBefore:
		return 0, 0, fmt.Errorf("at most %d days before", maxBefore)
	case na < 1 || na > 30:
		return 0, 0, fmt.Errorf("the second number is the days after, +1 to +30")
	}
	return -nb, na, nil
}

// parseBand reads a fraction (0.15) or a percentage (15%) and returns the
// percentage. A bare number above 1 is refused: 15 is 1,500 %, not 15 %.
func parseBand(s string) (float64, error) {
	pct := strings.HasSuffix(s, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err != nil {
		return 0, fmt.Errorf("want a fraction such as 0.15 (or 15%%)")
	}
	if !pct {
		if v > 1 {
			return 0, fmt.Errorf("a fraction from 0.01 to 1 (write 0.15 or 15%% for fifteen percent)")
		}
		v *= 100
	}
	if v < 1 || v > 100 {
		return 0, fmt.Errorf("from 0.01 to 1 (1%% to 100%%)")
	}
	return v, nil
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
