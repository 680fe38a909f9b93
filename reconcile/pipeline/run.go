package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/match"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
)

func report(progress func(Progress), p Progress) {
	if progress != nil {
		progress(p)
	}
}

// Run reads every source, clusters names and reconciles shipments. A file
// that cannot be read keeps its error in Result.Files and the others go on;
// Run itself fails only on cancellation or an internal error. progress may
// be nil.
func Run(ctx context.Context, p *Project, progress func(Progress)) (*Result, error) {
	if p == nil {
		return nil, errors.New("pipeline: nil project")
	}
	res := &Result{Project: cloneProject(p), Started: time.Now()}
	var mu sync.Mutex // progress is called one report at a time
	prog := func(pr Progress) {
		if progress != nil {
			mu.Lock()
			progress(pr)
			mu.Unlock()
		}
	}
	// Files are read in parallel (one per core); each keeps its own
	// record chunks, concatenated in source order afterwards.
	type fileRead struct {
		sheets []read.SheetResult
		store  chunks
		sha    string
		err    error
		dup    int // index of the earlier identical source, or -1
	}
	srcs := res.Project.Sources
	reads := make([]fileRead, len(srcs))
	dups := duplicateSources(srcs)
	for i := range reads {
		reads[i].dup = dups[i]
	}
	eachSource(dups, func(i int) {
		fr, spec := &reads[i], &srcs[i]
		if ctx.Err() != nil {
			fr.err = reconcile.ErrCanceled
			return
		}
		sha, err := sourceSHA(spec)
		if err != nil {
			fr.err = err
			return
		}
		var in interner
		add := func(_ int, _ string, rec *reconcile.Record) error {
			in.record(rec)
			fr.store.add(*rec)
			return nil
		}
		opt := ratedReadOptions(spec, res.Project.Rates)
		opt.Converting = func() { prog(Progress{Stage: StageConvert, File: spec.Path}) }
		fr.sheets, fr.err = readFile(ctx, spec.Path, opt, add, func(rows int) {
			prog(Progress{Stage: StageRead, File: spec.Path, Done: rows})
		})
		fr.sha = sha
	})
	if ctx.Err() != nil {
		return nil, reconcile.ErrCanceled
	}
	total := 0
	for i := range reads {
		if reads[i].err == nil && reads[i].dup < 0 {
			total += reads[i].store.n
		}
	}
	res.Records = make([]reconcile.Record, 0, total)
	res.RecSheet = make([]SheetRef, 0, total)
	var stores []placed
	for i := range srcs {
		spec, rd := &srcs[i], &reads[i]
		if rd.dup < 0 && errors.Is(rd.err, reconcile.ErrCanceled) {
			return nil, reconcile.ErrCanceled
		}
		fr := newFileResult(srcs, i, rd.dup, rd.err)
		if fr.Err == nil {
			base := len(res.Records)
			fr.SHA256, spec.SHA256 = rd.sha, rd.sha
			for si := range rd.sheets {
				rd.sheets[si].First += base
			}
			applySpec(spec, rd.sheets)
			fr.Sheets = rd.sheets
			// Room for the file's records; copyChunks fills it below.
			res.Records = res.Records[:base+rd.store.n]
			stores = append(stores, placed{rd.store, base})
			for si, sh := range rd.sheets {
				ref := SheetRef{int32(len(res.Files)), int32(si)}
				for k := 0; k < sh.Rows; k++ {
					res.RecSheet = append(res.RecSheet, ref)
				}
			}
		}
		res.Files = append(res.Files, fr)
		reads[i] = fileRead{}
	}
	copyChunks(res.Records, stores)
	stores = nil
	for fi := range res.Files {
		for si := range res.Files[fi].Sheets {
			sr := &res.Files[fi].Sheets[si]
			finishSheet(&res.Project.Sources[fi], sr, res.Records[sr.First:sr.First+sr.Rows])
		}
	}
	if err := res.cluster(ctx, progress); err != nil {
		return nil, err
	}
	if err := res.screenParties(ctx, nil, nil, nil); err != nil {
		return nil, err
	}
	res.Goods = readGoods(res.Project.GoodsLists)
	if err := res.reconcile(ctx, progress); err != nil {
		return nil, err
	}
	res.Finished = time.Now()
	return res, nil
}

func fileIdentity(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return r
		}
		return abs
	}
	return path
}

