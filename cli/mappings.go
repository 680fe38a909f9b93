package cli

import (
	"context"
	"flag"
	"fmt"

	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
)

// noSavedFlag adds --no-saved-mappings, for runs that must not depend on
// what was saved on this machine.
func noSavedFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("no-saved-mappings", false, "ignore the column mappings saved in the app (os.UserConfigDir()/tradecheck/mappings.json) for header rows it has seen")
}

// savedMappings opens the column mappings the app saved, one per header
// layout, so the CLI reads a file the way the app does. nil when off, or
// when the file cannot be read (said on stderr; the run goes on).
func savedMappings(env *Env, cmd string, off bool) *read.MappingStore {
	if off {
		return nil
	}
	path, err := read.DefaultMappingPath()
	if err != nil {
		return nil
	}
	st, err := read.OpenMappingStore(path)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli %s: saved column mappings not used: %v\n", cmd, err)
		return nil
	}
	return st
}

// runWithSaved runs the project, and once more when mappings saved for its
// files' header rows add overrides. They go into the project as ordinary
// overrides, so the workbook's Method sheet records them and a run fed
// back with --decisions repeats them on any machine.
func runWithSaved(ctx context.Context, p *pipeline.Project, st *read.MappingStore) (*pipeline.Result, error) {
	res, err := pipeline.Run(ctx, p, nil)
	if err != nil || !p.ApplySaved(st, res) {
		return res, err
	}
	return pipeline.Run(ctx, p, nil)
}
