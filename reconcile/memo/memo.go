package memo

import (
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/pipeline"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

// Memo is everything a verification memo states, as text ready to print.
// Markdown and HTML render the same Memo, so the two never disagree.
type Memo struct {
	Generated string // "2026-12-06 19:50 UTC"; empty in tests
	Version   string // Tradecheck version
	Rules     []Rule // the run's rules, for every claim
	Files     []File // every source file of the run
	Claims    []Claim
}

// Rule is one setting of the run: "Weight basis" → "net weight; gross
// where net is missing (flagged)".
type Rule struct{ Name, Value string }

// File is one source file with its fingerprint.
type File struct {
	Name   string // base name, as source rows cite it
	SHA256 string
	Size   string // "12,345 bytes"
	Vendor string
	Error  string // when the file could not be read
}

// Claim is the memo of one claim.
type Claim struct {
	ID, Text  string
	Expected  string // "more than 12 t"
	Filters   string // "origin CN; dispatch TR; …"
	Verdict   string // "Supported"
	Kind      claims.Kind
	Reason    string
	Figure    string // "12.6 t"
	Bounds    string // "12.6 t to 14.1 t", or "" when exact
	Tolerance string // for about and almost: "±10% (the default)"
	Coverage  string // which sources cover the claim's dates, or the gap
	Notes     []string
	Names     []NameMatch
	Decisions []string
	InScope   []Shipment
	MoreIn    int // in-scope shipments not listed (MaxRows)
	Files     []File
	Near      []Shipment
	NearTotal int
	NearBy    string // "16 (origin 10, dispatch 4, date 2)"
	Note      string // the fact-checker's own note on the claim
}

// NameMatch is how one company name of the claim's filters was matched.
type NameMatch struct {
	Role, Query, Rule string
	Entities          []Entity
}

// Entity is one entity a name matched, with every spelling it holds.
type Entity struct {
	ID, Canonical string
	Members       []Member
}

// Member is one spelling in an entity and why it joined.
type Member struct{ Name, TaxID, Reason string }

// Shipment is one row of the in-scope or near-boundary tables.
type Shipment struct {
	ID, Date, Value string
	Missed          string // near-boundary only: the filter missed and what the shipment has
	Sources         string // "file.xlsx!Sheet:12; file.csv:7"
}

// Options tune Build.
type Options struct {
	// Generated is printed at the top; zero leaves it out (golden tests).
	Generated time.Time
	// MaxRows caps the in-scope list of a claim (0: 200); MaxNear the
	// near-boundary list (0: 25). The workbook has every row.
	MaxRows, MaxNear int
}

// Build assembles the memo of vs, the verdicts of res's claims.
func Build(res *pipeline.Result, vs []claims.Verdict, opt Options) *Memo {
	if opt.MaxRows <= 0 {
		opt.MaxRows = 200
	}
	if opt.MaxNear <= 0 {
		opt.MaxNear = 25
	}
	m := &Memo{Version: pipeline.Version, Rules: rules(res)}
	if !opt.Generated.IsZero() {
		m.Generated = opt.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	byName := map[string]File{}
	for _, f := range res.Files {
		fi := File{Name: filepath.Base(f.Path), SHA256: f.SHA256, Vendor: f.Citation.Vendor}
		if f.Size > 0 {
			fi.Size = values.FormatNumber(float64(f.Size), 0) + " bytes"
		}
		if f.Err != nil {
			fi.Error = f.Err.Error()
		}
		m.Files = append(m.Files, fi)
		byName[fi.Name] = fi
	}
	for i := range vs {
		m.Claims = append(m.Claims, buildClaim(res, &vs[i], byName, opt))
	}
	return m
}

// One returns a memo of the single claim with the given ID, or nil.
func (m *Memo) One(id string) *Memo {
	for _, c := range m.Claims {
		if c.ID == id {
			one := *m
			one.Claims = []Claim{c}
			return &one
		}
	}
	return nil
}

func rules(res *pipeline.Result) []Rule {
	p := &res.Project
	w := "net weight; gross where net is missing (flagged in the notes)"
	if p.Params.Weight == totals.WeightGross {
		w = "gross weight throughout"
	}
	out := []Rule{
		{"Weight basis", w},
		{"Same shipment in two sources", "same declaration number, or (rows without one) dates within " +
			plural(p.Params.DateToleranceDays, "day", "days") + " and weights within " + num(p.Params.WeightTolerancePct) + "%"},
		{"Company names", "merged automatically at a score of " + num(p.Params.AutoThreshold) + " or more; " +
			num(p.Params.ReviewThreshold) + " to " + num(p.Params.AutoThreshold) + " sent to review"},
		{"Bounds", "the lower bound counts known values only; a shipment in scope without the measure leaves no upper bound, since its weight or value could be anything"},
		{"About / almost", "±" + num(claims.DefaultTolerancePct) + "% unless the claim gives its own tolerance"},
	}
	if len(p.Params.SourcePreference) > 0 {
		out = append(out, Rule{"Preferred sources", strings.Join(p.Params.SourcePreference, ", ")})
	}
	if len(p.Rates) == 0 {
		out = append(out, Rule{"Exchange rates", "none given: values not in USD are left out of USD figures and counted"})
	}
	// Only the rates a shipment's USD value was converted with: a rate the
	// data never needed (the preferred row gave USD, or was in another
	// currency) would tell the reader a conversion happened that did not.
	var used []int
	if res.Merge != nil {
		used = totals.RateUses(res.Merge.Shipments, res.Records, p.Rates)
	}
	for i, r := range p.Rates {
		if used != nil && used[i] == 0 {
			continue
		}
		month := r.Month
		if month == "" {
			month = "every month without its own rate"
		}
		v := "1 " + r.Currency + " = " + strconv.FormatFloat(r.ToUSD, 'g', -1, 64) + " USD (" + month + ")"
		if used != nil {
			v += ", applied to " + plural(used[i], "shipment", "shipments")
		}
		if r.Note != "" {
			v += "; " + r.Note
		}
		out = append(out, Rule{"Exchange rate", v})
	}
	if len(p.Rates) > 0 && used != nil && !slices.ContainsFunc(used, func(n int) bool { return n > 0 }) {
		out = append(out, Rule{"Exchange rates", "given, but no shipment's value needed one: every value used was in USD or had no rate given"})
	}
	return out
}

func buildClaim(res *pipeline.Result, v *claims.Verdict, files map[string]File, opt Options) Claim {
	c := &v.Claim
	mc := Claim{ID: c.ID, Text: c.Text, Expected: c.Expected(), Filters: c.Filters.String(), Verdict: v.Kind.Label(),
		Kind: v.Kind, Reason: v.Reason, Notes: v.Notes, NearTotal: v.NearTotal, NearBy: v.NearSummary(), Note: c.Note}
	if v.Kind != claims.NothingFound {
		mc.Figure = claims.FormatFigure(c.Measure, c.Unit, v.Lower)
		switch {
		case math.IsInf(v.Upper, 1):
			mc.Bounds = "at least " + mc.Figure + ", no upper bound"
		case v.Upper != v.Lower:
			mc.Bounds = mc.Figure + " to " + claims.FormatFigure(c.Measure, c.Unit, v.Upper)
		}
	}
	if c.Comparator == claims.About || c.Comparator == claims.Almost {
		mc.Tolerance = num(c.Tolerance()) + "%"
		if c.TolerancePct == 0 {
			mc.Tolerance += " (the default)"
		}
	}
	switch {
	case v.Covered && len(v.CoveredBy) > 0:
		mc.Coverage = "the claim's dates are covered by " + strings.Join(v.CoveredBy, ", ")
	case !v.Covered:
		mc.Coverage = v.Gap
	}
	cited := map[string]bool{}
	for i, r := range v.InScope {
		for _, s := range r.Sources {
			cited[sourceFile(s)] = true
		}
		if i < opt.MaxRows {
			mc.InScope = append(mc.InScope, row(v, r))
		}
	}
	mc.MoreIn = len(v.InScope) - len(mc.InScope)
	names := make([]string, 0, len(cited))
	for n := range cited {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, ok := files[n]
		if !ok {
			f = File{Name: n}
		}
		mc.Files = append(mc.Files, f)
	}
	for i, n := range v.Near {
		if i == opt.MaxNear {
			break
		}
		s := row(v, n.Row)
		s.Missed = n.Filter + ": " + n.Detail
		mc.Near = append(mc.Near, s)
	}
	mc.Names = nameMatches(res.Names, v.Resolved)
	mc.Decisions = decisions(res, v)
	return mc
}

func row(v *claims.Verdict, r claims.Row) Shipment {
	s := Shipment{ID: r.ID, Date: r.Date.String(), Sources: strings.Join(r.Sources, "; ")}
	if r.Value.Valid {
		s.Value = claims.FormatFigure(v.Claim.Measure, v.Claim.Unit, r.Value.Value)
	} else {
		s.Value = "(" + r.Missing + ")"
	}
	return s
}

// sourceFile is the file part of a row key: "a.xlsx!Sheet:3" → "a.xlsx".
func sourceFile(key string) string {
	if i := strings.LastIndexByte(key, '!'); i >= 0 {
		return key[:i]
	}
	if i := strings.LastIndexByte(key, ':'); i >= 0 {
		return key[:i]
	}
	return key
}

func nameMatches(res *match.Result, rs []claims.Resolved) []NameMatch {
	var out []NameMatch
	for _, r := range rs {
		nm := NameMatch{Role: string(r.Role), Query: r.Query, Rule: r.How}
		for _, id := range r.Entities {
			e := entityByID(res, id)
			if e == nil {
				nm.Entities = append(nm.Entities, Entity{ID: id})
				continue
			}
			me := Entity{ID: e.ID, Canonical: e.Canonical}
			for k, mi := range e.Members {
				if mi < 0 || mi >= len(res.Mentions) {
					continue
				}
				reason := "core spelling"
				if k > 0 && k < len(e.Reasons) {
					reason = e.Reasons[k]
					if k < len(e.Scores) {
						reason += " (score " + strconv.FormatFloat(e.Scores[k], 'f', 2, 64) + ")"
					}
				}
				me.Members = append(me.Members, Member{Name: res.Mentions[mi].Name, TaxID: res.Mentions[mi].TaxID, Reason: reason})
			}
			nm.Entities = append(nm.Entities, me)
		}
		out = append(out, nm)
	}
	return out
}

func entityByID(res *match.Result, id string) *match.Entity {
	if res == nil {
		return nil
	}
	for i := range res.Entities {
		if res.Entities[i].ID == id {
			return &res.Entities[i]
		}
	}
	return nil
}

// decisions lists the user's decisions that touch the claim: name
// decisions about a spelling of an entity the claim's consignee or
// shipper filter matched (a claim without such a filter counts every
// party, so name decisions cannot change its figure), and shipment
// decisions about a row in scope or near the boundary (an excluded
// shipment is near the boundary).
func decisions(res *pipeline.Result, v *claims.Verdict) []string {
	p := &res.Project
	if len(p.Decisions) == 0 && len(p.ShipmentDecisions) == 0 {
		return nil
	}
	spell := map[string]bool{} // role + name as written
	addEntity := func(e int) {
		if res.Names == nil || e < 0 || e >= len(res.Names.Entities) {
			return
		}
		for _, mi := range res.Names.Entities[e].Members {
			if mi >= 0 && mi < len(res.Names.Mentions) {
				mn := res.Names.Mentions[mi]
				spell[string(mn.Role)+"\x1f"+mn.Name] = true
			}
		}
	}
	for _, r := range v.Resolved {
		for _, id := range r.Entities {
			if res.Names != nil {
				for i := range res.Names.Entities {
					if res.Names.Entities[i].ID == id {
						addEntity(i)
					}
				}
			}
		}
	}
	rows := map[string]bool{}
	for _, r := range v.InScope {
		for _, s := range r.Sources {
			rows[s] = true
		}
	}
	for _, n := range v.Near {
		for _, s := range n.Sources {
			rows[s] = true
		}
	}
	var out []string
	for _, d := range p.Decisions {
		if spell[string(d.Role)+"\x1f"+d.Name] || d.Other != "" && spell[string(d.OtherRole)+"\x1f"+d.Other] {
			out = append(out, nameDecision(d))
		}
	}
	for _, d := range p.ShipmentDecisions {
		if rows[d.Row] {
			out = append(out, shipmentDecision(d))
		}
	}
	return out
}

func nameDecision(d match.Decision) string {
	q := func(n string, r match.Role) string { return "“" + n + "” (" + string(r) + ")" }
	var s string
	switch d.Op {
	case match.OpConfirm:
		s = "confirmed that " + q(d.Name, d.Role) + " and " + q(d.Other, d.OtherRole) + " are the same firm"
	case match.OpNotSame:
		s = "decided that " + q(d.Name, d.Role) + " and " + q(d.Other, d.OtherRole) + " are different firms"
	case match.OpSplit:
		s = "split " + q(d.Name, d.Role) + " out of its entity"
	case match.OpMerge:
		s = "merged the entity of " + q(d.Name, d.Role) + " into that of " + q(d.Other, d.OtherRole)
	case match.OpRename:
		s = "renamed the entity of " + q(d.Name, d.Role) + " to “" + d.Target + "”"
	case match.OpAssign:
		s = "moved " + q(d.Name, d.Role) + " to entity " + d.Target
	default:
		s = d.Op + " " + q(d.Name, d.Role)
	}
	return withWhen(s, d.Time, d.Note)
}

func shipmentDecision(d merge.Decision) string {
	var s string
	switch d.Op {
	case merge.OpSplit:
		s = "split row " + d.Row + " out of its shipment"
	case merge.OpExclude:
		s = "excluded the shipment holding row " + d.Row
	case merge.OpInclude:
		s = "counted again the shipment holding row " + d.Row
	case merge.OpMerge:
		s = "merged the shipments holding rows " + d.Row + " and " + d.Other
	case merge.OpApart:
		s = "kept apart the shipments holding rows " + d.Row + " and " + d.Other
	default:
		s = d.Op + " row " + d.Row
	}
	return withWhen(s, d.Time, d.Reason)
}

func withWhen(s string, t time.Time, note string) string {
	s = "You " + s
	if !t.IsZero() {
		s += " on " + t.UTC().Format("2006-01-02")
	}
	if note != "" {
		s += ": " + note
	}
	return s + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// num prints a setting without float noise: 0.92, 10, 1.5.
func num(x float64) string {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return "—"
	}
	return strconv.FormatFloat(math.Round(x*1e6)/1e6, 'g', -1, 64)
}
