package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/parquetout"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// memoryLimit is the soft heap limit of a reconcile run: under the 1.5 GB
// a million-row run may use.
const memoryLimit = 1400 << 20

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// runReconcile reads the sources, reconciles them and writes the audit
// workbook.
func runReconcile(env *Env, args []string) int {
	fs := newFlagSet(env, "reconcile")
	out := fs.String("o", "", "output workbook (default reconciled-YYYYMMDD-HHMMSS.xlsx beside the first input)")
	prev := fs.String("decisions", "", "an audit workbook exported earlier: its parameters, rates, mappings and decisions (including edits to its Entities sheet) are applied; with no FILE its sources are read again")
	weight := fs.String("weight", "", "tonnes from net (default; gross where net is missing, flagged) or gross weight")
	password := fs.String("password", "", "password for encrypted workbooks")
	noSaved := noSavedFlag(fs)
	parquetDir := parquetFlag(fs)
	stream := streamFlag(fs)
	// Numeric flags are strings so that "not given" differs from any
	// value: a --decisions workbook's parameters apply unless overridden.
	dateTol := fs.String("date-tolerance", "", "days two rows' dates may differ for the fuzzy shipment rule (default 3)")
	weightTol := fs.String("weight-tolerance", "", "percent two rows' weights may differ for the fuzzy shipment rule (default 1)")
	auto := fs.String("auto-threshold", "", "name-match score that merges automatically, 0–1 (default "+strconv.FormatFloat(pipeline.DefaultParams().AutoThreshold, 'g', -1, 64)+")")
	review := fs.String("review-threshold", "", "lowest name-match score listed for review, 0–1 (default "+strconv.FormatFloat(pipeline.DefaultParams().ReviewThreshold, 'g', -1, 64)+")")
	var prefer listFlag
	fs.Var(&prefer, "prefer", "source preferred when sources disagree (file name; repeat, most trusted first)")
	pf := addProjectFlags(fs)
	files, err := parseArgs(env, fs, args)
	if err != nil {
		if errors.Is(err, errHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if *weight != "" && *weight != totals.WeightNet && *weight != totals.WeightGross {
		return usageError(env, "reconcile", "--weight must be net or gross, not %q", *weight)
	}
	// A claims table among the inputs holds claims, not shipments: it is
	// set aside, never read as rows (check reads it as claims).
	files, claimFiles := claims.SplitFiles(files)
	for _, f := range claimFiles {
		fmt.Fprintf(env.Stdout, "set aside %s: a claims table, not shipments (check its claims with: tradecheck-cli check --claims %s FILE...)\n", filepath.Base(f), f)
	}
	// Ctrl+C stops reading, matching and writing, and leaves any earlier
	// output intact.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var p *pipeline.Project
	if *prev != "" {
		p, err = pipeline.OpenExported(ctx, *prev, nil)
		if err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: --decisions: %s\n", explain(err))
			return ExitUsage
		}
		if len(files) > 0 {
			p = withFiles(p, files, env.Stdout)
		}
	} else {
		if len(files) == 0 && len(claimFiles) > 0 {
			return usageError(env, "reconcile", "every FILE is a claims table; give the shipment sources too")
		}
		if len(files) == 0 {
			return usageError(env, "reconcile", "give at least one FILE")
		}
		p = pipeline.NewProject(files...)
	}
	if len(p.Sources) == 0 {
		return usageError(env, "reconcile", "no sources: give FILEs")
	}
	for i := range p.Sources {
		p.Sources[i].Password = *password
	}
	if *weight != "" {
		p.Params.Weight = *weight
	}
	if *dateTol != "" {
		n, err := strconv.Atoi(*dateTol)
		if err != nil || n < 0 {
			return usageError(env, "reconcile", "--date-tolerance must be a whole number of days ≥ 0, not %q", *dateTol)
		}
		p.Params.DateToleranceDays = n
	}
	for _, f := range []struct {
		name, val string
		dst       *float64
		max       float64
	}{{"weight-tolerance", *weightTol, &p.Params.WeightTolerancePct, 100}, {"auto-threshold", *auto, &p.Params.AutoThreshold, 1}, {"review-threshold", *review, &p.Params.ReviewThreshold, 1}} {
		if f.val == "" {
			continue
		}
		v, err := strconv.ParseFloat(f.val, 64)
		if err != nil || v < 0 || v > f.max {
			return usageError(env, "reconcile", "--%s must be a number from 0 to %g, not %q", f.name, f.max, f.val)
		}
		*f.dst = v
	}
	if len(prefer) > 0 {
		p.Params.SourcePreference = prefer
	}
	if err := pf.apply(p); err != nil {
		return usageError(env, "reconcile", "%v", err)
	}
	if *out != "" {
		if err := checkOutput(*out, p); err != nil {
			return usageError(env, "reconcile", "%v", err)
		}
	}

	// A soft memory limit makes the garbage collector work harder instead
	// of letting a million-row run double its heap (GOMEMLIMIT wins).
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if *parquetDir != "" && *out == "" && useStream(fs, *stream, p) {
		return streamParquet(ctx, env, p, savedMappings(env, "reconcile", *noSaved), *parquetDir)
	}
	res, err := runWithSaved(ctx, p, savedMappings(env, "reconcile", *noSaved))
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: %s\n", explain(err))
		return ExitInput
	}
	code := reportRead(env, res)
	if len(res.Records) == 0 && code != ExitOK {
		fmt.Fprintln(env.Stderr, "tradecheck-cli reconcile: no rows could be read; no workbook written")
		return ExitInput
	}
	if *parquetDir != "" {
		if c := writeParquet(ctx, env, res, *parquetDir); c != ExitOK {
			return c
		}
		if *out == "" { // the big-data path: Parquet only unless -o asks for the workbook too
			printSummary(env, res, *parquetDir, parquetout.DupesFile)
			if printScreening(env.Stdout, env.Stderr, "reconcile", res, parquetout.ScreeningFile) {
				code = ExitInput
			}
			return code
		}
	}
	var written string
	if *out != "" {
		written = *out
		err = pipeline.WriteWorkbook(ctx, res, *out, nil)
	} else {
		written, err = pipeline.WriteWorkbookUnique(ctx, res, pipeline.DefaultOutputPath(p, time.Now()), nil)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: %s\n", explain(err))
		var re *reconcile.Error
		if errors.As(err, &re) && errors.Is(err, reconcile.ErrOverwrite) {
			return ExitUsage
		}
		return ExitInput
	}
	printSummary(env, res, written, fmt.Sprintf("sheet %q", workbook.SheetDuplicates))
	if printScreening(env.Stdout, env.Stderr, "reconcile", res, workbook.SheetScreening+" sheet") {
		code = ExitInput
	}
	return code
}

