// Command tradecheck-eval measures the company-name matcher against the
// alias groups in the evaluation data (EU and OFAC sanctions lists,
// PATSTAT): pairwise precision, recall and F1 on customs-style variants of
// the real names, and on the raw alias groups. `make eval` runs it.
//
// The data is not part of the repository (licences). When the folder is
// missing the program says so and exits 0.
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("tradecheck-eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	data := fl.String("data", "../shared/eval-data", "evaluation data folder")
	seed := fl.Uint64("seed", 1, "random seed for the variants")
	perName := fl.Int("variants", 3, "variants generated per real name")
	auto := fl.Float64("threshold", 0, "auto-merge threshold (0: the default)")
	rev := fl.Float64("review", 0, "review threshold (0: the default)")
	show := fl.Int("show", 0, "print this many false merges and missed pairs of each set")
	missed := fl.String("missed", "", "write the missed true pairs of set (c) to missed-<half>.tsv in this folder")
	only := fl.String("only", "", "run only the \"match\", \"customs\" (set c of match) or \"screen\" evaluation")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	path := filepath.Join(*data, "_derived", "alias_groups.csv")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stdout, "tradecheck-eval: evaluation data folder %s is missing (no %s): nothing measured.\n", *data, path)
		fmt.Fprintln(stdout, "Point -data at a copy of the eval-data folder to run the matching evaluation.")
		return 0
	}
	missedDir = *missed
	if *only == "screen" {
		return runScreenEval(*data, *seed, *perName, *show, stdout, stderr)
	}
	rows, err := loadAliases(path)
	if err != nil {
		fmt.Fprintf(stderr, "tradecheck-eval: %v\n", err)
		return 1
	}
	links := filepath.Join(*data, "_derived", "inn_links_eu_ofac.csv")
	joined, err := joinGroups(rows, links)
	if err != nil {
		fmt.Fprintf(stderr, "tradecheck-eval: %v\n", err)
		return 1
	}
	opt := match.Options{AutoThreshold: *auto, ReviewThreshold: *rev}
	if *only == "customs" {
		customsEval(rows, twinSets(rows), coreTwinSets(rows), *seed, opt, stdout, *show)
		return 0
	}
	fmt.Fprintf(stdout, "alias names: %d in %d groups (%d groups joined by a shared INN or OGRN)\n", len(rows), countGroups(rows), joined)

	// (a) customs-style variants of the real names.
	twins := twinSets(rows)
	coreTwins := coreTwinSets(rows)
	rng := rand.New(rand.NewPCG(*seed, 0x7ade))
	vs := makeVariants(rows, *perName, rng)
	for i := range vs {
		vs[i].twin = twins[vs[i].group]
		vs[i].coreTwin = coreTwins[vs[i].group]
	}
	fmt.Fprintf(stdout, "\n(a) variants: %d names (%d real + generated), families = one real name and its variants\n", len(vs), len(rows))
	ra := evaluate(vs, opt, stdout, *show)
	// (b) the raw alias groups.
	fmt.Fprintf(stdout, "\n(b) raw alias groups: %d names\n", len(rows))
	raw := make([]item, len(rows))
	for i, r := range rows {
		raw[i] = item{name: r.name, group: r.group, family: r.group, twin: twins[r.group], coreTwin: coreTwins[r.group]}
	}
	rb := evaluate(raw, opt, stdout, *show)
	fmt.Fprintln(stdout, "\nbaseline: OpenRefine-style fingerprint key collision (lower case, punctuation out, sorted unique words)")
	fmt.Fprint(stdout, "  variants: ")
	baseline(vs, stdout)
	fmt.Fprint(stdout, "  raw:      ")
	baseline(raw, stdout)
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "summary (targets: variants P>=0.99 R>=0.90; raw P>=0.97)\n")
	for _, l := range []struct {
		name   string
		va, ra float64
	}{{"L1", ra.p, rb.p}, {"L2", ra.pt, rb.pt}, {"L3", ra.pc, rb.pc}} {
		fmt.Fprintf(stdout, "  %s: variants P=%.4f R=%.4f; raw P=%.4f R=%.4f\n", l.name, l.va, ra.r, l.ra, rb.r)
	}
	customsEval(rows, twins, coreTwins, *seed, opt, stdout, *show)
	if *only == "match" {
		return 0
	}
	return runScreenEval(*data, *seed, *perName, *show, stdout, stderr)
}

// runScreenEval runs the screening evaluation (screen.go).
func runScreenEval(data string, seed uint64, perName, show int, stdout, stderr io.Writer) int {
	if err := screenEval(data, seed, perName, show, stdout); err != nil {
		fmt.Fprintf(stderr, "tradecheck-eval: screening: %v\n", err)
		return 1
	}
	return 0
}

type alias struct {
	source, group, name, script, inn string
	ids                              []string // INN and OGRN-like numbers of the record
}

var idRe = regexp.MustCompile(`[0-9]{10,13}`)

var innRe = regexp.MustCompile(`(?:^|[^0-9])([0-9]{10}|[0-9]{12})(?:[^0-9]|$)`)

