package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/workbook"
)

// OpenExported reads an audit workbook that Tradecheck wrote, possibly
// edited in Excel, back into a Project: sources with their SHA-256,
// citations, granularity and mappings; params; rates; and decisions — the
// recorded log plus new ones derived from edits to the Entities sheet
// (a changed Entity ID moves or splits a name; Decision "confirmed" or
// "not same"). Run the returned project to reproduce or update the run.
// progress (may be nil) gets StageOpen with the rows read so far; when ctx
// is cancelled it stops within about a thousand rows with ctx's error.
func OpenExported(ctx context.Context, path string, progress func(Progress)) (*Project, error) {
	ex, err := workbook.Read(ctx, path, func(done, total int) {
		report(progress, Progress{Stage: StageOpen, File: path, Done: done, Total: total})
	})
	if err != nil {
		return nil, err
	}
	p := NewProject()
	applyParams(&p.Params, ex.Params)
	byPath := map[string]int{}
	for _, s := range ex.Sources {
		if s.Path == "" {
			continue
		}
		i, ok := byPath[s.Path]
		if !ok {
			i = len(p.Sources)
			byPath[s.Path] = i
			p.Sources = append(p.Sources, SourceSpec{Path: locate(s.Path, path), SHA256: s.SHA256,
				Citation: Citation{Vendor: s.Vendor, Retrieved: s.Retrieved, Note: s.Note}})
		}
		spec := &p.Sources[i]
		if s.Granularity != "" {
			if spec.Granularity == nil {
				spec.Granularity = map[string]reconcile.Granularity{}
			}
			spec.Granularity[s.Sheet] = reconcile.Granularity(s.Granularity)
		}
		if s.UserFlow != "" {
			flow, cc, err := parseUserFlow(s.UserFlow)
			if err != nil {
				return nil, &reconcile.Error{File: path, Sheet: workbook.SheetSources, Err: err,
					Hint: "the " + workbook.UserFlowHeader + " cell of " + s.File + " was changed; write export:CC, import or clear it"}
			}
			if flow != "" {
				if spec.Flow == nil {
					spec.Flow = map[string]string{}
				}
				spec.Flow[s.Sheet] = flow
			}
			if cc != "" {
				spec.DeclaringCountry = cc
			}
		}
		if s.UserMapping != "" {
			var ovs []ColumnOverride
			if err := json.Unmarshal([]byte(s.UserMapping), &ovs); err != nil {
				return nil, &reconcile.Error{File: path, Sheet: workbook.SheetSources, Err: err, Hint: "the User mapping cell of " + s.File + " was changed; clear it or export again"}
			}
			for _, o := range ovs {
				if !slices.Contains(spec.Mapping, o) { // an all-sheets override is listed on each sheet
					spec.Mapping = append(spec.Mapping, o)
				}
			}
		}
	}
	p.Rates = ex.Rates
	p.ScreenDecisions = ex.ScreenDecisions
	p.Lists = splitParam(ex.Params[paramLists])
	p.GoodsLists = splitParam(ex.Params[paramGoodsLists])
	for i, l := range p.Lists {
		p.Lists[i] = locate(l, path)
	}
	for i, l := range p.GoodsLists {
		p.GoodsLists[i] = locate(l, path)
	}
	p.Decisions = append(append([]match.Decision{}, ex.Decisions...), ex.Edits...)
	p.ShipmentDecisions = append([]merge.Decision{}, ex.ShipmentDecisions...)
	have := map[string]bool{}
	for _, d := range p.ShipmentDecisions {
		if d.Op == merge.OpExclude {
			have[d.Row] = true
		}
	}
	for _, d := range ex.Exclusions {
		if !have[d.Row] {
			p.ShipmentDecisions = append(p.ShipmentDecisions, d)
		}
	}
	p.ShipmentDecisions = append(p.ShipmentDecisions, ex.ShipmentEdits...)
	p.Unapplied = append([]string(nil), ex.Unapplied...)
	// Claims are part of the project: each claim row of the audit
	// workbook carries the claim as JSON. A workbook exported without
	// claims has none to restore; a claim cell edited out of shape is a
	// positioned error rather than a claim silently dropped.
	cs, errs := ReadClaims(ctx, path, "")
	for _, err := range errs {
		if !errors.Is(err, reconcile.ErrNoTable) {
			return nil, err
		}
	}
	p.Claims = cs
	return p, nil
}

// locate finds a source that moved together with the workbook: the path
// as recorded, else the same file name beside the workbook.
func locate(recorded, workbookPath string) string {
	if _, err := os.Stat(recorded); err == nil {
		return recorded
	}
	alt := filepath.Join(filepath.Dir(workbookPath), filepath.Base(recorded))
	if _, err := os.Stat(alt); err == nil {
		return alt
	}
	return recorded
}

// applyParams reads the Method sheet's parameters over p; unknown or
// unparsable values keep the default.
func applyParams(p *Params, m map[string]string) {
	if v := m[paramWeight]; v == totals.WeightNet || v == totals.WeightGross {
		p.Weight = v
	}
	if v, err := strconv.Atoi(m[paramDateTol]); err == nil && v >= 0 {
		p.DateToleranceDays = v
	}
	f := func(k string, dst *float64) {
		if v, err := strconv.ParseFloat(m[k], 64); err == nil && v >= 0 {
			*dst = v
		}
	}
	f(paramWeightTol, &p.WeightTolerancePct)
	f(paramBand, &p.PackagingBandPct)
	for k, dst := range map[string]*int{paramBLBefore: &p.BLDaysBefore, paramBLAfter: &p.BLDaysAfter, paramExpBefore: &p.ExportDaysBefore, paramExpAfter: &p.ExportDaysAfter} {
		if v, err := strconv.Atoi(m[k]); err == nil && v >= 0 {
			*dst = v
		}
	}
	f(paramAuto, &p.AutoThreshold)
	f(paramReview, &p.ReviewThreshold)
	f(paramScreenThr, &p.ScreenThreshold)
	f(paramScreenRev, &p.ScreenReviewThreshold)
	if v := strings.TrimSpace(m[paramPreference]); v != "" {
		for _, s := range strings.Split(v, " | ") {
			if s = strings.TrimSpace(s); s != "" {
				p.SourcePreference = append(p.SourcePreference, s)
			}
		}
	}
}

// splitParam reads a " | "-joined Method parameter back.
func splitParam(v string) []string {
	var out []string
	for _, s := range strings.Split(v, " | ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
