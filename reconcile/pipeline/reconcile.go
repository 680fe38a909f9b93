package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/totals"
)

// sheetIndex flattens (file, sheet) to the merge source index.
func (r *Result) sheetIndex() (map[SheetRef]int32, []merge.Source) {
	idx := map[SheetRef]int32{}
	var srcs []merge.Source
	pref := r.Project.Params.SourcePreference
	for fi, f := range r.Files {
		for si, s := range f.Sheets {
			name := filepath.Base(f.Path)
			if s.Sheet != "" {
				name += "!" + s.Sheet
			}
			rank := len(pref)
			for k, p := range pref {
				if p == f.Path || p == filepath.Base(f.Path) || p == name || fileIdentity(p) == fileIdentity(f.Path) {
					rank = k
					break
				}
			}
			gran := reconcile.GranularityShipment
			if s.Granularity == reconcile.GranularityMonthly {
				gran = reconcile.GranularityMonthly
			}
			idx[SheetRef{int32(fi), int32(si)}] = int32(len(srcs))
			srcs = append(srcs, merge.Source{Name: name, Granularity: gran, Rank: rank, Key: f.SHA256 + "!" + s.Sheet, Flow: s.Flow})
		}
	}
	return idx, srcs
}

// reconcile merges the records into shipments and applies the measures.
func (r *Result) reconcile(ctx context.Context, progress func(Progress)) error {
	idx, srcs := r.sheetIndex()
	in := r.mergeInput(idx, srcs)
	ds := r.shipmentDecisions()
	if err := r.merge(ctx, in, ds, progress); err != nil {
		return err
	}
	return r.findDupes(ctx, in, mergeOptions(r.Project.Params), ds)
}

// mergeInput is the merge's view of r's records.
func (r *Result) mergeInput(idx map[SheetRef]int32, srcs []merge.Source) merge.Input {
	srcOf := make([]int32, len(r.Records))
	for i, ref := range r.RecSheet {
		srcOf[i] = idx[ref]
	}
	return merge.Input{Records: r.Records, SourceOf: srcOf, Sources: srcs, Consignee: r.ConsigneeEntity, Shipper: r.ShipperEntity,
		Related: relatedEntities(r.Names)}
}

// merge reconciles in (r's records) into r.Merge with the measures applied.
func (r *Result) merge(ctx context.Context, in merge.Input, ds []merge.Decision, progress func(Progress)) error {
	p := r.Project.Params
	if un := r.unidentifiedDecisions(); len(un) > 0 {
		// Rows with figures but nothing to say what they are stay out
		// until the user includes them: their decisions come first, so a
		// user's include (later in ds) wins.
		ds = append(un, ds...)
	}
	opt := mergeOptions(p)
	opt.ToUSD = totals.NewRates(r.Project.Rates).ToUSD
	m, err := merge.Reconcile(ctx, in, opt, ds, func(done, total int) { report(progress, Progress{Stage: StageMerge, Done: done, Total: total}) })
	if err != nil {
		return err
	}
	m.Discrepancies = append(m.Discrepancies, totals.Apply(m.Shipments, r.Records, p.Weight, r.Project.Rates)...)
	goodsChecks(m)
	// Appending left up to half the slice unused; a million rows can have
	// hundreds of thousands of discrepancies, and the result lives on.
	m.Discrepancies = slices.Clone(m.Discrepancies)
	r.Merge = m
	return nil
}

// mergeOptions turns params into the merge options, with the measured
// defaults where a param is 0 (projects saved before it existed).
func mergeOptions(p Params) merge.Options {
	o := merge.DefaultOptions()
	o.DateToleranceDays, o.WeightTolerancePct = p.DateToleranceDays, p.WeightTolerancePct
	if p.BLDaysBefore > 0 {
		o.BLDaysBefore = p.BLDaysBefore
	}
	if p.BLDaysAfter > 0 {
		o.BLDaysAfter = p.BLDaysAfter
	}
	if p.PackagingBandPct > 0 {
		o.PackagingBandPct = p.PackagingBandPct
	}
	if p.ExportDaysBefore > 0 {
		o.ExportDaysBefore = p.ExportDaysBefore
	}
	if p.ExportDaysAfter > 0 {
		o.ExportDaysAfter = p.ExportDaysAfter
	}
	return o
}

// Recluster applies p's decisions, params and rates to the records already
// read, without reading files again, and returns a new Result. Use it when
// the user confirms, splits or merges names, changes thresholds, tolerances,
// weight basis, source preference or rates. Changes to Sources or Mapping
// need Run.
func (r *Result) Recluster(ctx context.Context, p *Project, progress func(Progress)) (_ *Result, err error) {
	nr := &Result{
		Project: cloneProject(p), Files: r.Files, Records: r.Records, RecSheet: r.RecSheet,
		ConsigneeMention: r.ConsigneeMention, ShipperMention: r.ShipperMention,
		Names: &match.Result{Mentions: r.Names.Mentions}, Started: time.Now(),
	}
	// SHA-256s come from the files actually read.
	for i := range nr.Project.Sources {
		if i < len(r.Files) {
			nr.Project.Sources[i].SHA256 = r.Files[i].SHA256
		}
	}
	if err := nr.cluster(ctx, progress); err != nil {
		return nil, err
	}
	// Lists and goods lists are read again only when the project's
	// changed.
	switch s := r.Screening; {
	case s != nil && slices.Equal(r.Project.Lists, nr.Project.Lists) && sameScreening(r.Project, nr.Project):
		// Same names, lists, decisions and thresholds: the hits are the
		// same; only the entities they belong to may have changed.
		nr.Screening = s.rekey(nr.Names)
	case s != nil && slices.Equal(r.Project.Lists, nr.Project.Lists):
		err = nr.screenParties(ctx, s.idx, s.Lists, s.Errors)
	default:
		err = nr.screenParties(ctx, nil, nil, nil)
	}
	if err != nil {
		return nil, err
	}
	nr.Goods = r.Goods
	if nr.Goods == nil || !slices.Equal(r.Project.GoodsLists, nr.Project.GoodsLists) {
		nr.Goods = readGoods(nr.Project.GoodsLists)
	}
	if err := nr.reconcile(ctx, progress); err != nil {
		return nil, err
	}
	nr.Finished = time.Now()
	return nr, nil
}
