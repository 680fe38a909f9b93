package pipeline

import (
	"context"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/workbook"
)

// The claims engine fills the Claims sheet of every workbook written
// from the project's claims.
func init() {
	ClaimsHook = func(r *Result) workbook.ClaimsHook {
		if r == nil || len(r.Project.Claims) == 0 {
			return nil
		}
		return &claims.Sheet{Verdicts: r.CheckClaims()}
	}
}

// ClaimsData is the view of the result that claim checks read: the
// reconciled shipments, their records, the entities and every source
// sheet's date range. It shares the result's slices; do not modify them.
func (r *Result) ClaimsData() *claims.Data {
	d := &claims.Data{Records: r.Records, Names: r.Names}
	if r.Merge != nil {
		d.Shipments = r.Merge.Shipments
	}
	if r.Screening != nil {
		d.Listed = r.Labels().Listed
		d.Listing = r.listings()
	}
	d.ConsigneeOf, d.ShipperOf = r.ConsigneeEntity, r.ShipperEntity
	if r.Goods != nil {
		d.GoodsLists = r.Goods.Lists
	}
	d.DoubleCount = r.doubleCount()
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		for _, s := range f.Sheets {
			if s.NoTable || s.Rows == 0 {
				continue
			}
			c := claims.Coverage{Source: claims.SourceName(f.Path, s.Sheet), From: s.DateFrom, To: s.DateTo}
			for _, sk := range s.Skips {
				if sk.Reason == reconcile.SkipBanner {
					if from, to, ok := claims.StatedPeriod(sk.Detail); ok {
						c.StatedFrom, c.StatedTo = from, to
						break
					}
				}
			}
			if c.From.Known() || c.StatedFrom.Known() {
				d.Sources = append(d.Sources, c)
			}
		}
	}
	return d
}

// listings gives claims what screening found about each entity: listed
// (with the earliest listing date of its counting hits), or a hit pending
// review with its best score.
func (r *Result) listings() func(e int32) claims.Listing {
	if r.Names == nil {
		return nil
	}
	at := make(map[string]int, len(r.Names.Entities))
	for i, e := range r.Names.Entities {
		at[e.ID] = i
	}
	ls := make([]claims.Listing, len(r.Names.Entities))
	for _, h := range r.Screening.Hits {
		i, ok := at[h.Key]
		if !ok {
			continue
		}
		l := &ls[i]
		since := h.Listed
		if len(since) > 10 {
			since = since[:10]
		}
		switch {
		case h.Status.Counts():
			if !l.Listed || since != "" && (l.Since == "" || since < l.Since) {
				l.Since = since
				l.Name = h.Primary
			}
			l.Listed, l.Pending = true, false
		case h.Status == screen.StatusReview && !l.Listed && h.Score > l.Score:
			l.Pending, l.Score, l.Name = true, h.Score, h.Primary
		}
	}
	return func(e int32) claims.Listing {
		if e < 0 || int(e) >= len(ls) {
			return claims.Listing{}
		}
		return ls[e]
	}
}

// CheckClaims checks every claim of the project against this result, in
// order. It reads no file, so the app can call it after every Recluster.
func (r *Result) CheckClaims() []claims.Verdict {
	return claims.CheckAll(r.ClaimsData(), r.Project.Claims)
}

// ClaimsInSources reads the Claims sheet of every source workbook that
// has one, so claims typed into an input workbook are checked without a
// separate file. Rows that cannot be read come back as positioned errors.
func ClaimsInSources(ctx context.Context, p *Project) ([]claims.Claim, []error) {
	var paths, passwords []string
	for _, s := range p.Sources {
		if claims.HasSheet(s.Path) {
			paths, passwords = append(paths, s.Path), append(passwords, s.Password)
		}
	}
	return readClaims(ctx, paths, passwords)
}

// ClaimsFromFiles reads the claims of every file (a claims CSV, or a
// workbook with a Claims sheet), for claims tables given among the
// inputs of the CLI. IDs taken by an earlier file get a suffix.
func ClaimsFromFiles(ctx context.Context, paths []string) ([]claims.Claim, []error) {
	return readClaims(ctx, paths, make([]string, len(paths)))
}

func readClaims(ctx context.Context, paths, passwords []string) ([]claims.Claim, []error) {
	var out []claims.Claim
	var errs []error
	for i, path := range paths {
		cs, es := claims.ReadSheet(ctx, path, passwords[i])
		out = AppendClaims(out, cs)
		errs = append(errs, es...)
	}
	return out, errs
}

// AppendClaims adds more to cs. Two files both number their claims C1,
// C2 …: every claim is kept, and one whose ID is taken gets the next
// free suffix (C1-2).
func AppendClaims(cs, more []claims.Claim) []claims.Claim {
	taken := map[string]bool{}
	for _, c := range cs {
		taken[strings.ToLower(c.ID)] = true
	}
	for _, c := range more {
		id := c.ID
		for n := 2; taken[strings.ToLower(c.ID)]; n++ {
			c.ID = id + "-" + strconv.Itoa(n)
		}
		taken[strings.ToLower(c.ID)] = true
		cs = append(cs, c)
	}
	return cs
}

// WithClaims returns a shallow copy of the result whose project holds cs,
// for when the user edits claims without re-running anything: its
// CheckClaims and the Claims sheet of WriteWorkbook use cs.
func (r *Result) WithClaims(cs []claims.Claim) *Result {
	c := *r
	c.Project.Claims = append([]claims.Claim(nil), cs...)
	return &c
}
