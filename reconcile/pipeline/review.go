package pipeline

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
)

// ReviewSide is what the review card shows for one name of a pair: the
// evidence beyond the name that tells one firm from two.
type ReviewSide struct {
	Mention    int // index in Names.Mentions
	Name       string
	Role       match.Role
	Entity     string // ID of the entity it is in now
	EntityName string

	TaxIDs     []string // on its rows (and the mention's own), sorted
	Countries  []Count  // the party's country and the trade countries of its rows, most rows first
	First      reconcile.Date
	Last       reconcile.Date
	HSChapters []Count // two-digit HS chapters, most rows first, at most maxChapters
	Rows       int     // rows that write this name
	Sources    []string
	// SampleRows are a few of its source rows (file!sheet:row), to open.
	SampleRows []reconcile.Provenance
	// EntityRows is the rows of its whole entity in this role: what a
	// merge moves.
	EntityRows int
}

// Count is a value with the number of rows that have it.
type Count struct {
	Value string
	Rows  int
}

// ClaimChange is a claim whose verdict or figure would differ if the pair
// were merged.
type ClaimChange struct {
	ClaimID       string
	Text          string
	Before, After claims.Kind
	// The figure the data gives, before and after: known values only
	// (the verdict's Lower).
	FigureBefore   float64
	FigureAfter    float64
	VerdictChanges bool
}

// ReviewContext is the review card of one pair.
type ReviewContext struct {
	A, B    ReviewSide
	Score   float64
	Reasons []string // why the score, from the matcher

	SharedTaxIDs    []string
	TaxIDsConflict  bool     // both sides have tax IDs and share none: two legal entities
	SharedCountries []string // countries both sides' rows name
	DatesOverlap    bool     // the two sides' date ranges overlap
	SameEntity      bool     // already in one entity (a merge would change nothing)

	// Claims lists the project's claims whose verdict or figure would
	// change if the pair merged; ClaimsChecked is false when they were
	// not worked out (no claims, or too many shipments to copy).
	Claims        []ClaimChange
	ClaimsChecked bool
}

// maxChapters is how many HS chapters a side lists.
const maxChapters = 3

// maxClaimShipments bounds the shipments copied to check claims as if
// the pair were merged: the copy costs about 250 bytes a shipment.
const maxClaimShipments = 200_000

// ReviewContext gathers what the user needs to decide pair p of
// Names.Review: tax IDs, countries, dates, HS chapters, rows and sources
// of each side, a few source rows (samples of them), what they share, and
// which claims would change if the two merged. It reads no file.
func (r *Result) ReviewContext(p match.Pair, samples int) ReviewContext {
	rc := ReviewContext{Score: p.Score, Reasons: p.Reasons}
	if r.Names == nil || p.A < 0 || p.B < 0 || p.A >= len(r.Names.Mentions) || p.B >= len(r.Names.Mentions) {
		return rc
	}
	rc.A = r.reviewSide(p.A, samples)
	rc.B = r.reviewSide(p.B, samples)
	rc.SharedTaxIDs = intersect(rc.A.TaxIDs, rc.B.TaxIDs)
	rc.TaxIDsConflict = len(rc.A.TaxIDs) > 0 && len(rc.B.TaxIDs) > 0 && len(rc.SharedTaxIDs) == 0
	rc.SharedCountries = intersect(countValues(rc.A.Countries), countValues(rc.B.Countries))
	rc.DatesOverlap = rc.A.First.Known() && rc.B.First.Known() &&
		!rc.A.Last.Time.Before(rc.B.First.Time) && !rc.B.Last.Time.Before(rc.A.First.Time)
	ea, eb := r.Names.EntityOf[p.A], r.Names.EntityOf[p.B]
	rc.SameEntity = ea == eb
	if !rc.SameEntity {
		rc.Claims, rc.ClaimsChecked = r.claimsIfMerged(ea, eb)
	}
	return rc
}

