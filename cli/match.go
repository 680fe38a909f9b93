package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/values"
)

// maxINNWarnings caps the invalid-INN lines match prints.
const maxINNWarnings = 20

// runMatch clusters the company names of one CSV column and writes the
// rows back, in order, with cluster_id, canonical_name, match_score and
// match_reason added.
func runMatch(env *Env, args []string) int {
	fs := newFlagSet(env, "match")
	column := fs.String("column", "", "name column (default: \"name\" if present, else the first column)")
	idColumn := fs.String("id-column", "", "column holding tax IDs (INN) for the names")
	trustIDs := fs.Bool("trust-id-column", false, "use the --id-column even when it looks like row numbers, not tax IDs")
	threshold := fs.Float64("threshold", match.DefaultAutoThreshold, "score at or above which names merge automatically (0-1)")
	out := fs.String("o", "", "output CSV (default: standard output)")
	reviewOut := fs.String("review", "", "write the pairs for review to this CSV (name_a, name_b, score, reasons, cluster_a, cluster_b, decision)")
	decisionsIn := fs.String("decisions", "", "replay decisions: the --review file with its decision column filled in (CSV or workbook), or a JSON decisions log")
	pos, err := parseArgs(env, fs, args)
	if errors.Is(err, errHelp) {
		return ExitOK
	}
	if err != nil {
		return ExitUsage
	}
	if len(pos) != 1 {
		return usageError(env, "match", "want exactly one input CSV, got %d", len(pos))
	}
	if *threshold <= 0 || *threshold > 1 {
		return usageError(env, "match", "--threshold must be in (0, 1], got %g", *threshold)
	}
	in := pos[0]
	for _, o := range []string{*out, *reviewOut} {
		if o != "" && (fileio.Same(in, o) || *decisionsIn != "" && fileio.Same(*decisionsIn, o)) {
			fmt.Fprintf(env.Stderr, "tradecheck-cli match: %v\n", &reconcile.Error{File: o, Err: reconcile.ErrOverwrite, Hint: "choose another output name; inputs are never modified"})
			return ExitInput
		}
	}
	if *out != "" && fileio.Same(*out, *reviewOut) {
		return usageError(env, "match", "-o and --review name the same file")
	}
	var decisions []match.Decision
	if *decisionsIn != "" {
		if decisions, err = readDecisionsFile(*decisionsIn); err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
			return ExitInput
		}
	}
	header, rows, nums, err := matchReadCSV(in)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
		return ExitInput
	}
	skip, notes := raggedRows(header, rows, nums)
	for _, n := range notes {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", n)
	}
	col, err := matchPickColumn(header, *column, true)
	if err != nil {
		return usageError(env, "match", "%v", err)
	}
	idCol := -1
	if *idColumn != "" {
		if idCol, err = matchPickColumn(header, *idColumn, false); err != nil {
			return usageError(env, "match", "%v", err)
		}
		if why := notTaxIDs(rows, idCol); why != "" && !*trustIDs {
			// Different tax IDs keep two names apart: row numbers taken
			// for IDs would split every firm into its rows.
			fmt.Fprintf(env.Stderr, "tradecheck-cli match: --id-column %s %s, not tax IDs: not used (give --trust-id-column to use it anyway)\n", header[idCol], why)
			idCol = -1
		}
	}
	badINN := make([]string, len(rows)) // per row: a glued INN failing its checksum
	warned := 0
	for i, r := range rows {
		name := matchCell(r, col)
		if d := values.InvalidGluedINN(name); d != "" {
			badINN[i] = d
			if warned++; warned <= maxINNWarnings {
				fmt.Fprintf(env.Stderr, "tradecheck-cli match: invalid INN %s in row %d (%q): the check digit is wrong, so it is not used as a tax ID; the name is matched without it\n", d, nums[i], name)
			}
		}
		if idCol >= 0 {
			if id := strings.TrimSpace(matchCell(r, idCol)); (len(id) == 10 || len(id) == 12) && strings.Trim(id, "0123456789") == "" && !values.ValidINN(id) {
				if warned++; warned <= maxINNWarnings {
					fmt.Fprintf(env.Stderr, "tradecheck-cli match: tax ID %s in row %d, column %s, fails the INN checksum: used as given, check it\n", id, nums[i], header[idCol])
				}
			}
		}
	}
	if warned > maxINNWarnings {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %d more tax IDs failing their checksum not shown\n", warned-maxINNWarnings)
	}
	// Distinct (name, tax ID) pairs become mentions.
	type key struct{ name, tax string }
	mentionOf := map[key]int{}
	var mentions []match.Mention
	rowMention := make([]int, len(rows))
	for i, r := range rows {
		if skip[i] != "" {
			rowMention[i] = -1
			continue
		}
		name := strings.TrimSpace(matchCell(r, col))
		tax := ""
		if idCol >= 0 {
			tax = strings.TrimSpace(matchCell(r, idCol))
		}
		if name == "" && tax == "" {
			rowMention[i] = -1
			continue
		}
		k := key{name, tax}
		m, ok := mentionOf[k]
		if !ok {
			m = len(mentions)
			mentionOf[k] = m
			mentions = append(mentions, match.Mention{Name: name, TaxID: tax})
		}
		mentions[m].Count++
		rowMention[i] = m
	}
	review := match.ReviewThresholdFor(*threshold)
	// Clustering a long list takes a while: Ctrl+C stops it cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := match.Cluster(ctx, mentions, decisions, match.Options{AutoThreshold: *threshold, ReviewThreshold: review}, nil)
	if err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
		return ExitInput
	}
	for _, d := range res.Unapplied {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: decision %s %q / %q names no name of this file: not applied\n", d.Op, d.Name, d.Other)
	}
	if *reviewOut != "" {
		if err := writeReview(*reviewOut, res); err != nil {
			fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
			return ExitInput
		}
	}
	pos2 := make([]int, len(mentions)) // mention -> position in its entity
	for _, e := range res.Entities {
		for k, m := range e.Members {
			pos2[m] = k
		}
	}
	var buf bytes.Buffer
	w, write := safeCSV(&buf)
	write(append(append([]string(nil), header...), "cluster_id", "canonical_name", "match_score", "match_reason"))
	for i, r := range rows {
		rec := append([]string(nil), r...)
		for len(rec) < len(header) {
			rec = append(rec, "")
		}
		// Header-wide: cells past the header are empty (trailing
		// delimiters) or the row is skipped and its reason quotes them.
		rec = rec[:len(header)]
		if skip[i] != "" {
			rec = append(rec, "", "", "", skip[i])
		} else if m := rowMention[i]; m >= 0 {
			e := res.Entities[res.EntityOf[m]]
			k := pos2[m]
			reason := e.Reasons[k]
			if badINN[i] != "" {
				reason += "; invalid INN " + badINN[i] + " in the name not used as a tax ID (checksum fails)"
			}
			rec = append(rec, e.ID, e.Canonical, strconv.FormatFloat(e.Scores[k], 'f', 2, 64), reason)
		} else {
			rec = append(rec, "", "", "", "no name")
		}
		write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
		return ExitInput
	}
	if *out == "" {
		env.Stdout.Write(buf.Bytes())
	} else if err := fileio.WriteFile(*out, buf.Bytes()); err != nil {
		fmt.Fprintf(env.Stderr, "tradecheck-cli match: %s\n", explain(err))
		return ExitInput
	}
	skipped := 0
	for _, why := range skip {
		if why != "" {
			skipped++
		}
	}
	fmt.Fprintf(env.Stderr, "tradecheck-cli match: %d rows (%d read, %d skipped), %d distinct names, %d entities, %d pairs to review, %d decisions applied\n",
		len(rows), len(rows)-skipped, skipped, len(mentions), len(res.Entities), len(res.Review), len(decisions)-len(res.Unapplied))
	return ExitOK
}

