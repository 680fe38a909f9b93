package claims

import (
	"context"
	"strings"
	"sync"

	"tradecheck/reconcile/match"
	"tradecheck/reconcile/names"
	"tradecheck/reconcile/values"
)

// How a name in a filter was resolved to entities, most certain first.
const (
	ByEntityID  = "entity ID"
	ByTaxID     = "tax ID"
	BySameName  = "same name"    // the name without legal form equals a name as written
	ByNameWords = "name words"   // every word of the name appears in a name as written
	ByClosest   = "closest name" // fuzzy entity search; check it
	// ByCloseSpelling (closename.go) comes between ByNameWords and ByClosest.
	NotFound = "not found"
)

// Resolved says how one name or ID of a consignee or shipper filter was
// turned into entities.
type Resolved struct {
	Role     match.Role
	Query    string   // as the claim gives it
	How      string   // ByEntityID … NotFound
	Entities []string // entity IDs
	Names    []string // their canonical names
	Score    float64  // ByCloseSpelling: the matcher's score
	Why      string   // ByCloseSpelling: the matcher's reasons
}

// Resolver resolves names to entities exactly as a claim's consignee and
// shipper filters do (entity ID, tax ID, same name, name words, closest
// name), for other filters that take a name, such as the app's Totals
// entity filter. It caches the analysis of every name as written, so
// build one per result. It is safe for concurrent use.
type Resolver struct {
	mu  sync.Mutex
	res *match.Result
	rv  resolver
}

// NewResolver prepares resolution over the entities of res (nil: every
// name is NotFound).
func NewResolver(res *match.Result) *Resolver {
	r := &Resolver{res: res}
	if res != nil {
		r.rv.mentions = res.Mentions
	}
	return r
}

// Resolve resolves one name or ID among the entities of role (AnyRole:
// consignees and shippers).
func (r *Resolver) Resolve(role match.Role, q string) Resolved {
	r.mu.Lock()
	defer r.mu.Unlock()
	out, _ := r.rv.resolve(r.res, role, q)
	return out
}

// Note says what a reader must know about a resolution, "" when nothing:
// a name that matches nothing, a closest-name guess to check, or a name
// that took in several entities.
func (r *Resolved) Note() string {
	role := string(r.Role)
	if role == "" {
		role = "consignee or shipper"
	}
	switch r.How {
	case NotFound:
		if LooksLikeEntityID(r.Query) {
			return "Entity " + r.Query + " no longer exists (it was split or merged): name the " + role + " again."
		}
		return "No " + role + " matches “" + r.Query + "”."
	case ByCloseSpelling:
		return r.closeNote()
	case ByClosest:
		return "“" + r.Query + "” was taken to mean " + strings.Join(r.Names, ", ") + " (closest name in the data): check it."
	case ByNameWords, BySameName, ByTaxID:
		var notes []string
		if q := strings.TrimSpace(r.Query); r.How == ByTaxID && (len(q) == 10 || len(q) == 12) && !values.ValidINN(q) {
			notes = append(notes, "“"+q+"” is not a valid INN (its check digit is wrong); it was matched as written beside the "+role+"'s name in the sources: check it.")
		}
		if len(r.Entities) > 1 {
			notes = append(notes, "“"+r.Query+"” matches several "+role+"s, all included: "+strings.Join(r.Names, "; ")+".")
		}
		return strings.Join(notes, " ")
	}
	return ""
}

// mentionKey is one mention prepared for resolution.
type mentionKey struct {
	core  string   // Analyze(name).CoreKey()
	words []string // core keys and numbers
	tax   string
	glued string // digits glued to the name, valid INN or not (values.GluedDigits)
}

// resolver resolves filter names against the entities of one result.
// The mention analysis depends only on the mentions, which a Recluster
// keeps, so it survives Checker.Reset.
type resolver struct {
	mentions []match.Mention
	keys     []mentionKey // per mention, built on first use
	search   map[match.Role]*roleSearch
}

type roleSearch struct {
	idx      *match.SearchIndex
	mentions []int // search index → mention index
}

func (rv *resolver) prepare() {
	if rv.keys != nil {
		return
	}
	rv.keys = make([]mentionKey, len(rv.mentions))
	for i, m := range rv.mentions {
		n := names.Analyze(m.Name)
		tax := m.TaxID
		if tax == "" {
			tax = n.TaxID
		}
		rv.keys[i] = mentionKey{core: n.CoreKey(), words: append(append([]string(nil), n.Core...), numberWords(n.Numbers)...), tax: tax,
			glued: values.GluedDigits(m.Name)}
	}
}

func numberWords(ns []string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = "#" + n
	}
	return out
}

