package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/claims"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/screen"
	"tradecheck/reconcile/workbook"
)

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
	if r.Dupes != nil {
		d.Dupes = r.Dupes.Pairs
	}
	for _, f := range r.Files {
		if f.Err != nil {
			continue
		}
		var sheets []claims.Coverage
		for _, s := range f.Sheets {
			if s.NoTable || s.Rows == 0 {
				continue
			}
			for _, t := range s.Totals {
				if !t.Matches {
					if d.TotalsBad == nil {
						d.TotalsBad = map[string]string{}
					}
					d.TotalsBad[claims.SourceName(f.Path, s.Sheet)] = t.String()
					break
				}
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
				sheets = append(sheets, c)
			}
		}
		d.Sources = append(d.Sources, fileCoverage(f.Path, sheets)...)
	}
	return d
}

// fileCoverage judges a file's coverage as a whole, as if its sheets
// were one: a register split by quarter over four sheets covers the year
// as the same rows on one sheet do (coverage is judged by the months a
// source's rows run from and to). The name keeps the sheets.
func fileCoverage(path string, sheets []claims.Coverage) []claims.Coverage {
	if len(sheets) < 2 {
		return sheets
	}
	var from, to time.Time
	var names []string
	for _, c := range sheets {
		f, t, ok := c.Span()
		if !ok {
			continue
		}
		if len(names) == 0 || f.Before(from) {
			from = f
		}
		if len(names) == 0 || t.After(to) {
			to = t
		}
		_, sheet, _ := strings.Cut(c.Source, "!")
		names = append(names, sheet)
	}
	if len(names) < 2 {
		return sheets
	}
	return []claims.Coverage{{Source: fmt.Sprintf("%s (sheets %s)", filepath.Base(path), strings.Join(names, ", ")),
		From: reconcile.Date{Time: from, Precision: reconcile.PrecisionDay},
		To:   reconcile.Date{Time: to, Precision: reconcile.PrecisionDay}}}
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

// CheckClaimsContext is CheckClaims that reports progress (StageClaims:
// claims done of all) and stops with ctx's error when ctx is cancelled.
func (r *Result) CheckClaimsContext(ctx context.Context, progress func(Progress)) ([]claims.Verdict, error) {
	return claims.NewChecker(r.ClaimsData()).CheckAll(ctx, r.Project.Claims, func(done, total int) {
		report(progress, Progress{Stage: StageClaims, Done: done, Total: total})
	})
}

// ClaimsInSources reads the Claims sheet of every source workbook that
// has one, so claims typed into an input workbook are checked without a
// separate file. Rows that cannot be read come back as positioned errors.
func ClaimsInSources(ctx context.Context, p *Project) ([]claims.Claim, []error) {
	var out []claims.Claim
	var errs []error
	for _, sc := range ClaimsBySource(ctx, p.Sources) {
		out = AppendClaims(out, sc.Claims)
		errs = append(errs, sc.Errs...)
	}
	return out, errs
}

// SourceClaims are the claims read from one source's Claims sheet.
type SourceClaims struct {
	Path   string
	Claims []claims.Claim
	Errs   []error // rows that could not be read, positioned
}

// ClaimsBySource reads the Claims sheet of each source workbook that has
// one (with its password), source by source, so the app can add each
// file's claims and say how many it added. Sources without a Claims sheet
// are left out. It stops at the first source after ctx is cancelled.
func ClaimsBySource(ctx context.Context, sources []SourceSpec) []SourceClaims {
	var out []SourceClaims
	for _, s := range sources {
		if ctx.Err() != nil {
			break
		}
		if !HasClaimsSheet(s.Path) {
			continue
		}
		cs, errs := ReadClaims(ctx, s.Path, s.Password)
		out = append(out, SourceClaims{Path: s.Path, Claims: cs, Errs: errs})
	}
	return out
}

// ClaimsFromFiles reads the claims of every file (a claims CSV, or a
// workbook with a Claims sheet), for claims tables given among the
// inputs of the CLI. IDs taken by an earlier file get a suffix.
func ClaimsFromFiles(ctx context.Context, paths []string) ([]claims.Claim, []error) {
	var out []claims.Claim
	var errs []error
	for _, path := range paths {
		cs, es := ReadClaims(ctx, path, "")
		out = AppendClaims(out, cs)
		errs = append(errs, es...)
	}
	return out, errs
}

// ReadClaims reads the claims of the file at path, told apart by
// content: a claims CSV, the Claims sheet of a workbook (the sheet name
// is matched case-insensitively; cells are read as the engine's reader
// reads them: dates come as ISO 8601 and numbers as typed), or the claims
// an audit workbook was written with. A workbook without a Claims sheet
// is an error wrapping reconcile.ErrNoTable.
func ReadClaims(ctx context.Context, path, password string) ([]claims.Claim, []error) {
	wb, err := read.Open(path, read.Options{Password: password})
	if errors.Is(err, reconcile.ErrOwnOutput) {
		return workbook.ReadClaims(path, password)
	}
	if err != nil {
		return nil, []error{err}
	}
	sheet := ""
	var names []string
	for _, s := range wb.Sheets() {
		names = append(names, s)
		if strings.EqualFold(strings.TrimSpace(s), claims.SheetName) && sheet == "" {
			sheet = s
		}
	}
	format := wb.Format()
	wb.Close()
	if format == "csv" {
		f, err := os.Open(path)
		if err != nil {
			return nil, []error{&reconcile.Error{File: path, Err: err, Hint: "check that the file can be read"}}
		}
		defer f.Close()
		return claims.ReadCSV(f, path)
	}
	if sheet == "" {
		return nil, []error{&reconcile.Error{File: path, Err: fmt.Errorf("%w: no sheet named %s", reconcile.ErrNoTable, claims.SheetName),
			Hint: "add a sheet named Claims (its sheets are " + strings.Join(names, ", ") + "); " + claims.ColumnsHint}}
	}
	t := claims.NewTable(path, sheet)
	err = read.EachRow(ctx, path, sheet, read.Options{Password: password}, func(row int, cells []string) error {
		t.Row(row, cells)
		return nil
	})
	if err != nil {
		t.ReadError(err)
	}
	return t.Done()
}

// HasClaimsSheet reports whether the workbook at path has a Claims sheet;
// it is false for CSV files and for files that cannot be opened.
func HasClaimsSheet(path string) bool {
	wb, err := read.Open(path, read.Options{})
	if err != nil {
		return false
	}
	defer wb.Close()
	for _, s := range wb.Sheets() {
		if strings.EqualFold(strings.TrimSpace(s), claims.SheetName) {
			return true
		}
	}
	return false
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