// notTaxIDs says why an ID column does not hold tax IDs ("holds the
// numbers 1 to 31 in sequence"), or "". Tax IDs are long (an INN has 10
// or 12 digits, a US EIN 9, a UK company number 8); a column of short
// whole numbers, or of numbers that count up one by one, is a row number
// or an index a spreadsheet or pandas added.
func notTaxIDs(rows [][]string, col int) string {
	var nums []int
	for _, r := range rows {
		v := strings.TrimSpace(matchCell(r, col))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return "" // letters or signs: IDs of some kind
		}
		nums = append(nums, n)
	}
	if len(nums) == 0 {
		return ""
	}
	short, seq := true, len(nums) >= 3
	for i, n := range nums {
		short = short && n < 1000000
		seq = seq && (i == 0 || n == nums[i-1]+1)
	}
	switch {
	case seq:
		return fmt.Sprintf("holds the numbers %d to %d in sequence", nums[0], nums[len(nums)-1])
	case short:
		return "holds only short numbers (under 7 digits)"
	}
	return ""
}

func matchCell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// matchPickColumn finds a column by header (case-insensitive). With an empty
// name and fallback set it takes "name" if present, else the first column.
func matchPickColumn(header []string, name string, fallback bool) (int, error) {
	want := strings.ToLower(strings.TrimSpace(name))
	if want == "" && fallback {
		want = "name"
	}
	for i, h := range header {
		if strings.ToLower(strings.TrimSpace(h)) == want {
			return i, nil
		}
	}
	if name == "" && fallback {
		return 0, nil
	}
	return 0, fmt.Errorf("no column %q; the header has: %s", name, strings.Join(header, ", "))
}

