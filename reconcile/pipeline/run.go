package pipeline

import (
	"context"
	"errors"
	"path/filepath"
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
