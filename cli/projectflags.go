package cli

import (
	"flag"
	"fmt"
	"os"

	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/pipeline"
)

// projectFlags are the flags reconcile and check share to set up a
// project: lists, column mappings, date orders, ton units, shipment rules
// and currency rates.
type projectFlags struct {
	lists                          *listFlags
	maps, dateOrders, units, rates *listFlag
	decimals                       *listFlag
	rules                          *ruleFlags
}

func addProjectFlags(fs *flag.FlagSet) *projectFlags {
	return &projectFlags{
		rates:      rateFlag(fs),
		lists:      addListFlags(fs),
		maps:       mapFlag(fs),
		rules:      addRuleFlags(fs),
		dateOrders: dateOrderFlag(fs),
		units:      unitFlag(fs),
		decimals:   decimalFlag(fs),
	}
}

// apply validates the flags and sets them on p.
func (f *projectFlags) apply(p *pipeline.Project) error {
	if err := f.lists.apply(p); err != nil {
		return err
	}
	orderMaps, err := dateOrderMaps(*f.dateOrders)
	if err != nil {
		return err
	}
	if err := applyMaps(p, append(*f.maps, orderMaps...)); err != nil {
		return err
	}
	if err := applyUnits(p, *f.units); err != nil {
		return err
	}
	if err := applyDecimals(p, *f.decimals); err != nil {
		return err
	}
	if err := f.rules.apply(p); err != nil {
		return err
	}
	return applyRates(p, *f.rates)
}

// checkOutput refuses an -o that is a folder or one of p's sources:
// inputs are never overwritten (checked again at write time).
func checkOutput(out string, p *pipeline.Project) error {
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return fmt.Errorf("-o %s is a folder; give a file name ending in .xlsx", out)
	}
	for _, s := range p.Sources {
		if fileio.Same(s.Path, out) {
			return fmt.Errorf("-o %s is one of the inputs; inputs are never overwritten", out)
		}
	}
	return nil
}
