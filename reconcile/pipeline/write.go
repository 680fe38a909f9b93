package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"tradecheck/reconcile"
	"tradecheck/reconcile/fileio"
	"tradecheck/reconcile/merge"
	"tradecheck/reconcile/read"
	"tradecheck/reconcile/totals"
	"tradecheck/reconcile/values"
	"tradecheck/reconcile/workbook"
)

func countryName(iso2 string) string { return values.CountryName(iso2) }

// TotalsSheetGroups are the groupings on the Totals sheet, in order.
var TotalsSheetGroups = []totals.GroupBy{totals.ByRoute, totals.ByOrigin, totals.ByDispatch, totals.ByDestination,
	totals.ByHSChapter, totals.ByHSHeading, totals.ByMonth, totals.ByCHPLTier}

// WriteWorkbook writes the audit workbook to path atomically: a temp file
// in the same folder, synced, then renamed over path. On any failure the
// previous file at path is left intact. It refuses a path that is one of
// the inputs (reconcile.ErrOverwrite). progress may be nil.
func WriteWorkbook(ctx context.Context, r *Result, path string, progress func(Progress)) error {
	_, err := write(ctx, r, path, false, progress)
	return err
}

// WriteWorkbookUnique writes like WriteWorkbook but never replaces an
// existing file: when path exists, or another run takes the name first,
// a -2, -3 … suffix is added. It returns the path written.
func WriteWorkbookUnique(ctx context.Context, r *Result, path string, progress func(Progress)) (string, error) {
	return write(ctx, r, path, true, progress)
}

func write(ctx context.Context, r *Result, path string, noClobber bool, progress func(Progress)) (string, error) {
	var inputs []string
	for _, s := range r.Project.Sources {
		inputs = append(inputs, s.Path)
	}
	d, err := r.workbookData(ctx)
	if err != nil {
		return "", err
	}
	return workbook.Write(ctx, d, path, workbook.WriteOptions{Inputs: inputs, NoClobber: noClobber,
		Progress: func(done, total int) {
			report(progress, Progress{Stage: StageWrite, File: path, Done: done, Total: total})
		}})
}

// DefaultOutputPath returns reconciled-YYYYMMDD-HHMMSS.xlsx beside the
// first input, with a -2, -3 … suffix when that name is taken.
func DefaultOutputPath(p *Project, now time.Time) string {
	dir := "."
	if len(p.Sources) > 0 {
		dir = filepath.Dir(p.Sources[0].Path)
	}
	base := filepath.Join(dir, "reconciled-"+now.Format("20060102-150405"))
	path := base + ".xlsx"
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); os.IsNotExist(err) {
			return path
		}
		path = base + "-" + strconv.Itoa(n) + ".xlsx"
	}
}

// Parameter names in the Method sheet; OpenExported reads them back.
const (
	paramWeight     = "Weight basis"
	paramDateTol    = "Date tolerance (days)"
	paramWeightTol  = "Weight tolerance (%)"
	paramAuto       = "Auto-merge threshold"
	paramReview     = "Review threshold"
	paramPreference = "Source preference"
	paramBLBefore   = "B/L date before declaration (days)"
	paramBLAfter    = "B/L date after declaration (days)"
	paramBand       = "Packaging band (%)"
	paramExpBefore  = "Export declaration before import (days)"
	paramExpAfter   = "Export declaration after import (days)"
	paramLists      = "Sanctions lists"
	paramGoodsLists = "Goods lists"
	paramScreenThr  = "Screening threshold"
	paramScreenRev  = "Screening review threshold"
)