// matchReadCSV reads a whole CSV with a header row through the engine's
// text reader, so match gets the same refusals (binary, image, PDF,
// workbook), encodings (UTF-8 with or without BOM, UTF-16, Windows-1251,
// Windows-1252) and delimiter sniffing (, ; tab |) as every other command.
// Blank lines are left out.
func matchReadCSV(path string) (header []string, rows [][]string, nums []int, err error) {
	w, err := read.Open(path, read.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	format := w.Format()
	w.Close()
	if format != "csv" {
		return nil, nil, nil, &reconcile.Error{File: path, Err: errors.New("a workbook, not a CSV file"), Hint: "match reads one CSV with a name column; save that sheet as CSV"}
	}
	err = read.EachRow(context.Background(), path, "", read.Options{}, func(num int, cells []string) error {
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			return nil
		}
		rec := append([]string(nil), cells...)
		if header == nil {
			header = rec
		} else {
			rows = append(rows, rec)
			nums = append(nums, num)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	if header == nil {
		return nil, nil, nil, &reconcile.Error{File: path, Err: reconcile.ErrEmpty, Hint: "the CSV needs a header row and rows of names"}
	}
	return header, rows, nums, nil
}

// raggedRows checks every row's width against the header's and says what
// is done with each row that differs: a shorter row is read with its
// missing cells empty; a longer one whose extra cells hold text is
// skipped, because a delimiter inside an unquoted name ("ROMASHKA, OOO")
// shifts every cell after it and the name column may hold the wrong
// text. skip[i] is row i's reason ("" for rows read); notes are the lines
// for stderr, at most 20 and a count of the rest.
func raggedRows(header []string, rows [][]string, nums []int) (skip, notes []string) {
	skip = make([]string, len(rows))
	const most = 20
	n := 0
	say := func(format string, a ...any) {
		if n < most {
			notes = append(notes, fmt.Sprintf(format, a...))
		}
		n++
	}
	for i, r := range rows {
		width := len(r)
		for width > len(header) && strings.TrimSpace(r[width-1]) == "" {
			width-- // trailing delimiters
		}
		switch {
		case width > len(header):
			extra := make([]string, 0, width-len(header))
			for _, c := range r[len(header):width] {
				extra = append(extra, strconv.Quote(c))
			}
			skip[i] = fmt.Sprintf("skipped: %d fields where the header has %d (extra %s); a delimiter inside an unquoted value may have shifted the columns — quote it and run again",
				width, len(header), strings.Join(extra, ", "))
			say("row %d: %s", nums[i], skip[i])
		case len(r) < len(header):
			say("row %d: %d fields where the header has %d; read with the missing cells empty", nums[i], len(r), len(header))
		}
	}
	if n > most {
		notes = append(notes, fmt.Sprintf("… and %d more rows of another width than the header", n-most))
	}
	return skip, notes
}

// safeCSV is a CSV writer into buf whose write neutralises every cell
// (neutraliseCell): the match, review and screen outputs are opened in
// Excel. write copies the record, so callers may reuse theirs.
func safeCSV(buf *bytes.Buffer) (w *csv.Writer, write func(rec []string)) {
	w = csv.NewWriter(buf)
	return w, func(rec []string) {
		safe := make([]string, len(rec))
		for i, c := range rec {
			safe[i] = neutraliseCell(c)
		}
		w.Write(safe)
	}
}

// neutraliseCell keeps a spreadsheet from running a cell as a formula: a cell
// starting with = + - or @ gets a leading apostrophe. Plain numbers
// ("-12.5") are left alone: they are data, not formulas.
func neutraliseCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil && s[0] != '=' && s[0] != '@' {
			return s
		}
		return "'" + s
	}
	return s
}
