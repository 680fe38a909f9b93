package pipeline

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"tradecheck/reconcile"
	"tradecheck/reconcile/internal/synth"
	"tradecheck/reconcile/totals"
)

// TestSynthExportImport renders true shipments into the importing
// country's declaration register (every shipment), maybe a B/L feed, and
// one or two exporting countries' export registers (synth.
// GenerateExportImport), and asserts that each true shipment is counted
// once: export and import declarations of one shipment merge, none of
// two shipments does, totals equal the truth, any file order gives the
// same. Each set also runs once with the export files' flow unstated (as
// before export registers were recognised), to show what they added.
func TestSynthExportImport(t *testing.T) {
	n := 6
	if s := os.Getenv("TRADECHECK_SYNTH_SEEDS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	type fig struct {
		seed             uint64
		truth, got, flat int
		tTruth, tGot     float64
		tFlat            float64
	}
	var figs []fig
	for seed := uint64(1); seed <= uint64(n); seed++ {
		set := synth.GenerateExportImport(seed)
		paths, res, problems := synthCheck(t, set, t.TempDir())
		for _, f := range res.Files {
			for _, s := range f.Sheets {
				if strings.Contains(f.Path, "_export_") && s.Flow != reconcile.FlowExport {
					problems = append(problems, f.Path+": the export register was not recognised as one")
				}
			}
		}
		// The same files, the export registers read as imports.
		p := NewProject(paths...)
		for i := range p.Sources {
			p.Sources[i].Flow = map[string]string{"": reconcile.FlowImport}
		}
		flat, err := Run(context.Background(), p, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := set.Truth()
		got := res.Totals(totals.ByNone, totals.Filter{}).Total
		before := flat.Totals(totals.ByNone, totals.Filter{}).Total
		figs = append(figs, fig{seed, want.Shipments, got.Shipments, before.Shipments, want.Tonnes, got.Tonnes, before.Tonnes})
		if len(problems) > 0 {
			t.Errorf("seed %d:\n%s\n%s", seed, strings.Join(problems, "\n"), set.Describe())
		}
	}
	for _, f := range figs {
		t.Logf("seed %d: truth %d shipments %.3f t; export registers read as imports %d / %.3f t; recognised %d / %.3f t",
			f.seed, f.truth, f.tTruth, f.flat, f.tFlat, f.got, f.tGot)
	}
}