func loadAliases(path string) ([]alias, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"source", "group_id", "name", "script", "identifiers"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: no column %q", path, need)
		}
	}
	var out []alias
	seen := map[[2]string]bool{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		a := alias{source: rec[col["source"]], group: rec[col["group_id"]], name: strings.TrimSpace(rec[col["name"]]), script: rec[col["script"]]}
		ids := rec[col["identifiers"]]
		if a.source != "patstat_leuven" {
			if m := innRe.FindStringSubmatch(ids); m != nil && (strings.Contains(ids, "INN") || strings.Contains(ids, "Russia") || strings.HasPrefix(a.source, "eu_269")) {
				a.inn = m[1]
			}
		}
		if a.source != "patstat_leuven" {
			for _, id := range idRe.FindAllString(ids, -1) {
				if l := len(id); l == 10 || l == 12 || l == 13 {
					a.ids = append(a.ids, id)
				}
			}
		}
		k := [2]string{a.group, a.name}
		if a.name == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, a)
	}
	return out, nil
}

// joinGroups rewrites group IDs so that groups linked by a shared INN are
// one group; it returns how many groups were folded into another.
func joinGroups(rows []alias, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	recs, err := r.ReadAll()
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	sets := groupSets{}
	n := 0
	for i, rec := range recs {
		if i == 0 || len(rec) < 3 {
			continue
		}
		ids := append(strings.Fields(rec[1]), strings.Fields(rec[2])...)
		for _, id := range ids[1:] {
			if sets.union(ids[0], id) {
				n++
			}
		}
	}
	// The identifiers column links more records the same way: EU 269/2014
	// and 833/2014 list many firms twice, with the same INN or OGRN.
	byID := map[string]string{}
	for _, r := range rows {
		for _, id := range r.ids {
			if g, ok := byID[id]; ok {
				if sets.union(g, r.group) {
					n++
				}
			} else {
				byID[id] = r.group
			}
		}
	}
	for i := range rows {
		rows[i].group = sets.find(rows[i].group)
	}
	return n, nil
}

func countGroups(rows []alias) int {
	m := map[string]bool{}
	for _, r := range rows {
		m[r.group] = true
	}
	return len(m)
}

// item is one name of an evaluation set. Pairs of one family must merge;
// pairs of different groups must not; pairs of one group but different
// families (two real aliases, often a translation or an acronym) are not
// counted either way in the variants set.
type item struct {
	name, group, family, kind string
	twin                      string // groups sharing an identical real alias share this
	coreTwin                  string // groups sharing a name up to legal form share this
}

// twinSets joins groups that share an identical real alias (after case and
// punctuation folding): OFAC lists branches of one charity, or one firm
// twice, under different IDs with the same names. No name matcher can
// tell those apart, so the second set of figures leaves such pairs out.
func twinSets(rows []alias) map[string]string { return joinByKey(rows, plainFold) }

// coreTwinSets joins groups that share a name after transliteration and
// legal-form removal (reconcile/names' core key): firms named alike apart
// from the legal form (JSC SIGNAL / PJSC SIGNAL). A name-only matcher
// cannot tell those apart either; this third figure shows how much of the
// remaining error that is.
func coreTwinSets(rows []alias) map[string]string {
	// The kind of company is part of the key: OOO X and OAO X are often
	// two firms (VO Technopromexport), and the matcher keeps them apart. A
	// name written without a legal form joins the firms of its core when
	// they are all of one kind.
	type ck struct{ core, fam string }
	keys := make([]ck, len(rows))
	fams := map[string]map[string]bool{}
	for i, r := range rows {
		n := names.Analyze(r.name)
		if !n.Distinctive {
			continue
		}
		keys[i] = ck{n.CoreKey(), n.Class().Family()}
		if keys[i].fam != "" {
			if fams[keys[i].core] == nil {
				fams[keys[i].core] = map[string]bool{}
			}
			fams[keys[i].core][keys[i].fam] = true
		}
	}
	byName := map[string]string{}
	for i, r := range rows {
		k := keys[i]
		if k.core == "" {
			continue
		}
		if k.fam == "" && len(fams[k.core]) == 1 {
			for f := range fams[k.core] {
				k.fam = f
			}
		}
		byName[r.name] = k.core + "\x1f" + k.fam
	}
	// Identical names join too, generic or not: this set only widens the
	// one above.
	for _, r := range rows {
		if byName[r.name] == "" {
			byName[r.name] = "=" + plainFold(r.name)
		}
	}
	return joinByKey(rows, func(s string) string { return byName[s] })
}

func joinByKey(rows []alias, keyOf func(string) string) map[string]string {
	sets := groupSets{}
	first := map[string]string{}
	for _, r := range rows {
		k := keyOf(r.name)
		if k == "" {
			continue
		}
		if g, ok := first[k]; ok {
			sets.union(g, r.group)
		} else {
			first[k] = r.group
		}
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.group] = sets.find(r.group)
	}
	return out
}

func plainFold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// groupSets joins group IDs (union-find); the smaller ID names a set, so
// the result does not depend on the order of the joins.
type groupSets map[string]string

func (g groupSets) find(x string) string {
	p, ok := g[x]
	if !ok || p == x {
		return x
	}
	r := g.find(p)
	g[x] = r
	return r
}

// union joins the sets of a and b; false when they were one already.
func (g groupSets) union(a, b string) bool {
	a, b = g.find(a), g.find(b)
	if a == b {
		return false
	}
	if b < a {
		a, b = b, a
	}
	g[b] = a
	return true
}