func (r *Result) params() []workbook.Param {
	p := r.Project.Params
	o := mergeOptions(p)
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	return []workbook.Param{
		wp(paramWeight, p.Weight, "net: net weight, gross where net is missing (flagged); gross: gross weight throughout."),
		wp(paramDateTol, strconv.Itoa(p.DateToleranceDays), "Rows without a declaration number match another source's row only if their dates are at most this many days apart."),
		wp(paramWeightTol, f(p.WeightTolerancePct), "…and their weights differ by at most this percent of the larger."),
		wp(paramAuto, f(p.AutoThreshold), "Name pairs scoring at or above this merge automatically (if nothing contradicts them)."),
		wp(paramReview, f(p.ReviewThreshold), "Name pairs scoring from this up to the auto-merge threshold go to the Review sheet, unmerged."),
		wp(paramBLBefore, strconv.Itoa(o.BLDaysBefore), "A bill-of-lading date (a row with a B/L and no declaration) may be up to this many days before the declaration's registration date (measured: arrival 0–3 days before registration in the vendor samples)."),
		wp(paramBLAfter, strconv.Itoa(o.BLDaysAfter), "…or up to this many days after it (declarations lodged before arrival)."),
		wp(paramBand, f(o.PackagingBandPct), "A gross-only weight matches a net-only one when net ≤ gross ≤ net × (1 + this/100) (measured: gross/net − 1 is at most 13.4% in 95% of vendor rows giving both)."),
		wp(paramExpBefore, strconv.Itoa(o.ExportDaysBefore), "An export declaration pairs with the import declaration of the same goods when it is dated up to this many days before it (the voyage)…"),
		wp(paramExpAfter, strconv.Itoa(o.ExportDaysAfter), "…or up to this many days after it; and only when each is the other's one candidate in its source."),
		wp(paramPreference, strings.Join(p.SourcePreference, " | "), "When sources disagree, the first listed wins; then, never by file order: declaration-level over aggregated, sources with declaration numbers, the import declaration over the export one, USD as given over converted, the richer row, the file name. Value, currency and USD come from that one row (another row's only when its value has no USD rate, said in Discrepancies)."),
		wp("Source order applied", r.sourceOrder(), "The order the preference rule gives the sources before row-level ties (USD given, richer row)."),
		wp("Rates", strconv.Itoa(len(r.Project.Rates))+" (see the Rates sheet)", "Non-USD values are converted only with these; others are left out of value totals and counted."),
		wp(paramLists, strings.Join(r.Project.Lists, " | "), "Sanctions list files every consignee and shipper was screened against (Screening sheet); none: not screened."),
		wp(paramScreenThr, f(screenThreshold(p)), "Screening hits scoring at or above this count as listed."),
		wp(paramScreenRev, f(screenReviewThreshold(p)), "Screening hits from this up to the threshold are for review; they do not count as listed until confirmed."),
		wp(paramGoodsLists, strings.Join(r.Project.GoodsLists, " | "), "The user's lists of HS codes for claims' goods_list, beside the bundled Common High Priority List."),
	}
}

// sourceOrder lists the sources in the order the preference rule ranks
// them: the user's order, shipment-level before aggregates, sources with
// declaration numbers, then the name.
func (r *Result) sourceOrder() string {
	_, srcs := r.sheetIndex()
	decl := make([]bool, len(srcs))
	idx, _ := r.sheetIndex()
	for i, ref := range r.RecSheet {
		if r.Records[i].DeclarationID != "" {
			decl[idx[ref]] = true
		}
	}
	order := make([]int, len(srcs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		sa, sb := srcs[order[a]], srcs[order[b]]
		switch {
		case sa.Rank != sb.Rank:
			return sa.Rank < sb.Rank
		case sa.Granularity != sb.Granularity:
			return sb.Granularity == reconcile.GranularityMonthly
		case decl[order[a]] != decl[order[b]]:
			return decl[order[a]]
		}
		return sa.Name < sb.Name
	})
	names := make([]string, len(order))
	for k, i := range order {
		names[k] = srcs[i].Name
	}
	return strings.Join(names, " | ")
}

