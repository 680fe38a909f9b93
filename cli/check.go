package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/memo"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// runCheck checks published figures (claims) against the sources and
// prints a verdict per claim; with -o it also writes the audit workbook
// with its Claims sheet.
func runCheck(env *Env, args []string) int {
	fs := newFlagSet(env, "check")
	var claimsPaths listFlag
	fs.Var(&claimsPaths, "claims", "claims to check: a CSV file, or a workbook with a Claims sheet (default: the Claims sheets of the input workbooks); repeatable, an ID an earlier file took gets a suffix")
	out := fs.String("o", "", "also write the audit workbook, with its Claims sheet, to this .xlsx file")
	weight := fs.String("weight", "", "tonnes from net (default; gross where net is missing, flagged) or gross weight")
	password := fs.String("password", "", "password for encrypted workbooks")
	noSaved := noSavedFlag(fs)
	details := fs.Bool("details", false, "list every shipment in scope and near the boundary, with its source rows")
	asJSON := fs.Bool("json", false, "print the verdicts as JSON instead of a table")
	memoDir := fs.String("memo", "", "also write the verification memo to this folder: memo.md and memo.html for all claims, memo-ID.md/.html for each")
	pf := addProjectFlags(fs)
	decisionsPath := fs.String("decisions", "", "an audit workbook exported earlier (its decisions, parameters, rates, mappings and lists apply; with no FILE its sources are read again), or a decisions file: match's --review CSV with its decision column filled in, or a JSON decisions log")
	files, err := parseArgs(env, fs, args)
	if err != nil {
		if errors.Is(err, errHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	// A claims table among the inputs is read as claims, never as
	// shipments (the app does the same with a dropped claims file); an
	// audit workbook among them gives its decisions, as --decisions.
	files, claimFiles := claims.SplitFiles(files)
	files, audits := splitAudits(files)
	switch {
	case len(audits) > 1 || len(audits) == 1 && *decisionsPath != "":
		return usageError(env, "check", "give one audit workbook for its decisions (--decisions), not %d", len(audits)+min(1, len(*decisionsPath)))
	case len(audits) == 1:
		*decisionsPath = audits[0]
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s is an audit workbook: its decisions, parameters and rates apply (as --decisions %s)\n", filepath.Base(audits[0]), audits[0])
	}
	if len(files) == 0 && *decisionsPath == "" {
		if len(claimFiles) > 0 {
			return usageError(env, "check", "every FILE is a claims table; give the shipment sources too")
		}
		return usageError(env, "check", "give at least one FILE with shipment data")
	}
	if *weight != "" && *weight != totals.WeightNet && *weight != totals.WeightGross {
		return usageError(env, "check", "--weight must be net or gross, not %q", *weight)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	notes := env.Stdout
	if *asJSON {
		notes = env.Stderr // stdout is the JSON
	}
	p, fromAudit, err := checkProject(ctx, files, *decisionsPath, notes)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: --decisions: %v\n", err)
		return ExitUsage
	}
	if len(p.Sources) == 0 {
		return usageError(env, "check", "give at least one FILE with shipment data (--decisions %s is not an audit workbook that names its sources)", *decisionsPath)
	}
	for i := range p.Sources {
		p.Sources[i].Password = *password
	}
	if *weight != "" {
		p.Params.Weight = *weight
	}
	if err := pf.apply(p); err != nil {
		return usageError(env, "check", "%v", err)
	}
	if *out != "" {
		if err := checkOutput(*out, p); err != nil {
			return usageError(env, "check", "%v", err)
		}
		if *decisionsPath != "" && fileio.Same(*decisionsPath, *out) {
			return usageError(env, "check", "-o %s is the --decisions workbook; inputs are never overwritten", *out)
		}
		for _, c := range claimsPaths {
			if fileio.Same(c, *out) {
				return usageError(env, "check", "-o %s is the claims file; inputs are never overwritten", *out)
			}
		}
	}

	code := ExitOK
	var cs []claims.Claim
	var cerrs []error
	switch {
	case len(claimsPaths) > 0:
		// Every --claims file is read, in order: a second --claims used
		// to replace the first without a word.
		for _, c := range claimsPaths {
			if _, err := os.Stat(c); err != nil {
				return usageError(env, "check", "--claims %s: %v", c, errors.Unwrap(err))
			}
		}
		for _, c := range claimsPaths {
			more, errs := pipeline.ReadClaims(ctx, c, *password)
			cs, cerrs = pipeline.AppendClaims(cs, more), append(cerrs, errs...)
		}
		if len(claimFiles) > 0 {
			more, errs := pipeline.ClaimsFromFiles(ctx, claimFiles)
			cs, cerrs = pipeline.AppendClaims(cs, more), append(cerrs, errs...)
		}
	case len(claimFiles) > 0:
		cs, cerrs = pipeline.ClaimsFromFiles(ctx, claimFiles)
	case fromAudit:
		cs, cerrs = auditClaims(ctx, *decisionsPath)
	default:
		cs, cerrs = pipeline.ClaimsInSources(ctx, p)
		if len(cs) == 0 && len(cerrs) == 0 {
			return usageError(env, "check", "give --claims CLAIMS.csv|CLAIMS.xlsx (no input workbook has a Claims sheet)")
		}
	}
	for _, f := range claimFiles {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s is a claims table: its rows are read as claims, not as shipments\n", filepath.Base(f))
	}
	for _, e := range cerrs {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(e))
		code = ExitInput
	}
	if len(cs) == 0 {
		fmt.Fprintln(env.Stderr, "tradecheck-cli check: no claim could be read; nothing to check")
		return ExitInput
	}
	p.Claims = cs

	res, err := runWithSaved(ctx, p, savedMappings(env, "check", *noSaved))
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(err))
		return ExitInput
	}
	for _, e := range res.Errors() {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(e))
		code = ExitInput
	}
	if printScreening(io.Discard, env.Stderr, "check", res, "") {
		code = ExitInput
	}
	if c := readProblems(env, "check", res); c != ExitOK {
		code = c
	}
	if len(res.Records) == 0 {
		fmt.Fprintln(env.Stderr, "tradecheck-cli check: no shipment rows could be read; every claim would be \"nothing found\"")
		return ExitInput
	}
	for _, w := range res.Warnings() {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: warning: %s\n", withFlags(w))
	}
	for _, n := range res.DecisionNotes() {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: to decide: %s\n", withFlags(n))
	}
	verdicts, err := res.CheckClaimsContext(ctx, nil)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli check: interrupted while checking claims (%v)\n", err)
		return ExitInput
	}
	if *asJSON {
		if err := printVerdictsJSON(env.Stdout, verdicts); err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(err))
			return ExitInput
		}
	} else {
		printVerdicts(env.Stdout, verdicts, *details)
	}
	if *memoDir != "" {
		paths, err := memo.WriteDir(*memoDir, memo.Build(res, verdicts, memo.Options{Generated: time.Now()}))
		if err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(err))
			return ExitInput
		}
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "\nWrote the verification memo to %s (%d files: memo.md, memo.html and one pair per claim).\n", *memoDir, len(paths))
		}
	}
	if *out != "" {
		if err := pipeline.WriteWorkbook(ctx, res, *out, nil); err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli check: %s\n", explain(err))
			if errors.Is(err, reconcile.ErrOverwrite) {
				return ExitUsage
			}
			return ExitInput
		}
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "\nWrote %s (verdicts on its Claims sheet).\n", *out)
		}
	}
	return code
}

