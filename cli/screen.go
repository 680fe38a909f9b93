package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/screen"
)

// screenHeader is the output of screen: one row per hit, ending with the
// hit's review status and the date the party was listed.
var screenHeader = []string{"entity_id", "name", "role", "list", "listed_id", "listed_name", "score", "reasons", "programs", "status", "listing_date"}

// runScreen screens the consignees and shippers of shipment files, or the
// names of a CSV as for match, against sanctions lists, and writes one row
// per hit. Hits do not change the exit code.
func runScreen(env *Env, args []string) int {
	fs := newFlagSet(env, "screen")
	var lists listFlag
	fs.Var(&lists, "list", "sanctions list: OpenSanctions targets.simple.csv, OFAC sdn.csv/alt.csv/add.csv or their folder, UK OFSI ConList.csv, EU consolidated list CSV or XML (repeatable)")
	threshold := fs.Float64("threshold", screen.DefaultThreshold, "score at or above which a hit counts as listed (0-1)")
	review := fs.Float64("review-threshold", screen.DefaultReviewThreshold, "lowest score reported, for review (0-1, at most --threshold)")
	decisions := fs.String("decisions", "", "JSON file of screening decisions (confirm or reject hits) to apply")
	column := fs.String("column", "", "for a CSV of names: the name column (default \"name\")")
	idColumn := fs.String("id-column", "", "for a CSV of names: the column holding tax IDs")
	out := fs.String("o", "", "output CSV (default: standard output)")
	noSaved := noSavedFlag(fs)
	inputs, err := parseArgs(env, fs, args)
	if errors.Is(err, errHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitUsage
	}
	if len(lists) == 0 {
		return usageError(env, "screen", "give at least one --list")
	}
	if len(inputs) == 0 {
		return usageError(env, "screen", "give at least one INPUT (shipment files or a CSV of names)")
	}
	if *threshold <= 0 || *threshold > 1 {
		return usageError(env, "screen", "--threshold must be in (0, 1], got %g", *threshold)
	}
	if *review <= 0 || *review > 1 {
		return usageError(env, "screen", "--review-threshold must be in (0, 1], got %g", *review)
	}
	*review = min(*review, *threshold)
	if *out != "" {
		for _, in := range append(append([]string(nil), inputs...), lists...) {
			if fileio.Same(in, *out) {
				return usageError(env, "screen", "-o %s is one of the inputs; inputs are never overwritten", *out)
			}
		}
	}
	var ds []screen.Decision
	if *decisions != "" {
		f, err := os.Open(*decisions)
		if err != nil {
			return usageError(env, "screen", "--decisions: %v", err)
		}
		ds, err = screen.ReadDecisions(f)
		f.Close()
		if err != nil {
			return usageError(env, "screen", "--decisions %s: %v", *decisions, err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	code := ExitOK

	ls, err := screen.ReadFiles(ctx, lists)
	if err != nil {
		for _, e := range unjoin(err) {
			fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(e))
		}
		code = ExitInput
	}
	if len(ls) == 0 {
		fmt.Fprintln(env.Stderr, "tradecheck-cli screen: no list could be read; nothing screened")
		return ExitInput
	}
	for _, l := range ls {
		fmt.Fprintf(env.Stderr, "list %s\n", l.Summary())
		for _, n := range l.Notes {
			fmt.Fprintf(env.Stderr, "  note: %s\n", n)
		}
	}

	namesFiles, shipFiles := splitScreenInputs(inputs, *column)
	var qs []screen.Query
	if len(shipFiles) > 0 {
		res, err := runWithSaved(ctx, pipeline.NewProject(shipFiles...), savedMappings(env, "screen", *noSaved))
		if err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(err))
			return ExitInput
		}
		for _, e := range res.Errors() {
			fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(e))
			code = ExitInput
		}
		qs = append(qs, screen.MentionQueries(res.Names)...)
	}
	if len(namesFiles) > 0 {
		nq, err := screenNameQueries(ctx, namesFiles, *column, *idColumn, func(note string) {
			fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", note)
		})
		if err != nil {
			var ue usageErr
			if errors.As(err, &ue) {
				return usageError(env, "screen", "%v", err)
			}
			fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(err))
			code = ExitInput
		}
		qs = append(qs, nq...)
	}

	idx := screen.NewIndex(ls)
	r, err := idx.Screen(ctx, qs, screen.Options{Threshold: *threshold, ReviewThreshold: *review, Decisions: ds}, nil)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(err))
		return ExitInput
	}
	for _, d := range r.Unapplied {
		fmt.Fprintf(env.Stderr, "tradecheck-cli screen: decision %s %q / %s %s not applied: no such name or list entry in this run\n", d.Op, d.Name, d.List, d.ListedID)
	}
	hits := screen.Best(r.Hits)
	data, err := screenCSV(hits)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(err))
		return ExitInput
	}
	if *out == "" {
		env.Stdout.Write(data)
	} else if err := fileio.WriteFile(*out, data); err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %s\n", explain(err))
		return ExitInput
	}
	nListed, nReview := 0, 0
	for _, h := range hits {
		switch {
		case h.Status.Counts():
			nListed++
		case h.Status == screen.StatusReview:
			nReview++
		}
	}
	fmt.Fprintf(env.Stderr, "tradecheck-cli screen: %d names screened against %d organisations: %d hits listed, %d for review, %d parties listed\n",
		len(qs), idx.Organizations(), nListed, nReview, len(screen.Listed(hits)))
	return code
}