// MethodText is the plain-language account written to the Method sheet.
func MethodText(p Params) []string {
	o := mergeOptions(p)
	basis := "net weight; where a shipment has no net weight its gross weight is used and the shipment is flagged"
	if p.Weight == totals.WeightGross {
		basis = "gross weight throughout"
	}
	return []string{
		"Tradecheck read every row of every source file. Each row either became a record or is listed with the reason it was skipped (blank, total row, repeated header, note, no data); the per-source sheets show every input row with its fate.",
		"Company names were grouped into entities across spellings, scripts and legal forms. Names merge automatically only when their similarity score is at least " + strconv.FormatFloat(p.AutoThreshold, 'g', -1, 64) + " and no tax ID or legal form contradicts the match; borderline pairs are listed for review and not merged. Every merge states its reason, and user decisions (Entities and Review sheets, decision log) override the automatic result.",
		"Identifiers are compared by kind — declaration numbers, bills of lading, container numbers, invoice numbers — after removing case, spaces and separators. Rows carrying the same identifier of one kind are one shipment (the same declaration and item number at once; otherwise with the same 6-digit HS code, the closest weights first). Rows whose identifiers of one kind differ are never merged, except bills of lading of different issuers, which may be the master and the house B/L of one cargo. Identifiers of different kinds (a declaration number and a B/L) neither prove nor prevent a merge.",
		fmt.Sprintf("Rows no identifier links were counted as one shipment when they agree on consignee entity, shipper entity (when both are known), 6-digit HS code, date and weight. Dates: within ±%d days; a bill-of-lading date may be up to %d days before a declaration's registration date and %d after. Weights: net with net and gross with gross, within %s%% of the larger or the precision each source wrote with; a gross-only row matches a net-only row when net ≤ gross ≤ net × %s. Each shipment takes at most one row per source and matches never chain. Exact duplicate rows within one source are counted once. When rows on each side are identical in every figure and as many on each side (a firm's identical loads on one day), they are paired in row order: the pairing is arbitrary, the totals are not.",
			p.DateToleranceDays, o.BLDaysBefore, o.BLDaysAfter, strconv.FormatFloat(p.WeightTolerancePct, 'g', -1, 64), strconv.FormatFloat(1+o.PackagingBandPct/100, 'g', -1, 64)),
		fmt.Sprintf("Export declarations (a file that says it holds exports — a flow column, a banner or sheet name such as \"China exports 2022\" — or that the user marked so) and import declarations of the same goods are one shipment seen from two sides, counted once. Their declaration numbers are of two kinds and neither prove nor prevent a merge. The pair must agree on the consignee entity and the shipper entity (the exporter; both must be known), the 6-digit HS code and the weights as above; the export may be dated up to %d days before the import and %d after; values are not compared (an export declaration states FOB, an import declaration CIF) and their difference is listed as a discrepancy. When both rows carry a declaration number, their dispatch and destination countries must not contradict. A pair merges only when each row is the one candidate of the other's source (a row naming the exporter in a third script, or an import row alike on the day and weight under another shipper, counts as another candidate); otherwise it is listed on Possible duplicates. The import declaration's values and date are used. An export register's rows without a dispatch or origin country take the declaring country when the file or the user states it, and stay unknown otherwise.", o.ExportDaysBefore, o.ExportDaysAfter),
		"Rows of one source that share a bill of lading (or declaration and item) number, the parties, the date and the 6-digit HS code and differ by container number are the container lines of one shipment: their weights and quantities are added, and the sum is compared with the other sources' rows. Their value is added when the rows' values differ or only some rows give one, and taken once when every row repeats one value while the weights differ (listed on the Discrepancies sheet). When every row repeats one value and one weight, a row of another source carrying the B/L or matching the added weight decides whether the value is per container or per B/L; without one, the rows stay apart and Possible duplicates names the containers.",
		"Where sources disagree about a merged shipment, the value of the preferred source is used — the user's source order, then declaration-level data over aggregates, sources with declaration numbers, USD as given over converted values, the row with more fields, the file name; never the order the files were given in — and every disagreement beyond the precision the values were written with is listed on the Discrepancies sheet, marked minor (within the merge tolerance) or material.",
		"Shipment IDs (S-…, M-… for monthly aggregates) are hashed from one source row of the shipment — its file's SHA-256, sheet and row, a row with a declaration number first — so they stay the same across re-runs, mapping edits, file order and added files that do not change that row's shipment.",
		"Monthly aggregate exports are never merged with shipment-level rows. An aggregate line is left out of the totals when shipment-level data covers the same month and consignee; any total that still includes aggregate lines says so.",
		"Tonnes use " + basis + ". Values are in USD as a source gave them, or converted with the rates on the Rates sheet for that currency and month; values without a rate are left out of the value totals and counted on the Discrepancies sheet, never guessed.",
		"Figures on the Summary and Totals sheets are Excel formulas over the Shipments sheet, so any recalculation reproduces them; each shipment links to its first source row.",
		"When sanctions lists are given, every name as written of every consignee and shipper is screened against the lists' organisations with the same name matcher (transliteration, legal forms, rare shared words) plus screening rules that can only lower a score: a generic word never makes a hit alone, numbers must agree, a firm is not its sibling or subsidiary; an equal tax ID is decisive. Hits at or above the screening threshold count as listed; hits in the grey zone are for review and count only when the user confirms them. Every hit, with its reasons, is on the Screening sheet.",
		"Each shipment's HS code is placed on the Common High Priority List by its first six digits (CHPL tier column). A shipment dated before 2022 whose code exists only from HS 2022 is listed on the Discrepancies sheet: the code was probably re-coded later, or the date is wrong.",
		dupesMethod(p),
		"For every pair of sources, the Sources sheet gives the rows of each in the firms, goods (HS-6) and period they share, the shipments merged between them, the rows of one that look like rows of the other but were not merged, and the possible duplicates left. When at least three rows look alike and fewer shipments merged than that, the Summary notes warn of possible double counting between the two sources.",
		"Your shipment decisions (merge a pair, keep it apart, split a shipment, exclude one) name source rows by the file's SHA-256, sheet and row, so they survive renumbered shipments and renamed files; a decision about a file that was not read, or that changed, is not applied and is counted in the notes. They are listed in the decision log below and in the Shipments sheet's Decision column.",
	}
}