// withFiles replaces the exported project's sources by files, keeping the
// citations, granularity and mappings of files with the same name.
// A recorded source with settings (a trade flow, a mapping) that is not
// among files is noted on w: its settings are not replayed.
func withFiles(p *pipeline.Project, files []string, w io.Writer) *pipeline.Project {
	old := map[string]pipeline.SourceSpec{}
	for _, s := range p.Sources {
		old[filepath.Base(s.Path)] = s
	}
	given := map[string]bool{}
	for _, f := range files {
		given[filepath.Base(f)] = true
	}
	for _, s := range p.Sources {
		if name := filepath.Base(s.Path); !given[name] {
			if set := s.Settings(); len(set) > 0 {
				fmt.Fprintf(w, "note: the audit workbook's settings for %s were not applied (%s): the file is not among the files given\n", name, strings.Join(set, "; "))
			}
		}
	}
	p.Sources = nil
	for _, f := range files {
		s, ok := old[filepath.Base(f)]
		if !ok {
			s = pipeline.SourceSpec{}
		}
		s.Path, s.SHA256 = f, ""
		p.Sources = append(p.Sources, s)
	}
	return p
}

// rateFlag adds --rate, shared by reconcile and check so a rate the
// hints ask for can be given to either.
func rateFlag(fs *flag.FlagSet) *listFlag {
	var rates listFlag
	fs.Var(&rates, "rate", "currency rate as CUR=USD or CUR:YYYY-MM=USD, e.g. RUB:2022-06=0.0165 (repeatable)")
	return &rates
}