func cloneProject(p *Project) Project {
	c := *p
	c.Sources = append([]SourceSpec(nil), p.Sources...)
	c.Decisions = append([]match.Decision(nil), p.Decisions...)
	c.ShipmentDecisions = append([]merge.Decision(nil), p.ShipmentDecisions...)
	c.Rates = append([]totals.Rate(nil), p.Rates...)
	c.Claims = append(c.Claims[:0:0], p.Claims...)
	c.Lists = append([]string(nil), p.Lists...)
	c.GoodsLists = append([]string(nil), p.GoodsLists...)
	c.ScreenDecisions = append(c.ScreenDecisions[:0:0], p.ScreenDecisions...)
	c.Params.SourcePreference = append([]string(nil), p.Params.SourcePreference...)
	if c.Params.Weight == "" {
		c.Params.Weight = totals.WeightNet
	}
	return c
}

// RateLabels are the currencies of rates that are not ISO 4217 codes:
// labels as a file writes them ("у.е."), which the reader then keeps as
// the values' currency so that the rate applies.
func RateLabels(rates []totals.Rate) []string {
	var out []string
	for _, r := range rates {
		if c, ok := values.Currency(r.Currency); !ok || c != r.Currency {
			out = append(out, r.Currency)
		}
	}
	return out
}

// ratedReadOptions is readOptions with the user's rates: a currency
// label the user gave a rate for ("YTL") is read as that label, not
// flagged unknown. Run and Stream both read so, or the streamed run
// would leave out values the in-memory run converts.
func ratedReadOptions(spec *SourceSpec, rates []totals.Rate) read.Options {
	opt := readOptions(spec)
	opt.CurrencyLabels = RateLabels(rates)
	for _, r := range rates {
		opt.RateCurrencies = append(opt.RateCurrencies, r.Currency)
	}
	return opt
}

func readOptions(spec *SourceSpec) read.Options {
	opt := read.Options{Password: spec.Password, Flow: spec.Flow}
	for _, o := range spec.Mapping {
		if o.Column < 0 {
			sheetSetting(&opt, o)
			continue
		}
		ov := o.ColumnOverride
		if o.Sheet == "" { // every sheet (a CSV's only sheet is "")
			if opt.Mapping == nil {
				opt.Mapping = map[int]read.ColumnOverride{}
			}
			opt.Mapping[o.Column] = joinOverride(opt.Mapping[o.Column], ov)
			continue
		}
		if opt.SheetMapping == nil {
			opt.SheetMapping = map[string]map[int]read.ColumnOverride{}
		}
		m := opt.SheetMapping[o.Sheet]
		if m == nil {
			m = map[int]read.ColumnOverride{}
			opt.SheetMapping[o.Sheet] = m
		}
		m[o.Column] = joinOverride(m[o.Column], ov)
	}
	return opt
}

// joinOverride adds a later override of a column to an earlier one: a
// field from --map and a unit from --unit both apply; of two settings of
// one kind the later wins.
func joinOverride(a, b read.ColumnOverride) read.ColumnOverride {
	if b.Field != "" || b.Ignore {
		a.Field, a.Ignore = b.Field, b.Ignore
	}
	if b.Unit != "" {
		a.Unit = b.Unit
	}
	if b.Currency != "" {
		a.Currency = b.Currency
	}
	if b.Decimal != "" {
		a.Decimal = b.Decimal
	}
	return a
}

func granularity(spec *SourceSpec, sheet string, g reconcile.Granularity) reconcile.Granularity {
	if g := spec.Granularity[sheet]; g != reconcile.GranularityAuto {
		return g
	}
	if g := spec.Granularity[""]; g != reconcile.GranularityAuto {
		return g
	}
	if g == reconcile.GranularityMonthly {
		return reconcile.GranularityMonthly
	}
	return reconcile.GranularityShipment
}

// applySpec adds to sheets what the project makes of them: the
// granularity and flow the user set, and the sheet's error as a status.
func applySpec(spec *SourceSpec, sheets []SheetResult) {
	for i := range sheets {
		sr := &sheets[i]
		sr.Granularity = granularity(spec, sr.Sheet, sr.Granularity)
		sr.Flow, sr.FlowWhy, sr.Country = sheetFlow(spec, sr.Sheet, sr.Stated)
		if sr.Flow == reconcile.FlowExport && sr.Country == "" {
			// An export register whose banner (or the user) fixes the
			// dispatch country ("Çıkış Ülkesi: Türkiye") names the
			// declaring country that way.
			for _, c := range sr.Constants {
				if c.Field == reconcile.FieldDispatchCountry && c.Value != "" {
					sr.Country = c.Value
					sr.FlowWhy += "; declared in " + c.Value + " (" + c.From + ")"
				}
			}
		}
		if sr.Err != nil {
			switch {
			case errors.Is(sr.Err, reconcile.ErrNoTable):
				sr.NoTable = true
				sr.Status = sheetStatus(sr.Err)
			case errors.Is(sr.Err, reconcile.ErrNeedsMapping):
				sr.NeedsMapping = true
				sr.Status = sheetStatus(sr.Err)
			}
			sr.Warnings = append(sr.Warnings, reconcile.Note{Text: sr.Err.Error(), Step: reconcile.StepOf(sr.Err)})
		}
	}
}