func dupesMethod(p Params) string {
	opt := mergeOptions(p)
	days, pct := merge.DupWindow(opt)
	return fmt.Sprintf("Possible duplicates are pairs of counted shipments that were not merged but share the consignee entity and the 6-digit HS code, with dates at most %d days apart and weights within %g%% (net with net, gross with gross, or a net weight and a gross weight up to %g%% heavier: twice the packaging band). Pairs whose declaration numbers or bills of lading differ are not listed: those numbers say they are two shipments — except an export declaration against an import declaration (numbers of two customs services), listed when the export comes up to %d days before the import. Each pair gives what agrees, which rule kept it apart and a score from 0 to 1; none is merged unless you decide so.", days, pct, 100*merge.DupBand(opt), opt.ExportDaysBefore+days)
}

// WorkbookData assembles what the audit workbook shows; exported for the
// claims engine's tests and for callers that write workbooks themselves.
func (r *Result) workbookData(ctx context.Context) (*workbook.Data, error) {
	d := &workbook.Data{
		Version: Version, Started: r.Started, Finished: r.Finished, Params: r.params(), Method: MethodText(r.Project.Params),
		Records: r.Records, Names: r.Names, ConsigneeEntity: r.ConsigneeEntity, ShipperEntity: r.ShipperEntity,
		ConsigneeMention: r.ConsigneeMention, ShipperMention: r.ShipperMention, Merge: r.Merge,
		WeightBasis: r.Project.Params.Weight, Rates: r.Project.Rates, Decisions: r.Project.Decisions,
		ShipmentDecisions: r.Project.ShipmentDecisions,
		Dupes:             r.Dupes, DecisionText: r.decTexts, Notes: reconcile.NoteTexts(r.Warnings()),
	}
	for _, o := range r.Overlaps {
		d.Overlaps = append(d.Overlaps, workbook.Overlap{Overlap: o, NameA: r.SourceName(o.A), NameB: r.SourceName(o.B)})
	}
	type sheetSrc struct {
		path, sheet string
		spec        *SourceSpec
	}
	var srcs []sheetSrc
	for fi, f := range r.Files {
		abs, _ := filepath.Abs(f.Path)
		wf := workbook.File{Path: abs, SHA256: f.SHA256, Err: f.Err}
		if fi < len(r.Project.Sources) {
			c := r.Project.Sources[fi].Citation
			wf.Vendor, wf.Retrieved, wf.Note = c.Vendor, c.Retrieved, c.Note
			if f.Err != nil {
				spec := &r.Project.Sources[fi]
				wf.UserMapping, wf.UserFlow = allMappings(spec), userFlow(spec, "")
			}
		}
		d.Files = append(d.Files, wf)
		for _, s := range f.Sheets {
			d.Sheets = append(d.Sheets, workbook.Sheet{SheetResult: s, FileIndex: fi})
			var spec *SourceSpec
			if fi < len(r.Project.Sources) {
				spec = &r.Project.Sources[fi]
				d.Sheets[len(d.Sheets)-1].UserMapping = userMapping(spec, s.Sheet)
				d.Sheets[len(d.Sheets)-1].UserFlow = userFlow(spec, s.Sheet)
			}
			srcs = append(srcs, sheetSrc{f.Path, s.Sheet, spec})
		}
	}
	lab := r.Labels()
	for _, g := range TotalsSheetGroups {
		d.Tables = append(d.Tables, dropShipments(totals.Compute(r.Merge.Shipments, g, totals.Filter{}, lab)))
	}
	d.ByConsignee = totals.Compute(r.Merge.Shipments, totals.ByConsignee, totals.Filter{}, lab)
	d.ByShipper = totals.Compute(r.Merge.Shipments, totals.ByShipper, totals.Filter{}, lab)
	d.Overall = dropShipments(totals.Compute(r.Merge.Shipments, totals.ByNone, totals.Filter{}, lab))
	d.Overall.Notes = append(d.Overall.Notes, r.listNotes()...)
	// The workbook is read by an editor, whichever front end wrote it:
	// its notes say what to decide in the engine's words and name no
	// flag or control (reconcile.Note).
	d.ReadNotes = reconcile.NoteTexts(r.ReadNotes())
	checked := map[string]error{}
	var checkMu sync.Mutex // the workbook reads two sources at once
	d.Raw = func(ctx context.Context, s int, fn func(row int, cells []string) error) error {
		src := srcs[s]
		// The per-source sheet must show the rows that were read: refuse
		// a file that changed since. The check holds the lock, so a file
		// is hashed once even when two of its sheets start together.
		checkMu.Lock()
		err, done := checked[src.path]
		if !done {
			want := ""
			for _, f := range r.Files {
				if f.Path == src.path {
					want = f.SHA256
				}
			}
			if got, e := fileio.SHA256(context.Background(), src.path); e != nil || got != want {
				err = &reconcile.Error{File: src.path, Err: fmt.Errorf("changed since it was read"), Hint: "run the reconciliation again before exporting"}
			}
			checked[src.path] = err
		}
		checkMu.Unlock()
		if err != nil {
			return err
		}
		opt := read.Options{}
		if src.spec != nil {
			opt = readOptions(src.spec)
		}
		err = read.EachRow(ctx, src.path, src.sheet, opt, fn)
		if errors.Is(err, reconcile.ErrNoTable) {
			// A chart sheet has no cells to copy; the reader already gave
			// it its status, so its per-source sheet is just that status.
			// Refusing here lost the whole workbook for one chart.
			return nil
		}
		return err
	}
	if len(r.Project.Claims) > 0 {
		// Cancelling an export also stops checking its claims.
		vs, err := r.CheckClaimsContext(ctx, nil)
		if err != nil {
			return nil, err
		}
		d.Claims = vs
	}
	d.Screening = r.screeningSheet()
	return d, nil
}