// printVerdicts prints one line per claim, then the shipments behind
// each verdict.
func printVerdicts(w io.Writer, vs []claims.Verdict, details bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tClaim\tExpected\tComputed [lower–upper]\tVerdict\tReason")
	for _, v := range vs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", v.Claim.ID, clipText(v.Claim.Text, 60), v.Claim.Expected(), computed(&v),
			v.Kind.Label(), v.Reason)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, v := range vs {
		fmt.Fprintf(w, "%s %s\n", v.Claim.ID, v.Kind.Label())
		for _, r := range v.Resolved {
			fmt.Fprintf(w, "  %s %q → %s (%s)\n", r.Role, r.Query, orNone(strings.Join(r.Names, "; ")), r.How)
		}
		if details {
			for _, r := range v.InScope {
				fmt.Fprintf(w, "  in scope  %-8s %-10s %-14s %s\n", r.ID, r.Date, value(&v, r), strings.Join(r.Sources, "; "))
			}
			for _, n := range v.Near {
				fmt.Fprintf(w, "  near      %-8s %-10s misses %s: %s — %s\n", n.ID, n.Date, n.Filter, n.Detail, strings.Join(n.Sources, "; "))
			}
			if v.NearTotal > len(v.Near) {
				fmt.Fprintf(w, "  … and %d more near the boundary\n", v.NearTotal-len(v.Near))
			}
		} else {
			fmt.Fprintf(w, "  in scope: %s\n", orNone(idList(v.IDs(), 30)))
			var near []string
			for _, n := range v.Near {
				near = append(near, n.ID+" ("+n.Filter+")")
			}
			if v.NearTotal > 0 {
				fmt.Fprintf(w, "  near the boundary, by filter missed: %s\n    %s\n", v.NearSummary(), idList(near, 12))
			}
		}
		for _, n := range v.Notes {
			fmt.Fprintf(w, "  note: %s\n", n)
		}
	}
}