// applyRates adds the --rate values to the project's rates.
func applyRates(p *pipeline.Project, rates []string) error {
	for _, s := range rates {
		r, err := totals.ParseRate(s)
		if err != nil {
			return fmt.Errorf("--rate %q: %v", s, err)
		}
		p.Rates = append(p.Rates, r)
	}
	return nil
}

// printSummary reports the run; dupesAt says where the Possible
// duplicates are listed.
func printSummary(env *Env, res *pipeline.Result, written, dupesAt string) {
	printRead(env, res)
	all := res.Totals(totals.ByNone, totals.Filter{})
	m := res.Merge
	fmt.Fprintf(env.Stdout, "%d rows → %d shipments (%d merged across sources, %d exact duplicate(s) counted once)\n",
		len(res.Records), len(m.Shipments), m.Merged, m.Duplicates)
	fmt.Fprintf(env.Stdout, "counted: %d shipments, %.3f t (%s), %s\n", all.Total.Shipments, all.Total.Tonnes, res.Project.Params.Weight,
		all.Total.USDText(fmt.Sprintf("%.0f USD", all.Total.ValueUSD)))
	for _, n := range all.Notes {
		fmt.Fprintf(env.Stdout, "note: %s\n", n)
	}
	for _, n := range res.ReadNotes() {
		fmt.Fprintf(env.Stdout, "note: %s\n", withFlags(n))
	}
	fmt.Fprintf(env.Stdout, "entities: %d, review pairs: %d, discrepancies: %d\n", len(res.Names.Entities), len(res.Names.Review), len(m.Discrepancies))
	printDupes(env.Stdout, res.DupList(), dupesAt)
	for _, w := range res.Warnings() {
		fmt.Fprintf(env.Stdout, "warning: %s\n", withFlags(w))
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", written)
}

// printDupes counts the Possible duplicates and says where they are
// listed; nil d prints nothing.
func printDupes(w io.Writer, d *pipeline.DupList, where string) {
	if d == nil {
		return
	}
	fmt.Fprintf(w, "possible duplicates: %d pair(s) not merged that look alike (%s", len(d.Pairs)+d.More, where)
	if d.More > 0 {
		fmt.Fprintf(w, ": the best %d", len(d.Pairs))
	}
	fmt.Fprint(w, ")")
	if d.KeptApart > 0 {
		fmt.Fprintf(w, ", %d kept apart by you", d.KeptApart)
	}
	fmt.Fprintln(w)
}

// printRead says how many rows each sheet gave.
func printRead(env *Env, res *pipeline.Result) {
	for _, f := range res.Files {
		if f.Err != nil {
			continue
		}
		for _, s := range f.Sheets {
			if s.NoTable {
				continue
			}
			skipped := 0
			for _, n := range s.Skipped {
				skipped += n
			}
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += " [" + s.Sheet + "]"
			}
			if s.LeftOut != "" {
				fmt.Fprintf(env.Stdout, "read %s: left out, %d row(s) not counted: %s\n", name, s.LeftOutRows(), s.LeftOut)
				if s.Summary {
					fmt.Fprintf(env.Stdout, "  to count its rows as shipments: --include-sheet '%s!%s'\n", filepath.Base(f.Path), s.Sheet)
				}
				continue
			}
			fmt.Fprintf(env.Stdout, "read %s: %d rows, %d skipped, %s\n", name, s.Rows, skipped, s.Granularity)
		}
	}
}

// reportRead reports the files that could not be read and the sheets
// that were not, and returns the exit code they call for.
func reportRead(env *Env, res *pipeline.Result) int {
	code := ExitOK
	for _, e := range res.Errors() {
		fmt.Fprintf(env.Stderr, "tradecheck-cli reconcile: %s\n", explain(e))
		code = ExitInput
	}
	if c := readProblems(env, "reconcile", res); c != ExitOK {
		code = c
	}
	return code
}