// dropShipments forgets which shipments make up each group of t: the
// workbook shows only the figures of these tables (its formulas find the
// shipments), and at a million rows every table lists each shipment once,
// tens of MB held for nothing while the workbook is written.
func dropShipments(t *totals.Table) *totals.Table {
	for i := range t.Groups {
		t.Groups[i].Shipments = nil
	}
	return t
}

func wp(name, value, meaning string) workbook.Param {
	return workbook.Param{Name: name, Value: value, Meaning: meaning}
}

// userMapping is the spec's overrides for one sheet as JSON ("" when none).
// allMappings is every override of spec as JSON, for a file that could
// not be read (it has no sheets to list them on).
func allMappings(spec *SourceSpec) string {
	if len(spec.Mapping) == 0 {
		return ""
	}
	b, _ := json.Marshal(spec.Mapping)
	return string(b)
}

// userFlow is the trade flow the user set for sheet, as the Sources
// sheet's User trade flow cell writes it: "export:TR", "import", or
// ":TR" for the declaring country alone; "" when the file's own
// statement decides. Without it, --decisions read an export register
// as imports again and a verdict could flip.
func userFlow(spec *SourceSpec, sheet string) string {
	f, ok := spec.Flow[sheet]
	if !ok {
		f = spec.Flow[""]
	}
	if spec.DeclaringCountry != "" {
		f += ":" + spec.DeclaringCountry
	}
	return f
}

// parseUserFlow reads userFlow's text back.
func parseUserFlow(s string) (flow, country string, err error) {
	flow, cc, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), ":")
	if flow != "" && flow != reconcile.FlowExport && flow != reconcile.FlowImport {
		return "", "", fmt.Errorf("trade flow %q is neither export nor import", flow)
	}
	if cc != "" {
		c, ok := values.Country(cc)
		if !ok {
			return "", "", fmt.Errorf("%q is not a country code", cc)
		}
		country = c
	}
	return flow, country, nil
}

func userMapping(spec *SourceSpec, sheet string) string {
	var out []ColumnOverride
	for _, o := range spec.Mapping {
		if o.Sheet == sheet || o.Sheet == "" {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		return ""
	}
	b, _ := json.Marshal(out)
	return string(b)
}