func computed(v *claims.Verdict) string {
	if v.Kind == claims.NothingFound {
		return "—"
	}
	c := &v.Claim
	s := claims.FormatFigure(c.Measure, c.Unit, v.Lower)
	if v.Upper != v.Lower {
		dec := 2
		if c.Measure == claims.Tonnes {
			dec = 3
		}
		up := "∞"
		if !math.IsInf(v.Upper, 1) {
			up = values.FormatNumber(v.Upper, dec)
		}
		s += " [" + values.FormatNumber(v.Lower, dec) + "–" + up + "]"
	}
	return s
}

func value(v *claims.Verdict, r claims.Row) string {
	if !r.Value.Valid {
		return "(" + r.Missing + ")"
	}
	return claims.FormatFigure(v.Claim.Measure, v.Claim.Unit, r.Value.Value)
}

func idList(ids []string, max int) string {
	if len(ids) > max {
		return strings.Join(ids[:max], ", ") + fmt.Sprintf(" … (%d more)", len(ids)-max)
	}
	return strings.Join(ids, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// jsonVerdict is a verdict as --json prints it. Upper is null when the
// figure has no upper bound.
type jsonVerdict struct {
	ID        string            `json:"id"`
	Claim     string            `json:"claim"`
	Expected  string            `json:"expected"`
	Filters   string            `json:"filters"`
	Verdict   string            `json:"verdict"`
	Why       string            `json:"why,omitempty"`
	Reason    string            `json:"reason"`
	Lower     float64           `json:"lower"`
	Upper     *float64          `json:"upper"`
	Missing   int               `json:"missing"`
	Covered   bool              `json:"covered"`
	Shipments []jsonRow         `json:"shipments"`
	Near      []jsonRow         `json:"near_boundary"`
	NearTotal int               `json:"near_boundary_total"`
	NearBy    map[string]int    `json:"near_boundary_by_filter,omitempty"`
	Resolved  []claims.Resolved `json:"resolved,omitempty"`
	Notes     []string          `json:"notes,omitempty"`
}

type jsonRow struct {
	ID      string   `json:"id"`
	Date    string   `json:"date,omitempty"`
	Value   *float64 `json:"value"`
	Missing string   `json:"missing,omitempty"`
	Filter  string   `json:"filter_missed,omitempty"`
	Detail  string   `json:"detail,omitempty"`
	Sources []string `json:"sources"`
}

func toJSONRow(r claims.Row) jsonRow {
	j := jsonRow{ID: r.ID, Date: r.Date.String(), Missing: r.Missing, Sources: r.Sources}
	if r.Value.Valid {
		v := r.Value.Value
		j.Value = &v
	}
	return j
}

func printVerdictsJSON(w io.Writer, vs []claims.Verdict) error {
	out := make([]jsonVerdict, 0, len(vs))
	for _, v := range vs {
		j := jsonVerdict{ID: v.Claim.ID, Claim: v.Claim.Text, Expected: v.Claim.Expected(), Filters: v.Claim.Filters.String(),
			Verdict: string(v.Kind), Why: v.Why, Reason: v.Reason, Lower: v.Lower, Missing: v.Missing, Covered: v.Covered,
			NearTotal: v.NearTotal, NearBy: v.NearByFilter, Resolved: v.Resolved, Notes: v.Notes, Shipments: []jsonRow{}, Near: []jsonRow{}}
		if !math.IsInf(v.Upper, 1) {
			u := v.Upper
			j.Upper = &u
		}
		for _, r := range v.InScope {
			j.Shipments = append(j.Shipments, toJSONRow(r))
		}
		for _, n := range v.Near {
			r := toJSONRow(n.Row)
			r.Filter, r.Detail = n.Filter, n.Detail
			j.Near = append(j.Near, r)
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