// screenCSV writes the hits, formulas neutralised.
func screenCSV(hits []screen.Hit) ([]byte, error) {
	var buf bytes.Buffer
	w, write := safeCSV(&buf)
	write(screenHeader)
	for _, h := range hits {
		write([]string{h.Key, h.Name, h.Role, h.List, h.ListedID, h.ListedName, strconv.FormatFloat(h.Score, 'f', 2, 64),
			strings.Join(h.Reasons, "; "), strings.Join(h.Programs, "; "), string(h.Status), h.Listed})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// splitScreenInputs tells CSVs of names from shipment files: a CSV whose
// header row has the name column (--column, else "name") is a list of
// names; everything else goes through the pipeline as shipments.
func splitScreenInputs(inputs []string, column string) (namesFiles, shipFiles []string) {
	want := strings.ToLower(strings.TrimSpace(column))
	if want == "" {
		want = "name"
	}
	for _, in := range inputs {
		if isNamesCSV(in, want) {
			namesFiles = append(namesFiles, in)
		} else {
			shipFiles = append(shipFiles, in)
		}
	}
	return namesFiles, shipFiles
}

var errStop = errors.New("header read")

func isNamesCSV(path, want string) bool {
	w, err := read.Open(path, read.Options{})
	if err != nil {
		return false
	}
	format := w.Format()
	w.Close()
	if format != "csv" {
		return false
	}
	found := false
	read.EachRow(context.Background(), path, "", read.Options{}, func(_ int, cells []string) error {
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				blank = false
			}
			if strings.ToLower(strings.TrimSpace(c)) == want {
				found = true
			}
		}
		if blank {
			return nil
		}
		return errStop
	})
	return found
}

// usageErr marks an error that is the user's wrong flag, not bad input.
type usageErr struct{ error }

// screenNameQueries reads CSVs of names as match does, clusters the
// distinct (name, tax ID) pairs so that spellings of one firm share an
// entity ID, and returns one query per pair. A "role" column, when there,
// gives each name its role.
// warn gets a line for each row of another width than its header.
func screenNameQueries(ctx context.Context, files []string, column, idColumn string, warn func(string)) ([]screen.Query, error) {
	type key struct{ name, tax, role string }
	at := map[key]int{}
	var mentions []match.Mention
	var errs []error
	for _, f := range files {
		header, rows, nums, err := matchReadCSV(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		skip, notes := raggedRows(header, rows, nums)
		for _, n := range notes {
			warn(filepath.Base(f) + ": " + n)
		}
		col, err := matchPickColumn(header, column, true)
		if err != nil {
			return nil, usageErr{fmt.Errorf("%s: %w", f, err)}
		}
		idCol, roleCol := -1, -1
		if idColumn != "" {
			if idCol, err = matchPickColumn(header, idColumn, false); err != nil {
				return nil, usageErr{fmt.Errorf("%s: %w", f, err)}
			}
		}
		if c, err := matchPickColumn(header, "role", false); err == nil {
			roleCol = c
		}
		for i, r := range rows {
			if skip[i] != "" {
				continue
			}
			k := key{name: strings.TrimSpace(matchCell(r, col))}
			if idCol >= 0 {
				k.tax = strings.TrimSpace(matchCell(r, idCol))
			}
			if roleCol >= 0 {
				k.role = strings.ToLower(strings.TrimSpace(matchCell(r, roleCol)))
			}
			if k.name == "" && k.tax == "" {
				continue
			}
			i, ok := at[k]
			if !ok {
				i = len(mentions)
				at[k] = i
				mentions = append(mentions, match.Mention{Name: k.name, TaxID: k.tax, Role: match.Role(k.role)})
			}
			mentions[i].Count++
		}
	}
	res, err := match.Cluster(ctx, mentions, nil, match.Options{}, nil)
	if err != nil {
		return nil, errors.Join(append(errs, err)...)
	}
	return screen.MentionQueries(res), errors.Join(errs...)
}

// unjoin splits an errors.Join into its errors.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