// sheetStats is what finishSheet needs from a sheet's records, gathered
// one record at a time (the bounded-memory path never holds a sheet).
type sheetStats struct {
	lastRow          int
	from, to         reconcile.Date
	day, month, decl int
	// rows without a dispatch or origin country, for export registers
	noDispatch, noOrigin int
	// rows without a destination, by dispatch country, for import
	// declarations (importCountries)
	noDest map[string]int
}

func (st *sheetStats) add(rec *reconcile.Record) {
	st.lastRow = max(st.lastRow, rec.Source.Row)
	if rec.Date.Known() {
		if !st.from.Known() || rec.Date.Time.Before(st.from.Time) {
			st.from = rec.Date
		}
		if !st.to.Known() || rec.Date.Time.After(st.to.Time) {
			st.to = rec.Date
		}
	}
	switch rec.Date.Precision {
	case reconcile.PrecisionDay:
		st.day++
	case reconcile.PrecisionMonth:
		st.month++
	}
	if rec.DeclarationID != "" {
		st.decl++
	}
	if rec.DispatchCountry == "" {
		st.noDispatch++
	}
	if rec.OriginCountry == "" {
		st.noOrigin++
	}
	if rec.DestinationCountry == "" {
		if st.noDest == nil {
			st.noDest = map[string]int{}
		}
		st.noDest[rec.DispatchCountry]++
	}
}

// finishSheet computes the date range and last row, and checks the
// granularity against the dates.
func finishSheet(spec *SourceSpec, sr *SheetResult, recs []reconcile.Record) {
	var st sheetStats
	for k := range recs {
		st.add(&recs[k])
	}
	finishSheetStats(spec, sr, &st)
	for k := range recs {
		fillDeclaredCountry(sr, &recs[k])
	}
}

func finishSheetStats(spec *SourceSpec, sr *SheetResult, st *sheetStats) {
	sr.TotalRows = max(sr.HeaderRow, st.lastRow)
	sr.DateFrom, sr.DateTo = st.from, st.to
	for _, sk := range sr.Skips {
		sr.TotalRows = max(sr.TotalRows, sk.Row)
	}
	if note := checkGranularity(spec, sr, st); note != "" {
		sr.Warnings = append(sr.Warnings, reconcile.Note{Text: note})
	}
	if note := declaredCountries(sr, st); note.Text != "" {
		sr.Warnings = append(sr.Warnings, note)
	}
	if note := importCountries(sr, st); note.Text != "" {
		sr.Warnings = append(sr.Warnings, note)
	}
}

// checkGranularity corrects a detected granularity the dates contradict:
// monthly aggregates carry month-only dates and no declaration numbers.
// A granularity the user set is never changed.
func checkGranularity(spec *SourceSpec, sr *SheetResult, st *sheetStats) string {
	if spec.Granularity[sr.Sheet] != "" || spec.Granularity[""] != "" {
		return ""
	}
	day, month, decl := st.day, st.month, st.decl
	switch {
	case sr.Granularity == reconcile.GranularityMonthly && day > month:
		sr.Granularity = reconcile.GranularityShipment
		return fmt.Sprintf("detected as monthly aggregates, but %d of %d dated rows carry a full date: treated as shipment-level (set the granularity to override)", day, day+month)
	case sr.Granularity == reconcile.GranularityShipment && month > 0 && day == 0 && decl == 0:
		sr.Granularity = reconcile.GranularityMonthly
		return "every date is a month without a day and there are no declaration numbers: treated as monthly aggregates (set the granularity to override)"
	}
	return ""
}

// mentionTable numbers the distinct names (with role and tax ID) in the
// order they first appear and counts their rows.
type mentionTable struct {
	idx map[string]int32
	ms  []match.Mention
}

// mention is p's mention in role, and whether it names anyone.
func mention(p reconcile.Party, role match.Role) (match.Mention, bool) {
	name := strings.TrimSpace(p.Name())
	if name == "" && p.TaxID == "" {
		return match.Mention{}, false
	}
	return match.Mention{Name: name, Role: role, TaxID: p.TaxID}, true
}

// add counts one row naming p in role and returns its mention index, -1
// when the row names no party.
func (t *mentionTable) add(p reconcile.Party, role match.Role) int32 {
	m, ok := mention(p, role)
	if !ok {
		return -1
	}
	return t.addN(m, 1)
}

// addN counts n rows naming m.
func (t *mentionTable) addN(m match.Mention, n int) int32 {
	k := m.Key()
	if i, ok := t.idx[k]; ok {
		t.ms[i].Count += n
		return i
	}
	if t.idx == nil {
		t.idx = map[string]int32{}
	}
	m.Count = n
	t.ms = append(t.ms, m)
	t.idx[k] = int32(len(t.ms) - 1)
	return int32(len(t.ms) - 1)
}