func (r *Result) reviewSide(m, samples int) ReviewSide {
	men := r.Names.Mentions[m]
	s := ReviewSide{Mention: m, Name: men.Name, Role: men.Role}
	e := r.Names.EntityOf[m]
	if e >= 0 && e < len(r.Names.Entities) {
		s.Entity, s.EntityName = r.Names.Entities[e].ID, r.Names.Entities[e].Canonical
	}
	ids := map[string]bool{}
	if men.TaxID != "" {
		ids[men.TaxID] = true
	}
	countries, chapters := map[string]int{}, map[string]int{}
	sources := map[string]bool{}
	mentionOf, entityOf := r.ConsigneeMention, r.ConsigneeEntity
	if men.Role == match.Shipper {
		mentionOf, entityOf = r.ShipperMention, r.ShipperEntity
	}
	for i := range r.Records {
		if i < len(entityOf) && e >= 0 && int(entityOf[i]) == e {
			s.EntityRows++
		}
		if i >= len(mentionOf) || int(mentionOf[i]) != m {
			continue
		}
		rec := &r.Records[i]
		s.Rows++
		party := rec.Consignee
		trade := []string{rec.OriginCountry, rec.DispatchCountry}
		if men.Role == match.Shipper {
			party = rec.Shipper
			trade = []string{rec.DestinationCountry}
		}
		if party.TaxID != "" {
			ids[party.TaxID] = true
		}
		seen := map[string]bool{}
		for _, c := range append([]string{party.Country}, trade...) {
			if c != "" && !seen[c] {
				seen[c] = true
				countries[c]++
			}
		}
		if len(rec.HSCode) >= 2 {
			chapters[rec.HSCode[:2]]++
		}
		if rec.Date.Known() {
			if !s.First.Known() || rec.Date.Time.Before(s.First.Time) {
				s.First = rec.Date
			}
			if !s.Last.Known() || rec.Date.Time.After(s.Last.Time) {
				s.Last = rec.Date
			}
		}
		sources[filepath.Base(rec.Source.File)] = true
		if len(s.SampleRows) < samples {
			s.SampleRows = append(s.SampleRows, rec.Source)
		}
	}
	for id := range ids {
		s.TaxIDs = append(s.TaxIDs, id)
	}
	slices.Sort(s.TaxIDs)
	s.Countries = ranked(countries, 0)
	s.HSChapters = ranked(chapters, maxChapters)
	for f := range sources {
		s.Sources = append(s.Sources, f)
	}
	slices.Sort(s.Sources)
	return s
}

// claimsIfMerged checks the project's claims as they stand and as if
// entity eb were part of ea, and lists those whose verdict or figure
// differs.
func (r *Result) claimsIfMerged(ea, eb int) ([]ClaimChange, bool) {
	if len(r.Project.Claims) == 0 || r.Merge == nil || len(r.Merge.Shipments) > maxClaimShipments || ea < 0 || eb < 0 {
		return nil, false
	}
	before := r.CheckClaims()
	d := r.ClaimsData()
	// Only the entity indexes of the shipments and mentions change.
	ships := make([]merge.Shipment, len(d.Shipments))
	copy(ships, d.Shipments)
	for i := range ships {
		if int(ships[i].Consignee) == eb {
			ships[i].Consignee = int32(ea)
		}
		if int(ships[i].Shipper) == eb {
			ships[i].Shipper = int32(ea)
		}
	}
	names := *r.Names
	names.EntityOf = slices.Clone(r.Names.EntityOf)
	for i, e := range names.EntityOf {
		if e == eb {
			names.EntityOf[i] = ea
		}
	}
	d.Shipments, d.Names = ships, &names
	after := claims.CheckAll(d, r.Project.Claims)
	var out []ClaimChange
	for i := range before {
		if i >= len(after) {
			break
		}
		b, a := before[i], after[i]
		if b.Kind == a.Kind && b.Lower == a.Lower && b.Upper == a.Upper {
			continue
		}
		c := r.Project.Claims[i]
		out = append(out, ClaimChange{ClaimID: c.ID, Text: c.Text, Before: b.Kind, After: a.Kind,
			FigureBefore: b.Lower, FigureAfter: a.Lower, VerdictChanges: b.Kind != a.Kind})
	}
	return out, true
}

// ranked turns counts into a list, most rows first, then by value; at
// most limit entries when limit > 0.
func ranked(m map[string]int, limit int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{v, n})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if c := cmp.Compare(b.Rows, a.Rows); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func countValues(cs []Count) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	slices.Sort(out)
	return out
}

// intersect returns the values in both sorted lists, sorted.
func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}