// AnyRole resolves a name among consignees and shippers alike, as the
// app's Totals entity filter does.
const AnyRole match.Role = ""

// resolve turns one filter entry into entity indexes for role (AnyRole:
// either role).
func (rv *resolver) resolve(res *match.Result, role match.Role, q string) (Resolved, []int32) {
	out := Resolved{Role: role, Query: q, How: NotFound}
	q = strings.TrimSpace(q)
	if res == nil || q == "" {
		return out, nil
	}
	var ents []int32
	seen := map[int32]bool{}
	add := func(e int32) {
		if e >= 0 && int(e) < len(res.Entities) && !seen[e] {
			seen[e] = true
			ents = append(ents, e)
		}
	}
	for i := range res.Entities {
		if strings.EqualFold(res.Entities[i].ID, q) {
			add(int32(i))
		}
	}
	if len(ents) > 0 {
		return rv.finish(res, out, ByEntityID, ents)
	}
	if LooksLikeEntityID(q) {
		// An ID that no longer exists (the entity was split or merged)
		// must not fall through to a fuzzy match on its letters.
		return out, nil
	}
	rv.prepare()
	entityOf := func(m int) int32 {
		if m < len(res.EntityOf) {
			return int32(res.EntityOf[m])
		}
		return -1
	}
	qn := names.Analyze(q)
	tax := qn.TaxID
	if tax == "" && len(q) >= 9 && strings.Trim(q, "0123456789") == "" {
		tax = q
	}
	if tax != "" {
		for m, k := range rv.keys {
			if (k.tax == tax || k.glued == tax) && rv.roleOK(m, role) {
				add(entityOf(m))
			}
		}
		if len(ents) > 0 {
			return rv.finish(res, out, ByTaxID, ents)
		}
		if tax == q {
			// A bare number names a firm by its ID: the closest name to
			// a string of digits is no answer.
			return out, nil
		}
	}
	core := qn.CoreKey()
	if core != "" {
		for m, k := range rv.keys {
			if k.core == core && rv.roleOK(m, role) {
				add(entityOf(m))
			}
		}
		if len(ents) > 0 {
			return rv.finish(res, out, BySameName, ents)
		}
		words := append(append([]string(nil), qn.Core...), numberWords(qn.Numbers)...)
		for m, k := range rv.keys {
			if rv.roleOK(m, role) && containsAll(k.words, words) {
				add(entityOf(m))
			}
		}
		if len(ents) > 0 {
			return rv.finish(res, out, ByNameWords, ents)
		}
	}
	if es, score, why := rv.closeSpelling(res, role, q, qn); len(es) > 0 {
		out.Score, out.Why = score, why
		return rv.finish(res, out, ByCloseSpelling, es)
	}
	if rs := rv.searchFor(role); rs != nil {
		if hits := rs.idx.Search(q, 1); len(hits) > 0 {
			add(entityOf(rs.mentions[hits[0].Index]))
			if len(ents) > 0 {
				return rv.finish(res, out, ByClosest, ents)
			}
		}
	}
	return out, nil
}

func (rv *resolver) roleOK(m int, role match.Role) bool {
	return role == AnyRole || rv.mentions[m].Role == role
}

func (rv *resolver) searchFor(role match.Role) *roleSearch {
	if rs, ok := rv.search[role]; ok {
		return rs
	}
	rs := &roleSearch{}
	var list []string
	for m, x := range rv.mentions {
		if rv.roleOK(m, role) {
			list = append(list, x.Name)
			rs.mentions = append(rs.mentions, m)
		}
	}
	idx, err := match.NewSearchIndex(context.Background(), list, nil)
	if err != nil {
		rs = nil
	} else {
		rs.idx = idx
	}
	if rv.search == nil {
		rv.search = map[match.Role]*roleSearch{}
	}
	rv.search[role] = rs
	return rs
}

func (rv *resolver) finish(res *match.Result, out Resolved, how string, ents []int32) (Resolved, []int32) {
	out.How = how
	for _, e := range ents {
		out.Entities = append(out.Entities, res.Entities[e].ID)
		out.Names = append(out.Names, res.Entities[e].Canonical)
	}
	return out, ents
}

// containsAll reports whether every word of want is in have.
func containsAll(have, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// LooksLikeEntityID reports whether s has the form of an entity ID: "E-"
// and six or more hexadecimal digits ("E-3F9A2C").
func LooksLikeEntityID(s string) bool {
	if len(s) < 8 || !strings.HasPrefix(strings.ToUpper(s), "E-") {
		return false
	}
	for _, r := range s[2:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
			return false
		}
	}
	return true
}