// find returns p's mention index without counting, -1 when none.
func (t *mentionTable) find(p reconcile.Party, role match.Role) int32 {
	m, ok := mention(p, role)
	if !ok {
		return -1
	}
	if i, ok := t.idx[m.Key()]; ok {
		return i
	}
	return -1
}

// cluster builds mentions from the records and clusters them.
func (r *Result) cluster(ctx context.Context, progress func(Progress)) error {
	n := len(r.Records)
	if r.ConsigneeMention == nil {
		r.ConsigneeMention = make([]int32, n)
		r.ShipperMention = make([]int32, n)
		var mt mentionTable
		for i := range r.Records {
			r.ConsigneeMention[i] = mt.add(r.Records[i].Consignee, match.Consignee)
			r.ShipperMention[i] = mt.add(r.Records[i].Shipper, match.Shipper)
		}
		r.Names = &match.Result{Mentions: mt.ms}
	}
	names, err := clusterNames(ctx, &r.Project, r.Names.Mentions, progress)
	if err != nil {
		return err
	}
	r.Names = names
	ent := func(m int32) int32 {
		if m < 0 || int(m) >= len(names.EntityOf) {
			return -1
		}
		return int32(names.EntityOf[m])
	}
	r.ConsigneeEntity = make([]int32, n)
	r.ShipperEntity = make([]int32, n)
	for i := 0; i < n; i++ {
		r.ConsigneeEntity[i] = ent(r.ConsigneeMention[i])
		r.ShipperEntity[i] = ent(r.ShipperMention[i])
	}
	return nil
}

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
	m, err := merge.Reconcile(ctx, in, mergeOptions(p), ds, func(done, total int) { report(progress, Progress{Stage: StageMerge, Done: done, Total: total}) })
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

// Labels returns the entity and country labels totals use.
func (r *Result) Labels() totals.Labels {
	return totals.Labels{
		EntityID: func(e int32) string {
			if e < 0 || int(e) >= len(r.Names.Entities) {
				return ""
			}
			return r.Names.Entities[e].ID
		},
		EntityName: func(e int32) string {
			if e < 0 || int(e) >= len(r.Names.Entities) {
				return ""
			}
			return r.Names.Entities[e].Canonical
		},
		Country: countryName,
		Listed: func(e int32) bool {
			return r.Screening != nil && e >= 0 && int(e) < len(r.Names.Entities) && r.Screening.Listed(r.Names.Entities[e].ID)
		},
	}
}

// Totals groups the counted shipments by g after applying f.
func (r *Result) Totals(g totals.GroupBy, f totals.Filter) *totals.Table {
	return totals.Compute(r.Merge.Shipments, g, f, r.Labels())
}

// Entities returns one summary per entity and role that appears on a
// shipment, by tonnes descending.
func (r *Result) Entities() []EntitySummary {
	var out []EntitySummary
	for _, g := range []totals.GroupBy{totals.ByConsignee, totals.ByShipper} {
		t := r.Totals(g, totals.Filter{})
		role := match.Consignee
		if g == totals.ByShipper {
			role = match.Shipper
		}
		byID := map[string]int{}
		for i, e := range r.Names.Entities {
			byID[e.ID] = i
		}
		for _, grp := range t.Groups {
			ei, ok := byID[grp.Key]
			if !ok {
				continue
			}
			e := r.Names.Entities[ei]
			es := EntitySummary{ID: e.ID, Canonical: e.Canonical, Role: role, Shipments: grp.Measures.Shipments,
				Tonnes: grp.Tonnes, ValueUSD: grp.ValueUSD, Measures: grp.Measures, Entity: ei}
			for _, m := range e.Members {
				if m < len(r.Names.Mentions) && r.Names.Mentions[m].Role == role {
					es.Names = append(es.Names, r.Names.Mentions[m].Name)
				}
			}
			files := map[string]bool{}
			for _, si := range grp.Shipments {
				for _, x := range r.Merge.Shipments[si].Rows {
					b := filepath.Base(r.Records[x].Source.File)
					if !files[b] {
						files[b] = true
						es.Sources = append(es.Sources, b)
					}
				}
			}
			out = append(out, es)
		}
	}
	return out
}

// sheetStatus is a sheet error's message without its position (the
// Sources row names file and sheet already): "not a data sheet: …".
func sheetStatus(err error) string {
	var re *reconcile.Error
	if errors.As(err, &re) && re.Err != nil {
		msg := re.Err.Error()
		msg = strings.TrimPrefix(msg, reconcile.ErrNoTable.Error()+": ")
		if re.Hint != "" {
			msg += " — " + re.Hint
		}
		return msg
	}
	return err.Error()
}
